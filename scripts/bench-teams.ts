/**
 * `npm run bench:teams`: request → response latency of the Teams outgoing webhook against the real `netkb serve`
 * process on loopback, over the eval questions (tests/eval/questions.yaml).
 *
 * The server is netkb compiled with the project's tsc (tsx if the build fails, and the report says so), started
 * with `NETKB_TEAMS_SECRET` and `NETKB_PUBLIC_URL` set, vectors off, logging at warn. Each question is sent as a
 * signed Bot Framework activity (`<at>netkb</at> …` in HTML, as Teams sends it) in its own reply chain; the
 * latency is from just before `fetch` (body already signed) to the whole reply read. Passes:
 *   1. cold: every question once, one at a time, on a fresh server (retrieval, composition, card rendering);
 *   2. warm: the same again (first-turn answers come from the answer cache; the card is rendered every time);
 *   3. concurrent: 8 requests in flight, every question 3 times.
 * It also checks each reply: HTTP 200, an Adaptive Card within Teams' size, and whether the card's "view runbook"
 * doc is one the eval set expects (abstentions counted separately). Bounded: 158 questions × 5 passes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TEAMS_MAX_REPLY_BYTES, type TeamsMessage } from '../src/integrations/teams/adaptive-card.js';
import { teamsAuthorization } from '../src/integrations/teams/signature.js';
import { freePort, percentile } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-teams-dist');
const PUBLIC_URL = 'https://netkb.bench.invalid';
const CONCURRENCY = 8;
const CONCURRENT_ROUNDS = 3;

interface EvalQuestion {
  question: string;
  docs: string[];
  abstain: boolean;
}

function evalQuestions(): EvalQuestion[] {
  const entries = parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{
    question: string;
    docs?: string[];
    abstain?: boolean;
  }>;
  return entries.map((e) => ({ question: e.question, docs: e.docs ?? [], abstain: e.abstain === true }));
}

function netkbCommand(): { argv: string[]; how: string } {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
      { cwd: ROOT, stdio: 'pipe' },
    );
    return { argv: [path.join(BUILD_DIR, 'cli/main.js')], how: 'compiled (tsc)' };
  } catch {
    process.stderr.write('bench: build failed; running the server through tsx instead\n');
    return { argv: ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')], how: 'tsx (build failed)' };
  }
}

async function startServer(
  command: string[],
  indexDir: string,
  token: string,
): Promise<{ url: string; ready: { docs: number; teams: string }; stop: () => Promise<number | null> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...command, 'serve', '--kb', path.join(ROOT, 'kb'), '--index', indexDir, '--port', String(port)].concat([
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ]),
    {
      cwd: ROOT,
      env: { ...process.env, NETKB_VECTORS: 'off', NETKB_TEAMS_SECRET: token, NETKB_PUBLIC_URL: PUBLIC_URL },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`)
      .then(async (r) => (r.ok ? ((await r.json()) as { docs: number; teams: string }) : null))
      .catch(() => null);
    if (ready) {
      return {
        url,
        ready,
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

interface Sample {
  ms: number;
  status: number;
  bytes: number;
  topDoc: string | null;
  card: boolean;
}

let chain = 0;

function signedActivity(question: string, key: Buffer): { body: string; authorization: string } {
  chain++;
  const body = JSON.stringify({
    type: 'message',
    id: `bench-${chain}`,
    channelId: 'msteams',
    from: { id: '29:bench', name: 'bench' },
    conversation: { id: `19:bench@thread.tacv2;messageid=bench-${chain}`, conversationType: 'channel' },
    textFormat: 'plain',
    text: `<p><at>netkb</at>&nbsp;${question.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
  });
  return { body, authorization: teamsAuthorization(key, body) };
}

async function ask(url: string, key: Buffer, question: string): Promise<Sample> {
  const { body, authorization } = signedActivity(question, key);
  const started = performance.now();
  const response = await fetch(`${url}/teams/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', authorization },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let topDoc: string | null = null;
  let card = false;
  try {
    const message = JSON.parse(text) as TeamsMessage;
    card = message.attachments?.[0]?.content?.type === 'AdaptiveCard';
    const view = message.attachments?.[0]?.content?.actions?.find(
      (a) => a.title === 'View runbook' || a.title === '查看文档',
    );
    topDoc = view
      ? decodeURIComponent(view.url.slice(`${PUBLIC_URL}/docs/`.length).split('#')[0] ?? '')
      : null;
  } catch {
    card = false;
  }
  return { ms, status: response.status, bytes: Buffer.byteLength(text), topDoc, card };
}

async function pass(
  url: string,
  key: Buffer,
  questions: EvalQuestion[],
  concurrency: number,
): Promise<Sample[]> {
  const samples: Sample[] = new Array(questions.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      const q = questions[index];
      if (!q) return;
      samples[index] = await ask(url, key, q.question);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples;
}

function row(label: string, samples: Sample[]): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => s.status !== 200 || !s.card || s.bytes > TEAMS_MAX_REPLY_BYTES).length;
  const pad = (v: string | number, w: number) => String(v).padStart(w);
  return (
    `${label.padEnd(28)}${pad(samples.length, 9)}${pad(percentile(ms, 50).toFixed(2), 9)}` +
    `${pad(percentile(ms, 99).toFixed(2), 9)}${pad((ms.at(-1) ?? Number.NaN).toFixed(2), 9)}${pad(failed, 8)}`
  );
}

async function bench(): Promise<void> {
  const questions = evalQuestions();
  const token = randomBytes(32).toString('base64');
  const key = Buffer.from(token, 'base64');
  const { argv, how } = netkbCommand();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-teams-'));
  try {
    const server = await startServer(argv, path.join(tmp, 'index'), token);
    if (server.ready.teams !== 'on') throw new Error(`/readyz says teams is ${server.ready.teams}`);
    // A handful of requests (not the eval questions) so the first timed request does not pay for JIT warm-up.
    for (const warmUp of ['warm up one', 'warm up two', 'warm up three']) await ask(server.url, key, warmUp);
    const cold = await pass(server.url, key, questions, 1);
    const warm = await pass(server.url, key, questions, 1);
    const repeated = Array.from({ length: CONCURRENT_ROUNDS }, () => questions).flat();
    const concurrent = await pass(server.url, key, repeated, CONCURRENCY);
    const shutdown = await server.stop();

    const answered = questions.filter((q) => !q.abstain);
    const right = answered.filter((q) => {
      const doc = cold[questions.indexOf(q)]?.topDoc;
      return doc !== null && doc !== undefined && q.docs.includes(doc);
    }).length;
    const abstainedOk = questions.filter((q, i) => q.abstain && cold[i]?.topDoc === null).length;
    const sizes = cold.map((s) => s.bytes).sort((a, b) => a - b);
    const pad = (v: string, w: number) => v.padStart(w);
    const lines = [
      `netkb Teams bench: kb (${server.ready.docs} docs), vectors off, ${questions.length} eval questions`,
      `netkb serve ${how}, node ${process.version}, ${os.cpus().length} CPUs, 127.0.0.1, POST /teams/messages (signed)`,
      '',
      `${'pass'.padEnd(28)}${pad('requests', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('failed', 8)}`,
      row('cold, 1 at a time', cold),
      row('warm (answer cache), 1', warm),
      row(`warm, ${CONCURRENCY} in flight`, concurrent),
      '',
      `reply size: p50 ${percentile(sizes, 50)} B, max ${sizes.at(-1)} B (limit ${TEAMS_MAX_REPLY_BYTES} B)`,
      `card's "view runbook" doc is an expected doc: ${right}/${answered.length}; ` +
        `out-of-scope questions answered with a non-answer card: ${abstainedOk}/${questions.length - answered.length}`,
      `within Teams' 5 s: ${[...cold, ...warm, ...concurrent].every((s) => s.ms < 5000) ? 'yes' : 'NO'}; ` +
        `graceful shutdown exit code ${shutdown}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const failed = [...cold, ...warm, ...concurrent].some(
      (s) => s.status !== 200 || !s.card || s.bytes > TEAMS_MAX_REPLY_BYTES || s.ms >= 5000,
    );
    process.exitCode = failed || shutdown !== 0 ? 1 : 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(BUILD_DIR, { recursive: true, force: true });
  }
}

await bench();
