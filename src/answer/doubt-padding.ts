/**
 * An answer whose runbook is in doubt carries no padding. A short answer is filled up to the minimum number of
 * checks with the top runbook's first generic checks; when another runbook scored nearly as high, or the top one
 * explains little of the report, that runbook may be the wrong one, and its generic checks then test nothing the
 * report points at. The checks picked for the report's own words stay; padding stays only when nothing else would.
 * Pure.
 */
export function withoutDoubtPadding<T>(checks: readonly T[], padded: ReadonlySet<T>, inDoubt: boolean): T[] {
  if (!inDoubt) return [...checks];
  const picked = checks.filter((check) => !padded.has(check));
  return picked.length > 0 ? picked : [...checks];
}
