/**
 * Work budget per question (`npm run bench:budget [-- --kb DIR]`): the worst questions we could construct,
 * answered in-process (retrieval + composition, no HTTP, no answer cache), vectors off.
 *
 * - random words: 2,000 characters of random 6–30-letter words (nearly all unknown to the KB: spelling and
 *   fuzzy candidates for every one of them without a budget);
 * - near-miss words: 2,000 characters of KB words with one letter changed (each a plausible typo);
 * - normal: the bundled eval questions, for comparison.
 * Prints p50 / p95 / max ms per question (wall and CPU time) and how many answers were cut by the time budget.
 * Then the same attack over HTTP against `netkb serve` (bench-attack.ts): /healthz p50/p99 when quiet, under
 * normal question load and during the attack, and a normal client's question p50 during the attack
 * (`--no-http` skips it; BENCH_SECONDS sets the length of each phase, default 6).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { answerChat } from '../src/answer/chat.js';
import { ConversationStore } from '../src/answer/conversation.js';
import { parseQuestions } from '../src/eval/questions.js';
import { ingestKb } from '../src/index/ingest-kb.js';
import { openSearcher } from '../src/index/open-searcher.js';
import type { Searcher } from '../src/retrieve/types.js';
import { attackFigures, printAttackFigures } from './bench-attack.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const kbArg = process.argv.indexOf('--kb');
const KB = kbArg > 0 ? path.resolve(process.argv[kbArg + 1] ?? 'kb') : path.join(ROOT, 'kb');
const QUESTIONS = 200;

/** Deterministic PRNG (mulberry32): the same attack on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWords(next: () => number, chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars - 31) {
    const size = 6 + Math.floor(next() * 25);
    const word = Array.from({ length: size }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(
      '',
    );
    words.push(word);
    length += size + 1;
  }
  return words.join(' ');
}

function nearMisses(next: () => number, vocabulary: string[], chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars - 40 && vocabulary.length > 0) {
    const word = vocabulary[Math.floor(next() * vocabulary.length)] ?? 'kubectl';
    const at = Math.floor(next() * word.length);
    const typo = `${word.slice(0, at)}${String.fromCharCode(97 + Math.floor(next() * 26))}${word.slice(at + 1)}`;
    words.push(typo);
    length += typo.length + 1;
  }
  return words.join(' ');
}

async function measure(searcher: Searcher, questions: string[]) {
  const conversations = new ConversationStore();
  const times: number[] = [];
  const cpu: number[] = [];
  const steps: number[] = [];
  let cut = 0;
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  for (const message of questions) {
    const started = performance.now();
    const startedCpu = cpuMs();
    // The server grants a turn before each step (fair-turns.ts): the longest step is what a /healthz probe
    // can wait for behind this question.
    let stepStarted = startedCpu;
    let longestStep = 0;
    const turn = async () => {
      const now = cpuMs();
      longestStep = Math.max(longestStep, now - stepStarted);
      stepStarted = now;
    };
    const answer = await answerChat({ searcher, conversations, turn }, { message });
    times.push(performance.now() - started);
    const now = cpuMs();
    cpu.push(now - startedCpu);
    steps.push(Math.max(longestStep, now - stepStarted));
    const retrievers = Object.values(answer.body.retrievers) as Array<{ status: string }>;
    if (retrievers.some((retriever) => retriever.status === 'over_budget')) cut++;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  steps.sort((a, b) => a - b);
  const at = (values: number[], q: number) =>
    values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
  return {
    p50: at(times, 0.5),
    p95: at(times, 0.95),
    max: times.at(-1) ?? 0,
    cpuP50: at(cpu, 0.5),
    cpuMax: cpu.at(-1) ?? 0,
    stepP50: at(steps, 0.5),
    stepMax: steps.at(-1) ?? 0,
    cut,
    n: times.length,
  };
}

async function main(): Promise<void> {
  process.env.NETKB_VECTORS = 'off';
  const work = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-budget-'));
  try {
    const indexDir = path.join(work, 'index');
    await ingestKb({ kbDir: KB, indexDir, embedder: null, vectorsDisabledReason: 'bench' });
    const searcher = await openSearcher(indexDir, { embedder: null });
    const vocabulary = [
      ...new Set(
        searcher.docs.flatMap((doc) =>
          doc.chunks.flatMap((chunk) => chunk.text.toLowerCase().match(/\b[a-z]{6,14}\b/g) ?? []),
        ),
      ),
    ];
    const next = random(17);
    const sets: Record<string, string[]> = {
      'random words (2,000 chars)': Array.from({ length: QUESTIONS }, () => randomWords(next, 2000)),
      'near-miss words (2,000 chars)': Array.from({ length: QUESTIONS }, () =>
        nearMisses(next, vocabulary, 2000),
      ),
      'normal (eval questions)': parseQuestions(
        'questions.yaml',
        await readFile(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8'),
      ).map((question) => question.question),
    };
    console.log(
      `KB ${KB}: ${searcher.docs.length} docs, ${searcher.chunkCount} chunks; node ${process.version}`,
    );
    // CPU ms (process CPU time) barely grows when other processes take the cores, unlike wall time. "step" is
    // the longest stretch of one question between two turns (a search or the composition), in CPU ms: the
    // most a /healthz probe waits behind one question, since the server grants one step per loop iteration.
    console.log(
      'set                              n     p50 ms   p95 ms   max ms   CPU p50  CPU max  step p50 step max  over budget',
    );
    for (const [name, questions] of Object.entries(sets)) {
      await measure(searcher, questions.slice(0, 10)); // warm-up
      const r = await measure(searcher, questions);
      console.log(
        `${name.padEnd(32)} ${String(r.n).padEnd(5)} ${r.p50.toFixed(2).padStart(7)}  ${r.p95.toFixed(2).padStart(7)}  ${r.max.toFixed(2).padStart(7)}  ${r.cpuP50.toFixed(2).padStart(7)}  ${r.cpuMax.toFixed(2).padStart(7)}  ${r.stepP50.toFixed(2).padStart(7)}  ${r.stepMax.toFixed(2).padStart(7)}   ${r.cut}`,
      );
    }
    if (process.argv.includes('--no-http')) return;
    printAttackFigures(
      await attackFigures(
        KB,
        indexDir,
        sets['random words (2,000 chars)'] ?? [],
        sets['normal (eval questions)'] ?? [],
      ),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
