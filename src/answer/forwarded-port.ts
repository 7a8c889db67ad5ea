/**
 * The local end of a port forward: `kubectl port-forward svc/argocd-server -n argocd 8080:443` listens on 8080 on the
 * engineer's own machine and forwards to 443 of the Service; kubectl's `Forwarding from 127.0.0.1:8080 -> 443` says the
 * same. The local port is where the report's `curl localhost:8080` goes, no port of any pod, Service or node in the
 * cluster: a check of the target (`curl http://<cluster-ip>:<port>/`) would probe a port nothing there serves. The
 * same number on both sides (`3000:3000`) is the target's port too and stays. Pure.
 */

/** `port-forward [flags] target [more ports] LOCAL:REMOTE`, up to the line's end. */
const FORWARD = /(?<![\w-])port-forward\s[^\n`|;]*?(?<![\w.:-])(\d{2,5}):(\d{2,5})(?![\w:-]|\.\d)/gi;
/** kubectl's own report of the forward: `Forwarding from 127.0.0.1:8080 -> 443`, `[::1]:8080 -> 443`. */
const FORWARDING_FROM =
  /Forwarding from\s+(?:127\.0\.0\.1|\[::1\]|0\.0\.0\.0|localhost):(\d{2,5})\s*->\s*(\d{2,5})/gi;

/** The ports the question writes only as a port forward's local end. */
export function forwardedLocalPorts(text: string): Set<number> {
  const local = new Set<number>();
  const remote = new Set<number>();
  for (const pattern of [FORWARD, FORWARDING_FROM]) {
    for (const match of text.matchAll(pattern)) {
      local.add(Number(match[1]));
      remote.add(Number(match[2]));
    }
  }
  for (const port of remote) local.delete(port);
  return local;
}
