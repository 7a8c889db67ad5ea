/**
 * What a replica serves, independent of where and when its index was built: a short hash over the docs' paths
 * and content hashes. Index generation names differ per build (each replica ingests for itself); replicas
 * serving the same KB show the same fingerprint. Pure; memoized per loaded searcher.
 */
import { createHash } from 'node:crypto';
import type { Searcher } from '../retrieve/types.js';

const computed = new WeakMap<Searcher, string>();

export function kbFingerprint(searcher: Searcher): string {
  const known = computed.get(searcher);
  if (known) return known;
  const hash = createHash('sha256');
  for (const doc of [...searcher.docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${doc.path}\0${doc.hash}\n`);
  }
  const fingerprint = hash.digest('hex').slice(0, 16);
  computed.set(searcher, fingerprint);
  return fingerprint;
}
