import { isMap, LineCounter, parseDocument } from 'yaml';
import type { Finding } from '../core/types.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const CATEGORY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export interface Taxonomy {
  /** category → what it covers */
  categories: ReadonlyMap<string, string>;
}

/**
 * Parses the KB's taxonomy file: `categories:` mapping each snake_case category to a one-line description.
 * Never throws: problems become findings and the categories that parsed are kept.
 */
export function parseTaxonomy(file: string, text: string): { taxonomy: Taxonomy; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const findings: Finding[] = [];
  const categories = new Map<string, string>();
  const fail = (line: number, message: string) =>
    findings.push({ file, line, severity: 'error', code: 'taxonomy-invalid', message });
  if (document.errors[0]) {
    fail(
      lineOf(document.errors[0].pos[0]),
      `Taxonomy is not valid YAML: ${document.errors[0].message.split('\n')[0]}`,
    );
    return { taxonomy: { categories }, findings };
  }
  const root = document.contents;
  const list = isMap(root) ? root.get('categories', true) : undefined;
  if (!isMap(list)) {
    fail(1, 'Taxonomy must be a mapping `categories: {snake_case_category: description}`');
    return { taxonomy: { categories }, findings };
  }
  for (const pair of list.items) {
    const key = (pair.key as { value?: unknown; range?: readonly number[] } | null) ?? null;
    const name = typeof key?.value === 'string' ? key.value : String(key?.value ?? '');
    const value = (pair.value as { value?: unknown } | null)?.value;
    if (!CATEGORY.test(name) || (value !== null && value !== undefined && typeof value !== 'string')) {
      fail(lineOf(key?.range?.[0]), `Category "${name}" must be snake_case with a string description`);
      continue;
    }
    categories.set(name, typeof value === 'string' ? value : '');
  }
  return { taxonomy: { categories }, findings };
}
