/** Routes @slack/web-api's and @slack/socket-mode's logging into the server's logger (pino). */
import { type Logger, LogLevel } from '@slack/web-api';

/** The part of a pino / Fastify logger we use. */
export interface Log {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export function createWebClientLogger(log: Log, name = 'slack'): Logger {
  let level: LogLevel = LogLevel.INFO;
  let prefix = name;
  const text = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug({ component: prefix }, text(parts)),
    info: (...parts: unknown[]) => log.info({ component: prefix }, text(parts)),
    warn: (...parts: unknown[]) => log.warn({ component: prefix }, text(parts)),
    error: (...parts: unknown[]) => log.error({ component: prefix }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      prefix = next;
    },
  };
}
