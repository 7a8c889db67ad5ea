import type { Chunk, DocRecord, VectorStatus } from '../core/types.js';
import type { Explanation } from './explain.js';

export type RetrieverName = 'trigger' | 'lexical' | 'vector';

/** `over_budget`: skipped because the question's time budget was spent before this retriever started. */
export type RetrieverStatus = 'ok' | 'disabled' | 'over_budget';

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
  /**
   * Set only when abstaining: the runbooks with a failure trigger that the report's headline states in one clause
   * in its own order and words ("connect issues across nodes" in a Flannel report for "flannel 跨节点不通";
   * failing-clause.ts).
   */
  statedFailure?: readonly string[];
  /** Per-retriever outcome, for diagnostics and `retrievers` in the chat answer. */
  retrievers: Record<RetrieverName, { hits: number; took_ms: number; status: RetrieverStatus }>;
  /** True when the question's time budget ran out and a retriever was skipped (see config.budget). */
  overBudget?: boolean;
  took_ms: number;
}

export interface SearchOptions {
  topK?: number;
  /** Only docs of this category. */
  category?: string;
  /** Use only these retrievers (the eval harness runs each alone). Default: all available. */
  only?: RetrieverName[];
  /**
   * The cluster's CNI (a glossary name of the `exclusive: cni` set, lower case): docs about another CNI are left
   * out, and the search ranks as if the question named it.
   */
  cni?: string;
  /**
   * Search a CNI's name standing in environment wording as a word of the report, like any other (default: it is
   * taken out and searched as a weak word, environment-cni.ts). The full report's search: its confidence is what
   * the report says, before any word is taken out.
   */
  keepEnvironment?: boolean;
  /**
   * When the question arrived (`performance.now()`): the time budget (config.budget.timeMs) counts from there, so
   * every search one question needs (a follow-up's two, other CNIs' runbooks) shares one budget. Default: now.
   */
  startedAt?: number;
}

/** The CNIs the KB's glossary knows (`exclusive: cni`) and which of them a doc or a text is about. */
export interface CniScope {
  /** Canonical names (each entry's first term, lower case), glossary order. */
  readonly names: readonly string[];
  /** The one CNI a doc's title, triggers and headings name; null when none or several (a generic doc). */
  ofDoc(docPath: string): string | null;
  /** CNIs named in a text (a question), in glossary order. */
  namedIn(text: string): string[];
  /**
   * CNIs a text names only where it states its environment ("calico v3.24.1", "CNI: cilium"; environment-cni.ts),
   * in order of first mention. Absent in searchers that do not read environment wording.
   */
  inEnvironmentOnly?(text: string): string[];
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
  /** CNI scoping; absent in searchers that know no CNIs. */
  readonly cni?: CniScope;
  /**
   * The glossary concepts (group ids) a text names, in any of their languages: "firewalld" and 防火墙 are one
   * concept. Absent in searchers without a glossary.
   */
  concepts?(text: string): readonly string[];
}
