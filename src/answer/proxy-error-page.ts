/**
 * A report about the error page an HTTP proxy returns: an ingress controller's `502 Bad Gateway` or `503 Service
 * Temporarily Unavailable` ("502 Bad Gateway - openresty", "Nginx Ingress Controller throwing 502", "nginx-ingress:
 * occasional 503"). The proxy received the request and answered it itself: an upstream that closed its connection,
 * an Ingress pointing at the wrong Service port, a backend with no ready endpoints, a configuration reload. Those are
 * the proxy's and the application's business (ingress-nginx's configuration, the backend's keep-alive), not a path the
 * runbooks follow. A 504 or a timeout is the proxy waiting on a path, and a first sentence naming a covered path or a
 * broken connection (a NodePort, DNS, a timeout, a refused connection, pods that cannot reach each other) keeps the
 * report answered. Declined only while no runbook is about such error pages (KB-relative, as uncovered-subjects.ts).
 * Pure.
 */
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The proxy's own error answer named by the first sentence: 502 (Bad Gateway) or 503 (Service Temporarily
 * Unavailable), by number or by its words (网关错误). Not 504: a gateway timeout is the proxy waiting on a path.
 */
const PROXY_ERROR_STATUS =
  /(?<![\d.:/-])50[23](?![\d.:/-])|\bbad\s+gateway\b|\bservice\s+temporarily\s+unavailable\b|(?:网关|網關)\s*(?:错误|錯誤)/i;

/**
 * An HTTP proxy the report names as what answered: an ingress or its controller, nginx (openresty, its build in
 * ingress-nginx), HAProxy, Traefik, Envoy, or an API gateway (Higress, APISIX, Kong).
 */
const HTTP_PROXY = /ingress|\bnginx\b|openresty|haproxy|traefik|\benvoy\b|higress|apisix|\bkong\b/i;

/** A ClusterIP named beside the error page: the Service's own path, which a runbook follows. */
const SERVICE_PATH = /cluster-?ip/i;

/**
 * The subject when a report's first sentence names a proxy's 502 or 503 and the report names the HTTP proxy that
 * answered ("502 Bad Gateway Error. ... curl myapp.example.com/web returns 502 Bad Gateway nginx/1.17.9",
 * "Ingress with ngnix results in 502 bad gateway"); else null. "访问 NodePort 暴露的服务时，直接报 502 Bad Gateway" names a
 * NodePort, and "upstream timed out and return 504 when I use ingress" a timeout: both are answered.
 */
export function uncoveredProxyErrorPage(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!PROXY_ERROR_STATUS.test(headline) || !HTTP_PROXY.test(text)) return null;
  if (namesCoveredPathOrBreak(headline) || SERVICE_PATH.test(headline)) return null;
  return explained ? null : "an HTTP proxy's own error page (an ingress controller's 502 Bad Gateway or 503)";
}

/** A runbook about a proxy's error pages (its title, triggers, headings or symptoms name a 502 or 503). */
export function proxyErrorPageExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, PROXY_ERROR_STATUS);
}
