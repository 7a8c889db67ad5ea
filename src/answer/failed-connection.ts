/**
 * The connection an application's own error says it could not make: a name it could not resolve
 * (`java.net.UnknownHostException: nacos-headless`, `dial tcp: lookup argocd-redis on 10.96.0.10:53: no such host`,
 * `Could not resolve host: gitlab.com`, 无法解析) or an address it could not connect to (`dial tcp
 * 10.97.140.241:6379: connect: connection refused`, `Timeout connecting to [nacos-0.nacos-headless/10.244.2.239:8848]`,
 * `connect ETIMEDOUT 10.0.17.253:5412`, 连接超时). Reports from application trackers (a registry client, a job
 * scheduler's executor, a chart's database) describe the failing path in the application's words and paste this
 * error: the error names the path the runbooks follow (the cluster's DNS, a Service or pod address) whatever the
 * application is. A refused connection to the reporter's own machine (localhost, 127.0.0.1) names no path of the
 * network: the application is not listening. Pure.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';
import { clientErrorForms } from './client-error-forms.js';
import { erroredPeer } from './peer-error.js';
import { statesResolverFailure, unresolvedName } from './resolver-error.js';
import { inDefaultServiceRange } from './service-range.js';
import { urlTimeouts } from './url-timeout.js';

export type FailedConnectionKind = 'resolve' | 'connect';

export interface FailedConnection {
  kind: FailedConnectionKind;
  /** The name or host:port the error names (a database client's quoted host may come without its port). */
  target: string;
}

/** A DNS name (`nacos.default.svc.cluster.local`, `mysqlsvc`) or an IPv4 address. */
const HOST = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*)`;

/** The errors of a name that does not resolve, each with the name it names. */
const RESOLVE_ERRORS: readonly RegExp[] = [
  new RegExp(String.raw`UnknownHostException:?\s+(${HOST})`, 'i'),
  new RegExp(
    String.raw`\blookup\s+(${HOST})(?:\s+on\s+[\d.:]+)?:\s*(?:no such host|i/o timeout|server misbehaving)`,
    'i',
  ),
  new RegExp(String.raw`could\s*n[o']t\s+resolve\s+host(?:name)?:?\s*\[?(${HOST})`, 'i'),
  new RegExp(
    String.raw`(?:can'?t|cannot|could\s*n[o']t|failed\s+to|unable\s+to)\s+resolve\s+(?:host(?:name)?\s*)?[\['"](${HOST})`,
    'i',
  ),
  // A lookup stated as failing, the verb in place of "resolve" (Cassandra's seed provider: `Seed provider couldn't
  // lookup host cassandra-0.cassandra.jaeger.svc.cluster.local`; "failed to look up host redis-master"): the word host or a
  // dotted name follows, so "could not look up the docs" names nothing.
  new RegExp(
    String.raw`(?:can'?t|cannot|could\s*n[o']t|failed\s+to|unable\s+to)\s+look\s*up\s+(?:(?:the\s+)?host(?:name)?\s+|(?=['"]?[a-z0-9][a-z0-9-]*\.[a-z0-9]))['"]?(${HOST})`,
    'i',
  ),
  new RegExp(String.raw`bad\s+address\s+'(${HOST})'`, 'i'),
  new RegExp(String.raw`getaddrinfo\s+(?:ENOTFOUND|EAI_AGAIN)\s+(${HOST})`, 'i'),
  // Node's error object printed whole (JSON or util.inspect): its code, then the name in its `hostname` field.
  new RegExp(
    String.raw`(?:ENOTFOUND|EAI_AGAIN)['"]?[^{}]{0,160}?\bhostname['"]?\s*:\s*['"](${HOST})['"]`,
    'i',
  ),
  // Database clients quote the name, before the resolver's words that follow it: MySQL's ERROR 2005, libpq's (psql,
  // a chart's PostgreSQL client).
  new RegExp(String.raw`Unknown\s+(?:MySQL\s+)?server\s+host\s+'(${HOST})'`, 'i'),
  new RegExp(String.raw`could\s+not\s+translate\s+host\s+name\s+"(${HOST})"`, 'i'),
  new RegExp(
    String.raw`(${HOST})(?::\d+)?:\s*(?:Name does not resolve|Name or service not known|Temporary failure in name resolution)`,
    'i',
  ),
  new RegExp(String.raw`(?:无法解析|無法解析|解析不了)(?:域名|主机名?|主機名?)?\s*[:：]?\s*(${HOST})`, 'i'),
  // RabbitMQ's (Erlang's) lookup of a peer node's host: `epmd error for host rabbit-0.rabbit-nodes.default: nxdomain`.
  new RegExp(String.raw`epmd\s+error\s+for\s+host\s+(${HOST}):\s*nxdomain`, 'i'),
  // Erlang's inet error as RabbitMQ's peer discovery prints it: `{failed_connect,[{to_address,{"kubernetes.default",443}},
  // {inet,[inet],nxdomain}]}` (pasted from a log line, its quotes escaped and its line break written `\n`).
  new RegExp(
    String.raw`to_address\s*,\s*\{\s*\\?"(${HOST})\\?"\s*,\s*\d+\s*\}\s*\}\s*,(?:\s|\\n)*\{\s*inet6?\s*,\s*\[[^\]]*\]\s*,\s*nxdomain`,
    'i',
  ),
  // MongoDB's replica set monitor: `Could not find address for mongo-2.mongo-svc.db.svc.cluster.local:27017:
  // SocketException: Host not found (authoritative)`.
  new RegExp(String.raw`could\s+not\s+find\s+address\s+for\s+(${HOST})`, 'i'),
  // ping's own words after the name it was given (`ping: unknown host web-0.web`), or on the line after the command
  // a reporter pasted with its output (`# ping web.default.svc.cluster.local ping: unknown host`).
  new RegExp(String.raw`\bping:\s*unknown\s+host\s+(${HOST})`, 'i'),
  new RegExp(String.raw`\bping\s+(?:-\S+\s+)*(${HOST})\s+ping:\s*unknown\s+host`, 'i'),
];

/**
 * Resolver errors that put their name after words a sentence may also go on with ("Host not found (authoritative)"):
 * the name must look like a host (`HOST_LIKE`). ClickHouse's `DB::NetException: Host not found: ch-1.ch-headless.svc`,
 * nginx's `host not found in upstream "backend:8080"` and `host not found in resolver "kube-dns.kube-system..."`.
 */
const HOST_LIKE_RESOLVE_ERRORS: readonly RegExp[] = [
  new RegExp(
    String.raw`\bhost\s+not\s+found(?:\s+in\s+(?:upstream|resolver))?\s*[:"'\[]\s*["']?(${HOST})`,
    'gi',
  ),
];

/**
 * A name that does not resolve told in the reporter's prose ("the web pod wasn't able to resolve the hostname
 * airflow-postgresql", "could not resolve the host redis-master", 无法解析 nacos-headless): the name must look like a
 * host (a dot, a dash or a digit in it), as a plain word after the verb is the sentence going on ("could not resolve
 * host because ...").
 */
const PROSE_RESOLVE = new RegExp(
  String.raw`(?:(?:(?:was|were|is|are)\s*n[o'’]?t|not)\s+(?:being\s+)?able\s+to|can[’']?t|cannot|can\s+not|could\s*n[o'’]t|unable\s+to|fail(?:s|ed)?\s+to)\s+resolve\s+(?:the\s+)?(?:host(?:name)?|name|domain|address)\s+(?:of\s+)?[\['"\`]?(${HOST})`,
  'gi',
);
const HOST_LIKE = /[.\-\d]/;

/**
 * Database clients' own connect errors, which quote the host rather than print host:port: MySQL's ERROR 2003 (`Can't
 * connect to MySQL server on 'mysql.db' (111)`) and libpq's (`connection to server at "pg.db.svc" (10.0.0.9), port 5432
 * failed: Connection refused`).
 */
const QUOTED_CONNECT_ERRORS: readonly RegExp[] = [
  new RegExp(
    String.raw`can'?t\s+connect\s+to\s+(?:MySQL|MariaDB)\s+server\s+on\s+'(${HOST})'(?::(\d{2,5}))?`,
    'i',
  ),
  new RegExp(
    String.raw`connection\s+to\s+server\s+at\s+"(${HOST})"(?:\s*\([\d.]+\))?,\s*port\s+(\d{2,5})\s+failed:\s*(?:Connection\s+refused|Connection\s+timed\s+out|timeout\s+expired|No\s+route\s+to\s+host)`,
    'i',
  ),
];

/**
 * RabbitMQ's (Erlang's) failure to reach a peer node's port mapper (`epmd error for host rabbit-0.rabbit-nodes.default:
 * timeout (timed out)`, `econnrefused`, `ehostunreach`): the peer's address was not reached on epmd's port.
 */
const EPMD_CONNECT_ERROR = new RegExp(
  String.raw`epmd\s+error\s+for\s+host\s+(${HOST}):\s*(?:timeout|etimedout|econnrefused|ehostunreach|enetunreach)`,
  'i',
);
const EPMD_PORT = 4369;

/**
 * The errors a client prints when the network gave it no connection: a timeout, a refusal, no route, in the socket
 * library's words or a client's own (ZooKeeper's `Timed out waiting for connection while in state: CONNECTING` and
 * `Client session timed out`, tornado's `Timeout while connecting`, Java's `NoRouteToHostException: Host is
 * unreachable`, a Jenkins agent's `provided port:50000 is not reachable`, a browser's `ERR_CONNECTION_TIMED_OUT`, a
 * Kafka client's `Connection to node 0 (kafka-0.kafka-brokers.svc/10.128.4.27:9093) could not be established`, a
 * reporter's "the connection times out").
 * Not a pool of connections that ran dry (`Timeout waiting for connection from pool`): the application's own limit.
 */
/** A browser's error page codes of a connection the network did not make. */
const BROWSER_ERROR_CODES = String.raw`\bERR_(?:CONNECTION_(?:TIMED_OUT|REFUSED|RESET)|ADDRESS_UNREACHABLE)\b`;
const BROWSER_ERROR = new RegExp(BROWSER_ERROR_CODES);
const NETWORK_CONNECT_ERROR = String.raw`connect(?:ion)?\s+timed\s*out|connections?\s+times\s+out|connection\s+to\s+node\s+-?\d+(?:\s+\([^()\n]{1,200}\))?\s+could\s+not\s+be\s+established|\bconnect_(?:timeout|exception)\b|timeout\s+(?:while\s+)?connecting|timed?\s*out\s+waiting\s+for\s+(?:a\s+)?connection(?!\s+from\s+(?:the\s+)?pool)|client\s+session\s+timed\s+out|connection\s+refused|no\s*route\s*to\s*host|(?:host|network)\s+is\s+unreachable|port\s*:?\s*\d{2,5}\s+is\s+not\s+reachable|\bstill\s+not\s+reachable\b|i\/o\s+timeout|ETIMEDOUT|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|${BROWSER_ERROR_CODES}|communications?\s+link\s+failure|连接超时|連接超時|连接被拒绝|連接被拒絕|拒绝连接|拒絕連接`;

/**
 * An error of a connection that could not be made (not one refused by a server that answered), the client's own words
 * around its address included: `failed to connect to`, RocketMQ's `RemotingConnectException: connect to
 * rocketmq-namesrv:9876 failed` and `connect to <10.96.1.2:9876> timeout`.
 */
const CONNECT_ERROR = new RegExp(
  String.raw`${NETWORK_CONNECT_ERROR}|failed\s+to\s+connect\s+to|(?:could\s*n[o']t|can'?t|cannot|can\s+not|unable\s+to)\s+connect\s+to|\bconnect\s+to\s+[<\[]?[\w.-]+(?:/[\d.]+)?:\d{2,5}[>\]]?\s+(?:failed|time[sd]?\s*out)\b`,
  'i',
);

/**
 * A server that answered and refused the client (credentials, a certificate, a permission): the connection was made,
 * what fails is the application's own handshake. A password is such a refusal only when the server called it wrong
 * (`WRONGPASS`, "invalid password"); a report saying it passes the client a password ("I pass in the name of the
 * master service (and password)") says nothing of a refusal.
 */
const REFUSED_BY_SERVER =
  /access\s+denied|authentication\s+(?:failed|required)|\bNOAUTH\b|\bWRONGPASS\b|(?:wrong|invalid|incorrect|bad)\s+password|password\s+(?:is\s+)?(?:wrong|invalid|incorrect|mismatch|rejected)|unauthori[sz]ed|permission\s+denied|\bx509\b|certificate|(?:ssl|tls)\s+handshake|认证失败|認證失敗|密码错误|密碼錯誤/i;

/** The MySQL client's warning on every command given `-p<password>`: no server refused anything. */
const PASSWORD_WARNING =
  /using\s+a\s+password\s+on\s+the\s+command\s+line\s+interface\s+can\s+be\s+insecure/gi;

/** The text says a server refused the client (`REFUSED_BY_SERVER`), the MySQL client's password warning aside. */
const refusedByServer = (plain: string) => REFUSED_BY_SERVER.test(plain.replace(PASSWORD_WARNING, ' '));

/**
 * ingress-nginx's warning that a Service it routes to has no ready endpoint (`Service "prod/api" does not have any
 * active Endpoint`): the Service's namespace and name.
 */
const SERVICE_WITHOUT_ENDPOINT =
  /service\s+\\?"([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\\?"\s+does\s+not\s+have\s+any\s+active\s+endpoints?/i;

/** A Go dialer's error: its own host:port, then the socket's error (`connect:`, `getsockopt:` before it or not). */
const DIAL_ERROR = new RegExp(
  String.raw`\bdial\s+(?:tcp|udp)[46]?\s+(${HOST}):(\d{2,5}):\s*(?:(?:connect|getsockopt|read|write):\s*)?(?:${NETWORK_CONNECT_ERROR})`,
  'gi',
);

/** A host:port a connection went to; not an image's name and version tag (`mariadb:10.2.12`, `redis:6.2`). */
const ADDRESS = new RegExp(
  String.raw`(?<![\w.-])(${HOST}(?:/\d{1,3}(?:\.\d{1,3}){3})?):(\d{2,5})(?![\d]|\.\d)`,
  'gi',
);

/** `host port N`, as curl says it (`Failed to connect to 10.42.3.146 port 55000`). */
const CURL_ADDRESS = new RegExp(String.raw`connect\s+to\s+(${HOST})\s+port\s+(\d{2,5})`, 'gi');

/** How far from a connection error its address may stand (the same log line, or its exception chain). */
const ADDRESS_REACH = 240;

/** The reporter's own machine and the wildcard: no path of the network goes there. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1)$/i;

/**
 * Words that look like host:port and are not one (a timestamp 10:57:48 or 2024-01-10T07:33:29, a Java frame
 * `Foo.java:123`), or a name before a resolver's words that is not the name looked up (an exception's class,
 * `System.Net.Http.HttpRequestException: Name or service not known`; the call, `getaddrinfo: Name or service not known`).
 */
const NOT_A_HOST =
  /^\d+$|^getaddrinfo$|[a-z](?:exception|error)$|^\d{4}-\d{2}-\d{2}t\d{2}$|^(?:null|undefined|none|nil)$|\.(?:java|go|py|rb|js|ts|scala|kt|c|cc|cpp|rs|php|cs|mjs|jsx|tsx|ya?ml|xml|json|properties|conf|cfg|toml|ini|sh|log|txt|html)$|^(?:code|status|port|line|pid|id|exit|errno|len|size|count|rc|ttl|timeout|time|retry|attempt|version)$/i;

/**
 * The failed connection an error in the text names, the first found: a name that does not resolve before an address
 * that cannot be reached (a name that does not resolve is why its connection fails). Null when the text pastes no
 * such error, only one whose address is the reporter's own machine, or says a server refused the client's
 * credentials or certificate (its connections were made).
 */
export function failedConnection(text: string): FailedConnection | null {
  const plain = text.normalize('NFKC');
  // Client libraries' forms that put the name away from the resolver's words (client-error-forms.ts).
  const forms = clientErrorForms(plain);
  const unresolvedForm = forms.find((form) => form.kind === 'resolve' && isRemoteHost(form.host));
  if (unresolvedForm) return { kind: 'resolve', target: unresolvedForm.host };
  for (const pattern of RESOLVE_ERRORS) {
    // Every occurrence: a headline's own words after the error's name (`getaddrinfo ENOTFOUND during service start`)
    // come before the pasted error that names the host.
    for (const match of plain.matchAll(new RegExp(pattern.source, 'gi'))) {
      const name = match[1];
      if (name && isRemoteHost(name)) return { kind: 'resolve', target: name };
    }
  }
  for (const pattern of HOST_LIKE_RESOLVE_ERRORS) {
    for (const match of plain.matchAll(pattern)) {
      const name = match[1];
      if (name && HOST_LIKE.test(name) && isRemoteHost(name)) return { kind: 'resolve', target: name };
    }
  }
  for (const match of plain.matchAll(PROSE_RESOLVE)) {
    const name = match[1];
    if (name && HOST_LIKE.test(name) && isRemoteHost(name)) return { kind: 'resolve', target: name };
  }
  // ingress-nginx's own word that a Service has no endpoint to send to: that Service's path, by its name.
  const noEndpoint = SERVICE_WITHOUT_ENDPOINT.exec(plain);
  if (noEndpoint?.[1] && noEndpoint[2])
    return { kind: 'connect', target: `${noEndpoint[2]}.${noEndpoint[1]}` };
  // Any other library's resolver error, by the name standing beside its phrase (resolver-error.ts): a name that does
  // not resolve is why a client's connection to it fails (`Can't connect to MySQL server on 'db' (-2 Name does not
  // resolve)`).
  const unresolved = unresolvedName(plain);
  if (unresolved && isRemoteHost(unresolved)) return { kind: 'resolve', target: unresolved };
  if (refusedByServer(plain)) return null;
  const epmd = EPMD_CONNECT_ERROR.exec(plain);
  if (epmd?.[1] && isRemoteHost(epmd[1])) return { kind: 'connect', target: `${epmd[1]}:${EPMD_PORT}` };
  for (const pattern of QUOTED_CONNECT_ERRORS) {
    const match = pattern.exec(plain);
    const host = match?.[1];
    if (host && isRemoteHost(host))
      return { kind: 'connect', target: match[2] ? `${host}:${match[2]}` : host };
  }
  // So do the client libraries whose error puts its host away from the socket's words (client-error-forms.ts).
  const unreached = forms.find((form) => form.kind === 'connect' && isRemoteHost(form.host));
  if (unreached)
    return {
      kind: 'connect',
      target: unreached.port ? `${unreached.host}:${unreached.port}` : unreached.host,
    };
  // A Go client's error names its own address (`dial tcp 172.17.0.4:80: connect: no route to host`): that address,
  // not one a headline's earlier words stand nearest to, is the connection that failed.
  for (const match of plain.matchAll(DIAL_ERROR)) {
    const host = match[1] ?? '';
    if (isRemoteHost(host))
      return {
        kind: 'connect',
        target: namedTarget(plain, match.index, match.index + match[0].length, host, match[2] ?? ''),
      };
  }
  // So does a Go HTTP client's timeout on the URL it requested (url-timeout.ts): the URL's host and port.
  const timedOut = urlTimeouts(plain).find((target) =>
    isRemoteHost(target.slice(0, target.lastIndexOf(':'))),
  );
  if (timedOut) return { kind: 'connect', target: timedOut };
  const error = new RegExp(CONNECT_ERROR.source, 'gi');
  for (let match = error.exec(plain); match !== null; match = error.exec(plain)) {
    const target = addressNear(plain, match.index, match.index + match[0].length);
    if (target) return { kind: 'connect', target };
  }
  return null;
}

/**
 * The connection to the in-cluster peer a pasted error line names in an application's own words, with no socket error
 * beside it (`Error communicating with Redis: Connection to Redis tcp://appwrite-redis-master:6379`; peer-error.ts),
 * when the text says it ran in a cluster: the peer's address is the path to check. Null otherwise.
 */
export function peerConnection(text: string): FailedConnection | null {
  if (!inCluster(text)) return null;
  const peer = erroredPeer(text.normalize('NFKC'));
  return peer === null ? null : { kind: 'connect', target: peer };
}

/**
 * The text pastes a client's error of a connection the network did not make (`NETWORK_CONNECT_ERROR`) with no address
 * beside it, and says it ran in a cluster: a broker's `ZooKeeperClientTimeoutException: Timed out waiting for
 * connection`, a notebook's `HTTPTimeoutError: Timeout while connecting`. Such a client dials its peer by the name its
 * settings give, which in a cluster is a Service's: the Service's path is the one to check first. Not when an address
 * stands beside any such error (`failedConnection` reads it; the reporter's own machine names no path), nor when a
 * server refused the client's credentials or the socket is a file on the client's own machine.
 */
export function unaddressedClusterFailure(text: string): boolean {
  const plain = text.normalize('NFKC');
  if (!IN_CLUSTER.test(plain) || refusedByServer(plain) || LOCAL_SOCKET.test(plain)) return false;
  const errors = [...plain.matchAll(new RegExp(NETWORK_CONNECT_ERROR, 'gi'))];
  return (
    errors.length > 0 &&
    errors.every((match) => !hostPortNear(plain, match.index, match.index + match[0].length))
  );
}

/**
 * The text pastes a client's error of a connection the network did not make (`NETWORK_CONNECT_ERROR`: a Kafka
 * client's `Connection to node 1003 could not be established`, `ECONNREFUSED`, `Communications link failure`), its
 * address given or not, and no server refused the client's credentials or certificate: a network failure stated in
 * the client's own words.
 */
export function pastesConnectError(text: string): boolean {
  const plain = text.normalize('NFKC');
  return new RegExp(NETWORK_CONNECT_ERROR, 'i').test(plain) && !refusedByServer(plain);
}

/** Any host:port within reach of [start, end), the reporter's own machine included. */
function hostPortNear(text: string, start: number, end: number): boolean {
  return hostPortsNear(text, start, end).some(({ host }) => LOOPBACK.test(host) || isRemoteHost(host));
}

/** The address standing next to an error at [start, end): the nearest host:port within reach, either side. */
function addressNear(text: string, start: number, end: number): string | null {
  let best: { host: string; port: string; distance: number } | null = null;
  for (const { host, port, offset } of hostPortsNear(text, start, end)) {
    if (!isRemoteHost(host)) continue;
    // A bare word before a colon is often a field (`code:500`): a dotted name or an address is surely a host.
    const distance = Math.abs(offset) + (host.includes('.') ? 0 : ADDRESS_REACH * 2);
    if (!best || distance < best.distance) best = { host, port, distance };
  }
  if (!best) return null;
  return namedTarget(text, start, end, best.host, best.port);
}

/**
 * A failing address as host:port, by the name the client dialled when the address is the one that name resolved to
 * (`failed to connect to tcp://app-database:5432 ... dial tcp 10.233.39.128:5432: i/o timeout`): a name within reach
 * of the error with the same port says which path it took.
 */
function namedTarget(text: string, start: number, end: number, host: string, port: string): string {
  if (!IPV4.test(host)) return `${host}:${port}`;
  const named = hostPortsNear(text, start, end).find(
    (near) => near.port === port && !IPV4.test(near.host) && isRemoteHost(near.host),
  );
  return `${named?.host ?? host}:${port}`;
}

/**
 * Every host:port written within reach of [start, end) (`ADDRESS`, then curl's `CURL_ADDRESS`), each with its offset
 * from `start`.
 */
function hostPortsNear(
  text: string,
  start: number,
  end: number,
): { host: string; port: string; offset: number }[] {
  // The window starts at a word's start: a host cut at its edge (`ocalhost:9876`) is no host of the text.
  let from = Math.max(0, start - ADDRESS_REACH);
  while (from > 0 && HOST_CHAR.test(text[from - 1] ?? '')) from--;
  const window = text.slice(from, Math.min(text.length, end + ADDRESS_REACH));
  return [ADDRESS, CURL_ADDRESS].flatMap((pattern) =>
    [...window.matchAll(new RegExp(pattern.source, 'gi'))].map((match) => ({
      host: hostOf(match[1] ?? ''),
      port: match[2] ?? '',
      offset: from + match.index - start,
    })),
  );
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A character a host name or address may hold. */
const HOST_CHAR = /[\w.-]/;

/** `name/10.0.0.1` as Java prints a resolved address: the name. */
const hostOf = (host: string) => host.split('/')[0] ?? host;

function isRemoteHost(host: string): boolean {
  return host.length > 1 && !LOOPBACK.test(host) && !NOT_A_HOST.test(host) && !PROSE_WORD.test(host);
}

/**
 * A word of the sentence around an error, where a client wrote its own words after the error's name instead of a host
 * (`getaddrinfo ENOTFOUND when making request`).
 */
const PROSE_WORD =
  /^(?:when|while|during|after|before|because|but|so|which|that|for|from|with|to|in|on|at|of|the|a|an|and|or|is|was|error|failed|making|trying)$/i;

/** A Service's cluster DNS name (`nacos.default.svc.cluster.local`, `redis.db.svc:6379`, `nacos-headless.ns:8848`). */
const SERVICE_NAME = /\.svc(?:\.|:|$)|\.cluster\.local(?::|$)|-headless(?:\.|:|$)/i;

/**
 * A Service's name and namespace (`mysql.dev-namespace`, `redis.cache:6379`): two labels the cluster DNS's search
 * domains complete, the second not a top-level domain of the internet (`db.example.com`, `gitlab.com` are outside).
 */
const SERVICE_IN_NAMESPACE = /^[a-z][a-z0-9-]*\.([a-z][a-z0-9-]*[a-z0-9])(?::\d+)?$/i;
const INTERNET_TLD =
  /^(?:com|org|net|io|cn|edu|gov|mil|int|co|cc|me|info|biz|xyz|ai|app|dev|cloud|top|tech|site|online|ru|uk|de|jp|fr|us|eu|in|kr|tw|hk|sg|au|ca|br|nl|local|lan|internal|localdomain|localhost|home|corp|intranet)$/i;

const serviceInNamespace = (target: string) => {
  const namespace = SERVICE_IN_NAMESPACE.exec(target)?.[1];
  return !!namespace && !INTERNET_TLD.test(namespace);
};
const HEADLESS_NAME = /-headless(?:\.|:|$)/i;

/**
 * The ports of the control plane's own components (API server, kubelet, etcd, controller manager, scheduler): a
 * connection to one of them (`dial tcp node-1:10250: i/o timeout` under `kubectl logs`) goes to a node or the API
 * server, not through a Service, whatever its host is called, unless that host is a Service's cluster DNS name: no
 * control plane component is dialled by one, while an application's own etcd is (`apisix-etcd.ingress-apisix.svc.
 * cluster.local:2379`).
 */
const CONTROL_PLANE_PORT = /:(?:6443|10250|10255|2379|2380|10257|10259)$/;

/**
 * Which path a failed connection names: a name's resolution, a headless Service's pods, a Service, a pod's own address;
 * null: none known.
 */
export type FailedPath = 'resolve' | 'headless' | 'service' | 'pod' | 'external';

/**
 * The path of the runbooks a failed connection names: a name that does not resolve is the cluster's DNS; a connection
 * to a Service's cluster name (or a one-label or `name.namespace` name, which only the cluster's search domains
 * complete) that times out or is refused went through that Service (a headless one's name leads straight to its
 * pods). A connection to a bare address names no path: the address may be a pod's, a Service's, a node's or one
 * outside the cluster.
 */
export function failedPath(failed: FailedConnection): FailedPath | null {
  if (failed.kind === 'resolve') return 'resolve';
  if (CONTROL_PLANE_PORT.test(failed.target) && !SERVICE_NAME.test(failed.target)) return null;
  if (HEADLESS_NAME.test(failed.target)) return 'headless';
  if (SERVICE_NAME.test(failed.target) || SHORT_NAME.test(failed.target) || serviceInNamespace(failed.target))
    return 'service';
  return statefulMember(failed.target) ? 'headless' : null;
}

/**
 * A StatefulSet member's name under its headless Service and namespace (`rabbit-0.rabbit-nodes.default:4369`): three
 * labels the cluster DNS's search domains complete, the first ending in the member's ordinal, the last not a top-level
 * domain of the internet (`web-1.example.com` is outside).
 */
const STATEFUL_MEMBER = /^[a-z][a-z0-9-]*-\d+\.[a-z][a-z0-9-]*[a-z0-9]\.([a-z][a-z0-9-]*[a-z0-9])(?::\d+)?$/i;
const statefulMember = (target: string) => {
  const namespace = STATEFUL_MEMBER.exec(target)?.[1];
  return !!namespace && !INTERNET_TLD.test(namespace);
};

/**
 * A browser's own error page code (Chrome's `ERR_CONNECTION_TIMED_OUT`, `ERR_CONNECTION_REFUSED`): the client is a
 * browser, which runs outside the cluster, so the connection that failed went to a Service from outside (its NodePort,
 * load balancer or ingress), not from a pod.
 */
export function browserFailure(text: string): boolean {
  return BROWSER_ERROR.test(text.normalize('NFKC'));
}

/**
 * The path a bare failing address takes by the role the report gives it beside the error: a pasted `kubectl get pods
 * -o wide` row holding it, "pod IP" before it or a pod's name in brackets before it (Elasticsearch's
 * `[es-data-1][10.244.2.5:9300] connect_timeout`) make it a pod's; a pasted `kubectl get svc` row holding it or
 * "cluster-ip" / "service IP" before it make it a Service's; given no role, an address in a default Service range
 * (`dial tcp 10.104.53.216:5432: connect: no route to host`) in a report saying it runs in a cluster is a Service's.
 * Null for a name, a control-plane port, or any other address the report gives no role.
 */
export function addressPath(text: string, failed: FailedConnection): FailedPath | null {
  const address = BARE_ADDRESS.exec(failed.target);
  if (failed.kind !== 'connect' || !address?.[1] || CONTROL_PLANE_PORT.test(failed.target)) return null;
  const escaped = escapeRegExp(address[1]);
  const plain = text.normalize('NFKC');
  const holdsAddress = new RegExp(String.raw`(?<![\d.])${escaped}(?![\d]|\.\d)`);
  const rows = plain.split(/\r?\n/).filter((line) => holdsAddress.test(line));
  if (rows.some((row) => SERVICE_ROW.test(row))) return 'service';
  if (rows.some((row) => POD_ROW.test(row))) return 'pod';
  if (new RegExp(String.raw`(?:${SERVICE_ROLE})[^\n\d]{0,12}${escaped}(?![\d])`, 'i').test(plain))
    return 'service';
  if (new RegExp(String.raw`(?:${POD_ROLE})[^\n\d]{0,12}${escaped}(?![\d])`, 'i').test(plain)) return 'pod';
  if (new RegExp(String.raw`\[${POD_NAME}\]\s*\[/?${escaped}:\d+\]`, 'i').test(plain)) return 'pod';
  // No role given: an address in a default Service range, dialled from a cluster, is a ClusterIP (service-range.ts).
  return inDefaultServiceRange(address[1]) && IN_CLUSTER.test(plain) ? 'service' : null;
}

const BARE_ADDRESS = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{2,5})?$/;

/** A `kubectl get svc` row: the Service's type, then its addresses. */
const SERVICE_ROW = /\b(?:ClusterIP|NodePort|LoadBalancer)\s+\d{1,3}(?:\.\d{1,3}){3}\b/;
/** A `kubectl get pods -o wide` row: READY, STATUS and RESTARTS columns. */
const POD_ROW =
  /\b\d+\/\d+\s+(?:Running|Pending|CrashLoopBackOff|Error|Completed|ContainerCreating|Terminating|Init:\S+)\s+\d+/;
const SERVICE_ROLE = String.raw`cluster[-_ ]?ip|service\s*ip|svc\s*ip|服务\s*ip|服務\s*ip`;
const POD_ROLE = String.raw`\bpod\s*ip|\bpodIP|\bpod(?:'s|\s*的)\s*ip|\bpod\s+address`;
/** A pod's generated name: a Deployment's two hashes or a StatefulSet's ordinal. */
const POD_NAME = String.raw`[a-z0-9-]+-(?:[a-z0-9]{8,10}-[a-z0-9]{5}|\d+)`;

/**
 * The text pastes an error naming a path of the runbooks (`failedConnection`, then `failedPath`) and says it ran in a
 * cluster. A database's or cache's client in a pod reports the cluster's DNS or a Service failing in its own words
 * (`Unknown MySQL server host 'mysql'`); the same error from a client on a laptop or in Docker Compose names no path of
 * a cluster. So does a client's connection error naming no address at all (`unaddressedClusterFailure`).
 */
export function pastesClusterFailure(text: string): boolean {
  const failed = failedConnection(text);
  if (!failed) return unaddressedClusterFailure(text);
  return failedPath(failed) !== null && IN_CLUSTER.test(text);
}

/**
 * Words saying the client runs in a Kubernetes cluster: its objects, tools and distributions, and the state only a
 * kubelet reports of a container (CrashLoopBackOff).
 */
export const inCluster = (text: string) => IN_CLUSTER.test(text.normalize('NFKC'));

const IN_CLUSTER =
  /\bpods?\b|kubectl|\bk8s\b|kubernetes|\bk3s\b|minikube|microk8s|openshift|\bsvc\b|\bnamespaces?\b|stateful-?sets?|deployments?\b|\bhelm\b|crashloopbackoff|集群|叢集/i;

/**
 * A name of one label (`harbor-harbor-database:5432`, `airflow-redis:6379`): in a pod only the cluster DNS's search
 * domains complete it, to a Service of the client's namespace. A host outside the cluster is dotted (`db.example.com`).
 */
const SHORT_NAME = /^[a-z][a-z0-9-]*[a-z0-9](?::\d+)?$/i;

/**
 * A headline saying a client fails to connect to something ("Failure while connecting to mysql running in a pod",
 * "Communication link error when try to connect to mysql", "workers not connecting to head node", 连接不上 redis), or
 * that its connection failed ("Redis connection failed: context deadline exceeded when deploy on K8S by helm chart",
 * "[keycloak] connection failure and pods running fail", "MongoDB connection timed out", 数据库连接超时): an application's report of a broken connection, in its own words,
 * however its install tool or workload (a Helm chart, a database) is named beside it, unless it says a server refused the client's credentials or certificate, or the
 * client's socket is a file on its own machine (the Docker daemon's).
 */
export function headlineFailsToConnect(headline: string, text: string): boolean {
  const plain = text.normalize('NFKC');
  return (
    HEADLINE_CONNECT_FAILURE.test(headline.normalize('NFKC')) &&
    !REFUSED_BY_SERVER.test(plain) &&
    !LOCAL_SOCKET.test(plain)
  );
}

/** A socket file on the client's own machine (`unix:///var/run/docker.sock`): no path of the network. */
const LOCAL_SOCKET = /unix:\/\/|\.sock\b/i;

const HEADLINE_CONNECT_FAILURE =
  /(?:not|never)\s+connecting\s+to\b|\bconnection\s+(?:has\s+|was\s+)?(?:failed|fails|failures?|timed\s*out|refused)\b|(?:连接|連接)(?:失败|失敗|超时|超時|被拒)|(?:unable\s+to|not\s+able\s+to|fail(?:s|ed|ure|ing)?(?:\s+while)?|errors?\s+when\s+try(?:ing)?\s+to|can'?t|cannot|could\s*n[o']t)\s+(?:to\s+)?connect(?:ing)?\s+to\b|(?:连接|連接)不上|(?:无法|無法)(?:连接|連接)/i;

/**
 * A headline saying names do not resolve, in the reporter's words rather than a pasted error ("Failure to resolve host
 * when cloning repository", "DNS resolution failing in an executor pod", "search-discovery hostname not found",
 * 域名解析失败): the cluster's DNS path, whatever the application is. Not a build tool that cannot resolve its
 * dependencies or a version ("failed to resolve artifact"): the object resolved must be a host, a name or DNS.
 */
export function headlineFailsToResolve(headline: string): boolean {
  const text = headline.normalize('NFKC');
  // A resolver's own phrase in the headline, whatever library printed it ("Fail to start with 'Name or service not
  // known' error"; resolver-error.ts).
  return RESOLVE_HEADLINE.test(text) || statesResolverFailure(text);
}

const RESOLVE_HEADLINE = new RegExp(
  [
    String.raw`(?:fail(?:s|ed|ure|ing)?\s+to|unable\s+to|can'?t|cannot|can\s+not|could\s*n[o']t|not\s+able\s+to)\s+resolve\s+(?:the\s+|a\s+|any\s+)?(?:host(?:name)?s?|domains?|dns|(?:service\s+)?names?)\b`,
    String.raw`\b(?:dns|name)\s+(?:resolution|lookups?|quer(?:y|ies))\b[^.。!?]{0,40}?(?:\bfail(?:s|ed|ing|ures?)?\b|\bnot\s+working\b|\bdo(?:es)?\s*n[o']t\s+work\b|\btim(?:es|ed|ing)?\s*out\b)`,
    String.raw`\bhost(?:name)?\s+not\s+found\b|\bunknown\s*host\b`,
    // A resolver's own error code in the headline, whatever words follow it ("getaddrinfo ENOTFOUND when making
    // request to kubernetes services").
    String.raw`\bgetaddrinfo\s+(?:ENOTFOUND|EAI_AGAIN)\b|UnknownHostException|\bno\s+such\s+host\b`,
    '(?:域名|主机名?|主機名?|dns)\\s*解析(?:失败|失敗|超时|超時|不了)|(?:无法|無法)解析(?:域名|主机|主機)',
  ].join('|'),
  'i',
);
