/**
 * Hot reload against real parts: a real KB directory edited on disk, the real file watcher, index builds in a
 * real worker thread, a real listening server answering a concurrent load, and `netkb serve` reloading on SIGHUP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type IndexEvent, IndexManager } from '../../src/server/index-manager.js';
import { listenLocal } from '../helpers/listen.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE_KB = path.join(ROOT, 'tests/fixtures/kb-small');
const EMBEDDING = {
  enabled: false,
  modelId: 'none',
  modelDir: undefined,
  cacheDir: undefined,
  allowRemote: false,
};
const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

const NEW_DOC = `---
triggers: [蓝鲸网关超时]
category: gateway
priority: 50
---
# 蓝鲸网关超时

## 诊断命令

\`\`\`bash
# 查看网关日志
kubectl logs -n gateway deploy/bluewhale
\`\`\`
`;

const BROKEN_DOC = `---
triggers: [蓝鲸网关超时
category: : gateway
---
# broken
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-reload-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
async function workspace(): Promise<{ kbDir: string; indexDir: string }> {
  const root = path.join(tmp, `ws-${counter++}`);
  const kbDir = path.join(root, 'kb');
  await cp(FIXTURE_KB, kbDir, { recursive: true });
  return { kbDir, indexDir: path.join(root, 'index') };
}

interface Served {
  manager: IndexManager;
  app: FastifyInstance;
  base: string;
  events: IndexEvent[];
}

async function serve(kbDir: string, indexDir: string, watch = true): Promise<Served> {
  const manager = new IndexManager({ kbDir, indexDir, embedding: EMBEDDING, log: QUIET, debounceMs: 200 });
  const events: IndexEvent[] = [];
  manager.onEvent((event) => events.push(event));
  const app = await buildApp({ searcher: () => manager.searcher(), indexStatus: () => manager.status() });
  const { base } = await listenLocal(app);
  await manager.start();
  if (watch) manager.watch();
  return { manager, app, base, events };
}

async function stop(served: Served): Promise<void> {
  await served.manager.close();
  await served.app.close();
}

async function readyz(base: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${base}/readyz`)).json()) as Record<string, unknown>;
}

async function ask(base: string, message: string): Promise<{ status: number; top: string | undefined }> {
  const response = await fetch(`${base}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  const body = (await response.json()) as { citations?: Array<{ path: string }> };
  return { status: response.status, top: body.citations?.[0]?.path };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('hot reload', { timeout: 150_000 }, () => {
  it('picks up a KB edit while a load runs, with zero failed requests', async () => {
    const { kbDir, indexDir } = await workspace();
    const served = await serve(kbDir, indexDir);
    try {
      const first = await readyz(served.base);
      expect(first).toMatchObject({ status: 'ready', docs: 3, serial: 1, last_reload_error: null });
      expect(String(first.generation)).toMatch(/^gen-/);

      let running = true;
      const statuses: number[] = [];
      const tops = new Set<string | undefined>();
      const client = async () => {
        while (running) {
          const answer = await ask(served.base, '蓝鲸网关超时 怎么查');
          statuses.push(answer.status);
          tops.add(answer.top);
          const health = await fetch(`${served.base}/healthz`);
          statuses.push(health.status);
        }
      };
      const load = Promise.all([client(), client(), client(), client()]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writeFile(path.join(kbDir, 'gateway-timeout.md'), NEW_DOC);
      const after = await until(async () => {
        const ready = await readyz(served.base);
        return ready.serial === 2 ? ready : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      running = false;
      await load;

      expect(after).toMatchObject({ docs: 4, last_reload_error: null });
      expect(after.generation).not.toBe(first.generation);
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      // Before the swap nothing fits; after it, the new doc answers.
      expect(tops.has('gateway-timeout.md')).toBe(true);
      expect((await ask(served.base, '蓝鲸网关超时 怎么查')).top).toBe('gateway-timeout.md');
      expect(served.events.map((event) => [event.type, event.reason])).toEqual([
        ['loaded', 'start'],
        ['loaded', 'watch'],
      ]);
      expect(served.events[1]).toMatchObject({ docs: 4, serial: 2, generation: after.generation });
    } finally {
      await stop(served);
    }
  });

  it('a broken edit keeps the old index serving and shows the error in /readyz until fixed', async () => {
    const { kbDir, indexDir } = await workspace();
    const served = await serve(kbDir, indexDir);
    try {
      const before = await readyz(served.base);
      const pointer = await readFile(path.join(indexDir, 'CURRENT'), 'utf8');
      await writeFile(path.join(kbDir, 'gateway-timeout.md'), BROKEN_DOC);
      const failed = await until(async () => {
        const ready = await readyz(served.base);
        return ready.last_reload_error ? ready : undefined;
      });
      expect(failed).toMatchObject({ status: 'ready', docs: 3, generation: before.generation, serial: 1 });
      const error = failed.last_reload_error as { code: string; message: string };
      expect(error.code).toBe('RELOAD_REJECTED');
      expect(error.message).not.toContain(tmp);
      // Nothing was written: a restart serves the same index.
      expect(await readFile(path.join(indexDir, 'CURRENT'), 'utf8')).toBe(pointer);
      expect((await ask(served.base, 'DNS 解析失败')).top).toBe('dns/coredns.md');
      const rejected = served.events.find((event) => event.type === 'reload_failed');
      expect(rejected).toMatchObject({ code: 'RELOAD_REJECTED', reason: 'watch' });
      expect(rejected?.type === 'reload_failed' && rejected.findings[0]?.file).toBe('gateway-timeout.md');

      await writeFile(path.join(kbDir, 'gateway-timeout.md'), NEW_DOC);
      const fixed = await until(async () => {
        const ready = await readyz(served.base);
        return ready.serial === 2 ? ready : undefined;
      });
      expect(fixed).toMatchObject({ docs: 4, last_reload_error: null });
    } finally {
      await stop(served);
    }
  });

  it('a reload whose KB vanished keeps serving and reports the code', async () => {
    const { kbDir, indexDir } = await workspace();
    const served = await serve(kbDir, indexDir, false);
    try {
      await rm(kbDir, { recursive: true, force: true });
      await served.manager.reload('manual');
      expect(await readyz(served.base)).toMatchObject({
        docs: 3,
        serial: 1,
        last_reload_error: { code: 'KB_NOT_FOUND', message: 'Knowledge-base directory does not exist' },
      });
    } finally {
      await stop(served);
    }
  });

  it('coalesces reloads asked for while one runs into one more run', async () => {
    const { kbDir, indexDir } = await workspace();
    const served = await serve(kbDir, indexDir, false);
    try {
      await Promise.all([1, 2, 3, 4].map(() => served.manager.reload('manual')));
      expect(served.events.filter((event) => event.type === 'loaded').map((event) => event.reason)).toEqual([
        'start',
        'manual',
        'manual',
      ]);
    } finally {
      await stop(served);
    }
  });
});

describe('netkb serve', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('reloads the KB on SIGHUP (with the watcher off)', async () => {
    const { kbDir, indexDir } = await workspace();
    // node itself (not npx/tsx wrappers), so the signal reaches netkb's own process.
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--kb',
        kbDir,
        '--index',
        indexDir,
        '--port',
        '0',
        '--watch',
        'off',
      ],
      { cwd: ROOT, env: { ...process.env, NETKB_VECTORS: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: Array<Record<string, unknown>> = [];
    let buffer = '';
    child.stdout?.on('data', (data: Buffer) => {
      buffer += data.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    const logged = (msg: string) =>
      until(async () => lines.find((line) => String(line.msg).startsWith(msg)), 60_000);
    const listening = await logged('Server listening at ');
    const base = String(listening.msg).replace('Server listening at ', '');
    await logged('index loaded: ready');
    expect(await readyz(base)).toMatchObject({ docs: 3, serial: 1 });

    await writeFile(path.join(kbDir, 'gateway-timeout.md'), NEW_DOC);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await readyz(base)).toMatchObject({ docs: 3, serial: 1 }); // not watching
    child.kill('SIGHUP');
    const reloaded = await logged('index reloaded');
    expect(reloaded).toMatchObject({ reason: 'sighup', docs: 4, serial: 2 });
    expect(await readyz(base)).toMatchObject({ docs: 4, serial: 2 });
    child.kill('SIGTERM');
    await new Promise((resolve) => child?.once('exit', resolve));
  }, 120_000);
});
