/**
 * `netkb coverage` on the bundled KB and eval set: the figures agree with plain retrieval (what `netkb eval`
 * measures) and with the KB's own triggers, the JSON contract's top-level keys, and the HTML is one file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageReport, coverageHit1 } from '../../src/eval/coverage.js';
import { renderCoverageHtml, renderCoverageText } from '../../src/eval/coverage-render.js';
import { type EvalQuestion, parseQuestions } from '../../src/eval/questions.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';

const root = resolve(import.meta.dirname, '../..');
const QUESTIONS = join(root, 'tests/eval/questions.yaml');
let indexDir: string;
let report: CoverageReport;
let questions: EvalQuestion[];
/** Per question, the top doc plain retrieval gives and whether it abstains: what `netkb eval` scores. */
let topDocs: Array<string | null>;
let abstained: boolean[];
let kbTriggers: Array<{ doc: string; trigger: string }>;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'netkb-coverage-'));
  await ingestKb({ kbDir: join(root, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'test' });
  const searcher = await openSearcher(indexDir, { embedder: null });
  questions = parseQuestions(QUESTIONS, await readFile(QUESTIONS, 'utf8'));
  const runs = [];
  topDocs = [];
  abstained = [];
  for (const question of questions) {
    runs.push({ question, explanation: await searcher.explain(question.question, { topK: 10 }) });
    const result = await searcher.search(question.question, { topK: 10 });
    topDocs.push(result.hits[0]?.doc.path ?? null);
    abstained.push(result.abstain);
  }
  kbTriggers = searcher.docs.flatMap((doc) => doc.triggers.map((trigger) => ({ doc: doc.path, trigger })));
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

  it('lands each question where plain retrieval does', () => {
    expect(report.questions).toHaveLength(questions.length);
    report.questions.forEach((landed, i) => {
      expect(landed.question).toBe(questions[i]?.question);
      expect(landed.doc, landed.question).toBe(topDocs[i]);
      expect(landed.abstained, landed.question).toBe(abstained[i]);
    });
    const answerable = questions.filter((q) => !q.abstain);
    const hits = answerable.filter((q) => q.docs.includes(topDocs[questions.indexOf(q)] ?? '')).length;
    expect(coverageHit1(report)).toBeCloseTo(hits / answerable.length, 6);
    expect(coverageHit1(report)).toBeGreaterThan(0.85);
    const misses = report.questions.filter((q) => !q.should_abstain && !q.hit1).length;
    expect(report.misrouted.length).toBeGreaterThanOrEqual(misses);
    const geneve = report.questions.find((q) => q.question.startsWith('genve 隧道好像挂了'));
    expect(geneve).toMatchObject({
      doc: 'kube-ovn/geneve-cross-node.md',
      category: 'pod_to_pod_cross_node',
      hit1: true,
    });
    expect(geneve?.scores.lexical).toBeGreaterThan(0);
  });

  it('counts every trigger of the KB, the ones that fired and on which questions', () => {
    expect(report.triggers).toHaveLength(kbTriggers.length);
    const fired = report.triggers.filter((t) => t.fired > 0);
    expect(fired.length).toBeGreaterThan(0);
    expect(report.never_fired).toHaveLength(kbTriggers.length - fired.length);
    for (const t of fired) {
      expect(t.questions.length).toBeGreaterThan(0);
      for (const question of t.questions) expect(questions.some((q) => q.question === question)).toBe(true);
    }
    const trace = report.triggers.find((t) => t.trigger === 'kubectl ko trace');
    expect(trace?.fired).toBeGreaterThan(0);
    expect(trace?.questions).toContain('kubectl ko trace 報 pod address not ready');
    for (const t of report.triggers) expect(t.competitors.every((c) => c.doc !== t.doc)).toBe(true);
  });

  it('reports collisions, unreached docs and a confusion table that adds up', () => {
    for (const c of report.collisions) expect(c.docs.length).toBeGreaterThan(1);
    expect(report.unreached_docs).toEqual([]);
    const total = Object.values(report.confusion)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(questions.length);
    const abstainedOutOfScope = questions.filter((q, i) => q.abstain && abstained[i]).length;
    expect(report.confusion['(abstain)']?.['(abstained)']).toBe(abstainedOutOfScope);
  });

  it('renders text and a self-contained HTML page', () => {
    const answerable = questions.filter((q) => !q.abstain).length;
    expect(renderCoverageText(report).split('\n')[0]).toBe(
      `${questions.length} questions (${answerable} answerable): hit@1 ${coverageHit1(report).toFixed(3)}, ` +
        `${report.misrouted.length} misrouted`,
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
    const [pass, bad] = await Promise.all([
      netkb([...base, '-o', 'json', '--min-hit1', '0.85']),
      netkb([...base, '--min-hit1', 'most']),
    ]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(Object.keys(JSON.parse(pass.stdout))).toContain('confusion');
    const hit1 = coverageHit1(report);
    expect(hit1).toBeLessThan(0.99);
    const failing = netkb([...base, '--min-hit1', '0.99']);
    const { code, stderr } = await failing;
    expect(code).toBe(1);
    expect(stderr).toContain(`hit@1 ${hit1.toFixed(3)} is below --min-hit1 0.99`);
    expect(bad.code).toBe(2);
  }, 120_000);
});
