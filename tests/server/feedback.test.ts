/**
 * Query log and feedback through a real listening server and a real SQLite file: every answer is logged,
 * feedback right after the answer is accepted (its row may still be pending), and both survive a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

let fixture: FixtureIndex;
let dir: string;
let dbFile: string;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  dir = await mkdtemp(path.join(os.tmpdir(), 'netkb-feedback-'));
  dbFile = path.join(dir, 'netkb.db');
});
afterAll(async () => {
  await fixture.cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function start(
  store: SqliteStore,
  logQuestions: 'text' | 'hash' | 'off' = 'text',
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ searcher: () => fixture.searcher, store, logQuestions });
  app.addHook('onClose', async () => store.close());
  const { base } = await listenLocal(app);
  return { app, url: base };
}

const post = (url: string, route: string, body: unknown) =>
  fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /v1/feedback and the query log', () => {
  it('logs answers, takes feedback at once, and keeps both across a restart', async () => {
    const first = await start(new SqliteStore({ path: dbFile, flushIntervalMs: 60_000, writer: 'worker' }));
    const chat = await post(first.url, '/v1/chat', { message: 'pod 跨节点 ping 不通，geneve 隧道不通' });
    expect(chat.status).toBe(200);
    const answer = (await chat.json()) as {
      id: string;
      conversation_id: string;
      citations: Array<{ path: string }>;
    };
    const offTopic = (await (await post(first.url, '/v1/chat', { message: '怎么做红烧肉' })).json()) as {
      id: string;
    };

    // The batch is not flushed for a minute: feedback must still find the answer.
    const feedback = await post(first.url, '/v1/feedback', {
      answer_id: answer.id,
      helpful: false,
      comment: '缺少 MTU',
    });
    expect(feedback.status).toBe(204);
    expect(await feedback.text()).toBe('');
    await first.app.close(); // flushes pending rows

    const second = await start(new SqliteStore({ path: dbFile, writer: 'worker' }));
    const later = await post(second.url, '/v1/feedback', { answer_id: offTopic.id, helpful: true });
    expect(later.status).toBe(204);
    const store = new SqliteStore({ path: dbFile });
    const answers = await store.answers({ since: 0 });
    expect(answers.map((a) => a.answerId)).toEqual(expect.arrayContaining([answer.id, offTopic.id]));
    const logged = answers.find((a) => a.answerId === answer.id);
    expect(logged).toMatchObject({
      channel: 'api',
      question: 'pod 跨节点 ping 不通，geneve 隧道不通',
      topDoc: answer.citations[0]?.path,
      abstained: false,
      conversationId: answer.conversation_id,
    });
    expect(logged?.indexGeneration).toMatch(/^gen-/);
    expect(answers.find((a) => a.answerId === offTopic.id)?.abstained).toBe(true);
    const given = await store.feedback({ since: 0 });
    expect(given.map((f) => [f.answerId, f.helpful, f.comment ?? null])).toEqual([
      [answer.id, false, '缺少 MTU'],
      [offTopic.id, true, null],
    ]);
    await store.close();
    await second.app.close();
  });

  it('404 UNKNOWN_ANSWER for an id the log does not hold; 400 for a bad body; 415 without JSON', async () => {
    const { app, url } = await start(new SqliteStore({ path: path.join(dir, 'errors.db') }));
    const unknown = await post(url, '/v1/feedback', { answer_id: 'no-such-answer', helpful: true });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_ANSWER');
    for (const body of [
      { answer_id: 'x' },
      { answer_id: 'x', helpful: 'yes' },
      { answer_id: 'x', helpful: true, extra: 1 },
    ]) {
      const bad = await post(url, '/v1/feedback', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    const notJson = await fetch(`${url}/v1/feedback`, { method: 'POST', body: 'helpful' });
    expect(notJson.status).toBe(415);
    await app.close();
  });

  it('NETKB_LOG_QUESTIONS=hash keeps only the hash; off keeps nothing', async () => {
    const hashed = path.join(dir, 'hash.db');
    const a = await start(new SqliteStore({ path: hashed }), 'hash');
    await post(a.url, '/v1/chat', { message: 'coredns 超时' });
    await a.app.close();
    const off = path.join(dir, 'off.db');
    const b = await start(new SqliteStore({ path: off }), 'off');
    const answer = (await (await post(b.url, '/v1/chat', { message: 'coredns 超时' })).json()) as {
      id: string;
    };
    expect((await post(b.url, '/v1/feedback', { answer_id: answer.id, helpful: true })).status).toBe(404);
    await b.app.close();
    const readHashed = new SqliteStore({ path: hashed });
    const [row] = await readHashed.answers({ since: 0 });
    expect(row?.question).toBeNull();
    expect(row?.questionHash).toMatch(/^[0-9a-f]{64}$/);
    await readHashed.close();
    const readOff = new SqliteStore({ path: off });
    expect(await readOff.answers({ since: 0 })).toEqual([]);
    await readOff.close();
  });
});
