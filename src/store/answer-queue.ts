/**
 * The query log's write queue, the same for every backend: answers wait in memory and go out in batches (when
 * `maxBatch` are waiting, or `flushIntervalMs` after the first); a failed batch is kept and retried later; the
 * oldest are dropped past `maxPending`. Answers still waiting or being written are known (`has`), so feedback on
 * an answer given a moment ago is accepted.
 */
import type { AnswerLogEntry } from './types.js';

export interface AnswerQueueOptions {
  /** Writes one batch; a rejection keeps the batch for a retry. */
  write: (batch: AnswerLogEntry[]) => Promise<void>;
  onError: (error: unknown) => void;
  flushIntervalMs: number;
  maxBatch: number;
  maxPending: number;
}

export class AnswerQueue {
  private readonly pending = new Map<string, AnswerLogEntry>();
  /** Handed to `write`, not yet acknowledged. */
  private readonly inFlight = new Map<string, AnswerLogEntry>();
  private readonly writes = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: AnswerQueueOptions) {}

  add(entry: AnswerLogEntry): void {
    if (this.stopped) return;
    this.pending.set(entry.answerId, entry);
    if (this.pending.size > this.options.maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    if (this.pending.size >= this.options.maxBatch) this.flush();
    else this.flushLater(this.options.flushIntervalMs);
  }

  /** Waiting or being written (not yet in the database). */
  has(answerId: string): boolean {
    return this.pending.has(answerId) || this.inFlight.has(answerId);
  }

  get waiting(): number {
    return this.pending.size;
  }

  /** Sends the waiting answers as one batch now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.size === 0 || this.stopped) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    for (const entry of batch) this.inFlight.set(entry.answerId, entry);
    const write: Promise<void> = this.options.write(batch).then(
      () => {
        for (const entry of batch) this.inFlight.delete(entry.answerId);
      },
      (error: unknown) => {
        // Kept for a later flush (the database may be locked or unreachable for a while).
        this.options.onError(error);
        for (const entry of batch) {
          this.inFlight.delete(entry.answerId);
          if (!this.stopped && !this.pending.has(entry.answerId)) this.pending.set(entry.answerId, entry);
        }
        this.flushLater(this.options.flushIntervalMs * 5);
      },
    );
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }

  /** Flushes and waits until every batch sent so far is written (or has failed and been kept). */
  async drain(): Promise<void> {
    this.flush();
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  /** No more adds or flushes; waiting answers are dropped. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flushLater(ms: number): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => this.flush(), ms);
    this.timer.unref();
  }
}
