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
 * as often as a must-have one.
 */
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import type { FusedHit } from '../retrieve/types.js';

/** The taxonomy category of a runbook about how a CNI is built as a whole (components, gateway modes, datapaths). */
export const CNI_ARCHITECTURE = 'cni_architecture';

/**
 * The path of the named CNI's best-scoring architecture runbook among `hits`, when the top hit is a path runbook
 * about no particular CNI (`ofDoc` null, not a tool's); otherwise undefined.
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
  return hits.find((hit) => hit.doc.category === CNI_ARCHITECTURE && ofDoc(hit.doc.path) === cni)?.doc.path;
}
