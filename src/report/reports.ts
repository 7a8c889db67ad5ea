/**
 * `netkb report`: what a maintainer should write next, from the query log and feedback. Pure: log rows in,
 * report rows out.
 */
import { normalizeText } from '../retrieve/normalize.js';
import { meaningfulWords } from '../retrieve/tokenize.js';
import type { AnswerLogEntry, FeedbackEntry } from '../store/types.js';

/** Answers below this confidence count as "low confidence" even when they were not abstentions. */
export const LOW_CONFIDENCE = 0.6;
/** Two questions are "worded alike" when this share of their words is shared (Jaccard). */
const SIMILAR = 0.5;

export interface UnansweredGroup {
  /** How many logged questions the group holds, and how many of them abstained. */
  count: number;
  abstained: number;
  /** The group's questions, most frequent first (at most 5); [] when only hashes are logged. */
  examples: string[];
  /** The doc retrieval ranked first most often (it was not confident enough), or null. */
  closest_doc: string | null;
  /** Words the group shares, as a trigger to add to the closest doc (or a new one). */
  suggested_trigger: string;
  last_asked: string;
}

export interface UnhelpfulAnswer {
  at: string;
  answer_id: string;
  question: string | null;
  top_doc: string | null;
  comment: string;
  channel: string;
  user: string | null;
}

export interface DocUsage {
  doc: string;
  answered: number;
  helpful: number;
  unhelpful: number;
  /** helpful / (helpful + unhelpful), null without feedback. */
  helpful_ratio: number | null;
  last_hit: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function unansweredReport(answers: readonly AnswerLogEntry[]): UnansweredGroup[] {
  const weak = answers.filter((a) => a.abstained || a.confidence < LOW_CONFIDENCE);
  interface Group {
    words: Set<string>;
    members: AnswerLogEntry[];
  }
  const groups: Group[] = [];
  const byHash = new Map<string, Group>();
  for (const answer of weak) {
    // Only the hash is logged: identical questions still group.
    if (answer.question === null) {
      const group = byHash.get(answer.questionHash) ?? { words: new Set<string>(), members: [] };
      if (group.members.length === 0) {
        byHash.set(answer.questionHash, group);
        groups.push(group);
      }
      group.members.push(answer);
      continue;
    }
    const words = new Set(meaningfulWords(normalizeText(answer.question)));
    const home = groups.find((group) => group.words.size > 0 && jaccard(group.words, words) >= SIMILAR);
    if (home) home.members.push(answer);
    else groups.push({ words, members: [answer] });
  }
  return groups
    .map((group): UnansweredGroup => {
      const texts = countBy(group.members.map((m) => m.question).filter((q): q is string => q !== null));
      return {
        count: group.members.length,
        abstained: group.members.filter((m) => m.abstained).length,
        examples: texts.slice(0, 5).map(([text]) => text),
        closest_doc:
          countBy(group.members.map((m) => m.topDoc).filter((d): d is string => d !== null))[0]?.[0] ?? null,
        suggested_trigger: suggestTrigger(texts.map(([text]) => text)),
        last_asked: iso(Math.max(...group.members.map((m) => m.at))),
      };
    })
    .sort((a, b) => b.count - a.count || b.last_asked.localeCompare(a.last_asked));
}

/**
 * The three words most of the group's questions share, in the order the first question says them; a single
 * question gives its first three words.
 */
export function suggestTrigger(questions: readonly string[]): string {
  if (questions.length === 0) return '';
  const wordLists = questions.map((q) => [...new Set(meaningfulWords(normalizeText(q)))]);
  const first = wordLists[0] ?? [];
  if (questions.length === 1) return joinWords(first.slice(0, 3));
  const share = (word: string) => wordLists.filter((list) => list.includes(word)).length;
  // The three most shared words (at least half the questions say them), in the first question's order.
  const chosen = new Set(
    first
      .filter((word) => share(word) * 2 >= wordLists.length)
      .sort((a, b) => share(b) - share(a))
      .slice(0, 3),
  );
  return joinWords(chosen.size > 0 ? first.filter((word) => chosen.has(word)) : first.slice(0, 3));
}

/** Chinese words join without spaces, Latin words with one (as a maintainer would write the trigger). */
function joinWords(words: readonly string[]): string {
  let out = '';
  for (const word of words) {
    const space = out !== '' && (/[a-z0-9]$/i.test(out) || /^[a-z0-9]/i.test(word));
    out += space ? ` ${word}` : word;
  }
  return out;
}

export function feedbackReport(
  feedback: ReadonlyArray<FeedbackEntry & { answer: AnswerLogEntry | null }>,
): UnhelpfulAnswer[] {
  return feedback
    .filter((f) => !f.helpful)
    .map((f) => ({
      at: iso(f.at),
      answer_id: f.answerId,
      question: f.answer?.question ?? null,
      top_doc: f.answer?.topDoc ?? null,
      comment: f.comment ?? '',
      channel: f.channel,
      user: f.user ?? null,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

export function docsReport(
  answers: readonly AnswerLogEntry[],
  feedback: ReadonlyArray<FeedbackEntry & { answer: AnswerLogEntry | null }>,
): DocUsage[] {
  const docs = new Map<string, { answered: number; helpful: number; unhelpful: number; last: number }>();
  const entry = (doc: string) => {
    let usage = docs.get(doc);
    if (!usage) {
      usage = { answered: 0, helpful: 0, unhelpful: 0, last: 0 };
      docs.set(doc, usage);
    }
    return usage;
  };
  for (const answer of answers) {
    if (answer.abstained || answer.topDoc === null) continue;
    const usage = entry(answer.topDoc);
    usage.answered++;
    usage.last = Math.max(usage.last, answer.at);
  }
  for (const f of feedback) {
    const doc = f.answer?.topDoc;
    if (!doc || f.answer?.abstained) continue;
    const usage = entry(doc);
    if (f.helpful) usage.helpful++;
    else usage.unhelpful++;
  }
  return [...docs.entries()]
    .map(([doc, u]) => ({
      doc,
      answered: u.answered,
      helpful: u.helpful,
      unhelpful: u.unhelpful,
      helpful_ratio: u.helpful + u.unhelpful === 0 ? null : round(u.helpful / (u.helpful + u.unhelpful)),
      last_hit: u.last === 0 ? '' : iso(u.last),
    }))
    .sort((a, b) => b.answered - a.answered || a.doc.localeCompare(b.doc));
}

/** `7d`, `12h`, `2w`, `30m` or an ISO date → epoch ms. Null when it is none of those. */
export function parseSince(text: string, now: number): number | null {
  const relative = /^(\d+)([mhdw])$/.exec(text);
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
      relative[2] as 'm' | 'h' | 'd' | 'w'
    ];
    return now - Number(relative[1]) * unit;
  }
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? null : date;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const field = (value: unknown) => {
    const text =
      value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' | ') : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function countBy(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
