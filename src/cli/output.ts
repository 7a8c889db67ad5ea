/**
 * `-o text|json|yaml` (`--output`) for commands with structured output; `--json` stays as the short form of
 * `-o json`. JSON is one line (scripts read it with `jq`); YAML is the same object for people.
 */
import { stringify } from 'yaml';
import { NetkbError } from '../core/errors.js';

export type OutputFormat = 'text' | 'json' | 'yaml';

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'yaml'];

/** Flag specs every structured command accepts. */
export const OUTPUT_FLAGS = {
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
} as const;

export function outputFormat(values: Record<string, unknown>): OutputFormat {
  const output = values.output;
  if (output === undefined) return values.json ? 'json' : 'text';
  if (!FORMATS.includes(output as OutputFormat)) {
    throw new NetkbError('USAGE', `-o must be one of ${FORMATS.join(', ')}, got '${String(output)}'`);
  }
  if (values.json && output !== 'json')
    throw new NetkbError('USAGE', `--json conflicts with -o ${String(output)}`);
  return output as OutputFormat;
}

/** Writes a structured value as JSON or YAML; returns false for text (the command renders it itself). */
export function writeStructured(
  format: OutputFormat,
  value: unknown,
  out: NodeJS.WritableStream = process.stdout,
): boolean {
  if (format === 'json') out.write(`${JSON.stringify(value)}\n`);
  else if (format === 'yaml') out.write(stringify(value, { lineWidth: 0 }));
  else return false;
  return true;
}
