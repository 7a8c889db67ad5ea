/**
 * Whether a report's failing destination is the API server as a pod reaches it: the `kubernetes` Service's address
 * dialled and not answering (`dial tcp 10.96.0.1:443: i/o timeout`, `telnet 10.0.0.1 443` → `Connection refused`,
 * `curl https://10.233.0.1:443/healthz` 没有返回), or the API server named as what a pod cannot reach ("Pod unable to
 * reach kube API: i/o timeout", "pod 访问 apiserver 超时"). Every cluster has this Service and every in-cluster client
 * (CoreDNS, a CNI agent, an operator, metrics-server) uses it, so such reports come from any CNI and distribution.
 * The readers take the raw or the normalized text (lower case, plurals folded, "failed to" → "cannot"). Pure.
 */
import { statesCrossNodePods } from './cross-node-pod-path.js';
import { LOOKUP_FAILS } from './lookup-fails.js';

/**
 * The `kubernetes` Service's address, the first of a service range, on the HTTPS port: `10.96.0.1:443`,
 * `10.0.0.1 443` (telnet, nc), `10.233.0.1 port 443` (curl), or `https://10.96.0.1/…` with the port left out. Not a
 * pod's environment (`KUBERNETES_PORT=tcp://10.43.0.1:443`) nor a `kubectl get svc` row (`10.96.0.1 443/TCP`): those
 * only say the Service exists.
 */
const API_SERVICE_ADDRESS =
  /(?<![\d.]|tcp:\/\/|=)\d{1,3}\.\d{1,3}\.0\.1(?::443(?!\d)|\s+(?:port\s+)?443(?![\d/]))|(?<=https?:\/\/)\d{1,3}\.\d{1,3}\.0\.1(?![\d.:])/giu;

/**
 * A TCP connection that does not complete: nothing answers, nothing routes, or the address refuses. Not the
 * `?timeout=32s` of a request URL.
 */
const CONNECT_FAILS =
  /i\/o\s+timeout|tim(?:e|ed|es)?\s*out(?!\s*=)|no\s+route\s+to\s+host|connection\s+refused|network\s+is\s+unreachable|host\s+is\s+unreachable|context\s+deadline\s+exceeded|(?:could\s*n[o']t|can(?:'|no)?t|failed\s+to|unable\s+to)\s+connect|waiting\s+for\s+connection|超时|超時|没有返回|沒有返回|无响应|没有响应|拒绝|拒絕|不通|连不上|連不上/iu;

/** How far around the address its own failure is written (the log line or the command's output). */
const FAILURE_WINDOW = 160;

/** True when some API Service address in the text has a connection failure written next to it. */
export function dialsApiServiceAndFails(text: string): boolean {
  for (const match of text.matchAll(API_SERVICE_ADDRESS)) {
    const start = Math.max(0, match.index - FAILURE_WINDOW);
    const around = text.slice(start, match.index + match[0].length + FAILURE_WINDOW);
    if (CONNECT_FAILS.test(around)) return true;
  }
  return false;
}

/** The API server by name: "kube API", "Kubernetes API server", "apiserver", "the kubernetes Service", "kubernetes svc". */
const API_SERVER = String.raw`(?:kube|kubernetes|k8s)[\s-]*api(?:[\s-]*server)?(?![a-z])|(?<![a-z])api[\s-]?server(?![a-z.])|the\s+kubernetes\s+(?:service|svc)(?![a-z])|kubernetes\s+svc(?![a-z])`;

/**
 * Not reaching it, as a verb ("unable to reach kube API", "无法访问 apiserver"): only before the name, since the name
 * before such a verb is its subject ("the API server … cannot reach the webhook").
 */
const CANNOT_REACH = String.raw`(?:can\s*not|can't|cannot|unable\s+to|fail(?:s|ed|ing)?\s+to|could\s*n[o']t|not\s+able\s+to)\s+(?:\w+\s+){0,2}?(?:reach|connect|access|talk|communicate|contact)|无法访问|無法訪問|无法连接|连不上|連不上|连接不上|访问不了`;

/** Not reached, as a state ("kube API: i/o timeout", "apiserver 超时"): after the name, or before it. */
const NOT_REACHED = String.raw`time(?:s|d)?\s*out|timeout(?!\s*=)|refused|no\s+route|unreachable|not\s+reachable|inaccessible|超时|超時|不通|连不上|連不上|无法访问|無法訪問|访问不了|拒绝`;

const NAMED_AND_FAILS = new RegExp(
  String.raw`(?:${API_SERVER})[^.;。；\n]{0,80}?(?:${NOT_REACHED})|(?:${CANNOT_REACH}|${NOT_REACHED})[^.;。；\n]{0,40}?(?:${API_SERVER})`,
  'iu',
);

/** The client sits in the cluster: a pod or a container (not kubectl on a workstation, not a node joining). */
const IN_CLUSTER_CLIENT = /(?<![a-z])pods?(?![a-z])|pod's|容器|(?<![a-z])containers?(?![a-z])|in-?cluster/iu;

/** True when the text names the API server as what an in-cluster client cannot reach. */
export function namesApiServerUnreachable(text: string): boolean {
  return NAMED_AND_FAILS.test(text) && IN_CLUSTER_CLIENT.test(text);
}

/**
 * Other suspects the report states for the same failure, which keep their runbooks: a TLS handshake that times out
 * (the connection was made; a large packet is lost: MTU), a NetworkPolicy the reporter wrote.
 */
const OTHER_SUSPECT =
  /tls\s+handshake\s+timeout|network\s*polic(?:y|ies)|egress\s+(?:rule|polic)|default[\s-]deny|deny[\s-]all|网络策略/iu;

/**
 * Pods that cannot reach each other ("pods can't reach each other", "interpod communication failing", "pod-to-pod is
 * not connected", "pod 之间不通"): the CNI's own datapath fails too, and its runbook keeps its place.
 */
const PODS_TO_EACH_OTHER =
  /each\s*other|one\s+another|inter[\s-]?pods?(?![a-z])|pod[\s-]+to[\s-]+pod|pods?\s*(?:之间|间)|互通|互访|互相访问/iu;

/**
 * True when the report's failing destination is the API server reached from inside the cluster, and it states no
 * failing name lookup (DNS is a failing hop of its own), no other suspect and no pod-to-pod failure.
 */
export function apiServerUnreachable(text: string): boolean {
  return (dialsApiServiceAndFails(text) || namesApiServerUnreachable(text)) && !blamesAnotherHop(text);
}

/** The report states a failing lookup, another suspect or pods failing to reach each other. */
export function blamesAnotherHop(text: string): boolean {
  return (
    OTHER_SUSPECT.test(text) ||
    LOOKUP_FAILS.test(text) ||
    PODS_TO_EACH_OTHER.test(text) ||
    statesCrossNodePods(text)
  );
}
