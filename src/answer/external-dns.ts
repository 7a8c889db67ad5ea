/**
 * A report about ExternalDNS, the controller that writes a cluster's Ingress and Service names into an outside DNS
 * provider (Route 53, Cloud DNS, Azure DNS, Alibaba Cloud DNS, Cloudflare): records never created, not updated or
 * deleted, the provider's credentials or zone filters. What the controller writes into a provider's zones is the
 * controller's and the provider's business; the runbooks follow how pods resolve names (CoreDNS, its upstreams), not
 * how a zone outside the cluster gets its records. A first sentence about pods resolving names ("Pods cannot resolve
 * the names external-dns created") is CoreDNS's path and is answered. Declined only while no runbook is about
 * ExternalDNS (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * ExternalDNS by name (`external-dns`, "ExternalDNS", its `external-dns.alpha.kubernetes.io` annotations), not "external
 * DNS" for names outside the cluster ("timeout to external DNS", "external-DNS queries").
 */
const EXTERNAL_DNS =
  /\bexternaldns\b|\bexternal-dns\b(?!\s+(?:quer|look-?ups?|resolution|resolv|servers?|names?\b|records?\s+resolv))/i;
/** Pods resolving names, as a first sentence says it: the cluster's DNS path, which a runbook follows. */
const POD_RESOLUTION = /\bpods?\b|容器|core-?dns|kube-dns|nslookup|\bdig\b|resolv\.conf|nxdomain|servfail/i;

/**
 * The subject when a report's first sentence names ExternalDNS ("external-dns does not create records in Route53",
 * "ExternalDNS 不创建 DNS 记录") and says nothing of pods resolving names; else null.
 */
export function uncoveredExternalDns(question: string, explained: boolean): string | null {
  const { headline } = readReport(question);
  if (!EXTERNAL_DNS.test(headline) || POD_RESOLUTION.test(headline)) return null;
  return explained ? null : "ExternalDNS's records in an outside DNS provider";
}

/** Whether a runbook is about ExternalDNS (its title, triggers, headings or symptoms name it). */
export function externalDnsExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, EXTERNAL_DNS);
}
