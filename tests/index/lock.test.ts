/**
 * The index write lock against real processes and real files: live holders are waited for, dead ones — including
 * a live PID that now belongs to another process (netkb as PID 1 in a restarted container) — are taken over.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NetkbError } from '../../src/core/errors.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { acquireLock, LOCK_FILE, processIdentity, processStartTime } from '../../src/index/lock.js';
import { currentGeneration } from '../../src/index/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE_KB = path.resolve(here, '../fixtures/kb-small');
const linux = process.platform === 'linux';

let tmp: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
async function indexDir(): Promise<string> {
  const dir = path.join(tmp, `index-${counter++}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

function lockRecord(fields: Record<string, unknown>): string {
  return JSON.stringify({ acquired_at: new Date().toISOString(), token: 'someone-else', ...fields });
}

function sleeper(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('index write lock', () => {
  it.runIf(linux)('reads a process start time that differs between two processes', async () => {
    const child = sleeper();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const own = processStartTime(process.pid);
    expect(own).toMatch(/^\d+$/);
    expect(processStartTime(child.pid ?? 0)).toMatch(/^\d+$/);
    expect(processStartTime(2 ** 22 + 1)).toBeNull();
  });

  it.runIf(linux)(
    'takes over a lock whose PID is alive but started at another time (PID 1 in a restarted container)',
    async () => {
      const dir = await indexDir();
      // Our own PID and host, as a previous incarnation of this container would have written them.
      const me = processIdentity(process.pid);
      await writeFile(path.join(dir, LOCK_FILE), lockRecord({ ...me, start: String(Number(me.start) - 1) }));
      // Taken over at once: waiting for the holder instead would last the 60 s lock wait, past the test timeout.
      await ingestKb({ kbDir: FIXTURE_KB, indexDir: dir, embedder: null });
      expect(await currentGeneration(dir)).not.toBeNull();
      expect(await readdir(dir)).not.toContain(LOCK_FILE);
    },
  );

  it.runIf(linux)('waits for a live holder and gives up with INDEX_LOCKED', async () => {
    const dir = await indexDir();
    const child = sleeper();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(path.join(dir, LOCK_FILE), lockRecord(processIdentity(child.pid ?? 0)));
    const error = await rejection(acquireLock(dir, { waitMs: 300 }));
    expect(error).toBeInstanceOf(NetkbError);
    expect((error as NetkbError).code).toBe('INDEX_LOCKED');
    expect((error as Error).message).toContain(`process ${child.pid}`);
  });

  it.runIf(linux)('takes over as soon as the holder dies', async () => {
    const dir = await indexDir();
    const child = sleeper();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(path.join(dir, LOCK_FILE), lockRecord(processIdentity(child.pid ?? 0)));
    setTimeout(() => child.kill('SIGKILL'), 200);
    const release = await acquireLock(dir, { waitMs: 10_000 });
    const held = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'));
    expect(held.pid).toBe(process.pid);
    await release();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  it('waits for a holder on another host while its heartbeat runs, takes over once it stops', async () => {
    const dir = await indexDir();
    const lock = path.join(dir, LOCK_FILE);
    await writeFile(lock, lockRecord({ host: 'other-node', pid: 1, start: '1', boot: null }));
    expect(((await rejection(acquireLock(dir, { waitMs: 200, staleMs: 5000 }))) as NetkbError).code).toBe(
      'INDEX_LOCKED',
    );
    const old = new Date(Date.now() - 10_000);
    await utimes(lock, old, old);
    const release = await acquireLock(dir, { waitMs: 200, staleMs: 5000 });
    await release();
  });

  it('a lock of an older netkb (a bare live PID) is waited for, then taken over once its mtime is stale', async () => {
    const dir = await indexDir();
    const lock = path.join(dir, LOCK_FILE);
    await writeFile(lock, String(process.pid));
    expect(((await rejection(acquireLock(dir, { waitMs: 200, staleMs: 5000 }))) as NetkbError).code).toBe(
      'INDEX_LOCKED',
    );
    const old = new Date(Date.now() - 10_000);
    await utimes(lock, old, old);
    await (await acquireLock(dir, { waitMs: 200, staleMs: 5000 }))();
  });

  it('the holder keeps its lock fresh, so a long write is not taken over', async () => {
    const dir = await indexDir();
    const release = await acquireLock(dir, { staleMs: 300, heartbeatMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Same process, so only the heartbeat tells a live holder from a dead one here.
    expect(((await rejection(acquireLock(dir, { waitMs: 200, staleMs: 300 }))) as NetkbError).code).toBe(
      'INDEX_LOCKED',
    );
    await release();
    await (await acquireLock(dir, { waitMs: 200 }))();
  });

  it('a release never removes a lock that another process took over meanwhile', async () => {
    const dir = await indexDir();
    const release = await acquireLock(dir);
    const successor = lockRecord({ host: 'other-node', pid: 7, start: '7', boot: null });
    await writeFile(path.join(dir, LOCK_FILE), successor);
    await release();
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(successor);
  });
});
