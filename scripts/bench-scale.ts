/**
 * Scale benchmark (`npm run bench:scale`, also part of `npm run bench`): the bundled kb/ alone, then the bundled
 * kb/ plus COPIES altered copies of the four corpora in ../shared/corpora (8 copies: about 5,000 docs; built in a
 * temp dir, never committed). Vectors off. For each KB, every step runs in its own process:
 *
 * - full ingest: time and peak RSS;
 * - ready from an existing index with the KB unchanged (what `serve` does at start: bring the index up to date,
 *   then open it): time, whether anything was written, RSS at ready; then CHATS uncached chats (in-process
 *   answerChat, no answer cache, the eval questions in turn): p50 / p95 and RSS after;
 * - `serve` ready from that index with the KB unchanged (the IndexManager and HTTP app of `netkb serve`: build
 *   worker, searcher assembled on the main thread), RSS at ready, and /healthz latency polled every 10 ms by a
 *   separate probe process during that start and during a reload after one edited file, with the server's longest
 *   on-CPU stretch between event-loop turns (Linux: what its own work held the loop, without the time a loaded
 *   machine kept it waiting for a CPU);
 * - incremental ingest after one edited file;
 * - retrieval quality of the bundled eval set (tests/eval/questions.yaml) on that KB; also on kb/ + one copy of
 *   the corpora, so abstention can be compared across KB sizes with the same docs.
 *
 * Optionally (`--heap-copies N`, slow): a full ingest of kb/ + N copies (29: about 18,000 docs) under a 1 GB heap
 * (`--max-old-space-size=1024`), with its time and peak RSS.
 *
 * `--only incremental`: only the full ingest and then ROUNDS incremental ingests after one edited file each
 * (`--rounds N`, default 5), per KB: their median and each round's phases (for iterating on the incremental path).
 *
 * Usage: npm run bench:scale [-- --copies N --chats N --heap-copies N --only incremental --rounds N].
 * Corpora: $NETKB_CORPORA, else ../shared/corpora.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveEmbedder } from '../src/adapters/embedder-from-config.js';
import { answerChat } from '../src/answer/chat.js';
import { ConversationStore } from '../src/answer/conversation.js';
import { embeddingConfigFromEnv } from '../src/core/config.js';
import { parseQuestions } from '../src/eval/questions.js';
import { runEval } from '../src/eval/run-eval.js';
import { RACY_MS } from '../src/index/file-stat.js';
import { updateIndex } from '../src/index/ingest-kb.js';
import { openSearcher } from '../src/index/open-searcher.js';
import { currentGeneration } from '../src/index/store.js';
import { buildApp } from '../src/server/app.js';
import { IndexManager } from '../src/server/index-manager.js';
import { buildLargeKb, listMarkdown, startProbe, watchEventLoop } from './bench-lib.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SCRIPT), '..');
const CORPORA = path.resolve(process.env.NETKB_CORPORA ?? path.join(REPO, '../shared/corpora'));
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const COPIES = flag('copies', 8);
const CHATS = flag('chats', 2000);
/** RSS is also read after this many chats (when more are run): growth after it is more than warm-up. */
const WARM_UP_CHATS = 2000;
/** `--heap-copies N`: also a full ingest of kb/ + N copies (29: about 18,000 docs) within a 1 GB heap. Slow. */
const HEAP_COPIES = flag('heap-copies', 0);
const HEAP_LIMIT_MB = 1024;
/** `--only incremental`: only the incremental ingest (after a full one), ROUNDS times. */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const ROUNDS = flag('rounds', 5);
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function questions(): Promise<string[]> {
  const file = path.join(REPO, 'tests/eval/questions.yaml');
  return parseQuestions(file, await readFile(file, 'utf8')).map((q) => q.question);
}

/** Vectors off as `netkb` resolves them from the environment (the manifest records the reason). */
const VECTORS_OFF = embeddingConfigFromEnv({ ...process.env, NETKB_VECTORS: 'off' });

/** Child: one step, one JSON line on stdout. */
async function child(step: string, kbDir: string, indexDir: string): Promise<void> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  // The same vectors status as `netkb ingest` and `serve` record, so a start after an ingest finds nothing changed.
  const { reason: vectorsDisabledReason } = await resolveEmbedder(VECTORS_OFF);
  if (step === 'ingest') {
    const phases: Record<string, number> = {};
    const { report, written, read, parsed } = await updateIndex({
      kbDir,
      indexDir,
      embedder: null,
      vectorsDisabledReason,
      onPhase: (name, ms) => {
        phases[name] = Math.round(ms);
        if (process.env.NETKB_BENCH_PHASES)
          console.error(`${name}: ${Math.round(ms)} ms, RSS ${rssMb().toFixed(0)} MB`);
      },
    });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuAtStart); // this step's, not the modules' loading
    console.log(
      JSON.stringify({
        ms,
        rssMb: peakRssMb(),
        docs: report.docs,
        chunks: report.chunks,
        written,
        read,
        parsed: parsed.length,
        phases,
        cpuS: (cpu.user + cpu.system) / 1e6,
      }),
    );
    return;
  }
  if (step === 'ready') {
    const { written, live } = await updateIndex({ kbDir, indexDir, embedder: null, vectorsDisabledReason });
    const searcher = await openSearcher(indexDir, { embedder: null, ...(live ? { preloaded: live } : {}) });
    const readyMs = performance.now() - started;
    global.gc?.();
    const readyRss = rssMb();
    const list = await questions();
    const conversations = new ConversationStore();
    const times: number[] = [];
    let warmRss: number | null = null;
    for (let i = 0; i < CHATS; i++) {
      if (i === WARM_UP_CHATS) {
        global.gc?.();
        warmRss = rssMb();
      }
      const t0 = performance.now();
      await answerChat({ searcher, conversations }, { message: list[i % list.length] ?? 'pod 不通' });
      times.push(performance.now() - t0);
    }
    global.gc?.();
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    console.log(
      JSON.stringify({
        readyMs,
        written,
        readyRss,
        warmRss,
        afterRss: rssMb(),
        peakRss: peakRssMb(),
        p50: at(0.5),
        p95: at(0.95),
        docs: searcher.docs.length,
        chunks: searcher.chunkCount,
      }),
    );
    return;
  }
  if (step === 'serve') {
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const manager = new IndexManager({ kbDir, indexDir, embedding: VECTORS_OFF, log: quiet });
    const app = await buildApp({ searcher: () => manager.searcher(), indexStatus: () => manager.status() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const before = await currentGeneration(indexDir);
    let probe = startProbe(base, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let loop = watchEventLoop();
    let t0 = performance.now();
    await manager.start();
    const readyMs = performance.now() - t0;
    const startLoop = loop.stop();
    const start = await probe.stop();
    global.gc?.();
    const readyRss = rssMb();
    const written = (await currentGeneration(indexDir)) !== before;
    const edited = await firstDoc(kbDir);
    await appendFile(edited, '\nEdited for the serve benchmark.\n');
    probe = startProbe(base, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    loop = watchEventLoop();
    t0 = performance.now();
    await manager.reload('manual');
    const reloadMs = performance.now() - t0;
    const reloadLoop = loop.stop();
    const reload = await probe.stop();
    await manager.close();
    await app.close();
    console.log(
      JSON.stringify({
        readyMs,
        readyRss,
        written,
        startP50: start.p50,
        startP99: start.p99,
        startMax: start.max,
        startBlockOnCpu: startLoop.maxOnCpuMs,
        reloadMs,
        reloadP50: reload.p50,
        reloadP99: reload.p99,
        reloadMax: reload.max,
        reloadBlockOnCpu: reloadLoop.maxOnCpuMs,
      }),
    );
    return;
  }
  if (step === 'eval') {
    const searcher = await openSearcher(indexDir, { embedder: null });
    const file = path.join(REPO, 'tests/eval/questions.yaml');
    const report = await runEval(searcher, parseQuestions(file, await readFile(file, 'utf8')));
    console.log(JSON.stringify(report.modes.fused));
  }
}

function inChild(
  step: string,
  kbDir: string,
  indexDir: string,
  nodeFlags: string[] = [],
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        ...nodeFlags,
        '--expose-gc',
        '--import',
        'tsx',
        SCRIPT,
        '--child',
        step,
        kbDir,
        indexDir,
        '--chats',
        String(CHATS),
      ],
      { cwd: REPO, env: { ...process.env, NETKB_VECTORS: 'off' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${step} on ${kbDir} failed: ${stderr.trim() || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
      },
    );
  });
}

/** The first KB doc in path order: not the KB root's README.md, which is not ingested (editing it changes nothing). */
async function firstDoc(kbDir: string): Promise<string> {
  const docs = (await listMarkdown(kbDir)).filter((file) => file !== path.join(kbDir, 'README.md'));
  return docs.sort()[0] ?? '';
}

const f0 = (value: unknown) => Number(value).toFixed(0);
/** `files 1200 ms · lexical 300 ms · …` (`previous` overlaps `files`: it is read while the files are). */
const phaseList = (phases: unknown) =>
  Object.entries((phases ?? {}) as Record<string, number>)
    .map(([name, ms]) => `${name} ${ms} ms`)
    .join(' · ');
const f2 = (value: unknown) => Number(value).toFixed(2);
/** The main thread's longest on-CPU stretch between event-loop turns (Linux only). */
const onCpu = (value: unknown) => (value === null || value === undefined ? 'n/a' : `${f0(value)} ms`);

async function measure(label: string, kbDir: string, work: string): Promise<string[]> {
  const indexDir = path.join(work, `index-${label}`);
  const full = await inChild('ingest', kbDir, indexDir);
  const ready = await inChild('ready', kbDir, indexDir);
  const serve = await inChild('serve', kbDir, indexDir);
  const edited = await firstDoc(kbDir);
  await appendFile(edited, '\nOne edited line.\n');
  const incremental = await inChild('ingest', kbDir, indexDir);
  const quality = await inChild('eval', kbDir, indexDir);
  return [
    `| ${label} (${full.docs} docs, ${full.chunks} chunks) | ${f2(Number(full.ms) / 1000)} s (peak ${f0(full.rssMb)} MB) | ` +
      `${f2(Number(ready.readyMs) / 1000)} s, wrote ${ready.written ? 'a generation' : 'nothing'} | ` +
      `${f0(ready.readyRss)} → ${ready.warmRss === null ? '' : `${f0(ready.warmRss)} (after ${WARM_UP_CHATS} chats) → `}` +
      `${f0(ready.afterRss)} MB (peak ${f0(ready.peakRss)}) | ${f2(ready.p50)} / ${f2(ready.p95)} ms | ` +
      `${f0(incremental.ms)} ms, wrote ${incremental.written ? 'a generation' : 'nothing'} |`,
    `| ${label}: \`serve\` | ready ${f2(Number(serve.readyMs) / 1000)} s, wrote ${serve.written ? 'a generation' : 'nothing'}, ` +
      `RSS ${f0(serve.readyRss)} MB | /healthz p50 / p99 ${f0(serve.startP50)} / ${f0(serve.startP99)} ms (max ${f0(serve.startMax)}; ` +
      `longest on-CPU block ${onCpu(serve.startBlockOnCpu)}) during start | ` +
      `reload ${f2(Number(serve.reloadMs) / 1000)} s, /healthz p50 / p99 ${f0(serve.reloadP50)} / ${f0(serve.reloadP99)} ms (max ${f0(serve.reloadMax)}; ` +
      `longest on-CPU block ${onCpu(serve.reloadBlockOnCpu)}) | | |`,
    `| ${label}: phases | full ingest ${phaseList(full.phases)}, CPU ${f0(full.cpuS)} s | ` +
      `incremental ${phaseList(incremental.phases)} (${incremental.read} files read, ${incremental.parsed} parsed), ` +
      `CPU ${f2(incremental.cpuS)} s | | | |`,
    qualityRow(label, quality),
  ];
}

const qualityRow = (label: string, quality: Record<string, unknown>) =>
  `| ${label}: bundled eval set | hit@1 ${quality.hit_at_1} · hit@3 ${quality.hit_at_3} · MRR ${quality.mrr} · ` +
  `abstention P ${quality.abstain_precision} / R ${quality.abstain_recall} | | | | |`;

/** Retrieval quality alone (a full ingest, then the bundled eval set): how abstention moves as the KB grows. */
async function measureQuality(label: string, kbDir: string, work: string): Promise<string> {
  const indexDir = path.join(work, `index-${label}`);
  const full = await inChild('ingest', kbDir, indexDir);
  return qualityRow(`${label} (${full.docs} docs)`, await inChild('eval', kbDir, indexDir));
}

/** `--only incremental`: a full ingest, then ROUNDS incremental ingests after one edited file each. */
async function measureIncremental(label: string, kbDir: string, work: string): Promise<string[]> {
  const indexDir = path.join(work, `index-${label}`);
  const full = await inChild('ingest', kbDir, indexDir);
  // Files changed within RACY_MS of an ingest are read again by the next one: wait that out once, as a start would.
  await new Promise((resolve) => setTimeout(resolve, RACY_MS));
  const edited = await firstDoc(kbDir);
  const rounds: Array<Record<string, unknown>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    await appendFile(edited, `\nOne edited line, round ${round}.\n`);
    rounds.push(await inChild('ingest', kbDir, indexDir));
  }
  const times = rounds.map((round) => Number(round.ms)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return [
    `${label} (${full.docs} docs): incremental ingest after one edited file, median ${f0(median)} ms of ${ROUNDS} ` +
      `(${times.map(f0).join(', ')} ms); load ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    ...rounds.map(
      (round) =>
        `  ${f0(round.ms)} ms, wrote ${round.written ? 'a generation' : 'nothing'}, CPU ${f2(round.cpuS)} s: ` +
        `${phaseList(round.phases)} (${round.read} files read, ${round.parsed} parsed)`,
    ),
  ];
}

async function main(): Promise<void> {
  if (ONLY !== null && ONLY !== 'incremental')
    throw new Error(`--only ${ONLY}: only \`--only incremental\` is known`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-scale-'));
  try {
    const bundled = path.join(work, 'kb-bundled');
    await cp(path.join(REPO, 'kb'), bundled, { recursive: true });
    const large = path.join(work, 'kb-large');
    await mkdir(large);
    await buildLargeKb(REPO, CORPORA, large, COPIES);
    await writeFile(path.join(work, 'README'), 'netkb scale bench scratch dir\n');
    if (ONLY === 'incremental') {
      console.log(`node ${process.version}, ${os.cpus().length} CPUs, vectors off`);
      console.log((await measureIncremental('bundled', bundled, work)).join('\n'));
      console.log((await measureIncremental(`bundled + ${COPIES} copies`, large, work)).join('\n'));
      return;
    }
    console.log(
      `node ${process.version}, ${os.cpus().length} CPUs, vectors off, ${CHATS} uncached chats per KB`,
    );
    const rows = [
      '| KB | full ingest | ready from an existing index (KB unchanged) | RSS at ready → after chats | uncached chat p50 / p95 | incremental (1 file edited) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...(await measure('bundled', bundled, work)),
      ...(await measure(`bundled + ${COPIES} copies of the corpora`, large, work)),
    ];
    if (COPIES > 1) {
      // The same corpora once: whether abstention depends on the KB's size or on what the imported docs say.
      const once = path.join(work, 'kb-once');
      await mkdir(once);
      await buildLargeKb(REPO, CORPORA, once, 1);
      rows.push(await measureQuality('bundled + 1 copy of the corpora', once, work));
    }
    console.log(rows.join('\n'));
    if (HEAP_COPIES > 0) {
      const huge = path.join(work, 'kb-heap');
      await mkdir(huge);
      await buildLargeKb(REPO, CORPORA, huge, HEAP_COPIES);
      const limit = [`--max-old-space-size=${HEAP_LIMIT_MB}`];
      const result = await inChild('ingest', huge, path.join(work, 'index-heap'), limit).then(
        (full) =>
          `${full.docs} docs, ${full.chunks} chunks: ${f2(Number(full.ms) / 1000)} s, peak RSS ${f0(full.rssMb)} MB; ` +
          phaseList(full.phases),
        (error: Error) =>
          `FAILED: ${error.message.split('\n').find((line) => /heap|memory/i.test(line)) ?? error.message}`,
      );
      console.log(`full ingest of kb/ + ${HEAP_COPIES} copies within a ${HEAP_LIMIT_MB} MB heap: ${result}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, step, kbDir, indexDir] = args;
  if (!step || !kbDir || !indexDir) throw new Error('usage: bench-scale.ts --child STEP KB_DIR INDEX_DIR');
  await child(step, kbDir, indexDir);
} else {
  await main();
}
