/**
 * The lexical confidence signals of a search's top doc, normalised to the KB's size. Pure.
 *
 * A bigger KB makes raw lexical evidence look stronger for any question, answerable or not: BM25's IDF grows with
 * the log of the chunk count (and the KB knows more of an off-topic question's words), and the doc whose title
 * and headings share most of the question is the best of more docs, so its topic coverage is larger by chance
 * too. Both are scaled by the ratio of the highest IDF of the calibration KB (`referenceChunks`) to the highest
 * IDF here, a measure of how much more there is to match in: the BM25 score by that ratio raised to
 * `scaleExponent`, the topic coverage by it raised to `topicScaleExponent`. A KB no larger than the reference is
 * never scaled (the ratio is capped at 1), so its confidence is what it was calibrated with.
 */
import type { RetrievalConfig } from './config.js';

/** BM25's IDF of a term found in one chunk of `chunks` (MiniSearch's BM25+ formula): the highest IDF there is. */
export function highestIdf(chunks: number): number {
  return Math.log(1 + (Math.max(1, chunks) - 1 + 0.5) / 1.5);
}

/** How much smaller lexical evidence counts in a KB of `chunks` than in the reference KB: 1 at most. */
export function kbSizeRatio(referenceChunks: number, chunks: number): number {
  return Math.min(1, highestIdf(referenceChunks) / highestIdf(chunks));
}

export interface LexicalEvidence {
  /** The best chunk's raw BM25 score. */
  score: number;
  /** The top doc's share of the question's IDF mass (null: no lexical search ran). */
  coverage: number | null;
  /** The same share over the top doc's title, triggers and headings. */
  topicCoverage: number | null;
  /** Chunks in the KB (BM25's N). */
  chunks: number;
}

/**
 * `lexical_coverage`: the (size-scaled) BM25 strength, discounted when the top doc covers less than
 * `fullCoverage` of the question; `lexical_topic`: the same strength times `topicWeight` × the (size-scaled)
 * topic coverage, up to 1.
 */
export function lexicalSignals(
  evidence: LexicalEvidence,
  config: RetrievalConfig['lexicalConfidence'],
): { lexical_coverage: number; lexical_topic: number } {
  const ratio = kbSizeRatio(config.referenceChunks, evidence.chunks);
  const strength = Math.min(1, (evidence.score * ratio ** config.scaleExponent) / config.fullScore);
  const covered = evidence.coverage === null ? 1 : Math.min(1, evidence.coverage / config.fullCoverage);
  const onTopic =
    evidence.topicCoverage === null
      ? 0
      : config.topicWeight * evidence.topicCoverage * ratio ** config.topicScaleExponent;
  return { lexical_coverage: strength * covered, lexical_topic: Math.min(1, strength * onTopic) };
}

/**
 * The confidence of a search: the top hit's doc's, or a close runbook's when higher. Every other doc with a hit
 * scoring at least `share` of the top hit's is one the answer draws on (its rows, commands, a stated value), so
 * how sure we are that the KB answers is the best of theirs. `partsOf` computes one doc's parts. Pure.
 */
export function closeDocsConfidence<P extends { combined: number }>(
  hits: ReadonlyArray<{ doc: { path: string }; score: number }>,
  share: number,
  partsOf: (docPath: string) => P,
): P | null {
  const top = hits[0];
  if (!top) return null;
  let best = partsOf(top.doc.path);
  const seen = new Set([top.doc.path]);
  for (const hit of hits) {
    if (seen.has(hit.doc.path) || hit.score < top.score * share) continue;
    seen.add(hit.doc.path);
    const parts = partsOf(hit.doc.path);
    if (parts.combined > best.combined) best = parts;
  }
  return best;
}

/**
 * The higher of two confidences (either may be missing): the ranking's own, and the one read from the ranking
 * without its reordering factors, so that a factor which only says "another runbook fits better" never lowers how
 * sure the answer is that the KB covers the report. Pure.
 */
export function higherConfidence<P extends { combined: number }>(
  ranked: P | null,
  unfactored: P | null,
): P | null {
  if (ranked === null) return unfactored;
  if (unfactored === null) return ranked;
  return unfactored.combined > ranked.combined ? unfactored : ranked;
}
