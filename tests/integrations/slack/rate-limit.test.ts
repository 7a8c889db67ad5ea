/**
 * NETKB_RATE_LIMIT on the Slack routes, over real sockets: every request comes from one address (as Slack's do),
 * and each Slack user the signed request names has a budget of their own; unsigned requests spend none.
 */
import type { FastifyInstance } from 'fastify';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackService } from '../../../src/integrations/slack/service.js';
import { computeSlackSignature } from '../../../src/integrations/slack/signature.js';
import { buildApp } from '../../../src/server/app.js';
import { serverSettingsFromEnv } from '../../../src/server/settings.js';
import { buildFixtureIndex, type FixtureIndex } from '../../answer/fixture-index.js';
import { listenLocal } from '../../helpers/listen.js';
import { expectRateLimited } from '../../helpers/rate-limited.js';
import { BOT_USER_ID, SlackEmulator } from '../../helpers/slack-emulator.js';

const SECRET = 'test-signing-secret-0123456789';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let fixture: FixtureIndex;
let slack: SlackEmulator;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  slack = await SlackEmulator.start();
});

afterAll(async () => {
  await slack?.close();
  await fixture?.cleanup();
});

/** A server with NETKB_RATE_LIMIT=2/minute and the Slack HTTP routes. */
async function limitedServer(): Promise<{ app: FastifyInstance; base: string; service: SlackService }> {
  let service: SlackService | undefined;
  const app = await buildApp({
    searcher: () => fixture.searcher,
    settings: serverSettingsFromEnv({ NETKB_RATE_LIMIT: '2/minute' }),
    slack: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: undefined, apiUrl: slack.apiUrl },
    slackOptions: {
      retryConfig: { retries: 0 },
      onService: (s) => {
        service = s;
      },
    },
  });
  const { base } = await listenLocal(app);
  return { app, base, service: service as SlackService };
}

function sign(body: string, secret = SECRET): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': computeSlackSignature(secret, timestamp, body),
  };
}

async function post(
  base: string,
  path: string,
  body: string,
  type: string,
  headers: Record<string, string> = sign(body),
) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function command(user: string, text = 'geneve 隧道不通', team = 'T1'): string {
  return new URLSearchParams({
    team_id: team,
    channel_id: 'C1',
    user_id: user,
    command: '/netkb',
    text,
    response_url: slack.responseUrl(),
  }).toString();
}

let events = 0;
function mention(user: string): string {
  const ts = `1700000200.${String(++events).padStart(6, '0')}`;
  return JSON.stringify({
    team_id: 'T1',
    type: 'event_callback',
    event_id: `EvLimit${events}`,
    event: { type: 'app_mention', user, text: `<@${BOT_USER_ID}> geneve 隧道不通`, ts, channel: 'C1' },
  });
}

describe('NETKB_RATE_LIMIT on the Slack routes: per Slack user, after the signature check', () => {
  it('slash commands: each user from the same IP gets their budget; unsigned requests are 401 and spend none', async () => {
    const { app, base } = await limitedServer();
    try {
      // Unsigned and forged requests naming U1, more than the budget: refused, and U1's budget is untouched.
      for (const headers of [{}, sign(command('U1'), 'wrong-secret'), {}]) {
        const refused = await post(base, '/slack/commands', command('U1'), FORM, headers);
        expect(refused.status).toBe(401);
        expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'BAD_SIGNATURE' } });
      }
      for (const remaining of ['1', '0']) {
        const answered = await post(base, '/slack/commands', command('U1'), FORM);
        expect(answered.status).toBe(200);
        expect(JSON.parse(answered.text).response_type).toBe('ephemeral');
        expect(answered.headers.get('x-ratelimit-limit')).toBe('2');
        expect(answered.headers.get('x-ratelimit-remaining')).toBe(remaining);
      }
      expectRateLimited(await post(base, '/slack/commands', command('U1'), FORM));
      // Another user of the same workspace, same client IP: still answered, then limited in turn.
      for (let i = 0; i < 2; i++) {
        const answered = await post(base, '/slack/commands', command('U2', 'coredns 解析超时'), FORM);
        expect(answered.status).toBe(200);
        expect(JSON.parse(answered.text).response_type).toBe('ephemeral');
      }
      expectRateLimited(await post(base, '/slack/commands', command('U2'), FORM));
      // The same user id in another workspace is another user.
      expect((await post(base, '/slack/commands', command('U1', 'geneve', 'T2'), FORM)).status).toBe(200);
      // Still refused by the signature, not the limit, once a user's budget is spent.
      expect((await post(base, '/slack/commands', command('U1'), FORM, {})).status).toBe(401);

      const families = parsePrometheusTextFormat(await (await fetch(`${base}/metrics`)).text());
      const limited = families.find((f) => f.name === 'netkb_rate_limited_total');
      expect(limited?.metrics).toEqual([{ labels: { route: '/slack/commands' }, value: '2' }]);
    } finally {
      await app.close();
    }
  });

  it('events are limited per event.user, url_verification per IP; interactions per user.id', async () => {
    const { app, base, service } = await limitedServer();
    slack.reset();
    try {
      const unsigned = await post(base, '/slack/events', mention('U1'), JSON_TYPE, {});
      expect(unsigned.status).toBe(401);
      expect((await post(base, '/slack/events', mention('U1'), JSON_TYPE)).status).toBe(200);
      expect((await post(base, '/slack/events', mention('U1'), JSON_TYPE)).status).toBe(200);
      expectRateLimited(await post(base, '/slack/events', mention('U1'), JSON_TYPE));
      expect((await post(base, '/slack/events', mention('U2'), JSON_TYPE)).status).toBe(200);
      // No user named: the client IP's budget on this route, which the users above did not spend.
      const challenge = JSON.stringify({ token: 't', challenge: 'c1', type: 'url_verification' });
      const verified = await post(base, '/slack/events', challenge, JSON_TYPE);
      expect(verified.status).toBe(200);
      expect(JSON.parse(verified.text)).toEqual({ challenge: 'c1' });
      expect(verified.headers.get('x-ratelimit-remaining')).toBe('1');

      const click = (user: string) =>
        `payload=${encodeURIComponent(JSON.stringify({ type: 'shortcut', user: { id: user, team_id: 'T1' }, team: { id: 'T1' } }))}`;
      expect((await post(base, '/slack/interactions', click('U1'), FORM)).status).toBe(200);
      expect((await post(base, '/slack/interactions', click('U1'), FORM)).status).toBe(200);
      expectRateLimited(await post(base, '/slack/interactions', click('U1'), FORM));
      expect((await post(base, '/slack/interactions', click('U2'), FORM)).status).toBe(200);
      await service.idle();
      // Only the two answered mentions of U1 and the one of U2 were processed.
      expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
    } finally {
      await app.close();
    }
  });
});
