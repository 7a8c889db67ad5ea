import { NetkbError } from './errors.js';

/**
 * Per-file budgets of an ingest: one file is one unit of failure, so a file over a budget becomes an error
 * finding and every other file is still indexed. Defaults are far above any real runbook (the largest file
 * of the upstream doc corpora is 170 KB, its deepest nesting 8 levels).
 */
export interface IngestLimits {
  /** Files larger than this are not parsed. */
  maxFileBytes: number;
  /** Deepest container nesting (block quotes, lists, indentation) a line may have. */
  maxNesting: number;
  /** Most headings one file may have. */
  maxHeadings: number;
  /** Wall-clock budget of one file's parse; past it the parse is abandoned. */
  parseTimeoutMs: number;
  /** How many files are read at once (bounded open files). */
  openFiles: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxFileBytes: 2 * 1024 * 1024,
  maxNesting: 64,
  maxHeadings: 1000,
  parseTimeoutMs: 10_000,
  openFiles: 16,
};

const ENV: Record<keyof IngestLimits, string> = {
  maxFileBytes: 'NETKB_MAX_FILE_BYTES',
  maxNesting: 'NETKB_MAX_NESTING',
  maxHeadings: 'NETKB_MAX_HEADINGS',
  parseTimeoutMs: 'NETKB_PARSE_TIMEOUT_MS',
  openFiles: 'NETKB_OPEN_FILES',
};

/** The limits, each overridable by its environment variable (a positive integer). */
export function ingestLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): IngestLimits {
  const limits = { ...DEFAULT_INGEST_LIMITS };
  for (const key of Object.keys(ENV) as Array<keyof IngestLimits>) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw new NetkbError(
        'INVALID_CONFIG',
        `Invalid ${ENV[key]}: expected a positive integer, got '${raw}'`,
      );
    limits[key] = Number(raw);
  }
  return limits;
}
