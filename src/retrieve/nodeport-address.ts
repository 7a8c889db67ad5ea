/**
 * An address with a port in the default NodePort range (30000-32767) — `node-0:31005`, `192.168.49.2:32000`,
 * `$(minikube ip):32000`, `<node-ip>:30080` — is a NodePort the report goes through, whether or not it says
 * "NodePort": Services are not reached on such ports otherwise, and Linux picks its ephemeral client ports above them
 * (32768 up), so a log's `10.42.0.93:51864` is not one. A host, not a port: the `80:30875/TCP` cell of a pasted
 * `kubectl get svc` row only lists a Service, which may not be the one that fails.
 */
const ADDRESS_PORT =
  /(?<![\w.$<>()-])(?:(?:\d{1,3}\.){3}\d{1,3}|[a-z][\w.-]*|\$\([^)]{1,40}\)|<[a-z-]{2,20}>):(\d{5})(?![\d.]|\/(?:tcp|udp|sctp))/gu;
const NODEPORT_FIRST = 30000;
const NODEPORT_LAST = 32767;

/**
 * A node's address with a port of the Service, said in words rather than numbers: "node IP + port", "nodeIP:port",
 * "<node-ip>:<port>", "节点 IP + 端口", "任意节点的 IP:端口". Only a NodePort is reached on any node's own address by a
 * port the Service chose, so a reporter who writes this is going through one, whether or not they say "NodePort". A
 * port named by its number ("node IP and port 10250") is read from that number instead (the kubelet, not a
 * Service), and a host's address ("主机 IP + 端口", "host IP:port") is left out: a hostPort or hostNetwork pod is
 * reached that way too.
 */
const NODE_IP_PORT =
  /(?<![a-z])(?:<\s*)?(?:node|节点|節點|worker)[\s-]*(?:的\s*|'s\s+)?ip\s*(?:地址\s*)?(?:>\s*)?(?:\+|加|:|和|与|and|with|plus)\s*(?:the\s+|a\s+)?(?:<\s*)?(?:端口|port)(?![a-z])(?!\s*(?:号\s*)?[\d:])/u;

/** True when the (normalized, lower-case) text addresses a port in the NodePort range, or a node's IP and a port. Pure. */
export function addressesNodePort(text: string): boolean {
  if (NODE_IP_PORT.test(text)) return true;
  for (const match of text.matchAll(ADDRESS_PORT)) {
    const port = Number(match[1]);
    if (port >= NODEPORT_FIRST && port <= NODEPORT_LAST) return true;
  }
  return false;
}

/** The topic a NodePort address implies: its runbook's own word. */
export const NODEPORT_TERMS = 'nodeport';
