import type { Chunk, DocRecord } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import type { TriggerHit } from './triggers.js';
import type { FusedHit, RankedChunk, RetrieverName } from './types.js';

/** Each retriever's output; null when that retriever did not run. */
export interface FusionInputs {
  trigger: TriggerHit[] | null;
  lexical: RankedChunk[] | null;
  vector: RankedChunk[] | null;
  /** Share of the question a candidate's doc covers (0..1), by doc path; null when lexical did not run. */
  coverage: ((docPath: string) => number) | null;
  /** The same share over a doc's title, triggers and headings; null when lexical did not run. */
  topicCoverage: ((docPath: string) => number) | null;
  /**
   * -1 for docs about another alternative (CNI, ...) than the question names; else how many of the named ones a
   * doc is about (see scope.ts).
   */
  scope: ((docPath: string) => number) | null;
  /** Extra score factor per doc (1 when absent): a tool's how-to in a question about a broken path. */
  docFactor?: ((docPath: string) => number) | null;
}

export interface FusionCorpus {
  chunk(id: string): Chunk | undefined;
  doc(path: string): DocRecord | undefined;
}

/**
 * Merges the retrievers into one chunk ranking. Pure. A trigger hit votes for every chunk of its doc
 * (lexical and vector scores then pick the section); each fused score is scaled by the chunk's rank
 * weight (section kind × bounded doc priority); the top 5 hold at most N chunks of one doc.
 */
export function fuse(
  inputs: FusionInputs,
  corpus: FusionCorpus,
  config: RetrievalConfig,
  topK: number,
): FusedHit[] {
  const active = (['trigger', 'lexical', 'vector'] as const).filter((name) => inputs[name] !== null);
  const totalWeight = active.reduce((sum, name) => sum + config.weights[name], 0) || 1;
  const weight = (name: RetrieverName) => config.weights[name] / totalWeight;

  const candidates = new Map<
    string,
    { components: Partial<Record<RetrieverName, number>>; triggers: string[] }
  >();
  const touch = (chunkId: string) => {
    let entry = candidates.get(chunkId);
    if (!entry) {
      entry = { components: {}, triggers: [] };
      candidates.set(chunkId, entry);
    }
    return entry;
  };

  const rrf = (rank: number) => 1 / (config.rrfK + rank + 1);
  (inputs.trigger ?? []).forEach((hit, rank) => {
    const doc = corpus.doc(hit.docPath);
    for (const chunk of doc?.chunks ?? []) {
      const entry = touch(chunk.id);
      entry.components.trigger = config.method === 'rrf' ? rrf(rank) : Math.min(1, hit.score);
      entry.triggers = hit.matched;
    }
  });
  for (const name of ['lexical', 'vector'] as const) {
    const list = inputs[name] ?? [];
    const max = Math.max(...list.map((item) => item.score), Number.EPSILON);
    list.forEach((item, rank) => {
      touch(item.chunkId).components[name] =
        config.method === 'rrf' ? rrf(rank) : Math.max(0, item.score) / max;
    });
  }

  // Doc coverage (fused mode only) lifts docs that speak to every part of the question over a catch-all doc
  // that matches one part well.
  const fused = active.length > 1;
  const coverageOf = fused ? inputs.coverage : null;
  const topicCoverageOf = fused ? inputs.topicCoverage : null;
  const scored: FusedHit[] = [];
  for (const [chunkId, { components, triggers }] of candidates) {
    const chunk = corpus.chunk(chunkId);
    const doc = chunk ? corpus.doc(chunk.path) : undefined;
    if (!chunk || !doc) continue;
    const retrieved = active.reduce((sum, name) => sum + weight(name) * (components[name] ?? 0), 0);
    const coverage = coverageOf?.(doc.path) ?? 0;
    const topic = topicCoverageOf?.(doc.path) ?? 0;
    const base = retrieved + config.coverageWeight * coverage + config.topicCoverageWeight * topic;
    const scope = scopeFactorOf(inputs.scope?.(doc.path) ?? 0, config);
    scored.push({
      chunk,
      doc,
      score: base * scope * (inputs.docFactor?.(doc.path) ?? 1) * chunk.weight ** config.chunkWeightExponent,
      via: active.filter((name) => (components[name] ?? 0) > 0),
      matchedTriggers: triggers,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id));
  return diversify(scored, config.maxChunksPerDocInTop5).slice(0, topK);
}

/**
 * The score factor of a scope match: a doc about another alternative ranks lower; each named alternative a doc is
 * about (its CNI, its topology) lifts it once more, so the runbook that fits both ranks above one fitting either.
 */
export function scopeFactorOf(match: number, config: RetrievalConfig): number {
  const factor = config.scopeFactor;
  if (match < 0) return factor[-1];
  return match === 0 ? factor[0] : factor[1] ** match;
}

/** At most `perDoc` chunks of one doc in the top 5; the others move just below it, in order. */
export function diversify(hits: FusedHit[], perDoc: number): FusedHit[] {
  const top: FusedHit[] = [];
  const deferred: FusedHit[] = [];
  const counts = new Map<string, number>();
  for (const hit of hits) {
    const count = counts.get(hit.doc.path) ?? 0;
    if (top.length < 5 && count >= perDoc) {
      deferred.push(hit);
      continue;
    }
    if (top.length < 5) counts.set(hit.doc.path, count + 1);
    top.push(hit);
  }
  // Deferred hits rejoin after the top 5, ahead of lower-scored ones.
  return [...top.slice(0, 5), ...[...deferred, ...top.slice(5)].sort((a, b) => b.score - a.score)];
}
