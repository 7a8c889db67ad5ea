/**
 * Which path of the runbooks a failing sentence names by its two ends: a name that does not resolve (DNS), a Service
 * reached by its NodePort or load balancer or from outside the cluster, a Service, a pod reaching the outside, a node
 * or host reaching a pod (or probing it), pods on different nodes, pods reaching pods. A report states the failing path
 * in the reporter's words ("the pod cannot be accessed from the host", "Pod to pod intermittent connection issues",
 * "pods on the new node cannot reach pods on any other node", "容器无法访问外网"); whatever else it pastes, the runbooks
 * of that path are where an on-call engineer starts. Null when the sentence names no two ends the runbooks follow.
 * Pure.
 */

export type StatedPath =
  | 'dns'
  | 'serviceExternal'
  | 'service'
  | 'external'
  | 'nodeToPod'
  | 'crossNode'
  | 'podToPod';

const DNS = /\bdns\b|\bresol(?:ve|ving|ution)\b|nslookup|core-?dns|kube-dns|解析|域名/i;
const NODE_PORT = /node-?port|load-?balancer|external-?ip/i;
/** A Service, not a word of an application's own name (`services-server`, `user-service`). */
const SERVICE = /(?<![\w-])(?:services?|svc)(?![\w-])|cluster-?ip|服务|服務/i;
const OUTSIDE =
  /\binternet\b|\bexternal\b|\boutbound\b|\begress\b|\boutside\b|外网|外網|公网|公網|集群外|叢集外/i;
const POD = /\bpods?\b|容器/i;
/** A node or host as the end that reaches a pod (`from the host`, `on the node`, `master`, 宿主机, 节点上). */
const HOST_END =
  /\b(?:from|on|via)\s+(?:the\s+|a\s+|my\s+|its\s+)?(?:host|node|master|worker)s?\b|\bhost\s+machine\b|宿主机|宿主機|主机上|主機上|节点上|節點上/i;
/** The kubelet's probe of a pod: the node-to-pod path. */
const PROBE = /\bprobes?\b|health ?checks?|liveness|readiness|探针|探針|健康检查|健康檢查/i;
/** Pods on two different nodes (`across nodes`, `pods on other nodes`, `multi-host`, 跨节点). */
const CROSS_NODE =
  /\b(?:different|other|another|multiple|across|between|remote)\s+(?:\w+\s+)?(?:nodes|hosts|node|host|servers?|workers?)\b|\bcross[- ]?(?:node|host)\b|\bmulti-?(?:node|host)\b|跨节点|跨節點|跨主机|跨主機|其他节点|其他節點|不同节点|不同節點/i;
const POD_TO_POD =
  /\bpods?\b[^.。]{0,60}?\b(?:pods?|each other|one another)\b|pod-to-pod|pod\s*(?:之间|之間|间|間)|容器之间|容器之間/i;

/** The path a failing sentence names, the most specific first; null when it names no two ends. */
export function statedPath(sentence: string): StatedPath | null {
  const text = sentence.normalize('NFKC');
  if (DNS.test(text)) return 'dns';
  if (NODE_PORT.test(text)) return 'serviceExternal';
  if (SERVICE.test(text)) return OUTSIDE.test(text) ? 'serviceExternal' : 'service';
  if (!POD.test(text)) return null;
  if (CROSS_NODE.test(text)) return 'crossNode';
  if (OUTSIDE.test(text)) return 'external';
  if (HOST_END.test(text) || PROBE.test(text)) return 'nodeToPod';
  if (POD_TO_POD.test(text)) return 'podToPod';
  return null;
}

/**
 * A sentence that opens as the consequence of something else the report states ("Due to this pods ... cannot connect to
 * the api", "As a result ...", 因此, 导致): the reporter found the cause elsewhere, and the path it names is only where
 * that cause shows.
 */
const CONSEQUENCE_OPENING =
  /^\s*(?:due\s+to\s+(?:this|that|it)|because\s+of\s+(?:this|that|it)|as\s+a\s+(?:result|consequence)|therefore|thus|hence|consequently|so\s+now|因此|所以|于是|於是|导致|導致|结果|結果)(?![a-z])/i;

export function opensWithConsequence(sentence: string): boolean {
  return CONSEQUENCE_OPENING.test(sentence.normalize('NFKC'));
}
