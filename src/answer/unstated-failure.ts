/**
 * A long report that never says the network fails: its first sentence names no part of the network (a pod or node, an
 * address or port, traffic, a Service, DNS, a policy, a proxy, a plugin) and no failure to connect ("No connection
 * string in secret", "mkdir: cannot create directory '/data/pgdata': Permission denied", "Application Set not syncing
 * using argo-cd-action", "[bitnami/keycloak] Failed to deploy postgresql DB due to permission denied"), and its body
 * shows no probe of a path (ping, curl, nslookup, tcpdump) and no symptom of one (a refused, reset or timed-out
 * connection, "I get timeouts", a client's connection error such as Kafka's `Connection to node 1003 could not be
 * established`, a name that does not resolve, dropped packets, 不通). Its network words are only context: a pasted
 * `kubectl get pods -A` listing CoreDNS and kube-proxy, a StatefulSet's `*.svc.cluster.local` members in a config. A
 * runbook may share enough of them to pass the confidence threshold, yet none explains the failure the reporter
 * names, so the report is declined. Reports from application trackers that describe a network symptom in the
 * application's words still say it somewhere ("Timeout connecting to [nacos-0...]", "lookup argocd-repo-server: i/o
 * timeout", "pod 之间无法访问", an RPC call timing out to a named peer, a browser's `ERR_CONNECTION_REFUSED`, a member
 * that cannot join its cluster beside its members' pod DNS names: member-join.ts) and are left to the runbooks. Pure.
 */
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { headlineOf } from '../retrieve/query.js';
import { CNI_NAMES, NETWORK_TROUBLE, SPECIFIC } from './clarify.js';
import { namesCoveredPathOrBreak } from './covered-paths.js';
import {
  browserFailure,
  failedConnection,
  headlineFailsToConnect,
  pastesConnectError,
} from './failed-connection.js';
import { statesMemberJoinFailure } from './member-join.js';
import { pastesErrorNamingPeer } from './peer-error.js';

/**
 * Parts of the network a first sentence may name beside the specific signals of clarify.ts: the ends of a path
 * (pods, nodes, addresses, ports), what travels it (traffic, packets, TCP/UDP/HTTP), reaching or accessing something,
 * name resolution in its own words (ndots, upstream, TTL), policies and ACLs, proxies, the CNI and its plugins, what
 * exposes a workload, slowness in either language ("recovers slowly", "恢复很慢", latency, 延迟).
 */
const NETWORK_PART =
  /\bservices?\b|health\s*checks?|probes?\b|健康检查|健康檢查|\bips?\b|\bip_|_ip\b|ipv[46]|\binterfaces?\b|网卡|網卡|\bnat|outgoing|\baddress(?:es)?\b|地址|\bports?\b|端口|traffic|流量|packets?|报文|數據包|数据包|\btcp\b|\budp\b|\bhttps?\b|\bping|\bconnect(?:ion|ions|ing|ed|s)?\b(?!\s+strings?)|\baccess|\breach|访问|訪問|通信|通讯|通訊|ndots|resolution|域名|解析|upstream|\bttl\b|polic(?:y|ies)|\bacls?\b|proxy|\bcni\b|plugin|hairpin|expos|暴露|cluster-?ip|\bvip\b|网络|網絡|網路|latency|slow|慢|延迟|延遲|\bhang|drop|martian|dial|listen|metallb|hubble|\bcaddy\b|\bnginx\b|traefik|haproxy|keepalived/i;

/**
 * What a body shows when a path fails: a probe of it, or a symptom of a broken connection or resolution, among them
 * a connection that is not stable ("The issue is connection is not stable when I try to connect to each of the
 * server", 连接不稳定) and a name lookup stated as failing ("the DNS lookup fails", "the DNS record is not ready").
 */
const PATH_EVIDENCE = new RegExp(
  [
    String.raw`\bping\b|\bcurl\b|\bwget\b|\btelnet\b|\bnc\s+-|\bnslookup\b|\bdig\b|\btcpdump\b|traceroute|\bmtr\b|iptables|\bipvs|conntrack`,
    String.raw`\brefused\b|\breset\b|(?<![\w-])time[sd]?\s*outs?(?![\w-])|\btimed\s+out\b|\bunreachable\b|no\s+route|nxdomain|servfail|\bdrop(?:s|ped)?\b|packet\s+loss|\bi/o\s+timeout|dial\s+tcp|\bEOF\b|\b50[234]\b`,
    String.raw`(?:can'?t|cannot|can\s+not|unable\s+to|could\s*n[o']t|not\s+able\s+to)\s+(?:\w+\s+)?(?:access|reach|connect|contact|resolve|ping|curl|talk|communicate)`,
    String.raw`(?:\bnot|n't)\b[^.。]{0,20}?\bable\s+to\s+(?:access|reach|connect|resolve|ping|talk|communicate)`,
    String.raw`\bnot\s+(?:reachable|accessible)\b|\blatency\b|\bslow\b|resolv`,
    String.raw`\b(?:connections?|connectivity)\s+(?:is\s+|are\s+)?(?:not\s+stable|unstable|intermittent|flaky)\b`,
    String.raw`\b(?:dns|name)\s+(?:lookups?|quer(?:y|ies)|records?)\s+(?:\w+\s+)?(?:fails?|failed|failing|not\s+ready)\b`,
    '丢包|丟包|超时|超時|拒绝|拒絕|不通|无法访问|無法訪問|访问不了|訪問不了|连不上|連不上|解析|延迟|延遲|慢',
    '(?:连接|連接|网络|網絡|網路)[^。，,]{0,4}不稳定|(?:连接|連接|网络|網絡|網路)[^。，,]{0,4}不穩定|时断时续|時斷時續',
  ].join('|'),
  'i',
);

/**
 * A remote procedure's call that got no answer in time, in an RPC framework's words: Java's `...TimeoutException`
 * (Dubbo's, Feign's, Seata's), gRPC's `DEADLINE_EXCEEDED`, Dubbo's `Waiting server-side response timeout` and Seata's
 * `wait response error:cost 30001 ms`.
 */
const RPC_TIMEOUT =
  /[a-z]TimeoutException\b|\bDEADLINE_EXCEEDED\b|wait(?:ing)?\s+(?:server-side\s+)?response\s+(?:error|time\s*out)/i;
/** A peer's address (`ip:/192.168.1.148:8091`, `seata-server.default:8091`), not the reporter's own machine. */
const PEER_ADDRESS =
  /(?<![\w.-])(?!(?:127\.|0\.0\.0\.0|localhost))(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+):\d{2,5}(?!\d)/i;

/**
 * A pasted RPC timeout that names the peer it called: a call between two services that the network may have broken
 * (a Seata client to its server's address, a Dubbo consumer to a provider), a failure stated in the framework's words.
 * A deadline with no peer (`application refresh deadline exceeded`) is the application's own.
 */
const pastesRpcTimeoutToPeer = (text: string) => RPC_TIMEOUT.test(text) && PEER_ADDRESS.test(text);

/** The cluster's own network components: a CNI's agents, the cluster DNS, kube-proxy, MetalLB. */
const NETWORK_COMPONENT = new RegExp(
  `(?:${CNI_NAMES.source})|core-?dns|kube-dns|node-?local-?dns|kube-proxy|metallb|speaker`,
  'i',
);
/** A pod listing's or description's state of a pod that is not running ready. */
const NOT_RUNNING =
  /crashloopbackoff|\berror\b|\bpending\b|containercreating|\binit:|\b0\/[1-9]\b|evicted|oomkilled/i;
/** How far a pod's state stands from its name in a listing row. */
const ROW_REACH = 80;
/** How far into the body a component is the report's first subject (`describe pod shows Name: calico-node-494dd`). */
const OPENING_REACH = 120;

/**
 * Whether the body is about one of the network's own components: one named at its opening, or listed in a state
 * that is not running ready (`coredns-86c58d9df4-8hdzj 0/1 CrashLoopBackOff`). A listing where CoreDNS and kube-proxy
 * run and only the application's pods crash is context.
 */
function bodyShowsNetworkComponent(body: string): boolean {
  if (NETWORK_COMPONENT.test(body.slice(0, OPENING_REACH))) return true;
  const names = new RegExp(NETWORK_COMPONENT.source, 'gi');
  for (let match = names.exec(body); match !== null; match = names.exec(body)) {
    const row = body.slice(match.index, match.index + ROW_REACH);
    if (NOT_RUNNING.test(row)) return true;
  }
  return false;
}

/**
 * clarify.ts's specific signals, compiled once without the global flag its counting needs (a global test keeps state).
 */
const SPECIFIC_SIGNAL = new RegExp(SPECIFIC.source, 'i');

/** Whether a first sentence names anything of the network: a part, a symptom, a component or a plugin. */
function headlineNamesNetwork(headline: string, text: string): boolean {
  return (
    SPECIFIC_SIGNAL.test(headline) ||
    NETWORK_PART.test(headline) ||
    NETWORK_TROUBLE.test(headline) ||
    CNI_NAMES.test(headline) ||
    namesCoveredPathOrBreak(headline) ||
    headlineFailsToConnect(headline, text)
  );
}

/**
 * The subject when a long report states no network failure anywhere (see above); else null. Short questions are
 * left to retrieval: a one-line question has no body of context words to be matched on.
 */
export function uncoveredUnstatedFailure(question: string): string | null {
  const text = question.normalize('NFKC');
  const headline = headlineOf(text, RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  if (headline === null || headlineNamesNetwork(headline, text)) return null;
  const body = text.slice(text.indexOf(headline) + headline.length);
  if (
    PATH_EVIDENCE.test(body) ||
    NETWORK_TROUBLE.test(body) ||
    failedConnection(text) !== null ||
    pastesConnectError(body) ||
    browserFailure(body) ||
    pastesRpcTimeoutToPeer(text) ||
    pastesErrorNamingPeer(body) ||
    statesMemberJoinFailure(text)
  )
    return null;
  if (bodyShowsNetworkComponent(body)) return null;
  return 'a failure its report never states as a network one';
}
