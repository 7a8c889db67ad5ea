/**
 * End to end over real sockets: netkb listens on 127.0.0.1 with the Slack app configured against a local Slack
 * emulator; signed requests go in with fetch, and the emulator records what netkb posts back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemoryFeedback } from '../../../src/integrations/chat/feedback.js';
import type { SlackMessage } from '../../../src/integrations/slack/block-kit.js';
import { slackMessageProblems } from '../../../src/integrations/slack/limits.js';
import { ACTION_IDS } from '../../../src/integrations/slack/render.js';
import type { SlackService } from '../../../src/integrations/slack/service.js';
import { computeSlackSignature } from '../../../src/integrations/slack/signature.js';
import { buildApp } from '../../../src/server/app.js';
import { FairTurns } from '../../../src/server/fair-turns.js';
import { buildFixtureIndex, type FixtureIndex } from '../../answer/fixture-index.js';
import { listenLocal } from '../../helpers/listen.js';
import { BOT_ID, BOT_USER_ID, SlackEmulator } from '../../helpers/slack-emulator.js';

const SECRET = 'test-signing-secret-0123456789';
const GENEVE_TITLE = 'Kube-OVN 跨节点 Pod 通信：Geneve 隧道';

let fixture: FixtureIndex;
let slack: SlackEmulator;
let app: FastifyInstance;
let service: SlackService;
let base: string;
const feedback = new InMemoryFeedback();

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  slack = await SlackEmulator.start();
  app = await buildApp({
    searcher: () => fixture.searcher,
    slack: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: undefined, apiUrl: slack.apiUrl },
    slackOptions: {
      feedback,
      retryConfig: { retries: 3, factor: 2, minTimeout: 20, maxTimeout: 100 },
      onService: (s) => {
        service = s;
      },
    },
  });
  ({ base } = await listenLocal(app));
});

afterAll(async () => {
  await app?.close();
  await slack?.close();
  await fixture?.cleanup();
});

beforeEach(() => slack.reset());

function sign(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SECRET,
): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': computeSlackSignature(secret, String(timestamp), body),
  };
}

async function post(path: string, body: string, type: string, headers: Record<string, string> = sign(body)) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

function commandBody(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/netkb',
    text,
    response_url: slack.responseUrl('cmd'),
    trigger_id: '1.2.3',
    ...extra,
  }).toString();
}

let eventCounter = 0;
function mention(text: string, extra: Record<string, unknown> = {}, eventId = `Ev${++eventCounter}`) {
  const ts = `1700000100.${String(eventCounter).padStart(6, '0')}`;
  return {
    eventId,
    ts,
    body: JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: 1700000100,
      event: { type: 'app_mention', user: 'U1', text, ts, channel: 'C1', event_ts: ts, ...extra },
    }),
  };
}

function headerOf(message: { blocks?: unknown }): string | undefined {
  const blocks = message.blocks as SlackMessage['blocks'] | undefined;
  const header = blocks?.find((b) => b.type === 'header');
  return header?.type === 'header' ? header.text.text : undefined;
}

function expectValidMessage(message: Record<string, unknown>): void {
  expect(slackMessageProblems(message as unknown as SlackMessage)).toEqual([]);
}

describe('Slack HTTP endpoints', () => {
  it('answers url_verification with the challenge (signed like everything else)', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' });
    const response = await post('/slack/events', body, JSON_TYPE);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'abc123' });
  });

  // Slack allows 3 s for this response; `npm run bench:slack` measures it (p50/p99/max), this checks what is in it.
  it('a signed slash command gets an ephemeral Block Kit answer from the right runbook in its HTTP response', async () => {
    const response = await post(
      '/slack/commands',
      commandBody('pod 跨节点 ping 不通，geneve 隧道不通'),
      FORM,
    );
    expect(response.status).toBe(200);
    const message = JSON.parse(response.text);
    expect(message.response_type).toBe('ephemeral');
    expect(headerOf(message)).toBe(GENEVE_TITLE);
    expect(message.text).toContain(GENEVE_TITLE);
    expectValidMessage(message);
    const actions = message.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements.map((e: { action_id: string }) => e.action_id)).toEqual([
      ACTION_IDS.helpful,
      ACTION_IDS.notHelpful,
      ACTION_IDS.share,
    ]);
    expect(slack.calls).toEqual([]);
  });

  it('computes its answer in fair turns on the event loop, per Slack user (as /v1/chat does per client)', async () => {
    const take = vi.spyOn(FairTurns.prototype, 'take');
    try {
      const response = await post(
        '/slack/commands',
        commandBody('coredns 解析超时，pod 里 nslookup 失败'),
        FORM,
      );
      expect(response.status).toBe(200);
      expect(take).toHaveBeenCalledWith('slack:T1:U1');
    } finally {
      take.mockRestore();
    }
  });

  it('"/netkb help" and an empty command explain usage', async () => {
    for (const text of ['help', '', '  ']) {
      const response = await post('/slack/commands', commandBody(text), FORM);
      expect(response.status).toBe(200);
      const message = JSON.parse(response.text);
      expect(headerOf(message)).toBe('netkb — Kubernetes networking runbooks');
      expect(message.blocks[1].text.text).toContain('/netkb pod 访问 node 的 6443 不通');
    }
  });

  it('rejects tampered, wrongly signed, stale and unsigned requests with 401 and processes nothing', async () => {
    const body = commandBody('geneve 隧道不通');
    const { eventId, body: event } = mention(`<@${BOT_USER_ID}> geneve 隧道不通`);
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string, string, Record<string, string>, string]> = [
      ['/slack/commands', `${body}&x=1`, FORM, sign(body), 'BAD_SIGNATURE'],
      ['/slack/commands', body, FORM, sign(body, now, 'wrong-secret'), 'BAD_SIGNATURE'],
      ['/slack/commands', body, FORM, sign(body, now - 301), 'STALE_REQUEST'],
      ['/slack/commands', body, FORM, {}, 'BAD_SIGNATURE'],
      ['/slack/commands', body, FORM, { 'x-slack-request-timestamp': String(now) }, 'BAD_SIGNATURE'],
      ['/slack/events', event.replace('geneve', 'GENEVE'), JSON_TYPE, sign(event), 'BAD_SIGNATURE'],
      ['/slack/events', event, JSON_TYPE, sign(event, now + 400), 'STALE_REQUEST'],
      [
        '/slack/events',
        event,
        'text/plain',
        { 'x-slack-signature': sign(event)['x-slack-signature'] ?? '' },
        'BAD_SIGNATURE',
      ],
      ['/slack/interactions', 'payload=%7B%7D', FORM, sign('payload={}'), 'BAD_SIGNATURE'],
    ];
    for (const [path, payload, type, headers, code] of cases) {
      const response = await post(path, payload, type, headers);
      expect(response.status, `${path} ${code}`).toBe(401);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code } });
    }
    await service.idle();
    expect(slack.calls).toEqual([]);
    expect(slack.responsePosts).toEqual([]);
    // The same event, properly signed, is still new: the rejected deliveries claimed nothing.
    expect((await post('/slack/events', event, JSON_TYPE)).status).toBe(200);
    await service.idle();
    expect(slack.callsOf('chat.postMessage').map((c) => c.args.thread_ts)).toHaveLength(1);
    expect(eventId).toMatch(/^Ev/);
  });

  it('acks an app_mention at once, then answers in its thread; a follow-up in the thread stays on topic', async () => {
    const first = mention(`<@${BOT_USER_ID}> pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通`);
    const ack = await post('/slack/events', first.body, JSON_TYPE);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 1);
    const [answer] = slack.callsOf('chat.postMessage');
    expect(answer?.authorization).toBe('Bearer xoxb-test');
    expect(answer?.args).toMatchObject({ channel: 'C1', thread_ts: first.ts });
    expect(headerOf(answer?.args ?? {})).toBe(GENEVE_TITLE);
    expectValidMessage(answer?.args ?? {});

    // A follow-up mention in the same thread: the conversation is the thread.
    const followUp = mention(`<@${BOT_USER_ID}> 那怎么抓包?`, { thread_ts: first.ts });
    expect((await post('/slack/events', followUp.body, JSON_TYPE)).status).toBe(200);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 2);
    const reply = slack.callsOf('chat.postMessage')[1];
    expect(reply?.args).toMatchObject({ channel: 'C1', thread_ts: first.ts });
    expect(headerOf(reply?.args ?? {})).toBe(GENEVE_TITLE);
    const text = JSON.stringify(reply?.args.blocks);
    expect(text).toContain('tcpdump -i genev_sys_6081 -nn host 10.16.1.3');

    // The same words in a new thread go to the generic capture runbook.
    const fresh = mention(`<@${BOT_USER_ID}> 那怎么抓包?`);
    await post('/slack/events', fresh.body, JSON_TYPE);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 3);
    expect(slack.callsOf('chat.postMessage')[2]?.args.thread_ts).toBe(fresh.ts);
    expect(headerOf(slack.callsOf('chat.postMessage')[2]?.args ?? {})).not.toBe(GENEVE_TITLE);
  });

  it("answers a DM in its thread and ignores its own and other bots' messages", async () => {
    const dm = mention('coredns 解析失败', { type: 'message', channel: 'D1', channel_type: 'im' });
    const own = mention('coredns 解析失败', {
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      user: BOT_USER_ID,
    });
    const bot = mention('coredns 解析失败', {
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      bot_id: 'B999',
    });
    const edit = mention('coredns 解析失败', {
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      subtype: 'message_changed',
    });
    const channelMessage = mention('coredns 解析失败', {
      type: 'message',
      channel: 'C1',
      channel_type: 'channel',
    });
    for (const event of [own, bot, edit, channelMessage, dm]) {
      expect((await post('/slack/events', event.body, JSON_TYPE)).status).toBe(200);
    }
    await service.idle();
    const posts = slack.callsOf('chat.postMessage');
    expect(posts.map((p) => [p.args.channel, p.args.thread_ts])).toEqual([['D1', dm.ts]]);
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('coredns');
    expect(BOT_ID).toBe('BBOT0001');
  });

  it('a bare mention gets the usage help in its thread', async () => {
    const event = mention(`<@${BOT_USER_ID}>`);
    await post('/slack/events', event.body, JSON_TYPE);
    await service.idle();
    const [help] = slack.callsOf('chat.postMessage');
    expect(help?.args.thread_ts).toBe(event.ts);
    expect(headerOf(help?.args ?? {})).toBe('netkb — Kubernetes networking runbooks');
  });

  it('a retried event (same event_id, X-Slack-Retry-Num) posts once', async () => {
    const event = mention(`<@${BOT_USER_ID}> service 访问不了`);
    const deliveries = await Promise.all([
      post('/slack/events', event.body, JSON_TYPE),
      post('/slack/events', event.body, JSON_TYPE, {
        ...sign(event.body),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      }),
    ]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    await post('/slack/events', event.body, JSON_TYPE, {
      ...sign(event.body),
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_error',
    });
    await service.idle();
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('chat.postMessage rate limited (429 + Retry-After) is retried after the wait', async () => {
    slack.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const event = mention(`<@${BOT_USER_ID}> geneve 隧道不通`);
    await post('/slack/events', event.body, JSON_TYPE);
    await service.idle();
    const attempts = slack.callsOf('chat.postMessage');
    expect(attempts).toHaveLength(2);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(attempts[1]?.args.thread_ts).toBe(event.ts);
  });

  it('a network failure on chat.postMessage is retried with backoff', async () => {
    slack.script('chat.postMessage', { status: 0, body: null }, { status: 0, body: null });
    const event = mention(`<@${BOT_USER_ID}> geneve 隧道不通`);
    await post('/slack/events', event.body, JSON_TYPE);
    await service.idle();
    const attempts = slack.callsOf('chat.postMessage');
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.args.thread_ts === event.ts)).toBe(true);
  });

  it('channel_not_found is not retried and a Slack outage does not crash the server', async () => {
    slack.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await post('/slack/events', mention(`<@${BOT_USER_ID}> geneve 隧道不通`).body, JSON_TYPE);
    await service.idle();
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);

    slack.script(
      'chat.postMessage',
      { status: 500, body: { ok: false } },
      { status: 503, body: { ok: false } },
      { status: 500, body: { ok: false } },
      { status: 500, body: { ok: false } },
    );
    await post('/slack/events', mention(`<@${BOT_USER_ID}> geneve 隧道不通`).body, JSON_TYPE);
    await service.idle();
    // One try plus three retries, then it gives up (logged) and the server keeps serving.
    expect(slack.callsOf('chat.postMessage')).toHaveLength(5);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('a 👍 click on a posted answer is recorded against its answer id and the message is updated', async () => {
    const event = mention(`<@${BOT_USER_ID}> geneve 隧道不通`);
    await post('/slack/events', event.body, JSON_TYPE);
    await service.idle();
    const posted = slack.callsOf('chat.postMessage')[0]?.args as { blocks: SlackMessage['blocks'] };
    const actions = posted.blocks.find((b) => b.type === 'actions');
    const helpful =
      actions?.type === 'actions'
        ? actions.elements.find((e) => e.action_id === ACTION_IDS.helpful)
        : undefined;
    expect(helpful?.value).toMatch(/^zh:/);
    const payload = {
      type: 'block_actions',
      user: { id: 'U7' },
      team: { id: 'T1' },
      channel: { id: 'C1' },
      container: { type: 'message', is_ephemeral: false },
      message: { ts: '1700000000.000001', blocks: posted.blocks },
      response_url: slack.responseUrl('click'),
      actions: [{ action_id: ACTION_IDS.helpful, value: helpful?.value, type: 'button' }],
    };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const ack = await post('/slack/interactions', body, FORM);
    expect(ack.status).toBe(200);
    await service.idle();
    const answerId = helpful?.value?.slice(3);
    expect(feedback.list().at(-1)).toMatchObject({ answerId, helpful: true, channel: 'slack', user: 'U7' });
    const [update] = slack.callsOf('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C1', ts: '1700000000.000001' });
    // The notification text stays the answer's; the thank-you replaces the buttons.
    expect(update?.args.text).toBe(slack.callsOf('chat.postMessage')[0]?.args.text);
    const text = JSON.stringify(update?.args.blocks);
    expect(text).toContain('已记录反馈（<@U7>）');
    expect(text).not.toContain(ACTION_IDS.helpful);
    expectValidMessage(update?.args ?? {});
  });

  it('"share in channel" re-posts an ephemeral answer in_channel through response_url; 👎 on it replaces it', async () => {
    const response = await post('/slack/commands', commandBody('coredns 解析失败'), FORM);
    const message = JSON.parse(response.text) as SlackMessage;
    const actions = message.blocks.find((b) => b.type === 'actions');
    const share =
      actions?.type === 'actions'
        ? actions.elements.find((e) => e.action_id === ACTION_IDS.share)
        : undefined;
    const click = (action: string, url: string) =>
      `payload=${encodeURIComponent(
        JSON.stringify({
          type: 'block_actions',
          user: { id: 'U9' },
          channel: { id: 'C1' },
          container: { type: 'message', is_ephemeral: true },
          response_url: url,
          actions: [{ action_id: action, value: share?.value }],
        }),
      )}`;
    const shareUrl = slack.responseUrl('share');
    expect((await post('/slack/interactions', click(ACTION_IDS.share, shareUrl), FORM)).status).toBe(200);
    await service.idle();
    const [shared] = slack.responsePosts;
    expect(shared?.id).toBe('share');
    expect(shared?.body.response_type).toBe('in_channel');
    expect(headerOf(shared?.body ?? {})).toBe(headerOf(message));
    expect(JSON.stringify(shared?.body.blocks)).toContain('<@U9>');
    expectValidMessage(shared?.body ?? {});

    await post('/slack/interactions', click(ACTION_IDS.notHelpful, slack.responseUrl('thumbs')), FORM);
    await service.idle();
    const replaced = slack.responsePosts.find((p) => p.id === 'thumbs');
    expect(replaced?.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced?.body.blocks)).toContain('👎');
    expect(feedback.list().at(-1)).toMatchObject({ helpful: false, user: 'U9' });
  });

  it('never posts to a response_url outside Slack and the configured API host', async () => {
    const body = commandBody('coredns 解析失败');
    const message = JSON.parse((await post('/slack/commands', body, FORM)).text) as SlackMessage;
    const actions = message.blocks.find((b) => b.type === 'actions');
    const value = actions?.type === 'actions' ? actions.elements[0]?.value : '';
    const payload = {
      type: 'block_actions',
      user: { id: 'U9' },
      response_url: 'http://127.0.0.2:9/steal',
      actions: [{ action_id: ACTION_IDS.share, value }],
    };
    await post('/slack/interactions', `payload=${encodeURIComponent(JSON.stringify(payload))}`, FORM);
    await service.idle();
    expect(slack.responsePosts).toEqual([]);
  });

  it('a signed but malformed body is a 400, not a crash', async () => {
    const response = await post('/slack/events', '{"type":"nope"}', JSON_TYPE);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-slack-no-retry')).toBe('1');
    expect((await post('/slack/events', '{not json', JSON_TYPE)).status).toBe(400);
    expect((await post('/slack/commands', 'text=only', FORM)).status).toBe(400);
  });

  it('before the index is loaded, a slash command says so instead of failing', async () => {
    const loading = await buildApp({
      searcher: () => null,
      slack: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: undefined, apiUrl: slack.apiUrl },
    });
    const body = commandBody('geneve 隧道不通');
    const response = await loading.inject({
      method: 'POST',
      url: '/slack/commands',
      headers: { 'content-type': FORM, ...sign(body) },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().text).toContain('still loading');
    await loading.close();
  });

  it('without Slack configured the routes do not exist', async () => {
    const plain = await buildApp({ searcher: () => fixture.searcher });
    for (const url of ['/slack/events', '/slack/commands', '/slack/interactions']) {
      const response = await plain.inject({
        method: 'POST',
        url,
        headers: { 'content-type': JSON_TYPE },
        payload: '{}',
      });
      expect(response.statusCode).toBe(404);
    }
    expect((await plain.inject({ method: 'GET', url: '/readyz' })).json().slack).toBe('off');
    await plain.close();
  });

  it('/readyz says slack: "http"', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready', slack: 'http' });
  });
});
