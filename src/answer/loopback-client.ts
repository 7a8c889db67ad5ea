/**
 * A report whose only failed connection is one a client made to its own machine: the error names the loopback address
 * it dialled (`connect to Host{address='localhost:50052'} error`, `Opening socket connection to server
 * localhost/127.0.0.1:2181 ... Connection refused`, `linkerd_reconnect: Failed to connect error=endpoint 127.0.0.1:8090:
 * Connection refused`, `failed to connect to 'localhost:4245'`). Inside a pod, localhost is the pod's own network
 * namespace: nothing of the cluster's network lies on that path. The client's settings (its peer's address left at
 * the default `localhost`) or the process that should listen beside it (a sidecar, a helper container, a port-forward
 * on the reporter's machine) are what fail, and no runbook follows them.
 *
 * Not declined when the loopback is a path the runbooks do follow: a NodePort or hostPort reached on a node's own
 * loopback (a port in the NodePort range, or the report names NodePort, hostPort, host network, or kube-proxy, which
 * serves Services on the node's loopback too), kubectl's own connections (`kubectl port-forward`, `kubectl proxy`, its
 * default server `localhost:8080`), a cluster component's health port (calico-node's 9099, kube-proxy's 10249), a node-local DNS cache (port 53), or a
 * report naming a path a runbook explains (DNS, MTU, a network policy, pods that cannot reach each other). Declined
 * only while no runbook states a client dialling its own loopback (KB-relative, as uncovered-subjects.ts; the runbooks'
 * rows of a server listening only on 127.0.0.1 are the server's end, not the client's). Pure.
 */

import { componentProbePort } from './address-roles.js';
import { topicTexts } from './clarify.js';
import { COVERED_PATH } from './covered-paths.js';
import { loopbackDial } from './failed-connection.js';
import { kubectlDefaultServer } from './kubectl-default-server.js';
import { readReport, type TopicDoc } from './uncovered-subjects.js';

/** Paths on a node's loopback the runbooks follow, and kubectl's own local connections. */
const NODE_LOOPBACK_PATH =
  /node-?port|host-?port|host\s*network|hostnetwork|kube-?proxy|port-?forward|forwarding\s+from|kubectl\s+proxy|主机网络|主機網路/i;

const NODE_PORT_RANGE = { min: 30000, max: 32767 };
const DNS_PORT = 53;

/** The subject when the report's only failed connection is a client dialling its own loopback; else null. */
export function uncoveredLoopbackClient(question: string, explained: boolean): string | null {
  const { text } = readReport(question);
  const dialled = loopbackDial(text);
  if (!dialled) return null;
  const { port } = dialled;
  if (port === DNS_PORT || (port >= NODE_PORT_RANGE.min && port <= NODE_PORT_RANGE.max)) return null;
  if (componentProbePort(port) || kubectlDefaultServer(text, port)) return null;
  if (NODE_LOOPBACK_PATH.test(text) || COVERED_PATH.test(text)) return null;
  return explained ? null : 'a client dialling its own loopback address (localhost) inside its container';
}

/** A runbook's line saying a client dialled localhost and failed (not a server listening only on 127.0.0.1). */
const CLIENT_DIALS_LOOPBACK =
  /(?:client|客户端|客戶端)[^\n|。]{0,40}(?:localhost|127\.0\.0\.1)|(?:dial(?:s|led|ing)?|connect(?:s|ed|ing)?\s+to)\s+(?:localhost|127\.0\.0\.1)/i;

/** Whether a runbook states a client dialling its own loopback address. */
export function loopbackClientExplainedBy(docs: readonly TopicDoc[]): boolean {
  return docs.some((doc) =>
    topicTexts(doc).some((text) => CLIENT_DIALS_LOOPBACK.test(text.normalize('NFKC'))),
  );
}
