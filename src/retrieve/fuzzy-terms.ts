/**
 * Terms of a dictionary within a Levenshtein distance of a word. Pure. Candidates come from an index of the
 * terms' character bigrams: a term within k edits of a word shares at least max(|word|, |term|) − 1 − 2k of its
 * bigrams (the q-gram lemma, q = 2), so only terms that reach that count are checked with a banded edit distance.
 * The cost follows the terms that look like the word, not the size of the dictionary.
 */
import { rememberShort } from '../core/recent.js';
import { sortedIndexOf } from './lower-bound.js';

/** The bigram index of a dictionary: sorted bigram keys, and per key the ids of the terms that hold it (CSR). */
export interface BigramIndex {
  gramKeys: Int32Array;
  gramStart: Uint32Array;
  gramTerms: Uint32Array;
}

/** Builds the bigram index of `terms` (at ingest: it is persisted with the postings). */
export function buildBigramIndex(terms: readonly string[]): BigramIndex {
  const perKey = new Map<number, number>();
  for (const term of terms)
    for (const key of distinctBigrams(term)) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  const gramKeys = Int32Array.from(perKey.keys()).sort();
  const slotOf = new Map<number, number>();
  const gramStart = new Uint32Array(gramKeys.length + 1);
  gramKeys.forEach((key, slot) => {
    slotOf.set(key, slot);
    gramStart[slot + 1] = (gramStart[slot] as number) + (perKey.get(key) as number);
  });
  const gramTerms = new Uint32Array(gramStart[gramKeys.length] as number);
  const fill = gramStart.slice(0, gramKeys.length);
  terms.forEach((term, id) => {
    for (const key of distinctBigrams(term)) {
      const slot = slotOf.get(key) as number;
      gramTerms[fill[slot] as number] = id;
      fill[slot] = (fill[slot] as number) + 1;
    }
  });
  return { gramKeys, gramStart, gramTerms };
}

/**
 * The bigram index of a dictionary made from a previous one's: `oldToNew` maps previous term ids to new ones (-1:
 * gone; ascending where kept) and `newToOld` new ids to previous ones (-1: added). Kept terms' lists are renumbered,
 * added terms merged in: the result equals `buildBigramIndex(terms)`, in time that follows the index's size and the
 * added terms, without taking every term's bigrams again.
 */
export function updateBigramIndex(
  previous: BigramIndex,
  terms: readonly string[],
  oldToNew: Int32Array,
  newToOld: readonly number[],
): BigramIndex {
  const addedByKey = new Map<number, number[]>();
  for (let id = 0; id < terms.length; id++) {
    if ((newToOld[id] as number) >= 0) continue;
    for (const key of distinctBigrams(terms[id] as string)) {
      const ids = addedByKey.get(key);
      if (ids) ids.push(id);
      else addedByKey.set(key, [id]);
    }
  }
  const addedKeys = Int32Array.from(addedByKey.keys()).sort();
  const keys: number[] = [];
  const starts: number[] = [0];
  const out = new Uint32Array(previous.gramTerms.length + countOf(addedByKey));
  let at = 0;
  let k = 0;
  const emit = (key: number, from: number, to: number, added: readonly number[] | undefined) => {
    const before = at;
    let q = 0;
    const addedCount = added?.length ?? 0;
    for (let i = from; i < to; i++) {
      const id = oldToNew[previous.gramTerms[i] as number] as number;
      if (id < 0) continue;
      while (q < addedCount && (added?.[q] as number) < id) out[at++] = added?.[q++] as number;
      out[at++] = id;
    }
    while (q < addedCount) out[at++] = added?.[q++] as number;
    if (at > before) {
      keys.push(key);
      starts.push(at);
    }
  };
  for (let slot = 0; slot < previous.gramKeys.length; slot++) {
    const key = previous.gramKeys[slot] as number;
    while (k < addedKeys.length && (addedKeys[k] as number) < key) {
      const only = addedKeys[k++] as number;
      emit(only, 0, 0, addedByKey.get(only));
    }
    const shared = k < addedKeys.length && addedKeys[k] === key;
    if (shared) k++;
    emit(
      key,
      previous.gramStart[slot] as number,
      previous.gramStart[slot + 1] as number,
      shared ? addedByKey.get(key) : undefined,
    );
  }
  while (k < addedKeys.length) {
    const only = addedKeys[k++] as number;
    emit(only, 0, 0, addedByKey.get(only));
  }
  return {
    gramKeys: Int32Array.from(keys),
    gramStart: Uint32Array.from(starts),
    gramTerms: out.slice(0, at),
  };
}

function countOf(lists: ReadonlyMap<number, readonly number[]>): number {
  let count = 0;
  for (const list of lists.values()) count += list.length;
  return count;
}

/** How many words' fuzzy matches a dictionary remembers (a word is at most 64 characters). */
const REMEMBERED_WORDS = 4096;

export class FuzzyDictionary {
  private readonly counts: Uint32Array;
  /**
   * `near` per word and distance, remembered: the same words come back within a question (each of its lexical
   * searches) and across questions (pods, services, connectivity), and in a large dictionary a word that shares
   * common bigrams (`on`, `er`) costs a walk over thousands of terms. The dictionary never changes, so a
   * remembered answer is the computed one.
   */
  private readonly remembered: (key: string) => ReadonlyArray<{ index: number; distance: number }>;

  constructor(
    private readonly terms: readonly string[],
    private readonly grams: BigramIndex,
  ) {
    this.counts = new Uint32Array(terms.length);
    this.remembered = rememberShort(
      (key) => {
        const at = key.indexOf(':');
        return this.compute(key.slice(at + 1), Number(key.slice(0, at)));
      },
      { size: REMEMBERED_WORDS, maxLength: 68 },
    );
  }

  private slotOf(key: number): number | undefined {
    const slot = sortedIndexOf(this.grams.gramKeys, key);
    return slot < 0 ? undefined : slot;
  }

  /** Ids of the terms within `maxDistance` edits of `word` (the word itself included, at distance 0), ascending. */
  near(word: string, maxDistance: number): ReadonlyArray<{ index: number; distance: number }> {
    return this.remembered(`${maxDistance}:${word}`);
  }

  private compute(word: string, maxDistance: number): Array<{ index: number; distance: number }> {
    const found: Array<{ index: number; distance: number }> = [];
    const grams = bigrams(word);
    // Below this many shared bigrams no term can be near enough (for the shortest terms allowed).
    const needed = Math.max(word.length, 2) - 1 - 2 * maxDistance;
    const check = (id: number) => {
      const term = this.terms[id] as string;
      if (Math.abs(term.length - word.length) > maxDistance) return;
      const distance = boundedDistance(word, term, maxDistance);
      if (distance <= maxDistance) found.push({ index: id, distance });
    };
    if (needed <= 0) {
      // Too short a word for the filter to say anything: check every term.
      for (let id = 0; id < this.terms.length; id++) check(id);
      return found;
    }
    // Each distinct bigram of the word counts as often as the word has it: an upper bound of the shared count.
    const weight = new Map<number, number>();
    for (const key of grams) weight.set(key, (weight.get(key) ?? 0) + 1);
    const { counts } = this;
    const touched: number[] = [];
    const { gramStart, gramTerms } = this.grams;
    const lists: Array<{ slot: number; times: number; length: number }> = [];
    for (const [key, times] of weight) {
      const slot = this.slotOf(key);
      if (slot !== undefined)
        lists.push({ slot, times, length: (gramStart[slot + 1] as number) - (gramStart[slot] as number) });
    }
    const skipped = skippedBigrams(lists, needed, MAX_BIGRAM_TERMS);
    for (const [i, { slot, times }] of lists.entries()) {
      if (skipped.lists.has(i)) continue;
      for (let p = gramStart[slot] as number; p < (gramStart[slot + 1] as number); p++) {
        const id = gramTerms[p] as number;
        if (counts[id] === 0) touched.push(id);
        counts[id] = (counts[id] as number) + times;
      }
    }
    const passed: number[] = [];
    for (const id of touched) {
      const shared = counts[id] as number;
      counts[id] = 0;
      // A term could share the skipped bigrams too: the bar is lower by as many.
      const bar =
        Math.max(word.length, (this.terms[id] as string).length) - 1 - 2 * maxDistance - skipped.weight;
      if (shared >= bar) passed.push(id);
    }
    for (const id of passed.sort((a, b) => a - b)) check(id);
    return found;
  }
}

/** A bigram held by more terms than this is not walked (while the filter keeps a bar): `er`, `in`, `at`… */
export const MAX_BIGRAM_TERMS = 4096;

/**
 * Which of a word's bigram lists to skip: the longest, past `maxTerms` terms, while the bar `needed` less the
 * skipped bigrams' weight stays above 0 (every term a skipped list alone would bring falls below it, so none is
 * lost). Pure.
 */
export function skippedBigrams(
  lists: ReadonlyArray<{ times: number; length: number }>,
  needed: number,
  maxTerms: number,
): { lists: Set<number>; weight: number } {
  const skipped = new Set<number>();
  let weight = 0;
  const longestFirst = lists
    .map((list, i) => ({ ...list, i }))
    .sort((a, b) => b.length - a.length || a.i - b.i);
  for (const { i, times, length } of longestFirst) {
    if (length <= maxTerms || needed - weight - times <= 0) break;
    skipped.add(i);
    weight += times;
  }
  return { lists: skipped, weight };
}

/** Character bigrams of a term as 32-bit numbers (two UTF-16 code units). */
function bigrams(term: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < term.length; i++) out.push((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1) | 0);
  return out;
}

function distinctBigrams(term: string): number[] {
  const all = bigrams(term);
  return all.filter((key, i) => all.indexOf(key) === i);
}

/** Two rows of the banded edit distance, grown as needed and reused (one call at a time: the code is synchronous). */
let aboveRow = new Int32Array(64);
let thisRow = new Int32Array(64);

/** Levenshtein distance of a and b when it is at most `limit`, else limit + 1 (only the band near the diagonal). */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const far = limit + 1;
  if (aboveRow.length <= b.length) {
    aboveRow = new Int32Array(2 * (b.length + 1));
    thisRow = new Int32Array(2 * (b.length + 1));
  }
  let above = aboveRow;
  let row = thisRow;
  for (let j = 0; j <= b.length; j++) above[j] = Math.min(j, far);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(b.length, i + limit);
    row[0] = Math.min(i, far);
    if (lo > 1) row[lo - 1] = far;
    let min = lo === 1 ? (row[0] as number) : far;
    const char = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let value = (above[j - 1] as number) + (char === b.charCodeAt(j - 1) ? 0 : 1);
      const up = (above[j] as number) + 1;
      const left = (row[j - 1] as number) + 1;
      if (up < value) value = up;
      if (left < value) value = left;
      if (value > far) value = far;
      row[j] = value;
      if (value < min) min = value;
    }
    if (hi < b.length) row[hi + 1] = far;
    if (min > limit) return far;
    const swap = above;
    above = row;
    row = swap;
  }
  return above[b.length] as number;
}
