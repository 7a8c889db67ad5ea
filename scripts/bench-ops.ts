/**
 * `npm run bench:ops`: what metrics + bearer-token auth + rate limiting cost on the chat route. Two `netkb serve`
 * processes from the same build run side by side on loopback: "off" (NETKB_METRICS=off, no tokens, no rate
 * limit) and "on" (metrics, NETKB_API_TOKENS, NETKB_RATE_LIMIT high enough never to refuse). Runs alternate
 * off/on for ROUNDS rounds so drift in machine load hits both equally; medians of the rounds are reported.
 * Answer cache on (as deployed), vectors off, log level warn. BENCH_SECONDS (default 5) per run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { freePort } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-ops-dist');
const TOKEN = 'bench-token-0123456789';

interface Server {
  url: string;
  child: ChildProcess;
  rss: () => Promise<number>;
  /** CPU time (user + system) the server process has used, in ms: less sensitive to a busy machine than latency. */
  cpuMs: () => Promise<number>;
}

const TICKS_PER_SECOND = 100;

function questions(): string[] {
  const file = path.join(ROOT, 'tests/eval/questions.yaml');
  if (!existsSync(file)) return ['geneve 隧道不通', 'coredns 解析失败'];
  const entries = parse(readFileSync(file, 'utf8')) as Array<{ question?: unknown }>;
  return entries.map((e) => e.question).filter((q): q is string => typeof q === 'string');
}

async function start(indexDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const real = spawn(
    process.execPath,
    [
      path.join(BUILD_DIR, 'cli/main.js'),
      'serve',
      '--kb',
      path.join(ROOT, 'kb'),
      '--index',
      indexDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return {
        url,
        child: real,
        rss: async () =>
          Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${real.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
        cpuMs: async () => {
          // /proc/<pid>/stat fields 14 and 15 (utime, stime) in clock ticks; the name field may hold spaces.
          const stat = await readFile(`/proc/${real.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('netkb serve did not become ready');
}

interface Run {
  /** Server CPU microseconds per request. */
  cpuUsPerRequest: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  failed: number;
}

async function load(
  server: Server,
  connections: number,
  headers: Record<string, string>,
  bodies: string[],
): Promise<Run> {
  const url = server.url;
  const cpuBefore = await server.cpuMs();
  let turn = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/v1/chat',
            headers: { 'content-type': 'application/json', ...headers },
            setupRequest: (request) => {
              request.body = bodies[turn++ % bodies.length] ?? '{"message":"geneve"}';
              return request;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  const cpuMs = (await server.cpuMs()) - cpuBefore;
  return {
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
    reqPerSec: result.requests.total / seconds,
    p50: at(0.5),
    p99: at(0.99),
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-ops-'));
  const loadAtStart = os.loadavg();
  const bodies = questions().map((message) => JSON.stringify({ message }));
  try {
    const off = await start(path.join(tmp, 'index-off'), { NETKB_METRICS: 'off' });
    const on = await start(path.join(tmp, 'index-on'), {
      NETKB_METRICS: 'on',
      NETKB_API_TOKENS: `other-token,${TOKEN}`,
      NETKB_RATE_LIMIT: '100000000/minute',
    });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const results: Record<string, Run[]> = {};
    for (const connections of [1, 16]) {
      await load(off, connections, {}, bodies);
      await load(on, connections, auth, bodies);
      for (let round = 0; round < ROUNDS; round++) {
        // Off first in even rounds, on first in odd ones: neither always runs on a warmer (or busier) machine.
        const order = [
          ['off', off, {}],
          ['on', on, auth],
        ] as const;
        for (const [name, server, headers] of round % 2 === 0 ? order : [...order].reverse()) {
          const key = `${name}@${connections}`;
          results[key] ??= [];
          results[key].push(await load(server, connections, headers, bodies));
        }
      }
    }
    const rssOn = await on.rss();
    const rssOff = await off.rss();
    const lines = [
      `netkb ops overhead: kb/ (${bodies.length} rotating questions), node ${process.version}, ${os.cpus().length} CPUs, ` +
        `${ROUNDS} alternating rounds of ${SECONDS}s, medians`,
      `load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (the machine may be shared: compare within this run)`,
      `${'config'.padEnd(44)}${'conns'.padStart(6)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU µs/req'.padStart(12)}${'failed'.padStart(8)}`,
    ];
    for (const connections of [1, 16]) {
      for (const name of ['off', 'on']) {
        const runs = results[`${name}@${connections}`] ?? [];
        const label =
          name === 'off' ? 'metrics off, no auth, no rate limit' : 'metrics + bearer auth + rate limit (on)';
        lines.push(
          `${label.padEnd(44)}${String(connections).padStart(6)}${String(Math.round(median(runs.map((r) => r.reqPerSec)))).padStart(9)}` +
            `${median(runs.map((r) => r.p50))
              .toFixed(2)
              .padStart(9)}${median(runs.map((r) => r.p99))
              .toFixed(2)
              .padStart(9)}` +
            `${String(Math.round(median(runs.map((r) => r.cpuUsPerRequest)))).padStart(12)}` +
            `${String(runs.reduce((sum, r) => sum + r.failed, 0)).padStart(8)}`,
        );
      }
      const offRuns = results[`off@${connections}`] ?? [];
      const onRuns = results[`on@${connections}`] ?? [];
      const rpsCost = 1 - median(onRuns.map((r) => r.reqPerSec)) / median(offRuns.map((r) => r.reqPerSec));
      const cpuCost =
        median(onRuns.map((r) => r.cpuUsPerRequest)) / median(offRuns.map((r) => r.cpuUsPerRequest)) - 1;
      const p50Cost = median(onRuns.map((r) => r.p50)) / median(offRuns.map((r) => r.p50)) - 1;
      const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
      lines.push(
        `  overhead at ${connections} connection(s), on vs off: server CPU per request ${percent(cpuCost)}, ` +
          `req/s ${percent(-rpsCost)}, p50 ${percent(p50Cost)}; target < 5%: ${cpuCost < 0.05 && rpsCost < 0.05 ? 'OK' : 'MISSED'}`,
      );
    }
    lines.push(
      `RSS after the runs: on ${(rssOn / 1048576).toFixed(1)} MB, off ${(rssOff / 1048576).toFixed(1)} MB`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    on.child.kill('SIGTERM');
    off.child.kill('SIGTERM');
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(BUILD_DIR, { recursive: true, force: true });
  }
}

await main();
