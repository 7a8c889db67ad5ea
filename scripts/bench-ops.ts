/**
 * `npm run bench:ops`: what metrics + bearer-token auth + rate limiting cost on the chat route. `netkb serve`
 * processes from the same build run side by side on loopback: "off" (NETKB_METRICS=off, no tokens, no rate
 * limit) and "on" (metrics, NETKB_API_TOKENS, NETKB_RATE_LIMIT high enough never to refuse). Each round starts
 * fresh processes (two identical servers can differ by a few percent for their whole life: JIT, memory layout),
 * warms them up (discarded), then loads them interleaved, off/on in one round and on/off in the next, at 1 and 16
 * connections. The overhead is the median of the per-round on/off ratios with their spread (quartiles, extremes):
 * a ratio taken within one round cancels the load the machine had during that round, so a 5 % verdict is not a
 * load swing. The table keeps each configuration's absolute figures (medians of the rounds). Answer cache on (as
 * deployed), vectors off, log level warn.
 *
 *   --rounds N      rounds, each on fresh server processes (BENCH_ROUNDS, default 8)
 *   --seconds S     seconds per configuration and connection count in a round (BENCH_SECONDS, default 4)
 *   --breakdown     also metrics only, auth only and rate limit only: which part costs what
 *   --control       also a second "off" server (A/A): how far two identical servers differ on this machine
 *   --source DIR    serve the build of another checkout (e.g. a baseline commit) with this benchmark
 *   --baseline DIR  also off and on served from another checkout's build, in the same rounds: before and after
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { freePort, percentile, ratioPercent, roundOrder, type Spread, spreadOf } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '8' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '4' },
    breakdown: { type: 'boolean', default: false },
    control: { type: 'boolean', default: false },
    source: { type: 'string', default: ROOT },
    baseline: { type: 'string' },
  },
});
const ROUNDS = Math.max(1, Number(args.rounds));
const SECONDS = Math.max(1, Number(args.seconds));
const SOURCE = path.resolve(args.source);
const BASELINE = args.baseline === undefined ? undefined : path.resolve(args.baseline);
// Inside this checkout whatever the source, so the build resolves this checkout's node_modules.
const BUILD_DIR = path.join(ROOT, '.netkb', `bench-ops-dist-${process.pid}`);
const BASELINE_BUILD_DIR = path.join(ROOT, '.netkb', `bench-ops-baseline-${process.pid}`);
const WARM_UP_SECONDS = Math.max(1, Math.round(SECONDS / 2));
const TOKEN = 'bench-token-0123456789';
const CONNECTIONS = [1, 16];

interface Server {
  url: string;
  child: ChildProcess;
  rss: () => Promise<number>;
  /** CPU time (user + system) the server process has used, in ms: less sensitive to a busy machine than latency. */
  cpuMs: () => Promise<number>;
}

interface Config {
  name: string;
  label: string;
  env: Record<string, string>;
  headers: Record<string, string>;
  /** The build it serves (default: BUILD_DIR, of --source). */
  build?: string;
}

const AUTH = { authorization: `Bearer ${TOKEN}` };
const OFF: Config = {
  name: 'off',
  label: 'metrics off, no auth, no rate limit',
  env: { NETKB_METRICS: 'off' },
  headers: {},
};
const ON: Config = {
  name: 'on',
  label: 'metrics + bearer auth + rate limit (on)',
  env: {
    NETKB_METRICS: 'on',
    NETKB_API_TOKENS: `other-token,${TOKEN}`,
    NETKB_RATE_LIMIT: '100000000/minute',
  },
  headers: AUTH,
};
const CONTROL: Config = { ...OFF, name: 'off-2', label: 'off again (a second process: A/A control)' };
const PARTS: Config[] = [
  { name: 'metrics', label: 'metrics only', env: { NETKB_METRICS: 'on' }, headers: {} },
  {
    name: 'auth',
    label: 'bearer auth only',
    env: { NETKB_METRICS: 'off', NETKB_API_TOKENS: `other-token,${TOKEN}` },
    headers: AUTH,
  },
  {
    name: 'rate-limit',
    label: 'rate limit only',
    env: { NETKB_METRICS: 'off', NETKB_RATE_LIMIT: '100000000/minute' },
    headers: {},
  },
];

const TICKS_PER_SECOND = 100;

function questions(): string[] {
  const file = path.join(ROOT, 'tests/eval/questions.yaml');
  if (!existsSync(file)) return ['geneve 隧道不通', 'coredns 解析失败'];
  const entries = parse(readFileSync(file, 'utf8')) as Array<{ question?: unknown }>;
  return entries.map((e) => e.question).filter((q): q is string => typeof q === 'string');
}

async function start(indexDir: string, env: Record<string, string>, build = BUILD_DIR): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const real = spawn(
    process.execPath,
    [
      path.join(build, 'cli/main.js'),
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

/** SIGTERM, then wait for the process to exit (at most 10 s), so the next round does not share the CPU with it. */
async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
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
  /** Seconds, or a number of requests. */
  length: { seconds: number } | { amount: number },
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
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
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
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const cpuMs = (await server.cpuMs()) - cpuBefore;
  return {
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
    reqPerSec: result.requests.total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values: number[]) => spreadOf(values).median;
/** `+3.1% (IQR +2.0…+4.2%, range +0.5…+6.0%)` */
const spreadText = (spread: Spread) =>
  `${ratioPercent(spread.median)} (IQR ${ratioPercent(spread.q1)}…${ratioPercent(spread.q3)}, range ${ratioPercent(spread.min)}…${ratioPercent(spread.max)})`;

function commitOf(source: string): string {
  try {
    return execFileSync('git', ['-C', source, 'log', '-1', '--format=%h'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not a git checkout';
  }
}

function build(source: string, outDir: string): void {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(source, 'tsconfig.json'),
      '--outDir',
      outDir,
    ],
    { cwd: source, stdio: 'inherit' },
  );
}

async function main(): Promise<void> {
  build(SOURCE, BUILD_DIR);
  if (BASELINE) build(BASELINE, BASELINE_BUILD_DIR);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-ops-'));
  const loadAtStart = os.loadavg();
  const bodies = questions().map((message) => JSON.stringify({ message }));
  const baseline: Config[] = BASELINE
    ? [
        { ...OFF, name: 'off@baseline', label: 'baseline: off', build: BASELINE_BUILD_DIR },
        { ...ON, name: 'on@baseline', label: 'baseline: on', build: BASELINE_BUILD_DIR },
      ]
    : [];
  const configs = [
    OFF,
    ON,
    ...baseline,
    ...(args.control ? [CONTROL] : []),
    ...(args.breakdown ? PARTS : []),
  ];
  const servers = new Map<string, Server>();
  const serverOf = (config: Config) => servers.get(config.name) as Server;
  try {
    /** Per connection count, per round, per configuration. */
    const rounds = new Map<number, Array<Map<string, Run>>>(CONNECTIONS.map((c) => [c, []]));
    const rss = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh processes every round: two identical servers can differ by a few percent for the life of the process
      // (JIT and memory layout), which one pair of processes would report as overhead. Each configuration keeps its
      // index directory, so only the first round builds one.
      const started = await Promise.all(
        configs.map((config) => start(path.join(tmp, `index-${config.name}`), config.env, config.build)),
      );
      for (const [i, config] of configs.entries()) servers.set(config.name, started[i] as Server);
      // Warm-up, discarded: every question twice (the answer cache, as a long-running server has it), then
      // WARM_UP_SECONDS of load (JIT).
      for (const config of roundOrder(configs, round)) {
        await load(serverOf(config), 4, config.headers, bodies, { amount: bodies.length * 2 });
        await load(serverOf(config), 1, config.headers, bodies, { seconds: WARM_UP_SECONDS });
      }
      for (const connections of CONNECTIONS) {
        const runs = new Map<string, Run>();
        for (const config of roundOrder(configs, round))
          runs.set(
            config.name,
            await load(serverOf(config), connections, config.headers, bodies, { seconds: SECONDS }),
          );
        rounds.get(connections)?.push(runs);
      }
      if (round === ROUNDS - 1)
        for (const config of configs) rss.set(config.name, await serverOf(config).rss());
      await Promise.all([...servers.values()].map(stop));
      servers.clear();
    }
    const loadText = (load: number[]) => load.map((l) => l.toFixed(2)).join(' ');
    const lines = [
      `netkb ops overhead: kb/ (${bodies.length} rotating questions), node ${process.version}, ${os.cpus().length} CPUs, ` +
        `server build of ${SOURCE === ROOT ? 'this checkout' : SOURCE} (${commitOf(SOURCE)})` +
        (BASELINE ? `, baseline build of ${BASELINE} (${commitOf(BASELINE)})` : ''),
      `${ROUNDS} rounds, each on freshly started servers: a warm-up (discarded: every question twice, then ${WARM_UP_SECONDS}s), then ${SECONDS}s per ` +
        'configuration and connection count, the order alternating each round',
      `load average at start ${loadText(loadAtStart)}, at end ${loadText(os.loadavg())} ` +
        '(the machine may be shared: the overhead is the median of per-round ratios, each measured within one round)',
      `${'config (medians of the rounds)'.padEnd(44)}${'conns'.padStart(6)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}` +
        `${'p99 ms'.padStart(9)}${'CPU µs/req'.padStart(12)}${'failed'.padStart(8)}`,
    ];
    for (const connections of CONNECTIONS) {
      const done = rounds.get(connections) ?? [];
      const runsOf = (config: Config) => done.map((round) => round.get(config.name) as Run);
      for (const config of configs) {
        const runs = runsOf(config);
        lines.push(
          `${config.label.padEnd(44)}${String(connections).padStart(6)}` +
            `${String(Math.round(median(runs.map((r) => r.reqPerSec)))).padStart(9)}` +
            `${median(runs.map((r) => r.p50))
              .toFixed(3)
              .padStart(9)}${median(runs.map((r) => r.p99))
              .toFixed(2)
              .padStart(9)}` +
            `${median(runs.map((r) => r.cpuUsPerRequest))
              .toFixed(1)
              .padStart(12)}` +
            `${String(runs.reduce((sum, r) => sum + r.failed, 0)).padStart(8)}`,
        );
      }
      // Each configuration against the "off" of its own build, measured in the same round; the baseline's "on"
      // also against this build's "on" (what the change did to the configured server).
      const comparisons: Array<[Config, Config]> = configs
        .filter((config) => config.name !== OFF.name && config.name !== 'off@baseline')
        .map((config) => [config, config.build === BASELINE_BUILD_DIR ? (baseline[0] as Config) : OFF]);
      if (baseline.length > 0) comparisons.push([ON, baseline[1] as Config]);
      for (const [config, reference] of comparisons) {
        const base = runsOf(reference);
        const ratios = (figure: (run: Run) => number) =>
          spreadOf(runsOf(config).map((run, i) => figure(run) / figure(base[i] as Run)));
        const cpu = ratios((r) => r.cpuUsPerRequest);
        const rps = ratios((r) => r.reqPerSec);
        const p50 = ratios((r) => r.p50);
        lines.push(
          `  ${config.name} vs ${reference.name} at ${connections} connection(s), median of ${cpu.rounds} per-round ratios:`,
          `    server CPU per request ${spreadText(cpu)}`,
          `    req/s                  ${spreadText(rps)}`,
          `    p50                    ${spreadText(p50)}`,
        );
        const summary =
          config === ON && reference === OFF
            ? 'overhead'
            : config.name === 'on@baseline'
              ? 'baseline overhead'
              : undefined;
        if (summary === undefined) continue;
        const missed = cpu.median >= 1.05 || rps.median <= 0.95 || p50.median >= 1.05;
        // Within the target but a quartile beyond it: the verdict could flip from run to run.
        const borderline = cpu.q3 >= 1.05 || rps.q1 <= 0.95 || p50.q3 >= 1.05;
        lines.push(
          `  ${summary} at ${connections} connection(s), on vs off: server CPU per request ${ratioPercent(cpu.median)}, ` +
            `req/s ${ratioPercent(rps.median)}, p50 ${ratioPercent(p50.median)}; target < 5%: ` +
            `${missed ? 'MISSED' : borderline ? 'OK (borderline: a quartile reaches 5%)' : 'OK'}`,
        );
      }
    }
    lines.push(
      `RSS after the runs: ${configs.map((c) => `${c.name} ${((rss.get(c.name) ?? 0) / 1048576).toFixed(1)} MB`).join(', ')}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await Promise.all([...servers.values()].map(stop));
    await rm(tmp, { recursive: true, force: true });
    await rm(BUILD_DIR, { recursive: true, force: true });
    await rm(BASELINE_BUILD_DIR, { recursive: true, force: true });
  }
}

await main();
