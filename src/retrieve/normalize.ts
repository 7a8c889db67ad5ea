import * as OpenCC from 'opencc-js';
import { rememberRecent } from '../core/recent.js';

// Taiwan phrases → mainland simplified: 網路 → 网络, not just 网路 (character-only conversion misses those).
const convert = OpenCC.Converter({ from: 'twp', to: 'cn' });

/**
 * The UTF-16 units that are in a key of one of the conversion's dictionaries (OpenCC's `tw2sp` configuration:
 * normalization, segmentation and both conversion steps), or null when that configuration is not where it is
 * expected (then texts are converted whole).
 */
export function dictionaryUnits(): Uint8Array | null {
  const config = (OpenCC.Locale as { configs?: Record<string, Record<string, unknown>> }).configs?.tw2sp;
  if (!config) return null;
  const dictionaries = [config.normalizationChain, config.segmentation, config.conversionChain].flat(3);
  if (dictionaries.length === 0 || !dictionaries.every((dictionary) => typeof dictionary === 'string'))
    return null;
  const units = new Uint8Array(65536);
  for (const dictionary of dictionaries as string[])
    for (const entry of dictionary.split('|')) {
      const key = entry.split(' ')[0] ?? '';
      for (let i = 0; i < key.length; i++) units[key.charCodeAt(i)] = 1;
    }
  // Surrogates and ideographic description characters (which make OpenCC skip the characters after them) are
  // never a boundary.
  units.fill(1, 0xd800, 0xe000);
  units.fill(1, 0x2ff0, 0x3000);
  return units;
}

/**
 * Converts `text` piece by piece: a character in no dictionary key is never part of a match in any step, so the
 * conversion of the whole is the conversions of the pieces between such characters, with those characters as
 * they are (tests/retrieve/normalize.test.ts checks this on the KB's and the eval sets' text). Simplified
 * Chinese has many such characters (网, 络, 节, 点); the pieces recur (a question's substrings are folded again
 * by later steps, and its words recur), and a piece met before is a look-up. Bounded: cleared when full.
 */
export function convertInPieces(
  text: string,
  units: Uint8Array | null,
  convertPiece: (piece: string) => string,
  pieces: Map<string, string>,
): string {
  if (!units || /[\u2ff0-\u2fff]/.test(text)) return convertPiece(text);
  let out = '';
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && units[text.charCodeAt(i)] === 1) continue;
    if (i > start) {
      const piece = text.slice(start, i);
      let converted = pieces.get(piece);
      if (converted === undefined) {
        converted = convertPiece(piece);
        if (piece.length <= PIECE_KEPT_CHARS) {
          if (pieces.size >= PIECES_KEPT) pieces.clear();
          pieces.set(piece, converted);
        }
      }
      out += converted;
    }
    if (i < text.length) out += text[i];
    start = i + 1;
  }
  return out;
}

const PIECES_KEPT = 50_000;
const PIECE_KEPT_CHARS = 64;
const DICTIONARY_UNITS = dictionaryUnits();
const convertedPieces = new Map<string, string>();
const toSimplified = (text: string) => convertInPieces(text, DICTIONARY_UNITS, convert, convertedPieces);

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
