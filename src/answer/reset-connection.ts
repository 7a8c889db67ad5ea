/**
 * A pasted error saying a peer in the cluster reset the client's connection (`Session 0x0 for server
 * kafka-operator-zookeeper-client/10.0.87.243:2181, unexpected error ... java.io.IOException: Connection reset by
 * peer`, `read tcp 10.244.1.5:41234->redis.cache.svc:6379: read: connection reset by peer`, 连接被重置), from a client
 * that says it runs in a cluster: the connection the client named went through that Service, whose path is the one to
 * check (its backends listening on the target port, its endpoints), as a refused or timed-out connection's is
 * (failed-connection.ts). Only an address the cluster's DNS alone completes counts (a Service's cluster name, a name
 * of one label, `name.namespace`): a reset from a bare address, the reporter's own machine or a site outside names
 * no path of the runbooks. Pure.
 */
import { type FailedConnection, failedPath, inCluster } from './failed-connection.js';

/**
 * The client's own words that the peer reset its connection (`Connection reset by peer`, Java's `SocketException:
 * Connection reset`).
 */
const RESET = /\bconnection\s+reset\b|\bECONNRESET\b|连接被(?:对方|对端)?重置|連接被(?:對方|對端)?重置/gi;

/**
 * A host and port as clients print them: `name:port`, Java's `name/10.0.0.1:port`, Go's `->name:port`. The name part
 * is what the client dialled.
 */
const HOST_PORT =
  /([a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?)*)(?:\/[\d.]+)?:(\d{2,5})\b/g;

/**
 * A source file and line a log or stack trace prints (`NettyClientChannelManager.java:206`, `ClientCnxn:1164`,
 * `upstream.go:89`): a name with a capital letter (host names are written in lower case) or a source file's extension.
 */
const SOURCE_LINE = /[A-Z]|\.(?:java|kt|scala|go|py|rb|js|ts|c|cc|cpp|rs|php|cs)$/;

/** The reporter's own machine, by name or address. */
const LOOPBACK = /^(?:localhost|127\.|0\.0\.0\.0)|\/127\./i;

/** How far before the reset the address it concerns may stand (the client's log line naming its server). */
const REACH = 400;

/**
 * The connection a pasted reset concerns, when its nearest address before it (the server the client's log line names)
 * is a name only the cluster's DNS completes and the text says it ran in a cluster; null otherwise.
 */
export function resetConnection(text: string): FailedConnection | null {
  const plain = text.normalize('NFKC');
  if (!inCluster(plain)) return null;
  for (const reset of plain.matchAll(RESET)) {
    const before = plain.slice(Math.max(0, reset.index - REACH), reset.index);
    const addresses = [...before.matchAll(HOST_PORT)].filter((match) => !SOURCE_LINE.test(match[1] ?? ''));
    const last = addresses.at(-1);
    // The reporter's own machine (`localhost/127.0.0.1:2181`) names no path.
    if (!last?.[1] || !last[2] || LOOPBACK.test(last[0])) continue;
    const failed: FailedConnection = { kind: 'connect', target: `${last[1]}:${last[2]}` };
    if (failedPath(failed) !== null) return failed;
  }
  return null;
}
