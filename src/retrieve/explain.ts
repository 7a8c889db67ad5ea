/**
 * "Why did this question land there": every step of one search, as data. Pure: built from the trace the
 * searcher records anyway, so an explanation never differs from the answer it explains.
 */
import type { Chunk, DocRecord, GlossaryEntry } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import type { AnalyzedQuery } from './query.js';
import type { TriggerHit } from './triggers.js';
import type { RankedChunk, RetrievalResult, RetrieverName } from './types.js';

/** The noisy-or parts of confidence (see KbSearcher.confidence). */
export interface ConfidenceParts {
  trigger: number;
  lexical_coverage: number;
  lexical_topic: number;
  vector: number;
  combined: number;
}

export interface SearchTrace {
  normalized: string;
  corrected: string;
  query: AnalyzedQuery;
  tokens: string[];
  groups: string[];
  trigger: TriggerHit[] | null;
  lexical: RankedChunk[] | null;
  vector: RankedChunk[] | null;
  coverage: ((docPath: string) => number) | null;
  topicCoverage: ((docPath: string) => number) | null;
  /** null when nothing was found. */
  confidence: ConfidenceParts | null;
}

export interface ExplainedChunk {
  doc: string;
  heading: string;
  lines: [number, number];
  score: number;
}

export interface Explanation {
  normalized: string;
  /** The text after typo correction against the KB's vocabulary (same as `normalized` when none). */
  corrected: string;
  /** The failing part of the question, and the clauses that say what works ('' when none). */
  focus: string;
  working: string;
  tokens: string[];
  /** Query terms with their weight (1 in the failing part, less in a working-path clause). */
  terms: Array<{ term: string; weight: number }>;
  /** Glossary groups the question names, with every term that counts as the same. */
  glossary: Array<{ group: string; terms: string[]; exclusive: string | null }>;
  triggers: Array<{ doc: string; score: number; matched: string[] }> | null;
  lexical: ExplainedChunk[] | null;
  vector: ExplainedChunk[] | null;
  fused: Array<
    ExplainedChunk & {
      rank: number;
      via: RetrieverName[];
      matched_triggers: string[];
      coverage: number | null;
      topic_coverage: number | null;
    }
  >;
  confidence: ConfidenceParts & { threshold: number };
  abstained: boolean;
  reason: string;
}

const CANDIDATES_SHOWN = 10;

interface Corpus {
  chunk(id: string): Chunk | undefined;
  doc(path: string): DocRecord | undefined;
}

export function buildExplanation(
  result: RetrievalResult,
  trace: SearchTrace,
  corpus: Corpus,
  glossary: readonly GlossaryEntry[],
  config: RetrievalConfig,
): Explanation {
  const chunkOf = (ranked: RankedChunk): ExplainedChunk | null => {
    const chunk = corpus.chunk(ranked.chunkId);
    return chunk
      ? {
          doc: chunk.path,
          heading: chunk.headingPath.at(-1) ?? '',
          lines: chunk.lines,
          score: round(ranked.score),
        }
      : null;
  };
  const chunks = (list: RankedChunk[] | null) =>
    list === null
      ? null
      : list
          .slice(0, CANDIDATES_SHOWN)
          .map(chunkOf)
          .filter((chunk): chunk is ExplainedChunk => chunk !== null);
  const parts = trace.confidence ?? {
    trigger: 0,
    lexical_coverage: 0,
    lexical_topic: 0,
    vector: 0,
    combined: 0,
  };
  const confidence = {
    trigger: round(parts.trigger),
    lexical_coverage: round(parts.lexical_coverage),
    lexical_topic: round(parts.lexical_topic),
    vector: round(parts.vector),
    combined: round(parts.combined),
    threshold: config.abstainBelow,
  };
  return {
    normalized: trace.normalized,
    corrected: trace.corrected,
    focus: trace.query.focus,
    working: trace.query.working,
    tokens: trace.tokens,
    terms: [...trace.query.terms].map(([term, weight]) => ({ term, weight: round(weight) })),
    glossary: trace.groups.map((group) => {
      const entry = glossary[Number(group.slice(1))];
      return { group, terms: entry?.terms ?? [], exclusive: entry?.exclusive ?? null };
    }),
    triggers:
      trace.trigger?.slice(0, CANDIDATES_SHOWN).map((hit) => ({
        doc: hit.docPath,
        score: round(hit.score),
        matched: hit.matched,
      })) ?? null,
    lexical: chunks(trace.lexical),
    vector: chunks(trace.vector),
    fused: result.hits.map((hit, index) => ({
      rank: index + 1,
      doc: hit.doc.path,
      heading: hit.chunk.headingPath.at(-1) ?? '',
      lines: hit.chunk.lines,
      score: round(hit.score),
      via: hit.via,
      matched_triggers: hit.matchedTriggers,
      coverage: trace.coverage ? round(trace.coverage(hit.doc.path)) : null,
      topic_coverage: trace.topicCoverage ? round(trace.topicCoverage(hit.doc.path)) : null,
    })),
    confidence,
    abstained: result.abstain,
    reason: reason(result, confidence),
  };
}

const SIGNAL_NAMES: Record<keyof Omit<ConfidenceParts, 'combined'>, string> = {
  trigger: 'a trigger of the top doc matched',
  lexical_coverage: 'BM25 score × share of the question the top doc covers',
  lexical_topic: 'BM25 score × share of the question in the top doc’s title, triggers and headings',
  vector: 'vector similarity',
};

function reason(result: RetrievalResult, confidence: ConfidenceParts & { threshold: number }): string {
  if (result.hits.length === 0) return 'No retriever found a candidate: abstained.';
  const [name, value] = (Object.keys(SIGNAL_NAMES) as Array<keyof typeof SIGNAL_NAMES>)
    .map((key) => [key, confidence[key]] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? ['trigger', 0];
  const strongest = value > 0 ? `strongest signal: ${SIGNAL_NAMES[name]} (${value})` : 'no signal fired';
  const top = result.hits[0]?.doc.path ?? '';
  return result.abstain
    ? `Confidence ${confidence.combined} is below ${confidence.threshold} (${strongest}): abstained; ${top} was the best candidate.`
    : `Confidence ${confidence.combined} ≥ ${confidence.threshold} (${strongest}): answered from ${top}.`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
