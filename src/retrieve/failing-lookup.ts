/**
 * A report that shows the resolver's own error — `ping: unknown host web`, `Could not resolve host: x`, `lookup web
 * on 10.96.0.10:53: no such host`, `nslookup: can't resolve 'web'`, NXDOMAIN, SERVFAIL, `Temporary failure in name
 * resolution` — reports a failing lookup as what it saw, so the cluster DNS runbook (the DNS category's main one: its
 * highest priority) is its first reading, even when a runbook that only mentions DNS in passing (a Service or
 * hostNetwork runbook) matches more of its words. That runbook scores `factor`, unless:
 * - the report names its CNI (named, configured, or stated as its environment): a CNI runbook explains why its pods
 *   reach no DNS server (a Kube-OVN underlay whose busybox cannot resolve);
 * - a trigger of another runbook matched: the report speaks that runbook's language (hostNetwork, a NetworkPolicy);
 * - the report names the narrow DNS case (a headless Service, SRV records: narrow-runbook.ts), or a StatefulSet,
 *   whose pods find each other through a headless Service's records.
 * Prose alone ("DNS 也解析不了了", "DNS resolution failed when ...") is no resolver error: such reports often name
 * the cause the lookup only suffers from (a deny-all policy, a same-node hairpin). Pure.
 */

import { type NarrowDnsInput, namesHeadlessCase } from './narrow-runbook.js';

/** The resolver's own error messages (normalized, lower-case text). */
const RESOLVER_ERROR =
  /\bunknown\s+host\b|could\s*n[o']t\s+resolve\s+host|\bno\s+such\s+host\b|\blookup\s+\S+\s+on\s+\S+:53\b|\bnxdomain\b|\bservfail\b|\bbad\s+address\s+'|temporary\s+failure\s+in\s+name\s+resolution|name\s+or\s+service\s+not\s+known|no\s+servers\s+could\s+be\s+reached|can(?:'|no)?t\s+resolve\s+'|\bgetaddrinfo\s+enotfound\b/u;

/** A StatefulSet named: its pods' names resolve through a headless Service (the narrow DNS runbook's case). */
const NAMES_STATEFULSET = /statefulset|有状态/u;

/** The DNS runbooks' priorities and the matched triggers, as the narrow DNS factor reads them. */
export interface FailingLookupInput extends NarrowDnsInput {
  /** The report's whole text (question and pasted output), normalized. */
  text: string;
  /** The report's CNI is known: named, configured, or stated as its environment. */
  cniKnown: boolean;
}

/** True when the (normalized) text shows a resolver error. */
export function showsResolverError(text: string): boolean {
  return RESOLVER_ERROR.test(text);
}

/** The score factor per doc (the main DNS runbook `factor`), or null when it does not apply. */
export function failingLookupFactor(input: FailingLookupInput): ((docPath: string) => number) | null {
  if (input.factor === 1 || input.cniKnown) return null;
  if (!showsResolverError(input.text)) return null;
  if (namesHeadlessCase(input.text) || NAMES_STATEFULSET.test(input.text)) return null;
  const isMainDns = (docPath: string) =>
    input.categoryOfDoc(docPath) === 'dns' && input.priorityOfDoc(docPath) >= input.topDnsPriority;
  if ([...input.triggered].some((docPath) => !isMainDns(docPath))) return null;
  return (docPath) => (isMainDns(docPath) ? input.factor : 1);
}
