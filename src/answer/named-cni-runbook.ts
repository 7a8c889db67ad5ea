/**
 * The runbook of the CNI a report names whose checks belong in an answer led by a runbook about no particular CNI.
 * Pure.
 *
 * A Service, DNS or NodePort report naming Cilium or OVN-Kubernetes ("CoreDNS service is not reachable … with Cilium
 * CNI", "nodeport does not work with OVS/OVN") most often fails in that CNI's own datapath: these CNIs build the
 * Service load balancing, the policy and the gateway into it (kube-proxy replacement, OVN load balancers), which
 * the generic runbook's checks (iptables rules, kube-proxy, endpoints) never look at. A runbook of the taxonomy's
 * `cni_architecture` category covers such a CNI's whole datapath, so it is on topic for any path's report naming
 * that CNI. A runbook of one path of a CNI (Calico's BGP/IPIP between nodes, flannel's VXLAN) is not: a NetworkPolicy,
 * MTU or NodePort report naming Calico as its cluster's plugin was measured to get an off-topic check from it about
 * as often as a must-have one. Unless it is about the leading runbook's own path: a pod-to-pod report naming Flannel
 * ("when the network interface bound to flannel disappears ...") led by the generic same-node runbook fails in
 * Flannel's pod-to-pod datapath, which that runbook's bridge and sysctl checks do not look at.
 */
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import type { FusedHit } from '../retrieve/types.js';

/** The taxonomy category of a runbook about how a CNI is built as a whole (components, gateway modes, datapaths). */
export const CNI_ARCHITECTURE = 'cni_architecture';

/**
 * The path of the named CNI's best-scoring architecture runbook, or runbook of the top hit's path, among `hits`, when
 * the top hit is a path runbook about no particular CNI (`ofDoc` null, not a tool's); otherwise undefined.
 */
export function namedCniRunbook(
  hits: readonly FusedHit[],
  cni: string,
  ofDoc: (docPath: string) => string | null,
): string | undefined {
  const top = hits[0];
  // A tool's runbook (`kubectl ko trace`, OVS flows) is asked about for the tool, not for the CNI's datapath.
  if (!top || top.doc.category === RETRIEVAL_CONFIG.toolDocs.category || ofDoc(top.doc.path) !== null)
    return undefined;
  return hits.find(
    (hit) =>
      ofDoc(hit.doc.path) === cni &&
      (hit.doc.category === CNI_ARCHITECTURE || samePath(hit.doc.category, top.doc.category)),
  )?.doc.path;
}

/** Both categories are one path: the same, or pod to pod on one node and across nodes (a report often says neither). */
function samePath(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const podToPod = RETRIEVAL_CONFIG.statedPathCategories.podToPod ?? [];
  return a === b || (podToPod.includes(a) && podToPod.includes(b));
}
