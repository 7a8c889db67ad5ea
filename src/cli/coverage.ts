import { readFile, writeFile } from 'node:fs/promises';
import { embeddingConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { buildCoverage, coverageHit1 } from '../eval/coverage.js';
import { renderCoverageHtml, renderCoverageText } from '../eval/coverage-render.js';
import { parseQuestions } from '../eval/questions.js';
import { loadIndex } from '../server/index-loader.js';
import { parseFlags, stringFlag } from './args.js';
import { DEFAULTS, optionalString } from './serve.js';

export const COVERAGE_USAGE =
  'netkb coverage --kb DIR --questions FILE [--index DIR] [-o text|json|html] [--out FILE] [--min-hit1 X]';

const FORMATS = new Set(['text', 'json', 'html']);

/** Which doc each question lands on and what the triggers do; exit 1 below --min-hit1 (a CI gate). */
export async function runCoverage(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      kb: { type: 'string' },
      questions: { type: 'string' },
      index: { type: 'string' },
      output: { type: 'string', short: 'o' },
      out: { type: 'string' },
      'min-hit1': { type: 'string' },
    },
    ['kb', 'questions'],
  );
  if (positionals.length > 0) throw new NetkbError('USAGE', `Unexpected argument '${positionals[0]}'`);
  const format = values.output === undefined ? 'text' : stringFlag(values, 'output');
  if (!FORMATS.has(format)) throw new NetkbError('USAGE', '-o must be text, json or html');
  let minHit1: number | null = null;
  if (values['min-hit1'] !== undefined) {
    const raw = stringFlag(values, 'min-hit1');
    minHit1 = Number(raw);
    if (!/^\d*\.?\d+$/.test(raw) || minHit1 > 1)
      throw new NetkbError('USAGE', '--min-hit1 must be a number from 0 to 1');
  }
  const file = stringFlag(values, 'questions');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new NetkbError('INVALID_FILE', `Cannot read questions file ${file}`);
  });
  const questions = parseQuestions(file, text);

  const { searcher } = await loadIndex({
    kbDir: stringFlag(values, 'kb'),
    indexDir: optionalString(values, 'index', DEFAULTS.index),
    embedding: embeddingConfigFromEnv(),
    warn: (warning) => process.stderr.write(`WARNING: ${warning}\n`),
  });
  const explain = searcher.explain?.bind(searcher);
  if (!explain) throw new NetkbError('INTERNAL', 'This index cannot explain its searches');
  const started = performance.now();
  const runs = [];
  for (const question of questions)
    runs.push({ question, explanation: await explain(question.question, { topK: 10 }) });
  const report = buildCoverage(searcher.docs, runs);
  const tookMs = Math.round(performance.now() - started);

  const rendered =
    format === 'json'
      ? `${JSON.stringify(report)}\n`
      : format === 'html'
        ? renderCoverageHtml(report)
        : `${renderCoverageText(report)}${questions.length} questions in ${tookMs} ms\n`;
  if (values.out !== undefined) await writeFile(stringFlag(values, 'out'), rendered);
  else process.stdout.write(rendered);
  const hit1 = coverageHit1(report);
  if (minHit1 !== null && hit1 < minHit1) {
    process.stderr.write(`netkb coverage: hit@1 ${hit1.toFixed(3)} is below --min-hit1 ${minHit1}\n`);
    return 1;
  }
  return 0;
}
