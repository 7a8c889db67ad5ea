/**
 * The index directory's write lock: one ingest writes at a time. The lock file holds a record of who holds
 * it — host, PID, the process's start time and the machine's boot id — and the holder refreshes its mtime
 * while it works. A lock is stale, and taken over, when
 *   - it was written on this host and its PID is gone, or the PID now belongs to another process (a different
 *     start time: PID reuse, e.g. netkb as PID 1 in a restarted container finding its own PID), or the machine
 *     rebooted since (another boot id);
 *   - or its mtime has not moved for `staleMs` (a holder on another host that died, or a lock from an older
 *     netkb that wrote a bare PID and no heartbeat).
 * The record is written to a temp file and hard-linked into place, so the lock is never seen half-written.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { NetkbError } from '../core/errors.js';

export const LOCK_FILE = '.lock';

export interface LockRecord {
  host: string;
  pid: number;
  /** Process start time in clock ticks since boot (Linux /proc/<pid>/stat field 22); null where unknown. */
  start: string | null;
  /** /proc/sys/kernel/random/boot_id; null where unknown. */
  boot: string | null;
  acquired_at: string;
  /** Random per acquisition: release removes the lock only while it still holds this token. */
  token: string;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up (default 60 s). */
  waitMs?: number;
  /** A lock whose mtime is older than this is stale whoever wrote it (default 30 s). */
  staleMs?: number;
  /** How often the holder refreshes the lock's mtime (default staleMs / 4). */
  heartbeatMs?: number;
}

const DEFAULTS = { waitMs: 60_000, staleMs: 30_000 };
const POLL_MS = 100;

/** Runs `work` holding the write lock of `dir`. */
export async function withLock<T>(
  dir: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const release = await acquireLock(dir, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? DEFAULTS.waitMs;
  const staleMs = options.staleMs ?? DEFAULTS.staleMs;
  const lockPath = join(dir, LOCK_FILE);
  const record: LockRecord = {
    ...processIdentity(process.pid),
    acquired_at: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryCreate(lockPath, record)) break;
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (isStale(holder, staleMs)) {
      await takeOver(lockPath, holder.raw);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder.record ? `process ${holder.record.pid} on ${holder.record.host}` : 'another process';
      throw new NetkbError('INDEX_LOCKED', `Index is being written by ${who} (lock ${lockPath})`);
    }
    await sleep(POLL_MS);
  }
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      utimes(lockPath, now, now).catch(() => {});
    },
    options.heartbeatMs ?? Math.max(50, Math.floor(staleMs / 4)),
  );
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    // Remove only our own lock: a holder that lost it (stalled past staleMs) must not delete its successor's.
    const current = await readFile(lockPath, 'utf8').catch(() => null);
    if (current !== null && parseRecord(current)?.token === record.token) await rm(lockPath, { force: true });
  };
}

async function tryCreate(lockPath: string, record: LockRecord): Promise<boolean> {
  const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, JSON.stringify(record));
  try {
    await link(tmp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(tmp, { force: true });
  }
}

export interface Holder {
  raw: string;
  record: LockRecord | null;
  /** A bare PID, as older versions wrote. */
  legacyPid: number | null;
  mtimeMs: number;
}

async function readHolder(lockPath: string): Promise<Holder | 'gone'> {
  try {
    const [raw, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const legacy = /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
    return { raw, record: parseRecord(raw), legacyPid: legacy, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

function parseRecord(raw: string): LockRecord | null {
  try {
    const value = JSON.parse(raw) as Partial<LockRecord>;
    if (typeof value?.host !== 'string' || !Number.isInteger(value.pid)) return null;
    return {
      host: value.host,
      pid: value.pid as number,
      start: typeof value.start === 'string' ? value.start : null,
      boot: typeof value.boot === 'string' ? value.boot : null,
      acquired_at: typeof value.acquired_at === 'string' ? value.acquired_at : '',
      token: typeof value.token === 'string' ? value.token : '',
    };
  } catch {
    return null;
  }
}

/** Is the lock's holder certainly gone? Unknown holders count as alive until their heartbeat stops. */
export function isStale(holder: Holder, staleMs: number, now = Date.now()): boolean {
  if (now - holder.mtimeMs > staleMs) return true;
  const record = holder.record;
  if (!record) return holder.legacyPid === null || !pidAlive(holder.legacyPid);
  if (record.host !== os.hostname()) return false;
  return !holderRunning(record);
}

/** Does the process that wrote `record` (on this host) still run? */
export function holderRunning(record: Pick<LockRecord, 'pid' | 'start' | 'boot'>): boolean {
  if (!pidAlive(record.pid)) return false;
  const current = processIdentity(record.pid);
  if (record.boot !== null && current.boot !== null && record.boot !== current.boot) return false;
  if (record.start !== null && current.start !== null && record.start !== current.start) return false;
  return true;
}

/** Moves a stale lock aside; if another taker replaced it meanwhile, puts that fresh lock back. */
async function takeOver(lockPath: string, staleRaw: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleRaw);
  if (moved !== staleRaw) await link(aside, lockPath).catch(() => {});
  await rm(aside, { force: true });
}

export function processIdentity(pid: number): Omit<LockRecord, 'acquired_at' | 'token'> {
  return { host: os.hostname(), pid, start: processStartTime(pid), boot: bootId() };
}

/** Clock ticks since boot at which `pid` started (Linux); null elsewhere or when it cannot be read. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is parenthesised and may hold spaces: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

let cachedBootId: string | null | undefined;
function bootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
