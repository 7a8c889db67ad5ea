/**
 * Turns any failure of a command into one readable stderr line and an exit code: 2 when the user's input is at
 * fault (bad usage, a missing or unreadable path they gave, a port in use), 1 when we are (or the machine is:
 * disk full). The stack trace is only shown with `--debug`.
 */
import { type ErrorCode, isNetkbError } from '../core/errors.js';

const USER_ERRORS = new Set<ErrorCode>([
  'USAGE',
  'KB_NOT_FOUND',
  'KB_EMPTY',
  'INDEX_NOT_FOUND',
  'INDEX_VERSION',
  'INDEX_CORRUPT',
  'INVALID_CONFIG',
  'INVALID_FILE',
  'PORT_IN_USE',
  'FILE_NOT_FOUND',
  'NOT_WRITABLE',
  'STORE_UNAVAILABLE',
  'STORE_VERSION',
]);

interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** errno code → [what happened, exit code]. */
const SYSTEM_ERRORS: Record<string, [string, 1 | 2]> = {
  ENOENT: ['no such file or directory', 2],
  ENOTDIR: ['not a directory', 2],
  EISDIR: ['is a directory', 2],
  EACCES: ['permission denied', 2],
  EPERM: ['operation not permitted', 2],
  EROFS: ['read-only file system', 2],
  ENOSPC: ['no space left on device', 1],
  EDQUOT: ['disk quota exceeded', 1],
  EMFILE: ['too many open files', 1],
  ENFILE: ['too many open files in the system', 1],
  EIO: ['input/output error', 1],
};

export interface CliFailure {
  /** One line (more only with --debug), without the trailing newline. */
  text: string;
  exitCode: 1 | 2;
}

export function describeFailure(command: string, error: unknown, usage: string, debug: boolean): CliFailure {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (isNetkbError(error)) {
    const system = systemErrorIn(error.cause);
    const because = system ? `: ${systemLine(system)}` : '';
    const usageHint = error.code === 'USAGE' ? ` (usage: ${usage})` : '';
    return {
      text: `netkb ${command}: ${error.message}${because}${usageHint}${stack}`,
      exitCode: USER_ERRORS.has(error.code) ? 2 : 1,
    };
  }
  const system = systemErrorIn(error);
  if (system) {
    const exitCode = SYSTEM_ERRORS[system.code]?.[1] ?? 1;
    return { text: `netkb ${command}: ${systemLine(system)}${stack}`, exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? stack : ' (run with --debug for the stack trace)';
  return { text: `netkb ${command}: internal error: ${firstLine(message)}${hint}`, exitCode: 1 };
}

/** `cannot open /x/y: no such file or directory (ENOENT)` */
function systemLine(error: SystemError): string {
  const what = SYSTEM_ERRORS[error.code]?.[0] ?? firstLine(error.message);
  const verb = error.syscall ? `${error.syscall} ` : '';
  const target = error.path ? `${verb}${error.path}${error.dest ? ` → ${error.dest}` : ''}: ` : '';
  return `${target}${what} (${error.code})`;
}

/** The first Node system error (errno code like ENOENT) in an error's cause chain. */
export function systemErrorIn(error: unknown, depth = 0): SystemError | undefined {
  if (!(error instanceof Error) || depth > 5) return undefined;
  const code = (error as Partial<SystemError>).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error as SystemError;
  return systemErrorIn((error as { cause?: unknown }).cause, depth + 1);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
