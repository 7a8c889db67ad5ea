/**
 * A report often names its CNI only as the cluster it runs on ("Service IP unavailable with calico as network
 * plugin", "Network policy is not working with calico", "calico v3.17.1" under an egress report), while what fails is
 * a path every cluster has and a runbook about no particular CNI explains: a Service's ClusterIP or the API Service,
 * a NetworkPolicy that does not apply, traffic to or from outside the cluster. The CNI's name, its components in a
 * pasted listing and its feature words pull that CNI's runbook of one other path (Calico's BGP/IPIP between nodes,
 * Flannel's VXLAN) over the failing path's own runbook. Such a runbook scores `factor`, unless:
 * - its category is the failing path's;
 * - it explains how its CNI is built as a whole (`cni_architecture`) or is a tool's how-to;
 * - its CNI builds Services into its own datapath (its runbooks explain NodePort / LoadBalancer Services: OVN load
 *   balancers, kube-proxy replacement), where a Service or an outside client may fail in any of its runbooks;
 * - the report matched one of its triggers (it speaks that runbook's language: `calicoctl node status`, tunl0);
 * - the report puts its pods on different nodes, says the path works only on one node, or says its pods cannot
 *   reach other pods: the CNI's pod network fails too, and may be what breaks the Service or the way out.
 * Only what the report says fails is read: a long report's headline, a short question's failing part ("ClusterIP
 * works, NodePort does not" names no ClusterIP failing); a chain name or a Service type further down a long report
 * (`KUBE-EXTERNAL-SERVICES`, a LoadBalancer IP that Calico advertises over BGP) is context, and so is the API
 * Service a CNI component's pasted log dialled (`calico-node` failing its install: its pod's own runbook). Pure.
 */
import { statesCrossNodePods } from './cross-node-pod-path.js';

/** The paths a report may say fail that only runbooks about no particular CNI own, by runbook category. */
export type GenericPath = 'service_clusterip' | 'network_policy' | 'outside';

/** A Service's ClusterIP as what fails ("service ip unavailable", "集群IP 不通"); not a headless Service's. */
const CLUSTER_IP =
  /cluster[\s_-]?ip(?!\s*[:=]\s*none)|(?:service|svc)[\s_-]?ip(?![a-z])|集群\s*ip|服务\s*ip/iu;
const HEADLESS = /headless|无头|clusterip\s*[:=]\s*none/iu;

/** A NetworkPolicy: the object, its fields, the Chinese name. */
const NETWORK_POLICY =
  /network[\s_-]?polic(?:y|ies)|netpol(?![a-z])|ip[\s_-]?block(?![a-z])|(?:ingress|egress)\s+(?:polic(?:y|ies)|rules?)|网络策略/iu;

/**
 * A place outside the cluster: the internet, an external address, a client outside, a NodePort or LoadBalancer
 * (the way in from outside).
 */
const OUTSIDE =
  /external[\s_-]?(?:ip|ips|address(?:es)?|network|networks|host|hosts|service|services|destinations?)(?![a-z])|(?:the\s+)?internet(?![a-z])|outside\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?(?:cluster|world)|from\s+outside|public\s+(?:ip|network|internet)|node[\s_-]?port|load[\s_-]?balancer|外网|公网|互联网|集群\s*外|外部\s*(?:网络|地址|服务|ip|访问)/iu;

/**
 * Pods failing to reach other pods, or a path that works only from the node its pod runs on ("只有 pod 所在的 node
 * 才能访问 svc"): the CNI's own pod network is a failing path of the report.
 */
const POD_TO_POD =
  /(?:reach|ping|access|talk\s+to|connect\s+to|communicate\s+with)\s+(?:the\s+|any\s+)?other\s+pods?(?![a-z])|pod[\s-]+to[\s-]+pod|pods?\s+(?:can\s?not|can't|cannot|(?:are\s+)?unable\s+to)\s+(?:ping|reach|talk\s+to|communicate\s+with)\s+each\s?other|pod\s*(?:之间|间|互访|互通)|(?:其他|其它|别的)\s*pod|只有\s*pod\s*所在的?\s*(?:node|节点|主机|宿主机)|only\s+(?:from\s+)?the\s+(?:node|host)\s+(?:where|that|which)\s+(?:the\s+)?pod/iu;

/** The text (normalized) says its pods fail to reach other pods, or that a path works only from the pod's node. */
export function saysPodsFailToReachPods(text: string): boolean {
  return POD_TO_POD.test(text);
}

/** The runbook categories each generic path is explained in. */
const CATEGORIES_OF: Record<GenericPath, readonly string[]> = {
  service_clusterip: ['service_clusterip'],
  network_policy: ['network_policy'],
  outside: ['pod_to_external', 'service_external'],
};

/** Categories of runbooks that are never demoted here: a CNI's whole datapath, a tool's how-to. */
const KEPT_CATEGORIES = new Set(['cni_architecture', 'diagnostics']);

/**
 * The generic paths that `failing` (normalized: a long report's headline, or a short question's failing part) names;
 * `text` is the whole report (a headless Service anywhere in it makes a ClusterIP its DNS records' case).
 */
export function failingGenericPaths(failing: string, text: string): Set<GenericPath> {
  const paths = new Set<GenericPath>();
  if (CLUSTER_IP.test(failing) && !HEADLESS.test(text)) paths.add('service_clusterip');
  if (NETWORK_POLICY.test(failing)) paths.add('network_policy');
  if (OUTSIDE.test(failing)) paths.add('outside');
  return paths;
}

export interface OtherPathCniInput {
  /** What the report says fails (normalized): a long report's headline, else the question's failing part. */
  failing: string;
  /** The report's whole failing part (normalized), where it may also say its pods cannot reach other pods. */
  focus: string;
  /** The whole report: question and pasted output. */
  text: string;
  /** Docs one of whose triggers the report matched. */
  triggered: ReadonlySet<string>;
  /** The report's failing path is inferred to cross nodes ("works only on the same node"). */
  crossNode: boolean;
  categoryOfDoc: (docPath: string) => string | null;
  /** The CNI a doc is about, or null for a runbook about no particular CNI. */
  cniOfDoc: (docPath: string) => string | null;
  /** The CNI builds Services into its own datapath (stated-service-type.ts cnisServingTypes). */
  servesServices: (cni: string) => boolean;
  factor: number;
}

/** The score factor per doc (a CNI's runbook of another path: `factor`), or null when it does not apply. */
export function otherPathCniFactor(input: OtherPathCniInput): ((docPath: string) => number) | null {
  if (input.factor === 1) return null;
  const paths = failingGenericPaths(input.failing, input.text);
  if (paths.size === 0 || input.crossNode || statesCrossNodePods(input.text) || POD_TO_POD.test(input.focus))
    return null;
  const failing = new Set([...paths].flatMap((path) => CATEGORIES_OF[path]));
  return (docPath) => {
    const cni = input.cniOfDoc(docPath);
    if (cni === null || input.servesServices(cni) || input.triggered.has(docPath)) return 1;
    const category = input.categoryOfDoc(docPath);
    if (category === null || KEPT_CATEGORIES.has(category) || failing.has(category)) return 1;
    return input.factor;
  };
}
