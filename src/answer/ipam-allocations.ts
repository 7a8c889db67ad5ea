/**
 * The address list of `cilium status --verbose` (or `cilium-dbg status`). Pure.
 *
 * ```
 * Allocated addresses:
 *   10.0.1.150 (k8s-api/k8s-api-rbac-test-69844b778-pwphw [restored])
 *   10.0.1.164 (default/deathstar-c74d84667-tklxt)
 *   10.0.1.165 (router)
 * ```
 *
 * Every endpoint of the node is listed, in address order: the first pod there is no more the report's than the others,
 * and its namespace no more the report's namespace.
 */

export interface AllocationEntry {
  /** Where the entry's line starts (its address) and where its parenthesis closes. */
  start: number;
  end: number;
  /** The pod's name, or the endpoint's role (`router`, `health`, `ingress`). */
  name: string;
}

const ENTRY =
  /^[^\S\n]*(?:\d{1,3}\.){3}\d{1,3}[^\S\n]+\((?:[a-z0-9][a-z0-9.-]*\/)?([a-z0-9][a-z0-9.-]*)(?:[^\S\n]*\[restored\])?\)/gim;

/** The entries of each run of two or more allocation lines in `text`. */
export function allocationEntries(text: string): AllocationEntry[] {
  if (!text.includes('(')) return [];
  const entries = [...text.matchAll(ENTRY)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    name: (match[1] ?? '').toLowerCase(),
  }));
  // A lone `10.0.0.5 (web-0)` in prose is the report's own pairing of an address and its pod, no listing.
  return entries.filter((entry, i) => {
    const near = (other: AllocationEntry | undefined) =>
      other !== undefined &&
      !/\n[^\S\n]*\n/.test(text.slice(Math.min(entry.end, other.end), Math.max(entry.start, other.start)));
    return near(entries[i - 1]) || near(entries[i + 1]);
  });
}
