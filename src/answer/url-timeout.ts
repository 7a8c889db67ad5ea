/**
 * A Go HTTP client's error naming the URL it requested and a request the network left unanswered: `Get
 * http://apisix-admin:9180/apisix/admin/upstreams: net/http: request canceled while waiting for connection
 * (Client.Timeout exceeded while awaiting headers)`, `Post "https://webhook.cosign-system.svc:443/mutations":
 * context deadline exceeded`. The client got no connection, or no answer on it, before its deadline: the URL's host
 * and port are the connection that failed, as a dialer's `dial tcp host:port: i/o timeout` names its own. Not a
 * server's answer (a status code, `EOF`, a refused certificate): those connections were made. Pure.
 */

/** A host of a URL: a DNS name or an IPv4 address. */
const HOST = String.raw`\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*`;

/** The client's words for a request that got no connection or no answer in time. */
const NO_ANSWER = String.raw`net/http:\s*request\s+canceled\s+(?:while\s+waiting\s+for\s+connection|\(Client\.Timeout)|net/http:\s*timeout\s+awaiting\s+response\s+headers|context\s+deadline\s+exceeded|\(?Client\.Timeout\s+exceeded`;

/** The method (a pasted fragment may start after it), the URL (quoted or not, its quotes escaped or not), then the client's words. */
const URL_TIMEOUT = new RegExp(
  String.raw`(?:\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+)?\\*["']?\b(https?)://(${HOST})(?::(\d{2,5}))?(?:[/?#][^\s"'\\]*)?\\*["']?:\s*(?:${NO_ANSWER})`,
  'gi',
);

/** Each URL a Go HTTP client's timeout names, as host:port (the scheme's port when the URL gives none). */
export function urlTimeouts(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(URL_TIMEOUT)].map((match) => {
    const port = match[3] ?? (match[1]?.toLowerCase() === 'https' ? '443' : '80');
    return `${match[2]}:${port}`;
  });
}
