import type { DocRecord } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import type { CompiledGlossary } from './glossary.js';
import { normalizeText } from './normalize.js';
import type { AnalyzedQuery } from './query.js';

export interface TriggerTable {
  entries: Array<{ docPath: string; trigger: string; form: string; weight: number }>;
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
  return glossary
    .canonicalize(normalizeText(text))
    .replace(/[\s\-_]+/g, ' ')
    .replace(SPACED_GROUP_MARK, '\u0001')
    .trim();
}

export function buildTriggerTable(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): TriggerTable {
  const forms = docs.flatMap((doc) =>
    doc.triggers.map((trigger) => ({ docPath: doc.path, trigger, form: matchForm(trigger, glossary) })),
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
  return { entries };
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
  // A trigger whose first two characters the question does not have cannot occur in it: one pass over the
  // question rules most triggers out, instead of a search of the whole question per trigger.
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < form.length; i++) pairs.add(pairKey(form, i));
  for (const entry of table.entries) {
    if (entry.form.length >= 2 && !pairs.has(pairKey(entry.form, 0))) continue;
    if (!containsAt(form, entry.form)) continue;
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

/** Substring match where a Latin edge of the trigger must not continue a Latin word (`ovn` ≠ `ovn0`). */
/** The two UTF-16 units of `text` at `at`, as one number. */
function pairKey(text: string, at: number): number {
  return text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);
}

export function containsAt(text: string, needle: string): boolean {
  const latinStart = /^[a-z0-9]/.test(needle);
  const latinEnd = /[a-z0-9]$/.test(needle);
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? '';
    const after = text[at + needle.length] ?? '';
    if (!(latinStart && /[a-z0-9]/.test(before)) && !(latinEnd && /[a-z0-9]/.test(after))) return true;
    from = at + 1;
  }
}
