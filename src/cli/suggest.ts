import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to a mistyped one, when it is close enough to be a typo (edit distance at most 1 for
 * names up to 3 letters, else 2: a swapped pair like `jsno` costs 2) or the typed text is an unambiguous prefix
 * of it; undefined otherwise.
 */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const text = typed.toLowerCase();
  const prefixed = known.filter((name) => text.length >= 2 && name.startsWith(text));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const d = distance(text, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  const allowed = text.length <= 3 ? 1 : 2;
  return bestDistance <= allowed ? best : undefined;
}
