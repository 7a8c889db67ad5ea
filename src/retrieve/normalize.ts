import * as OpenCC from 'opencc-js';
import { rememberRecent } from '../core/recent.js';

// Taiwan phrases → mainland simplified: 網路 → 网络, not just 网路 (character-only conversion misses those).
const toSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

const HAN = '\\p{Script=Han}';
const SPACE_NEXT_TO_HAN = new RegExp(`(?<=[${HAN}])\\s+|\\s+(?=[${HAN}])`, 'gu');

/**
 * Folded texts by input. A chat answer folds the same texts many times (the question for retrieval, CNI names
 * and triggers; the top doc's rows and command contexts for composition) and the conversion walks every
 * character: a lookup costs a fraction of it. Bounded by characters held (cleared when full); texts longer than
 * the longest question with its follow-up context (whole chunks at ingest) are folded without being kept.
 */
const folded = new Map<string, string>();
const FOLD_CACHE_CHARS = 1 << 20;
const FOLD_CACHE_TEXT_CHARS = 4096;
let foldedChars = 0;

/** Every key of the OpenCC dictionaries holds a character from U+2E80 up: text without one stays as it is. */
const MAY_CONVERT = /[\u2e80-\uffff]/;

/** NFKC (full-width → half-width), lower case, traditional → simplified; spacing untouched. */
export function foldText(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const lower = text.normalize('NFKC').toLowerCase();
  const result = MAY_CONVERT.test(lower) ? toSimplified(lower) : lower;
  if (text.length > FOLD_CACHE_TEXT_CHARS) return result;
  if (foldedChars + text.length + result.length > FOLD_CACHE_CHARS) {
    folded.clear();
    foldedChars = 0;
  }
  folded.set(text, result);
  foldedChars += text.length + result.length;
  return result;
}

/**
 * Canonical text for matching: NFKC (full-width → half-width), lower case, traditional → simplified,
 * whitespace collapsed, and no spaces next to Chinese characters (`join 网络` = `join网络`).
 */
export const normalizeText: (text: string) => string = rememberRecent((text) =>
  foldText(text).replace(/\s+/g, ' ').replace(SPACE_NEXT_TO_HAN, '').trim(),
);

/**
 * normalizeText(`${text} ${word}`) for a plain ASCII word (a CNI name), from the text's normalized form (already
 * remembered when the text was searched before): a long question searched again with another CNI appended is not
 * normalized again. Falls back to normalizing the whole for any other word.
 */
export function normalizeWithWord(text: string, word: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(word)) return normalizeText(`${text} ${word}`);
  const normalized = normalizeText(text);
  if (normalized === '') return word;
  return /\p{Script=Han}$/u.test(normalized) ? `${normalized}${word}` : `${normalized} ${word}`;
}

export function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}
