import type { Chunk, DocRecord, Embedder, GlossaryEntry, VectorStatus } from '../core/types.js';
import { RETRIEVAL_CONFIG, type RetrievalConfig } from './config.js';
import { buildExplanation, type ConfidenceParts, type Explanation, type SearchTrace } from './explain.js';
import { fuse } from './fuse.js';
import { compileGlossary } from './glossary.js';
import { buildLexicalIndex, type LexicalIndex } from './lexical.js';
import { normalizeText } from './normalize.js';
import { analyzeQuery, type QueryVocabulary } from './query.js';
import { buildScopeTable, type ScopeTable, scopeMatch } from './scope.js';
import { buildSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { buildTriggerTable, matchQueryTriggers, type TriggerHit, type TriggerTable } from './triggers.js';
import type { RankedChunk, RetrievalResult, RetrieverName, Searcher, SearchOptions } from './types.js';

/** Nearest-neighbour search over chunk vectors; labels are chunk ordinals in docs order. */
export interface VectorSearch {
  embedder: Embedder;
  index: { search(query: Float32Array, k: number): Array<{ ordinal: number; score: number }> };
}

export interface SearcherData {
  docs: readonly DocRecord[];
  glossary: readonly GlossaryEntry[];
  vector: VectorSearch | null;
  vectorStatus: VectorStatus;
  generation?: string;
}

/** The loaded, query-ready KB. Opening it from disk is `openSearcher` in src/index/open-searcher.ts. */
export class KbSearcher implements Searcher {
  readonly docs: readonly DocRecord[];
  readonly vectors: VectorStatus;
  readonly chunkCount: number;
  readonly generation: string | undefined;
  private readonly chunks = new Map<string, Chunk>();
  private readonly docsByPath = new Map<string, DocRecord>();
  private readonly ordinals: string[] = [];
  private readonly glossary;
  private readonly triggers: TriggerTable;
  private readonly lexical: LexicalIndex;
  private readonly vector: VectorSearch | null;
  private readonly spelling: SpellingCorrector;
  private readonly vocabulary: QueryVocabulary;
  private readonly scopes: ScopeTable;
  private readonly glossaryEntries: readonly GlossaryEntry[];

  constructor(
    data: SearcherData,
    private readonly config: RetrievalConfig = RETRIEVAL_CONFIG,
  ) {
    this.docs = data.docs;
    this.vectors = data.vectorStatus;
    this.vector = data.vector;
    this.generation = data.generation;
    for (const doc of data.docs) {
      this.docsByPath.set(doc.path, doc);
      for (const chunk of doc.chunks) {
        this.chunks.set(chunk.id, chunk);
        this.ordinals.push(chunk.id);
      }
    }
    this.chunkCount = this.ordinals.length;
    this.glossaryEntries = data.glossary;
    this.glossary = compileGlossary(data.glossary);
    this.triggers = buildTriggerTable(data.docs, this.glossary, config);
    this.lexical = buildLexicalIndex(data.docs, this.glossary, config);
    this.scopes = buildScopeTable(data.docs, this.glossary);
    this.spelling = buildSpellingCorrector(this.lexical.vocabulary);
    const { tokenize, vocabulary } = this.lexical;
    this.vocabulary = {
      tokenize,
      has: (token) => vocabulary.has(token),
      alternativesOf: (token) => this.glossary.alternativesOf(token),
    };
  }

  chunk(id: string): Chunk | undefined {
    return this.chunks.get(id);
  }

  doc(path: string): DocRecord | undefined {
    return this.docsByPath.get(path);
  }

  async search(rawQuestion: string, options: SearchOptions = {}): Promise<RetrievalResult> {
    return (await this.run(rawQuestion, options)).result;
  }

  /** The search with every intermediate step, for `netkb explain` and `"explain": true`. */
  async explain(rawQuestion: string, options: SearchOptions = {}): Promise<Explanation> {
    const { result, trace } = await this.run(rawQuestion, options);
    return buildExplanation(result, trace, this, this.glossaryEntries, this.config);
  }

  private async run(
    rawQuestion: string,
    options: SearchOptions,
  ): Promise<{ result: RetrievalResult; trace: SearchTrace }> {
    const started = performance.now();
    const config = this.config;
    const normalized = normalizeText(rawQuestion);
    const corrected = this.spelling.correct(normalized);
    const query = analyzeQuery(corrected, this.vocabulary, config);
    const topK = options.topK ?? config.defaultTopK;
    const wanted = (name: RetrieverName) => !options.only || options.only.includes(name);
    const allowed = options.category
      ? new Set(this.docs.filter((doc) => doc.category === options.category).map((doc) => doc.path))
      : undefined;
    const inCategory = (path: string) => !allowed || allowed.has(path);
    const retrievers = {} as RetrievalResult['retrievers'];

    const timed = <T>(name: RetrieverName, enabled: boolean, run: () => T[]): T[] | null => {
      if (!enabled) {
        retrievers[name] = { hits: 0, took_ms: 0, status: 'disabled' };
        return null;
      }
      const t0 = performance.now();
      const out = run();
      retrievers[name] = { hits: out.length, took_ms: round(performance.now() - t0), status: 'ok' };
      return out;
    };

    const trigger = timed('trigger', wanted('trigger'), () =>
      matchQueryTriggers(this.triggers, query, this.glossary, config).filter((hit) =>
        inCategory(hit.docPath),
      ),
    );
    const lexical = timed('lexical', wanted('lexical'), () =>
      this.lexical.search(query, config.candidatesPerRetriever, allowed),
    );
    let vector: RankedChunk[] | null = null;
    if (this.vector && wanted('vector')) {
      const t0 = performance.now();
      const query = await this.vector.embedder.embedQuery(rawQuestion);
      vector = this.vector.index
        .search(query, config.candidatesPerRetriever)
        .map((hit) => ({ chunkId: this.ordinals[hit.ordinal] ?? '', score: hit.score }))
        .filter((hit) => hit.chunkId && inCategory(this.chunks.get(hit.chunkId)?.path ?? ''));
      retrievers.vector = { hits: vector.length, took_ms: round(performance.now() - t0), status: 'ok' };
    } else {
      retrievers.vector = { hits: 0, took_ms: 0, status: 'disabled' };
    }

    const coverage = lexical ? this.lexical.coverageOf(query) : null;
    const topicCoverage = lexical ? this.lexical.topicCoverageOf(query) : null;
    const scope = scopeMatch(this.scopes, this.glossary.groupsIn(query.focus), this.glossary);
    const hits = fuse({ trigger, lexical, vector, coverage, topicCoverage, scope }, this, config, topK);
    const parts = hits[0]
      ? this.confidence(hits[0].doc.path, trigger, lexical, vector, coverage, topicCoverage)
      : null;
    const confidence = parts?.combined ?? 0;
    const result: RetrievalResult = {
      hits,
      confidence: round(confidence, 3),
      abstain: hits.length === 0 || confidence < config.abstainBelow,
      retrievers,
      took_ms: round(performance.now() - started),
    };
    const trace: SearchTrace = {
      normalized,
      corrected,
      query,
      tokens: this.lexical.tokenize(query.text),
      groups: this.glossary.groupsIn(query.text),
      trigger,
      lexical,
      vector,
      coverage,
      topicCoverage,
      confidence: parts,
    };
    return { result, trace };
  }

  /**
   * How sure we are that the top doc answers: any trigger hit on it is strong evidence; otherwise the raw BM25
   * score of the best chunk, discounted when the top doc covers little of the question (an off-topic
   * question matches a doc on generic words only: "pod", "node", "kubectl"); as a second signal, the same score
   * weighted by how much of the question is what the top doc says it is about (an off-topic question meets a
   * doc in passing, in one table row, not in its title and headings); vectors add their cosine.
   * Independent signals combine as a noisy-or. Calibrated by `netkb eval` on both question sets.
   */
  private confidence(
    topDoc: string,
    trigger: TriggerHit[] | null,
    lexical: RankedChunk[] | null,
    vector: RankedChunk[] | null,
    coverage: ((docPath: string) => number) | null,
    topicCoverage: ((docPath: string) => number) | null,
  ): ConfidenceParts {
    const { triggerConfidence, lexicalConfidence } = this.config;
    const triggerScore = trigger?.find((hit) => hit.docPath === topDoc)?.score ?? 0;
    const lexicalScore = Math.min(1, (lexical?.[0]?.score ?? 0) / lexicalConfidence.fullScore);
    const covered = coverage ? Math.min(1, coverage(topDoc) / lexicalConfidence.fullCoverage) : 1;
    const onTopic = topicCoverage ? lexicalConfidence.topicWeight * topicCoverage(topDoc) : 0;
    const signals = {
      trigger:
        triggerScore > 0
          ? triggerConfidence.min +
            (triggerConfidence.max - triggerConfidence.min) * Math.min(1, triggerScore)
          : 0,
      lexical_coverage: lexicalScore * covered,
      lexical_topic: Math.min(1, lexicalScore * onTopic),
      vector: vector?.[0] ? Math.max(0, Math.min(1, (vector[0].score - 0.5) / 0.4)) : 0,
    };
    const combined = 1 - Object.values(signals).reduce((rest, signal) => rest * (1 - signal), 1);
    return { ...signals, combined };
  }
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
