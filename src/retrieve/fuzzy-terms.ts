/**
 * Terms of a sorted dictionary within a Levenshtein distance of a word. Pure. The sorted array is walked as the
 * trie it implies: terms that share a prefix share the rows of the distance matrix computed for it, and once a
 * prefix's row is past the distance every term under that prefix is skipped with one binary search. The cost
 * follows the prefixes near the word, not the size of the dictionary (as a radix tree's fuzzy search does).
 */
export function fuzzyTerms(
  sorted: readonly string[],
  word: string,
  maxDistance: number,
): Array<{ index: number; distance: number }> {
  const found: Array<{ index: number; distance: number }> = [];
  const n = word.length + 1;
  const maxLength = word.length + maxDistance;
  // rows[i]: the distance row after the term's first i characters; row 0 is 0..n-1.
  const rows: Int32Array[] = [Int32Array.from({ length: n }, (_, j) => j)];
  let previous = '';
  /** How many leading characters of `previous` have valid rows. */
  let valid = 0;
  let i = 0;
  while (i < sorted.length) {
    const term = sorted[i] as string;
    let depth = 0;
    const limit = Math.min(valid, term.length);
    while (depth < limit && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
    let pruned = -1;
    for (let d = depth + 1; d <= term.length; d++) {
      if (d > maxLength) {
        pruned = d;
        break;
      }
      const above = rows[d - 1] as Int32Array;
      let row = rows[d];
      if (!row) {
        row = new Int32Array(n);
        rows[d] = row;
      }
      const char = term.charCodeAt(d - 1);
      row[0] = d;
      let min = d;
      for (let j = 1; j < n; j++) {
        const cost = char === word.charCodeAt(j - 1) ? 0 : 1;
        const value = Math.min(
          (above[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (above[j - 1] as number) + cost,
        );
        row[j] = value;
        if (value < min) min = value;
      }
      if (min > maxDistance) {
        pruned = d;
        break;
      }
    }
    previous = term;
    if (pruned > 0) {
      // No term that starts with term[0, pruned) can come within the distance: skip them all.
      valid = pruned - 1;
      i = endOfPrefix(sorted, i, term.slice(0, pruned));
      continue;
    }
    valid = term.length;
    const distance = (rows[term.length] as Int32Array)[n - 1] as number;
    if (distance <= maxDistance) found.push({ index: i, distance });
    i++;
  }
  return found;
}

/** The first index after `from` whose term does not start with `prefix` (terms with a prefix are contiguous). */
function endOfPrefix(sorted: readonly string[], from: number, prefix: string): number {
  let lo = from + 1;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string).startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
