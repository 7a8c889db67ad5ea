/**
 * `npm run bench:maintainers`: the figures of the doc-maintainer tools and the query log.
 *
 * 1. `netkb lint` on ../shared/corpora/kube-ovn-docs (in process, median of 3 runs after one warm-up).
 * 2. `netkb coverage` work for the bundled eval set (ingest excluded: explain every question + build the report).
 * 3. Chat p50 and req/s with the query log on vs off, in the same run: two real `netkb serve` processes (compiled
 *    with tsc into .netkb/bench-dist; tsx when the build fails), log on (NETKB_LOG_QUESTIONS=text, a temp
 *    NETKB_DB) and off, driven alternately by autocannon (16 connections, BENCH_SECONDS each, ROUNDS rounds), so
 *    both see the same background load. The answer cache is on: the cheapest answers make the log's share largest.
 * 4. Database size per 100,000 logged answers (real eval questions, batched writes, WAL checkpointed on close).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { buildCoverage } from '../src/eval/coverage.js';
import { parseQuestions } from '../src/eval/questions.js';
import { ingestKb } from '../src/index/ingest-kb.js';
import { readLintInput } from '../src/index/lint-input.js';
import { openSearcher } from '../src/index/open-searcher.js';
import { lintKnowledgeBase } from '../src/lint/lint-kb.js';
import { questionHash } from '../src/store/log-entry.js';
import { SqliteStore } from '../src/store/sqlite-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-dist');
const QUESTIONS_FILE = path.join(ROOT, 'tests/eval/questions.yaml');
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const questions = (parse(readFileSync(QUESTIONS_FILE, 'utf8')) as Array<{ question: string }>).map(
  (q) => q.question,
);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-maint-'));
try {
  console.log(
    `cpus: ${os.cpus().length}, load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  // BENCH_ONLY=lint,coverage,db,chat runs a subset.
  const only = new Set((process.env.BENCH_ONLY ?? 'lint,coverage,db,chat').split(','));
  if (only.has('lint')) await benchLint();
  if (only.has('coverage')) await benchCoverage();
  if (only.has('db')) await benchDbSize();
  if (only.has('chat')) await benchChatLog();
} finally {
  await rm(tmp, { recursive: true, force: true });
}

async function benchLint(): Promise<void> {
  const corpus = path.resolve(ROOT, '../shared/corpora/kube-ovn-docs');
  if (!existsSync(corpus)) {
    console.log(`lint: ${corpus} not found, skipped\n`);
    return;
  }
  const times: number[] = [];
  let findings = 0;
  let docs = 0;
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const result = lintKnowledgeBase(await readLintInput(corpus));
    if (i > 0) times.push(performance.now() - started);
    findings = result.findings.length;
    docs = result.docs;
  }
  console.log(
    `lint kube-ovn-docs: ${docs} docs, ${findings} findings, median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})\n`,
  );
}

async function benchCoverage(): Promise<void> {
  const indexDir = path.join(tmp, 'index');
  await ingestKb({ kbDir: path.join(ROOT, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'bench' });
  const searcher = await openSearcher(indexDir, { embedder: null });
  const set = parseQuestions(QUESTIONS_FILE, readFileSync(QUESTIONS_FILE, 'utf8'));
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const runs = [];
    for (const question of set)
      runs.push({ question, explanation: await searcher.explain(question.question, { topK: 10 }) });
    buildCoverage(searcher.docs, runs);
    if (i > 0) times.push(performance.now() - started);
  }
  console.log(
    `coverage: ${set.length} questions, median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})\n`,
  );
}

async function benchDbSize(): Promise<void> {
  const file = path.join(tmp, 'size.db');
  const store = new SqliteStore({ path: file, writer: 'worker' });
  const started = performance.now();
  const total = 100_000;
  for (let i = 0; i < total; i++) {
    const question = questions[i % questions.length] ?? 'q';
    store.logAnswer({
      answerId: crypto.randomUUID(),
      at: Date.now() - i,
      channel: 'api',
      question,
      questionHash: questionHash(question),
      topDoc: 'kube-ovn/geneve-cross-node.md',
      confidence: 0.87,
      abstained: i % 9 === 0,
      latencyMs: 3.21,
      conversationId: crypto.randomUUID(),
      indexGeneration: 'gen-mabc123-0a1b2c3d',
    });
  }
  await store.close();
  const ms = performance.now() - started;
  const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  console.log(
    `database: ${total.toLocaleString('en')} logged answers (questions as text) = ${(bytes / 1024 / 1024).toFixed(1)} MiB; written in ${ms.toFixed(0)} ms (${Math.round(total / (ms / 1000)).toLocaleString('en')} rows/s incl. queueing)\n`,
  );
}

function netkbCommand(): string[] {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    return [path.join(BUILD_DIR, 'cli/main.js')];
  } catch {
    process.stderr.write('bench: build failed; running the servers through tsx\n');
    return ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')];
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(command: string[], indexDir: string, env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...command,
      'serve',
      '--kb',
      path.join(ROOT, 'kb'),
      '--index',
      indexDir,
      '--port',
      String(port),
      '--log-level',
      'warn',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (
    !(await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('netkb serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cpuMs = async () => {
    // utime + stime of the server process, in clock ticks (USER_HZ = 100 on Linux).
    const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return {
    url,
    cpuMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function load(
  url: string,
): Promise<{ reqPerSec: number; p50: number; failed: number; requests: number }> {
  const bodies = questions.map((message) => JSON.stringify({ message }));
  let turn = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: 16,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/v1/chat',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              request.body = bodies[turn++ % bodies.length] ?? '{"message":"geneve"}';
              return request;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / ((performance.now() - started) / 1000),
    p50: median(latencies),
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function benchChatLog(): Promise<void> {
  const command = netkbCommand();
  const indexOn = path.join(tmp, 'index-on');
  const indexOff = path.join(tmp, 'index-off');
  const db = path.join(tmp, 'chat.db');
  const on = await startServer(command, indexOn, { NETKB_DB: db, NETKB_LOG_QUESTIONS: 'text' });
  const off = await startServer(command, indexOff, {
    NETKB_DB: path.join(tmp, 'unused.db'),
    NETKB_LOG_QUESTIONS: 'off',
  });
  type Run = { reqPerSec: number; p50: number; failed: number; requests: number; cpuMs: number };
  const results: { on: Run[]; off: Run[] } = { on: [], off: [] };
  try {
    await load(on.url); // warm-up both (JIT, caches)
    await load(off.url);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so neither server always runs second.
      const order = round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const which of order) {
        const server = which === 'on' ? on : off;
        const cpuBefore = await server.cpuMs();
        const run = await load(server.url);
        results[which].push({ ...run, cpuMs: (await server.cpuMs()) - cpuBefore });
      }
    }
  } finally {
    await on.stop();
    await off.stop();
  }
  const summary = (label: string, runs: Run[]) => {
    const rps = median(runs.map((r) => r.reqPerSec));
    const p50 = median(runs.map((r) => r.p50));
    console.log(
      `chat, query log ${label}: ${rps.toFixed(0)} req/s, p50 ${p50.toFixed(2)} ms (16 connections, ${ROUNDS}×${SECONDS}s; per round req/s: ${runs.map((r) => r.reqPerSec.toFixed(0)).join(', ')}; failed ${runs.reduce((s, r) => s + r.failed, 0)})`,
    );
    const requests = runs.reduce((sum, r) => sum + r.requests, 0);
    const cpuPerRequest = runs.reduce((sum, r) => sum + r.cpuMs, 0) / requests;
    console.log(
      `  server CPU per request: ${(cpuPerRequest * 1000).toFixed(0)} µs over ${requests} requests`,
    );
    return { rps, cpuPerRequest };
  };
  const { rps: rpsOn, cpuPerRequest: cpuOn } = summary('on ', results.on);
  const { rps: rpsOff, cpuPerRequest: cpuOff } = summary('off', results.off);
  console.log(
    `query log cost by server CPU per request (robust to other load on the machine): ${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)}%`,
  );
  const logged = new SqliteStore({ path: db });
  const rows = (await logged.answers({ since: 0 })).length;
  await logged.close();
  console.log(
    `query log cost by wall-clock throughput: ${(((rpsOff - rpsOn) / rpsOff) * 100).toFixed(1)}%; ${rows} answers logged by the "on" server`,
  );
}
