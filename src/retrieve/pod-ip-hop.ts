/**
 * A report whose failing connection is a node's own reach into a pod's IP — the API server's proxy to a pod (`Error:
 * 'dial tcp 10.244.1.5:9090: i/o timeout' Trying to reach: 'http://10.244.1.5:9090/'`), a kubelet liveness /
 * readiness probe that fails, or a `curl`/`ping` of the pod IP run on a node — is about the host → pod path
 * (category `node_to_pod`), even when it says "service" for the application in the pod or names the dashboard,
 * CoreDNS or kube-dns as what it tried to reach: no ClusterIP and no name lookup is on that hop. So `node_to_pod`
 * runbooks score `lift` and the ClusterIP / kube-proxy and DNS runbooks `demote` — unless the report also says a name
 * fails to resolve or addresses a Service's ClusterIP, where those hops fail of their own. Pure.
 */
import { LOOKUP_FAILS } from './lookup-fails.js';
import { extensionCallFails } from './webhook-call.js';

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

/**
 * How a node's reach into a pod IP fails: a kubelet probe, the API server calling a webhook or an aggregated API
 * (webhook-call.ts), or the API server's proxy or a node's own curl / ping.
 */
export type PodIpHop = 'probe' | 'extension' | 'node';

/** The report's failing node → pod IP hop, or null when there is none or a lookup or ClusterIP is in question. */
export function failingPodIpHop(text: string): PodIpHop | null {
  if (LOOKUP_FAILS.test(text) || SERVICE_IP.test(text)) return null;
  if (PROBE_FAILS.test(text)) return 'probe';
  if (extensionCallFails(text)) return 'extension';
  return APISERVER_PROXY.test(text) || (POD_IP_FAILS.test(text) && NODE_CLIENT.test(text)) ? 'node' : null;
}

/** True when the report's failing hop is a node reaching a pod's IP, and no lookup or ClusterIP is in question. */
export function podIpHopFails(text: string): boolean {
  return failingPodIpHop(text) !== null;
}

export interface PodIpHopFactors {
  /** The host → pod runbooks' factor. */
  lift: number;
  /** The ClusterIP / kube-proxy and DNS runbooks' factor. */
  demote: number;
}

/** The categories a node → pod IP hop does not go through. */
const BYPASSED = new Set(['service_clusterip', 'dns']);

/** The CNIs known for a report, and which of them have a host → pod runbook of their own. */
export interface PodIpHopCnis {
  /**
   * The report's CNIs: named, configured or implied by its distribution (empty: not known); null when a CNI is known
   * but not by name (a feature only its runbooks are about), where every CNI's host → pod runbook stays a candidate.
   */
  known: readonly string[] | null;
  /** True when `cni` has a `node_to_pod` runbook of its own (Kube-OVN's ovn0 path). */
  hasOwnNodeToPod: (cni: string) => boolean;
}

/**
 * The score factor per doc, or null when the report's failing hop is not a node → pod IP one. A CNI's own host → pod
 * runbook is lifted only when that CNI is the report's: Kube-OVN's ovn0 runbook does not explain a probe failing on
 * a cluster whose CNI is not known. The generic host → pod runbook (`cniOfDoc` null) is lifted when no CNI is known;
 * in a report naming its CNI only for a failing kubelet probe or API server call to an extension, and only when no
 * known CNI has a host → pod runbook of its own: the generic runbook reads probe errors, while a node's curl or ping of a pod IP beside a named Calico or
 * Cilium is that CNI's datapath ("在主机上 ping 这个 Pod 的 IP 也不通" and an unanswered ARP for 169.254.1.1).
 */
export function podIpHopFactor(
  text: string,
  categoryOfDoc: (docPath: string) => string | null,
  cniOfDoc: (docPath: string) => string | null,
  cnis: PodIpHopCnis,
  factors: PodIpHopFactors,
): ((docPath: string) => number) | null {
  const hop = failingPodIpHop(text);
  if ((factors.lift === 1 && factors.demote === 1) || hop === null) return null;
  const known = cnis.known === null ? null : new Set(cnis.known);
  const genericLifted =
    cnis.known !== null &&
    (cnis.known.length === 0 || (hop !== 'node' && !cnis.known.some(cnis.hasOwnNodeToPod)));
  return (docPath) => {
    const category = categoryOfDoc(docPath);
    if (category === 'node_to_pod') {
      const cni = cniOfDoc(docPath);
      const lifted = cni === null ? genericLifted : known === null || known.has(cni);
      return lifted ? factors.lift : 1;
    }
    return category !== null && BYPASSED.has(category) ? factors.demote : 1;
  };
}
