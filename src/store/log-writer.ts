/**
 * Where batches of query-log rows are written: inline (the caller's thread; CLI, tests) or in a worker thread
 * with its own connection to the same file (the server: the event loop only queues rows and posts batches).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** A log row as written (named parameters of INSERT_ANSWER). */
export interface AnswerRowParams {
  idKey: number;
  answerId: string;
  at: number;
  channel: string;
  question: string | null;
  questionHash: string;
  topDoc: string | null;
  confidence: number;
  abstained: 0 | 1;
  latencyMs: number;
  conversationId: string | null;
  indexGeneration: string | null;
}

export const INSERT_ANSWER = `INSERT INTO answers (id_key, id, at, channel, question, question_hash, top_doc, confidence,
    abstained, latency_ms, conversation_id, index_generation)
  VALUES (@idKey, @answerId, @at, @channel, @question, @questionHash, @topDoc, @confidence, @abstained, @latencyMs,
    @conversationId, @indexGeneration)`;

export interface LogWriter {
  write(rows: AnswerRowParams[]): Promise<void>;
  close(): Promise<void>;
}

export function inlineWriter(db: Database.Database): LogWriter {
  const insert = db.prepare(INSERT_ANSWER);
  const writeAll = db.transaction((rows: AnswerRowParams[]) => {
    for (const row of rows) insert.run(row);
  });
  return {
    write: async (rows) => {
      writeAll(rows);
    },
    close: async () => {},
  };
}

/**
 * The worker's code, plain JavaScript evaluated in the worker (so it runs the same compiled, under tsx and
 * under vitest). It opens the file in WAL mode and writes each batch it receives in one transaction. Its page
 * cache is small: better-sqlite3's default (16 MiB) filled up as the log grew, and the server's RSS with it
 * (about +12 MB over the first 50,000 answers); appends need few pages, and index pages it drops are re-read
 * from the OS's file cache.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -2048');
const insert = db.prepare(workerData.sql);
const writeAll = db.transaction((rows) => { for (const row of rows) insert.run(row); });
parentPort.on('message', (message) => {
  if (message.close) { db.close(); parentPort.postMessage({ closed: true }); return; }
  try { writeAll(message.rows); parentPort.postMessage({ id: message.id }); }
  catch (error) { parentPort.postMessage({ id: message.id, error: String(error && error.message || error) }); }
});
`;

export function workerWriter(path: string): LogWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, sql: INSERT_ANSWER } });
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let closed: (() => void) | null = null;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id?: number; error?: string; closed?: boolean }) => {
    if (message.closed) {
      closed?.();
      return;
    }
    const entry = message.id === undefined ? undefined : waiting.get(message.id);
    if (!entry || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(message.error));
    else entry.resolve();
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('query-log writer thread exited')));
  return {
    write: (rows) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        closed = () => {
          void worker.terminate().then(() => resolve());
        };
        worker.postMessage({ close: true });
      }),
  };
}
