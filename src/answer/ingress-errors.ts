/**
 * An ingress controller's own 502 or 503 answer ("Nginx Ingress Controller throwing 502", "nginx-ingress: occasional 503
 * Service Temporarily Unavailable"), in a report that names no broken path behind it. The controller answered: why
 * it chose a 502 (its upstream closed the connection early, a path rule sent the request nowhere) or a 503 is the
 * controller's configuration and its upstreams, which no runbook follows. A report saying the path behind the
 * controller fails (a 504 or a timeout, a refused connection, a backend that is unreachable) is about that path, and
 * one naming kube-proxy's health check of a `Local` Service is answered from the runbook that explains it. Declined
 * only while no runbook states an ingress's 502 or 503 (KB-relative, as uncovered-subjects.ts). Pure.
 */
import type { DocRecord } from '../core/types.js';
import { anyRunbookStates, readReport } from './uncovered-subjects.js';

type TopicDoc = Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>;

/** The controller's answer as a headline names it: 502, 503, Bad Gateway, Service (Temporarily) Unavailable. */
const BAD_GATEWAY = /\b50[23]\b|bad\s+gateway|service\s+(?:temporarily\s+)?unavailable/i;

/** An ingress controller or reverse proxy in front of the cluster's Services. */
const INGRESS_CONTROLLER = /ingress|\bnginx\b|traefik|\bkong\b|apisix|higress|\bhaproxy\b/i;

/**
 * A broken path behind the controller, or the part a runbook explains: a 504 or a timeout, a refused or unreachable
 * backend (不通), kube-proxy's health check of a `Local` Service (`/healthz`, `healthCheckNodePort`,
 * `externalTrafficPolicy`).
 */
const PATH_BEHIND =
  /\b504\b|time[sd]?\s*out|timeout|超时|超時|gateway\s+time|refused|拒绝|拒絕|no\s+route|unreachable|不通|healthz|health[\s-]?check[\s-]?node[\s-]?port|external[\s-]?traffic[\s-]?policy/i;

/** A runbook stating an ingress controller's 502 or 503 in its title, triggers, headings or symptoms. */
const INGRESS_ERROR_RUNBOOK = new RegExp(
  `(?:${INGRESS_CONTROLLER.source})[^\\n]{0,40}(?:${BAD_GATEWAY.source})|(?:${BAD_GATEWAY.source})[^\\n]{0,40}(?:${INGRESS_CONTROLLER.source})`,
  'i',
);

/**
 * The subject when a report's first sentence names a 502 or 503 ("502 Bad Gateway Error. Getting the 502 bad gateway
 * error when browsing the URL path /web, however the root works fine"), the report names an ingress controller, and
 * it names no broken path behind the controller; else null. "Nginx ingress returns 502; curl to the pod IP from the
 * node times out" is about that path.
 */
export function uncoveredIngressError(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!BAD_GATEWAY.test(headline) || !INGRESS_CONTROLLER.test(text) || PATH_BEHIND.test(text)) return null;
  return explained ? null : "an ingress controller's own 502/503 answers";
}

/** Whether a runbook states an ingress controller's 502 or 503. */
export function ingressErrorExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, INGRESS_ERROR_RUNBOOK);
}
