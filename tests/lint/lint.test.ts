/**
 * `netkb lint`: one fixture KB with every defect planted (tests/fixtures/kb-lint), its expected findings as a
 * golden file, one assertion per rule, the bundled kb/ clean under --strict, and the CLI's exit codes.
 * Regenerate the golden file after an intended change: `UPDATE_GOLDEN=1 npx vitest run tests/lint`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { readLintInput } from '../../src/index/lint-input.js';
import { formatFindingLine, formatGithubAnnotation } from '../../src/lint/format.js';
import { lintFails, lintKnowledgeBase } from '../../src/lint/lint-kb.js';
import { parseTaxonomy } from '../../src/lint/taxonomy.js';
import { absorbingTerm } from '../../src/lint/triggers.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '../..');
const FIXTURE = path.join(REPO, 'tests/fixtures/kb-lint');
const GOLDEN = path.join(REPO, 'tests/fixtures/golden/lint/kb-lint.json');

let findings: Finding[];
beforeAll(async () => {
  findings = lintKnowledgeBase(await readLintInput(FIXTURE)).findings;
});

const at = (code: string) => findings.filter((f) => f.code === code).map((f) => `${f.file}:${f.line}`);

describe('netkb lint on the planted-defects KB', () => {
  it('matches the golden findings (sorted by file, line, column)', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(findings, null, 2)}\n`);
    expect(findings).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('suggests the known key for a misspelt front-matter key, and notes other unknown keys', () => {
    const keys = findings.filter((f) => f.code === 'frontmatter-unknown-key');
    expect(
      keys.map((f) => [f.line, f.severity, /did you mean `(\w+)`/.exec(f.message)?.[1] ?? null]),
    ).toEqual([
      [3, 'warning', 'category'],
      [4, 'warning', 'priority'],
      [5, 'info', null],
    ]);
  });

  it('reports a category outside taxonomy.yaml, with the closest one', () => {
    expect(at('category-unknown')).toEqual(['dns/coredns.md:3']);
    expect(findings.find((f) => f.code === 'category-unknown')?.message).toContain('`dns`');
  });

  it('reports a trigger two docs share (after synonyms), on both docs', () => {
    expect(at('trigger-duplicate')).toEqual(['net/clean.md:2', 'net/typos.md:2']);
  });

  it('reports a trigger a longer glossary term absorbs (calico bgp vs bgp peer)', () => {
    expect(findings.find((f) => f.code === 'trigger-absorbed')?.message).toContain('"calico bgp peer"');
  });

  it('reports one-word triggers and docs without triggers', () => {
    expect(findings.find((f) => f.code === 'trigger-short')?.message).toContain('"hairpin"');
    expect(at('triggers-missing')).toEqual(['dns/no-triggers.md:1']);
  });

  it('reports a link to a missing file and to a missing anchor, with columns; good anchors pass', () => {
    const links = findings.filter((f) => f.code.startsWith('link-'));
    expect(links.map((f) => [f.code, f.file, f.line, f.column])).toEqual([
      ['link-unresolved', 'net/typos.md', 9, 8],
      ['link-anchor', 'net/typos.md', 9, 38],
    ]);
  });

  it('reports prompts and pasted output in a bash block, and a command without a purpose', () => {
    expect(at('command-prompt')).toEqual(['net/typos.md:14']);
    expect(at('command-output')).toEqual(['net/typos.md:15']);
    expect(at('command-purpose')).toEqual(['net/typos.md:14']);
  });

  it('reports placeholders netkb cannot fill, and mutating commands outside a change block', () => {
    expect(findings.filter((f) => f.code === 'placeholder-unknown').map((f) => [f.line, f.column])).toEqual([
      [20, 14],
    ]);
    // clean.md's rollout restart sits in a `# [变更]` block and passes.
    expect(at('mutating-unmarked')).toEqual(['net/typos.md:22']);
  });

  it('reports glossary duplicates', () => {
    expect(at('glossary-duplicate')).toEqual(['glossary.yaml:5']);
  });

  it('fails on errors, and on warnings only under --strict', () => {
    const warningsOnly = findings.filter((f) => f.severity === 'warning');
    expect(lintFails(findings, false)).toBe(true);
    expect(lintFails(warningsOnly, false)).toBe(false);
    expect(lintFails(warningsOnly, true)).toBe(true);
    expect(lintFails([], true)).toBe(false);
  });
});

describe('lint rules in isolation', () => {
  it('without a taxonomy any snake_case category passes', async () => {
    const input = await readLintInput(FIXTURE);
    const { findings: none } = lintKnowledgeBase({ ...input, taxonomy: null });
    expect(none.filter((f) => f.code === 'category-unknown')).toEqual([]);
  });

  it('parses taxonomy.yaml and reports a bad category name at its line', () => {
    const { taxonomy, findings: bad } = parseTaxonomy(
      'taxonomy.yaml',
      'categories:\n  dns: x\n  Bad-Name: y\n',
    );
    expect([...taxonomy.categories.keys()]).toEqual(['dns']);
    expect(bad.map((f) => [f.line, f.code])).toEqual([[3, 'taxonomy-invalid']]);
  });

  it('finds the absorbing term only for a plain word at a Latin word boundary', () => {
    const glossary = compileGlossary([
      { terms: ['bgp peer', 'bgp邻居'] },
      { terms: ['pod', '容器'] },
      { terms: ['pod cidr'] },
    ]);
    expect(absorbingTerm('calico bgp', ['bgp peer'], glossary)?.question).toBe('calico bgp peer');
    expect(absorbingTerm('calico bgpd', ['bgp peer'], glossary)).toBeNull();
    // `pod` is a glossary concept of its own: `pod cidr` names another thing, not matching is right.
    expect(absorbingTerm('same node pod', ['pod cidr'], glossary)).toBeNull();
  });

  it('formats text lines and GitHub annotations (escaped, path from the repository root)', () => {
    const finding: Finding = {
      file: 'a/b.md',
      line: 3,
      column: 7,
      severity: 'warning',
      code: 'x-y',
      message: 'a, b: 100%',
    };
    expect(formatFindingLine(finding)).toBe('a/b.md:3:7: warning x-y: a, b: 100%');
    expect(formatGithubAnnotation(finding, 'kb/')).toBe(
      '::warning file=kb/a/b.md,line=3,col=7,title=x-y::a, b: 100%25',
    );
    expect(formatGithubAnnotation({ ...finding, severity: 'info' }, '')).toMatch(/^::notice file=a\/b\.md,/);
  });
});

describe('the bundled kb/', () => {
  it('lints clean under --strict', async () => {
    const { findings: bundled, docs } = lintKnowledgeBase(await readLintInput(path.join(REPO, 'kb')));
    expect(docs).toBeGreaterThan(20);
    // The only findings are notes on glossary terms and triggers retrieval reads folded (`other nodes` as
    // `other node`): adding the folded forms was measured and moved answer figures both ways, so they are kept
    // visible as notes for a measured follow-up, not fixed here.
    const folded = new Set(['glossary-folded-away', 'trigger-folded-away']);
    expect(bundled.filter((f) => !folded.has(f.code)).map(formatFindingLine)).toEqual([]);
    expect(bundled.every((f) => !folded.has(f.code) || f.severity === 'info')).toBe(true);
  });
});

function netkb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'src/cli/main.ts'), ...args],
      { cwd: REPO, env: { ...process.env, NETKB_VECTORS: 'off' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('netkb lint (process)', () => {
  it('exits 1 with findings, 0 on a clean KB under --strict, 2 on bad usage', async () => {
    const [dirty, github, clean, usage] = await Promise.all([
      netkb(['lint', '--kb', FIXTURE, '-o', 'json']),
      netkb(['lint', '--kb', 'tests/fixtures/kb-lint', '-o', 'github']),
      netkb(['lint', '--kb', 'kb', '--strict']),
      netkb(['lint', '--kb', 'kb', '-o', 'xml']),
    ]);
    expect(dirty.code).toBe(1);
    const report = JSON.parse(dirty.stdout) as { findings: Finding[]; ok: boolean };
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
    expect(github.stdout.split('\n')[0]).toMatch(
      /^::error file=tests\/fixtures\/kb-lint\/dns\/coredns\.md,line=3,/,
    );
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^24 docs: 0 errors, 0 warnings, \d+ notes \(strict\)/m);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
