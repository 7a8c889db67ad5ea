/**
 * A report whose failing connection is a node's own reach into a pod's IP — the API server's proxy to a pod (`Error:
 * 'dial tcp 10.244.1.5:9090: i/o timeout' Trying to reach: 'http://10.244.1.5:9090/'`), a kubelet liveness /
 * readiness probe that fails, or a `curl`/`ping` of the pod IP run on a node — is about the host → pod path
 * (category `node_to_pod`), even when it says "service" for the application in the pod or names the dashboard,
 * CoreDNS or kube-dns as what it tried to reach: no ClusterIP and no name lookup is on that hop. So `node_to_pod`
 * runbooks score `lift` and the ClusterIP / kube-proxy and DNS runbooks `demote` — unless the report also says a name
 * fails to resolve or addresses a Service's ClusterIP, where those hops fail of their own. Pure.
 */
import { LOOKUP_FAILS } from './api-service-hop.js';

/** The API server's proxy error: it dials the pod's IP from the control-plane host. */
const APISERVER_PROXY = /error:\s*'dial\s+tcp\s+(?:\d{1,3}\.){3}\d{1,3}:\d+:[^']*'\s*trying\s+to\s+reach/iu;

/**
 * A kubelet probe (run from the pod's node) whose connection fails: "Readiness probe failed: ... i/o timeout",
 * "liveness probes ... fail with connection refused". A probe failing on the component's own state ("calico/node is
 * not ready") is that component's matter, not the path.
 */
const PROBE_FAILS =
  /(?<![a-z])(?:liveness|readiness|startup|http)(?:\s+(?:and|or|&|\/)\s+(?:liveness|readiness|startup))?\s+(?:probes?|checks?)\b[^;。；\n]{0,120}?(?:tim(?:e|ed|es)?\s*out|timeout|connection\s+refused|no\s+route\s+to\s+host)|(?:存活|就绪|健康)?探针[^，。；;\n]{0,20}?(?:超时|不通|拒绝)/iu;

/** A pod's IP named as what fails, in one sentence: "curl <pod-ip> times out", "pod ip 不通". */
const POD_IP_FAILS =
  /pod\s*(?:的\s*)?ip(?![a-z])[^。；;\n]{0,120}?(?:tim(?:e|ed|es)?\s*out|timeout|refused|no\s+route|unreachable|not\s+(?:available|reachable)|fail|不通|超时|拒绝)/iu;

/** The client is a node: "on node1", "from the master", "root@master:~# curl", "在节点上", "宿主机". */
const NODE_CLIENT =
  /(?<![a-z])(?:on|from)\s+(?:the\s+|a\s+|that\s+|this\s+)?(?:(?:k8s|kubernetes|worker|master|host(?:ing)?)\s+)?(?:node|host|master)\d*(?![a-z-])|root@[\w-]+:|节点上|在节点|宿主机|主机上/iu;

/** A Service's ClusterIP named in the report: that hop may be the failing one. */
const SERVICE_IP = /cluster[\s-]?ip|(?:service|svc)[\s-]?ip(?![a-z])|集群\s*ip|服务\s*ip/iu;

/** True when the report's failing hop is a node reaching a pod's IP, and no lookup or ClusterIP is in question. */
export function podIpHopFails(text: string): boolean {
  if (LOOKUP_FAILS.test(text) || SERVICE_IP.test(text)) return false;
  return (
    APISERVER_PROXY.test(text) ||
    PROBE_FAILS.test(text) ||
    (POD_IP_FAILS.test(text) && NODE_CLIENT.test(text))
  );
}

export interface PodIpHopFactors {
  /** The host → pod runbooks' factor. */
  lift: number;
  /** The ClusterIP / kube-proxy and DNS runbooks' factor. */
  demote: number;
}

/** The categories a node → pod IP hop does not go through. */
const BYPASSED = new Set(['service_clusterip', 'dns']);

/**
 * The score factor per doc, or null when the report's failing hop is not a node → pod IP one. When the report names
 * its CNI (`cniNamed`), the generic host → pod runbook (`cniOfDoc` null) is not lifted: that CNI's runbooks explain
 * its own node → pod path ("在主机上 ping 这个 Pod 的 IP 也不通" beside a crash-looping calico-kube-controllers).
 */
export function podIpHopFactor(
  text: string,
  categoryOfDoc: (docPath: string) => string | null,
  cniOfDoc: (docPath: string) => string | null,
  cniNamed: boolean,
  factors: PodIpHopFactors,
): ((docPath: string) => number) | null {
  if ((factors.lift === 1 && factors.demote === 1) || !podIpHopFails(text)) return null;
  return (docPath) => {
    const category = categoryOfDoc(docPath);
    if (category === 'node_to_pod') return cniNamed && cniOfDoc(docPath) === null ? 1 : factors.lift;
    return category !== null && BYPASSED.has(category) ? factors.demote : 1;
  };
}
