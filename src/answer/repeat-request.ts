/**
 * A check that repeats, by hand, the HTTP request a report's client says got no answer: a runbook's `curl` of an
 * address and port it leaves to fill in (`curl -sv -m 3 http://<pod-ip>:<port>/`, `kubectl exec … -- curl -sS -m 3
 * http://<cluster-ip>:<port>/`). A report pasting a Go client's timeout on a URL (`Post
 * "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": context deadline exceeded`; `url-timeout.ts`)
 * names the request that failed; the probe sending it again on the runbook's path shows where it stops (no route, a
 * refused port, a silent drop), where the runbook's listings of routes and pods only show the parts. Not a read of a
 * component's own endpoint (`curl -s http://127.0.0.1:10256/healthz`, CoreDNS's `:9153/metrics`): those test the
 * component, not the report's path. Pure.
 */
import { urlTimeouts } from './url-timeout.js';

/** `curl` (its options in between) requesting `http(s)://<address placeholder>:<port placeholder>`. */
const REQUEST_PROBE = /\bcurl\s+(?:-\S+(?:\s+\d+)?\s+)*['"]?https?:\/\/<[a-z][a-z-]*>:<port>/;

/** The check repeats a request on the runbook's path: a curl of an address and port left to fill in. */
export function repeatsRequest(command: string): boolean {
  return REQUEST_PROBE.test(command.split('\n')[0] ?? '');
}

/** The report pastes a client's HTTP request that got no answer in time. */
export function requestUnanswered(text: string): boolean {
  return urlTimeouts(text).length > 0;
}
