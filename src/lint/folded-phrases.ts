import type { Finding, GlossaryEntry } from '../core/types.js';
import type { CompiledGlossary } from '../retrieve/glossary.js';
import { normalizeText } from '../retrieve/normalize.js';
import { matchForm } from '../retrieve/triggers.js';
import { foldWordVariants } from '../retrieve/variants.js';
import { triggerLine } from './front-matter.js';
import type { LintDoc } from './triggers.js';

/**
 * Glossary terms and triggers a question can never contain as written. A question is folded before it is
 * matched (foldWordVariants: plurals to a singular the KB knows, "can't" to "cannot", a past participle the KB
 * lacks to its verb), while terms and triggers are matched as written: "other nodes" or "timed out" in the
 * glossary never meets a question in retrieval, which reads "other node" / "time out" by then. Notes, not
 * warnings: the phrase still matches the runbooks' own text and unfolded questions (answer composition). Pure.
 */
export function lintFoldedPhrases(
  glossaryFile: string,
  glossaryText: string | null,
  entries: readonly GlossaryEntry[],
  docs: readonly LintDoc[],
  glossary: CompiledGlossary,
): Finding[] {
  const knows = knownWords(docs, entries);
  const foldsAway = (phrase: string) => {
    const normalized = normalizeText(phrase);
    const folded = foldWordVariants(normalized, knows);
    return folded === normalized ? null : folded;
  };
  const findings: Finding[] = [];
  const glossaryLines = glossaryText?.split('\n') ?? [];
  entries.forEach((entry, index) => {
    for (const term of entry.terms) {
      const folded = foldsAway(term);
      // Fine when the folded form is still a term of the group (`different node` beside `different nodes`).
      if (folded === null || glossary.groupsIn(folded).includes(`g${index}`) || glossaryText === null)
        continue;
      const at = glossaryLines.findIndex((line) => line.includes(term));
      findings.push({
        file: glossaryFile,
        line: at < 0 ? 1 : at + 1,
        severity: 'info',
        code: 'glossary-folded-away',
        message: `Glossary term "${term}" is never found in a question by retrieval, which reads it as "${folded}" (not in the group); add that form`,
      });
    }
  });
  for (const { doc, block } of docs)
    for (const trigger of doc.triggers) {
      const folded = foldsAway(trigger);
      // Fine when a glossary term reads both the same (`endpoints`, `endpoint`).
      if (folded === null || matchForm(folded, glossary) === matchForm(trigger, glossary)) continue;
      findings.push({
        file: doc.path,
        line: triggerLine(block, trigger),
        severity: 'info',
        code: 'trigger-folded-away',
        message: `Trigger "${trigger}" never matches a question: retrieval reads it as "${folded}"; write it so`,
      });
    }
  return findings;
}

/**
 * The Latin words of the KB's text and its one-word glossary terms: what a question's plural is folded to (the
 * searcher asks its lexical vocabulary, built from the same text, and its glossary).
 */
function knownWords(docs: readonly LintDoc[], entries: readonly GlossaryEntry[]): (word: string) => boolean {
  const words = new Set<string>();
  for (const { text } of docs) for (const [word] of text.matchAll(/[a-z0-9]+/g)) words.add(word);
  // A glossary term that is one word (`endpoints`), not the words of longer terms (`timed` of `timed out`).
  for (const entry of entries) for (const term of entry.terms) words.add(normalizeText(term));
  return (word) => words.has(word);
}
