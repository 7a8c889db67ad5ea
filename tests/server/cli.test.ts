import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatBody } from '../../src/answer/compose.js';
import { renderText } from '../../src/answer/render.js';
import { buildApp } from '../../src/server/app.js';
import { buildFixtureIndex, FIXTURE_KB, type FixtureIndex } from '../answer/fixture-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENV = { ...process.env, NETKB_VECTORS: 'off', NO_COLOR: '1' };
const run = promisify(execFile);

let tmp: string;
let fixture: FixtureIndex;
let app: FastifyInstance;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-cli-'));
  fixture = await buildFixtureIndex();
  app = await buildApp({ searcher: () => fixture.searcher });
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
  await rm(tmp, { recursive: true, force: true });
});

async function ask(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/main.ts', 'ask', ...args], {
      cwd: ROOT,
      env: ENV,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Fields that legitimately differ between two runs of the same question. */
function stable(body: Record<string, unknown>) {
  const { id: _id, conversation_id: _conversation, took_ms: _took, retrievers, ...rest } = body;
  const statuses = Object.fromEntries(
    Object.entries(retrievers as Record<string, { status: string }>).map(([name, r]) => [name, r.status]),
  );
  return { ...rest, retrievers: statuses };
}

describe('netkb ask', () => {
  it('--json prints exactly the /v1/chat body', async () => {
    const question = 'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通';
    const indexDir = path.join(tmp, 'ask-index');
    const cli = await ask([question, '--kb', FIXTURE_KB, '--index', indexDir, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.trim().split('\n')).toHaveLength(1);
    const fromCli = JSON.parse(cli.stdout) as Record<string, unknown>;
    const http = await app.inject({
      method: 'POST',
      url: '/v1/chat',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ message: question }),
    });
    const fromHttp = http.json() as Record<string, unknown>;
    expect(Object.keys(fromCli)).toEqual(Object.keys(fromHttp));
    expect(stable(fromCli)).toEqual(stable(fromHttp));
    // NETKB_VECTORS=off is the user's choice: ask does not warn about it.
    expect(cli.stderr).not.toContain('vectors DISABLED');

    // Text mode prints the answer, the commands and the sources; a second run reuses the index.
    const text = await ask([question, '--kb', FIXTURE_KB, '--index', indexDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(renderText(fromCli as unknown as ChatBody, question));
    expect(text.stdout).toContain('来源:');
    expect(text.stdout).not.toContain('**');
    // Two CLI processes, each starting TypeScript and building an index: slow on a loaded machine.
  }, 120_000);

  it('passes --top-k and --category through', async () => {
    const indexDir = path.join(tmp, 'ask-index-2');
    const cli = await ask([
      'geneve 隧道不通',
      '--kb',
      FIXTURE_KB,
      '--index',
      indexDir,
      '--json',
      '--category',
      'dns',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const body = JSON.parse(cli.stdout) as { citations: Array<{ path: string }> };
    expect(body.citations.every((c) => c.path === 'dns/coredns.md')).toBe(true);
  });

  it('exits 2 with one readable line on usage errors and a missing KB', async () => {
    const cases = [
      [],
      ['a', 'b'],
      ['   '],
      ['q', '--top-k', '11'],
      ['q', '--bogus'],
      ['x'.repeat(2001)],
      ['q', '--kb', path.join(tmp, 'missing'), '--index', path.join(tmp, 'none')],
    ];
    const results = await Promise.all(cases.map((args) => ask(args)));
    for (const [i, result] of results.entries()) {
      expect(result.code, cases[i]?.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^netkb ask: /m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});

interface Served {
  child: ChildProcess;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  waitFor: (msg: string) => Promise<Record<string, unknown>>;
}

/** `netkb serve` as a real child process (node + tsx directly, so signals reach netkb itself). */
function serve(args: string[]): Served {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: string; resolve: (entry: Record<string, unknown>) => void }> = [];
  let buffer = '';
  child.stdout?.on('data', (data: Buffer) => {
    buffer += data.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      for (const waiter of waiters.filter(
        (w) => entry.msg === w.msg || String(entry.msg).startsWith(w.msg),
      )) {
        waiter.resolve(entry);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = logs.find((entry) => entry.msg === msg || String(entry.msg).startsWith(msg));
      if (found) return resolve(found);
      waiters.push({ msg, resolve });
      void exited.then((code) => reject(new Error(`serve exited (${code}) before logging '${msg}'`)));
    });
  return { child, logs, exited, waitFor };
}

describe('netkb serve', { timeout: 90_000 }, () => {
  it('ingests at start, turns ready, answers, and shuts down gracefully on SIGTERM', async () => {
    const served = serve([
      '--kb',
      FIXTURE_KB,
      '--index',
      path.join(tmp, 'serve-index'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    try {
      const listening = await served.waitFor('Server listening at');
      const base = /http:\/\/127\.0\.0\.1:\d+/.exec(String(listening.msg))?.[0];
      expect(base).toBeDefined();
      const ready = await served.waitFor('index loaded: ready');
      expect(ready).toMatchObject({ docs: 4, vectors: 'disabled: NETKB_VECTORS=off' });
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready', docs: 4 });
      const response = await fetch(`${base}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'coredns 解析失败' }),
      });
      expect(response.status).toBe(200);
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
      expect(served.logs.map((entry) => entry.msg)).toContain('server closed');
      // Structured logs carry request ids; the question text is not logged at info level.
      expect(
        served.logs.some((entry) => entry.msg === 'chat answered' && typeof entry.reqId === 'string'),
      ).toBe(true);
      expect(JSON.stringify(served.logs)).not.toContain('coredns 解析失败');
    } finally {
      served.child.kill('SIGKILL');
    }
  });

  it('exits 2 when there is no KB and no index to serve', async () => {
    const served = serve([
      '--kb',
      path.join(tmp, 'missing'),
      '--index',
      path.join(tmp, 'missing-index'),
      '--port',
      '0',
    ]);
    try {
      expect(await served.exited).toBe(2);
      expect(
        served.logs.some((entry) => entry.level === 60 && entry.msg === 'could not build or load the index'),
      ).toBe(true);
    } finally {
      served.child.kill('SIGKILL');
    }
  });

  it('rejects a bad port with a usage error', async () => {
    const served = serve(['--port', '70000']);
    expect(await served.exited).toBe(2);
  });
});
