/**
 * Short in-memory context for follow-up questions, keyed by `conversation_id`. Bounded in both directions:
 * at most `maxConversations` (least recently used ones are dropped first) and each forgotten `ttlMs` after its
 * last turn. Nothing is persisted: a restart forgets every conversation, which only costs follow-up context.
 */
import type { RetrievalResult } from '../retrieve/types.js';

export interface Turn {
  question: string;
  /** Docs the answer was about (best first), empty when it abstained. */
  docs: string[];
  at: number;
}

export interface ConversationOptions {
  maxConversations: number;
  ttlMs: number;
  /** Turns kept per conversation (oldest dropped). */
  maxTurns: number;
  now: () => number;
}

export const DEFAULT_CONVERSATION_OPTIONS: ConversationOptions = {
  maxConversations: 1000,
  ttlMs: 30 * 60 * 1000,
  maxTurns: 6,
  now: Date.now,
};

/**
 * Where a conversation's turns live: this process's memory (ConversationStore) or the shared store, so that
 * every replica sees every turn. Either may answer synchronously; callers await both.
 */
export interface ConversationHistory {
  /** The conversation's turns, oldest first ([] when unknown or expired). */
  history(id: string): Turn[] | Promise<Turn[]>;
  append(id: string, turn: Omit<Turn, 'at'>): void | Promise<void>;
}

export class ConversationStore implements ConversationHistory {
  private readonly options: ConversationOptions;
  /** Map order is recency order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Turn[]>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<ConversationOptions> = {}) {
    this.options = { ...DEFAULT_CONVERSATION_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The conversation's turns (oldest first), or [] when unknown or expired. Counts as a use. */
  history(id: string): Turn[] {
    const turns = this.entries.get(id);
    if (!turns) return [];
    const last = turns.at(-1);
    if (!last || this.options.now() - last.at > this.options.ttlMs) {
      this.entries.delete(id);
      return [];
    }
    this.entries.delete(id);
    this.entries.set(id, turns);
    return [...turns];
  }

  append(id: string, turn: Omit<Turn, 'at'>): void {
    const now = this.options.now();
    const turns = this.entries.get(id) ?? [];
    this.entries.delete(id);
    turns.push({ ...turn, at: now });
    while (turns.length > this.options.maxTurns) turns.shift();
    this.entries.set(id, turns);
    this.evict(now);
  }

  private evict(now: number): void {
    while (this.entries.size > this.options.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    // Expired conversations are dropped when read; a sweep (at most once a second, or per TTL) frees the unread ones.
    if (now - this.lastSweep < Math.min(1000, this.options.ttlMs)) return;
    this.lastSweep = now;
    // Least recently used first, so expired conversations sit at the front.
    for (const [id, turns] of this.entries) {
      if (now - (turns.at(-1)?.at ?? 0) <= this.options.ttlMs) break;
      this.entries.delete(id);
    }
  }
}

/** Docs an answer is about: the best hit's doc, plus a second one that scored nearly as well. */
export function topicDocs(result: RetrievalResult): string[] {
  if (result.abstain) return [];
  const top = result.hits[0];
  if (!top) return [];
  const docs = [top.doc.path];
  const second = result.hits.find((hit) => hit.doc.path !== top.doc.path && hit.score >= top.score * 0.8);
  if (second) docs.push(second.doc.path);
  return docs;
}

/** A question that leans on the previous one: short, or opening with "then / what about / 那 / 这个". */
export function looksLikeFollowUp(question: string): boolean {
  const text = question.normalize('NFKC').trim().toLowerCase();
  if (
    /^(?:那|那么|那要|那该|那如果|那就|这个|这|它|还有|另外|然后|如果|要是|再|接着|接下来|同样|也|and\b|so\b|then\b|what about|how about|also\b|it\b|that\b|this\b|same\b|and if|what if)/.test(
      text,
    )
  ) {
    return true;
  }
  const core = text.replace(/[\s\p{P}\p{S}]+/gu, '');
  return core.length <= 10 || text.split(/\s+/).length <= 3;
}

export type FollowUpChoice = 'standalone' | 'contextual';

/**
 * Picks between the question searched alone and searched with the conversation's earlier questions prepended.
 * Staying on the previous docs wins when the question reads like a follow-up; a confident new topic wins otherwise.
 */
export function chooseFollowUp(
  question: string,
  standalone: RetrievalResult,
  contextual: RetrievalResult,
  previousDocs: readonly string[],
): FollowUpChoice {
  const onTopic = (result: RetrievalResult) =>
    !result.abstain && result.hits[0] !== undefined && previousDocs.includes(result.hits[0].doc.path);
  if (onTopic(standalone)) return 'standalone';
  if (onTopic(contextual) && (standalone.abstain || looksLikeFollowUp(question))) return 'contextual';
  if (!standalone.abstain) return 'standalone';
  if (!contextual.abstain) return 'contextual';
  return 'standalone';
}
