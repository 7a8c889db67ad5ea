/**
 * A client that failed on an endpoint of its own machine, in the words only that case prints: kubectl (or a client
 * built on its libraries, Helm's Tiller, the Kubernetes Python client) falling back to its built-in server
 * `localhost:8080` when it finds no kubeconfig or in-cluster configuration ("The connection to the server
 * localhost:8080 was refused - did you specify the right host or port?",
 * `Get http://localhost:8080/api/v1/namespaces/kube-system/configmaps?...: dial tcp
 * [::1]:8080: connect: connection refused`), or a MySQL client reaching for the server's socket file in its own
 * container (`Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock'`). No path of the
 * network is involved: the fix is the client's configuration (a kubeconfig, the server's host), which no runbook
 * explains. So is a Java client whose configured peer is `localhost`, printed as the name it was given and the loopback
 * address it resolved to (`Opening socket connection to server localhost/127.0.0.1:2181`, `Connection to node -1
 * (localhost/127.0.0.1:9092) could not be established`): in a pod, localhost is the pod itself, so the peer in another
 * pod is never dialled and the fix is the client's server setting. Not when the report also pastes a failed
 * connection to another host (failed-connection.ts): that one is the path to check (an API server proxying to a pod
 * behind `192.168.1.101:8080/api/...`). Pure.
 */
import { failedConnection } from './failed-connection.js';

/**
 * kubectl's built-in server refused, or a request to the API on it (loopback only), a Python client's included
 * (`HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /api/v1/pods`).
 */
const KUBECTL_DEFAULT_SERVER =
  /connection\s+to\s+the\s+server\s+(?:localhost|127\.0\.0\.1):8080\s+was\s+refused|(?:localhost|127\.0\.0\.1|\[::1\]):8080\/api\b|ConnectionPool\(host=['"](?:localhost|127\.0\.0\.1)['"],\s*port=8080\):[^\n]{0,60}?url:\s*\/api\b/i;
/** A MySQL client's connection through the server's socket file on its own machine. */
const LOCAL_SOCKET = /can'?t\s+connect\s+to\s+local\s+(?:(?:MySQL|MariaDB)\s+)?server\s+through\s+socket/i;

/**
 * A Java client's peer given as `localhost`: `InetSocketAddress` prints the configured name, a slash and the address it
 * resolved to, here a loopback one (IPv4 or IPv6, as Java writes it), then the port. A bare `127.0.0.1:9099` (a probe
 * of a host-network agent) or `localhost/0.0.0.0` (a listener) is not this form.
 */
const LOOPBACK_PEER = /\blocalhost\/(?:127(?:\.\d{1,3}){3}|0:0:0:0:0:0:0:1|::1):\d{1,5}\b/i;

/** The subject declined, or null. */
export function uncoveredLocalEndpoint(question: string): string | null {
  const text = question.normalize('NFKC');
  const subject = KUBECTL_DEFAULT_SERVER.test(text)
    ? "kubectl's built-in server localhost:8080, used when no kubeconfig is found"
    : LOCAL_SOCKET.test(text)
      ? "a database client's socket file on its own machine"
      : LOOPBACK_PEER.test(text)
        ? 'an application client configured to reach its peer at localhost'
        : null;
  if (subject === null || failedConnection(text) !== null) return null;
  return subject;
}
