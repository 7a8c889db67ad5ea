import { parseArgs } from 'node:util';
import { NetkbError } from '../core/errors.js';
import { didYouMean } from './suggest.js';

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
    throw new NetkbError('USAGE', flagProblem(error as Error & { code?: string }, options));
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

/** Node's parseArgs message, shortened, with a did-you-mean for an unknown flag. */
function flagProblem(error: Error & { code?: string }, options: OptionSpec): string {
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const typed = `${unknown[1]}${unknown[2]}`;
    const suggestion = unknown[1] === '--' ? didYouMean(unknown[2] ?? '', Object.keys(options)) : undefined;
    return suggestion ? `Unknown flag '${typed}' (did you mean --${suggestion}?)` : `Unknown flag '${typed}'`;
  }
  return (error.message.split('\n')[0] ?? '').split('. To specify a positional argument')[0] ?? error.message;
}
