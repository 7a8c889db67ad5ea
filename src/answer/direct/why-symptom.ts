/**
 * A why question about a symptom a runbook lists: "Why does the EXTERNAL-IP stay pending?", "Why do DNS lookups
 * from a pod stall for exactly 5 seconds?", "为什么 Pod 通过自己的 Service 访问自己会超时？". The troubleshooting row
 * whose symptom cell says the same thing ("EXTERNAL-IP 一直 pending | 没有云控制器 / MetalLB") names the cause in its
 * next cell: that row explains it. Only a close match counts: a row sharing a word or two with the question is
 * another symptom, and its cause would be a wrong answer. Pure.
 */

/** The first column of a troubleshooting table: 症状 / 现象 / Symptom. */
const SYMPTOM_HEADER = /^\|\s*(?:症状|症狀|现象|現象|symptoms?)\s*\|/i;

/** A row's symptom cell, when the row is in a troubleshooting table (its header's first column says so). */
export function symptomCell(header: string, row: string): string | null {
  if (!SYMPTOM_HEADER.test(header.trim())) return null;
  const cells = row.trim().split(/(?<!\\)\|/);
  const cell = cells[1]?.trim() ?? '';
  return cell === '' ? null : cell;
}

/** "time out", "timed out": the one word a runbook writes (timeout, 超时). */
export function joinedTimeout(text: string): string {
  return text.replace(/\b(?:time[sd]?|timing)\s+out\b/gi, 'timeout');
}

/** Glossary concept ids ("g12") stand for a word already counted: they match, they do not count. */
const CONCEPT_ID = /^g\d+$/;

/** At least this many of the clause's words must be in the symptom cell, and at least this share of them. */
const MIN_SHARED = 3;
const MIN_SHARE = 0.5;

/** A duration: "5 seconds", "5s", "5 秒" (a stall's length tells one symptom from another). */
const DURATION = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:s\b|secs?\b|seconds?\b|秒)/gi;

function durations(text: string): Set<string> {
  return new Set([...text.matchAll(DURATION)].map((match) => String(Number(match[1]))));
}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/**
 * How many words the terms stand for: a Chinese clause is read as overlapping character pairs ("解析会偶发" → 解析 析会
 * 会偶 偶发), about two per word, so half of them count; each other term is a word.
 */
function wordCount(terms: readonly string[]): number {
  const han = terms.filter((term) => HAN_BIGRAM.test(term)).length;
  return terms.length - han + Math.ceil(han / 2);
}

/**
 * Whether a symptom cell says what the why clause asks about: most of the clause's own words (in any form or
 * translation `variants` gives) are in the cell's terms, each of the cell's terms credited once (a clause's "DNS
 * lookups" both translate to 解析: one word of the cell), and a duration both give counts as one more.
 */
export function describesSymptom(
  clause: string,
  clauseTerms: ReadonlyMap<string, number>,
  cell: string,
  cellTerms: ReadonlyMap<string, number>,
  variants: (term: string) => readonly string[],
): boolean {
  const own = [...clauseTerms.keys()].filter((term) => !CONCEPT_ID.test(term) && !term.startsWith('\u0001'));
  const credited = new Set<string>();
  let shared = 0;
  for (const term of own) {
    const forms = [term, ...variants(term)];
    if (!forms.some((word) => cellTerms.has(word) && !credited.has(word))) continue;
    // The word and its translations are one word of the cell ("DNS" ↔ 解析).
    for (const word of forms) credited.add(word);
    for (const word of forms) for (const back of variants(word)) credited.add(back);
    shared++;
  }
  // "5 seconds" ↔ "5 秒": the same duration is one more word shared (its unit is one of the clause's words).
  const cellDurations = durations(cell);
  if ([...durations(clause)].some((duration) => cellDurations.has(duration))) shared++;
  return own.length > 0 && shared >= MIN_SHARED && shared / wordCount(own) >= MIN_SHARE;
}
