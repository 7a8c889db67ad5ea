/**
 * kubectl's built-in server address, `localhost:8080`, which it falls back to when it finds no kubeconfig: "The
 * connection to the server localhost:8080 was refused - did you specify the right host or port?", `Get
 * "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused`. Nothing of the
 * report listens on that port; the fix is the kubeconfig, so the port is no value to fill. kubectl's discovery request
 * (`/api?timeout=`) is read, not any request to 8080: a kubelet's `Get http://127.0.0.1:8080/api/v1/...` goes to an old
 * API server's insecure port, which does listen there.
 *
 * True when the report writes port 8080 only on the loopback and says kubectl's API request failed there.
 */
const LOOPBACK_BEFORE = /(?:127\.0\.0\.1|localhost|\[::1\]):$/i;
const KUBECTL_DEFAULT_SAID =
  /connection\s+to\s+the\s+server\s+(?:localhost|127\.0\.0\.1):8080\s+was\s+refused|(?:localhost|127\.0\.0\.1):8080\/api\?timeout=/i;

export function kubectlDefaultServer(text: string, port: number): boolean {
  if (port !== 8080 || !KUBECTL_DEFAULT_SAID.test(text)) return false;
  for (const match of text.matchAll(/(?<![\d.])8080(?!\d)/g)) {
    const at = match.index ?? 0;
    if (!LOOPBACK_BEFORE.test(text.slice(Math.max(0, at - 12), at))) return false;
  }
  return true;
}
