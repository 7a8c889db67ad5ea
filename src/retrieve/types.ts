import type { Chunk, DocRecord, VectorStatus } from '../core/types.js';
import type { Explanation } from './explain.js';

export type RetrieverName = 'trigger' | 'lexical' | 'vector';

/** One retriever's candidate: a chunk and that retriever's own score (higher is better). */
export interface RankedChunk {
  chunkId: string;
  score: number;
}

export interface FusedHit {
  chunk: Chunk;
  doc: DocRecord;
  /** Fused score, higher is better (not comparable across questions; use `confidence` for that). */
  score: number;
  via: RetrieverName[];
  /** Doc triggers (as written in front-matter) that matched the question. */
  matchedTriggers: string[];
}

export interface RetrievalResult {
  /** Best first, at most `topK`, at most `maxChunksPerDoc` chunks per doc in the top 5. */
  hits: FusedHit[];
  /** 0..1: how sure retrieval is that the top hit answers the question. */
  confidence: number;
  /** True when confidence is below the abstention threshold: answer "I don't know" with suggestions. */
  abstain: boolean;
  /** Per-retriever outcome, for diagnostics and `retrievers` in the chat answer. */
  retrievers: Record<RetrieverName, { hits: number; took_ms: number; status: 'ok' | 'disabled' }>;
  took_ms: number;
}

export interface SearchOptions {
  topK?: number;
  /** Only docs of this category. */
  category?: string;
  /** Use only these retrievers (the eval harness runs each alone). Default: all available. */
  only?: RetrieverName[];
}

/** The query side of a loaded index. Implemented by `KbSearcher` in ./searcher.ts. */
export interface Searcher {
  readonly docs: readonly DocRecord[];
  readonly chunkCount: number;
  readonly vectors: VectorStatus;
  /** The index generation it was loaded from (logged with each answer), when known. */
  readonly generation?: string;
  search(question: string, options?: SearchOptions): Promise<RetrievalResult>;
  /** The same search with every step shown (`netkb explain`, `"explain": true`). */
  explain?(question: string, options?: SearchOptions): Promise<Explanation>;
  chunk(id: string): Chunk | undefined;
  doc(path: string): DocRecord | undefined;
}
