/** Binary search over ascending arrays (term dictionaries, id lists, bigram keys). Pure. */

/** The first index in [lo, hi) of ascending `sorted` whose value is not below `value`; `hi` when there is none. */
export function lowerBound<T extends number | string>(
  sorted: ArrayLike<T>,
  value: T,
  lo = 0,
  hi = sorted.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of `value` in [lo, hi) of ascending `sorted`, or -1. */
export function sortedIndexOf<T extends number | string>(
  sorted: ArrayLike<T>,
  value: T,
  lo = 0,
  hi = sorted.length,
): number {
  const at = lowerBound(sorted, value, lo, hi);
  return at < hi && sorted[at] === value ? at : -1;
}
