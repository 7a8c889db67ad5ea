/**
 * A report that places the pods of its failing path on different nodes ("pods on different nodes cannot ping each
 * other", "traffic to pods on the other node", "cross-node pod traffic", "不同node上的容器之间ping不通", "跨节点") is about
 * the CNI's cross-node datapath (category `pod_to_pod_cross_node`: Calico's BGP/IPIP routes, Flannel's VXLAN, Kube-OVN's
 * tunnel or underlay), not about a node reaching a pod on itself (the generic host → pod runbook), even when it
 * also says "node", "route" or "firewall". So the cross-node runbooks of the report's CNI (named, configured or
 * implied by its distribution) score `factor`. Another CNI's cross-node runbook is not lifted, and a report whose CNI
 * is not known is left alone: which cross-node datapath it runs is not known there. Pure.
 */

/** Nodes other than the one in question: "different nodes", "the other node", "another host", "separate workers". */
const OTHER_NODES = String.raw`(?:two\s+|the\s+|a\s+)?(?:different|other|another|separate|remote|multiple)\s+(?:worker\s+|k8s\s+|kubernetes\s+)?(?:nodes?|hosts?|workers?)`;

/** Pods (or containers) placed on other nodes, in English or Chinese. */
const CROSS_NODE_PODS = new RegExp(
  [
    // "pods on different nodes", "containers running on another node", "pods between two different nodes".
    String.raw`(?<![a-z])(?:pods?|containers?)\s+(?:(?:that\s+are|which\s+are|running|located|scheduled|deployed)\s+)?(?:on|in|across|between)\s+${OTHER_NODES}(?![a-z])`,
    // "pod to pod communication across nodes", "pod-to-pod traffic between the nodes".
    String.raw`pod[\s-]+to[\s-]+pod[^.;。；\n]{0,60}?(?:across|between)\s+(?:the\s+|two\s+|different\s+)?(?:worker\s+)?nodes`,
    // "cross-node pod traffic", "inter-node communication".
    String.raw`(?<![a-z])(?:cross|inter)[\s-]?nodes?(?![a-z])`,
    // "跨节点", "跨主机", "跨 node".
    String.raw`跨\s*(?:节点|主机|宿主机|node)`,
    // "不同node上的容器", "不同节点的 pod", "其他节点上的 Pod".
    String.raw`(?:不同|其他|其它|别的|另一个?)\s*(?:的\s*)?(?:节点|主机|宿主机|node|worker)\s*(?:上|之间)?\s*(?:的\s*)?(?:pod|容器)`,
    // "pod 分布在不同节点", "容器在不同的 node 上".
    String.raw`(?:pod|容器)[^，。；;\n]{0,20}?(?:在|于)\s*不同\s*(?:的\s*)?(?:节点|主机|node)`,
  ].join('|'),
  'iu',
);

/** True when the text places the pods of its path on different nodes. */
export function statesCrossNodePods(text: string): boolean {
  return CROSS_NODE_PODS.test(text);
}

/**
 * The score factor per doc (the `pod_to_pod_cross_node` runbooks of a CNI in `cnis`: `factor`), or null when it does
 * not apply: the report states no cross-node pods, or no CNI of it is known.
 */
export function crossNodePodPathFactor(
  text: string,
  cnis: readonly string[],
  categoryOfDoc: (docPath: string) => string | null,
  cniOfDoc: (docPath: string) => string | null,
  factor: number,
): ((docPath: string) => number) | null {
  if (factor === 1 || cnis.length === 0 || !statesCrossNodePods(text)) return null;
  const known = new Set(cnis);
  return (docPath) => {
    const cni = cniOfDoc(docPath);
    return cni !== null && known.has(cni) && categoryOfDoc(docPath) === 'pod_to_pod_cross_node' ? factor : 1;
  };
}
