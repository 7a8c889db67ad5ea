import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NetkbError } from '../core/errors.js';
import { MIGRATIONS } from './migrations.js';
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
}

/** Rows kept for retry when the database refuses writes; beyond this the oldest are dropped. */
const MAX_PENDING = 20_000;

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
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly pending = new Map<string, AnswerLogEntry>();
  private timer: NodeJS.Timeout | null = null;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;
  private closed = false;
  private readonly statements;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    try {
      this.db = new Database(options.path, { timeout: 5000 });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db);
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
    this.maxBatch = options.maxBatch ?? 500;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
    const db = this.db;
    this.statements = {
      insertAnswer: db.prepare(
        `INSERT OR REPLACE INTO answers (id, at, channel, question, question_hash, top_doc, confidence, abstained,
           latency_ms, conversation_id, index_generation)
         VALUES (@answerId, @at, @channel, @question, @questionHash, @topDoc, @confidence, @abstained, @latencyMs,
           @conversationId, @indexGeneration)`,
      ),
      hasAnswer: db.prepare('SELECT 1 FROM answers WHERE id = ?').pluck(),
      insertFeedback: db.prepare(
        `INSERT INTO feedback (answer_id, at, helpful, comment, channel, user)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      answersSince: db.prepare('SELECT * FROM answers WHERE at >= ? ORDER BY at, id'),
      feedbackSince: db.prepare(
        `SELECT f.answer_id, f.at AS feedback_at, f.helpful, f.comment, f.channel AS feedback_channel, f.user, a.*
         FROM feedback f LEFT JOIN answers a ON a.id = f.answer_id WHERE f.at >= ? ORDER BY f.at, f.id`,
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
  }

  logAnswer(entry: AnswerLogEntry): void {
    if (this.closed) return;
    this.pending.set(entry.answerId, entry);
    if (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    if (this.pending.size >= this.maxBatch) this.flushNow();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flushNow(), this.flushIntervalMs);
      this.timer.unref();
    }
  }

  async recordFeedback(input: FeedbackInput): Promise<'recorded' | 'unknown-answer'> {
    // An answer given a moment ago may still be in the pending batch: write it first.
    if (this.pending.has(input.answerId)) this.flushNow();
    if (!this.statements.hasAnswer.get(input.answerId)) return 'unknown-answer';
    this.statements.insertFeedback.run(
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
    this.flushNow();
    return (this.statements.answersSince.all(range.since) as AnswerRow[]).map(fromRow);
  }

  async feedback(range: TimeRange): Promise<Array<FeedbackEntry & { answer: AnswerLogEntry | null }>> {
    this.flushNow();
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
    this.flushNow();
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
    this.flushNow();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flushNow();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.db.close();
  }

  private flushNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0 || this.closed) return;
    const batch = [...this.pending.values()];
    try {
      this.db.transaction(() => {
        for (const entry of batch) {
          this.statements.insertAnswer.run({ ...entry, abstained: entry.abstained ? 1 : 0 });
        }
      })();
      for (const entry of batch) this.pending.delete(entry.answerId);
    } catch (error) {
      // Kept for the next flush (the file may be locked by another process for longer than the busy timeout).
      this.onError(error);
      if (!this.timer) {
        this.timer = setTimeout(() => this.flushNow(), this.flushIntervalMs * 5);
        this.timer.unref();
      }
    }
  }
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
