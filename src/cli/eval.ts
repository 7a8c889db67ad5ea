import { readFile } from 'node:fs/promises';
import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import { embeddingConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { parseQuestions } from '../eval/questions.js';
import { runEval } from '../eval/run-eval.js';
import { listKbFiles } from '../index/kb-files.js';
import { openSearcher } from '../index/open-searcher.js';
import { parseFlags, stringFlag } from './args.js';
import { OUTPUT_FLAGS, outputFormat, writeStructured } from './output.js';

export const EVAL_USAGE =
  'netkb eval --questions FILE --kb DIR --index DIR [-o text|json|yaml] [--json] [--verbose]';

export async function runEvalCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      questions: { type: 'string' },
      kb: { type: 'string' },
      index: { type: 'string' },
      ...OUTPUT_FLAGS,
      verbose: { type: 'boolean' },
    },
    ['questions', 'kb', 'index'],
  );
  const format = outputFormat(values);
  const file = stringFlag(values, 'questions');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new NetkbError('INVALID_FILE', `Cannot read questions file ${file}`);
  });
  const questions = parseQuestions(file, text);
  const kbFiles = new Set(await listKbFiles(stringFlag(values, 'kb')));
  for (const q of questions) {
    const missing = q.docs.find((doc) => !kbFiles.has(doc));
    if (missing)
      throw new NetkbError(
        'INVALID_FILE',
        `${file}: "${q.question}" names ${missing}, which is not in the KB`,
      );
  }
  const resolution = await resolveEmbedder(embeddingConfigFromEnv());
  const searcher = await openSearcher(stringFlag(values, 'index'), {
    embedder: resolution.embedder,
    vectorsDisabledReason: resolution.reason,
  });
  const report = await runEval(searcher, questions);
  if (writeStructured(format, report)) return 0;
  const vectors = searcher.vectors.enabled ? 'enabled' : `disabled: ${searcher.vectors.reason}`;
  process.stdout.write(`${questions.length} questions (${file}); vectors ${vectors}\n`);
  const header = ['mode', 'hit@1', 'hit@3', 'MRR', 'abst.P', 'abst.R', 'p50 ms', 'p95 ms'];
  process.stdout.write(`${header.map((h) => h.padEnd(8)).join(' ')}\n`);
  for (const [mode, m] of Object.entries(report.modes)) {
    const row = [
      mode,
      m.hit_at_1,
      m.hit_at_3,
      m.mrr,
      m.abstain_precision,
      m.abstain_recall,
      m.latency_p50_ms,
      m.latency_p95_ms,
    ];
    process.stdout.write(`${row.map((cell) => String(cell).padEnd(8)).join(' ')}\n`);
  }
  const a = report.answers;
  process.stdout.write(
    `answers: first-cited right ${a.first_cited_right}; command hit ${a.command_hit} (${a.command_questions} labelled); ` +
      `direct hit ${a.direct_hit} (${a.fact_questions} fact questions); off-topic commands ${a.off_topic_share} ` +
      `(${a.off_topic_commands}/${a.commands_returned}, ${a.commands_per_answer} per answer); wrong fills ${a.wrong_fills}/${a.fills}; ` +
      `false abstentions ${a.false_abstentions}; clarified ${a.clarified}; out-of-scope abstained ${a.out_of_scope_abstained} (${a.out_of_scope})\n`,
  );
  if (a.over_budget > 0)
    process.stderr.write(
      `warning: ${a.over_budget} answers ran out of their time budget (busy machine?): figures may differ from an idle run\n`,
    );
  for (const miss of report.misses) {
    process.stdout.write(
      `miss: ${miss.question}\n      expected ${miss.should_abstain ? '(abstain)' : miss.expected.join(', ')}; got ${miss.abstained ? '(abstained) ' : ''}${miss.got.join(', ')}\n`,
    );
  }
  if (values.verbose) {
    for (const miss of report.answer_misses) {
      const problems = [
        miss.command_miss ? 'no must-have command' : '',
        miss.direct_miss ? 'direct answer missed' : '',
        miss.off_topic.length > 0 ? `off-topic: ${miss.off_topic.join(' | ')}` : '',
        miss.wrong_fills.length > 0 ? `wrong fills: ${miss.wrong_fills.join(', ')}` : '',
      ].filter(Boolean);
      process.stdout.write(
        `answer: ${miss.question}\n      [${miss.kind}] first cited ${miss.first_cited ?? '-'}; ${problems.join('; ')}\n`,
      );
    }
  }
  return 0;
}
