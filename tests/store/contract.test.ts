/**
 * The store contract, one suite run against both backends: SQLite on a temp file and PostgreSQL on a throw-away
 * cluster (tests/helpers/postgres.ts). Two store instances on one database stand for two replicas.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionHash } from '../../src/store/log-entry.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { AnswerLogEntry, Store } from '../../src/store/types.js';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.js';

const DAY = 24 * 60 * 60 * 1000;

function entry(id: string, at: number, extra: Partial<AnswerLogEntry> = {}): AnswerLogEntry {
  return {
    answerId: id,
    at,
    channel: 'api',
    question: `q ${id}`,
    questionHash: questionHash(`q ${id}`),
    topDoc: 'dns/coredns.md',
    confidence: 0.8,
    abstained: false,
    latencyMs: 3.5,
    conversationId: 'c1',
    indexGeneration: 'gen-1',
    ...extra,
  };
}

interface Backend {
  /** A fresh, empty database; `open` gives a store (replica) on it. */
  fresh(): Promise<{ open(now?: () => number): Promise<Store> }>;
}

let tmp: string;
let postgres: TestPostgres | null = null;
let databases = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-contract-'));
  postgres = await startTestPostgres();
}, 180_000);
afterAll(async () => {
  await postgres?.destroy();
  await rm(tmp, { recursive: true, force: true });
});

const backends: Record<string, Backend> = {
  sqlite: {
    async fresh() {
      const file = path.join(tmp, `db-${databases++}.db`);
      return {
        open: async (now) =>
          new SqliteStore({ path: file, flushIntervalMs: 60_000, ...(now ? { now } : {}) }),
      };
    },
  },
  postgres: {
    async fresh() {
      if (!postgres) throw new Error('no PostgreSQL');
      const url = await postgres.createDatabase(`contract_${databases++}`);
      // The contract is about what lands, not how fast: the 2 s production timeout let a loaded CI machine fail
      // 300 appends queued for the pool's connections with STORE_UNAVAILABLE.
      return {
        open: async (now) =>
          new PostgresStore({
            url,
            flushIntervalMs: 60_000,
            timeoutMs: 30_000,
            ...(now ? { now } : {}),
          }).open(),
      };
    },
  },
};

for (const [name, backend] of Object.entries(backends)) {
  describe(`store contract: ${name}`, () => {
    const skip = () => name === 'postgres' && !postgres;

    it('logs answers in batches; another replica sees them after a flush', async (t) => {
      if (skip()) return t.skip();
      const db = await backend.fresh();
      const [a, b] = [await db.open(), await db.open()];
      a.logAnswer(entry('a1', 1000));
      a.logAnswer(entry('a2', 2000, { abstained: true, topDoc: null, question: null, conversationId: null }));
      expect(await b.answers({ since: 0 })).toEqual([]);
      await a.flush();
      expect(await b.answers({ since: 0 })).toEqual([
        entry('a1', 1000),
        entry('a2', 2000, { abstained: true, topDoc: null, question: null, conversationId: null }),
      ]);
      expect((await b.answers({ since: 1500 })).map((e) => e.answerId)).toEqual(['a2']);
      await Promise.all([a.close(), b.close()]);
    });

    it('feedback: pending answers are known, unknown ids are rejected, the other replica records it', async (t) => {
      if (skip()) return t.skip();
      const db = await backend.fresh();
      const [a, b] = [await db.open(), await db.open()];
      a.logAnswer(entry('fresh', 5000));
      expect(
        await a.recordFeedback({
          answerId: 'fresh',
          helpful: false,
          comment: '没说 MTU',
          channel: 'slack',
          user: 'U1',
        }),
      ).toBe('recorded');
      expect(await a.recordFeedback({ answerId: 'nope', helpful: true, channel: 'api' })).toBe(
        'unknown-answer',
      );
      // Replica b knows the answer only once a has written it.
      expect(await b.recordFeedback({ answerId: 'fresh', helpful: true, channel: 'api' })).toBe(
        'unknown-answer',
      );
      await a.flush();
      expect(await b.recordFeedback({ answerId: 'fresh', helpful: true, channel: 'teams' })).toBe('recorded');
      const feedback = await b.feedback({ since: 0 });
      expect(feedback.map((f) => [f.answerId, f.helpful, f.channel])).toEqual([
        ['fresh', false, 'slack'],
        ['fresh', true, 'teams'],
      ]);
      expect(feedback[0]).toMatchObject({ comment: '没说 MTU', user: 'U1' });
      expect(feedback[0]?.answer?.question).toBe('q fresh');
      await Promise.all([a.close(), b.close()]);
    });

    it('prunes log rows and feedback older than the window, and expired turns and claims', async (t) => {
      if (skip()) return t.skip();
      let now = 100 * DAY;
      const db = await backend.fresh();
      const store = await db.open(() => now);
      store.logAnswer(entry('old', 10 * DAY));
      store.logAnswer(entry('new', 99 * DAY));
      await store.recordFeedback({ answerId: 'old', helpful: true, channel: 'api' });
      await store.appendTurn('c', { question: 'q', docs: [], at: now }, 1000);
      expect(await store.claimOnce('k', 1000)).toBe(true);
      expect(await store.prune(now - 30 * DAY)).toEqual({ answers: 1, feedback: 0 });
      expect((await store.answers({ since: 0 })).map((a) => a.answerId)).toEqual(['new']);
      now += 2000;
      await store.prune(0);
      expect(await store.turns('c', 6)).toEqual([]);
      expect(await store.claimOnce('k', 1000)).toBe(true);
      await store.close();
    });

    it('keeps conversation turns in order until the conversation expires', async (t) => {
      if (skip()) return t.skip();
      let now = 1_000_000;
      const db = await backend.fresh();
      const [a, b] = [await db.open(() => now), await db.open(() => now)];
      await a.appendTurn('c', { question: 'one', docs: ['a.md'], at: now }, 1000);
      now += 800;
      await b.appendTurn('c', { question: '二', docs: [], at: now }, 1000);
      now += 800; // 1600 after the first turn, 800 after the last: alive
      expect(await a.turns('c', 6)).toEqual([
        { question: 'one', docs: ['a.md'], at: 1_000_000 },
        { question: '二', docs: [], at: 1_000_800 },
      ]);
      expect((await b.turns('c', 1)).map((t) => t.question)).toEqual(['二']);
      expect(await a.turns('other', 6)).toEqual([]);
      now += 300;
      expect(await b.turns('c', 6)).toEqual([]);
      await Promise.all([a.close(), b.close()]);
    });

    it('turns of one conversation appended on two replicas at the same time all land', async (t) => {
      if (skip()) return t.skip();
      const db = await backend.fresh();
      const [a, b] = [await db.open(), await db.open()];
      const at = Date.now();
      // Enough at once that row locks taken in heap order deadlocked (they did, before the ordered lock).
      const count = 300;
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          (i % 2 ? a : b).appendTurn('busy', { question: `q${i}`, docs: [], at: at + i }, 60_000),
        ),
      );
      const turns = await a.turns('busy', count);
      expect(turns.map((turn) => turn.question).sort()).toEqual(
        Array.from({ length: count }, (_, i) => `q${i}`).sort(),
      );
      await Promise.all([a.close(), b.close()]);
    });

    it('claimOnce: first claimer only while the claim lives', async (t) => {
      if (skip()) return t.skip();
      let now = 0;
      const db = await backend.fresh();
      const store = await db.open(() => now);
      expect(await store.claimOnce('Ev1', 1000)).toBe(true);
      expect(await store.claimOnce('Ev1', 1000)).toBe(false);
      expect(await store.claimOnce('Ev2', 1000)).toBe(true);
      now = 1000;
      expect(await store.claimOnce('Ev1', 1000)).toBe(true);
      await store.close();
    });

    it('two replicas claiming the same keys at the same moment: each key is won exactly once', async (t) => {
      if (skip()) return t.skip();
      const db = await backend.fresh();
      const [a, b] = [await db.open(), await db.open()];
      const keys = Array.from({ length: 100 }, (_, i) => `slack:event:Ev${i}`);
      const results = await Promise.all(
        keys.flatMap((key) => [a.claimOnce(key, 60_000), b.claimOnce(key, 60_000)]),
      );
      for (let i = 0; i < keys.length; i++)
        expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
      await Promise.all([a.close(), b.close()]);
    });
  });
}

describe('PostgreSQL specifics', () => {
  it('migrations run once under the advisory lock when replicas start together, and refuse a newer schema', async (t) => {
    if (!postgres) return t.skip();
    const url = await postgres.createDatabase('migrate_race');
    const stores = await Promise.all(Array.from({ length: 4 }, () => new PostgresStore({ url }).open()));
    for (const store of stores) expect(store.status()).toBe('ok');
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('SELECT version FROM netkb_schema')).rows).toEqual([{ version: 2 }]);
    await client.query('UPDATE netkb_schema SET version = 99');
    await client.end();
    await expect(new PostgresStore({ url }).open()).rejects.toMatchObject({ code: 'STORE_VERSION' });
  });

  it('an unreachable database: degraded status, calls fail fast with STORE_UNAVAILABLE', async () => {
    const store = await new PostgresStore({
      url: 'postgres://postgres@127.0.0.1:1/none',
      timeoutMs: 500,
    }).open();
    expect(store.status()).toMatch(/^degraded: /);
    // Fails rather than waiting for the database: a wait would run into the test timeout.
    await expect(store.turns('c', 6)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    store.logAnswer(entry('kept', 1));
    await store.close();
  });
});
