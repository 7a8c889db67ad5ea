import { embeddingConfigFromEnv, storeConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { slackConfigFromEnv } from '../integrations/slack/config.js';
import { teamsConfigFromEnv } from '../integrations/teams/config.js';
import type { Searcher } from '../retrieve/types.js';
import { buildApp } from '../server/app.js';
import { loadIndex } from '../server/index-loader.js';
import { vectorsLabel } from '../server/routes/health.js';
import { openStore } from '../store/open-store.js';
import { parseFlags, stringFlag } from './args.js';
import { formatFinding } from './ingest.js';

export const SERVE_USAGE =
  'netkb serve [--kb DIR] [--index DIR] [--port N] [--host H] [--log-level info|debug|warn|error] [--answer-cache on|off]';

export const DEFAULTS = { kb: 'kb', index: '.netkb/index', port: '8080', host: '127.0.0.1' };
const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** A string flag's value, or the default when the flag is absent (an empty value is a usage error). */
export function optionalString(values: Record<string, unknown>, name: string, fallback: string): string {
  return values[name] === undefined ? fallback : stringFlag(values, name);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535) {
    throw new NetkbError('USAGE', `--port must be an integer from 0 to 65535, got '${value}'`);
  }
  return port;
}

/**
 * Listens first (/healthz answers, /readyz is 503), then brings the index up to date and opens it, then turns
 * ready. Resolves with the exit code after a graceful shutdown (SIGTERM/SIGINT) or a failed start.
 */
export async function runServe(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    kb: { type: 'string' },
    index: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'log-level': { type: 'string' },
    'answer-cache': { type: 'string' },
  });
  if (positionals.length > 0) throw new NetkbError('USAGE', `Unexpected argument '${positionals[0]}'`);
  const kbDir = optionalString(values, 'kb', DEFAULTS.kb);
  const indexDir = optionalString(values, 'index', DEFAULTS.index);
  const port = parsePort(optionalString(values, 'port', DEFAULTS.port));
  const host = optionalString(values, 'host', DEFAULTS.host);
  const level = optionalString(values, 'log-level', 'info');
  if (!LOG_LEVELS.has(level)) {
    throw new NetkbError('USAGE', `--log-level must be one of ${[...LOG_LEVELS].join(', ')}`);
  }
  const answerCache = optionalString(values, 'answer-cache', 'on');
  if (answerCache !== 'on' && answerCache !== 'off')
    throw new NetkbError('USAGE', '--answer-cache must be on or off');
  const embedding = embeddingConfigFromEnv();
  const slack = slackConfigFromEnv();
  const teams = teamsConfigFromEnv();
  const storeConfig = storeConfigFromEnv();
  const storeErrors: { log: ((error: unknown) => void) | null } = { log: null };
  const opened = await openStore(storeConfig, { onError: (error) => storeErrors.log?.(error) });

  let searcher: Searcher | null = null;
  const app = await buildApp({
    searcher: () => searcher,
    logger: { level },
    cache: answerCache === 'on',
    slack,
    teams,
    store: opened.store,
    logQuestions: storeConfig.logQuestions,
  });
  const log = app.log;
  storeErrors.log = (error) =>
    log.warn({ err: error }, 'query log: a batch could not be written (kept, retrying)');
  // Pending log rows are written before the process exits.
  app.addHook('onClose', async () => {
    opened.stopMaintenance();
    await opened.store.close();
  });
  log.info(
    {
      // Never the URL: it may hold a password.
      db: storeConfig.databaseUrl ? 'postgresql (NETKB_DATABASE_URL)' : storeConfig.dbPath,
      log_questions: storeConfig.logQuestions,
      retention_days: storeConfig.retentionDays,
    },
    'store opened',
  );

  let resolveExit: (code: number) => void = () => {};
  let failStart: (error: unknown) => void = () => {};
  const exited = new Promise<number>((resolve, reject) => {
    resolveExit = resolve;
    failStart = reject;
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    shuttingDown = true;
    log.info({ signal }, 'shutting down: no new connections, waiting for in-flight requests');
    const force = setTimeout(() => {
      log.error('in-flight requests did not finish in time: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    clearTimeout(force);
    log.info('server closed');
    resolveExit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  await app.listen({ port, host });

  const started = performance.now();
  log.info({ kb: kbDir, index: indexDir }, 'bringing the index up to date');
  loadIndex({
    kbDir,
    indexDir,
    embedding,
    warn: (message, detail) => log.warn(detail ?? {}, message),
  }).then(
    (loaded) => {
      if (shuttingDown) return;
      searcher = loaded.searcher;
      // Each finding on its own line, so a maintainer sees what to fix, not only how many there are.
      for (const finding of loaded.report?.findings ?? []) {
        const write = finding.severity === 'error' ? log.error.bind(log) : log.warn.bind(log);
        write({ finding }, `kb finding: ${formatFinding(finding)}`);
      }
      log.info(
        {
          docs: loaded.searcher.docs.length,
          chunks: loaded.searcher.chunkCount,
          vectors: vectorsLabel(loaded.searcher.vectors),
          reused_docs: loaded.report?.reused_docs ?? null,
          findings: loaded.report?.findings.length ?? null,
          took_ms: Math.round(performance.now() - started),
        },
        'index loaded: ready',
      );
    },
    async (error: unknown) => {
      // No index can be served (no kb/, and nothing built before): a server that can never be ready should exit.
      log.fatal({ err: error }, 'could not build or load the index');
      if (shuttingDown) return;
      shuttingDown = true;
      await app.close();
      // The CLI prints one line for it and maps it to the exit code (2 for a missing or empty KB).
      failStart(error);
    },
  );

  const code = await exited.finally(() => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  });
  if (searcher === null && code === 0) {
    // Shut down while the ingest was still running: it writes atomically, so stopping it mid-way is safe.
    setImmediate(() => process.exit(code));
  }
  return code;
}
