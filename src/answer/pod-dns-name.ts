/**
 * A report naming one pod's own DNS name: a StatefulSet member's `<set>-<ordinal>.<service>.<namespace>.svc…`
 * (`zk-1.zk-headless.default.svc.cluster.local`, `nacos-1.nacos-headless.test-middleware.svc.cluster.local`), the
 * short `<set>-<ordinal>.<headless service>` (`kafka-0.kafka-headless`), or a short `<set>-<ordinal>.<service>` the
 * report looks up (`lookup etcd-0.etcd on 10.96.0.10:53`, `nslookup web-0.nginx`). Clustered applications (ZooKeeper,
 * Nacos, Kafka, Cassandra, etcd, Consul, Redis Sentinel) find their peers by these names and their logs paste the one
 * that failed. Such a record exists only while the Service is headless, the StatefulSet names it as `serviceName` and
 * the pod's endpoint carries its hostname: the checks of that record test the report's path (`pod-record-check.ts`).
 * Pure.
 */

/**
 * `<name>-<ordinal>.<service>.` followed by `svc` (after an optional namespace label), or a service label saying it
 * is headless (`-headless`, `-hl`, `-hs`). Labels start with a letter: no IPs or versions.
 */
const POD_DNS_NAME =
  /(?<![\w.-])([a-z][a-z0-9-]*-\d+)\.([a-z][a-z0-9-]*)(?:\.(?:[a-z][a-z0-9-]*\.)?svc(?![\w-])|(?<=-(?:headless|hl|hs))(?![\w-]))/giu;

/** A short `<name>-<ordinal>.<service>` right after the lookup that failed on it (`lookup etcd-0.etcd on …`). */
const LOOKED_UP_POD_NAME =
  /\b(?:lookup|nslookup|resolve|resolving(?:\s+host)?|resolve\s+host(?:name)?|bad\s+address|dig|getaddrinfo\s+enotfound)\s+['"`]?([a-z][a-z0-9-]*-\d+)\.([a-z][a-z0-9-]*)(?=[:'"`\s]|$)/giu;

/** Top-level domains: `api-2.example.com` is a host outside the cluster. */
const OUTSIDE_LABEL = /^(?:com|org|net|io|cn|dev|co|de|uk|info|cloud|local|internal|lan|home)$/u;

/** Node host names of cloud providers (`ip-10-0-1-5.ec2.internal`) end in a number too but name no pod. */
const NODE_HOST = /^ip-\d/u;

export interface PodDnsName {
  /** The pod's label (`zk-1`). */
  pod: string;
  /** The Service label after it (`zk-headless`). */
  service: string;
}

/** The per-pod DNS names the report writes (lower-case), in the order it writes them. */
export function podDnsNames(text: string): PodDnsName[] {
  const normalized = text.normalize('NFKC');
  const found: Array<PodDnsName & { at: number }> = [];
  for (const pattern of [POD_DNS_NAME, LOOKED_UP_POD_NAME])
    for (const match of normalized.matchAll(pattern)) {
      const pod = (match[1] ?? '').toLowerCase();
      const service = (match[2] ?? '').toLowerCase();
      if (NODE_HOST.test(pod) || OUTSIDE_LABEL.test(service)) continue;
      found.push({ pod, service, at: match.index ?? 0 });
    }
  return found.sort((a, b) => a.at - b.at).map(({ pod, service }) => ({ pod, service }));
}

/** The report names one pod's own DNS name. */
export function namesPodDnsName(text: string): boolean {
  return podDnsNames(text).length > 0;
}
