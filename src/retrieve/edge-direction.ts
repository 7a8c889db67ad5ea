/**
 * Which way a report's failing traffic crosses the cluster's edge. A pod that cannot reach the internet, an external
 * IP or a host outside the cluster ("Pods are not able to communicate outside of the cluster", "pod 访问外网不通",
 * "traffic leaving the cluster carries the node IP") goes out through the node's SNAT: the egress runbook
 * (category `pod_to_external`). Runbooks of a hop inside the cluster (a pod on the same node, a node reaching a pod,
 * a Service's ClusterIP, a host-network pod, CoreDNS) share its words ("ping", "节点", "iptables", "timeout", the
 * resolver named as the cluster's setting) yet are about traffic the report never says fails, and so is a CNI's own
 * runbook (Kube-OVN's join network, whose symptom table speaks of 节点 and 外部地址) in a report naming no CNI.
 * A client outside the cluster that cannot reach a pod or a port on a node ("从集群外访问 node-04:8443 连不上",
 * "集群外部无法访问到 Pod") comes in instead: the egress runbook shares its "集群外" / "outside" words but is about
 * the opposite way. Only what the report says fails is read: a long report's headline, a short question's failing
 * part. Pure; text normalized (lower case).
 */

import { LOOKUP_FAILS } from './lookup-fails.js';

export type EdgeDirection = 'outbound' | 'inbound';

/**
 * A place outside the cluster as a destination: the internet, an external address or host, "off the cluster". A
 * Service's `externalIPs` field or EXTERNAL-IP column (one word, or hyphened as normalizing leaves `ExternalIP`) is a
 * way in instead (INBOUND).
 */
const OUTSIDE_PLACE =
  /external[\s_](?:ip|ips|address(?:es)?|network|networks|host|hosts|services?|servers?|destinations?|sites?|websites?|endpoints?)(?![a-z])|(?<![a-z])internet(?![a-z])|outside\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?(?:cluster|world)|(?:off|leaving|leaves|leave|exiting|exits?)\s+the\s+cluster|public\s+(?:ip|ips|network|address(?:es)?)(?![a-z])|外网|公网|互联网|集群\s*外|外部\s*(?:网络|地址|服务|ip|主机|机器|站点|网站)/iu;

/**
 * Traffic's way out named by its mechanism: "egress traffic", "出网", "出口 SNAT". It is a pod's way out only where the
 * failing text names a pod (POD): a node's own SNAT rules are the node's.
 */
const WAY_OUT =
  /(?<![a-z])egress(?!\s+(?:polic|rules?|networkpolic|gateway))(?![a-z-])|出网|出集群|出口\s*(?:snat|ip|流量)|(?:snat|masquerad\w*|nat\s*outgoing|natoutgoing)(?![a-z])/iu;

/** A pod or a container as the failing text's subject. */
const POD = /(?<![a-z])(?:pods?|containers?)(?![a-z])|容器/iu;

/**
 * A client outside the cluster, or the ways in from outside (NodePort, LoadBalancer, hostPort, an exposed Service):
 * the traffic comes in. "从集群外访问", "外部访问", "from outside", "external clients". An Ingress is left out: a pod's
 * way out may pass an egress gateway named "Ingress Gateway".
 */
const INBOUND =
  /from\s+(?:the\s+)?(?:outside|internet)|external-?ips?(?![a-z])|from\s+(?:an?\s+|the\s+)?external|external(?:ly)?\s+(?:clients?|users?|access(?:ed|ible)?)|outside\s+clients?|accessible\s+from|从\s*(?:集群|k8s|kubernetes)?\s*外|(?:集群|k8s|kubernetes)\s*外\s*(?:部|面)?\s*(?:的\s*)?(?:客户端|机器|主机|用户)?[，,]?[^。；;，,]{0,8}?(?:无法|不能|访问|连接|请求)|外部\s*(?:客户端|用户|机器|主机)?\s*(?:无法|不能)?\s*访问|外网\s*(?:无法|不能)?\s*访问|node[\s_-]?port|节点端口|load[\s_-]?balancer|host[\s_-]?port|externaltrafficpolicy|expos(?:e|es|ed|ing)(?![a-z])|暴露/iu;

/**
 * DNS as what fails: a pod that cannot resolve an outside name fails at DNS (the CoreDNS runbook), and the egress
 * runbook itself sends such a report there. Read in the failing text; further down a report only a lookup stated to
 * fail counts (LOOKUP_FAILS), not the resolver named as the cluster's setting ("dns resolver core-dns").
 */
const LOOKUP =
  /(?<![a-z])(?:dns|nslookup|dig|resolv\w*|coredns|kube-dns)(?![a-z])|解析|域名|name\s+or\s+service\s+not\s+known/iu;

/** A public IPv4 address (not private, loopback, link-local, shared 100.64/10 or multicast): "ping 8.8.8.8". */
const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.]|\/)/g;

function isPublicIpv4(a: number, b: number): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  return !(a === 100 && b >= 64 && b <= 127);
}

function namesPublicAddress(text: string): boolean {
  for (const match of text.matchAll(IPV4)) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    if ([a, b, c, d].every((octet) => octet <= 255) && isPublicIpv4(a, b)) return true;
  }
  return false;
}

/** The way the failing text's traffic crosses the cluster's edge, or null when it names no edge or both ways. */
export function edgeDirection(failing: string): EdgeDirection | null {
  const inbound = INBOUND.test(failing);
  const outside = OUTSIDE_PLACE.test(failing) || namesPublicAddress(failing);
  if (inbound) return outside || /(?:集群|k8s|kubernetes)\s*外/iu.test(failing) ? 'inbound' : null;
  return outside || (WAY_OUT.test(failing) && POD.test(failing)) ? 'outbound' : null;
}

export interface EdgeDirectionFactors {
  /** Outbound: the runbooks of the way out (category `pod_to_external`) of no CNI or of the report's CNI. */
  lift: number;
  /** Outbound: the runbooks of a hop inside the cluster, and a CNI's own runbooks in a report that names no CNI. */
  demote: number;
  /** Inbound: the runbooks of the way out of no particular CNI. */
  inbound: number;
}

/** Runbook categories of a hop inside the cluster: same-node pods, node → pod, a ClusterIP, host-network pods, DNS. */
const IN_CLUSTER_HOPS = new Set([
  'pod_to_pod_same_node',
  'node_to_pod',
  'service_clusterip',
  'host_network',
  'dns',
]);

const WAY_OUT_CATEGORY = 'pod_to_external';

export interface EdgeDirectionInput {
  /** What the report says fails (normalized): a long report's headline, else the question's failing part. */
  failing: string;
  /** The report's whole failing part (normalized): a lookup failing anywhere in it makes it a DNS report. */
  focus: string;
  /** The report's own pods fail to reach each other too: the CNI's pod network is a failing path as well. */
  podsFailToo: boolean;
  /**
   * The report's CNIs (named, configured or implied), or null when a CNI is known only by a feature word ("bpf
   * masquerade"): which CNI's way out the report runs is then not known.
   */
  cnis: readonly string[] | null;
  categoryOfDoc: (docPath: string) => string | null;
  cniOfDoc: (docPath: string) => string | null;
  /**
   * The CNI has a runbook of its whole datapath (`cni_architecture`: Cilium's eBPF, OVN-Kubernetes' gateway), where
   * its own way out (BPF masquerade, the gateway router's SNAT) is explained.
   */
  explainsWholeDatapath: (cni: string) => boolean;
  /** The CNIs with a way-out runbook of their own (category `pod_to_external`). */
  ownWayOut: (cni: string) => boolean;
  factors: EdgeDirectionFactors;
}

/**
 * The score factor per doc, or null when the failing traffic crosses no edge the report makes clear. Outbound, the
 * way-out runbooks lifted are the report's CNI's own when it has one (Kube-OVN's VPC egress), else those of no CNI;
 * none is lifted when the report's CNI explains its whole datapath in one runbook, or is known only by a feature.
 */
export function edgeDirectionFactor(input: EdgeDirectionInput): ((docPath: string) => number) | null {
  const direction = edgeDirection(input.failing);
  if (direction === null) return null;
  const { categoryOfDoc, cniOfDoc, factors } = input;
  if (direction === 'inbound') {
    if (factors.inbound === 1) return null;
    return (docPath) =>
      categoryOfDoc(docPath) === WAY_OUT_CATEGORY && cniOfDoc(docPath) === null ? factors.inbound : 1;
  }
  if (
    input.podsFailToo ||
    LOOKUP.test(input.failing) ||
    LOOKUP_FAILS.test(input.focus) ||
    (factors.lift === 1 && factors.demote === 1)
  )
    return null;
  const cnis = input.cnis;
  const lift = cnis === null || cnis.some(input.explainsWholeDatapath) ? 1 : factors.lift;
  const own = new Set((cnis ?? []).filter(input.ownWayOut));
  const lifted = (cni: string | null) => (own.size > 0 ? cni !== null && own.has(cni) : cni === null);
  // A report that names no CNI at all runs the way out every CNI shares: a CNI's own runbook is incidental there.
  const unnamed = cnis !== null && cnis.length === 0;
  return (docPath) => {
    const category = categoryOfDoc(docPath);
    const cni = cniOfDoc(docPath);
    if (category === WAY_OUT_CATEGORY && lifted(cni)) return lift;
    if (unnamed && cni !== null) return factors.demote;
    return category !== null && IN_CLUSTER_HOPS.has(category) ? factors.demote : 1;
  };
}
