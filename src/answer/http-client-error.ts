/**
 * A report whose first sentence names an HTTP client-error answer: `413 Request Entity Too Large` on an upload
 * through an ingress, a `404` from a Traefik middleware or a rewrite rule, a `401 Unauthorized` at a login, a redirect
 * loop behind an auth proxy ("Error calling service error code 413", "Uploading files over 1Mb fails with 413 file
 * too large", "OAuth2 proxy redirection loop with No valid authentication in request"). An HTTP server received the
 * request and refused it on its own rules (a body-size limit, a route, a credential, a session cookie): the path
 * worked. Those are the proxy's or the application's configuration, not a path the runbooks follow; yet a runbook
 * can share words with such a report ("too large" with an MTU runbook, a LoadBalancer Service it pastes). A first
 * sentence naming a covered path, a broken connection, a ClusterIP or a failure to reach (a 404 beside "connection
 * refused" may be a path), or a report pasting a failed connection anywhere (a timeout, a refused connection, an
 * unreachable address), stays answered. Declined only while no runbook is about such answers (KB-relative, as
 * uncovered-subjects.ts). Pure.
 */
import { BROKEN_CONNECTION, namesCoveredPathOrBreak } from './covered-paths.js';
import { failedConnection, headlineFailsToConnect } from './failed-connection.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** The 4xx statuses a server sends when it refuses a request on its own rules (not 408, a timeout). */
const CLIENT_ERROR_CODE = '4(?:0[0-79]|1[0-9]|2[0-9]|31)';

/**
 * An HTTP client-error answer as a first sentence names it: a 4xx number standing alone ("413 HTTP response",
 * "返回 404"), or the status's words ("Request Entity Too Large", "Unauthorized", "page not found", "too many
 * redirects", 重定向循环). Not "large payload" or "hostname not found": those name no HTTP answer.
 */
const HTTP_CLIENT_ERROR = new RegExp(
  [
    String.raw`(?<![\d.:/\-_#x])${CLIENT_ERROR_CODE}(?![\d.:/\-_%])`,
    String.raw`request\s+entity\s+too\s+large|payload\s+too\s+large|(?:body|file|request|upload)\s+(?:size\s+)?(?:is\s+)?too\s+large`,
    String.raw`\buri\s+too\s+long|header\s+fields?\s+too\s+large|too\s+many\s+requests`,
    String.raw`\bunauthori[sz]ed\b|\bunauthenticated\b|\bbad\s+request\b|method\s+not\s+allowed|page\s+not\s+found`,
    String.raw`too\s+many\s+redirects|redirect(?:ion|ing)?\s+loop|login\s+loop`,
    '请求实体过大|请求体过大|請求實體過大|未授权|未授權|重定向循环|重定向次數過多|重定向次数过多',
  ].join('|'),
  'i',
);

/**
 * A headline naming a policy ("Cilium L7 policy returns 403 for an allowed path", "CiliumNetworkPolicy 放行后仍返回
 * 403"): a policy engine may be what answered, and the policy runbook follows it.
 */
const POLICY = /\bpolic(?:y|ies)\b|\bcnp\b|策略/i;

/**
 * A headline naming a Service's own path or a failure to reach it ("Could not able to connect with ClusterIp from
 * Ingress (404 error)"): the 4xx may stand for a path the runbooks follow.
 */
const SERVICE_PATH =
  /cluster-?ip|can(?:'|no)?t\s+(?:connect|reach|access)|cannot\s+(?:connect|reach|access)|unable\s+to\s+(?:connect|reach|access)|not\s+able\s+to\s+(?:connect|reach|access)|无法访问|無法訪問|访问不了|訪問不了|连不上|連不上/i;

/**
 * The subject when a report's first sentence names an HTTP client-error answer and the report shows no broken
 * connection; else null.
 */
export function uncoveredHttpClientError(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!HTTP_CLIENT_ERROR.test(headline) || namesCoveredPathOrBreak(headline)) return null;
  if (SERVICE_PATH.test(headline) || POLICY.test(headline) || headlineFailsToConnect(headline, text))
    return null;
  if (BROKEN_CONNECTION.test(text) || failedConnection(text) !== null) return null;
  return explained
    ? null
    : 'an HTTP 4xx answer a server sends on its own rules (413 body too large, 404 route, 401 login)';
}

/** A runbook about such answers (its title, triggers, headings or symptoms name a 4xx status). */
export function httpClientErrorExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, HTTP_CLIENT_ERROR);
}
