/**
 * Responsiveness benchmark (`npm run bench:reload`), vectors off: how long /healthz takes while `serve` builds
 * and reloads its index, and how long a reload takes with a chat load running (and how many requests fail).
 *
 * The server runs in this process (the same IndexManager and app as `netkb serve`); a separate probe process
 * polls /healthz every 10 ms and runs CHAT_CLIENTS sequential chat clients, so a blocked event loop shows up as
 * probe latency instead of silencing the probe. Phases, per KB (the bundled kb/ and a temp copy of
 * ../shared/corpora/kube-ovn-docs):
 *   build   first start on an empty index dir (full ingest in the worker, searcher assembled in slices)
 *   reload  one file appended to, reload (incremental ingest + swap) while the chat load runs
 *   load    chat load alone
 * `--legacy` measures the previous design for comparison: ingest and index load on the main thread.
 * `--dist` measures the compiled code in dist/ (run `npm run build` first).
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Searcher } from '../src/retrieve/types.js';
import { type ProbeResult, startProbe } from './bench-lib.js';

// `--dist` runs the compiled code (npm run build first), as `netkb serve` in production does: from source,
// every build worker also compiles TypeScript on start.
const LIB = process.argv.includes('--dist') ? '../dist' : '../src';
const { embeddingConfigFromEnv } = (await import(
  `${LIB}/core/config.js`
)) as typeof import('../src/core/config.js');
const { listKbFiles } = (await import(
  `${LIB}/index/kb-files.js`
)) as typeof import('../src/index/kb-files.js');
const { buildApp } = (await import(`${LIB}/server/app.js`)) as typeof import('../src/server/app.js');
const { loadIndex } = (await import(
  `${LIB}/server/index-loader.js`
)) as typeof import('../src/server/index-loader.js');
const { IndexManager } = (await import(
  `${LIB}/server/index-manager.js`
)) as typeof import('../src/server/index-manager.js');

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SCRIPT), '..');
const CORPORA = path.resolve(process.env.NETKB_CORPORA ?? path.join(REPO, '../shared/corpora'));
const CHAT_CLIENTS = 4;
const LEGACY = process.argv.includes('--legacy');

const QUIET = { info: () => {}, warn: () => {}, error: () => {} };
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function benchKb(label: string, sourceKb: string): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-reload-'));
  const kbDir = path.join(tmp, 'kb');
  const indexDir = path.join(tmp, 'index');
  await cp(sourceKb, kbDir, { recursive: true, filter: (src) => !src.endsWith('PROVENANCE.md') });
  const embedding = embeddingConfigFromEnv({ ...process.env, NETKB_VECTORS: 'off' });
  const manager = new IndexManager({ kbDir, indexDir, embedding, log: QUIET });
  let legacySearcher: Searcher | null = null;
  const current = () => (LEGACY ? legacySearcher : manager.searcher());
  const app = await buildApp({
    searcher: current,
    indexStatus: () => (LEGACY ? undefined : manager.status()),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const docs = (await listKbFiles(kbDir)).length;
  const load = () => loadIndex({ kbDir, indexDir, embedding }).then((loaded) => loaded.searcher);
  try {
    // build: the first start on an empty index dir.
    let probe = startProbe(base, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let started = performance.now();
    if (LEGACY) legacySearcher = await load();
    else await manager.start();
    const buildMs = performance.now() - started;
    const build = await probe.stop();

    // reload: one file edited, reloaded while the chat load runs.
    probe = startProbe(base, CHAT_CLIENTS);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await appendFile(
      path.join(kbDir, (await listKbFiles(kbDir))[0] ?? ''),
      '\nEdited for the reload benchmark.\n',
    );
    started = performance.now();
    if (LEGACY) legacySearcher = await load();
    else {
      const serial = manager.status().serial;
      await manager.reload('manual');
      await waitFor(() => manager.status().serial > serial);
    }
    const reloadMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reload = await probe.stop();

    // load: questions only.
    probe = startProbe(base, CHAT_CLIENTS);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const steady = await probe.stop();

    const line = (name: string, r: ProbeResult) =>
      `  ${name.padEnd(7)} /healthz p50 ${fmt(r.p50)}, p99 ${fmt(r.p99)}, max ${fmt(r.max)} (${r.probes} probes)` +
      (r.chat_ok + r.chat_failed > 0 ? `; chat ok ${r.chat_ok}, failed ${r.chat_failed}` : '');
    process.stdout.write(
      `${label} (${docs} docs, ${LEGACY ? 'legacy: main-thread build' : 'worker build'}, ${LIB.slice(3)}):\n` +
        `  build ${fmt(buildMs)}, reload ${fmt(reloadMs)}\n` +
        `${line('build', build)}\n${line('reload', reload)}\n${line('load', steady)}\n`,
    );
  } finally {
    await manager.close();
    await app.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

await benchKb('bundled kb/', path.join(REPO, 'kb'));
await benchKb('kube-ovn-docs', path.join(CORPORA, 'kube-ovn-docs'));
process.stdout.write('Figures depend on the machine and its load: compare runs on the same machine.\n');
