/**
 * The shared store for several replicas: PostgreSQL through `pg`'s connection pool. Same contract as the
 * SQLite store (one suite tests both). Concurrency is decided by the database, never read-then-write: claims
 * by a primary key (`INSERT … ON CONFLICT`), turn order by a sequence. When the database is unreachable the
 * store reports `degraded: <why>`, every call fails fast (bounded by `timeoutMs`), log rows are kept and
 * retried, and a probe notices when it is back, so writes resume without a restart.
 */
import pg from 'pg';
import { NetkbError } from '../core/errors.js';
import { AnswerQueue } from './answer-queue.js';
import { MIGRATION_LOCK_KEY, PG_MIGRATIONS } from './postgres-migrations.js';
import type {
  AnswerLogEntry,
  Channel,
  FeedbackEntry,
  FeedbackInput,
  Store,
  StoredTurn,
  TimeRange,
} from './types.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Pool size per replica (default 10). */
  poolSize?: number;
  /** Connecting and each query give up after this many ms (default 2000). */
  timeoutMs?: number;
  flushIntervalMs?: number;
  maxBatch?: number;
  /** While degraded, the database is probed this often (default 1000 ms). */
  probeIntervalMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Log rows kept in memory at most (the oldest are dropped past it, e.g. during a long outage). */
const MAX_PENDING = 20_000;

interface AnswerRow {
  id: string;
  at: string;
  channel: string;
  question: string | null;
  question_hash: string;
  top_doc: string | null;
  confidence: number;
  abstained: boolean;
  latency_ms: number;
  conversation_id: string | null;
  index_generation: string | null;
}

/** SQLSTATE classes that mean "the database is not there" rather than "this statement is wrong". */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '58'];

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true; // socket errors, timeouts
  return UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  return (typeof code === 'string' ? `${code} ${message}` : message).split('\n')[0]?.slice(0, 200) ?? 'error';
}

export class PostgresStore implements Store {
  readonly shared = true;
  private readonly pool: pg.Pool;
  private readonly queue: AnswerQueue;
  private probe: NodeJS.Timeout | null = null;
  private schema: Promise<void> | null = null;
  private degradedBecause: string | null = null;
  private closed = false;
  private readonly flushIntervalMs: number;
  private readonly probeIntervalMs: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: PostgresStoreOptions) {
    const timeout = options.timeoutMs ?? 2000;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      idleTimeoutMillis: 30_000,
      application_name: 'netkb',
    });
    // An idle connection dropped by the server must not crash the process: note it, the pool replaces it.
    this.pool.on('error', (error) => this.markDegraded(error));
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
    this.queue = new AnswerQueue({
      write: (batch) => this.writeBatch(batch),
      onError: this.onError,
      flushIntervalMs: this.flushIntervalMs,
      maxBatch: options.maxBatch ?? 500,
      maxPending: MAX_PENDING,
    });
  }

  /**
   * Connects and migrates. An unreachable database leaves the store degraded (and retrying) rather than
   * throwing; a schema newer than this netkb (STORE_VERSION) is refused, like the SQLite file.
   */
  async open(): Promise<this> {
    await this.query('SELECT 1').catch(async (error: unknown) => {
      if (error instanceof NetkbError && error.code === 'STORE_VERSION') {
        await this.close();
        throw error;
      }
    });
    return this;
  }

  /** `ok`, or `degraded: <why>` while the database cannot be used. */
  status(): string {
    return this.degradedBecause === null ? 'ok' : `degraded: ${this.degradedBecause}`;
  }

  logAnswer(entry: AnswerLogEntry): void {
    if (this.closed) return;
    this.queue.add(entry);
  }

  async recordFeedback(input: FeedbackInput): Promise<'recorded' | 'unknown-answer'> {
    const logged = async () =>
      (await this.query('SELECT 1 FROM answers WHERE id = $1 LIMIT 1', [input.answerId])).rowCount === 1;
    let known = this.queue.has(input.answerId) || (await logged());
    if (!known) {
      // The answer may come from another replica whose log batch is not written yet (at most one flush interval
      // away): look once more after it, so feedback right after an answer is not lost to the load balancer.
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.flushIntervalMs, 1000) + 100));
      known = await logged();
    }
    if (!known) return 'unknown-answer';
    await this.query(
      'INSERT INTO feedback (answer_id, at, helpful, comment, channel, "user") VALUES ($1, $2, $3, $4, $5, $6)',
      [input.answerId, this.now(), input.helpful, input.comment ?? null, input.channel, input.user ?? null],
    );
    return 'recorded';
  }

  async answers(range: TimeRange): Promise<AnswerLogEntry[]> {
    await this.drain();
    const result = await this.query<AnswerRow>('SELECT * FROM answers WHERE at >= $1 ORDER BY at, seq', [
      range.since,
    ]);
    return result.rows.map(fromRow);
  }

  async feedback(range: TimeRange): Promise<Array<FeedbackEntry & { answer: AnswerLogEntry | null }>> {
    await this.drain();
    const result = await this.query<
      AnswerRow & {
        answer_id: string;
        feedback_at: string;
        helpful: boolean;
        comment: string | null;
        feedback_channel: string;
        user: string | null;
      }
    >(
      `SELECT f.answer_id, f.at AS feedback_at, f.helpful, f.comment, f.channel AS feedback_channel, f."user", a.*
       FROM feedback f
       LEFT JOIN LATERAL (SELECT * FROM answers a WHERE a.id = f.answer_id ORDER BY a.seq LIMIT 1) a ON true
       WHERE f.at >= $1 ORDER BY f.at, f.id`,
      [range.since],
    );
    return result.rows.map((row) => ({
      answerId: row.answer_id,
      at: Number(row.feedback_at),
      helpful: row.helpful,
      ...(row.comment === null ? {} : { comment: row.comment }),
      channel: row.feedback_channel as Channel,
      ...(row.user === null ? {} : { user: row.user }),
      answer: row.id ? fromRow(row) : null,
    }));
  }

  async prune(before: number): Promise<{ answers: number; feedback: number }> {
    await this.drain();
    const now = this.now();
    const result = await this.query<{ answers: string; feedback: string }>(
      `WITH a AS (DELETE FROM answers WHERE at < $1 RETURNING 1),
            f AS (DELETE FROM feedback WHERE at < $1 RETURNING 1),
            t AS (DELETE FROM conversation_turns WHERE expires_at <= $2 RETURNING 1),
            c AS (DELETE FROM claims WHERE expires_at <= $2 RETURNING 1)
       SELECT (SELECT count(*) FROM a) AS answers, (SELECT count(*) FROM f) AS feedback,
              (SELECT count(*) FROM t) AS turns, (SELECT count(*) FROM c) AS claims`,
      [before, now],
    );
    const row = result.rows[0];
    return { answers: Number(row?.answers ?? 0), feedback: Number(row?.feedback ?? 0) };
  }

  async appendTurn(conversationId: string, turn: StoredTurn, ttlMs: number): Promise<void> {
    const expires = turn.at + ttlMs;
    // One statement: the insert (its sequence number is the order) and moving the older turns' expiry with it.
    // The older turns are locked in `seq` order first: two replicas appending to one conversation at once then
    // wait for each other instead of locking rows in heap order, which deadlocked.
    await this.query(
      `WITH inserted AS (
         INSERT INTO conversation_turns (conversation_id, at, expires_at, question, docs)
         VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING seq),
       older AS (
         SELECT seq FROM conversation_turns WHERE conversation_id = $1 AND expires_at < $3
         ORDER BY seq FOR UPDATE)
       UPDATE conversation_turns t SET expires_at = $3 FROM older WHERE t.seq = older.seq AND t.expires_at < $3`,
      [conversationId, turn.at, expires, turn.question, JSON.stringify(turn.docs)],
    );
  }

  async turns(conversationId: string, limit: number): Promise<StoredTurn[]> {
    const result = await this.query<{ question: string; docs: string[]; at: string }>(
      `SELECT question, docs, at FROM (
         SELECT seq, question, docs, at FROM conversation_turns
         WHERE conversation_id = $1 AND expires_at > $2 ORDER BY seq DESC LIMIT $3
       ) t ORDER BY seq`,
      [conversationId, this.now(), limit],
    );
    return result.rows.map((row) => ({ question: row.question, docs: row.docs, at: Number(row.at) }));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    // The primary key decides: of two replicas inserting at once, the second waits for the first's commit and
    // then finds a live claim (the WHERE only lets an expired claim be taken over).
    const result = await this.query(
      `INSERT INTO claims (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE claims.expires_at <= $3
       RETURNING 1`,
      [key, now + ttlMs, now],
    );
    return result.rowCount === 1;
  }

  async flush(): Promise<void> {
    await this.drain();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain().catch(() => {});
    this.closed = true;
    this.queue.stop();
    if (this.probe) clearInterval(this.probe);
    await this.pool.end();
  }

  /** Every statement goes through here: schema first, failures mark the store degraded, success heals it. */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    if (this.closed) throw new NetkbError('STORE_UNAVAILABLE', 'The store is closed');
    try {
      await this.ensureSchema();
      const result = await this.pool.query<R>(sql, params);
      this.markHealthy();
      return result;
    } catch (error) {
      if (error instanceof NetkbError) throw error;
      if (!isUnavailable(error)) throw error;
      this.markDegraded(error);
      throw new NetkbError('STORE_UNAVAILABLE', `PostgreSQL: ${describe(error)}`, { cause: error });
    }
  }

  private ensureSchema(): Promise<void> {
    if (this.schema) return this.schema;
    const schema = migrate(this.pool).then(
      () => {},
      (error: unknown) => {
        this.schema = null; // retried by the next call
        throw error;
      },
    );
    this.schema = schema;
    return schema;
  }

  private markDegraded(error: unknown): void {
    const first = this.degradedBecause === null;
    this.degradedBecause = describe(error);
    if (first) this.onError(error);
    if (!this.probe && !this.closed) {
      this.probe = setInterval(() => {
        void this.query('SELECT 1').catch(() => {});
      }, this.probeIntervalMs);
      this.probe.unref();
    }
  }

  private markHealthy(): void {
    if (this.degradedBecause === null) return;
    this.degradedBecause = null;
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    // Rows kept during the outage go out now.
    if (this.queue.waiting > 0) this.queue.flush();
  }

  private drain(): Promise<void> {
    return this.queue.drain();
  }

  /** One batch as a single INSERT of column arrays. */
  private async writeBatch(batch: AnswerLogEntry[]): Promise<void> {
    const column = <T>(pick: (entry: AnswerLogEntry) => T) => batch.map(pick);
    await this.query(
      `INSERT INTO answers (id, at, channel, question, question_hash, top_doc, confidence, abstained, latency_ms,
         conversation_id, index_generation)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::float8[], $8::boolean[], $9::float8[], $10::text[], $11::text[])`,
      [
        column((e) => e.answerId),
        column((e) => e.at),
        column((e) => e.channel),
        column((e) => e.question),
        column((e) => e.questionHash),
        column((e) => e.topDoc),
        column((e) => e.confidence),
        column((e) => e.abstained),
        column((e) => e.latencyMs),
        column((e) => e.conversationId),
        column((e) => e.indexGeneration),
      ],
    );
  }
}

/** Applies the missing migrations under an advisory lock, so replicas starting together take turns. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS netkb_schema (version INTEGER NOT NULL)');
      await client.query(
        'INSERT INTO netkb_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM netkb_schema)',
      );
      const version = Number((await client.query('SELECT version FROM netkb_schema')).rows[0]?.version ?? 0);
      if (version > PG_MIGRATIONS.length) {
        throw new NetkbError(
          'STORE_VERSION',
          `The database schema is version ${version}; this netkb knows up to ${PG_MIGRATIONS.length}`,
        );
      }
      for (let next = version; next < PG_MIGRATIONS.length; next++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[next] ?? '');
          await client.query('UPDATE netkb_schema SET version = $1', [next + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
      return PG_MIGRATIONS.length;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

function fromRow(row: AnswerRow): AnswerLogEntry {
  return {
    answerId: row.id,
    at: Number(row.at),
    channel: row.channel as Channel,
    question: row.question,
    questionHash: row.question_hash,
    topDoc: row.top_doc,
    confidence: row.confidence,
    abstained: row.abstained,
    latencyMs: row.latency_ms,
    conversationId: row.conversation_id,
    indexGeneration: row.index_generation,
  };
}
