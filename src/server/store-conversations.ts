/**
 * Conversations kept in the shared store, so a follow-up that lands on another replica keeps its context and
 * two turns of one conversation on two replicas both land in its history (in the order the database gives
 * them). The store is never allowed to hold an answer up: a read or write that fails or takes longer than
 * `timeoutMs` is skipped (the answer goes out without that history), counted and reported to `onLoss`.
 */
import { type ConversationHistory, DEFAULT_CONVERSATION_OPTIONS, type Turn } from '../answer/conversation.js';
import type { Store } from '../store/types.js';

export interface StoreConversationsOptions {
  ttlMs: number;
  maxTurns: number;
  /** Longest wait on the store per read or write (default 750 ms). */
  timeoutMs: number;
  now: () => number;
  onLoss: (operation: 'read' | 'write', error: unknown) => void;
}

export class StoreConversations implements ConversationHistory {
  private readonly options: StoreConversationsOptions;
  /** Reads and writes skipped because the store failed or was too slow (shown on /readyz). */
  lost = 0;

  constructor(
    private readonly store: Store,
    options: Partial<StoreConversationsOptions> = {},
  ) {
    this.options = {
      ttlMs: DEFAULT_CONVERSATION_OPTIONS.ttlMs,
      maxTurns: DEFAULT_CONVERSATION_OPTIONS.maxTurns,
      timeoutMs: 750,
      now: Date.now,
      onLoss: () => {},
      ...options,
    };
  }

  async history(id: string): Promise<Turn[]> {
    try {
      return await this.bounded(this.store.turns(id, this.options.maxTurns));
    } catch (error) {
      this.loss('read', error);
      return [];
    }
  }

  async append(id: string, turn: Omit<Turn, 'at'>): Promise<void> {
    try {
      await this.bounded(this.store.appendTurn(id, { ...turn, at: this.options.now() }, this.options.ttlMs));
    } catch (error) {
      this.loss('write', error);
    }
  }

  private loss(operation: 'read' | 'write', error: unknown): void {
    this.lost++;
    this.options.onLoss(operation, error);
  }

  private bounded<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the store did not answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    // A late result is dropped; its rejection must not go unhandled.
    work.catch(() => {});
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
