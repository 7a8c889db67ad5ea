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

/** True when the (normalized, lower-case) text addresses a port in the NodePort range. Pure. */
export function addressesNodePort(text: string): boolean {
  for (const match of text.matchAll(ADDRESS_PORT)) {
    const port = Number(match[1]);
    if (port >= NODEPORT_FIRST && port <= NODEPORT_LAST) return true;
  }
  return false;
}

/** The topic a NodePort address implies: its runbook's own word. */
export const NODEPORT_TERMS = 'nodeport';
