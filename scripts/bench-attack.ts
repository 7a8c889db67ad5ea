/**
 * The random-word attack over HTTP, for `npm run bench:budget`: `netkb serve` runs as a child process (vectors
 * off, log level warn, answer cache off so every answer is computed: the worst case for the event loop) and this
 * process drives it with three kinds of clients, each
 * from its own loopback address (so the server sees three clients, as it would in a cluster):
 *
 * - the probe (127.0.0.4): GET /healthz every 10 ms, one at a time;
 * - the attacker (127.0.0.2): ATTACK_CONNECTIONS connections, each POSTing 2,000-character random-word
 *   messages back to back;
 * - a normal user (127.0.0.3): the bundled eval questions one at a time, or NORMAL_CONNECTIONS connections
 *   rotating through them for the "question load" phase.
 *
 * Phases of PHASE_SECONDS each: quiet (probe only), question load, attack. Figures: /healthz p50/p99 per phase,
 * normal-question p50/p99 during the attack (and alone, for comparison), attack requests answered.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort, percentile } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ATTACK_CONNECTIONS = 8;
const NORMAL_CONNECTIONS = 16;

export interface AttackFigures {
  phase: string;
  healthz: { n: number; p50: number; p99: number; max: number };
  normal?: { n: number; p50: number; p99: number };
  attack?: { n: number; perSecond: number };
  failed: number;
}

interface Client {
  agent: http.Agent;
  times: number[];
  failed: number;
}

function client(localAddress: string): Client {
  return { agent: new http.Agent({ keepAlive: true, localAddress }), times: [], failed: 0 };
}

function request(
  port: number,
  who: Client,
  method: 'GET' | 'POST',
  route: string,
  body?: string,
): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: route,
        agent: who.agent,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) who.times.push(performance.now() - started);
          else who.failed++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      who.failed++;
      resolve();
    });
    req.end(body);
  });
}

/** Sends `next()` requests one after another until `until` (performance.now() time), pausing `gapMs` between. */
async function loop(until: number, gapMs: number, send: () => Promise<void>): Promise<void> {
  while (performance.now() < until) {
    await send();
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

async function startServer(kb: string, indexDir: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'src/cli/main.ts'),
    'serve',
    '--kb',
    kb,
    '--index',
    indexDir,
  ];
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ...args,
      '--port',
      String(port),
    ].concat(['--host', '127.0.0.1', '--log-level', 'warn', '--answer-cache', 'off']),
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off' },
      // BENCH_SERVER_OUT=FILE keeps the server's stdout (e.g. with BENCH_NODE_FLAGS=--trace-gc).
      stdio: [
        'ignore',
        process.env.BENCH_SERVER_OUT ? openSync(process.env.BENCH_SERVER_OUT, 'w') : 'ignore',
        'inherit',
      ],
    },
  );
  const deadline = Date.now() + 300_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { port, child };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('netkb serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function attackFigures(
  kb: string,
  indexDir: string,
  attackMessages: string[],
  normalQuestions: string[],
): Promise<AttackFigures[]> {
  const { port, child } = await startServer(kb, indexDir);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const figures: AttackFigures[] = [];
  let attackTurn = 0;
  const attackBody = () =>
    JSON.stringify({ message: attackMessages[attackTurn++ % attackMessages.length] ?? 'x' });
  try {
    const phase = async (
      name: string,
      run: { normal?: 'sequential' | 'load'; attack?: boolean },
    ): Promise<void> => {
      const probe = client('127.0.0.4');
      const normal = client('127.0.0.3');
      const attacker = client('127.0.0.2');
      const until = performance.now() + PHASE_SECONDS * 1000;
      const started = performance.now();
      let normalTurn = 0;
      const normalBody = () =>
        JSON.stringify({ message: normalQuestions[normalTurn++ % normalQuestions.length] });
      const loops: Promise<void>[] = [loop(until, 10, () => request(port, probe, 'GET', '/healthz'))];
      if (run.normal === 'sequential') {
        loops.push(loop(until, 0, () => request(port, normal, 'POST', '/v1/chat', normalBody())));
      }
      if (run.normal === 'load') {
        for (let i = 0; i < NORMAL_CONNECTIONS; i++)
          loops.push(loop(until, 0, () => request(port, normal, 'POST', '/v1/chat', normalBody())));
      }
      if (run.attack) {
        for (let i = 0; i < ATTACK_CONNECTIONS; i++)
          loops.push(loop(until, 0, () => request(port, attacker, 'POST', '/v1/chat', attackBody())));
      }
      await Promise.all(loops);
      const seconds = (performance.now() - started) / 1000;
      const health = summary(probe.times);
      figures.push({
        phase: name,
        healthz: health,
        ...(run.normal ? { normal: summary(normal.times) } : {}),
        ...(run.attack
          ? { attack: { n: attacker.times.length, perSecond: attacker.times.length / seconds } }
          : {}),
        failed: probe.failed + normal.failed + attacker.failed,
      });
      for (const c of [probe, normal, attacker]) c.agent.destroy();
    };
    await phase('warm-up', { normal: 'sequential', attack: true });
    figures.length = 0;
    await phase('quiet (probe only)', {});
    await phase('normal questions, 1 client', { normal: 'sequential' });
    await phase(`question load, ${NORMAL_CONNECTIONS} conns`, { normal: 'load' });
    await phase(`attack, ${ATTACK_CONNECTIONS} conns + 1 normal client`, {
      normal: 'sequential',
      attack: true,
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return figures;
}

export function printAttackFigures(figures: AttackFigures[]): void {
  const f = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1)).padStart(8);
  console.log(
    `\nHTTP (netkb serve, ${PHASE_SECONDS}s per phase)           healthz: n    p50      p99      max    normal: n   p50      p99   attack req/s  failed`,
  );
  for (const row of figures) {
    console.log(
      `${row.phase.padEnd(42)} ${String(row.healthz.n).padStart(6)} ${f(row.healthz.p50)} ${f(row.healthz.p99)} ${f(row.healthz.max)}` +
        ` ${String(row.normal?.n ?? '-').padStart(9)} ${f(row.normal?.p50)} ${f(row.normal?.p99)} ${(row.attack ? row.attack.perSecond.toFixed(0) : '-').padStart(8)}  ${row.failed}`,
    );
  }
}
