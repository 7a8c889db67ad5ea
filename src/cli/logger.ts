/**
 * Log output of `netkb serve`: human-readable lines (pino-pretty) when stdout is a terminal, JSON lines with
 * ISO-8601 timestamps otherwise (containers, log shippers). `NETKB_LOG_FORMAT=json|pretty` overrides the guess.
 */
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(
  level: string,
  isTty: boolean = process.stdout.isTTY === true,
  env: NodeJS.ProcessEnv = process.env,
): FastifyServerOptions['logger'] {
  const format =
    env.NETKB_LOG_FORMAT === 'json' || env.NETKB_LOG_FORMAT === 'pretty' ? env.NETKB_LOG_FORMAT : undefined;
  const pretty = format ? format === 'pretty' : isTty;
  if (pretty) {
    return {
      level,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', colorize: !env.NO_COLOR },
      },
    };
  }
  return { level, timestamp: () => `,"time":"${new Date().toISOString()}"` };
}
