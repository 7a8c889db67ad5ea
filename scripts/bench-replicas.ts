/**
 * `npm run bench:replicas`: what the shared PostgreSQL store costs and what a second replica buys.
 * Real compiled `netkb serve` processes on loopback against a throw-away PostgreSQL cluster
 * (tests/helpers/postgres.ts) and a SQLite file, the bundled KB (pre-indexed once, each server its own copy),
 * vectors off. Load comes from `wrk` (a separate process) POSTing the eval questions in turn to /v1/chat, each
 * a new conversation (so every answer also writes a turn and a log row). Then, in this process, the conversation
 * turn itself (history read + append) in memory, SQLite and PostgreSQL.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { type ConversationHistory, ConversationStore } from '../src/answer/conversation.js';
import { StoreConversations } from '../src/server/store-conversations.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import { startTestPostgres } from '../tests/helpers/postgres.js';
import { freePort, percentile } from './bench-lib.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-replicas-dist');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 4;

function questions(): string[] {
  const entries = parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{
    question?: unknown;
  }>;
  return entries.map((e) => e.question).filter((q): q is string => typeof q === 'string');
}

interface Server {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Every server started, so a failed run does not leave them listening. */
const started: ChildProcess[] = [];

async function startServer(indexDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(BUILD_DIR, 'cli/main.js'),
      'serve',
      '--kb',
      'kb',
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
  started.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok)
      return {
        url,
        child,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('netkb serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface WrkResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

function parseWrk(output: string): WrkResult {
  const ms = (label: string) => {
    const match = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(output);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return {
    requests,
    reqPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: ms('50'),
    p99: ms('99'),
    errors,
  };
}

async function wrk(url: string, script: string, connections: number): Promise<WrkResult> {
  const { stdout } = await run(
    'wrk',
    ['-t1', `-c${connections}`, `-d${SECONDS}s`, '--latency', '-s', script, url],
    {
      timeout: (SECONDS + 60) * 1000,
    },
  );
  return parseWrk(stdout);
}

async function turnLatency(label: string, conversations: ConversationHistory, turns: number) {
  const times: number[] = [];
  for (let i = 0; i < turns; i++) {
    const id = `bench-${i % 50}`;
    const started = performance.now();
    await conversations.history(id);
    await conversations.append(id, { question: `question ${i}`, docs: ['a.md'] });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Conversational chats one at a time against one replica, timed from request to full answer. */
async function chatLatency(label: string, url: string, chats = 60) {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < chats; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: `geneve 隧道不通 ${i % 7}`,
        conversation_id: `outage-${label.replaceAll(' ', '-')}-${i % 5}`,
      }),
    });
    await response.text();
    if (response.status !== 200) errors++;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    label,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    errors,
  };
}

async function untilDegraded(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${url}/readyz`)).json()) as { store?: string };
    if (String(body.store).startsWith('degraded')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the replica never reported its store degraded');
}

async function main(): Promise<void> {
  const load = os.loadavg()[0]?.toFixed(1);
  process.stderr.write(`bench:replicas: building; load average ${load} on ${os.cpus().length} CPUs\n`);
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
    { cwd: ROOT, stdio: 'pipe' },
  );
  await run('wrk', ['--version']).catch((error: { code?: string }) => {
    if (error.code === 'ENOENT') throw new Error('bench:replicas needs wrk (apt-get install -y wrk)');
  });
  const pg = await startTestPostgres();
  if (!pg) throw new Error('bench:replicas needs PostgreSQL (apt-get install -y postgresql)');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-replicas-'));
  try {
    const baseIndex = path.join(tmp, 'index');
    execFileSync(
      process.execPath,
      [path.join(BUILD_DIR, 'cli/main.js'), 'ingest', '--kb', 'kb', '--index', baseIndex],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NETKB_VECTORS: 'off' } },
    );
    const indexCopy = async (name: string) => {
      const dir = path.join(tmp, name);
      await cp(baseIndex, dir, { recursive: true });
      return dir;
    };
    const script = path.join(tmp, 'chat.lua');
    const bodies = questions().map((q) => JSON.stringify(JSON.stringify({ message: q })));
    await writeFile(
      script,
      `local bodies = {${bodies.join(',\n')}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/v1/chat", {["content-type"] = "application/json"}, bodies[(i % #bodies) + 1])
end
`,
    );
    const rows: Array<[string, WrkResult]> = [];
    const measure = async (label: string, servers: Server[]) => {
      // Warm up (answer caches, connections), then measure; with two replicas, one wrk per replica at once.
      await Promise.all(servers.map((s) => wrk(s.url, script, 2)));
      const per = Math.max(1, CONNECTIONS / servers.length);
      const results = await Promise.all(servers.map((s) => wrk(s.url, script, per)));
      const total = results.reduce((sum, r) => sum + r.requests, 0);
      rows.push([
        label,
        {
          requests: total,
          reqPerSec: results.reduce((sum, r) => sum + r.reqPerSec, 0),
          p50: Math.max(...results.map((r) => r.p50)),
          p99: Math.max(...results.map((r) => r.p99)),
          errors: results.reduce((sum, r) => sum + r.errors, 0),
        },
      ]);
      process.stderr.write(`  ${label}: done\n`);
    };

    const sqlite = await startServer(await indexCopy('i-sqlite'), { NETKB_DB: path.join(tmp, 'netkb.db') });
    await measure('1 replica, SQLite store', [sqlite]);
    await sqlite.stop();
    const one = await startServer(await indexCopy('i-pg-1'), { NETKB_DATABASE_URL: pg.url });
    await measure('1 replica, PostgreSQL store', [one]);
    const two = await startServer(await indexCopy('i-pg-2'), { NETKB_DATABASE_URL: pg.url });
    await measure('2 replicas, PostgreSQL store (one wrk each, at once)', [one, two]);
    // A conversation turn reads and writes the store: how long a chat waits when PostgreSQL is gone.
    const upTurns = await chatLatency('PostgreSQL running', one.url);
    await pg.stop();
    await untilDegraded(one.url);
    const downTurns = await chatLatency('PostgreSQL stopped', one.url);
    await pg.start();
    await Promise.all([one.stop(), two.stop()]);

    const turns = 2000;
    const memory = await turnLatency('in memory (ConversationStore)', new ConversationStore(), turns);
    const sqliteStore = new SqliteStore({ path: path.join(tmp, 'turns.db') });
    const sqliteTurns = await turnLatency('SQLite store', new StoreConversations(sqliteStore), turns);
    await sqliteStore.close();
    const pgStore = await new PostgresStore({ url: pg.url }).open();
    const pgTurns = await turnLatency('PostgreSQL store (loopback)', new StoreConversations(pgStore), turns);
    await pgStore.close();

    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
    console.log(
      `\nbench:replicas — load average ${load} at start, ${os.loadavg()[0]?.toFixed(1)} at the end (${os.cpus().length} CPUs; measured under CPU contention)`,
    );
    console.log(
      `wrk: ${CONNECTIONS} connections in total, ${SECONDS} s per run after a warm-up run, eval questions in turn, each a new conversation\n`,
    );
    console.log('| setup | requests | req/s | p50 ms | p99 ms | errors |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [label, r] of rows)
      console.log(
        `| ${label} | ${r.requests} | ${r.reqPerSec.toFixed(0)} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} |`,
      );
    console.log(
      `\nconversation turn (history read + append), ${turns} turns over 50 conversations, one at a time:\n`,
    );
    console.log('| where | p50 ms | p99 ms |');
    console.log('| --- | --- | --- |');
    for (const r of [memory, sqliteTurns, pgTurns]) console.log(`| ${r.label} | ${f(r.p50)} | ${f(r.p99)} |`);
    console.log(
      '\nconversational chat on one PostgreSQL replica, 60 one at a time (each answer waits for the store at most the conversation timeout):\n',
    );
    console.log('| store | p50 ms | p99 ms | max ms | non-200 |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of [upTurns, downTurns])
      console.log(`| ${r.label} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${r.errors} |`);
  } finally {
    for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
    await pg.destroy();
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
