/**
 * End to end over a real listening socket: signed Teams activities (as Teams' outgoing webhook sends them) against
 * the app with the Teams route on, answered from a real fixture index.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TeamsMessage } from '../../../src/integrations/teams/adaptive-card.js';
import { TOO_SLOW } from '../../../src/integrations/teams/route.js';
import { decodeTeamsToken, teamsAuthorization } from '../../../src/integrations/teams/signature.js';
import type { Searcher } from '../../../src/retrieve/types.js';
import { buildApp } from '../../../src/server/app.js';
import { FairTurns } from '../../../src/server/fair-turns.js';
import { buildFixtureIndex, type FixtureIndex } from '../../answer/fixture-index.js';
import { adaptiveCardProblems } from '../../helpers/adaptive-card-schema.js';
import { listenLocal } from '../../helpers/listen.js';

const TOKEN = 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=';
const SECOND_TEAM_TOKEN = 'QgyNSToQjf4p6+YzDpjKks1/tXeJQ7FhVHqRwTnugVI=';
const UNKNOWN_TOKEN = Buffer.alloc(32, 7).toString('base64');
const PUBLIC_URL = 'https://netkb.example.com';
const key = decodeTeamsToken(TOKEN) as Buffer;

let fixture: FixtureIndex;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = await buildApp({
    searcher: () => fixture.searcher,
    teams: { keys: [key, decodeTeamsToken(SECOND_TEAM_TOKEN) as Buffer], publicUrl: PUBLIC_URL },
  });
  ({ base } = await listenLocal(app));
});

afterAll(async () => {
  await app?.close();
  await fixture?.cleanup();
});

let messageCounter = 1_700_000_000_000;

/** An activity shaped like what Teams POSTs for "@netkb …" in a channel (HTML text, mention entity). */
function activity(text: string, options: { chain?: string; type?: string } = {}): string {
  const messageId = String(messageCounter++);
  const chain = options.chain ?? messageId;
  return JSON.stringify({
    type: options.type ?? 'message',
    id: messageId,
    timestamp: '2026-12-02T06:00:00.000Z',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: '29:1abc', name: 'On-call Engineer', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: {
      isGroup: true,
      id: `19:b1c2d3@thread.tacv2;messageid=${chain}`,
      name: null,
      conversationType: 'channel',
      tenantId: '00000000-0000-0000-0000-00000000000a',
    },
    recipient: null,
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: `<div>${text}</div>` }],
    entities: [{ type: 'mention', text: '<at>netkb</at>', mentioned: { id: '28:bot', name: 'netkb' } }],
    channelData: { teamsChannelId: '19:b1c2d3@thread.tacv2', teamsTeamId: '19:team@thread.tacv2' },
    text,
  });
}

async function post(
  body: string,
  options: { authorization?: string | null; contentType?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const contentType =
    options.contentType === undefined ? 'application/json; charset=utf-8' : options.contentType;
  if (contentType) headers['content-type'] = contentType;
  const authorization =
    options.authorization === undefined ? teamsAuthorization(key, body) : options.authorization;
  if (authorization) headers.authorization = authorization;
  return fetch(`${base}/teams/messages`, { method: 'POST', headers, body });
}

async function card(response: Response): Promise<TeamsMessage> {
  expect(response.status, await response.clone().text()).toBe(200);
  const message = (await response.json()) as TeamsMessage;
  expect(message.type).toBe('message');
  expect(adaptiveCardProblems(message.attachments[0].content)).toEqual([]);
  return message;
}

/** Every text in the card, in order, for content checks. */
function cardText(message: TeamsMessage): string {
  return JSON.stringify(message.attachments[0].content.body);
}

/** The doc of the "view runbook" action: the answer's top source. */
function topDoc(message: TeamsMessage): string | undefined {
  const url = message.attachments[0].content.actions?.[0]?.url;
  return url?.slice(`${PUBLIC_URL}/docs/`.length).split('#')[0];
}

describe('POST /teams/messages', () => {
  it('answers a signed activity with an Adaptive Card from the right runbook', async () => {
    const message = await card(await post(activity('<at>netkb</at> geneve 隧道不通，跨节点 pod ping 不通')));
    expect(topDoc(message)).toBe('kube-ovn/geneve.md');
    expect(message.attachments[0].content.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: '查看文档' }),
    ]);
    expect(cardText(message)).toContain('诊断命令（只读，按顺序执行）');
    expect(message.attachments[0].content.fallbackText.length).toBeGreaterThan(20);
  });

  it('computes its answer in fair turns on the event loop, per Teams user (as /v1/chat does per client)', async () => {
    const take = vi.spyOn(FairTurns.prototype, 'take');
    try {
      await card(await post(activity('<at>netkb</at> coredns 解析超时，pod 里 nslookup 失败')));
      expect(take).toHaveBeenCalledWith('teams:29:1abc');
    } finally {
      take.mockRestore();
    }
  });

  it('keeps the topic for a follow-up in the same reply chain, not in another chain', async () => {
    const chain = 'chain-geneve-1';
    const first = await card(
      await post(
        activity('<at>netkb</at> pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通', { chain }),
      ),
    );
    expect(topDoc(first)).toBe('kube-ovn/geneve.md');

    const followUp = await card(await post(activity('<at>netkb</at> 那怎么抓包?', { chain })));
    expect(topDoc(followUp)).toBe('kube-ovn/geneve.md');
    // Names from the first question fill the follow-up's commands.
    expect(cardText(followUp)).toContain('tcpdump -i genev_sys_6081 -nn host 10.16.1.3');

    const elsewhere = await card(await post(activity('<at>netkb</at> 那怎么抓包?')));
    expect(topDoc(elsewhere)).toBe('diagnostics/tcpdump.md');
  });

  it('strips the mention wherever it stands, and the HTML and entities Teams adds', async () => {
    const variants = [
      '<at>netkb</at> coredns 解析失败，nslookup 超时',
      'coredns 解析失败，<at>netkb</at> nslookup 超时',
      'coredns 解析失败，nslookup 超时 <at>netkb</at>',
      '<p><at>netkb</at>&nbsp;coredns&nbsp;解析失败，nslookup 超时</p>',
    ];
    const answers = await Promise.all(variants.map(async (text) => card(await post(activity(text)))));
    for (const answer of answers) {
      expect(topDoc(answer)).toBe('dns/coredns.md');
      expect(answer.summary).toBe(answers[0]?.summary);
      expect(cardText(answer)).not.toContain('netkb</at>');
    }
  });

  it('accepts the shared test vector T1 exactly as signed (raw bytes, decoded token)', async () => {
    const body = '{"type":"message","text":"<at>KubeBot</at> why is my pod stuck in ContainerCreating?"}';
    const response = await post(body, { authorization: 'HMAC nqs2RN6Qzyr8hTkES1Z39V5HCSV3xcPybfbyUyGW36M=' });
    await card(response);
  });

  it('accepts every configured team token', async () => {
    const other = decodeTeamsToken(SECOND_TEAM_TOKEN) as Buffer;
    const body = activity('<at>netkb</at> clusterip service 不通');
    await card(await post(body, { authorization: teamsAuthorization(other, body) }));
  });

  it('401 BAD_SIGNATURE for a tampered body, a wrong token, the undecoded key and a missing header', async () => {
    const body = activity('<at>netkb</at> geneve 隧道不通');
    const signature = teamsAuthorization(key, body);
    const cases: [string, string | null][] = [
      [body.replace('geneve', 'genevf'), signature],
      [body, teamsAuthorization(decodeTeamsToken(UNKNOWN_TOKEN) as Buffer, body)],
      [body, `HMAC ${createHmac('sha256', TOKEN).update(body).digest('base64')}`],
      [body, null],
      [body, `Basic ${signature.slice(5)}`],
      ['', teamsAuthorization(key, '')],
    ];
    for (const [payload, authorization] of cases) {
      const response = await post(payload, { authorization });
      expect(response.status).toBe(401);
      const error = (await response.json()) as { error: { code: string; message: string } };
      expect(error.error.code).toBe('BAD_SIGNATURE');
      expect(Object.keys(error.error)).toEqual(['code', 'message']);
    }
  });

  it('verifies before parsing: a bad signature on a non-JSON body is 401, not 400', async () => {
    const response = await post('not json at all', {
      authorization: 'HMAC AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    });
    expect(response.status).toBe(401);
  });

  it('answers "@netkb" alone or "@netkb help" with help, and non-message activities with an empty 200', async () => {
    for (const text of [
      '<at>netkb</at>',
      '<p><at>netkb</at>&nbsp;</p>',
      '',
      '<at>netkb</at> help',
      '<at>netkb</at> 帮助',
    ]) {
      const help = await card(await post(activity(text)));
      expect(help.summary).toMatch(/^netkb: /);
      expect(cardText(help)).toContain('@netkb pod 访问 node 的 6443 不通');
    }
    const update = await post(activity('', { type: 'conversationUpdate' }));
    expect(update.status).toBe(200);
    expect(await update.text()).toBe('');
  });

  it('400 after the signature check for bodies that are not an activity', async () => {
    const cases: [string, string][] = [
      ['{"type":"message"', 'INVALID_JSON'],
      ['[1,2]', 'BAD_REQUEST'],
      ['{"text":"no type"}', 'BAD_REQUEST'],
      ['{"type":"message","text":42}', 'BAD_REQUEST'],
    ];
    for (const [body, code] of cases) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('413 BODY_TOO_LARGE for an oversized body', async () => {
    const body = activity(`<at>netkb</at> ${'x'.repeat(300 * 1024)}`);
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE');
  });

  it('verifies whatever the content type, even none', async () => {
    const body = activity('<at>netkb</at> geneve 隧道不通');
    await card(await post(body, { contentType: 'text/plain' }));
    await card(await post(body, { contentType: null }));
  });

  it('leaves /v1/chat parsing JSON as before, and /readyz says teams is on', async () => {
    const chat = await fetch(`${base}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'geneve 隧道不通' }),
    });
    expect(chat.status).toBe(200);
    expect(((await (await fetch(`${base}/readyz`)).json()) as { teams: string }).teams).toBe('on');
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/teams/messages');
  });
});

describe('when the index is not there or too slow', () => {
  async function appWith(
    searcher: () => Searcher | null,
    answerDeadlineMs?: number,
  ): Promise<FastifyInstance> {
    return buildApp({
      searcher,
      teams: { keys: [key], publicUrl: null, ...(answerDeadlineMs ? { answerDeadlineMs } : {}) },
    });
  }
  const inject = (target: FastifyInstance, body: string) =>
    target.inject({
      method: 'POST',
      url: '/teams/messages',
      headers: { 'content-type': 'application/json', authorization: teamsAuthorization(key, body) },
      payload: body,
    });

  it('503 NOT_READY while the index loads (the signature is still checked first)', async () => {
    const starting = await appWith(() => null);
    try {
      const body = activity('<at>netkb</at> geneve 隧道不通');
      const response = await inject(starting, body);
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('NOT_READY');
      const unsigned = await starting.inject({ method: 'POST', url: '/teams/messages', payload: body });
      expect(unsigned.statusCode).toBe(401);
    } finally {
      await starting.close();
    }
  });

  it('replies "ask again" in time when answering takes longer than the deadline', async () => {
    const real = fixture.searcher;
    // The search waits until the test lets it go, which is after the reply: a reply that waited for the answer
    // would never come (the test then times out), with no wall-clock limit to trip on a loaded machine.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let searched = false;
    const slow: Searcher = {
      docs: real.docs,
      chunkCount: real.chunkCount,
      vectors: real.vectors,
      chunk: (id) => real.chunk(id),
      doc: (path) => real.doc(path),
      search: async (text, options) => {
        await released;
        searched = true;
        return real.search(text, options);
      },
    };
    const slowApp = await appWith(() => slow, 100);
    try {
      const response = await inject(slowApp, activity('<at>netkb</at> geneve 隧道不通'));
      expect(searched).toBe(false);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ type: 'message', text: TOO_SLOW });
    } finally {
      release();
      await slowApp.close();
    }
  });
});

describe('without NETKB_TEAMS_SECRET', () => {
  it('has no Teams route (404) and /readyz says teams is off', async () => {
    const off = await buildApp({ searcher: () => fixture.searcher, teams: null });
    try {
      const body = activity('<at>netkb</at> geneve');
      const response = await off.inject({
        method: 'POST',
        url: '/teams/messages',
        headers: { 'content-type': 'application/json', authorization: teamsAuthorization(key, body) },
        payload: body,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      expect((await off.inject({ method: 'GET', url: '/readyz' })).json().teams).toBe('off');
    } finally {
      await off.close();
    }
  });
});
