/**
 * One table of error codes (like fastify's lib/errors.js). Codes are stable: clients and scripts match on them.
 * `status` is the HTTP status the server answers with; the CLI maps `usage` errors to exit code 2.
 */
export const ERRORS = {
  USAGE: { status: 400, message: 'Invalid command-line usage' },
  KB_NOT_FOUND: { status: 400, message: 'Knowledge-base directory does not exist' },
  KB_EMPTY: { status: 400, message: 'Knowledge-base directory holds no markdown files' },
  INDEX_NOT_FOUND: { status: 503, message: 'No index at this path: run `netkb ingest` first' },
  INDEX_CORRUPT: { status: 500, message: 'Index files are unreadable or inconsistent' },
  INDEX_VERSION: { status: 500, message: 'Index was written by an incompatible netkb version' },
  MODEL_UNAVAILABLE: { status: 503, message: 'Embedding model could not be loaded' },
  INVALID_CONFIG: { status: 400, message: 'Invalid configuration' },
  INVALID_FILE: { status: 400, message: 'Invalid input file' },
  BAD_REQUEST: { status: 400, message: 'Request body is not valid' },
  INVALID_JSON: { status: 400, message: 'Request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, message: 'Request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Content-Type must be application/json' },
  NOT_FOUND: { status: 404, message: 'Route not found' },
  UNAUTHORIZED: { status: 401, message: 'Sign in to the maintainer console first' },
  NOT_READY: { status: 503, message: 'Index is not loaded yet' },
  UNKNOWN_ANSWER: { status: 404, message: 'No answer with this id in the query log' },
  STORE_UNAVAILABLE: { status: 503, message: 'The database cannot be opened or written' },
  STORE_VERSION: { status: 500, message: 'The database was written by a newer netkb version' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class NetkbError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string = ERRORS[code].message, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetkbError';
    this.code = code;
    this.status = ERRORS[code].status;
  }
}

export function isNetkbError(value: unknown): value is NetkbError {
  return value instanceof NetkbError;
}
