/**
 * Which runbooks an answer draws on besides the top one, and which one leads it. Pure.
 */
import type { DocRecord } from '../core/types.js';
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';

/** The top hit's doc, then each other doc with a hit scoring at least `share` of the top hit's, in hit order. */
export function closeDocs(hits: readonly FusedHit[], share: number): DocRecord[] {
  const top = hits[0];
  if (!top) return [];
  const docs: DocRecord[] = [top.doc];
  for (const hit of hits) if (!docs.includes(hit.doc) && hit.score >= top.score * share) docs.push(hit.doc);
  return docs;
}

/** The first `count` distinct runbooks of a result, in hit order. */
export function topDocs(result: RetrievalResult, count: number): DocRecord[] {
  const docs: DocRecord[] = [];
  for (const hit of result.hits) {
    if (docs.length >= count) break;
    if (!docs.includes(hit.doc)) docs.push(hit.doc);
  }
  return docs;
}

/** The result with `doc`'s hits first, the others after them in their order. */
export function leadWithDoc(result: RetrievalResult, doc: DocRecord): RetrievalResult {
  const first = result.hits.filter((hit) => hit.doc === doc);
  return { ...result, hits: [...first, ...result.hits.filter((hit) => hit.doc !== doc)] };
}
