import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NetkbError } from '../core/errors.js';
import { AnswerQueue } from './answer-queue.js';
import { inlineWriter, type LogWriter, workerWriter } from './log-writer.js';
import { MIGRATIONS } from './migrations.js';
import { retryWhileBusy } from './sqlite-busy.js';
import type {
  AnswerLogEntry,
  Channel,
  FeedbackEntry,
  FeedbackInput,
  Store,
  StoredTurn,
  TimeRange,
} from './types.js';

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for a private in-memory one. */
  path: string;
  /** Pending log rows are written after this many ms (default 200)... */
  flushIntervalMs?: number;
  /** ...or as soon as this many are pending (default 500). */
  maxBatch?: number;
  now?: () => number;
  /** Told when a batch could not be written (it is kept and retried). */
  onError?: (error: unknown) => void;
  /** Write log batches on this thread (default) or in a worker thread with its own connection (the server). */
  writer?: 'inline' | 'worker';
}

/** Log rows kept in memory at most (the oldest are dropped past it, e.g. during a long outage). */
const MAX_PENDING = 20_000;
/** Page cache (KiB) of the main connection when a writer thread writes the log. */
const WRITER_THREAD_READER_CACHE_KIB = 2048;

interface AnswerRow {
  id: string;
  at: number;
  channel: string;
  question: string | null;
  question_hash: string;
  top_doc: string | null;
  confidence: number;
  abstained: number;
  latency_ms: number;
  conversation_id: string | null;
  index_generation: string | null;
}

/**
 * The embedded store: one SQLite file in WAL mode (readers never block the writer; several processes may
 * share the file), versioned migrations on open, and log rows written in batches off the request path.
 */
/** How long opening waits for another process that holds the file (busy timeout, and retries of `sqlite-busy.ts`). */
const OPEN_TIMEOUT_MS = 5000;

export class SqliteStore implements Store {
  readonly shared = false;
  private readonly db: Database.Database;
  private readonly queue: AnswerQueue;
  private readonly writer: LogWriter;
  private readonly flushIntervalMs: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;
  private closed = false;
  private readonly statements;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const threadWriter = options.writer === 'worker' && options.path !== ':memory:';
    try {
      const db = new Database(options.path, { timeout: OPEN_TIMEOUT_MS });
      this.db = db;
      retryWhileBusy(() => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // The page cache is part of the process's memory and fills up to its size as the log grows. This
        // connection writes the log batches unless a writer thread does; then it only looks up answer ids for
        // feedback, prunes and reads reports, which need no large cache (the OS caches the file).
        db.pragma(`cache_size = ${threadWriter ? -WRITER_THREAD_READER_CACHE_KIB : -65536}`);
        migrate(db);
      }, OPEN_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof NetkbError) throw error;
      throw new NetkbError(
        'STORE_UNAVAILABLE',
        `Cannot open the database ${options.path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
    this.queue = new AnswerQueue({
      write: (batch) => this.writeBatch(batch),
      onError: this.onError,
      flushIntervalMs: this.flushIntervalMs,
      maxBatch: options.maxBatch ?? 500,
      maxPending: MAX_PENDING,
    });
    const db = this.db;
    this.statements = {
      hasAnswer: db.prepare('SELECT 1 FROM answers WHERE id_key = ? AND id = ?').pluck(),
      insertFeedback: db.prepare(
        `INSERT INTO feedback (answer_key, answer_id, at, helpful, comment, channel, user)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      answersSince: db.prepare('SELECT * FROM answers WHERE at >= ? ORDER BY at, seq'),
      feedbackSince: db.prepare(
        `SELECT f.answer_id, f.at AS feedback_at, f.helpful, f.comment, f.channel AS feedback_channel, f.user, a.*
         FROM feedback f LEFT JOIN answers a ON a.id_key = f.answer_key AND a.id = f.answer_id WHERE f.at >= ? ORDER BY f.at, f.id`,
      ),
      pruneAnswers: db.prepare('DELETE FROM answers WHERE at < ?'),
      pruneFeedback: db.prepare('DELETE FROM feedback WHERE at < ?'),
      pruneTurns: db.prepare('DELETE FROM conversation_turns WHERE expires_at <= ?'),
      pruneClaims: db.prepare('DELETE FROM claims WHERE expires_at <= ?'),
      insertTurn: db.prepare(
        'INSERT INTO conversation_turns (conversation_id, at, expires_at, question, docs) VALUES (?, ?, ?, ?, ?)',
      ),
      // A conversation lives `ttl` after its last turn: every turn's expiry moves with the newest one.
      extendTurns: db.prepare('UPDATE conversation_turns SET expires_at = ? WHERE conversation_id = ?'),
      turns: db.prepare(
        `SELECT question, docs, at FROM (
           SELECT seq, question, docs, at FROM conversation_turns
           WHERE conversation_id = ? AND expires_at > ? ORDER BY seq DESC LIMIT ?
         ) ORDER BY seq`,
      ),
      dropExpiredClaim: db.prepare('DELETE FROM claims WHERE key = ? AND expires_at <= ?'),
      claim: db.prepare('INSERT OR IGNORE INTO claims (key, expires_at) VALUES (?, ?)'),
    };
    this.writer = threadWriter ? workerWriter(options.path) : inlineWriter(db);
  }

  logAnswer(entry: AnswerLogEntry): void {
    if (this.closed) return;
    this.queue.add(entry);
  }

  async recordFeedback(input: FeedbackInput): Promise<'recorded' | 'unknown-answer'> {
    // An answer given a moment ago may still be in a batch not yet written: it is known all the same.
    const known =
      this.queue.has(input.answerId) ||
      Boolean(this.statements.hasAnswer.get(idKey(input.answerId), input.answerId));
    if (!known) return 'unknown-answer';
    this.statements.insertFeedback.run(
      idKey(input.answerId),
      input.answerId,
      this.now(),
      input.helpful ? 1 : 0,
      input.comment ?? null,
      input.channel,
      input.user ?? null,
    );
    return 'recorded';
  }

  async answers(range: TimeRange): Promise<AnswerLogEntry[]> {
    await this.drain();
    return (this.statements.answersSince.all(range.since) as AnswerRow[]).map(fromRow);
  }

  async feedback(range: TimeRange): Promise<Array<FeedbackEntry & { answer: AnswerLogEntry | null }>> {
    await this.drain();
    const rows = this.statements.feedbackSince.all(range.since) as Array<
      AnswerRow & {
        answer_id: string;
        feedback_at: number;
        helpful: number;
        comment: string | null;
        feedback_channel: string;
        user: string | null;
      }
    >;
    return rows.map((row) => ({
      answerId: row.answer_id,
      at: row.feedback_at,
      helpful: row.helpful === 1,
      ...(row.comment === null ? {} : { comment: row.comment }),
      channel: row.feedback_channel as Channel,
      ...(row.user === null ? {} : { user: row.user }),
      answer: row.id ? fromRow(row) : null,
    }));
  }

  async prune(before: number): Promise<{ answers: number; feedback: number }> {
    await this.drain();
    const now = this.now();
    return this.db.transaction(() => {
      const answers = this.statements.pruneAnswers.run(before).changes;
      const feedback = this.statements.pruneFeedback.run(before).changes;
      this.statements.pruneTurns.run(now);
      this.statements.pruneClaims.run(now);
      return { answers, feedback };
    })();
  }

  async appendTurn(conversationId: string, turn: StoredTurn, ttlMs: number): Promise<void> {
    const expires = turn.at + ttlMs;
    this.db.transaction(() => {
      this.statements.insertTurn.run(
        conversationId,
        turn.at,
        expires,
        turn.question,
        JSON.stringify(turn.docs),
      );
      this.statements.extendTurns.run(expires, conversationId);
    })();
  }

  async turns(conversationId: string, limit: number): Promise<StoredTurn[]> {
    const rows = this.statements.turns.all(conversationId, this.now(), limit) as Array<{
      question: string;
      docs: string;
      at: number;
    }>;
    return rows.map((row) => ({
      question: row.question,
      docs: JSON.parse(row.docs) as string[],
      at: row.at,
    }));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    // One write transaction: the unique key decides, so two processes claiming at once cannot both win.
    return this.db
      .transaction(() => {
        this.statements.dropExpiredClaim.run(key, now);
        return this.statements.claim.run(key, now + ttlMs).changes === 1;
      })
      .immediate();
  }

  async flush(): Promise<void> {
    await this.drain();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain();
    this.closed = true;
    this.queue.stop();
    await this.writer.close();
    this.db.close();
  }

  /** Sends the pending batch and waits until every batch sent so far is written. */
  private drain(): Promise<void> {
    return this.queue.drain();
  }

  /** One batch to the writer (a worker thread in the server, inline otherwise). */
  private writeBatch(batch: AnswerLogEntry[]): Promise<void> {
    const rows = batch.map((entry) => ({
      ...entry,
      idKey: idKey(entry.answerId),
      abstained: entry.abstained ? (1 as const) : (0 as const),
    }));
    return this.writer.write(rows);
  }
}

/**
 * A 48-bit integer standing for an answer id in the lookup index: its leading hex digits for a UUID, else an
 * FNV-1a hash. Small index entries keep each batch's random index inserts to few pages (a TEXT index on random
 * UUIDs dirtied most of its pages on every commit); lookups compare the full id too.
 */
export function idKey(id: string): number {
  const hex = id.replace(/-/g, '');
  if (/^[0-9a-f]{12}/i.test(hex)) return Number.parseInt(hex.slice(0, 12), 16);
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function fromRow(row: AnswerRow): AnswerLogEntry {
  return {
    answerId: row.id,
    at: row.at,
    channel: row.channel as Channel,
    question: row.question,
    questionHash: row.question_hash,
    topDoc: row.top_doc,
    confidence: row.confidence,
    abstained: row.abstained === 1,
    latencyMs: row.latency_ms,
    conversationId: row.conversation_id,
    indexGeneration: row.index_generation,
  };
}

/** Applies the migrations this file lacks, under a write lock so two processes starting at once take turns. */
export function migrate(db: Database.Database): number {
  return db
    .transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > MIGRATIONS.length) {
        throw new NetkbError(
          'STORE_VERSION',
          `The database schema is version ${version}; this netkb knows up to ${MIGRATIONS.length}`,
        );
      }
      for (let next = version; next < MIGRATIONS.length; next++) db.exec(MIGRATIONS[next] ?? '');
      db.pragma(`user_version = ${MIGRATIONS.length}`);
      return MIGRATIONS.length;
    })
    .immediate();
}
