/**
 * The runbook of the report's CNI whose checks belong in an answer led by a runbook about no particular CNI, when the
 * report says traffic between nodes fails. Pure.
 *
 * A Service, NodePort or DNS report that also says pods on other nodes cannot be reached ("nodeport only accessible
 * from the node which the pod is located on and connections between pods on different nodes also fail", "coredns
 * on worker node2, pods on node1 cannot resolve", "只有 pod 所在节点能访问") fails between the nodes, in the CNI's
 * overlay or routes (VXLAN UDP 8472 blocked, a BGP peer down), not in the Service: the generic runbook leads on the
 * report's Service words, and its checks (KUBE-NODEPORTS, endpoints) all pass on such a cluster. The runbook of the
 * CNI the report runs (named, or its distribution's default: k3s runs flannel) covers that path, and its check of the
 * contrast is what an engineer runs first. Without the cross-node clause, a path runbook of a CNI is not on topic
 * for a Service report naming its plugin (named-cni-runbook.ts: measured off topic about as often as not).
 */
import type { FusedHit } from '../retrieve/types.js';
import { crossNodeFails, sameNodeWorksOtherFails } from './node-contrast.js';

/**
 * Taxonomy categories of the runbooks about what rides on the pod network (Services, DNS, host-network pods): their
 * checks test kube-proxy's rules, endpoints and CoreDNS, never the path between nodes. A runbook of a path
 * (node to pod, pod to pod) has its own checks of the tunnel (`tcpdump … 'udp port 8472 or ip proto 4'`), and one of
 * a tool is asked about for the tool.
 */
const RIDES_ON_POD_NETWORK: ReadonlySet<string> = new Set([
  'service_clusterip',
  'service_external',
  'dns',
  'host_network',
]);

/** The report says traffic between nodes fails (with or without saying that it works within one node). */
export function saysCrossNodeFails(report: string): boolean {
  return sameNodeWorksOtherFails(report) || crossNodeFails(report);
}

/**
 * The path of the best-scoring runbook of `cni` among `hits`, when the report says traffic between nodes fails and
 * the top hit is a runbook about no particular CNI (not a tool's); otherwise undefined.
 */
export function crossNodeCniRunbook(
  hits: readonly FusedHit[],
  report: string,
  cni: string | undefined,
  ofDoc: (docPath: string) => string | null,
): string | undefined {
  const top = hits[0];
  if (!top || cni === undefined || !saysCrossNodeFails(report)) return undefined;
  // Only a runbook of what rides on the pod network leads without testing it; a CNI's own runbook already leads.
  if (!RIDES_ON_POD_NETWORK.has(top.doc.category ?? '') || ofDoc(top.doc.path) !== null) return undefined;
  return hits.find((hit) => ofDoc(hit.doc.path) === cni)?.doc.path;
}
