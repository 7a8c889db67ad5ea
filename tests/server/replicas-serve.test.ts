/**
 * Two real `netkb serve` processes with NETKB_DATABASE_URL pointing at one throw-away PostgreSQL cluster: the
 * CLI wiring (backend switch, migrations under the advisory lock at the same start, readyz) and a follow-up
 * crossing processes. Starting the second one while the database is down shows a degraded start that heals.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KB } from '../answer/fixture-index.js';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GENEVE_TITLE = 'Kube-OVN 跨节点 Pod 通信：Geneve 隧道';
const SPAWN_TIMEOUT_MS = 120_000;
let tmp: string;
let postgres: TestPostgres | null;
const children: ChildProcess[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-replicas-serve-'));
  postgres = await startTestPostgres();
  // One index, copied to each replica, as an image built once carries it.
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--kb', FIXTURE_KB, '--index', path.join(tmp, 'built')],
    { cwd: ROOT, env: { ...process.env, NETKB_VECTORS: 'off' } },
  );
  for (const name of ['index-a', 'index-b', 'index-c']) {
    await cp(path.join(tmp, 'built'), path.join(tmp, name), { recursive: true });
  }
}, 180_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await postgres?.destroy();
  await rm(tmp, { recursive: true, force: true });
});

/** Starts `netkb serve` on its own index copy; resolves with its base URL once /readyz is 200. */
async function serve(
  name: string,
  url: string,
): Promise<{ base: string; stop: () => Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--kb',
      FIXTURE_KB,
      '--index',
      path.join(tmp, name),
    ].concat(['--port', '0', '--host', '127.0.0.1']),
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off', NO_COLOR: '1', NETKB_DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited (${code})`)));
  });
  const deadline = Date.now() + SPAWN_TIMEOUT_MS - 10_000;
  while (!(await fetch(`${base}/readyz`).then((r) => r.ok))) {
    if (Date.now() > deadline) throw new Error('not ready in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function json(url: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    ...(body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('two netkb serve processes on one PostgreSQL database', () => {
  it(
    'serve the same KB fingerprint, share conversations, and a replica started while the database is down heals',
    async (t) => {
      if (!postgres) return t.skip();
      const db = postgres;
      const [a, b] = await Promise.all([serve('index-a', db.url), serve('index-b', db.url)]);
      const [readyA, readyB] = [await json(`${a.base}/readyz`), await json(`${b.base}/readyz`)];
      expect(readyA).toMatchObject({ status: 'ready', store: 'ok', store_losses: 0 });
      expect(readyB.store).toBe('ok');
      // Each replica's serve ingests for itself (its own generation name); the served KB is the same.
      expect(typeof readyA.index_generation).toBe('string');
      expect(readyA.kb_fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(readyA.kb_fingerprint).toBe(readyB.kb_fingerprint);

      const first = await json(`${a.base}/v1/chat`, {
        message: 'pod 跨节点 ping 10.16.1.3 不通，geneve 隧道不通',
      });
      const followUp = await json(`${b.base}/v1/chat`, {
        message: '那怎么抓包?',
        conversation_id: first.conversation_id,
      });
      expect((followUp.citations as Array<{ title: string }>)[0]?.title).toBe(GENEVE_TITLE);

      // A third replica started during an outage: it serves, degraded, and heals when the database returns.
      await db.stop();
      const c = await serve('index-c', db.url);
      expect(String((await json(`${c.base}/readyz`)).store)).toMatch(/^degraded: /);
      const answered = await json(`${c.base}/v1/chat`, { message: 'coredns 解析超时' });
      expect(typeof answered.id).toBe('string');
      await db.start();
      const deadline = Date.now() + 30_000;
      while ((await json(`${c.base}/readyz`)).store !== 'ok') {
        if (Date.now() > deadline) throw new Error('store did not heal');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The answer given during the outage reaches the shared log once the database is back (feedback on it
      // from another replica is then recorded).
      const feedbackDeadline = Date.now() + 30_000;
      for (;;) {
        const response = await fetch(`${a.base}/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answer_id: answered.id, helpful: true }),
        });
        if (response.status === 204) break;
        if (Date.now() > feedbackDeadline) throw new Error(`feedback still ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await Promise.all([a.stop(), b.stop(), c.stop()])).toEqual([0, 0, 0]);
    },
    SPAWN_TIMEOUT_MS * 2,
  );
});
