import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Finding, GlossaryEntry } from '../core/types.js';

export const GLOSSARY_FILE = 'glossary.yaml';

const EntrySchema = Type.Object(
  {
    terms: Type.Array(Type.String({ minLength: 1, pattern: '\\S' }), { minItems: 1 }),
    note: Type.Optional(Type.String()),
    exclusive: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*$' })),
    kubernetes: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * Validates kb/glossary.yaml: a list of `{terms: [2+ strings], note?, exclusive?, kubernetes?}` (one term is
 * enough with `exclusive`, which names a set of mutually exclusive alternatives such as `cni`; `kubernetes: true`
 * marks a basic Kubernetes object or component). Bad entries become findings and are skipped.
 */
export function parseGlossary(file: string, text: string): { entries: GlossaryEntry[]; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const findings: Finding[] = [];
  const finding = (line: number, code: string, message: string) =>
    findings.push({ file, line, severity: 'error', code, message });

  if (document.errors.length > 0) {
    const error = document.errors[0];
    finding(
      lineOf(error?.pos[0]),
      'glossary-yaml',
      `Glossary is not valid YAML: ${error?.message.split('\n')[0]}`,
    );
    return { entries: [], findings };
  }
  if (!isSeq(document.contents)) {
    finding(1, 'glossary-type', 'Glossary must be a YAML list of {terms: [...]} entries');
    return { entries: [], findings };
  }
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of document.contents.items) {
    const node = item as { range?: readonly number[] | null; toJSON?: () => unknown } | null;
    const line = lineOf(node?.range?.[0]);
    const value: unknown = isMap(item) ? item.toJSON() : node?.toJSON?.();
    if (!Value.Check(EntrySchema, value) || (value.terms.length < 2 && !value.exclusive)) {
      finding(
        line,
        'glossary-entry',
        'Glossary entry must be {terms: [at least 2 non-empty strings, or 1 with exclusive], note?: string, exclusive?: snake_case, kubernetes?: boolean}',
      );
      continue;
    }
    for (const term of value.terms) {
      const key = term.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        findings.push({
          file,
          line,
          severity: 'warning',
          code: 'glossary-duplicate',
          message: `Term "${term}" is already in the entry at line ${first}`,
        });
      } else {
        seen.set(key, line);
      }
    }
    entries.push(value);
  }
  return { entries, findings };
}
