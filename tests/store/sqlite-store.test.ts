/** The SQLite store on real files: migrations, batching, feedback, retention, turns, claims, two processes. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConfigFromEnv } from '../../src/core/config.js';
import { answerLogEntry, questionHash } from '../../src/store/log-entry.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { AnswerLogEntry } from '../../src/store/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'netkb-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

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

describe('SqliteStore', () => {
  it('creates and migrates the file in WAL mode, and refuses a newer schema', async () => {
    const file = path.join(dir, 'nested', 'migrate.db');
    const store = new SqliteStore({ path: file });
    await store.close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SqliteStore({ path: file })).toThrow(/newer|knows up to/);
  });

  it('writes log rows in batches off the call, and they survive a restart', async () => {
    const file = path.join(dir, 'restart.db');
    const store = new SqliteStore({ path: file, flushIntervalMs: 60_000 });
    store.logAnswer(entry('a1', 1000));
    store.logAnswer(entry('a2', 2000, { abstained: true, topDoc: null, question: null }));
    // Not written yet: another connection sees nothing until the batch is flushed.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(0);
    await store.close(); // flushes the pending batch
    expect(reader.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(2);
    reader.close();
    const reopened = new SqliteStore({ path: file });
    expect(await reopened.answers({ since: 0 })).toEqual([
      entry('a1', 1000),
      entry('a2', 2000, { abstained: true, topDoc: null, question: null }),
    ]);
    await reopened.close();
  });

  it('accepts feedback on an answer still in the pending batch, and rejects unknown ids', async () => {
    const store = new SqliteStore({ path: path.join(dir, 'feedback.db'), flushIntervalMs: 60_000 });
    store.logAnswer(entry('fresh', 5000));
    expect(
      await store.recordFeedback({
        answerId: 'fresh',
        helpful: false,
        comment: '没说 MTU',
        channel: 'slack',
        user: 'U1',
      }),
    ).toBe('recorded');
    expect(await store.recordFeedback({ answerId: 'nope', helpful: true, channel: 'api' })).toBe(
      'unknown-answer',
    );
    const feedback = await store.feedback({ since: 0 });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      answerId: 'fresh',
      helpful: false,
      comment: '没说 MTU',
      channel: 'slack',
      user: 'U1',
    });
    expect(feedback[0]?.answer?.question).toBe('q fresh');
    await store.close();
  });

  it('prunes log rows and feedback older than the retention window', async () => {
    let now = 100 * DAY;
    const file = path.join(dir, 'retention.db');
    const store = new SqliteStore({ path: file, now: () => now });
    store.logAnswer(entry('old', 10 * DAY));
    store.logAnswer(entry('new', 99 * DAY));
    await store.recordFeedback({ answerId: 'old', helpful: true, channel: 'api' });
    now = 100 * DAY;
    expect(await store.prune(now - 30 * DAY)).toEqual({ answers: 1, feedback: 0 });
    expect((await store.answers({ since: 0 })).map((a) => a.answerId)).toEqual(['new']);
    await store.close();
    // openStore prunes on open with NETKB_LOG_DAYS.
    const config = { ...storeConfigFromEnv({ NETKB_DB: file, NETKB_LOG_DAYS: '1' }) };
    const opened = await openStore(config, { now: () => 200 * DAY });
    expect(await opened.store.answers({ since: 0 })).toEqual([]);
    opened.stopMaintenance();
    await opened.store.close();
  });

  it('keeps conversation turns in order until the conversation expires', async () => {
    let now = 1_000_000;
    const store = new SqliteStore({ path: path.join(dir, 'turns.db'), now: () => now });
    await store.appendTurn('c', { question: 'one', docs: ['a.md'], at: now }, 1000);
    now += 800;
    await store.appendTurn('c', { question: 'two', docs: [], at: now }, 1000);
    now += 800; // 1600 after the first turn, 800 after the last: the conversation is alive
    expect((await store.turns('c', 6)).map((t) => t.question)).toEqual(['one', 'two']);
    expect((await store.turns('c', 1)).map((t) => t.question)).toEqual(['two']);
    expect(await store.turns('other', 6)).toEqual([]);
    now += 300;
    expect(await store.turns('c', 6)).toEqual([]);
    await store.close();
  });

  it('claimOnce: true only for the first claimer while the claim lives', async () => {
    let now = 0;
    const store = new SqliteStore({ path: path.join(dir, 'claims.db'), now: () => now });
    expect(await store.claimOnce('Ev1', 1000)).toBe(true);
    expect(await store.claimOnce('Ev1', 1000)).toBe(false);
    expect(await store.claimOnce('Ev2', 1000)).toBe(true);
    now = 1000;
    expect(await store.claimOnce('Ev1', 1000)).toBe(true);
    await store.close();
  });

  it('two processes writing the same file at once: nothing lost, each claim won once, file intact', async () => {
    const file = path.join(dir, 'shared.db');
    new Database(file).close();
    const run = (prefix: string) =>
      new Promise<string[]>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', path.join(here, 'writer-process.ts'), file, prefix, '150'],
          (error, stdout, stderr) =>
            error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout) as string[]),
        );
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    expect([...a, ...b].sort()).toEqual(Array.from({ length: 150 }, (_, i) => `event-${i}`).sort());
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(300);
    expect(db.prepare('SELECT count(*) FROM conversation_turns').pluck().get()).toBe(300);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});

describe('log entries and configuration', () => {
  const answered = {
    answerId: 'x',
    question: '  pod 不通 ',
    channel: 'api' as const,
    topDoc: null,
    confidence: 0.2,
    abstained: true,
    latencyMs: 1,
    conversationId: null,
    indexGeneration: null,
    at: 1,
  };

  it('keeps the question, only its hash, or nothing', () => {
    expect(answerLogEntry(answered, 'text')).toMatchObject({
      question: 'pod 不通',
      questionHash: questionHash('pod 不通'),
    });
    expect(answerLogEntry(answered, 'hash')).toMatchObject({
      question: null,
      questionHash: questionHash('pod 不通'),
    });
    expect(answerLogEntry(answered, 'off')).toBeNull();
  });

  it('reads NETKB_DB, NETKB_LOG_DAYS, NETKB_LOG_QUESTIONS with defaults, rejecting bad values', () => {
    expect(storeConfigFromEnv({})).toEqual({
      dbPath: '.netkb/netkb.db',
      retentionDays: 30,
      logQuestions: 'text',
    });
    expect(
      storeConfigFromEnv({ NETKB_DB: '/x.db', NETKB_LOG_DAYS: '7', NETKB_LOG_QUESTIONS: 'hash' }),
    ).toEqual({
      dbPath: '/x.db',
      retentionDays: 7,
      logQuestions: 'hash',
    });
    expect(() => storeConfigFromEnv({ NETKB_LOG_DAYS: 'week' })).toThrow(/NETKB_LOG_DAYS/);
    expect(() => storeConfigFromEnv({ NETKB_LOG_DAYS: '0' })).toThrow(/NETKB_LOG_DAYS/);
    expect(() => storeConfigFromEnv({ NETKB_LOG_QUESTIONS: 'yes' })).toThrow(/NETKB_LOG_QUESTIONS/);
  });
});
