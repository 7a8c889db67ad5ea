import * as OpenCC from 'opencc-js';

// Taiwan phrases → mainland simplified: 網路 → 网络, not just 网路 (character-only conversion misses those).
const toSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

const HAN = '\\p{Script=Han}';
const SPACE_NEXT_TO_HAN = new RegExp(`(?<=[${HAN}])\\s+|\\s+(?=[${HAN}])`, 'gu');

/** NFKC (full-width → half-width), lower case, traditional → simplified; spacing untouched. */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/**
 * Canonical text for matching: NFKC (full-width → half-width), lower case, traditional → simplified,
 * whitespace collapsed, and no spaces next to Chinese characters (`join 网络` = `join网络`).
 */
export function normalizeText(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').replace(SPACE_NEXT_TO_HAN, '').trim();
}

export function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}
