/**
 * Corrects typos in Latin words of a question against the KB's own vocabulary (`kubeclt` → `kubectl`,
 * `coredsn` → `coredns`), so triggers, BM25 and coverage all see the intended word. Pure.
 */
export interface SpellingCorrector {
  /** Corrects at most `maxFixes` unknown words (default: all); the others stay as written. */
  correct(normalizedQuestion: string, maxFixes?: number): string;
}

/** Spelling work per unknown word: at most this many of the KB's words get the full edit-distance check. */
export const MAX_SPELLING_CHECKS = 256;

/**
 * Candidates are the KB's words of about the same length that start with the same letter (a typo in the
 * first letter is rare, and keying on it cuts each look-up to a small bucket of a large vocabulary). A count of
 * letters rules most of a bucket out before the edit distance is computed (see `letterDistance`); at most
 * `maxChecks` words per unknown word get that full check (the bound on a vocabulary of any size).
 */
export function buildSpellingCorrector(
  vocabulary: ReadonlyMap<string, number>,
  maxChecks = MAX_SPELLING_CHECKS,
): SpellingCorrector {
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
  const letters = new Int32Array(LETTER_SLOTS);
  const fix = (word: string, allowed: { left: number }): string => {
    if (vocabulary.has(word) || word.length < 5) return word;
    // A remembered fix counts against the question's limit as a fresh one does: which words a question gets fixed
    // must not depend on what earlier questions asked.
    if (allowed.left <= 0) return word;
    allowed.left--;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestScore = -1;
    let checks = 0;
    letters.fill(0);
    countLetters(letters, word, 1);
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      for (const candidate of buckets.get(bucketKey(word[0] ?? '', length)) ?? []) {
        if (letterDistance(letters, candidate) > maxDistance) continue;
        if (checks++ >= maxChecks) break;
        const distance = editDistance(word, candidate, maxDistance);
        if (distance > maxDistance || !typoLike(word, candidate, maxDistance)) continue;
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

/**
 * Whether `word` can be a slip of the keyboard for `candidate` in at most `limit` typo-like edits: two adjacent
 * letters swapped (`kubeclt`, `coredsn`), a hyphen left out or added (`kubeovn`), a letter typed twice or once
 * (`flanel`, `metalb`), or a vowel left out or added inside the word (`genve`). Another letter put in, dropped or
 * swapped for another makes a different word more often than a typo (`start`/`stat`, `conflict`/`conflist`,
 * `containerd`/`container`, `kube-vip`/`kube-sep`, `provide`/`provider`): those are left as written. A plural or
 * past-tense ending the KB's word lacks or has (`masqueraded`, `rejected`, `refuse`) is the same word.
 */
export function typoLike(word: string, candidate: string, limit: number): boolean {
  const [short, long] = word.length <= candidate.length ? [word, candidate] : [candidate, word];
  const ending = long.slice(short.length);
  if (
    long.startsWith(short) &&
    (ending === 's' || ending === 'es' || ((ending === 'd' || ending === 'ed') && long.endsWith('ed')))
  )
    return true;
  const vowel = (char: string | undefined) => char !== undefined && 'aeiou'.includes(char);
  // `longer` has `extra` at `at`: a hyphen, a doubled letter, or a vowel inside the word.
  const droppable = (longer: string, at: number) => {
    const char = longer[at];
    if (char === '-') return true;
    if (char === longer[at - 1] || char === longer[at + 1]) return true;
    return vowel(char) && at > 0 && at < longer.length - 1;
  };
  const walk = (i: number, j: number, left: number): boolean => {
    while (i < word.length && j < candidate.length && word[i] === candidate[j]) {
      i++;
      j++;
    }
    if (i === word.length && j === candidate.length) return true;
    if (left === 0) return false;
    if (
      word[i] !== undefined &&
      word[i] === candidate[j + 1] &&
      word[i + 1] === candidate[j] &&
      walk(i + 2, j + 2, left - 1)
    )
      return true;
    if (i < word.length && droppable(word, i) && walk(i + 1, j, left - 1)) return true;
    return j < candidate.length && droppable(candidate, j) && walk(i, j + 1, left - 1);
  };
  return walk(0, 0, limit);
}

/** a–z, then one slot for anything else (`-`). */
const LETTER_SLOTS = 27;

function slotOf(code: number): number {
  return code >= 97 && code <= 122 ? code - 97 : 26;
}

function countLetters(counts: Int32Array, word: string, sign: 1 | -1): void {
  for (let i = 0; i < word.length; i++) {
    const slot = slotOf(word.charCodeAt(i));
    counts[slot] = (counts[slot] as number) + sign;
  }
}

/**
 * A lower bound of the edit distance between the word whose letter counts `counts` holds and `candidate`: the
 * letters one has more of than the other (a substitution, insertion or deletion changes that by at most one, a
 * transposition not at all). Leaves `counts` as it found it.
 */
export function letterDistance(counts: Int32Array, candidate: string): number {
  countLetters(counts, candidate, -1);
  let more = 0;
  let fewer = 0;
  for (let slot = 0; slot < LETTER_SLOTS; slot++) {
    const difference = counts[slot] as number;
    if (difference > 0) more += difference;
    else fewer -= difference;
  }
  countLetters(counts, candidate, 1);
  return Math.max(more, fewer);
}

/** Optimal-string-alignment distance (adjacent transpositions count 1), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[b.length] as number;
}
