/** Ranks troubleshooting-table rows by how much they share with the question: the "likely causes". */

import { rememberRecent } from '../core/recent.js';
import type { DocRecord, TroubleshootingRow } from '../core/types.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { foldText } from '../retrieve/normalize.js';
import { headlineOf, splitWorking } from '../retrieve/query.js';
import type { FusedHit } from '../retrieve/types.js';
import { crossNodeFails, sameNodeFails, sameNodeWorksOtherFails } from './node-contrast.js';
import { saysPodReachesItself } from './self-access.js';
import type { Concepts } from './types.js';

const LATIN_STOP = new Set(
  'the is are was to of in on at for from by with and or not no how why what when which can could does do did it this that my i a an'.split(
    ' ',
  ),
);
const HAN_STOP = new Set([
  '怎么',
  '什么',
  '为什',
  '是不',
  '不是',
  '一直',
  '如何',
  '可以',
  '问题',
  '这个',
  '那个',
  '的时',
  '时候',
  '还是',
  '就是',
  '为啥',
]);

const RUN = /\p{Script=Han}+|[a-z0-9][a-z0-9_.\-/]*[a-z0-9]|[a-z0-9]/gu;
const HAN_START = /^\p{Script=Han}/u;
const PART_SEPARATOR = /[-_./]/;
const PART_SEPARATORS = /[-_./]+/;

/**
 * Weighted terms: Chinese character bigrams (weight 1) and Latin words (longer = more specific). A copy the caller
 * may change: composing one answer takes the terms of the same question several times (rows, commands, values).
 */
export function terms(text: string): Map<string, number> {
  return new Map(termsOf(text));
}

/** The same terms, not to be changed (no copy: a long question has a thousand). */
export function termsRead(text: string): ReadonlyMap<string, number> {
  return termsOf(text);
}

const termsOf = rememberRecent((text: string): ReadonlyMap<string, number> => {
  const out = new Map<string, number>();
  for (const run of foldText(text).match(RUN) ?? []) {
    if (HAN_START.test(run)) {
      if (run.length === 1) continue;
      for (let i = 0; i + 2 <= run.length; i++) {
        const bigram = run.slice(i, i + 2);
        if (!HAN_STOP.has(bigram)) out.set(bigram, 1);
      }
      continue;
    }
    if (run.length < 2 || LATIN_STOP.has(run)) continue;
    out.set(run, Math.min(3, 0.5 + run.length / 3));
    if (!PART_SEPARATOR.test(run)) continue;
    for (const part of run.split(PART_SEPARATORS)) {
      if (part.length >= 2 && part !== run && !LATIN_STOP.has(part))
        out.set(part, Math.min(2, 0.5 + part.length / 4));
    }
  }
  return out;
});

/**
 * A glossary concept counts like a mid-length word. The runbooks are mostly Chinese and many questions English:
 * "firewalld" in a report and 防火墙 in a troubleshooting row are one concept, which plain words never match.
 */
const CONCEPT_WEIGHT = 1.5;
/** Concept terms are marked so that they never collide with a word of the text. */
const conceptTerm = (group: string) => `\u0001${group}`;
export const isConcept = (term: string): boolean => term.startsWith('\u0001');

/** `terms(text)` plus the glossary concepts the text names. */
export function termsWithConcepts(text: string, concepts: Concepts | undefined): Map<string, number> {
  const out = terms(text);
  for (const group of concepts?.(text) ?? []) {
    const term = conceptTerm(group);
    if (!out.has(term)) out.set(term, CONCEPT_WEIGHT);
  }
  return out;
}

/** Words of a clause that says what works or what was ruled out count this much (see `focusTerms`). */
const WORKING_WEIGHT = 0.3;

/**
 * The question's terms, with the words of its working or ruled-out clauses ("same-node traffic is fine", "It's
 * NOT a DNS problem") counting less: they name what is not broken, so they should not pick the checks.
 */
export function focusTerms(text: string, concepts?: Concepts): Map<string, number> {
  const { focus, workingClauses } = splitWorking(foldText(text));
  if (workingClauses.length === 0) return termsWithConcepts(text, concepts);
  const out = termsWithConcepts(focus, concepts);
  const working = workingClauses.join(' ');
  for (const [term, weight] of termsWithConcepts(working, concepts))
    if (!out.has(term)) out.set(term, weight * WORKING_WEIGHT);
  return out;
}

/**
 * In a long report, words only its body has (versions, pasted logs, the tools the reporter ran) count this much
 * when picking checks: its headline (an issue title, the first sentence) says what fails, as retrieval weighs a
 * report (`headlineOf`).
 */
const BODY_WEIGHT = 0.7;

/** The terms that pick the checks: `focusTerms`, and in a long report its body's words counting `BODY_WEIGHT`. */
export function checkTerms(text: string, concepts?: Concepts): Map<string, number> {
  const out = focusTerms(text, concepts);
  const inHeadline = headlineTerms(text, concepts);
  if (inHeadline === null) return out;
  for (const [term, weight] of out) if (!inHeadline.has(term)) out.set(term, weight * BODY_WEIGHT);
  return out;
}

/**
 * The terms of a long report's headline (`headlineOf`); null for a short question, and for a headline that names
 * little ("[BUG] help needed"): it says nothing about what fails.
 */
export function headlineTerms(text: string, concepts?: Concepts): Map<string, number> | null {
  const headline = headlineOf(foldText(text), RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  if (headline === null) return null;
  const inHeadline = termsWithConcepts(headline, concepts);
  return [...inHeadline.keys()].filter((term) => !isConcept(term)).length < 2 ? null : inHeadline;
}

/** Per record, worked out once per concepts function (a searcher's records and its concepts go together). */
export type PerConcepts<V> = WeakMap<object, { concepts: Concepts | undefined; value: V }>;

export function rememberedFor<V>(
  cache: PerConcepts<V>,
  key: object,
  concepts: Concepts | undefined,
  compute: () => V,
): V {
  const cached = cache.get(key);
  if (cached && cached.concepts === concepts) return cached.value;
  const value = compute();
  cache.set(key, { concepts, value });
  return value;
}

/** Term → the positions of the items whose terms hold it (an inverted index over a doc's rows or commands). */
export function termPositions(items: Iterable<Iterable<string>>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  let i = 0;
  for (const itemTerms of items) {
    for (const term of itemTerms) {
      const positions = index.get(term);
      if (positions) positions.push(i);
      else index.set(term, [i]);
    }
    i++;
  }
  return index;
}

/** Per doc: which of its troubleshooting rows (by index) have each term in their symptom or cause. */
const rowIndexes: PerConcepts<Map<string, number[]>> = new WeakMap();

function rowIndex(doc: DocRecord, concepts: Concepts | undefined): Map<string, number[]> {
  return rememberedFor(rowIndexes, doc, concepts, () =>
    termPositions(
      doc.troubleshooting.map((row) => termsWithConcepts(`${row.symptom} ${row.cause}`, concepts).keys()),
    ),
  );
}

/**
 * A row whose symptom states the report's "works on the same node, fails across nodes" contrast, or as the report
 * that traffic within one node fails (`node-contrast.ts`), scores this much more: the report's working clause counts
 * little and its English words miss the row's Chinese, yet the contrast is the row's whole symptom. About what two
 * shared concepts and a long word bring. A report saying only that traffic between nodes fails (`crossNodeFails`)
 * states the same contrast with its working side unsaid. A row stating, as the report does, that a pod reaches itself
 * through its own Service (`self-access.ts`: "Pod 通过自己的 Service 访问自己超时") scores the same: its hairpin check
 * otherwise ranked below the Service runbook's generic checks, which pass for such a pod.
 */
const CONTRAST_ROW_BONUS = 4;

export interface RankedRow {
  row: TroubleshootingRow;
  doc: DocRecord;
  score: number;
  /**
   * The row's symptom states the report's same-node-works / cross-node-fails contrast, or the report says traffic
   * between nodes fails and the row states that contrast (`node-contrast.ts`).
   */
  contrast?: boolean;
  /** The row's symptom states, as the report does, that traffic within one node fails (`sameNodeFails`). */
  sameNodeFails?: boolean;
}

/** Troubleshooting rows of the top docs, ranked by overlap with the question (the top doc counts most). */
export function likelyCauses(
  query: string,
  hits: readonly FusedHit[],
  max: number,
  concepts?: Concepts,
): RankedRow[] {
  const wanted = [...termsWithConcepts(query, concepts)];
  const docs: DocRecord[] = [];
  for (const hit of hits) if (!docs.includes(hit.doc) && docs.length < 3) docs.push(hit.doc);
  const hitChunks = new Set(hits.map((hit) => hit.chunk.id));
  const contrast = sameNodeWorksOtherFails(query);
  const crossFails = crossNodeFails(query);
  const sameFails = sameNodeFails(query);
  // The report says a pod reaches itself through its own Service: a row stating that premise names its cause outright.
  const selfAccess = saysPodReachesItself(query);
  const ranked: RankedRow[] = [];
  for (const [rank, doc] of docs.entries()) {
    const docFactor = rank === 0 ? 1 : 0.6;
    // Each row's overlap: the weights of the question's terms it has, summed in the question's term order.
    const overlaps = new Array<number>(doc.troubleshooting.length).fill(0);
    const index = rowIndex(doc, concepts);
    for (const [term, weight] of wanted) {
      const rows = index.get(term);
      if (rows) for (const i of rows) overlaps[i] = (overlaps[i] ?? 0) + weight;
    }
    // Rows sharing nothing score 0 and can never be picked: only the others are ranked. A row stating the report's
    // contrast shares it, in words the report's (English) ones may miss.
    for (const [i, row] of doc.troubleshooting.entries()) {
      let overlap = overlaps[i] ?? 0;
      const statesSameFails = sameFails && sameNodeFails(row.symptom);
      const statesContrast =
        statesSameFails || ((contrast || crossFails) && sameNodeWorksOtherFails(row.symptom));
      const statesSelfAccess = selfAccess && saysPodReachesItself(row.symptom);
      if (overlap <= 0 && !statesContrast && !statesSelfAccess) continue;
      if (hitChunks.has(row.chunkId)) overlap += 0.5;
      if (statesContrast || statesSelfAccess) overlap += CONTRAST_ROW_BONUS;
      ranked.push({
        row,
        doc,
        score: overlap * docFactor,
        ...(statesContrast ? { contrast: true } : {}),
        ...(statesSameFails ? { sameNodeFails: true } : {}),
      });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.row.source.line - b.row.source.line);
  const best = ranked[0]?.score ?? 0;
  const matched = ranked.filter((item) => item.score >= 1.5 && item.score >= best * 0.4).slice(0, max);
  // A row stating, as the report does, that traffic within one node fails names its cause outright, even in a second
  // runbook whose rows rank under the top one's: it takes the last place rather than none.
  const contrastRow = ranked.find((item) => item.sameNodeFails && item.score >= 1.5);
  if (contrastRow && !matched.includes(contrastRow))
    matched.splice(Math.min(matched.length, max - 1), 1, contrastRow);
  if (matched.length > 0) return matched;
  // The best hit is the troubleshooting table itself but no row shares words with the question: show its first rows.
  const top = hits[0];
  if (top?.chunk.kind !== 'troubleshooting') return [];
  return top.doc.troubleshooting
    .filter((row) => row.chunkId === top.chunk.id)
    .slice(0, Math.min(2, max))
    .map((row) => ({ row, doc: top.doc, score: 0 }));
}

/** The headline's row shares at least this weight of the headline's terms (a long word, two concepts)... */
const HEADLINE_ROW_MIN = 3;
/** ...and this many times what any other row of the runbook shares: a headline naming two rows alike names neither. */
const HEADLINE_ROW_LEAD = 1.2;

/**
 * The troubleshooting row of a runbook that a long report's headline names: the one sharing clearly the most of
 * the headline's terms, the body's aside. Rows are ranked over the whole report (`likelyCauses`), where the words a
 * long body repeats (versions, pasted output, what was already checked) push the row the headline states, "Pod
 * 通过自己的 Service 访问自己超时" for "Can't use service IP from inside the pod that backs the service", down
 * among rows the body names by chance. Undefined for a short question or when no row clearly leads.
 */
export function headlineRow(
  text: string,
  doc: DocRecord,
  concepts?: Concepts,
): TroubleshootingRow | undefined {
  const inHeadline = headlineTerms(text, concepts);
  if (inHeadline === null) return undefined;
  const overlaps = new Array<number>(doc.troubleshooting.length).fill(0);
  const index = rowIndex(doc, concepts);
  for (const [term, weight] of inHeadline)
    for (const i of index.get(term) ?? []) overlaps[i] = (overlaps[i] ?? 0) + weight;
  // Most shared first; a stable sort keeps the first of equal rows first.
  const [best, second] = [...overlaps.keys()].sort((a, b) => (overlaps[b] ?? 0) - (overlaps[a] ?? 0));
  const lead = best === undefined ? 0 : (overlaps[best] ?? 0);
  const next = second === undefined ? 0 : (overlaps[second] ?? 0);
  if (best === undefined || lead < HEADLINE_ROW_MIN || lead < next * HEADLINE_ROW_LEAD) return undefined;
  return doc.troubleshooting[best];
}

/** A Latin word long enough to name something (`firewalld`, `hairpin`, `8472`), not a particle. */
const NAMING_WORD = /^[a-z0-9][a-z0-9_.\-/]{3,}$/;

/**
 * What fails, as the question says it: the headline of a long report (its body pastes logs and the tools already
 * run), without its working or ruled-out clauses.
 */
export function clueText(text: string): string {
  const folded = foldText(text);
  const headline = headlineOf(folded, RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  return splitWorking(headline ?? folded).focus;
}

/**
 * The words that may be a question's distinctive clue: the Latin words of four characters or more and the glossary
 * concepts of what fails (the headline of a long report, without its working or ruled-out clauses). A report's
 * body (pasted logs, versions, the tools already run) and Chinese bigrams name too much by chance to be a clue.
 */
export function clueTerms(text: string, concepts?: Concepts): Set<string> {
  const out = new Set<string>();
  const clue = clueText(text);
  for (const term of wholeTermsWithConcepts(clue, concepts).keys())
    if (isConcept(term) || NAMING_WORD.test(term)) out.add(term);
  for (const joined of joinedParts(clue, 'spans')) if (NAMING_WORD.test(joined)) out.add(joined);
  return out;
}

/** A setting's name written as one word is at least this long (`natoutgoing`, not `ipv4`). */
const JOINED_MIN = 6;

/**
 * The parts of a compound word written together, as another style writes the same setting: the env var
 * `CALICO_IPV4POOL_NAT_OUTGOING` is the pool field `natOutgoing`, the helm value `kubeProxyReplacement` the key
 * `kube-proxy-replacement`. `whole` gives each compound word's parts all joined (what a runbook line names), `spans`
 * every run of two or more adjacent parts joined (a report's env var ends in the field it sets).
 */
export function joinedParts(text: string, mode: 'whole' | 'spans'): Set<string> {
  const out = new Set<string>();
  for (const run of foldText(text).match(RUN) ?? []) {
    if (HAN_START.test(run) || !/[-_]/.test(run)) continue;
    const parts = run.split(/[-_]+/).filter((part) => part.length > 0);
    if (parts.length < 2) continue;
    const spans: Array<[number, number]> = mode === 'whole' ? [[0, parts.length]] : [];
    if (mode === 'spans')
      for (let i = 0; i < parts.length; i++) for (let j = i + 2; j <= parts.length; j++) spans.push([i, j]);
    for (const [i, j] of spans) {
      const joined = parts.slice(i, j).join('');
      if (joined.length >= JOINED_MIN) out.add(joined);
    }
  }
  return out;
}

/**
 * `termsWithConcepts` without the parts of compound words: `cilium_host` names the interface, not a host, and a
 * clue is a word the text says itself.
 */
export function wholeTermsWithConcepts(text: string, concepts: Concepts | undefined): Map<string, number> {
  const out = termsWithConcepts(text, concepts);
  const runs = new Set(foldText(text).match(RUN) ?? []);
  for (const term of out.keys())
    if (!isConcept(term) && !HAN_START.test(term) && !runs.has(term)) out.delete(term);
  return out;
}
