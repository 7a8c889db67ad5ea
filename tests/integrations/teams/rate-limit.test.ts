/**
 * NETKB_RATE_LIMIT on `POST /teams/messages`, over a real socket: every webhook comes from one address (as
 * Microsoft's do), and each Teams user the signed activity names has a budget of their own; unsigned requests
 * spend none.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsMessage } from '../../../src/integrations/teams/adaptive-card.js';
import { decodeTeamsToken, teamsAuthorization } from '../../../src/integrations/teams/signature.js';
import { buildApp } from '../../../src/server/app.js';
import { serverSettingsFromEnv } from '../../../src/server/settings.js';
import { buildFixtureIndex, type FixtureIndex } from '../../answer/fixture-index.js';
import { listenLocal } from '../../helpers/listen.js';
import { expectRateLimited } from '../../helpers/rate-limited.js';

const key = decodeTeamsToken('vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=') as Buffer;
const wrongKey = Buffer.alloc(32, 7);

let fixture: FixtureIndex;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = await buildApp({
    searcher: () => fixture.searcher,
    settings: serverSettingsFromEnv({ NETKB_RATE_LIMIT: '2/minute' }),
    teams: { keys: [key], publicUrl: 'https://netkb.example.com' },
  });
  ({ base } = await listenLocal(app));
});

afterAll(async () => {
  await app?.close();
  await fixture?.cleanup();
});

let messages = 0;
function activity(from: Record<string, string> | undefined, text = '<at>netkb</at> geneve 隧道不通'): string {
  messages++;
  return JSON.stringify({
    type: 'message',
    id: `m${messages}`,
    channelId: 'msteams',
    ...(from ? { from: { name: 'Engineer', ...from } } : {}),
    conversation: { id: `19:limit@thread.tacv2;messageid=m${messages}` },
    text,
  });
}

async function post(body: string, signWith: Buffer | null = key) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signWith) headers.authorization = teamsAuthorization(signWith, body);
  const response = await fetch(`${base}/teams/messages`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function expectCard(response: { status: number; text: string }): void {
  expect(response.status, response.text).toBe(200);
  const message = JSON.parse(response.text) as TeamsMessage;
  expect(message.type).toBe('message');
  expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
}

describe('NETKB_RATE_LIMIT on /teams/messages: per Teams user, after the signature check', () => {
  it('each user from the same IP gets their budget; unsigned and forged requests are 401 and spend none', async () => {
    const alice = { id: '29:alice', aadObjectId: 'aad-alice' };
    for (const signWith of [null, wrongKey, null]) {
      const refused = await post(activity(alice), signWith);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'BAD_SIGNATURE' } });
    }
    for (const remaining of ['1', '0']) {
      const answered = await post(activity(alice));
      expectCard(answered);
      expect(answered.headers.get('x-ratelimit-remaining')).toBe(remaining);
    }
    expectRateLimited(await post(activity(alice)));
    // Another user, same client IP: still answered, then limited in turn.
    expectCard(await post(activity({ id: '29:bob' }, '<at>netkb</at> coredns 解析超时')));
    expectCard(await post(activity({ id: '29:bob' })));
    expectRateLimited(await post(activity({ id: '29:bob' })));
    // Without from.id the AAD object id names the user.
    expectCard(await post(activity({ aadObjectId: 'aad-carol' })));
    expectCard(await post(activity({ aadObjectId: 'aad-carol' })));
    expectRateLimited(await post(activity({ aadObjectId: 'aad-carol' })));
    // No user at all: the client IP's budget on this route, which the users above did not spend.
    const anonymous = await post(activity(undefined));
    expectCard(anonymous);
    expect(anonymous.headers.get('x-ratelimit-remaining')).toBe('1');
    // A spent budget does not turn a bad signature into a 429.
    expect((await post(activity(alice), null)).status).toBe(401);
  });
});
