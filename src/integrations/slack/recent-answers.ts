/**
 * Answers shown recently, by answer id: "share in channel" re-posts an ephemeral answer, whose blocks Slack
 * does not send back with the click. Bounded (least recently stored dropped) and forgotten after `ttlMs`
 * (response_url itself only works for 30 minutes).
 */
import type { ChatBody } from '../../answer/types.js';

export class RecentAnswers {
  private readonly entries = new Map<string, { body: ChatBody; at: number }>();

  constructor(
    private readonly max = 1000,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(body: ChatBody): void {
    this.entries.delete(body.id);
    this.entries.set(body.id, { body, at: this.now() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(answerId: string): ChatBody | undefined {
    const entry = this.entries.get(answerId);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(answerId);
      return undefined;
    }
    return entry.body;
  }
}
