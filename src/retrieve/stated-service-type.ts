/**
 * A report whose failing part states the Service type it goes through — NodePort, LoadBalancer,
 * externalTrafficPolicy, or an address on a port of the NodePort range — is about the external-access runbook, even
 * when it also says "service ... cannot reach" (the ClusterIP runbook's generic trigger) or pastes a CNI's pods.
 * That runbook (category `service_external`) then scores `factor`. Two limits keep it to the stated type:
 * - only the headline of a long report counts (its body lists `kubectl get svc` rows of every type and says
 *   "configured a NodePort" in passing), and the failing part of a short one (not "nodePort works, ClusterIP not"),
 *   besides a sentence in which the reporter exposes a Service of that type (exposed-type.ts);
 * - a report naming a CNI whose runbooks explain Services of that kind is left alone: its own load balancer or
 *   NodePort datapath (OVN load balancers, Cilium's kube-proxy replacement, Kube-OVN LB services) is that CNI
 *   runbook's matter. A CNI whose runbooks never speak of NodePorts or load balancers (Calico's BGP/IPIP, Flannel's
 *   VXLAN) is only the cluster's setting there (`namedCniServesTypes`).
 * Pure.
 */
import { exposesExternalType } from './exposed-type.js';
import { addressesNodePort } from './nodeport-address.js';

/** The Kubernetes Service types (and the setting) only external access has: a closed set, not a report's words. */
export const SERVICE_TYPE_WORDS = ['nodeport', 'loadbalancer', 'externaltrafficpolicy'] as const;

export interface StatedServiceTypeInput {
  /** A long report's headline (normalized), or null for a short question. */
  headline: string | null;
  /** The failing part of the (normalized) question. */
  focus: string;
  /** The whole normalized question: a sentence in which the reporter exposes a Service of that type counts too. */
  text: string;
  /** The glossary groups of a text. */
  groupsOf: (text: string) => readonly string[];
  /** The glossary groups of SERVICE_TYPE_WORDS. */
  typeGroups: ReadonlySet<string>;
  namesCni: boolean;
  categoryOfDoc: (docPath: string) => string | null;
  factor: number;
}

/** True when the failing text states an external Service type. */
export function statesExternalServiceType(
  text: string,
  groupsOf: (text: string) => readonly string[],
  typeGroups: ReadonlySet<string>,
): boolean {
  return addressesNodePort(text) || groupsOf(text).some((group) => typeGroups.has(group));
}

/**
 * Whether the CNIs a report names keep the external-access runbook from being lifted: true when one of them is a
 * CNI whose runbooks explain NodePort / LoadBalancer Services (`servesTypes`), or when the CNI is known but not by
 * name (a feature only its runbooks are about, a configured one: `named` empty). Pure.
 */
export function namedCniServesTypes(
  named: readonly string[],
  servesTypes: (cni: string) => boolean,
): boolean {
  return named.length === 0 || named.some(servesTypes);
}

/** The CNIs one of whose runbooks states an external Service type (`statesExternalServiceType`) in its text. Pure. */
export function cnisServingTypes(
  docs: ReadonlyArray<{ path: string; text: string }>,
  cniOfDoc: (docPath: string) => string | null,
  groupsOf: (text: string) => readonly string[],
  typeGroups: ReadonlySet<string>,
): Set<string> {
  const serving = new Set<string>();
  for (const doc of docs) {
    const cni = cniOfDoc(doc.path);
    if (cni !== null && !serving.has(cni) && statesExternalServiceType(doc.text, groupsOf, typeGroups))
      serving.add(cni);
  }
  return serving;
}

/** The score factor per doc (`service_external` docs `factor`), or null when it does not apply. */
export function statedServiceTypeFactor(input: StatedServiceTypeInput): ((docPath: string) => number) | null {
  if (input.factor === 1 || input.namesCni) return null;
  const text = input.headline ?? input.focus;
  if (!statesExternalServiceType(text, input.groupsOf, input.typeGroups) && !exposesExternalType(input.text))
    return null;
  return (docPath) => (input.categoryOfDoc(docPath) === 'service_external' ? input.factor : 1);
}
