#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { NetkbError } from '../core/errors.js';
import { ASK_USAGE, runAsk } from './ask.js';
import { bashCompletion, type CommandInfo, zshCompletion } from './completion.js';
import { describeFailure } from './errors.js';
import { EVAL_USAGE, runEvalCommand } from './eval.js';
import { INGEST_USAGE, runIngest } from './ingest.js';
import { INSPECT_USAGE, runInspect } from './inspect.js';
import { runServe, SERVE_USAGE } from './serve.js';
import { didYouMean } from './suggest.js';
import { COVERAGE_USAGE, EXPLAIN_USAGE, LINT_USAGE, REPORT_USAGE } from './usage.js';

interface Command {
  summary: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}

const COMPLETION_USAGE = 'netkb completion bash|zsh';

const COMMANDS: Record<string, Command> = {
  ingest: { summary: 'parse the KB and write the index', usage: INGEST_USAGE, run: runIngest },
  inspect: { summary: 'show what the index holds', usage: INSPECT_USAGE, run: runInspect },
  serve: { summary: 'serve the chat API', usage: SERVE_USAGE, run: runServe },
  ask: { summary: 'answer one question on the terminal', usage: ASK_USAGE, run: runAsk },
  eval: { summary: 'measure retrieval quality on a question set', usage: EVAL_USAGE, run: runEvalCommand },
  lint: {
    summary: 'check the KB for maintainers',
    usage: LINT_USAGE,
    run: async (argv) => (await import('./lint.js')).runLint(argv),
  },
  explain: {
    summary: 'show every retrieval step for one question',
    usage: EXPLAIN_USAGE,
    run: async (argv) => (await import('./explain.js')).runExplain(argv),
  },
  coverage: {
    summary: 'where a question set lands and what the triggers do',
    usage: COVERAGE_USAGE,
    run: async (argv) => (await import('./coverage.js')).runCoverage(argv),
  },
  report: {
    summary: 'unanswered questions, feedback and per-doc use from the query log',
    usage: REPORT_USAGE,
    run: async (argv) => (await import('./report.js')).runReport(argv),
  },
  completion: { summary: 'print a shell completion script', usage: COMPLETION_USAGE, run: runCompletion },
};

function commandInfos(): CommandInfo[] {
  return Object.entries(COMMANDS)
    .filter(([name]) => name !== 'completion')
    .map(([name, c]) => ({ name, summary: c.summary, usage: c.usage }));
}

async function runCompletion(argv: string[]): Promise<number> {
  const [shell, ...extra] = argv;
  if (extra.length > 0 || (shell !== 'bash' && shell !== 'zsh')) {
    throw new NetkbError(
      'USAGE',
      shell ? `Unknown shell '${shell}' (bash or zsh)` : 'Name the shell: bash or zsh',
    );
  }
  process.stdout.write(shell === 'bash' ? bashCompletion(commandInfos()) : zshCompletion(commandInfos()));
  return 0;
}

function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return (
    `netkb ${version()}: Kubernetes networking troubleshooting from a knowledge base\n\n` +
    `usage: netkb <command> [flags]   (netkb <command> --help for its flags)\n\ncommands:\n${lines.join('\n')}\n\n` +
    `global flags: --help, --version, --debug (stack traces on failure)\n\n` +
    `usage lines:\n${Object.values(COMMANDS)
      .map((c) => `  ${c.usage}`)
      .join('\n')}\n`
  );
}

/** Flags before `--` (after it everything is a positional, e.g. a question starting with '-'). */
function flagsBeforeTerminator(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

async function main(argv: string[]): Promise<number> {
  const terminator = argv.indexOf('--') === -1 ? argv.length : argv.indexOf('--');
  const debug = argv.slice(0, terminator).includes('--debug');
  const args = argv.filter((arg, i) => arg !== '--debug' || i > terminator);
  const [name, ...rest] = args;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`netkb ${version()}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(overview());
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    const suggestion = didYouMean(name, Object.keys(COMMANDS));
    process.stderr.write(
      `netkb: unknown command '${name}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''} ` +
        `(commands: ${Object.keys(COMMANDS).join(', ')}; netkb --help for usage)\n`,
    );
    return 2;
  }
  const own = flagsBeforeTerminator(rest);
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(`${command.summary}\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const failure = describeFailure(name, error, command.usage, debug);
    process.stderr.write(`${failure.text}\n`);
    return failure.exitCode;
  }
}

process.exitCode = await main(process.argv.slice(2));
