import { parseArgs } from 'node:util';
import { NetkbError } from '../core/errors.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Strict flag parsing: an unknown flag or a missing value is a usage error (exit 2). */
export function parseFlags(argv: string[], options: OptionSpec, required: string[] = []): ParsedFlags {
  let parsed: ParsedFlags;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedFlags;
  } catch (error) {
    throw new NetkbError('USAGE', (error as Error).message.split('\n')[0]);
  }
  for (const name of required) {
    if (parsed.values[name] === undefined) throw new NetkbError('USAGE', `Missing required flag --${name}`);
  }
  return parsed;
}

export function stringFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new NetkbError('USAGE', `--${name} needs a value`);
  return value;
}
