/**
 * Which side of the DNS path a report says fails: a name outside the cluster (`curl: (6) Could not resolve host:
 * www.google.com`, `nslookup google.com` timing out, `无法解析外部域名`). Its path runs on from CoreDNS to the upstream
 * server, so the checks of that side test it: a lookup of an outside name (`nslookup www.example.com.`) and the
 * Corefile that forwards it upstream (`get configmap coredns`); a lookup of `kubernetes.default` tests the cluster
 * side, which such a report often says works. Pure.
 */

/** Saying a name fails to resolve. */
const FAILS =
  /could\s*n[o']t\s+resolve|can(?:'|no)?t\s+resolve|cannot\s+resolve|unable\s+to\s+resolve|unknown\s+host|bad\s+address|failure\s+in\s+name\s+resolution|no\s+such\s+host|nxdomain|servfail|no\s+servers\s+could\s+be\s+reached|lookup\s+\S+\s+on\s+\S+:53|resolution\s+failed|无法解析|解析失败|解析不了|解析超时|不能解析/iu;

/** A host name with a public top-level domain, not a cluster name. */
const HOST = /(?<![\w.@/-])((?:[a-z0-9-]+\.)+(?:com|org|net|io|cn|dev|co|de|uk|info|cloud))\.?(?![\w-])/giu;

/**
 * Words naming the outside side of DNS: `external domains`, `public DNS`, `外部域名`; also `remote addresses`, `names
 * outside the cluster` and the `upstream DNS` / `上游 DNS` that forwards them (a report saying it cannot resolve
 * "any remote addresses" as its upstream resolvers are unreachable).
 */
const OUTSIDE =
  /(?:external|public|outside|internet|remote)\s+(?:dns|domains?|names?|hosts?|urls?|addresses)|(?:names?|domains?|hosts?|addresses)\s+outside\s+(?:of\s+)?(?:the\s+|your\s+)?cluster|upstream\s+(?:dns|resolvers?|name\s*servers?)|outside\s+world|外部域名|外网域名|公网域名|外部地址的域名|集群外(?:部)?的?域名|上游\s*dns/iu;

/** How far before or after a failure word a name it is about may stand. */
const NEAR = 120;

/** The report says a name outside the cluster fails to resolve. */
export function outsideNameFails(question: string): boolean {
  const text = question.normalize('NFKC');
  const failures = [...text.matchAll(new RegExp(FAILS.source, 'giu'))].map((m) => m.index ?? 0);
  if (failures.length === 0) return false;
  if (OUTSIDE.test(text)) return true;
  for (const match of text.matchAll(HOST)) {
    const at = match.index ?? 0;
    const host = (match[1] ?? '').toLowerCase();
    // The cluster's own names (`x.svc`, `cluster.local`, `k8s.` registries and images) are not outside names.
    if (host.endsWith('.svc') || host.includes('cluster.local') || host.startsWith('k8s.')) continue;
    if (failures.some((f) => Math.abs(f - at) <= NEAR)) return true;
  }
  return false;
}

/** The check tests the outside side of DNS: it looks up an outside name, or reads the Corefile forwarding it. */
export function checksOutsideName(command: string): boolean {
  const first = command.split('\n')[0] ?? '';
  if (/\b(?:get|describe)\s+(?:configmap|cm)\s+coredns\b/iu.test(first)) return true;
  const lookup = /\b(?:nslookup|dig|host)\s+(?:[+@-]\S+\s+)*([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?(?:\s|$)/iu.exec(
    first,
  );
  const name = lookup?.[1]?.toLowerCase();
  return name !== undefined && !name.includes('cluster.local') && !name.startsWith('kubernetes.default');
}
