import { LOOKUP_FAILS } from './lookup-fails.js';
import { apiServiceSymptom } from './query.js';

/**
 * A report whose failing operation is a TCP connection to the `kubernetes` Service's ClusterIP (`dial tcp
 * 10.96.0.1:443: i/o timeout`, `connect: no route to host`, `connection refused`) is about the pod → Service path
 * (ClusterIP, kube-proxy), even when the component that logs it is CoreDNS, kube-dns or a dashboard: CoreDNS is only
 * the client. Its name and its `i/o timeout` pull the DNS runbooks first, so those score `factor` — unless the report
 * also says a name fails to resolve (nslookup/dig fails, NXDOMAIN, SERVFAIL, "can't resolve", "cannot be resolved",
 * 解析失败), where DNS is a failing hop of its own. Pure.
 */

/** A TCP connection failing: a timeout, no route, a refusal. */
const CONNECT_FAILS =
  /i\/o\s+timeout|tim(?:e|ed|es)?\s*out|no\s+route\s+to\s+host|connection\s+refused|connect:\s*network\s+is\s+unreachable|超时|超時|拒绝|拒絕|不通|连不上|連不上/iu;

/** The report's failing hop is the API Service's ClusterIP and no name lookup fails. */
export function apiServiceHopFails(text: string): boolean {
  return apiServiceSymptom(text) && CONNECT_FAILS.test(text) && !LOOKUP_FAILS.test(text);
}

/**
 * A Service's ClusterIP named as what the failing part cannot reach ("access service through clusterip, but there was
 * no response", "集群IP 访问不通"). Not a headless Service (`clusterIP: None`): that one is only DNS records.
 */
const SERVICE_IP = /cluster[\s-]?ip(?!\s*[:=]\s*none)|(?:service|svc)[\s-]?ip(?![a-z])|集群\s*ip|服务\s*ip/iu;
const HEADLESS = /headless|无头|clusterip\s*[:=]\s*none/iu;

/**
 * The same pod → Service path for any Service: the report's failing part (normalized) says a ClusterIP cannot be
 * reached (`brokenPath`, query.ts reportsBrokenPath), and the whole text states no failing lookup and no headless
 * Service. CoreDNS or kube-dns named beside it ("kube-proxy and coredns not scheduling") is then a component, not the
 * failing hop.
 */
export function serviceIpHopFails(focus: string, text: string, brokenPath: boolean): boolean {
  return brokenPath && SERVICE_IP.test(focus) && !HEADLESS.test(text) && !LOOKUP_FAILS.test(text);
}

/** How the runbooks score when the DNS runbook was pulled by the client's name (apiServiceHopFactor). */
export interface PulledDnsFactors {
  /** DNS runbooks, in place of the plain demotion. */
  dns: number;
  /** The hop's own runbooks (`service_clusterip`: ClusterIP, kube-proxy). */
  service: number;
}

/**
 * The score factor per doc (DNS runbooks `factor`), or null when it does not apply. `serviceIpFails` is
 * serviceIpHopFails of the same report (the API Service's hop is one case of it, found in the paste too).
 * `pulled`: given when the API Service hop fails and a DNS runbook's trigger matched, i.e. CoreDNS or kube-dns is
 * named as the client that logs the failure ("kube-dns container not starting … dial tcp 10.96.0.1:443: no route to
 * host"). That name pulls the DNS runbook harder than the plain demotion undoes, so the DNS runbooks score
 * `pulled.dns` and the hop's own runbooks `pulled.service`. Not for any ClusterIP: the one a pod cannot reach may be
 * kube-dns itself ("ping 不通 coredns 的 service ip"), where CoreDNS is the server.
 */
export function apiServiceHopFactor(
  text: string,
  categoryOfDoc: (docPath: string) => string | null,
  factor: number,
  serviceIpFails = false,
  pulled: PulledDnsFactors | null = null,
): ((docPath: string) => number) | null {
  if (factor === 1 || !(serviceIpFails || apiServiceHopFails(text))) return null;
  const dns = pulled?.dns ?? factor;
  const service = pulled?.service ?? 1;
  return (docPath) => {
    const category = categoryOfDoc(docPath);
    if (category === 'dns') return dns;
    return category === 'service_clusterip' ? service : 1;
  };
}
