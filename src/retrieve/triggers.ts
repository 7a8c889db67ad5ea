import { rememberRecent } from '../core/recent.js';
import type { DocRecord } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import { type CompiledGlossary, isLatinCode } from './glossary.js';
import { normalizeText } from './normalize.js';
import type { AnalyzedQuery } from './query.js';

export interface TriggerTable {
  entries: Array<{ docPath: string; trigger: string; form: string; weight: number }>;
  /**
   * Entry indices (ascending) by the first two UTF-16 units of their form; `unindexed` holds the one-unit forms.
   * A question looks up the pairs it has: the work grows with the question and the triggers it may contain, not
   * with every trigger of the KB.
   */
  byFirstPair: ReadonlyMap<number, readonly number[]>;
  /**
   * Entry indices (ascending) of the forms that open with a glossary group, by that group's marker (`\u0001g12\u0001`):
   * most forms do, and they all share one first pair, which a long question full of glossary terms has at
   * hundreds of places.
   */
  byFirstGroup: ReadonlyMap<string, readonly number[]>;
  unindexed: readonly number[];
  /** Per entry, which edges of its form are Latin (see `edgesOf`): worked out once, not per question. */
  edges: Uint8Array;
  /** 1 at each UTF-16 unit some indexed form starts with: the question's other positions are passed over. */
  firstUnits: Uint8Array;
}

export interface TriggerHit {
  docPath: string;
  /** Roughly 0..1.5: specificity of the best trigger plus a bonus for each further one. */
  score: number;
  matched: string[];
}

// Glossary groups are marked \u0001g<n>\u0001 by canonicalize(); spaces around them do not matter.
// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const SPACED_GROUP_MARK = / ?\u0001 ?/g;

/**
 * Comparable form: normalized, glossary terms replaced by their group, `-`/`_` read as spaces, and no
 * spaces around a group (`TLS 握手卡住` and `tls handshake hangs` have the same form).
 */
export function matchForm(text: string, glossary: CompiledGlossary): string {
  let forms = formsByGlossary.get(glossary);
  if (!forms) {
    forms = rememberRecent((question) =>
      glossary
        .canonicalize(normalizeText(question))
        .replace(/[\s\-_]+/g, ' ')
        .replace(FILLER_BETWEEN_GROUPS, '\u0001')
        .replace(SPACED_GROUP_MARK, '\u0001')
        .trim(),
    );
    formsByGlossary.set(glossary, forms);
  }
  return forms(text);
}

/**
 * An English article between two glossary terms ("cannot access the outside world") joins them as the bare words of
 * a trigger do ("访问不了外网"): it is dropped there. Copulas stay ("the MTU is 1450" is not "mtu 1450" said of a
 * setting), and so do articles elsewhere.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const FILLER_BETWEEN_GROUPS = /\u0001 (?:(?:the|a|an) )+(?=\u0001)/g;

/** Per glossary, the forms of the last few long texts: a question's parts are matched again for its headline. */
const formsByGlossary = new WeakMap<CompiledGlossary, (text: string) => string>();

export function buildTriggerTable(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): TriggerTable {
  // Signals are matched as triggers are; only the topic (lexical.ts, scope.ts) leaves them out.
  const forms = docs.flatMap((doc) =>
    [...doc.triggers, ...(doc.signals ?? [])].map((trigger) => ({
      docPath: doc.path,
      trigger,
      form: matchForm(trigger, glossary),
    })),
  );
  const docsPerForm = new Map<string, Set<string>>();
  for (const { form, docPath } of forms) {
    if (!docsPerForm.has(form)) docsPerForm.set(form, new Set());
    docsPerForm.get(form)?.add(docPath);
  }
  const entries = forms
    .filter(({ form }) => form.length > 0)
    .map((entry) => {
      const sharing = docsPerForm.get(entry.form)?.size ?? 1;
      // Longer triggers are more specific; a trigger several docs share says less about each.
      const specificity = Math.min(1, effectiveLength(entry.form, config) / config.trigger.fullScoreLength);
      return { ...entry, weight: specificity / Math.sqrt(sharing) };
    });
  const byFirstPair = new Map<number, number[]>();
  const byFirstGroup = new Map<string, number[]>();
  const unindexed: number[] = [];
  entries.forEach((entry, index) => {
    if (entry.form.length < 2) {
      unindexed.push(index);
      return;
    }
    const group = groupMarkAt(entry.form, 0);
    if (group !== null) {
      const list = byFirstGroup.get(group);
      if (list) list.push(index);
      else byFirstGroup.set(group, [index]);
      return;
    }
    const key = pairKey(entry.form, 0);
    const list = byFirstPair.get(key);
    if (list) list.push(index);
    else byFirstPair.set(key, [index]);
  });
  const edges = Uint8Array.from(entries, (entry) => edgesOf(entry.form));
  const firstUnits = new Uint8Array(65536);
  for (const entry of entries) if (entry.form.length >= 2) firstUnits[entry.form.charCodeAt(0)] = 1;
  return { entries, byFirstPair, byFirstGroup, unindexed, edges, firstUnits };
}

function effectiveLength(form: string, config: RetrievalConfig): number {
  let length = 0;
  for (const part of form.split('\u0001')) {
    if (/^g\d+$/.test(part)) length += 2;
    else
      for (const char of part.replace(/ /g, ''))
        length += /\p{Script=Han}/u.test(char) ? 1 : config.trigger.latinCharWeight;
  }
  return length;
}

export function matchTriggers(
  table: TriggerTable,
  question: string,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): TriggerHit[] {
  const form = matchForm(question, glossary);
  const perDoc = new Map<string, Array<{ trigger: string; weight: number }>>();
  // A trigger occurs only where its first two characters do: one pass over the question finds where each pair
  // a trigger starts with is, and picks the triggers to look for. Checked in table order, as the hits' order
  // depends on it.
  const candidates: number[] = [...table.unindexed];
  const pairAt = new Map<number, number[]>();
  const groupAt = new Map<string, number[]>();
  const { firstUnits } = table;
  for (let i = 0; i + 1 < form.length; i++) {
    if (firstUnits[form.charCodeAt(i)] !== 1) continue;
    const key = pairKey(form, i);
    if (key === GROUP_PAIR) {
      const group = groupMarkAt(form, i);
      const indices = group === null ? undefined : table.byFirstGroup.get(group);
      if (group !== null && indices) {
        const positions = groupAt.get(group);
        if (positions) positions.push(i);
        else {
          groupAt.set(group, [i]);
          for (const index of indices) candidates.push(index);
        }
      }
    }
    const indices = table.byFirstPair.get(key);
    if (!indices) continue;
    const positions = pairAt.get(key);
    if (positions) {
      positions.push(i);
      continue;
    }
    pairAt.set(key, [i]);
    for (const index of indices) candidates.push(index);
  }
  candidates.sort((a, b) => a - b);
  for (const index of candidates) {
    const entry = table.entries[index];
    if (!entry) continue;
    const edges = table.edges[index] ?? 0;
    const group = entry.form.length >= 2 ? groupMarkAt(entry.form, 0) : null;
    const positions =
      group !== null
        ? groupAt.get(group)
        : entry.form.length >= 2
          ? pairAt.get(pairKey(entry.form, 0))
          : undefined;
    const found = positions
      ? positions.some((at) => occursAt(form, entry.form, at, edges))
      : occursIn(form, entry.form, edges);
    if (!found) continue;
    const list = perDoc.get(entry.docPath) ?? [];
    list.push({ trigger: entry.trigger, weight: entry.weight });
    perDoc.set(entry.docPath, list);
  }
  return [...perDoc.entries()]
    .map(([docPath, matches]) => {
      const weights = matches.map((m) => m.weight).sort((a, b) => b - a);
      const [best = 0, ...rest] = weights;
      const score = best + config.trigger.extraTriggerBonus * rest.reduce((sum, w) => sum + w, 0);
      return { docPath, score, matched: matches.map((m) => m.trigger) };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * Triggers of an analyzed question: those in its failing part at full score, those only in a working-path
 * clause ("跨节点是通的") at `workingPathWeight`. In a long report, a doc whose triggers fire only in the body
 * (the tool the reporter ran, an interface seen in passing) and not in the headline scores `bodyWeight` as much.
 */
export function matchQueryTriggers(
  table: TriggerTable,
  query: AnalyzedQuery,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): TriggerHit[] {
  const focus = weighBodyOnly(
    matchTriggers(table, query.focus, glossary, config),
    query,
    table,
    glossary,
    config,
  );
  if (!query.working) return focus;
  const byDoc = new Map(focus.map((hit) => [hit.docPath, hit]));
  for (const hit of matchTriggers(table, query.working, glossary, config)) {
    if (!byDoc.has(hit.docPath))
      byDoc.set(hit.docPath, { ...hit, score: hit.score * config.query.workingPathWeight });
  }
  return [...byDoc.values()].sort((a, b) => b.score - a.score);
}

function weighBodyOnly(
  hits: TriggerHit[],
  query: AnalyzedQuery,
  table: TriggerTable,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): TriggerHit[] {
  if (query.headline === null || hits.length === 0) return hits;
  const inHeadline = new Set(
    matchTriggers(table, query.headline, glossary, config).map((hit) => hit.docPath),
  );
  return hits
    .map((hit) =>
      inHeadline.has(hit.docPath) ? hit : { ...hit, score: hit.score * config.query.bodyWeight },
    )
    .sort((a, b) => b.score - a.score);
}

/** The two UTF-16 units of `text` at `at`, as one number. */
function pairKey(text: string, at: number): number {
  return text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);
}

/** The first pair of a glossary group's marker (`\u0001g`). */
const GROUP_PAIR = 1 * 65536 + 'g'.charCodeAt(0);
// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 is canonicalize()'s group marker
const GROUP_MARK = /\u0001g\d+\u0001/y;

/** The glossary group marker (`\u0001g12\u0001`) that starts at `at` in a form, or null. */
function groupMarkAt(form: string, at: number): string | null {
  if (pairKey(form, at) !== GROUP_PAIR) return null;
  GROUP_MARK.lastIndex = at;
  return GROUP_MARK.exec(form)?.[0] ?? null;
}

const LATIN_START = 1;
const LATIN_END = 2;

/** Which edges of `needle` are Latin (`LATIN_START`, `LATIN_END`): those must not continue a Latin word. */
function edgesOf(needle: string): number {
  return (/^[a-z0-9]/.test(needle) ? LATIN_START : 0) | (/[a-z0-9]$/.test(needle) ? LATIN_END : 0);
}

/** Substring match where a Latin edge of the trigger must not continue a Latin word (`ovn` ≠ `ovn0`). */
export function containsAt(text: string, needle: string): boolean {
  return occursIn(text, needle, edgesOf(needle));
}

function occursIn(text: string, needle: string, edges: number): boolean {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (occursAt(text, needle, at, edges)) return true;
  }
  return false;
}

/** `needle` is in `text` at `at`, its Latin edges not continuing a Latin word. */
function occursAt(text: string, needle: string, at: number, edges: number): boolean {
  if (!text.startsWith(needle, at)) return false;
  if ((edges & LATIN_START) !== 0 && isLatinCode(text.charCodeAt(at - 1))) return false;
  return !((edges & LATIN_END) !== 0 && isLatinCode(text.charCodeAt(at + needle.length)));
}
