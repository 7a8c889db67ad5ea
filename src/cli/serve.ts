import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddingConfigFromEnv, storeConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { slackConfigFromEnv } from '../integrations/slack/config.js';
import { teamsConfigFromEnv } from '../integrations/teams/config.js';
import type { Searcher } from '../retrieve/types.js';
import { allowedHosts } from '../server/allowed-hosts.js';
import { buildApp } from '../server/app.js';
import { IndexManager } from '../server/index-manager.js';
import { NetkbMetrics } from '../server/metrics.js';
import { serverSettingsFromEnv } from '../server/settings.js';
import { openStore } from '../store/open-store.js';
import { corsOriginsFromEnv } from '../web/security.js';
import { parseFlags, stringFlag } from './args.js';
import { formatFinding } from './ingest.js';
import { listenError } from './listen-error.js';
import { loggerOptions } from './logger.js';

export const SERVE_USAGE =
  'netkb serve [--kb DIR] [--index DIR] [--port N] [--host H] [--log-level info|debug|warn|error] [--answer-cache on|off] [--watch on|off] [--cni NAME]';

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

const BUNDLED_KB = fileURLToPath(new URL('../../kb', import.meta.url));
const BUNDLED_QUESTIONS = fileURLToPath(new URL('../../tests/eval/questions.yaml', import.meta.url));

/**
 * The web pages' settings: NETKB_ADMIN_TOKEN turns the console on; its coverage tab runs NETKB_EVAL_QUESTIONS,
 * or the bundled eval set when the bundled KB is served (that set is written for it).
 */
export function webConfigFromEnv(kbDir: string, env: NodeJS.ProcessEnv = process.env) {
  const adminToken = env.NETKB_ADMIN_TOKEN?.trim() || undefined;
  const questionsFile =
    env.NETKB_EVAL_QUESTIONS?.trim() ||
    (resolve(kbDir) === BUNDLED_KB && existsSync(BUNDLED_QUESTIONS) ? BUNDLED_QUESTIONS : undefined);
  return { kbDir, adminToken, questionsFile };
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
    cni: { type: 'string' },
    watch: { type: 'string' },
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
  const watchKb = optionalString(values, 'watch', 'on');
  if (watchKb !== 'on' && watchKb !== 'off') throw new NetkbError('USAGE', '--watch must be on or off');
  const embedding = embeddingConfigFromEnv();
  const slack = slackConfigFromEnv();
  const teams = teamsConfigFromEnv();
  const storeConfig = storeConfigFromEnv();
  const storeErrors: { log: ((error: unknown) => void) | null } = { log: null };
  const opened = await openStore(storeConfig, { onError: (error) => storeErrors.log?.(error) });
  const cni = configuredCni(values);
  const settings = serverSettingsFromEnv();
  const metrics = settings.metrics ? new NetkbMetrics() : undefined;

  let manager: IndexManager | null = null;
  const app = await buildApp({
    searcher: () => manager?.searcher() ?? null,
    indexStatus: () => manager?.status(),
    logger: loggerOptions(level),
    cache: answerCache === 'on',
    settings,
    metrics,
    allowedHosts: allowedHosts(process.env.NETKB_ALLOWED_HOSTS, host),
    slack,
    teams,
    store: opened.store,
    logQuestions: storeConfig.logQuestions,
    ...(cni ? { cni } : {}),
    web: webConfigFromEnv(kbDir),
    corsOrigins: corsOriginsFromEnv(),
  });
  const log = app.log;
  storeErrors.log = (error) =>
    log.warn({ err: error }, 'query log: a batch could not be written (kept, retrying)');
  // Pending log rows are written before the process exits.
  app.addHook('onClose', async () => {
    opened.stopMaintenance();
    await opened.store.close();
  });
  // Builds and reloads run in a worker thread; the manager swaps the searcher in when one is ready.
  // Its onEvent() reports every load and failed reload (generation, docs, chunks): the metrics hook.
  const indexManager = new IndexManager({
    kbDir,
    indexDir,
    embedding,
    log: {
      info: (detail, message) => log.info(detail, message),
      warn: (detail, message) => log.warn(detail, message),
      error: (detail, message) => log.error(detail, message),
    },
  });
  manager = indexManager;

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
    await indexManager.close();
    await app.close();
    clearTimeout(force);
    log.info('server closed');
    resolveExit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // SIGHUP: reload the KB now (before the first load completes there is nothing to reload yet).
  const onHangup = () => {
    if (indexManager.searcher()) void indexManager.reload('sighup');
  };
  process.on('SIGHUP', onHangup);

  try {
    await app.listen({ port, host });
  } catch (error) {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await app.close().catch(() => {});
    throw listenError(error, host, port);
  }

  // Logged once listening: a start that fails (port in use) prints only its one error line.
  log.info(
    {
      // Never the URL: it may hold a password.
      db: storeConfig.databaseUrl ? 'postgresql (NETKB_DATABASE_URL)' : storeConfig.dbPath,
      log_questions: storeConfig.logQuestions,
      retention_days: storeConfig.retentionDays,
    },
    'store opened',
  );
  log.info({ kb: kbDir, index: indexDir }, 'bringing the index up to date');
  indexManager.onEvent((event) => {
    if (event.type === 'reload_failed') {
      metrics?.recordReload(false);
      return;
    }
    if (event.reason !== 'start') metrics?.recordReload(true);
    metrics?.setIndex({ docs: event.docs, chunks: event.chunks, generation: event.generation });
    // Each finding on its own line, so a maintainer sees what to fix, not only how many there are.
    for (const finding of event.report?.findings ?? []) {
      const write = finding.severity === 'error' ? log.error.bind(log) : log.warn.bind(log);
      write({ finding }, `kb finding: ${formatFinding(finding)}`);
    }
  });
  indexManager
    .start()
    .then(() => {
      // A --cni the KB's glossary does not know is the operator's mistake: fail the start, do not serve.
      const loaded = indexManager.searcher();
      if (loaded) checkCni(loaded, cni);
    })
    .then(
      () => {
        if (shuttingDown) return;
        if (watchKb === 'on') indexManager.watch();
      },
      async (error: unknown) => {
        if (shuttingDown) return; // the build was cancelled by the shutdown
        // No index can be served (no kb/, and nothing built before): a server that can never be ready should exit.
        log.fatal({ err: error }, 'could not build or load the index');
        shuttingDown = true;
        await indexManager.close();
        await app.close();
        // The CLI prints one line for it and maps it to the exit code (2 for a missing or empty KB).
        failStart(error);
      },
    );

  const code = await exited.finally(() => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGHUP', onHangup);
  });
  if (indexManager.searcher() === null && code === 0) {
    // Shut down while the ingest was still running: it writes atomically, so stopping it mid-way is safe.
    setImmediate(() => process.exit(code));
  }
  return code;
}

/** The cluster's CNI: `--cni`, else `NETKB_CNI`; undefined when neither is set. Lower case. */
export function configuredCni(values: Record<string, unknown>): string | undefined {
  const flag = values.cni;
  const raw = typeof flag === 'string' ? flag : process.env.NETKB_CNI;
  const cni = raw?.trim().toLowerCase();
  if (cni === undefined || cni === '') return undefined;
  return cni;
}

/** A configured CNI must be one the KB's glossary knows (`exclusive: cni`). */
export function checkCni(searcher: Searcher, cni: string | undefined): void {
  const names = searcher.cni?.names ?? [];
  if (cni !== undefined && !names.includes(cni)) {
    throw new NetkbError(
      'USAGE',
      `--cni/NETKB_CNI '${cni}' is not a CNI the glossary knows (${names.join(', ') || 'none'})`,
    );
  }
}
