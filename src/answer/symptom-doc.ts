/**
 * A report often repeats, in its own words, the symptom cell of a runbook's troubleshooting row ("後端應用拿到的
 * 客戶端 IP 全是節點 IP" against "应用日志里客户端 IP 都是节点 IP"). When a runbook scoring close to the top one
 * (`share` of its score) has a row whose symptom matches the question clearly better than every row of the top
 * doc, its hits move to the front, so the title, rows and commands follow that runbook. A top runbook one of whose
 * trigger phrases the question matched (its author's words for this very problem) is a clear signal: it stays
 * first unless the other runbook matched more of its own. Words most runbooks' symptoms have ("pod", "不通") do not
 * make a row fit alone, nor does a row stated of its runbook's own subject ("hostNetwork Pod ...") when the question
 * does not name it. Pure.
 */
import type { DocRecord, TroubleshootingRow } from '../core/types.js';
import { foldText } from '../retrieve/normalize.js';
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

/** The other runbook's best symptom must share at least this much weight with the question (a few words)... */
const MIN_OVERLAP = 6;
/** ...and this many times the top runbook's best symptom. */
const CLEAR_MARGIN = 1.5;
/** Without the words most runbooks' symptoms have, it must still share this much (three mid-length words). */
const SPECIFIC_OVERLAP = 4.5;

export function leadWithSymptomRow(
  question: string,
  result: RetrievalResult,
  share: number,
  concepts?: Concepts,
  kbDocs?: readonly DocRecord[],
): RetrievalResult {
  const top = result.hits[0];
  if (!top || result.abstain) return result;
  const docs = closeDocs(result.hits, share);
  if (docs.length < 2) return result;
  const wanted = focusTerms(question, concepts);
  const folded = foldText(question);
  const applies = (doc: DocRecord) => (row: TroubleshootingRow) =>
    namesSubject(row, doc, result.hits, folded);
  const scores = docs.map((doc) => bestSymptomOverlap(doc, wanted, concepts, applies(doc)));
  let lead = 0;
  for (let i = 1; i < docs.length; i++) if ((scores[i] ?? 0) > (scores[lead] ?? 0)) lead = i;
  const best = scores[lead] ?? 0;
  if (lead === 0 || best < MIN_OVERLAP || best < (scores[0] ?? 0) * CLEAR_MARGIN) return result;
  const stating = docs[lead];
  if (!stating) return result;
  // The words most runbooks' symptoms have ("pod", "不通", "访问") are not enough: the row must share a few others.
  const specific = withoutCommonTerms(wanted, kbDocs, concepts);
  if (bestSymptomOverlap(stating, specific, concepts, applies(stating)) < SPECIFIC_OVERLAP) return result;
  const topTriggers = matchedTriggers(result.hits, top.doc);
  if (topTriggers > 0 && matchedTriggers(result.hits, stating) <= topTriggers) return result;
  return leadWithDoc(result, stating);
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
  applies?: (row: TroubleshootingRow) => boolean,
): number {
  const index = rememberedFor(symptomIndexes, doc, concepts, () =>
    termPositions(doc.troubleshooting.map((row) => termsWithConcepts(row.symptom, concepts).keys())),
  );
  const overlaps = new Array<number>(doc.troubleshooting.length).fill(0);
  for (const [term, weight] of wanted) {
    for (const i of index.get(term) ?? []) overlaps[i] = (overlaps[i] ?? 0) + weight;
  }
  if (applies) for (const [i, row] of doc.troubleshooting.entries()) if (!applies(row)) overlaps[i] = 0;
  return Math.max(0, ...overlaps);
}

/**
 * A row stated of its runbook's own subject ("hostNetwork Pod 解析不了 *.svc.cluster.local", "IPVS 模式下 ...",
 * "host-gw 模式跨子网节点不通": the symptom cell opens with one of the doc's trigger phrases) is that subject's case: it matches a
 * report only when the report names the subject too (the trigger fired, or the question has its words).
 */
export function namesSubject(
  row: TroubleshootingRow,
  doc: DocRecord,
  hits: readonly FusedHit[],
  foldedQuestion: string,
): boolean {
  const symptom = foldText(row.symptom);
  let matched: Set<string> | undefined;
  for (const trigger of doc.triggers) {
    const phrase = foldText(trigger);
    if (phrase === '' || !symptom.startsWith(phrase) || foldedQuestion.includes(phrase)) continue;
    matched ??= new Set(hits.flatMap((hit) => (hit.doc === doc ? hit.matchedTriggers : [])));
    if (!matched.has(trigger)) return false;
  }
  return true;
}

/** A term in the symptom cells of at least this share of the KB's runbooks says nothing about which one fits. */
const COMMON_SHARE = 0.5;

/** Per KB (its docs array): the terms common to the symptom cells of most runbooks ("pod", "不通", "节点"). */
const commonTerms: PerConcepts<Set<string>> = new WeakMap();

/** The question's terms without those most runbooks' symptom cells share (all of them when the KB is not given). */
export function withoutCommonTerms(
  wanted: Map<string, number>,
  kbDocs: readonly DocRecord[] | undefined,
  concepts?: Concepts,
): Map<string, number> {
  if (!kbDocs || kbDocs.length === 0) return wanted;
  const common = rememberedFor(commonTerms, kbDocs, concepts, () => {
    const counts = new Map<string, number>();
    for (const doc of kbDocs) {
      const inDoc = new Set<string>();
      for (const row of doc.troubleshooting)
        for (const term of termsWithConcepts(row.symptom, concepts).keys()) inDoc.add(term);
      for (const term of inDoc) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => n >= kbDocs.length * COMMON_SHARE).map(([term]) => term));
  });
  return new Map([...wanted].filter(([term]) => !common.has(term)));
}
