/**
 * `netkb lint`: every problem a doc maintainer can fix, as findings. Pure: file texts in, sorted findings out.
 * Ingest findings (front-matter, fences, glossary) are included, so lint is the one list to look at.
 */
import { closest } from 'fastest-levenshtein';
import type { Finding, GlossaryEntry } from '../core/types.js';
import { parseDocumentWithTree } from '../ingest/document.js';
import { GLOSSARY_FILE, parseGlossary } from '../ingest/glossary-file.js';
import { compileGlossary } from '../retrieve/glossary.js';
import { normalizeText } from '../retrieve/normalize.js';
import { lintCodeBlocks } from './code-blocks.js';
import { lintFoldedPhrases } from './folded-phrases.js';
import { frontMatterLines, keyLine, lintFrontMatterKeys } from './front-matter.js';
import { headingAnchors, lintLinks } from './links.js';
import { parseTaxonomy, TAXONOMY_FILE } from './taxonomy.js';
import { type LintDoc, lintTriggers } from './triggers.js';

export interface LintInput {
  /** Markdown docs (KB-relative posix paths), as ingest sees them. */
  docs: ReadonlyArray<{ path: string; source: string }>;
  /** Every other file in the KB (README.md, images …), so links to them resolve. */
  otherFiles: readonly string[];
  /** The KB's own glossary.yaml text, or null (then `fallbackGlossary` is used and not linted). */
  glossary: string | null;
  fallbackGlossary: readonly GlossaryEntry[];
  /** The KB's taxonomy.yaml text, or null (then any snake_case category passes). */
  taxonomy: string | null;
}

export interface LintResult {
  findings: Finding[];
  docs: number;
}

export function lintKnowledgeBase(input: LintInput): LintResult {
  const findings: Finding[] = [];
  let glossaryEntries = input.fallbackGlossary;
  if (input.glossary !== null) {
    const parsed = parseGlossary(GLOSSARY_FILE, input.glossary);
    glossaryEntries = parsed.entries;
    findings.push(...parsed.findings);
  }
  const glossary = compileGlossary(glossaryEntries);
  let categories: ReadonlyMap<string, string> | null = null;
  if (input.taxonomy !== null) {
    const parsed = parseTaxonomy(TAXONOMY_FILE, input.taxonomy);
    categories = parsed.taxonomy.categories;
    findings.push(...parsed.findings);
  }

  const parsed = input.docs.map(({ path, source }) => {
    const { doc, tree } = parseDocumentWithTree(path, source);
    const text = source.replace(/^\uFEFF/, '');
    return { doc, tree, block: frontMatterLines(text), lines: text.split('\n') };
  });
  const anchors = new Map(parsed.map(({ doc, tree }) => [doc.path, headingAnchors(tree)]));
  const files = new Set([...input.docs.map((doc) => doc.path), ...input.otherFiles]);

  for (const { doc, tree, block, lines } of parsed) {
    findings.push(...doc.findings.filter((finding) => finding.code !== 'link-unresolved'));
    findings.push(...lintFrontMatterKeys(doc.path, Object.keys(doc.extra), block));
    if (categories && doc.category !== null && !categories.has(doc.category)) {
      const suggestion = categories.size > 0 ? closest(doc.category, [...categories.keys()]) : '';
      findings.push({
        file: doc.path,
        line: keyLine(block, 'category'),
        severity: 'error',
        code: 'category-unknown',
        message: `Category \`${doc.category}\` is not in ${TAXONOMY_FILE}${suggestion ? ` (closest: \`${suggestion}\`)` : ''}`,
      });
    }
    findings.push(...lintLinks({ tree, path: doc.path }, (path) => anchors.get(path), files));
    findings.push(...lintCodeBlocks(doc.path, tree, lines));
  }
  const lintDocs: LintDoc[] = parsed.map(({ doc, block }) => ({
    doc,
    block,
    text: normalizeText([doc.title, ...doc.chunks.map((chunk) => chunk.text)].join('\n')),
  }));
  findings.push(
    ...lintTriggers(
      lintDocs,
      glossary,
      glossaryEntries.flatMap((entry) => entry.terms),
    ),
  );
  findings.push(...lintFoldedPhrases(GLOSSARY_FILE, input.glossary, glossaryEntries, lintDocs, glossary));
  return { findings: sortFindings(findings), docs: input.docs.length };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** Exit status of `netkb lint`: 1 on an error, or on a warning under --strict. */
export function lintFails(findings: readonly Finding[], strict: boolean): boolean {
  return findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'));
}
