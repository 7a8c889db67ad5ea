/**
 * A report whose failing part states the Service type it goes through — NodePort, LoadBalancer,
 * externalTrafficPolicy, or an address on a port of the NodePort range — is about the external-access runbook, even
 * when it also says "service ... cannot reach" (the ClusterIP runbook's generic trigger) or pastes a CNI's pods.
 * That runbook (category `service_external`) then scores `factor`. Two limits keep it to the stated type:
 * - only the headline of a long report counts (its body lists `kubectl get svc` rows of every type and says
 *   "configured a NodePort" in passing), and the failing part of a short one (not "nodePort works, ClusterIP not");
 * - a report naming a CNI whose runbooks explain Services of that kind is left alone: its own load balancer or
 *   NodePort datapath (OVN load balancers, Cilium's kube-proxy replacement, Kube-OVN LB services) is that CNI
 *   runbook's matter. A CNI whose runbooks never speak of NodePorts or load balancers (Calico's BGP/IPIP, Flannel's
 *   VXLAN) is only the cluster's setting there (`namedCniServesTypes`).
 * Pure.
 */
import { addressesNodePort } from './nodeport-address.js';

/** The Kubernetes Service types (and the setting) only external access has: a closed set, not a report's words. */
export const SERVICE_TYPE_WORDS = ['nodeport', 'loadbalancer', 'externaltrafficpolicy'] as const;

export interface StatedServiceTypeInput {
  /** A long report's headline (normalized), or null for a short question. */
  headline: string | null;
  /** The failing part of the (normalized) question. */
  focus: string;
  /** The whole (normalized) question: where a headline naming no end of a path is followed by the one that does. */
  text?: string;
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
  const stated =
    statesExternalServiceType(text, input.groupsOf, input.typeGroups) ||
    (input.headline !== null &&
      input.text !== undefined &&
      !namesPathEnd(input.headline) &&
      statesExternalServiceType(sentenceAfter(input.text, input.headline), input.groupsOf, input.typeGroups));
  if (!stated) return null;
  return (docPath) => (input.categoryOfDoc(docPath) === 'service_external' ? input.factor : 1);
}

/**
 * An end or hop of a path (a Service, pod, node, host, DNS, the outside): a headline naming none ("Connection refused on
 * exposed port", "端口访问不了") leaves its path to the next sentence ("I am trying to publish a Service using the
 * NodePort type and ... keep getting refused connections"), which then states the Service type as a headline would.
 */
const NAMES_PATH_END =
  /\bpods?\b|\bnodes?\b|\bhosts?\b|\bservices?\b|\bsvc\b|\bcluster-?ip\b|\bkube-?proxy\b|\bingress\b|\binternet\b|\bexternal\b|\bdns\b|\bnetwork\s?polic|容器|节点|節點|宿主|主机|主機|服务|服務|外网|外網|公网|公網|集群外|解析/i;

/** The headline names an end or hop of a path. */
export function namesPathEnd(headline: string): boolean {
  return NAMES_PATH_END.test(headline);
}

/** Where a sentence ends (query.ts `headlineOf`). */
const SENTENCE_END = /[.!?](?=\s)|[。！？\n]/u;

/** The sentence right after the headline in the text ('' when there is none). */
export function sentenceAfter(text: string, headline: string): string {
  const at = text.indexOf(headline);
  if (at < 0) return '';
  const rest = text.slice(at + headline.length).replace(/^\s*(?:[.!?。！？]\s*)?/u, '');
  const end = rest.search(SENTENCE_END);
  return end < 0 ? rest : rest.slice(0, end);
}
