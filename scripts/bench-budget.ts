/**
 * Work budget per question (`npm run bench:budget [-- --kb DIR | --copies N]`): the worst questions we could
 * construct, answered in-process (retrieval + composition, no HTTP, no answer cache), vectors off. Every question
 * is up to 2,000 characters (the longest /v1/chat, Slack and Teams accept).
 *
 * - random words: random 6–30-letter words (nearly all unknown to the KB: spelling and fuzzy candidates for every
 *   one of them without a budget);
 * - near-miss words: KB words with one letter changed (each a plausible typo), and the same mixed with Chinese
 *   words of the KB, some with one character changed;
 * - long Chinese text without spaces (the KB's Chinese words run together: jieba and the glossary walk all of it);
 * - many IPs and ports, many command-like tokens (kubectl/ip/iptables lines with flags), one word repeated (a KB
 *   word and a typo of one), one 2,000-letter token, and every trigger phrase of the KB in a row (the most
 *   trigger hits, commands and placeholders composition can get);
 * - very long lines: the ten single-line messages of tests/helpers/long-lines.ts (long runs of one token, dots,
 *   colons, IP:port pairs), each asked QUESTIONS / 10 times;
 * - normal: the bundled eval questions, for comparison.
 * Prints p50 / p95 / p99 / max ms per question (wall and CPU time) and how many answers were cut by the time budget.
 * `--copies N` answers them on a large KB instead: the bundled kb/ plus N altered copies of the corpora in
 * ../shared/corpora ($NETKB_CORPORA), built in a temp dir (as bench:scale does).
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
import { LONG_LINES } from '../tests/helpers/long-lines.js';
import { attackFigures, printAttackFigures } from './bench-attack.js';
import { buildLargeKb } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const kbArg = process.argv.indexOf('--kb');
const KB = kbArg > 0 ? path.resolve(process.argv[kbArg + 1] ?? 'kb') : path.join(ROOT, 'kb');
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 0;
const CORPORA = path.resolve(process.env.NETKB_CORPORA ?? path.join(ROOT, '../shared/corpora'));
const QUESTIONS = 200;
/** The longest question the routes accept (schemas.ts, Slack and Teams). */
const CHARS = 2000;

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

/** Words joined by `separator` up to `chars` characters. */
function fill(chars: number, nextWord: () => string, separator = ' '): string {
  let out = '';
  for (;;) {
    const word = nextWord();
    const joined = out ? `${out}${separator}${word}` : word;
    if (joined.length > chars) return out || word.slice(0, chars);
    out = joined;
  }
}

/** `word` with one character replaced by one of `alphabet`. */
function typo(next: () => number, word: string, alphabet: string): string {
  const at = Math.floor(next() * word.length);
  const char = alphabet[Math.floor(next() * alphabet.length)] ?? 'x';
  return `${word.slice(0, at)}${char}${word.slice(at + 1)}`;
}

const pick = <T>(next: () => number, list: readonly T[], fallback: T): T =>
  list[Math.floor(next() * list.length)] ?? fallback;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function adversarialSets(next: () => number, searcher: Searcher): Record<string, () => string> {
  const texts = searcher.docs.flatMap((doc) => doc.chunks.map((chunk) => chunk.text));
  const latin = [...new Set(texts.flatMap((text) => text.toLowerCase().match(/\b[a-z]{6,14}\b/g) ?? []))];
  const han = [...new Set(texts.flatMap((text) => text.match(/\p{Script=Han}{2,6}/gu) ?? []))];
  const hanChars = [...new Set(han.join(''))].join('');
  const triggers = [...new Set(searcher.docs.flatMap((doc) => doc.triggers))];
  const commands = [
    'kubectl get pods -A -o wide',
    'kubectl -n kube-system logs ds/kube-proxy --tail=200',
    'kubectl exec -it netshoot -- curl -sv http://10.96.0.10:53',
    'ip route get 10.244.1.5',
    'ip -d link show flannel.1',
    'iptables -t nat -L KUBE-SERVICES -n -v',
    'ovs-vsctl show',
    'tcpdump -i any -nn port 6081',
    'conntrack -L -d 10.96.0.1',
    'calicoctl node status',
  ];
  const octet = () => Math.floor(next() * 256);
  // Drawn when first needed: the random and near-miss words stay the questions earlier runs measured.
  let repeatedTypo = '';
  return {
    'random words': () => randomWords(next, CHARS),
    'near-miss words': () => nearMisses(next, latin, CHARS),
    'near-miss Chinese + English': () =>
      fill(CHARS, () =>
        next() < 0.5
          ? typo(next, pick(next, latin, 'kubectl'), LETTERS)
          : next() < 0.5
            ? typo(next, pick(next, han, '网络'), hanChars)
            : pick(next, han, '网络'),
      ),
    'long Chinese, no spaces': () => fill(CHARS, () => pick(next, han, '网络'), ''),
    'many IPs and ports': () =>
      fill(CHARS, () => `${octet()}.${octet()}.${octet()}.${octet()}:${Math.floor(next() * 65536)}`),
    'many command-like tokens': () => fill(CHARS, () => pick(next, commands, 'ip route'), '; '),
    'one KB word repeated': () => fill(CHARS, () => 'kubectl'),
    'one typo repeated': () => {
      repeatedTypo ||= typo(next, pick(next, latin, 'kubernetes'), LETTERS);
      return fill(CHARS, () => repeatedTypo);
    },
    'one 2,000-letter token': () =>
      Array.from({ length: CHARS }, () => LETTERS[Math.floor(next() * 26)]).join(''),
    'every trigger phrase': () => {
      const start = Math.floor(next() * triggers.length);
      let i = 0;
      return fill(CHARS, () => triggers[(start + i++) % triggers.length] ?? 'pod', '. ');
    },
  };
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
    p99: at(times, 0.99),
    max: times.at(-1) ?? 0,
    cpuP50: at(cpu, 0.5),
    cpuP95: at(cpu, 0.95),
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
    const kb = COPIES > 0 ? path.join(work, 'kb') : KB;
    if (COPIES > 0) await buildLargeKb(ROOT, CORPORA, kb, COPIES);
    const indexDir = path.join(work, 'index');
    await ingestKb({ kbDir: kb, indexDir, embedder: null, vectorsDisabledReason: 'bench' });
    const searcher = await openSearcher(indexDir, { embedder: null });
    const next = random(17);
    const sets: Record<string, string[]> = {};
    for (const [name, make] of Object.entries(adversarialSets(next, searcher)))
      sets[name] = Array.from({ length: QUESTIONS }, make);
    sets['very long lines'] = Array.from(
      { length: QUESTIONS },
      (_, i) => LONG_LINES[i % LONG_LINES.length] ?? '',
    );
    sets['normal (eval questions)'] = parseQuestions(
      'questions.yaml',
      await readFile(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8'),
    ).map((question) => question.question);
    console.log(
      `KB ${COPIES > 0 ? `bundled + ${COPIES} copies of the corpora` : kb}: ${searcher.docs.length} docs, ${searcher.chunkCount} chunks; node ${process.version}`,
    );
    // CPU ms (process CPU time) barely grows when other processes take the cores, unlike wall time. "step" is
    // the longest stretch of one question between two turns (a search or the composition), in CPU ms: the
    // most a /healthz probe waits behind one question, since the server grants one step per loop iteration.
    console.log(
      'set                              n     p50 ms   p95 ms   p99 ms   max ms   CPU p50  CPU p95  CPU max  step p50 step max  over budget',
    );
    for (const [name, questions] of Object.entries(sets)) {
      await measure(searcher, questions.slice(0, 10)); // warm-up
      const r = await measure(searcher, questions);
      console.log(
        `${name.padEnd(32)} ${String(r.n).padEnd(5)} ${r.p50.toFixed(2).padStart(7)}  ${r.p95.toFixed(2).padStart(7)}  ${r.p99.toFixed(2).padStart(7)}  ${r.max.toFixed(2).padStart(7)}  ${r.cpuP50.toFixed(2).padStart(7)}  ${r.cpuP95.toFixed(2).padStart(7)}  ${r.cpuMax.toFixed(2).padStart(7)}  ${r.stepP50.toFixed(2).padStart(7)}  ${r.stepMax.toFixed(2).padStart(7)}   ${r.cut}`,
      );
    }
    if (process.argv.includes('--no-http')) return;
    printAttackFigures(
      await attackFigures(kb, indexDir, sets['random words'] ?? [], sets['normal (eval questions)'] ?? []),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
