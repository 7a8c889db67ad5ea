/**
 * Ingest benchmark (`npm run bench:ingest`), vectors disabled (NETKB_VECTORS=off is forced).
 *
 * 1. kube-ovn-docs: copy the corpus to a temp dir, full ingest into a fresh index, append a line to one file,
 *    incremental re-ingest. Repeated RUNS times; prints medians and pass/fail against the issue-2 targets
 *    (full < 5 s, incremental < 1 s, peak RSS < 300 MB).
 * 2. Robustness: one full ingest of each other corpus, one line each.
 *
 * Every ingest runs in its own child process, like `netkb ingest` does: the peak RSS
 * (process.resourceUsage().maxRSS) is then that ingest's own, and the incremental run starts cold from disk.
 * Times are measured around ingestKb() inside the child (process start-up and tsx compilation excluded;
 * the `wall` figure includes them).
 *
 * Corpora: $NETKB_CORPORA, else ../shared/corpora next to the repo. Each corpus's PROVENANCE.md is metadata,
 * not part of the doc set, and is left out of the copy.
 */
import { execFile } from 'node:child_process';
import { appendFile, chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveEmbedder } from '../src/adapters/embedder-from-config.js';
import { embeddingConfigFromEnv } from '../src/core/config.js';
import { ingestKb } from '../src/index/ingest-kb.js';
import { listKbFiles } from '../src/index/kb-files.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SCRIPT), '..');
const CORPORA = path.resolve(
  process.env.NETKB_CORPORA ?? path.resolve(path.dirname(SCRIPT), '../../shared/corpora'),
);
const MAIN_CORPUS = 'kube-ovn-docs';
const OTHER_CORPORA = ['ovn-kubernetes-docs', 'flannel-docs', 'calico-docs'];
const RUNS = 5;
const TARGETS = { fullMs: 5000, incrementalMs: 1000, rssMb: 300 };

/** What a child ingest reports back (one JSON line on stdout). */
interface ChildResult {
  ms: number;
  rssMb: number;
  docs: number;
  chunks: number;
  commands: number;
  reused: number;
  findings: { error: number; warning: number; info: number };
  vectors: string;
}

async function child(kbDir: string, indexDir: string): Promise<void> {
  const resolution = await resolveEmbedder(embeddingConfigFromEnv());
  const started = performance.now();
  const report = await ingestKb({
    kbDir,
    indexDir,
    embedder: resolution.embedder,
    vectorsDisabledReason: resolution.reason,
  });
  const ms = performance.now() - started;
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
  const result: ChildResult = {
    ms,
    rssMb: process.resourceUsage().maxRSS / 1024,
    docs: report.docs,
    chunks: report.chunks,
    commands: report.commands,
    reused: report.reused_docs,
    findings: { error: count('error'), warning: count('warning'), info: count('info') },
    vectors: report.vectors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs one ingest in a fresh process; returns its result and the wall time including start-up. */
function ingestInChild(kbDir: string, indexDir: string): Promise<ChildResult & { wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', SCRIPT, '--child', kbDir, indexDir],
      { cwd: REPO, env: { ...process.env, NETKB_VECTORS: 'off' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`child ingest of ${kbDir} failed: ${stderr.trim() || error.message}`));
          return;
        }
        const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
        resolve({ ...result, wallMs: performance.now() - started });
      },
    );
  });
}

async function copyCorpus(name: string, into: string): Promise<string> {
  const source = path.join(CORPORA, name);
  const target = path.join(into, name);
  await cp(source, target, {
    recursive: true,
    filter: (file) => path.relative(source, file) !== 'PROVENANCE.md',
  });
  return target;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<number> {
  process.env.NETKB_VECTORS = 'off';
  const work = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-ingest-'));
  try {
    const kbDir = await copyCorpus(MAIN_CORPUS, work);
    const files = await listKbFiles(kbDir);
    const touched = files[Math.floor(files.length / 2)] ?? '';
    console.log(
      `corpus ${path.join(CORPORA, MAIN_CORPUS)}: ${files.length} files; incremental run touches ${touched}`,
    );
    console.log(
      `node ${process.version}, ${os.cpus().length} CPUs, vectors off, ${RUNS} runs, one process per ingest`,
    );

    const rows: Array<{ full: ChildResult & { wallMs: number }; incr: ChildResult & { wallMs: number } }> =
      [];
    for (let run = 1; run <= RUNS; run++) {
      const indexDir = path.join(work, `index-${run}`);
      const full = await ingestInChild(kbDir, indexDir);
      const file = path.join(kbDir, touched);
      await chmod(file, 0o644); // the copy keeps the corpus's read-only mode
      await appendFile(file, `\nbench touch ${run}\n`);
      const incr = await ingestInChild(kbDir, indexDir);
      if (full.reused !== 0 || incr.reused !== full.docs - 1) {
        throw new Error(
          `run ${run}: expected 0 then ${full.docs - 1} reused docs, got ${full.reused} / ${incr.reused}`,
        );
      }
      rows.push({ full, incr });
      console.log(
        `run ${run}: full ${fmt(full.ms)} ms (wall ${fmt(full.wallMs)} ms, RSS ${fmt(full.rssMb)} MB), ` +
          `incremental ${fmt(incr.ms)} ms (wall ${fmt(incr.wallMs)} ms, RSS ${fmt(incr.rssMb)} MB, ` +
          `${incr.reused}/${incr.docs} docs reused)`,
      );
    }
    await rm(path.join(work, MAIN_CORPUS), { recursive: true, force: true });

    const first = rows[0]?.full;
    const fullMs = median(rows.map((r) => r.full.ms));
    const incrMs = median(rows.map((r) => r.incr.ms));
    const rssMb = median(rows.map((r) => Math.max(r.full.rssMb, r.incr.rssMb)));
    const docs = first?.docs ?? 0;
    const chunks = first?.chunks ?? 0;
    console.log(
      `\n${MAIN_CORPUS}: ${docs} docs, ${chunks} chunks, ${first?.commands ?? 0} commands, ` +
        `${first?.findings.error ?? 0} errors / ${first?.findings.warning ?? 0} warnings`,
    );
    console.log(`median of ${RUNS}:`);
    console.log(`  docs/s            ${fmt(docs / (fullMs / 1000))}`);
    console.log(`  chunks/s          ${fmt(chunks / (fullMs / 1000))}`);
    const okFull = fullMs < TARGETS.fullMs;
    const okIncr = incrMs < TARGETS.incrementalMs;
    const okRss = rssMb < TARGETS.rssMb;
    console.log(
      `  full ingest       ${fmt(fullMs)} ms   (target < ${TARGETS.fullMs} ms)   ${verdict(okFull)}`,
    );
    console.log(
      `  incremental       ${fmt(incrMs)} ms   (target < ${TARGETS.incrementalMs} ms)   ${verdict(okIncr)}`,
    );
    console.log(`  peak RSS          ${fmt(rssMb)} MB   (target < ${TARGETS.rssMb} MB)   ${verdict(okRss)}`);
    console.log(
      `  process wall      full ${fmt(median(rows.map((r) => r.full.wallMs)))} ms, ` +
        `incremental ${fmt(median(rows.map((r) => r.incr.wallMs)))} ms (incl. node + tsx start-up)`,
    );

    console.log('\nrobustness (one full ingest each):');
    for (const name of OTHER_CORPORA) {
      const dir = await copyCorpus(name, work);
      const r = await ingestInChild(dir, path.join(work, `index-${name}`));
      console.log(
        `  ${name}: ${r.docs} docs, ${r.chunks} chunks, ${r.commands} commands, ` +
          `${r.findings.error + r.findings.warning + r.findings.info} findings ` +
          `(${r.findings.error} errors, ${r.findings.warning} warnings), ${fmt(r.ms)} ms, RSS ${fmt(r.rssMb)} MB`,
      );
    }

    const ok = okFull && okIncr && okRss;
    console.log(`\n${ok ? 'PASS: all targets met' : 'FAIL: a target was missed'}`);
    return ok ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, kbDir, indexDir] = args;
  if (!kbDir || !indexDir) throw new Error('usage: bench-ingest.ts --child KB_DIR INDEX_DIR');
  await child(kbDir, indexDir);
} else {
  process.exitCode = await main();
}
