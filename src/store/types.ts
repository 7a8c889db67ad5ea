/**
 * The store: everything netkb keeps between requests (query log, feedback, conversation turns, de-duplication
 * claims), behind one small Promise-returning interface so a network database can implement it too.
 * SQLite (./sqlite-store.ts, the default) and PostgreSQL (./postgres-store.ts, shared by several replicas).
 */

export const CHANNELS = ['api', 'cli', 'slack', 'teams', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One answered question, as logged. */
export interface AnswerLogEntry {
  answerId: string;
  /** Epoch milliseconds. */
  at: number;
  channel: Channel;
  /** The question, or null when only its hash is kept (NETKB_LOG_QUESTIONS=hash). */
  question: string | null;
  /** sha256 (hex) of the trimmed question: groups repeats even when the text is not kept. */
  questionHash: string;
  topDoc: string | null;
  confidence: number;
  abstained: boolean;
  latencyMs: number;
  conversationId: string | null;
  indexGeneration: string | null;
}

/** What every channel's feedback button sends (HTTP, Slack, Teams, web). */
export interface FeedbackInput {
  answerId: string;
  helpful: boolean;
  comment?: string;
  channel: Channel;
  user?: string;
}

export interface FeedbackEntry extends FeedbackInput {
  at: number;
}

/** One turn of a conversation (follow-up context). */
export interface StoredTurn {
  question: string;
  /** Docs the answer was about, best first; empty when it abstained. */
  docs: string[];
  at: number;
}

export interface TimeRange {
  /** Epoch ms, inclusive. */
  since: number;
}

export interface Store {
  /**
   * True when several netkb processes share this store (a network database): conversations then live in it so a
   * follow-up on another replica keeps its context. An embedded file serves one process, which keeps them in memory.
   */
  readonly shared: boolean;
  /** Queues an answer for the log; never blocks the request (rows are written in batches). */
  logAnswer(entry: AnswerLogEntry): void;
  /** 'unknown-answer' when the log holds no such answer (not even in the pending batch). */
  recordFeedback(input: FeedbackInput): Promise<'recorded' | 'unknown-answer'>;
  answers(range: TimeRange): Promise<AnswerLogEntry[]>;
  feedback(range: TimeRange): Promise<Array<FeedbackEntry & { answer: AnswerLogEntry | null }>>;
  /** Deletes log rows and feedback older than `before` (epoch ms) and expired turns and claims. */
  prune(before: number): Promise<{ answers: number; feedback: number }>;
  appendTurn(conversationId: string, turn: StoredTurn, ttlMs: number): Promise<void>;
  /** The conversation's unexpired turns, oldest first (at most `limit`, the latest ones). */
  turns(conversationId: string, limit: number): Promise<StoredTurn[]>;
  /** True for the first caller of a key while its claim lives (`ttlMs`); false for every later one. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Writes the pending batch now. */
  flush(): Promise<void>;
  /** Flushes and closes; the store is unusable afterwards. */
  close(): Promise<void>;
  /** `ok`, or `degraded: <why>` while a network database cannot be used (absent: always ok). */
  status?(): string;
}
