/**
 * A report whose failing destination is the API server reached from a pod (api-server-named.ts) is about the
 * ClusterIP that kube-proxy translates to the API server's endpoints: whoever logs it (CoreDNS, a CNI agent, an
 * operator) is only the client, and a CNI or an MTU named beside it is context. So the Service runbooks lead, unless a
 * CNI the report names implements Services itself (its runbooks cover that datapath). Which Service runbook leads
 * follows the ClusterIP runbook's own split: the general one, or the kube-proxy rules one when the failure is bound to
 * some nodes ("只有某一个节点上的客户端不通 → 该节点 kube-proxy 规则未同步") or the report speaks of kube-proxy. Pure.
 */
import { apiServerUnreachable } from './api-server-named.js';
import { extensionCallFails } from './webhook-call.js';

/**
 * The failure is bound to some nodes ("on the worker node", "from workers pods", "only one of the CoreDNS pods",
 * "部分节点"), or the report speaks of kube-proxy, its mode or its chains.
 */
const NODE_BOUND_OR_RULES =
  /(?<![a-z])(?:worker|master|slave|agent)[\s-]?nodes?(?![\w-])|(?<![a-z])workers?\s+pods?(?![a-z])|(?:some|certain|specific|few)\s+(?:of\s+(?:the\s+)?)?nodes?(?![a-z])|only\s+(?:one|some)\s+of|some\s+of\s+the\s+\S+\s+pods?(?![a-z])|部分节点|某(?:个|些|一)\s*节点|(?:worker|master)\s*节点|kube-proxy|(?<![a-z])ipvs(?![a-z])|kube-(?:svc|sep|services)(?![a-z])|(?:iptables|nftables|proxy)\s+mode/iu;

/** True when the kube-proxy rules runbook should lead rather than the general ClusterIP one. */
export function pointsAtNodeRules(text: string): boolean {
  return NODE_BOUND_OR_RULES.test(text);
}

export interface ApiServerReachFactors {
  /** The Service runbook that leads: the category's general one, or its rules one (pointsAtNodeRules). */
  lead: number;
  /** The category's other runbooks. */
  other: number;
}

export interface ApiServerReachInput {
  text: string;
  /** A CNI the report names implements Services itself: the datapath is its runbooks' to explain. */
  cniServesServices: boolean;
  categoryOfDoc: (docPath: string) => string | null;
  /** The runbook has the highest priority in its category (the general one; the others are its cases). */
  isGeneralRunbook: (docPath: string) => boolean;
  factors: ApiServerReachFactors;
}

const SERVICE_CATEGORY = 'service_clusterip';

/** The score factor per doc, or null when the report's failing destination is not the API server. */
export function apiServerReachFactor(input: ApiServerReachInput): ((docPath: string) => number) | null {
  const { text, factors } = input;
  if (factors.lead === 1 && factors.other === 1) return null;
  // The API server failing to call a webhook or an aggregated API is the caller, not the destination.
  if (input.cniServesServices || !apiServerUnreachable(text) || extensionCallFails(text)) return null;
  const rulesLead = pointsAtNodeRules(text);
  return (docPath) => {
    if (input.categoryOfDoc(docPath) !== SERVICE_CATEGORY) return 1;
    return input.isGeneralRunbook(docPath) !== rulesLead ? factors.lead : factors.other;
  };
}
