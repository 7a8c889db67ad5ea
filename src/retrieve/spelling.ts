/**
 * Corrects typos in Latin words of a question against the KB's own vocabulary (`kubeclt` → `kubectl`,
 * `coredsn` → `coredns`), so triggers, BM25 and coverage all see the intended word. Pure.
 */
export interface SpellingCorrector {
  /** Corrects at most `maxFixes` unknown words (default: all); the others stay as written. */
  correct(normalizedQuestion: string, maxFixes?: number): string;
}

/**
 * Candidates are the KB's words of about the same length that start with the same letter (a typo in the
 * first letter is rare, and keying on it cuts each look-up to a small bucket of a large vocabulary).
 */
export function buildSpellingCorrector(vocabulary: ReadonlyMap<string, number>): SpellingCorrector {
  const buckets = new Map<string, string[]>();
  const bucketKey = (first: string, length: number) => `${first}${length}`;
  for (const word of vocabulary.keys()) {
    if (!/^[a-z][a-z-]{3,}$/.test(word)) continue;
    const key = bucketKey(word[0] ?? '', word.length);
    const list = buckets.get(key) ?? [];
    list.push(word);
    buckets.set(key, list);
  }
  const cache = new Map<string, string>();
  const fix = (word: string, allowed: { left: number }): string => {
    if (vocabulary.has(word) || word.length < 5) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    if (allowed.left <= 0) return word;
    allowed.left--;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestScore = -1;
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      for (const candidate of buckets.get(bucketKey(word[0] ?? '', length)) ?? []) {
        const distance = editDistance(word, candidate, maxDistance);
        if (distance > maxDistance) continue;
        // Closest first, then the word the KB uses most.
        const score = (maxDistance - distance + 1) * 1e6 + (vocabulary.get(candidate) ?? 0);
        if (score > bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(word, best);
    return best;
  };
  return {
    correct: (question, maxFixes = Number.POSITIVE_INFINITY) => {
      const allowed = { left: maxFixes };
      return question.replace(/(?<![a-z0-9_.-])[a-z][a-z-]{4,}(?![a-z0-9_.-])/g, (word) =>
        fix(word, allowed),
      );
    },
  };
}

/** Optimal-string-alignment distance (adjacent transpositions count 1), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
