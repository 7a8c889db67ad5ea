import { apiServiceSymptom } from './query.js';

/**
 * A report whose failing operation is a TCP connection to the `kubernetes` Service's ClusterIP (`dial tcp
 * 10.96.0.1:443: i/o timeout`, `connect: no route to host`, `connection refused`) is about the pod → Service path
 * (ClusterIP, kube-proxy), even when the component that logs it is CoreDNS, kube-dns or a dashboard: CoreDNS is only
 * the client. Its name and its `i/o timeout` pull the DNS runbooks first, so those score `factor` — unless the report
 * also says a name fails to resolve (nslookup/dig fails, NXDOMAIN, SERVFAIL, "can't resolve", 解析失败), where DNS is
 * a failing hop of its own. Pure.
 */

/** A TCP connection failing: a timeout, no route, a refusal. */
const CONNECT_FAILS =
  /i\/o\s+timeout|tim(?:e|ed|es)?\s*out|no\s+route\s+to\s+host|connection\s+refused|connect:\s*network\s+is\s+unreachable|超时|超時|拒绝|拒絕|不通|连不上|連不上/iu;

/** A name lookup failing: the DNS hop itself is broken. */
const LOOKUP_FAILS =
  /could\s*n[o']t\s+resolve|can(?:'|no)?t\s+resolve|cannot\s+resolve|unable\s+to\s+resolve|unknown\s+host|bad\s+address|failure\s+in\s+name\s+resolution|no\s+such\s+host|nxdomain|servfail|no\s+servers\s+could\s+be\s+reached|lookup\s+\S+\s+on\s+\S+:53|resolution\s+failed|(?:nslookup|dig)\b(?:\.(?!\s)|[^.;。；\n]){0,60}?(?:fail|timed?\s*out|no\s+answer|not\s+work)|(?:dns|name)\s+(?:resolution|lookups?)\s+(?:fails?|failed|failing|(?:is|are)\s+(?:not\s+working|broken))|无法解析|解析失败|解析失敗|解析不了|解析超时|解析超時|不能解析|域名解析/iu;

/** The report's failing hop is the API Service's ClusterIP and no name lookup fails. */
export function apiServiceHopFails(text: string): boolean {
  return apiServiceSymptom(text) && CONNECT_FAILS.test(text) && !LOOKUP_FAILS.test(text);
}

/** The score factor per doc (DNS runbooks `factor`), or null when it does not apply. */
export function apiServiceHopFactor(
  text: string,
  categoryOfDoc: (docPath: string) => string | null,
  factor: number,
): ((docPath: string) => number) | null {
  if (factor === 1 || !apiServiceHopFails(text)) return null;
  return (docPath) => (categoryOfDoc(docPath) === 'dns' ? factor : 1);
}
