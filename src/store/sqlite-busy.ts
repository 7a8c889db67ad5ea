/**
 * SQLite answers SQLITE_BUSY at once, without waiting its busy timeout, when waiting could deadlock: two processes
 * opening the same new file both switch it to WAL or run the same migration (each holds a read lock and wants the
 * write lock). Replicas and the CLI start side by side on one file, so opening retries such a step for a while
 * instead of failing. Every step it wraps is idempotent (pragmas, migrations that check their version in their own
 * transaction).
 */
const RETRY_PAUSE_MS = 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function retryWhileBusy<T>(step: () => T, timeoutMs: number, now: () => number = Date.now): T {
  const deadline = now() + timeoutMs;
  for (;;) {
    try {
      return step();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || now() >= deadline) throw error;
      // A synchronous pause: the store opens in a constructor, and better-sqlite3 is synchronous throughout.
      Atomics.wait(pause, 0, 0, RETRY_PAUSE_MS);
    }
  }
}
