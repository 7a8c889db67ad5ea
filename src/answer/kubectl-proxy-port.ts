/**
 * `kubectl proxy` serves the API server on the engineer's own machine (`Starting to serve on 127.0.0.1:8001`), and the
 * report then browses `http://localhost:8001/api/v1/namespaces/kube-system/services/https:kubernetes-dashboard:/proxy/`
 * or `localhost:8001/ui`. That port is the local proxy's, not one any Service, pod or node of the failing path listens
 * on: no value for `<port>` (a `targetPort` patch filled with it would break the Service). Pure.
 *
 * True when every mention of the port is on the loopback and is that proxy: its `Starting to serve on` line, or a URL
 * whose path goes to the API server (`/api/v1/...`, `/apis/...`, `/api`, `/ui`), not an app's own (`/api/health`).
 */
const LOOPBACK_BEFORE = /(?:127\.0\.0\.1|localhost|\[::1\]):$/i;
const SERVE_BEFORE = /starting to serve on\s+(?:127\.0\.0\.1|localhost|\[::1\]):$/i;
const API_PATH_AFTER = /^\/(?:api\/v\d|apis\/|api(?![\w/.-])|ui(?![\w.-]))/i;

export function kubectlProxyPort(text: string, port: number): boolean {
  let seen = false;
  for (const match of text.matchAll(new RegExp(`(?<![\\d.])${port}(?!\\d)`, 'g'))) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + match[0].length, at + match[0].length + 8);
    if (!LOOPBACK_BEFORE.test(before)) return false;
    if (!SERVE_BEFORE.test(before) && !API_PATH_AFTER.test(after)) return false;
    seen = true;
  }
  return seen;
}
