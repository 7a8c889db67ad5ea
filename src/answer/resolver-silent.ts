/**
 * A pasted lookup error saying the resolver itself did not answer (`lookup nacos-headless on 172.172.0.2:53: read udp
 * ...->172.172.0.2:53: i/o timeout`, `nslookup: can't resolve 'svc-simple-cluster': Try again`, `;; connection timed
 * out; no servers could be reached`, `Temporary failure in name resolution`, `EAI_AGAIN`) fails
 * at the cluster's DNS server, whatever name was asked: a headless Service's missing records make the server answer
 * "no such name" (NXDOMAIN), not time out or refuse. So the cluster DNS runbook (CoreDNS: its pods, Service, upstream,
 * the path from the client's node to it) leads over the headless Service's runbook that the report's StatefulSet or
 * `-headless` name matched. Pure.
 */
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';
import { foundRunbookFirst } from './path-main-runbook.js';

/** The resolver did not answer: a timeout or refusal on port 53, a retry-later or server-failure code. */
const SILENT = new RegExp(
  [
    // Go: `lookup x on 10.96.0.10:53: read udp a->b:53: i/o timeout | connection refused`. Not `server misbehaving`
    // (SERVFAIL): the server answered.
    String.raw`:53:\s*(?:read:\s*)?(?:i/o\s+timeout|connection\s+refused)`,
    // busybox / musl nslookup, dig.
    String.raw`can'?t\s+resolve\s+'?[^'\s]+'?\s*:\s*try\s+again`,
    String.raw`no\s+servers\s+could\s+be\s+reached`,
    // glibc, Node, Python: a temporary failure (EAI_AGAIN), not "no such name".
    String.raw`temporary\s+failure\s+in\s+name\s+resolution`,
    String.raw`\bEAI_AGAIN\b`,
    String.raw`\berror\s+-3\s+connecting\s+to\b`,
  ].join('|'),
  'iu',
);

/** The report pastes a lookup error in which the DNS server did not answer. */
export function statesResolverSilent(question: string): boolean {
  return SILENT.test(question.normalize('NFKC'));
}

/**
 * The report's hits with `resolverRunbook` (the cluster DNS runbook) first when the headless Service's runbook
 * (`podRecordRunbook`) leads a report whose resolver did not answer; null when nothing moves. `searched` holds the
 * hits of a search among the DNS runbooks, for a report whose own hits lack the resolver's runbook.
 */
export function resolverSilentFirst(
  question: string,
  result: RetrievalResult,
  resolverRunbook: string,
  podRecordRunbook: string,
  searched: readonly FusedHit[] = [],
): RetrievalResult | null {
  if (result.hits[0]?.doc.path !== podRecordRunbook || !statesResolverSilent(question)) return null;
  return foundRunbookFirst(result, resolverRunbook, searched);
}
