/**
 * Socket Mode end to end: netkb (real server, @slack/socket-mode client) connects to the emulator's
 * apps.connections.open and WebSocket; envelopes go in, acks and chat.postMessage calls come back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryFeedback } from '../../../src/integrations/chat/feedback.js';
import type { SlackMessage } from '../../../src/integrations/slack/block-kit.js';
import { slackMessageProblems } from '../../../src/integrations/slack/limits.js';
import { ACTION_IDS } from '../../../src/integrations/slack/render.js';
import type { SlackService } from '../../../src/integrations/slack/service.js';
import { computeSlackSignature } from '../../../src/integrations/slack/signature.js';
import { buildApp } from '../../../src/server/app.js';
import { buildFixtureIndex, type FixtureIndex } from '../../answer/fixture-index.js';
import { listenLocal } from '../../helpers/listen.js';
import { BOT_USER_ID, SlackEmulator } from '../../helpers/slack-emulator.js';

const GENEVE_TITLE = 'Kube-OVN 跨节点 Pod 通信：Geneve 隧道';
const SECRET = 'http-mode-secret';

let fixture: FixtureIndex;
let slack: SlackEmulator;
let socketApp: FastifyInstance;
let httpApp: FastifyInstance;
let socketService: SlackService;
let httpService: SlackService;
let socketBase: string;
let httpBase: string;
const feedback = new InMemoryFeedback();

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  slack = await SlackEmulator.start();
  const retryConfig = { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 100 };
  socketApp = await buildApp({
    searcher: () => fixture.searcher,
    slack: {
      signingSecret: undefined,
      botToken: 'xoxb-socket',
      appToken: 'xapp-socket',
      apiUrl: slack.apiUrl,
    },
    slackOptions: {
      feedback,
      retryConfig,
      // Pongs may be late on a loaded test machine; 2 s also sets the reconnect backoff step.
      socket: { clientPingTimeoutMs: 2000, serverPingTimeoutMs: 60_000 },
      onService: (s) => {
        socketService = s;
      },
    },
  });
  httpApp = await buildApp({
    searcher: () => fixture.searcher,
    slack: { signingSecret: SECRET, botToken: 'xoxb-http', appToken: undefined, apiUrl: slack.apiUrl },
    slackOptions: {
      retryConfig,
      onService: (s) => {
        httpService = s;
      },
    },
  });
  ({ base: socketBase } = await listenLocal(socketApp));
  ({ base: httpBase } = await listenLocal(httpApp));
  await slack.waitFor(() => slack.socketOpen);
});

afterAll(async () => {
  await socketApp?.close();
  await httpApp?.close();
  await slack?.close();
  await fixture?.cleanup();
});

beforeEach(() => slack.reset());

let counter = 0;
function mentionEnvelope(text: string, eventId = `EvS${++counter}`) {
  const ts = `1700000200.${String(counter).padStart(6, '0')}`;
  return {
    ts,
    eventId,
    payload: {
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: 1700000200,
      event: { type: 'app_mention', user: 'U1', text, ts, channel: 'C2', event_ts: ts },
    },
  };
}

/** Blocks with the per-answer id taken out of the button values. */
function comparable(blocks: unknown): unknown {
  return JSON.parse(JSON.stringify(blocks).replace(/"(zh|en):[0-9a-f-]{36}"/g, '"$1:<id>"'));
}

describe('Slack Socket Mode', () => {
  it('connects through apps.connections.open with the app token; /readyz says socket; no HTTP routes', async () => {
    expect(slack.connections).toBeGreaterThanOrEqual(1);
    expect(await (await fetch(`${socketBase}/readyz`)).json()).toMatchObject({ slack: 'socket' });
    const response = await fetch(`${socketBase}/slack/events`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });

  it('acks an app_mention envelope and answers in the thread, the same answer as over HTTP', async () => {
    const { ts, payload } = mentionEnvelope(`<@${BOT_USER_ID}> pod 跨节点 ping 不通，geneve 隧道不通`);
    const ack = await slack.sendEnvelope('events_api', payload);
    expect(ack).toEqual({});
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 1);
    const viaSocket = slack.callsOf('chat.postMessage')[0];
    expect(viaSocket?.authorization).toBe('Bearer xoxb-socket');
    expect(viaSocket?.args).toMatchObject({ channel: 'C2', thread_ts: ts });
    expect(slackMessageProblems(viaSocket?.args as unknown as SlackMessage)).toEqual([]);

    // The same event over the Events API endpoint of an HTTP-mode server.
    const body = JSON.stringify({ ...payload, event_id: 'EvHttpTwin' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${httpBase}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': computeSlackSignature(SECRET, timestamp, body),
      },
      body,
    });
    expect(response.status).toBe(200);
    await httpService.idle();
    const viaHttp = slack.callsOf('chat.postMessage')[1];
    expect(viaHttp?.authorization).toBe('Bearer xoxb-http');
    const blocks = viaSocket?.args.blocks as SlackMessage['blocks'];
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: GENEVE_TITLE, emoji: true },
    });
    expect(comparable(viaHttp?.args.blocks)).toEqual(comparable(blocks));
    expect(viaHttp?.args.text).toBe(viaSocket?.args.text);
  });

  it('a slash command envelope is answered in its ack, like the HTTP response', async () => {
    const ack = await slack.sendEnvelope('slash_commands', {
      command: '/netkb',
      text: 'geneve 隧道不通',
      user_id: 'U1',
      channel_id: 'C2',
      team_id: 'T1',
      response_url: slack.responseUrl('socket-cmd'),
    });
    expect(ack.response_type).toBe('ephemeral');
    const blocks = ack.blocks as SlackMessage['blocks'];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: GENEVE_TITLE } });
    expect(slackMessageProblems(ack as unknown as SlackMessage)).toEqual([]);
  });

  it('an interactive envelope (👎) is acked and recorded; a redelivered event posts once', async () => {
    const { payload } = mentionEnvelope(`<@${BOT_USER_ID}> coredns 解析失败`);
    await slack.sendEnvelope('events_api', payload);
    await slack.sendEnvelope('events_api', payload, { retry_attempt: 1, retry_reason: 'timeout' });
    await socketService.idle();
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    const posted = slack.callsOf('chat.postMessage')[0]?.args.blocks as SlackMessage['blocks'];
    const actions = posted.find((b) => b.type === 'actions');
    const value = actions?.type === 'actions' ? actions.elements[0]?.value : undefined;
    const ack = await slack.sendEnvelope('interactive', {
      type: 'block_actions',
      user: { id: 'U5' },
      channel: { id: 'C2' },
      container: { type: 'message', is_ephemeral: false },
      message: { ts: '1700000000.000009', blocks: posted },
      actions: [{ action_id: ACTION_IDS.notHelpful, value }],
    });
    expect(ack).toEqual({});
    await socketService.idle();
    expect(feedback.list().at(-1)).toMatchObject({ helpful: false, user: 'U5', channel: 'slack' });
    expect(slack.callsOf('chat.update')).toHaveLength(1);
  });

  it('reconnects after a dropped socket and after a disconnect message, and keeps answering', async () => {
    const before = slack.connections;
    slack.dropSocket();
    await slack.waitFor(() => slack.connections >= before + 1 && slack.socketOpen, 15_000);
    expect(slack.callsOf('apps.connections.open').length).toBeGreaterThanOrEqual(1);

    slack.sendDisconnect();
    await slack.waitFor(() => slack.connections >= before + 2 && slack.socketOpen, 15_000);

    const { ts, payload } = mentionEnvelope(`<@${BOT_USER_ID}> service 访问不了`);
    await slack.sendEnvelope('events_api', payload);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 1);
    expect(slack.callsOf('chat.postMessage')[0]?.args.thread_ts).toBe(ts);
  });
});
