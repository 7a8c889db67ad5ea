/**
 * A Gateway API route's status as its controller reports it: whether an `HTTPRoute` (or GRPC/TLS/TCP/UDP route) is
 * accepted by its parent Gateway's listeners, resolves its backend references, or is programmed, and the conditions
 * and reasons that say so (`Accepted: False`, `NoMatchingListenerHostname`, `NotAllowedByListeners`,
 * `BackendNotFound`, `ResolvedRefs`). Which routes a controller binds to which listeners is the controller's, above
 * the Service and pod paths the runbooks follow. Declined only while no runbook states Gateway API routes
 * (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { ANY_PLUGIN_PATH } from './clarify.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** Gateway API's route and gateway objects: the route kinds, a Gateway's listeners, parentRefs, a GatewayClass. */
const GATEWAY_API_OBJECTS =
  /\b(?:http|grpc|tls|tcp|udp)routes?\b|\bgateway\s+listeners?\b|\blisteners?\s+(?:hostname|config(?:uration)?)\b|\bparent-?refs?\b|\bgateway-?class(?:es)?\b|\blistener-?sets?\b|gateway\.networking\.k8s\.io|\bgateway\s+api\b/i;

/**
 * The route's status conditions and their reasons, as the spec names them: a route accepted or not by a parent,
 * its references resolved, a listener programmed, and the reasons a controller writes beside them.
 */
const ROUTE_STATUS =
  /\baccepted\s*[:=]\s*(?:true|false)\b|\b(?:accepted|programmed|resolvedrefs)\b[^\n]{0,40}\b(?:false|condition|status)\b|\b(?:no-?matching-?listener-?hostname|no-?matching-?parent|not-?allowed-?by-?listeners|backend-?not-?found|no-?ready-?listeners|invalid-?listener|unsupported-?value|ref-?not-?permitted|invalid-?kind)\b|\broute\s+status\b|\bstatus\s+(?:condition|of\s+the\s+(?:route|httproute))\b/i;

/**
 * The subject when a report is about a Gateway API route's status: its first sentence names a route or a Gateway's
 * listeners ("HTTPRoute status did not update after Gateway listener hostname change", "Routes that reference an
 * ignored Gateway are marked as Accepted") and the report names a status condition or its reason ("Accepted=False /
 * NoMatchingListenerHostname"); else null. A report saying traffic through the Gateway times out or is refused with
 * no route condition beside it is about that path.
 */
export function uncoveredGatewayRouteStatus(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  const routeNamed = GATEWAY_API_OBJECTS.test(headline) || /\broutes?\b/i.test(headline);
  if (ANY_PLUGIN_PATH.test(headline)) return null;
  if (!routeNamed || !GATEWAY_API_OBJECTS.test(text) || !ROUTE_STATUS.test(text)) return null;
  return explained ? null : "a Gateway API route's status (listeners, parentRefs, route conditions)";
}

/** Whether a runbook states Gateway API routes in its title, triggers, headings or troubleshooting symptoms. */
export function gatewayRouteStatusExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, GATEWAY_API_OBJECTS);
}
