/**
 * `npm run bench:chat`: latency and throughput of the chat API against the real `netkb serve` process on loopback.
 *
 * The server is netkb itself, compiled with the project's tsc into .netkb/bench-dist (production runs compiled
 * JavaScript; tsx would add its loader thread to the RSS figures; if the build fails the bench falls back to
 * tsx and says so). It listens on 127.0.0.1 with vectors disabled and logging at warn level; autocannon drives
 * it from this process. Measured: p50/p99 latency and req/s at 1 and 16 connections for POST /v1/chat, rotating
 * through the eval questions, and for GET /healthz (the HTTP stack's ceiling); the chat/healthz throughput ratio
 * at 16 connections; the server's RSS after the warm-up and timed runs, after 10,000 chat requests, and after
 * 10,000 more. A second server with the answer cache off shows what computing every answer from scratch costs
 * (p50/p95). Last, what metrics + bearer auth + rate limit cost: two servers, "off" (NETKB_METRICS=off, no
 * tokens, no limit) and "on" (all three, the limit too high to refuse), cached chat at 16 connections in
 * alternating rounds, server CPU per request and req/s compared within the run. The load average at the start
 * and end is printed: the machine may be shared.
 *
 * Bounded: each timed run lasts BENCH_SECONDS (default 5); each RSS run is exactly 10,000 requests; the on/off
 * comparison runs BENCH_OPS_ROUNDS (default 3) rounds.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { listKbFiles } from '../src/index/kb-files.js';
import { freePort, percentile } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RSS_REQUESTS = 10_000;
const OPS_ROUNDS = Number(process.env.BENCH_OPS_ROUNDS ?? 3);
const TOKEN = 'bench-token-0123456789';
/** Metrics, bearer tokens and a rate limit that never refuses (the "on" server of the overhead comparison). */
const OPS_ON: Record<string, string> = {
  NETKB_METRICS: 'on',
  NETKB_API_TOKENS: `other-token,${TOKEN}`,
  NETKB_RATE_LIMIT: '100000000/minute',
};
const OPS_OFF: Record<string, string> = { NETKB_METRICS: 'off' };
const TICKS_PER_SECOND = 100;
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-dist');

await bench();

// --- setup ---------------------------------------------------------------------------------------------------------

async function pickKb(): Promise<string> {
  const kb = path.join(ROOT, 'kb');
  try {
    await listKbFiles(kb);
    return kb;
  } catch {
    return path.join(ROOT, 'tests/fixtures/kb-chat');
  }
}

function questions(): string[] {
  for (const file of ['tests/eval/questions.yaml', 'tests/eval/seeds-questions.yaml']) {
    const full = path.join(ROOT, file);
    if (!existsSync(full)) continue;
    const entries = parse(readFileSync(full, 'utf8')) as Array<{ question?: unknown }> | null;
    const found = (entries ?? [])
      .map((entry) => entry.question)
      .filter((q): q is string => typeof q === 'string');
    if (found.length > 0) return found;
  }
  return ['geneve 隧道不通', 'coredns 解析失败', 'service 访问不了', '怎么抓包', 'etcd 证书过期了怎么续期'];
}

/** The command that runs `netkb`: compiled JavaScript when the build succeeds, tsx otherwise. */
function netkbCommand(): { argv: string[]; how: string } {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    return { argv: [path.join(BUILD_DIR, 'cli/main.js')], how: 'compiled (tsc)' };
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '').split('\n')[0];
    process.stderr.write(`bench: build failed (${output}); running the server through tsx instead\n`);
    return { argv: ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')], how: 'tsx (build failed)' };
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  rssBytes: () => Promise<number>;
  /** CPU time (user + system, all threads) the server has used, in ms. */
  cpuMs: () => Promise<number>;
  ready: { docs: number; chunks: number; vectors: string };
  stop: () => Promise<number | null>;
}

async function startServer(
  command: string[],
  kb: string,
  indexDir: string,
  answerCache: 'on' | 'off',
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...command,
      'serve',
      '--kb',
      kb,
      '--index',
      indexDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      '--answer-cache',
      answerCache,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`)
      .then(async (response) => (response.ok ? ((await response.json()) as Server['ready']) : null))
      .catch(() => null);
    if (ready) {
      return {
        url,
        child,
        ready,
        rssBytes: async () => {
          const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
          return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
        },
        cpuMs: async () => {
          // /proc/<pid>/stat fields 14 and 15 (utime, stime) in clock ticks; the name field may hold spaces.
          const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
        },
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('netkb serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// --- load ------------------------------------------------------------------------------------------------------------

interface RunResult {
  label: string;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  /** Server CPU per request (µs), when the server was given. */
  cpuUs?: number;
}

async function load(
  url: string,
  label: string,
  connections: number,
  request: autocannon.Request,
  limit: { duration: number } | { amount: number },
  server?: Server,
): Promise<RunResult> {
  const latencies: number[] = [];
  const cpuBefore = await server?.cpuMs();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, pipelining: 1, requests: [request], ...limit },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own histogram has 1 ms resolution: keep exact latencies for sub-millisecond percentiles.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await server?.cpuMs();
  latencies.sort((a, b) => a - b);
  return {
    label,
    connections,
    requests: result.requests.total,
    reqPerSec: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed: result.non2xx + result.errors + result.timeouts,
    ...(cpuBefore === undefined || cpuAfter === undefined
      ? {}
      : { cpuUs: ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total) }),
  };
}

// --- the bench --------------------------------------------------------------------------------------------------------

async function bench(): Promise<void> {
  const kb = await pickKb();
  const bodies = questions().map((message) => JSON.stringify({ message }));
  const { argv: command, how } = netkbCommand();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-'));
  let turn = 0;
  const chat: autocannon.Request = {
    method: 'POST',
    path: '/v1/chat',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      request.body = bodies[turn++ % bodies.length] ?? '{"message":"geneve"}';
      return request;
    },
  };
  const healthz: autocannon.Request = { method: 'GET', path: '/healthz' };
  const authorizedChat: autocannon.Request = {
    ...chat,
    headers: { ...chat.headers, authorization: `Bearer ${TOKEN}` },
  };
  const loadAtStart = os.loadavg();
  const runs: RunResult[] = [];
  const warmUp = { duration: Math.min(2, SECONDS) };

  try {
    // 1. netkb serve as deployed (answer cache on).
    const server = await startServer(command, kb, path.join(tmp, 'index'), 'on');
    process.stderr.write(
      `bench: ${path.relative(ROOT, kb)} (${server.ready.docs} docs), ${bodies.length} questions, ${SECONDS}s per run\n`,
    );
    await load(server.url, 'warm-up', 16, chat, warmUp);
    for (const [label, request] of [
      ['POST /v1/chat', chat],
      ['GET /healthz', healthz],
    ] as const) {
      for (const connections of [1, 16])
        runs.push(await load(server.url, label, connections, request, { duration: SECONDS }));
    }
    const before = await server.rssBytes();
    const memoryRun = await load(server.url, 'POST /v1/chat (10k)', 16, chat, { amount: RSS_REQUESTS });
    const after = await server.rssBytes();
    // A second batch tells a one-off rise (heap sizing, JIT) from steady growth.
    const secondMemoryRun = await load(server.url, 'POST /v1/chat (10k more)', 16, chat, {
      amount: RSS_REQUESTS,
    });
    const afterSecond = await server.rssBytes();
    const shutdown = await server.stop();

    // 2. Every answer computed from scratch (cache off): retrieval + composition per request.
    const uncached = await startServer(command, kb, path.join(tmp, 'index'), 'off');
    await load(uncached.url, 'warm-up', 16, chat, warmUp);
    for (const connections of [1, 16]) {
      runs.push(await load(uncached.url, 'POST /v1/chat no cache', connections, chat, { duration: SECONDS }));
    }
    const uncachedRss = await uncached.rssBytes();
    await uncached.stop();

    // 3. Metrics + auth + rate limit on vs off, cached chat, alternating rounds (medians): same questions, same run.
    const off = await startServer(command, kb, path.join(tmp, 'index'), 'on', OPS_OFF);
    const on = await startServer(command, kb, path.join(tmp, 'index'), 'on', OPS_ON);
    const ops: Record<'off' | 'on', RunResult[]> = { off: [], on: [] };
    await load(off.url, 'warm-up', 16, chat, warmUp);
    await load(on.url, 'warm-up', 16, authorizedChat, warmUp);
    for (let round = 0; round < OPS_ROUNDS; round++) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const name of order) {
        const target = name === 'on' ? on : off;
        const request = name === 'on' ? authorizedChat : chat;
        ops[name].push(await load(target.url, `ops ${name}`, 16, request, { duration: SECONDS }, target));
      }
    }
    await off.stop();
    await on.stop();

    report({
      kb,
      ready: server.ready,
      how,
      questions: bodies.length,
      runs,
      memoryRun,
      secondMemoryRun,
      before,
      after,
      afterSecond,
      uncachedRss,
      shutdown,
      ops,
      load: [loadAtStart, os.loadavg()],
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(BUILD_DIR, { recursive: true, force: true });
    await rmdir(path.dirname(BUILD_DIR)).catch(() => {}); // .netkb/ only when the build made it and it is empty
  }
}

function report(data: {
  kb: string;
  ready: Server['ready'];
  how: string;
  questions: number;
  runs: RunResult[];
  memoryRun: RunResult;
  secondMemoryRun: RunResult;
  before: number;
  after: number;
  afterSecond: number;
  uncachedRss: number;
  shutdown: number | null;
  ops: Record<'off' | 'on', RunResult[]>;
  load: [number[], number[]];
}): void {
  const { runs, memoryRun, secondMemoryRun, before, after } = data;
  const find = (label: string, connections: number) =>
    runs.find((r) => r.label === label && r.connections === connections);
  const chat1 = find('POST /v1/chat', 1);
  const chat16 = find('POST /v1/chat', 16);
  const health16 = find('GET /healthz', 16);
  const cold1 = find('POST /v1/chat no cache', 1);
  const cold16 = find('POST /v1/chat no cache', 16);
  const ratio = (chat16?.reqPerSec ?? 0) / (health16?.reqPerSec || 1);
  const coldRatio = (cold16?.reqPerSec ?? 0) / (health16?.reqPerSec || 1);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const ok = (pass: boolean) => (pass ? 'OK' : 'MISSED');
  const growth = after - before;
  const secondGrowth = data.afterSecond - after;
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
  const lines = [
    `netkb chat bench: ${path.relative(ROOT, data.kb)} (${data.ready.docs} docs, ${data.ready.chunks} chunks), vectors ${data.ready.vectors}`,
    `netkb serve ${data.how}, node ${process.version}, ${os.cpus().length} CPUs, 127.0.0.1, log level warn, ${data.questions} rotating questions`,
    '',
    `load average at start ${data.load[0].map((l) => l.toFixed(2)).join(' ')}, at end ${data.load[1].map((l) => l.toFixed(2)).join(' ')}`,
    '',
    `${'route'.padEnd(24)}${pad('conns', 6)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('failed', 8)}`,
    ...[...runs, memoryRun, secondMemoryRun, ...data.ops.off, ...data.ops.on].map(
      (r) =>
        `${r.label.padEnd(24)}${pad(r.connections, 6)}${pad(Math.round(r.reqPerSec), 9)}${pad(r.p50.toFixed(2), 9)}` +
        `${pad(r.p95.toFixed(2), 9)}${pad(r.p99.toFixed(2), 9)}${pad(r.requests, 10)}${pad(r.failed, 8)}` +
        (r.cpuUs === undefined ? '' : `  server CPU ${Math.round(r.cpuUs)} µs/req`),
    ),
    '',
    `p50 chat at 1 connection: ${chat1?.p50.toFixed(2)} ms (no cache: p50 ${cold1?.p50.toFixed(2)} ms, ` +
      `p95 ${cold1?.p95.toFixed(2)} ms); target < 5 ms: ${ok((chat1?.p50 ?? 99) < 5 && (cold1?.p50 ?? 99) < 5)}`,
    `chat / healthz req/s at 16 connections: ${(ratio * 100).toFixed(1)}% (no cache: ${(coldRatio * 100).toFixed(1)}%); ` +
      `target >= 30%: ${ok(ratio >= 0.3)}${coldRatio >= 0.3 ? '' : ' (with the answer cache only)'}`,
    `server RSS: ${mb(before)} after warm-up, ${mb(after)} after ${RSS_REQUESTS.toLocaleString('en')} chat requests ` +
      `(${signed(growth)}), ${mb(data.afterSecond)} after 10,000 more (${signed(secondGrowth)}); ` +
      `no-cache server ${mb(data.uncachedRss)}; target < 300 MB, no growth: ` +
      ok(data.afterSecond < 300 * 1024 * 1024 && growth < 20 * 1024 * 1024 && secondGrowth < 5 * 1024 * 1024),
    opsLine(data.ops),
    `graceful shutdown on SIGTERM: exit code ${data.shutdown}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed =
    [...runs, memoryRun, secondMemoryRun, ...data.ops.off, ...data.ops.on].some((r) => r.failed > 0) ||
    data.shutdown !== 0;
  if (failed) process.stdout.write('some requests failed or the server did not exit cleanly\n');
  process.exitCode = failed ? 1 : 0;
}

/** Metrics + auth + rate limit on vs off: medians of the alternating rounds. */
function opsLine(ops: Record<'off' | 'on', RunResult[]>): string {
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const cpu = (name: 'off' | 'on') => median(ops[name].map((r) => r.cpuUs ?? Number.NaN));
  const rps = (name: 'off' | 'on') => median(ops[name].map((r) => r.reqPerSec));
  const p50 = (name: 'off' | 'on') => median(ops[name].map((r) => r.p50));
  const cpuCost = cpu('on') / cpu('off') - 1;
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
  return (
    `metrics + auth + rate limit, cached chat at 16 connections, ${ops.on.length} alternating rounds (medians): ` +
    `server CPU ${Math.round(cpu('off'))} → ${Math.round(cpu('on'))} µs/req (${percent(cpuCost)}), ` +
    `req/s ${Math.round(rps('off'))} → ${Math.round(rps('on'))} (${percent(rps('on') / rps('off') - 1)}), ` +
    `p50 ${p50('off').toFixed(2)} → ${p50('on').toFixed(2)} ms; target CPU overhead < 5%: ${cpuCost < 0.05 ? 'OK' : 'MISSED'}`
  );
}
