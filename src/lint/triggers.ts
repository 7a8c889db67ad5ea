import type { DocRecord, Finding } from '../core/types.js';
import type { CompiledGlossary } from '../retrieve/glossary.js';
import { normalizeText } from '../retrieve/normalize.js';
import { meaningfulWords } from '../retrieve/tokenize.js';
import { containsAt, matchForm } from '../retrieve/triggers.js';
import { triggerLine } from './front-matter.js';

export interface LintDoc {
  doc: DocRecord;
  /** The doc's whole text, normalized (normalizeText). */
  text: string;
  /** Front-matter lines (see frontMatterLines). */
  block: readonly string[];
}

/** Trigger rules: missing, duplicated across docs, too short, or shadowed by a longer glossary term. */
export function lintTriggers(
  docs: readonly LintDoc[],
  glossary: CompiledGlossary,
  terms: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const byForm = new Map<string, Array<{ path: string; trigger: string; line: number }>>();
  const normalizedTerms = [...new Set(terms.map(normalizeText).filter((term) => term.length > 0))];
  const groupOf = new Map(normalizedTerms.map((term) => [term, glossary.groupsIn(term)[0] ?? '']));
  for (const { doc, block, text } of docs) {
    const ownGroups = new Set(glossary.groupsIn(text));
    // Only terms of concepts the doc itself talks about: its readers' questions will use them too.
    const ownTerms = normalizedTerms.filter((term) => ownGroups.has(groupOf.get(term) ?? ''));
    if (doc.triggers.length === 0) {
      findings.push({
        file: doc.path,
        line: 1,
        severity: 'warning',
        code: 'triggers-missing',
        message: 'Doc has no triggers: questions reach it only by lexical or vector search',
      });
    }
    for (const trigger of doc.triggers) {
      const line = triggerLine(block, trigger);
      const form = matchForm(trigger, glossary);
      const list = byForm.get(form) ?? [];
      list.push({ path: doc.path, trigger, line });
      byForm.set(form, list);
      const words = countWords(trigger);
      if (words < 2) {
        findings.push({
          file: doc.path,
          line,
          severity: 'warning',
          code: 'trigger-short',
          message: `Trigger "${trigger}" has ${words} meaningful word${words === 1 ? '' : 's'}: it fires on any question that mentions it; use at least two (a component and a symptom)`,
        });
      }
      const absorbed = absorbingTerm(trigger, ownTerms, glossary);
      // Fine when another trigger of the doc matches the longer phrase (`calico bgp peer` beside `calico bgp`).
      const covered =
        absorbed !== null &&
        doc.triggers.some((other) =>
          containsAt(matchForm(absorbed.question, glossary), matchForm(other, glossary)),
        );
      if (absorbed && !covered) {
        findings.push({
          file: doc.path,
          line,
          severity: 'warning',
          code: 'trigger-absorbed',
          message: `Trigger "${trigger}" does not match "${absorbed.question}": the glossary term "${absorbed.term}" takes in "${absorbed.overlap}"; add a trigger that uses the whole term`,
        });
      }
    }
  }
  for (const list of byForm.values()) {
    const paths = [...new Set(list.map((item) => item.path))];
    if (paths.length < 2) continue;
    for (const item of list) {
      const others = paths.filter((path) => path !== item.path);
      if (others.length === 0) continue;
      findings.push({
        file: item.path,
        line: item.line,
        severity: 'warning',
        code: 'trigger-duplicate',
        message: `Trigger "${item.trigger}" is also a trigger of ${others.join(', ')} (same after normalization and synonyms): it cannot tell the docs apart`,
      });
    }
  }
  return findings;
}

/**
 * Words without stop words (Chinese segmented). A technical identifier (`rp_filter`, `ovn-k8s-mp0`,
 * `externalTrafficPolicy`, `100.64.0.0/16`) is specific on its own and counts as two.
 */
function countWords(trigger: string): number {
  const identifiers = trigger.split(/\s+/).filter((word) => /[a-z][A-Z]|[_./-]|\d/.test(word));
  const identifierSet = new Set(identifiers.map((word) => normalizeText(word)));
  return meaningfulWords(normalizeText(trigger)).reduce(
    (sum, word) => sum + (identifierSet.has(word) ? 2 : 1),
    0,
  );
}

/**
 * A glossary term that overlaps an edge of the trigger (`bgp peer` over the `bgp` of `calico bgp`): in a
 * question that says the whole term, the term becomes one synonym group and the trigger no longer occurs.
 * Returns the first such term with the question that shows it.
 */
export function absorbingTerm(
  trigger: string,
  terms: readonly string[],
  glossary: CompiledGlossary,
): { term: string; overlap: string; question: string } | null {
  const text = normalizeText(trigger);
  const form = matchForm(text, glossary);
  for (const term of terms) {
    if (text.includes(term)) continue;
    for (let k = Math.min(term.length, text.length) - 1; k >= 1; k--) {
      // The trigger's tail is the term's head (`calico bgp` + `bgp peer`), or its head is the term's tail.
      const tail = text.endsWith(term.slice(0, k)) ? `${text}${term.slice(k)}` : null;
      const head = text.startsWith(term.slice(-k)) ? `${term.slice(0, -k)}${text}` : null;
      for (const question of [tail, head]) {
        if (question === null || !latinWordOverlap(text, term, k, question === tail)) continue;
        const overlap = question === tail ? term.slice(0, k) : term.slice(-k);
        // A word that is a glossary concept of its own (`pod` vs `pod cidr`) names another concept than the
        // longer term by design; a plain word (`bgp` in `bgp peer`) is vocabulary the glossary swallows.
        if (terms.includes(overlap.trim()) || glossary.groupsIn(overlap.trim()).length > 0) continue;
        if (!containsAt(matchForm(question, glossary), form)) {
          return { term, overlap: overlap.trim(), question };
        }
      }
    }
  }
  return null;
}

/**
 * Whole Latin words of a Latin phrase only (`bgp` in `calico bgp` / `bgp peer`, not `p` in `bgp` / `peer`).
 * Chinese is left out: there the longer word is usually another concept (同节点 in 不同节点, pod网段), and
 * not matching is right.
 */
function latinWordOverlap(text: string, term: string, k: number, atTail: boolean): boolean {
  const overlap = atTail ? term.slice(0, k) : term.slice(-k);
  const rest = atTail ? term.slice(k) : term.slice(0, -k);
  // A Latin phrase (`bgp peer`): `pod网段`, `上游dns` name another thing than the trigger's word.
  if (/\p{Script=Han}/u.test(term) || !/^[a-z0-9]/.test(overlap) || !/[a-z0-9]$/.test(overlap)) return false;
  if (!/^\s|\s$/.test(rest)) return false;
  // `-`, `_`, `.` join an identifier (`kube-ovn` + `ovn-trace` is no phrase anyone types).
  const latin = /[a-z0-9_.-]/;
  if (atTail) {
    const before = text[text.length - k - 1] ?? '';
    const after = term[k] ?? '';
    return !latin.test(before) && !latin.test(after);
  }
  const after = text[k] ?? '';
  const before = term[term.length - k - 1] ?? '';
  return !latin.test(before) && !latin.test(after);
}
