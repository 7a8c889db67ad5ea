/**
 * A report whose failing subject is an Ingress controller's, gateway's or mesh proxy's own list of backends: after a
 * rollout or a pod restart, the proxy keeps sending requests to the old pod IPs ("Ingress Controller forwarding
 * traffic to a POD(IP) even after termination", "Haproxy.cfg is not reloaded when pod IP address changes ... to put
 * new pod IP into backend server list", "the IPs associated with the upstream targets were not updated ... Killing
 * the pod associated with the ingress controller leader resolved the issue"). The controller watches Endpoints and
 * rewrites its own configuration (a reload, a Lua balancer, xDS); when it lags, the fix is the controller's (its
 * version, a preStop hook, its sync), which no runbook follows.
 *
 * A report that looks a name up or says the proxy resolves a name (nginx resolving a Service's name once at start,
 * `resolver`, nslookup, DNS) is the client-side DNS cache the headless-Service runbook explains, and stays answered;
 * so does one whose first sentence names a path a runbook follows. Declined only while no runbook states such a
 * proxy's stale backends (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { COVERED_PATH } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * A proxy that keeps its own list of pod backends, named: an Ingress controller (ingress-nginx, NGINX's, HAProxy's,
 * Kong's, Traefik), an API gateway or Gateway API implementation, Envoy and Istio's Pilot; in Chinese 入口控制器,
 * 网关.
 */
const BACKEND_PROXY =
  /\bingress[\s-]*(?:nginx|controllers?)\b|\bnginx[\s-]*ingress\b|\bhaproxy\b|\btraefik\b|\bkong\b|\benvoy\b|\bistio\b|\bpilot\b|\bgateway[\s-]*(?:api|fabric)\b|\bapi[\s-]*gateway\b|(?:ingress|入口)\s*控制器|网关|網關/i;

/**
 * The proxy's backends called stale: old, stale, previous, dead or terminated pod IPs, endpoints, upstreams or
 * backends; traffic sent to a pod after its termination or to "the offline pod"; a backend list, upstream or
 * configuration not updated or not reloaded with the new pod IP; in Chinese 旧/过期/已删除 pod IP or 后端.
 */
const STALE_BACKENDS = new RegExp(
  [
    String.raw`\b(?:old|stale|previous|dead|terminated|terminating|deleted|removed|offline|outdated)\s+(?:\w+\s+){0,2}?(?:pod\s*\(?\s*)?(?:ips?|ip\s+address(?:es)?|address(?:es)?|end\s*points?|upstreams?|backends?|instances?|targets?|pods?|servers?)\b`,
    String.raw`\b(?:ips?|end\s*points?|upstreams?|backends?|targets?)\b[^.。\n]{0,40}?\b(?:were|was|are|is)\s+(?:still\s+)?stale\b`,
    String.raw`\b(?:pods?|ips?)\b[^.。\n]{0,30}?\beven\s+after\s+(?:its\s+|their\s+)?(?:termination|deletion|deleted|terminated)\b`,
    String.raw`\b(?:not|never|isn'?t|wasn'?t|weren'?t|aren'?t)\s+(?:being\s+)?(?:updated|reloaded|refreshed|removed)\b[^.。\n]{0,80}?\b(?:pod\s+ips?|end\s*points?|upstreams?|backends?|targets?)\b`,
    String.raw`\b(?:pod\s+ips?|end\s*points?|upstreams?|backends?|targets?)\b[^.。\n]{0,60}?\b(?:were|was|are|is|not|never)\s+(?:not\s+)?(?:being\s+)?(?:updated|reloaded|refreshed|removed)\b`,
    String.raw`(?:旧|舊|过期|過期|已删除|已刪除|已下线|已下線)\s*(?:的)?\s*(?:pod\s*)?(?:ip|地址|后端|後端|端点|端點)`,
  ].join('|'),
  'i',
);

/**
 * A name looked up or resolved: nslookup, dig, DNS, nginx's `resolver`, resolv.conf, a name re-resolved or resolved
 * to an address ("can't resolve the host to the new cluster IP"), 解析. "Killing the pod resolved the issue" resolves
 * no name.
 */
const NAME_RESOLUTION =
  /\bnslookup\b|\bdig\b|\bdns\b|core-?dns|kube-dns|\bresolv(?:er|\.conf)\b|\bre-?resolv\w*|\bresolv(?:e[sd]?|ing|ution)\b(?!\s+(?:the|this|that|my|our)\s+(?:issue|problem)s?\b)(?:\s+(?:the|a|its|their))?\s+(?:\w+\s+)?(?:host\s*names?|hosts?|names?|domains?|fqdns?|services?|upstreams?|to)\b|nxdomain|no\s+such\s+host|unknown\s*host|解析/i;

/**
 * The subject when a report names an Ingress controller, gateway or mesh proxy, says the backends it keeps are stale,
 * resolves no name, and its first sentence names no covered path; else null. "Haproxy.cfg is not reloaded when pod
 * IP address changes" is declined; "nginx resolves the domains at start and never re-resolves" (DNS) is answered.
 */
export function uncoveredStaleProxyUpstream(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!BACKEND_PROXY.test(text) || !STALE_BACKENDS.test(text)) return null;
  if (NAME_RESOLUTION.test(text) || COVERED_PATH.test(headline)) return null;
  return explained
    ? null
    : 'the stale pod backends an Ingress controller, gateway or mesh proxy keeps after a rollout';
}

/** Whether a runbook states a proxy keeping stale backends. */
export function staleProxyUpstreamExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(
    docs,
    new RegExp(`(?:${BACKEND_PROXY.source})[^.。]*(?:${STALE_BACKENDS.source})`, 'i'),
  );
}
