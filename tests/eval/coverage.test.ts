/**
 * `netkb coverage` on the bundled KB and eval set: asserted figures (they move when the KB or retrieval
 * changes; update them with the README's), the JSON contract's top-level keys, and the HTML is one file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageReport, coverageHit1 } from '../../src/eval/coverage.js';
import { renderCoverageHtml, renderCoverageText } from '../../src/eval/coverage-render.js';
import { parseQuestions } from '../../src/eval/questions.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';

const root = resolve(import.meta.dirname, '../..');
const QUESTIONS = join(root, 'tests/eval/questions.yaml');
let indexDir: string;
let report: CoverageReport;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'netkb-coverage-'));
  await ingestKb({ kbDir: join(root, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'test' });
  const searcher = await openSearcher(indexDir, { embedder: null });
  const questions = parseQuestions(QUESTIONS, await readFile(QUESTIONS, 'utf8'));
  const runs = [];
  for (const question of questions)
    runs.push({ question, explanation: await searcher.explain(question.question, { topK: 10 }) });
  report = buildCoverage(searcher.docs, runs);
});
afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe('coverage of the bundled eval set', () => {
  it('has exactly the contract keys', () => {
    expect(Object.keys(report)).toEqual([
      'questions',
      'triggers',
      'never_fired',
      'collisions',
      'unreached_docs',
      'misrouted',
      'confusion',
    ]);
  });

  it('lands each question like netkb eval does (hit@1 0.866 over 142 answerable)', () => {
    expect(report.questions).toHaveLength(158);
    expect(coverageHit1(report)).toBeCloseTo(0.866, 3);
    expect(report.misrouted).toHaveLength(21);
    const geneve = report.questions.find((q) => q.question.startsWith('genve 隧道好像挂了'));
    expect(geneve).toMatchObject({
      doc: 'kube-ovn/geneve-cross-node.md',
      category: 'pod_to_pod_cross_node',
      hit1: true,
    });
    expect(geneve?.scores.lexical).toBeGreaterThan(0);
  });

  it('counts every trigger, the ones that fired and on which questions', () => {
    expect(report.triggers).toHaveLength(238);
    expect(report.never_fired).toHaveLength(205);
    expect(report.triggers.filter((t) => t.fired > 0)).toHaveLength(33);
    const trace = report.triggers.find((t) => t.trigger === 'kubectl ko trace');
    expect(trace?.fired).toBe(3);
    expect(trace?.questions).toContain('kubectl ko trace 報 pod address not ready');
    expect(trace?.competitors[0]).toEqual({ doc: 'diagnostics/ovs-flows.md', count: 3 });
    for (const t of report.triggers) expect(t.competitors.every((c) => c.doc !== t.doc)).toBe(true);
  });

  it('reports collisions, unreached docs and a confusion table that adds up', () => {
    expect(report.collisions.length).toBe(2);
    for (const c of report.collisions) expect(c.docs.length).toBeGreaterThan(1);
    expect(report.unreached_docs).toEqual([]);
    const total = Object.values(report.confusion)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(158);
    expect(report.confusion['(abstain)']?.['(abstained)']).toBe(15);
  });

  it('renders text and a self-contained HTML page', () => {
    expect(renderCoverageText(report)).toMatch(
      /^158 questions \(142 answerable\): hit@1 0\.866, 21 misrouted\n/,
    );
    const html = renderCoverageHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/);
    expect(html).toContain('<h2>Category confusion</h2>');
    expect(html).toContain('can&#39;t reach pods'); // question text is escaped
  });
});

describe('netkb coverage (process)', () => {
  const netkb = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
        { cwd: root, env: { ...process.env, NETKB_VECTORS: 'off' }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it('gates on --min-hit1 and prints the JSON contract', async () => {
    const base = ['coverage', '--kb', 'kb', '--questions', 'tests/eval/questions.yaml', '--index', indexDir];
    const [pass, fail, bad] = await Promise.all([
      netkb([...base, '-o', 'json', '--min-hit1', '0.85']),
      netkb([...base, '--min-hit1', '0.9']),
      netkb([...base, '--min-hit1', 'most']),
    ]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(Object.keys(JSON.parse(pass.stdout))).toContain('confusion');
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/hit@1 0\.866 is below --min-hit1 0\.9/);
    expect(bad.code).toBe(2);
  }, 120_000);
});
