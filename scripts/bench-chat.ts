/**
 * `npm run bench:chat`: HTTP latency and throughput of the chat API against a real listening server on loopback.
 *
 * The server runs in a child process (its own event loop and CPU, like production) on 127.0.0.1:0 with vectors
 * disabled; autocannon drives it from this process. Measured: p50/p99 latency and req/s at 1 and 16 connections
 * for POST /v1/chat (rotating through the eval questions) and for GET /healthz (the HTTP stack's ceiling), the
 * chat/healthz throughput ratio at 16 connections, and the server's RSS before and after 10,000 chat requests.
 *
 * Bounded: each timed run lasts BENCH_SECONDS (default 5), the RSS run is exactly 10,000 requests.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { listKbFiles } from '../src/index/kb-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RSS_REQUESTS = 10_000;

type ToServer = { type: 'rss' } | { type: 'stop' };
type FromServer =
  | { type: 'ready'; port: number; kb: string; docs: number; chunks: number; vectors: string }
  | { type: 'rss'; rss: number; heapUsed: number };

if (process.argv.includes('--server')) {
  await serve();
} else {
  await bench();
}

// --- the server (child process) -------------------------------------------------------------------------------------

async function serve(): Promise<void> {
  const [{ ingestKb }, { openSearcher }, { buildApp }, { vectorsLabel }] = await Promise.all([
    import('../src/index/ingest-kb.js'),
    import('../src/index/open-searcher.js'),
    import('../src/server/app.js'),
    import('../src/server/routes/health.js'),
  ]);
  const kbDir = process.env.BENCH_KB ?? path.join(ROOT, 'kb');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-'));
  const indexDir = path.join(tmp, 'index');
  const reason = 'disabled for the benchmark';
  await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: reason });
  const searcher = await openSearcher(indexDir, { embedder: null, vectorsDisabledReason: reason });
  const app = await buildApp({
    searcher: () => searcher,
    logger: false,
    cache: process.env.BENCH_CACHE !== '0',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const send = (message: FromServer) => process.send?.(message);
  process.on('message', async (message: ToServer) => {
    if (message.type === 'rss') {
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      send({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed });
    } else {
      await app.close();
      await rm(tmp, { recursive: true, force: true });
      process.exit(0);
    }
  });
  send({
    type: 'ready',
    port: (app.server.address() as AddressInfo).port,
    kb: path.relative(ROOT, kbDir) || kbDir,
    docs: searcher.docs.length,
    chunks: searcher.chunkCount,
    vectors: vectorsLabel(searcher.vectors),
  });
}

// --- the load generator ----------------------------------------------------------------------------------------------

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

interface RunResult {
  label: string;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(
  url: string,
  label: string,
  connections: number,
  request: autocannon.Request,
  limit: { duration: number } | { amount: number },
): Promise<RunResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, pipelining: 1, requests: [request], ...limit },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own histogram has 1 ms resolution: keep the exact latencies for sub-millisecond percentiles.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || 1;
  return {
    label,
    connections,
    requests: result.requests.total,
    reqPerSec: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

interface Server {
  ready: Extract<FromServer, { type: 'ready' }>;
  url: string;
  rss: () => Promise<Extract<FromServer, { type: 'rss' }>>;
  stop: () => Promise<void>;
}

async function startServer(kb: string, cache: boolean): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ['--server'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_KB: kb, BENCH_CACHE: cache ? '1' : '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: Array<(message: FromServer) => void> = [];
  child.on('message', (message: FromServer) => replies.shift()?.(message));
  const next = () => new Promise<FromServer>((resolve) => replies.push(resolve));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('server did not start');
  return {
    ready,
    url: `http://127.0.0.1:${ready.port}`,
    rss: async () => {
      const reply = next();
      child.send({ type: 'rss' } satisfies ToServer);
      const message = await reply;
      if (message.type !== 'rss') throw new Error('unexpected reply');
      return message;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToServer);
      await exited;
    },
  };
}

async function bench(): Promise<void> {
  const kb = await pickKb();
  const bodies = questions().map((message) => JSON.stringify({ message }));
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
  const runs: RunResult[] = [];

  // 1. The server as deployed (answer cache on): chat and healthz at 1 and 16 connections, then RSS over 10k.
  const server = await startServer(kb, true);
  const { ready } = server;
  process.stderr.write(
    `bench: ${ready.kb} (${ready.docs} docs), ${bodies.length} questions, ${SECONDS}s per run\n`,
  );
  await load(server.url, 'warm-up', 16, chat, { duration: Math.min(2, SECONDS) });
  const before = await server.rss();
  for (const [label, request] of [
    ['POST /v1/chat', chat],
    ['GET /healthz', healthz],
  ] as const) {
    for (const connections of [1, 16])
      runs.push(await load(server.url, label, connections, request, { duration: SECONDS }));
  }
  const memoryRun = await load(server.url, 'POST /v1/chat (10k)', 16, chat, { amount: RSS_REQUESTS });
  const after = await server.rss();
  await server.stop();

  // 2. Every request computed from scratch (cache off): what retrieval + composition cost per question.
  const uncached = await startServer(kb, false);
  await load(uncached.url, 'warm-up', 16, chat, { duration: Math.min(2, SECONDS) });
  for (const connections of [1, 16]) {
    runs.push(await load(uncached.url, 'POST /v1/chat no cache', connections, chat, { duration: SECONDS }));
  }
  const uncachedRss = await uncached.rss();
  await uncached.stop();

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

  const lines = [
    `netkb chat bench: ${ready.kb} (${ready.docs} docs, ${ready.chunks} chunks), vectors ${ready.vectors}`,
    `node ${process.version}, ${os.cpus().length} CPUs, server in a child process on 127.0.0.1, ${bodies.length} rotating questions`,
    '',
    `${'route'.padEnd(24)}${pad('conns', 6)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('failed', 8)}`,
    ...[...runs, memoryRun].map(
      (r) =>
        `${r.label.padEnd(24)}${pad(r.connections, 6)}${pad(Math.round(r.reqPerSec), 9)}${pad(r.p50.toFixed(2), 9)}` +
        `${pad(r.p99.toFixed(2), 9)}${pad(r.requests, 10)}${pad(r.non2xx + r.errors, 8)}`,
    ),
    '',
    `p50 chat latency at 1 connection: ${chat1?.p50.toFixed(2)} ms cached, ${cold1?.p50.toFixed(2)} ms uncached ` +
      `(target < 5 ms) ${verdict((chat1?.p50 ?? 99) < 5 && (cold1?.p50 ?? 99) < 5)}`,
    `chat / healthz throughput at 16 connections: ${(ratio * 100).toFixed(1)}% cached, ${(coldRatio * 100).toFixed(1)}% uncached ` +
      `(target >= 30%) ${verdict(ratio >= 0.3)}${coldRatio >= 0.3 ? '' : ' (cached only)'}`,
    `server RSS: ${mb(before.rss)} before, ${mb(after.rss)} after ${RSS_REQUESTS.toLocaleString('en')} more chat requests ` +
      `(${after.rss >= before.rss ? '+' : ''}${mb(after.rss - before.rss)}; heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}); ` +
      `uncached server ${mb(uncachedRss.rss)} (target < 300 MB, no growth) ` +
      `${verdict(after.rss < 300 * 1024 * 1024 && after.rss - before.rss < 30 * 1024 * 1024)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed = [...runs, memoryRun].some((r) => r.non2xx + r.errors > 0);
  if (failed) process.stdout.write('some requests failed: see the failed column\n');
  process.exitCode = failed ? 1 : 0;
}

function verdict(ok: boolean): string {
  return ok ? 'OK' : 'MISSED';
}
