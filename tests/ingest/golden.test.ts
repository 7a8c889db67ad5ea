import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParsedDocument, parseDocument } from '../../src/ingest/document.js';

/**
 * Golden tests, md → json (like remark's fixtures): each markdown file's parse is summarised and compared
 * with a committed JSON file. Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run tests/ingest`,
 * then review the diff.
 */
const here = import.meta.dirname;
const SEEDS = resolve(here, '../../../shared/seeds');
const FIXTURES = resolve(here, '../fixtures/ingest');
const GOLDEN = resolve(here, '../fixtures/golden');

function summarize(doc: ParsedDocument) {
  return {
    title: doc.title,
    category: doc.category,
    priority: doc.priority,
    triggers: doc.triggers,
    extra: doc.extra,
    findings: doc.findings.map((f) => `${f.line} ${f.severity} ${f.code}`),
    chunks: doc.chunks.map((c) => `${c.lines[0]}-${c.lines[1]} ${c.kind} ${c.headingPath.join(' > ')}`),
    commands: doc.commands.map(
      (c) => `${c.source.line} ${c.safety} ${c.command}${c.purpose ? `  # ${c.purpose}` : ''}`,
    ),
    troubleshooting: doc.troubleshooting.map(
      (r) => `${r.source.line} ${r.symptom} | ${r.cause} | ${r.commands.join(' ; ')} | ${r.fix}`,
    ),
  };
}

function goldenCases(dir: string, prefix: string): Array<[string, string, string]> {
  return readdirSync(dir)
    .filter((name) => /\.md$/.test(name) && name !== 'README.md')
    .map((name) => [name, join(dir, name), join(GOLDEN, `${prefix}${name.replace(/\.md$/, '.json')}`)]);
}

describe.each([
  ['seeds', SEEDS, 'seed-'],
  ['fixtures', FIXTURES, ''],
])('golden parse of %s', (_label, dir, prefix) => {
  it('has cases', () => {
    expect(existsSync(dir), `${dir} is missing`).toBe(true);
    expect(goldenCases(dir, prefix).length).toBeGreaterThanOrEqual(5);
  });

  it.each(goldenCases(dir, prefix))('%s', (name, file, golden) => {
    const actual = summarize(parseDocument(name, readFileSync(file, 'utf8')));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
