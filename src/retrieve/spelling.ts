/**
 * Corrects typos in Latin words of a question against the KB's own vocabulary (`kubeclt` → `kubectl`,
 * `coredsn` → `coredns`), so triggers, BM25 and coverage all see the intended word. Pure.
 */
export interface SpellingCorrector {
  correct(normalizedQuestion: string): string;
}

export function buildSpellingCorrector(vocabulary: ReadonlyMap<string, number>): SpellingCorrector {
  const byLength = new Map<number, string[]>();
  for (const word of vocabulary.keys()) {
    if (!/^[a-z][a-z-]{3,}$/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string>();
  const fix = (word: string): string => {
    if (vocabulary.has(word) || word.length < 5) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestScore = -1;
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      for (const candidate of byLength.get(length) ?? []) {
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
    correct: (question) => question.replace(/(?<![a-z0-9_.-])[a-z][a-z-]{4,}(?![a-z0-9_.-])/g, fix),
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
