/**
 * Two netkb servers (each its own Fastify app, listening socket, store and connection pool) sharing one real
 * PostgreSQL database, as two replicas behind a load balancer: conversations, Slack de-duplication, feedback and
 * reports span both; then the database is stopped under load and started again.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSlackSignature } from '../../src/integrations/slack/signature.js';
import { buildApp } from '../../src/server/app.js';
import { type OpenedStore, openStore } from '../../src/store/open-store.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { BOT_USER_ID, SlackEmulator } from '../helpers/slack-emulator.js';

const SECRET = 'test-signing-secret-0123456789';
const GENEVE_TITLE = 'Kube-OVN 跨节点 Pod 通信：Geneve 隧道';

interface Replica {
  app: FastifyInstance;
  opened: OpenedStore;
  base: string;
}

let postgres: TestPostgres | null;
let fixture: FixtureIndex;
let slack: SlackEmulator;
const replicas: Replica[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  if (!postgres) return;
  fixture = await buildFixtureIndex();
  slack = await SlackEmulator.start();
  for (let i = 0; i < 2; i++) {
    const opened = await openStore({
      dbPath: 'unused.db',
      retentionDays: 30,
      logQuestions: 'text',
      databaseUrl: postgres.url,
    });
    const app = await buildApp({
      searcher: () => fixture.searcher,
      store: opened.store,
      slack: { signingSecret: SECRET, botToken: 'xoxb-test', appToken: undefined, apiUrl: slack.apiUrl },
      slackOptions: { retryConfig: { retries: 0 } },
    });
    const { base } = await listenLocal(app);
    replicas.push({ app, opened, base });
  }
}, 240_000);

afterAll(async () => {
  for (const { app, opened } of replicas) {
    await app.close();
    opened.stopMaintenance();
    await opened.store.close();
  }
  await slack?.close();
  await fixture?.cleanup();
  await postgres?.destroy();
}, 60_000);

function replica(i: number): Replica {
  const r = replicas[i];
  if (!r) throw new Error(`no replica ${i}`);
  return r;
}

async function chat(i: number, body: Record<string, unknown>) {
  const response = await fetch(`${replica(i).base}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function readyz(i: number) {
  return (await (await fetch(`${replica(i).base}/readyz`)).json()) as Record<string, unknown>;
}

function topTitle(body: Record<string, unknown>): string | undefined {
  return (body.citations as Array<{ title: string }>)[0]?.title;
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two replicas sharing one PostgreSQL database', () => {
  it('a follow-up sent to the second replica continues the first one’s conversation', async (t) => {
    if (!postgres) return t.skip();
    const first = await chat(0, { message: 'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通' });
    expect(first.status).toBe(200);
    expect(topTitle(first.body)).toBe(GENEVE_TITLE);
    const conversation = first.body.conversation_id as string;
    const followUp = await chat(1, { message: '那怎么抓包?', conversation_id: conversation });
    expect(followUp.status).toBe(200);
    expect(followUp.body.conversation_id).toBe(conversation);
    expect(topTitle(followUp.body)).toBe(GENEVE_TITLE);
    expect(JSON.stringify(followUp.body.commands)).toContain('genev_sys_6081');
    // Without the history the same words land elsewhere: the context really came from the other replica.
    const alone = await chat(1, { message: '那怎么抓包?', conversation_id: 'never-seen' });
    expect(topTitle(alone.body)).not.toBe(GENEVE_TITLE);
    const turns = await replica(1).opened.store.turns(conversation, 6);
    expect(turns.map((turn) => turn.question)).toEqual([
      'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通',
      '那怎么抓包?',
    ]);
  });

  it('turns of one conversation alternating between replicas all land in its history, in order', async (t) => {
    if (!postgres) return t.skip();
    const conversation = 'alternating-1';
    for (let i = 0; i < 6; i++) {
      expect(
        (await chat(i % 2, { message: `geneve 第 ${i} 问`, conversation_id: conversation })).status,
      ).toBe(200);
    }
    const turns = await replica(0).opened.store.turns(conversation, 6);
    expect(turns.map((turn) => turn.question)).toEqual(
      Array.from({ length: 6 }, (_, i) => `geneve 第 ${i} 问`),
    );
  });

  it('the same Slack event delivered to both replicas at once is answered once', async (t) => {
    if (!postgres) return t.skip();
    slack.reset();
    for (let n = 0; n < 5; n++) {
      const ts = `1700000200.00000${n}`;
      const body = JSON.stringify({
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `EvReplica${n}`,
        event_time: 1700000200,
        event: {
          type: 'app_mention',
          user: 'U1',
          text: `<@${BOT_USER_ID}> geneve 隧道不通`,
          ts,
          channel: 'C1',
          event_ts: ts,
        },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = {
        'content-type': 'application/json',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': computeSlackSignature(SECRET, timestamp, body),
      };
      const acks = await Promise.all(
        [0, 1].map((i) => fetch(`${replica(i).base}/slack/events`, { method: 'POST', headers, body })),
      );
      expect(acks.map((a) => a.status)).toEqual([200, 200]);
    }
    await until(() => slack.callsOf('chat.postMessage').length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second post would have arrived by now
    const threads = slack.callsOf('chat.postMessage').map((call) => call.args.thread_ts);
    expect(threads.sort()).toEqual(Array.from({ length: 5 }, (_, n) => `1700000200.00000${n}`));
  });

  it('feedback given on one replica for an answer of the other is recorded; reports count both', async (t) => {
    if (!postgres) return t.skip();
    const before = (await replica(0).opened.store.answers({ since: 0 })).length;
    const a = await chat(0, { message: 'coredns 解析超时' });
    const b = await chat(1, { message: 'geneve 隧道不通' });
    // Sent at once, before replica 0's log batch is written (every 200 ms): still recorded.
    const feedback = await fetch(`${replica(1).base}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer_id: a.body.id, helpful: true, comment: 'from the other replica' }),
    });
    expect(feedback.status).toBe(204);
    await replica(1).opened.store.flush();
    for (const i of [0, 1]) {
      const answers = await replica(i).opened.store.answers({ since: 0 });
      expect(answers.length).toBe(before + 2);
      expect(answers.map((e) => e.answerId)).toEqual(expect.arrayContaining([a.body.id, b.body.id]));
      const recorded = await replica(i).opened.store.feedback({ since: 0 });
      expect(recorded.find((f) => f.answerId === a.body.id)).toMatchObject({
        helpful: true,
        comment: 'from the other replica',
        answer: { question: 'coredns 解析超时' },
      });
    }
    expect(await readyz(0)).toMatchObject({
      store: 'ok',
      index_generation: fixture.searcher.generation ?? null,
    });
  });

  it('PostgreSQL stopped under load: chat keeps answering, readyz degraded; started again: writes resume', async (t) => {
    if (!postgres) return t.skip();
    const db = postgres;
    let running = true;
    const statuses: number[] = [];
    const load = (async () => {
      let n = 0;
      while (running) {
        const response = await chat(n % 2, {
          message: `geneve 隧道不通 ${n % 7}`,
          conversation_id: `load-${n % 5}`,
        });
        statuses.push(response.status);
        n++;
      }
    })();
    await until(() => statuses.length >= 10);
    await db.stop();
    await until(async () => String((await readyz(0)).store).startsWith('degraded: '));
    await until(async () => String((await readyz(1)).store).startsWith('degraded: '));
    const during = statuses.length;
    await until(() => statuses.length >= during + 20);
    const degraded = await readyz(0);
    expect(degraded.status).toBe('ready');
    expect(degraded.store_losses as number).toBeGreaterThan(0);
    const unreachable = await fetch(`${replica(1).base}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer_id: 'any', helpful: true }),
    });
    expect(unreachable.status).toBe(503);
    expect(((await unreachable.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    await db.start();
    await until(async () => (await readyz(0)).store === 'ok' && (await readyz(1)).store === 'ok', 30_000);
    running = false;
    await load;
    // Every answer came, with the database gone too; how long each waited is measured by bench:replicas.
    expect(statuses.every((s) => s === 200)).toBe(true);

    // After it returned: acknowledged answers, feedback and turns are all there.
    const after = await chat(1, { message: 'coredns 解析超时', conversation_id: 'after-outage' });
    await chat(0, { message: '那怎么抓包?', conversation_id: 'after-outage' });
    await replica(1).opened.store.flush();
    const feedback = await fetch(`${replica(0).base}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer_id: after.body.id, helpful: false }),
    });
    expect(feedback.status).toBe(204);
    await replica(0).opened.store.flush();
    const logged = await replica(0).opened.store.answers({ since: 0 });
    expect(logged.map((e) => e.answerId)).toContain(after.body.id);
    expect((await replica(1).opened.store.turns('after-outage', 6)).map((turn) => turn.question)).toEqual([
      'coredns 解析超时',
      '那怎么抓包?',
    ]);
    expect((await replica(1).opened.store.feedback({ since: 0 })).map((f) => f.answerId)).toContain(
      after.body.id,
    );
  }, 120_000);
});
