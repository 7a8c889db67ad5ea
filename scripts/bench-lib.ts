/** Helpers the benchmarks share. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, cp, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

/** A port free on 127.0.0.1 right now (the OS picks it; the probe closes before the server binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The p-th percentile (0–100) of ascending `sorted` values, nearest rank; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The q-th quantile (0–1) of `values`, interpolated between the two nearest ranks; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below] as number;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return low + (high - low) * (at - below);
}

/** A ratio as the change it stands for: 1.031 → `+3.1%`, 0.987 → `-1.3%`. */
export function ratioPercent(ratio: number): string {
  return `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
}

/** Per-round figures of an A/B benchmark: their median and spread (quartiles, extremes). */
export interface Spread {
  median: number;
  /** 25th and 75th percentiles: half the rounds lie between them. */
  q1: number;
  q3: number;
  min: number;
  max: number;
  rounds: number;
}

/**
 * The median and spread of per-round values, e.g. the on/off ratio of CPU per request measured within each round.
 * A ratio taken inside one round cancels the machine's load in that round, which absolute figures do not.
 */
export function spreadOf(values: readonly number[]): Spread {
  return {
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    rounds: values.length,
  };
}

/**
 * Which configuration runs first in each round of an interleaved A/B (or A/B/C…) benchmark: rotated every
 * round, so none always runs on a warmer (or busier) machine. With two: AB, BA, AB, …
 */
export function roundOrder<T>(configs: readonly T[], round: number): T[] {
  if (configs.length === 0) return [];
  const shift = round % configs.length;
  const rotated = [...configs.slice(shift), ...configs.slice(0, shift)];
  return round % 2 === 0 || configs.length < 3 ? rotated : rotated.reverse();
}

/** The probe: plain JS for `node -e`; prints its figures as one JSON line when stdin closes. */
const PROBE = `
const base = process.argv[1]; const clients = Number(process.argv[2]);
const health = []; let ok = 0; let failed = 0; let running = true;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function healthLoop() { while (running) { const t = performance.now();
  try { const r = await fetch(base + '/healthz'); await r.text(); health.push(performance.now() - t); } catch { health.push(performance.now() - t); }
  await sleep(10); } }
const questions = ['pod 跨节点 ping 不通', 'DNS 解析失败怎么排查', 'service clusterip 访问超时', 'geneve 隧道 mtu 问题'];
async function chatLoop(i) { let n = i; while (running && clients > 0) { const r = await fetch(base + '/v1/chat', { method: 'POST',
  headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: questions[n++ % questions.length] + ' ' + n }) }).catch(() => null);
  if (r && (r.status === 200 || r.status === 503)) { await r.text(); if (r.status === 200) ok++; } else { failed++; if (r) await r.text(); } } }
const loops = [healthLoop(), ...Array.from({ length: clients }, (_, i) => chatLoop(i))];
process.stdin.on('data', () => {}); process.stdin.on('end', async () => { running = false; await Promise.all(loops);
  const s = [...health].sort((a, b) => a - b); const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  process.stdout.write(JSON.stringify({ probes: s.length, p50: q(0.5), p99: q(0.99), max: s[s.length - 1] ?? 0, chat_ok: ok, chat_failed: failed }) + '\\n'); });
`;

export interface ProbeResult {
  probes: number;
  p50: number;
  p99: number;
  max: number;
  chat_ok: number;
  chat_failed: number;
}

/**
 * A probe process polling `base`/healthz every 10 ms (and running `clients` sequential chat clients): a blocked
 * event loop in the server shows up as probe latency. `stop()` returns its figures.
 */
export function startProbe(base: string, clients: number): { stop: () => Promise<ProbeResult> } {
  const child: ChildProcess = spawn(process.execPath, ['-e', PROBE, base, String(clients)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (data: Buffer) => {
    out += data.toString();
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(JSON.parse(out) as ProbeResult));
        child.stdin?.end();
      }),
  };
}

/**
 * Watches this process's event loop from inside: a 2 ms timer notes the longest gap between its turns and, on
 * Linux, how much of that gap the main thread spent on a CPU (/proc/self/task/PID/schedstat). On a loaded machine
 * the probe's latency also counts time the process waited for a CPU; the on-CPU figure is what this process's
 * own work held the loop (null where schedstat is not readable).
 */
export function watchEventLoop(): { stop: () => { maxGapMs: number; maxOnCpuMs: number | null } } {
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const onCpuMs = (): number | null => {
    try {
      return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return null;
    }
  };
  let last = performance.now();
  let lastCpu = onCpuMs();
  let maxGapMs = 0;
  let maxOnCpuMs: number | null = lastCpu === null ? null : 0;
  const tick = () => {
    const now = performance.now();
    const cpu = onCpuMs();
    maxGapMs = Math.max(maxGapMs, now - last);
    if (cpu !== null && lastCpu !== null && maxOnCpuMs !== null)
      maxOnCpuMs = Math.max(maxOnCpuMs, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 2);
  return {
    stop: () => {
      tick();
      clearInterval(timer);
      return { maxGapMs, maxOnCpuMs };
    },
  };
}

/** The four corpora in ../shared/corpora (or $NETKB_CORPORA) that the large-KB benchmarks copy. */
export const CORPUS_NAMES = ['kube-ovn-docs', 'ovn-kubernetes-docs', 'flannel-docs', 'calico-docs'];

/**
 * A large KB in `into` (a temp dir, never the repo): the bundled kb/ at the root, then `copies` altered copies of
 * each corpus (a copy-specific note appended to every file).
 */
export async function buildLargeKb(
  repo: string,
  corpora: string,
  into: string,
  copies: number,
): Promise<void> {
  await cp(path.join(repo, 'kb'), into, { recursive: true });
  for (let copy = 0; copy < copies; copy++) {
    for (const name of CORPUS_NAMES) {
      const target = path.join(into, 'imported', `copy-${copy}`, name);
      await cp(path.join(corpora, name), target, {
        recursive: true,
        filter: (file) => path.basename(file) !== 'PROVENANCE.md',
      });
      for (const file of await listMarkdown(target)) {
        await appendFile(
          file,
          `\n\nImported copy ${copy} of ${name}, revision r${copy}-${file.length % 97}.\n`,
        );
      }
    }
  }
}

/** Markdown files under `dir`, recursively. */
export async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listMarkdown(full)));
    else if (/\.mdx?$/.test(entry.name)) out.push(full);
  }
  return out;
}
