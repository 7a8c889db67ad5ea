import { NetkbError } from '../core/errors.js';
import { readLintInput } from '../index/lint-input.js';
import { formatFindingLine, formatGithubAnnotation } from '../lint/format.js';
import { lintFails, lintKnowledgeBase } from '../lint/lint-kb.js';
import { parseFlags, stringFlag } from './args.js';

export const LINT_USAGE = 'netkb lint --kb DIR [--strict] [-o text|json|github]';

const FORMATS = new Set(['text', 'json', 'github']);

/** Exit 0 when clean, 1 on an error (or a warning under --strict), 2 on bad usage. */
export async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { kb: { type: 'string' }, strict: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
    ['kb'],
  );
  if (positionals.length > 0) throw new NetkbError('USAGE', `Unexpected argument '${positionals[0]}'`);
  const format = values.output === undefined ? 'text' : stringFlag(values, 'output');
  if (!FORMATS.has(format)) throw new NetkbError('USAGE', '-o must be text, json or github');
  const kbDir = stringFlag(values, 'kb');
  const strict = values.strict === true;

  const started = performance.now();
  const { findings, docs } = lintKnowledgeBase(await readLintInput(kbDir));
  const tookMs = Math.round(performance.now() - started);
  const failed = lintFails(findings, strict);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;

  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ findings, docs, strict, ok: !failed, took_ms: tookMs })}\n`);
  } else if (format === 'github') {
    for (const finding of findings) process.stdout.write(`${formatGithubAnnotation(finding, kbDir)}\n`);
  } else {
    for (const finding of findings) process.stdout.write(`${formatFindingLine(finding)}\n`);
    process.stdout.write(
      `${docs} docs: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes${strict ? ' (strict)' : ''}; ${tookMs} ms\n`,
    );
  }
  return failed ? 1 : 0;
}
