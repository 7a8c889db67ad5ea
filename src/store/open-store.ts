import type { StoreConfig } from '../core/config.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface OpenedStore {
  store: Store;
  /** Stops the retention timer (the store itself is closed with store.close()). */
  stopMaintenance(): void;
}

/**
 * Opens (creating and migrating) the configured database — the shared PostgreSQL one when `databaseUrl` is set
 * (its driver loaded only then; an unreachable server starts degraded and is retried), else the SQLite file —
 * and keeps it within the retention window: pruned now and every hour. The one place that knows which backend implements the Store.
 */
export async function openStore(
  config: StoreConfig,
  options: { onError?: (error: unknown) => void; now?: () => number } = {},
): Promise<OpenedStore> {
  const now = options.now ?? Date.now;
  const store: Store = config.databaseUrl
    ? await new (await import('./postgres-store.js')).PostgresStore({
        url: config.databaseUrl,
        onError: options.onError,
        now,
      }).open()
    : new SqliteStore({ path: config.dbPath, onError: options.onError, now, writer: 'worker' });
  const prune = () =>
    store.prune(now() - config.retentionDays * DAY_MS).catch((error) => options.onError?.(error));
  await prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return { store, stopMaintenance: () => clearInterval(timer) };
}
