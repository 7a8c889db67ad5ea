import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuestions } from '../../src/eval/questions.js';
import { type EvalReport, runEval } from '../../src/eval/run-eval.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { listKbFiles } from '../../src/index/kb-files.js';
import { openSearcher } from '../../src/index/open-searcher.js';

/** The retrieval quality gate, vectors disabled as in this environment: the targets. */
const FLOOR = { hit_at_1: 0.85, hit_at_3: 0.95, mrr: 0.9, abstain_precision: 0.9, abstain_recall: 0.8 };
const root = resolve(import.meta.dirname, '../..');

async function evaluate(kbDir: string, questionsFile: string) {
  const questions = parseQuestions(questionsFile, await readFile(questionsFile, 'utf8'));
  const kbFiles = new Set(await listKbFiles(kbDir));
  const indexDir = await mkdtemp(join(tmpdir(), 'netkb-eval-'));
  await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: 'eval without vectors' });
  const searcher = await openSearcher(indexDir, { embedder: null });
  return { questions, kbFiles, report: await runEval(searcher, questions) };
}

const bestSingleHit1 = (report: EvalReport) =>
  Math.max(...(['trigger', 'lexical', 'vector'] as const).map((mode) => report.modes[mode]?.hit_at_1 ?? 0));

describe('eval on the bundled KB (tests/eval/questions.yaml)', () => {
  let run: Awaited<ReturnType<typeof evaluate>>;
  beforeAll(async () => {
    run = await evaluate(join(root, 'kb'), join(root, 'tests/eval/questions.yaml'));
  });

  it('is a valid eval set: 80+ questions, 10+ abstain, every doc path in the KB', () => {
    expect(run.questions.length).toBeGreaterThanOrEqual(80);
    expect(run.questions.filter((q) => q.abstain).length).toBeGreaterThanOrEqual(10);
    for (const q of run.questions) for (const doc of q.docs) expect(run.kbFiles).toContain(doc);
  });

  it('keeps the fused pipeline at or above the targets', () => {
    const fused = run.report.modes.fused;
    for (const [metric, floor] of Object.entries(FLOOR)) {
      expect(fused?.[metric as keyof typeof FLOOR], metric).toBeGreaterThanOrEqual(floor);
    }
    expect(fused?.latency_p95_ms).toBeLessThan(50);
  });

  it('beats the best single retriever on hit@1 by 5 points', () => {
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(bestSingleHit1(run.report) + 0.05);
  });
});

describe('eval on the seed pages nobody tuned for (tests/eval/seeds-questions.yaml)', () => {
  it('beats the best single retriever on hit@1 by 5 points', async () => {
    const run = await evaluate(
      resolve(root, '../shared/seeds'),
      join(root, 'tests/eval/seeds-questions.yaml'),
    );
    expect(run.questions.length).toBeGreaterThanOrEqual(25);
    expect(run.report.modes.fused?.hit_at_1 ?? 0).toBeGreaterThanOrEqual(
      bestSingleHit1(run.report) + 0.05 - 1e-9,
    );
  });
});
