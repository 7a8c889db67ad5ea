/**
 * The runbooks of the path a pasted connection error names (a Service's name that times out, a name that does not
 * resolve), that path's main runbook first. An application's report ("Failed to connect to my Hub at
 * http://hub:8081", "SocketTimeoutException: connect timed out ... nacos.default.svc:8848") matches the runbooks of
 * its path through words the error shares with every one of them ("connect", "timeout", "proxy"): BM25 then puts a
 * runbook about one part of the path (kube-proxy's modes and rules) before the one an on-call engineer opens first
 * for a Service that does not answer (its endpoints, selector, targetPort). The path's main runbook is the one of
 * highest priority among them. The report keeps its own order when it speaks another runbook's language (a trigger
 * of that runbook matched: "ipvs", "kube-proxy 模式") and the main runbook's none. Pure.
 */
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';

export interface PathHit {
  doc: { path: string; priority: number };
  /** Triggers of the hit's doc that the report matched. */
  matchedTriggers: readonly string[];
}

/**
 * The main runbook of a category: its doc of highest priority (the first one on a tie), or null when the category
 * has none.
 */
export function categoryMainRunbook(
  docs: ReadonlyArray<{ path: string; category: string | null; priority: number }>,
  category: string,
): string | null {
  return mainRunbook(
    docs.filter((doc) => doc.category === category).map((doc) => ({ doc, matchedTriggers: [] })),
  );
}

/** The hits, the main runbook's (highest priority) first, each group in its own order. */
export function mainRunbookFirst<H extends PathHit>(hits: readonly H[]): H[] {
  const main = mainRunbook(hits);
  if (main === null) return [...hits];
  const triggered = (hit: H) => hit.matchedTriggers.length > 0;
  const mainTriggered = hits.some((hit) => hit.doc.path === main && triggered(hit));
  const otherTriggered = hits.some((hit) => hit.doc.path !== main && triggered(hit));
  if (otherTriggered && !mainTriggered) return [...hits];
  return runbookFirst(hits, main);
}

/**
 * The report's hits with `path` first, taking its hits from `searched` (a narrower search that may find it) when the
 * report's own hits lack it; null when neither holds it.
 */
export function foundRunbookFirst(
  result: RetrievalResult,
  path: string,
  searched: readonly FusedHit[] = [],
): RetrievalResult | null {
  const own = result.hits.some((hit) => hit.doc.path === path);
  const added = own ? [] : searched.filter((hit) => hit.doc.path === path);
  if (!own && added.length === 0) return null;
  return { ...result, hits: runbookFirst([...added, ...result.hits], path) };
}

/** The hits with those of `path` first, each group in its own order. */
export function runbookFirst<H extends { doc: { path: string } }>(hits: readonly H[], path: string): H[] {
  return [...hits.filter((hit) => hit.doc.path === path), ...hits.filter((hit) => hit.doc.path !== path)];
}

/** The doc of highest priority among the hits (the first one on a tie), or null when there are none. */
function mainRunbook(hits: readonly PathHit[]): string | null {
  let best: PathHit['doc'] | null = null;
  for (const hit of hits) if (best === null || hit.doc.priority > best.priority) best = hit.doc;
  return best?.path ?? null;
}
