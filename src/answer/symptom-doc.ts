/**
 * A report often repeats, in its own words, the symptom cell of a runbook's troubleshooting row ("後端應用拿到的
 * 客戶端 IP 全是節點 IP" against "应用日志里客户端 IP 都是节点 IP"). When a runbook scoring close to the top one
 * (`share` of its score) has a row whose symptom matches the question clearly better than every row of the top
 * doc, its hits move to the front, so the title, rows and commands follow that runbook. A top runbook one of whose
 * trigger phrases the question matched (its author's words for this very problem) is a clear signal: it stays
 * first unless the other runbook matched more of its own. A row that leads only by the words inside the host names a
 * report writes does not count (written-names.ts). Pure.
 */
import type { DocRecord } from '../core/types.js';
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';
import { closeDocs, leadWithDoc } from './close-docs.js';
import {
  focusTerms,
  type PerConcepts,
  rememberedFor,
  termPositions,
  termsWithConcepts,
} from './rank-rows.js';
import type { Concepts } from './types.js';
import { withoutWrittenNames } from './written-names.js';

/** The other runbook's best symptom must share at least this much weight with the question (a few words)... */
const MIN_OVERLAP = 6;
/** ...and this many times the top runbook's best symptom. */
const CLEAR_MARGIN = 1.5;

export function leadWithSymptomRow(
  question: string,
  result: RetrievalResult,
  share: number,
  concepts?: Concepts,
): RetrievalResult {
  const top = result.hits[0];
  if (!top || result.abstain) return result;
  const docs = closeDocs(result.hits, share);
  if (docs.length < 2) return result;
  const lead = clearLead(docs, focusTerms(question, concepts), concepts);
  // A row that leads only by the words inside the host names a report writes does not state its symptom
  // (written-names.ts): the lead must hold on the report's own words as well.
  if (lead === 0 || clearLead(docs, focusTerms(withoutWrittenNames(question), concepts), concepts) !== lead)
    return result;
  const stating = docs[lead];
  if (!stating) return result;
  const topTriggers = matchedTriggers(result.hits, top.doc);
  if (topTriggers > 0 && matchedTriggers(result.hits, stating) <= topTriggers) return result;
  return leadWithDoc(result, stating);
}

/** The index of the doc among `docs` whose best symptom cell clearly holds the most of `wanted`; 0 when none does. */
function clearLead(
  docs: readonly DocRecord[],
  wanted: ReadonlyMap<string, number>,
  concepts?: Concepts,
): number {
  const scores = docs.map((doc) => bestSymptomOverlap(doc, wanted, concepts));
  let lead = 0;
  for (let i = 1; i < docs.length; i++) if ((scores[i] ?? 0) > (scores[lead] ?? 0)) lead = i;
  const best = scores[lead] ?? 0;
  return best < MIN_OVERLAP || best < (scores[0] ?? 0) * CLEAR_MARGIN ? 0 : lead;
}

/** How many distinct trigger phrases of `doc` the question matched, over the doc's hits. */
export function matchedTriggers(hits: readonly FusedHit[], doc: DocRecord): number {
  const matched = new Set<string>();
  for (const hit of hits)
    if (hit.doc === doc) for (const trigger of hit.matchedTriggers) matched.add(trigger);
  return matched.size;
}

/** Per doc: which of its troubleshooting rows (by index) have each term in their symptom cell. */
const symptomIndexes: PerConcepts<Map<string, number[]>> = new WeakMap();

/** The largest weight of the question's terms that one symptom cell of the doc holds. */
export function bestSymptomOverlap(
  doc: DocRecord,
  wanted: ReadonlyMap<string, number>,
  concepts?: Concepts,
): number {
  return Math.max(0, ...symptomOverlaps(doc, wanted, concepts));
}

/** Per troubleshooting row of the doc (by index): the weight of the question's terms its symptom cell holds. */
export function symptomOverlaps(
  doc: DocRecord,
  wanted: ReadonlyMap<string, number>,
  concepts?: Concepts,
): number[] {
  const index = rememberedFor(symptomIndexes, doc, concepts, () =>
    termPositions(doc.troubleshooting.map((row) => termsWithConcepts(row.symptom, concepts).keys())),
  );
  const overlaps = new Array<number>(doc.troubleshooting.length).fill(0);
  for (const [term, weight] of wanted) {
    for (const i of index.get(term) ?? []) overlaps[i] = (overlaps[i] ?? 0) + weight;
  }
  return overlaps;
}
