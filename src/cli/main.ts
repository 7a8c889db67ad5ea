#!/usr/bin/env node
import { isNetkbError } from '../core/errors.js';
import { ASK_USAGE, runAsk } from './ask.js';
import { COVERAGE_USAGE, runCoverage } from './coverage.js';
import { EVAL_USAGE, runEvalCommand } from './eval.js';
import { EXPLAIN_USAGE, runExplain } from './explain.js';
import { INGEST_USAGE, runIngest } from './ingest.js';
import { INSPECT_USAGE, runInspect } from './inspect.js';
import { LINT_USAGE, runLint } from './lint.js';
import { REPORT_USAGE, runReport } from './report.js';
import { runServe, SERVE_USAGE } from './serve.js';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<number> }> = {
  ingest: { usage: INGEST_USAGE, run: runIngest },
  inspect: { usage: INSPECT_USAGE, run: runInspect },
  serve: { usage: SERVE_USAGE, run: runServe },
  ask: { usage: ASK_USAGE, run: runAsk },
  eval: { usage: EVAL_USAGE, run: runEvalCommand },
  lint: { usage: LINT_USAGE, run: runLint },
  explain: { usage: EXPLAIN_USAGE, run: runExplain },
  coverage: { usage: COVERAGE_USAGE, run: runCoverage },
  report: { usage: REPORT_USAGE, run: runReport },
};

/** Exit codes: 0 ok, 2 bad usage or input (one readable line on stderr), 1 internal failure. */
const USER_ERRORS = new Set([
  'USAGE',
  'KB_NOT_FOUND',
  'KB_EMPTY',
  'INDEX_NOT_FOUND',
  'INDEX_VERSION',
  'INVALID_CONFIG',
  'INVALID_FILE',
  'STORE_UNAVAILABLE',
  'STORE_VERSION',
]);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const usage = Object.values(COMMANDS)
      .map((c) => `  ${c.usage}`)
      .join('\n');
    if (name === '--help' || name === '-h') {
      process.stdout.write(`usage:\n${usage}\n`);
      return 0;
    }
    process.stderr.write(
      name
        ? `netkb: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; netkb --help for usage)\n`
        : `usage:\n${usage}\n`,
    );
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (isNetkbError(error)) {
      process.stderr.write(
        `netkb ${name}: ${error.message}${error.code === 'USAGE' ? ` (usage: ${command.usage})` : ''}\n`,
      );
      return USER_ERRORS.has(error.code) ? 2 : 1;
    }
    process.stderr.write(`netkb ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
