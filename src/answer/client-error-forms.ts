/**
 * Client libraries' own forms of a failed connection that put the host away from the socket's words, so that an
 * address standing beside the error does not name it: Python's urllib3 (`HTTPConnectionPool(host='api', port=8000):
 * Max retries exceeded with url: / (Caused by NewConnectionError(...: [Errno 111] Connection refused'))`), libpq's older
 * form (`could not connect to server: Connection refused Is the server running on host "postgres" (10.96.7.7) and
 * accepting TCP/IP connections on port 5432?`), busybox wget's (`wget: can't connect to remote host (10.96.9.9):
 * Connection refused`, `wget: unable to resolve host address 'web'`), StackExchange.Redis's (`UnableToConnect on
 * redis:6379`), and a Go lookup whose DNS query itself got no answer (`lookup grafana.monitoring.svc on 10.96.0.10:53:
 * read udp 10.244.1.3:45678->10.96.0.10:53: i/o timeout`: the name did not resolve, the DNS server's address is not the
 * connection the client wanted). Each reads the name that failed to resolve or the host (and port) that could not be
 * reached. Pure.
 */

/** A DNS name or an IPv4 address. */
const HOST = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*)`;

/** The resolver's words in a client's error, or the negative errno Python gives them. */
const RESOLVER_WORDS = String.raw`Name\s+or\s+service\s+not\s+known|Temporary\s+failure\s+in\s+name\s+resolution|nodename\s+nor\s+servname|No\s+address\s+associated\s+with\s+hostname|Name\s+does\s+not\s+resolve|getaddrinfo\s+failed|\[Errno\s+-(?:2|3|5)\]|NameResolutionError`;

/**
 * The socket's words of a connection the network did not make, or the errno Python gives them; not a read that timed
 * out (`Read timed out. (read timeout=10)`): that connection was made.
 */
const SOCKET_WORDS = String.raw`Connection\s+refused|Connection\s+timed\s+out|connect\s+timeout=|No\s+route\s+to\s+host|Network\s+is\s+unreachable|Host\s+is\s+unreachable|\[Errno\s+(?:110|111|113)\]|ConnectTimeoutError`;

/** urllib3's pool and the reason it gives, on one line (a traceback's last line). */
const POOL = String.raw`HTTPS?ConnectionPool\(host=\\?['"](${HOST})\\?['"],\s*port=(\d{2,5})\):[^\n]{0,400}?`;

/** Errors of a name that did not resolve, each with the name in its first group. */
const RESOLVE_FORMS: readonly RegExp[] = [
  new RegExp(
    String.raw`\blookup\s+(${HOST})\s+on\s+[\d.]+:53:\s*(?:read|write|dial)\s+udp[46]?\s+[\d.:]+(?:->[\d.:]+)?:\s*(?:(?:read|write|connect):\s*)?(?:i/o\s+timeout|connection\s+refused|no\s+route\s+to\s+host|network\s+is\s+unreachable)`,
    'gi',
  ),
  new RegExp(`${POOL}(?:${RESOLVER_WORDS})`, 'gi'),
  new RegExp(String.raw`unable\s+to\s+resolve\s+host\s+address\s+[‘'"]?(${HOST})`, 'gi'),
  // .NET's and Ruby's: the resolver's words, then the host:port in brackets, or the host before them.
  new RegExp(String.raw`(?:${RESOLVER_WORDS}|No\s+such\s+host\s+is\s+known)\s*\((${HOST}):\d{2,5}\)`, 'gi'),
  new RegExp(
    String.raw`Failed\s+to\s+open\s+TCP\s+connection\s+to\s+(${HOST}):\d{2,5}\s*\(getaddrinfo`,
    'gi',
  ),
];

/** Errors of a connection that could not be made, each with its host (and port, when it gives one). */
const CONNECT_FORMS: readonly RegExp[] = [
  new RegExp(`${POOL}(?:${SOCKET_WORDS})`, 'gi'),
  new RegExp(
    String.raw`could\s+not\s+connect\s+to\s+server:\s*(?:Connection\s+refused|Connection\s+timed\s+out|No\s+route\s+to\s+host|timeout\s+expired)[\s\S]{0,40}?Is\s+the\s+server\s+running\s+on\s+host\s+\\?"(${HOST})\\?"(?:\s*\([\d.]+\))?\s+and\s+accepting\s+TCP/IP\s+connections\s+on\s+port\s+(\d{2,5})`,
    'gi',
  ),
  new RegExp(String.raw`can'?t\s+connect\s+to\s+remote\s+host\s+\((${HOST})\)`, 'gi'),
  new RegExp(String.raw`\bUnableToConnect\s+on\s+(${HOST}):(\d{2,5})`, 'gi'),
];

export interface ClientErrorForm {
  kind: 'resolve' | 'connect';
  host: string;
  /** The port, when the error gives one. */
  port: string | null;
}

/**
 * Every failed connection the text's client errors name in these forms, names that did not resolve before hosts
 * that could not be reached (a name that does not resolve is why its connection fails).
 */
export function clientErrorForms(text: string): ClientErrorForm[] {
  const plain = text.normalize('NFKC');
  const found: ClientErrorForm[] = [];
  for (const pattern of RESOLVE_FORMS)
    for (const match of plain.matchAll(pattern))
      if (match[1]) found.push({ kind: 'resolve', host: match[1], port: null });
  for (const pattern of CONNECT_FORMS)
    for (const match of plain.matchAll(pattern))
      if (match[1]) found.push({ kind: 'connect', host: match[1], port: match[2] ?? null });
  return found;
}
