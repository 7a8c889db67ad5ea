import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { rememberRecent, rememberShort } from '../core/recent.js';
import type { CompiledGlossary } from './glossary.js';

/**
 * The segmenter, built from the package's dictionary file, which is not kept once read (the package's `dict.js`
 * export keeps it and the IDF table this code never uses, 11 MB, for the life of the process). The main thread
 * builds it when this module loads, so no question pays for it; a worker thread (an index build) when it first
 * tokenizes: a start with an unchanged KB never does, and does not hold a second dictionary (~40 MB, ~0.3 s).
 */
let segmenter: Jieba | null = isMainThread ? loadSegmenter() : null;

function loadSegmenter(): Jieba {
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  return Jieba.withDict(readFileSync(file));
}

function jieba(): Jieba {
  segmenter ??= loadSegmenter();
  return segmenter;
}

/** A question is tokenized once per search, and one question may be searched a few times (other CNIs' runbooks). */
const cutLongRun = rememberRecent((run: string) => jieba().cutForSearch(run, false), { minLength: 16 });

/**
 * Segmented Chinese runs up to 64 characters, by run: a question of many short phrases is segmented again by each
 * search of it (other CNIs' runbooks, its failing part, its headline), and the KB's words recur across questions.
 */
const cutShortRun = rememberShort((run: string): readonly string[] => jieba().cutForSearch(run, false), {
  size: 20_000,
  maxLength: 64,
});

function cutForSearch(run: string): readonly string[] {
  return run.length > 64 ? cutLongRun(run) : cutShortRun(run);
}

/** Chinese runs, and Latin/number runs that keep technical tokens whole (ovn0, br-int, 100.64.0.0/16, genev_sys_6081). */
const RUNS = /\p{Script=Han}+|[a-z0-9][a-z0-9_.\-/:'’]*[a-z0-9]|[a-z0-9]/gu;

const STOP_WORDS = new Set(
  `的 了 吗 呢 吧 啊 呀 么 嘛 是 在 和 与 及 或 就 都 也 还 又 有 没 没有 我 我们 你 你们 他 她 它 这 那 这个 那个 这些 那些
  一个 一下 一直 怎么 怎么办 怎样 如何 为什么 为啥 什么 啥 咋 哪 哪些 哪个 请问 可以 能 能够 会 要 想 需要 应该 是否 时 时候
  的话 之后 以后 然后 但是 但 如果 问题 情况 总是 老是 突然 上 下 里 中 到 从 对 把 被 给 让 用 好 嗯 谢谢 帮忙 看看 看 请 个
  该 得 地 着 过 去 来 说 下来 一些 这样 那样 现在 已经 不是 还是 就是 可能 为 而 等 等等 其 之 以 于 将 并 被 所以 因为
  别的 别人 其他 其它 所有 全部 整个 只 只有 某 某个 某一个 一台 台 那台 这台 跟 很 很多 比 老 做 好像 似乎 看着 明明
  干嘛 是从 多少 这种 那种 要紧 不要 是不是 怀疑 听 听说 那边 这边 哪里 哪条 那条 每个 意思 一样 同样 同时 具体 一点
  里面 话 一阵 直接 几乎 确认 实际 实际上 通过 起来 出来 后 之前 以前 原因 结果 东西 办法
  a an the is are was were be been being to of in on at for from by with and or not no how why what when where which who whom
  do does did done can could should would will shall may might must i me my we our you your it its this that these those
  there here after before about into out up down get gets got getting any some all please help anyone someone thanks hi
  hello cannot can't cant doesn't doesnt isn't isnt don't dont won't wont didn't didnt aren't arent wasn't weren't
  haven't hasn't couldn't wouldn't shouldn't i'm we're it's there's that's is there than then so if but just
  also still even really very much many lot lots too only now new every each other others another two both
  seem seems seemed like keep keeps kept thing things something anything everything nothing way via because
  has have had having make makes made use used using try tried trying work works worked working fine ok okay
  us they them their itself myself yourself`.split(/\s+/),
);

export interface TokenizeOptions {
  glossary?: CompiledGlossary;
  /** Also emit overlapping CJK bigrams: a fallback for words the dictionary does not know. */
  cjkBigrams?: boolean;
}

/**
 * Tokens of already-normalized text (see normalizeText). Chinese is segmented with jieba (search mode:
 * words and their sub-words); technical tokens stay whole and also yield their parts (`br-int` → br, int);
 * glossary groups found in the text are added as `g<n>` tokens so synonyms meet on both sides.
 */
export function tokenize(normalized: string, options: TokenizeOptions = {}): string[] {
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(RUNS)) {
    if (/^\p{Script=Han}/u.test(run)) {
      for (const word of cutForSearch(run)) {
        if (!STOP_WORDS.has(word)) tokens.push(word);
      }
      if (options.cjkBigrams && run.length > 2) {
        for (let i = 0; i + 2 <= run.length; i++) tokens.push(run.slice(i, i + 2));
      }
      continue;
    }
    for (const token of latinTokens(run)) tokens.push(token);
  }
  if (options.glossary) tokens.push(...options.glossary.groupsIn(normalized));
  return tokens;
}

/**
 * Tokens of Latin/number runs by run. A question is tokenized several times over (whole, its failing part, its
 * headline; again for each other CNI's runbook) and repeats its words: each run after the first is a look-up.
 * Bounded: cleared when full.
 */
const latinTokens = rememberShort(tokenizeLatinRun, { size: 20_000, maxLength: 64 });

function tokenizeLatinRun(run: string): string[] {
  const token = run
    .replace(/[.:/-]+$/, '')
    .replace(/’/g, "'")
    .replace(/'s$/, ''); // possessive: pod's → pod
  if (STOP_WORDS.has(token)) return [];
  const tokens = [token];
  // A CIDR of /16 or longer also yields its /16 network (`100.64.0.0/16` → 100.64): how a range is named in
  // speech ("the 100.64 range", "100.64 网段"). Plain addresses do not: every pasted IP of a report would then
  // match whichever runbook uses an example address in the same /16.
  const ipv4 = /^(\d{1,3}\.\d{1,3})\.\d{1,3}\.\d{1,3}\/(?:1[6-9]|2\d|3[0-2])$/.exec(token);
  if (ipv4?.[1]) tokens.push(ipv4[1]);
  // Parts of compound names; domain names also split into labels (`kubernetes.default` → kubernetes, default),
  // while IPs and CIDRs stay whole.
  const separators = /[a-z]/.test(token) ? /[-_/:.]+/ : /[-_/:]+/;
  if (separators.test(token)) {
    for (const part of token.split(separators)) {
      if (part.length >= 2 && part !== token && !STOP_WORDS.has(part)) tokens.push(part);
    }
  }
  return tokens;
}

/**
 * Whole words of normalized text without stop words: Chinese segmented with jieba (no sub-words), Latin
 * runs as they are. Used to judge whether a phrase says enough to route on (`netkb lint`).
 */
export function meaningfulWords(normalized: string): string[] {
  const words: string[] = [];
  for (const [run] of normalized.matchAll(RUNS)) {
    const parts = /^\p{Script=Han}/u.test(run) ? jieba().cut(run, false) : [run];
    for (const word of parts) if (!STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}
