/**
 * Bounded LRU caches for one loaded index: retrieval results by (query, options), and composed answers of
 * first-turn questions (no conversation context) by (question, options). Retrieval and composition are
 * deterministic for a given index, so a hit returns exactly what recomputing would; the server keeps one
 * cache per searcher instance, so loading a new index starts empty.
 */
import type { RetrievalResult, SearchOptions } from '../retrieve/types.js';
import type { ChatBody, Evidence } from './compose.js';

export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** A first-turn answer minus the per-request fields. */
export type AnswerTemplate = Omit<ChatBody, 'id' | 'conversation_id' | 'took_ms'>;

export interface CachedAnswer {
  body: AnswerTemplate;
  /** `body` serialized without its braces and UTF-8 encoded, so a hit costs no escaping or encoding. */
  json: Buffer;
  evidence: Evidence[];
  /** Docs the answer is about, for the conversation's follow-up context. */
  docs: string[];
}

export class ChatCache {
  readonly results: Lru<RetrievalResult>;
  readonly answers: Lru<CachedAnswer>;

  constructor(maxEntries = 1000) {
    this.results = new Lru(maxEntries);
    this.answers = new Lru(maxEntries);
  }

  static key(text: string, options: SearchOptions): string {
    return JSON.stringify([
      text,
      options.topK ?? null,
      options.category ?? null,
      options.cni ?? null,
      options.keepEnvironment ?? null,
    ]);
  }
}
