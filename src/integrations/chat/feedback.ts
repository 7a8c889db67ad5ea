/**
 * Feedback on an answer (👍 / 👎 from a chat channel). The interface is what the query-log store implements
 * once it exists; until then the server uses the in-memory recorder below.
 */

export interface Feedback {
  answerId: string;
  helpful: boolean;
  comment?: string;
  /** `slack`, `teams`, … */
  channel: string;
  /** The channel's user id, when known. */
  user?: string;
}

export interface FeedbackRecorder {
  recordFeedback(feedback: Feedback): Promise<void>;
}

export interface RecordedFeedback extends Feedback {
  at: number;
}

/** Bounded in-memory recorder: keeps the last `max` entries (oldest dropped). */
export class InMemoryFeedback implements FeedbackRecorder {
  private readonly entries: RecordedFeedback[] = [];

  constructor(
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async recordFeedback(feedback: Feedback): Promise<void> {
    this.entries.push({ ...feedback, at: this.now() });
    if (this.entries.length > this.max) this.entries.shift();
  }

  /** Everything recorded, oldest first (a copy). */
  list(): RecordedFeedback[] {
    return [...this.entries];
  }
}
