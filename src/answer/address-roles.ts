import { escapeRegExp } from '../core/escape-reg-exp.js';

/**
 * Roles of an address read from the words around it that `placeholders.ts` did not read: a DNS server the cluster is
 * configured with, the reporter's or a node's own address, an address the report says it reaches. Pure helpers; each
 * takes the text right before (or after) the address.
 */

/**
 * A DNS server written where the cluster's resolvers are configured: CoreDNS's `forward . 8.8.8.8 8.8.4.4` (each address
 * of the list). It is where queries go on, no address the report tries: `ping`, `tcpdump host` of it check nothing the
 * report says fails unless the report tries it too (`read udp ...->8.8.8.8:53: i/o timeout`, `ping 8.8.8.8`).
 */
const DNS_FORWARD_LIST_BEFORE =
  /(?<![\w-])forward\s+\.\s+(?:(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\s*,?\s+)*$/i;

/**
 * The same said in prose of a resolver (`coredns forwards to 8.8.8.8`, `CoreDNS 转发到 114.114.114.114`, `dnsmasq is
 * forwarding queries to 10.0.0.2`): its `to` is where queries go on, not an address the report tries.
 */
const DNS_FORWARD_PROSE_BEFORE =
  /(?<![\w-])(?:core-?dns|kube-?dns|dnsmasq|node-?local-?dns|nodelocaldns|dns|resolvers?)\s+(?:(?:is|was|are)\s+)?(?:forwards?|forwarding|forwarded)\s+(?:(?:all\s+|external\s+)?(?:queries|requests|lookups)\s+)?(?:upstream\s+)?to\s+$|(?:core-?dns|kube-?dns|dnsmasq|dns)\s*(?:会|會)?\s*(?:转发|轉發)\s*(?:请求|請求|查询|查詢)?\s*(?:到|给|給|至)\s*$/i;

export function dnsForwardTarget(before: string): boolean {
  return DNS_FORWARD_LIST_BEFORE.test(before) || DNS_FORWARD_PROSE_BEFORE.test(before);
}

/**
 * The server argument of a DNS query tool (`nslookup kubernetes.default 10.96.0.10`, `dig @10.96.0.10 example.com`,
 * `dig example.com @169.254.20.10`, `host web.default 10.96.0.10`): the resolver asked, which `<dns-ip>` checks take;
 * the name looked up is what fails, not that address as a target of ping or curl. `before` ends at the address.
 */
const DNS_QUERY_SERVER_BEFORE =
  /(?<![\w-])(?:(?:nslookup|host)\s+(?:-\S+\s+)*[\w.-]*[a-z][\w.-]*\s+|dig\s+(?:[^\s@|;]+\s+)*@)$/i;

export function dnsQueryServer(before: string): boolean {
  return DNS_QUERY_SERVER_BEFORE.test(before);
}

/**
 * A DNS server named in prose after its role with a copula (`upstream DNS server is 114.114.114.114`, `上游 DNS 是
 * 223.5.5.5`, `DNS 服务器为 10.0.0.2`, `the upstream: 1.1.1.1`): `placeholders.ts` reads the role only right before the
 * address, without the verb.
 */
const DNS_ROLE_BEFORE =
  /(?:(?<![a-z])upstream\s+(?:dns(?:\s+(?:servers?|resolvers?|nameservers?))?|servers?|resolvers?|nameservers?)|(?<![a-z])dns\s*(?:servers?|resolvers?|nameservers?)|上游\s*(?:dns)?\s*(?:服务器|服務器)?|dns\s*(?:服务器|服務器))\s*(?:(?<![a-z])(?:is|are|was)(?![a-z])|是|为|為|[:：=])\s*$/i;

export function dnsRoleBefore(before: string): boolean {
  return DNS_ROLE_BEFORE.test(before);
}

/**
 * The address of the machine the reporter writes from or of a named node, given as that machine's identity: `My host IP
 * is 192.168.1.5`, `my windows host machine ip address 192.168.165.117`, `本机 IP 为 10.0.0.5`, `node v2-master address
 * 10.1.0.17`, `vm-2 (public-ip: 10.85.81.166)`, `route -n on 192.168.122.69:`. Where a machine is, not the address the
 * report fails to reach; an access verb before it still makes it one (`cannot reach node worker2 address 10.0.0.5`).
 */
const MACHINE_WORD =
  '(?:windows|linux|mac|ubuntu|debian|centos|local|host|vm|virtual|machine|laptop|pc|computer|server|node|\\d+)';
const OWN_ADDRESS_BEFORE = new RegExp(
  `(?:(?<![a-z])(?:my|our)\\s+(?:${MACHINE_WORD}\\s+){0,5}?ip\\s*-?\\s*(?:address(?:es)?)?(?:\\s+(?:on|of|in)\\s+(?:the\\s+|my\\s+)?(?:[a-z0-9-]+\\s+){0,4}?${MACHINE_WORD})?|本机\\s*(?:ip|地址)|本機\\s*(?:ip|地址))\\s*(?:(?<![a-z])(?:is|was)(?![a-z])|是|为|為|[:：=])?\\s*$`,
  'i',
);
const NAMED_NODE_ADDRESS_BEFORE =
  /(?<![a-z])nodes?\s+[`'"]?[a-z0-9][\w.-]*[`'"]?\s+(?:ip|address|addr)\s*[:：=]?\s*$|(?:节点|節點)\s*[a-z0-9][\w.-]*\s*(?:的\s*)?(?:ip|地址)\s*(?:是|为|為|[:：=])?\s*$/i;
const MACHINE_ADDRESS_LABEL_BEFORE =
  /[(（]\s*(?:public|private|internal|external|host|node)[-_\s]?ip\s*[:：=]?\s*$/i;
/** A command's output introduced by the host it ran on (`route -n on 192.168.122.69:`, `ip route on 10.0.0.5 shows`). */
const COMMAND_ON_BEFORE =
  /(?<![\w-])(?:route(?:\s+-\S+)*|ip\s+(?:-\S+\s+)*(?:route|r|addr|a|link|neigh)(?:\s+show)?|iptables(?:-save)?(?:\s+-\S+)*|ipvsadm(?:\s+-\S+)*|netstat(?:\s+-\S+)*|ss(?:\s+-\S+)*|arp(?:\s+-\S+)*)\s+on\s+$/i;
/** An access verb right before the object word of a named node's address: that node is what the report tries. */
const ACCESS_VERB_END =
  /(?:reach|access|ping|curl|connect\s+to|to|访问|訪問|到|连接|連接)\s+(?:the\s+)?$|(?:访问|訪問|到|连接|連接)$/i;

export function ownAddress(before: string): boolean {
  if (
    OWN_ADDRESS_BEFORE.test(before) ||
    MACHINE_ADDRESS_LABEL_BEFORE.test(before) ||
    COMMAND_ON_BEFORE.test(before)
  )
    return true;
  const named = NAMED_NODE_ADDRESS_BEFORE.exec(before);
  return named !== null && !ACCESS_VERB_END.test(before.slice(0, named.index));
}

/**
 * The report says it reaches the address: `IllPod CAN ping 8.8.8.8.`, `from the node I can curl 10.96.0.10`, `我可以 ping
 * 通 10.0.0.5` is written as `可以 ping 通`. The comparison, not what fails — unless the same sentence goes on to say the
 * address fails elsewhere (`I can ping 10.244.1.5 from the node but not from the pod`), with no other address between.
 * `before` ends at the address, `after` starts right after it.
 */
const CAN_REACH_BEFORE =
  /(?<![a-z'’])(?:can|could)\s+(?:still\s+|successfully\s+|also\s+)?(?:ping|curl|reach|access|connect\s+to|telnet|wget)\s+(?:the\s+)?(?:[a-z-]+\s+(?:ip\s+)?)?(?:https?:\/\/)?$|(?:可以|能够|能夠|能)\s*(?:ping|curl|访问|訪問)\s*通?\s*$/i;
const SENTENCE_END = /[.。;；!！?？\n](?:\s|$)|[。；！？\n]/u;
const FAILS_LATER =
  /(?<![a-z])(?:not|never|fails?|failed|cannot|can't|can not|doesn't|does not|timed?\s*out|times\s+out)(?![a-z])|不|无法|無法|失败|失敗|超时|超時/i;
const CONTRAST = /\s(?:but|while|whereas)\s|[,，]|但|而/u;
const ANOTHER_ADDRESS = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/;

export function saysReached(before: string, after: string): boolean {
  if (!CAN_REACH_BEFORE.test(before)) return false;
  const end = after.search(SENTENCE_END);
  const sentence = end === -1 ? after : after.slice(0, end);
  const other = sentence.search(ANOTHER_ADDRESS);
  // `I can ping 10.0.0.5 but not 10.0.0.9`: the failure is the other address's, from the turn of the sentence on.
  const own = other === -1 ? sentence : (sentence.slice(0, other).split(CONTRAST)[0] ?? '');
  return !FAILS_LATER.test(own);
}

/**
 * A command's output after the address says the request was answered (`curl 192.168.162.206 → Welcome to nginx!`,
 * `curl 10.96.0.10:8080 returns HTTP/1.1 200 OK`): the path works. `after` starts right after the address (and port).
 */
const ANSWERED_AFTER =
  /^(?::\d{1,5})?(?:\/\S*)?\s*(?:->|→|=>|returns?|returned|gives?|gave|shows?|prints?|:)\s*["'“]?\s*(?:welcome to nginx|HTTP\/[\d.]+\s+200|200 OK)/i;

export function answeredAfter(after: string): boolean {
  return ANSWERED_AFTER.test(after);
}

/**
 * The address of a host the report tries, written in brackets after the host's name (`访问 apt 源 mirrors.aliyun.com
 * (120.77.166.30) 超时`, `cannot connect to registry.example.com (10.20.30.40)`): the access verb names the host, the
 * address is where it is. `before` ends at the address.
 */
const TRIED_HOST_BEFORE =
  /(?:访问|訪問|连接|連接|连不上|連不上|(?<![a-z])(?:reach|access|connect\s+to|curl|wget|ping|pull\s+from))\s*(?:[^\s()（）,，。;；]+\s*){0,3}?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*[(（]\s*$/i;

export function triedHostAddress(before: string): boolean {
  return TRIED_HOST_BEFORE.test(before);
}

/**
 * A failure said of the address right after it (`10.0.0.10:6443 unreachable from pods`, `10.96.0.10 不通`, `X:443 timed
 * out`, `10.96.0.1 访问超时`): the address the report fails to reach, whatever undirected address follows. `after`
 * starts right after the address and its port.
 */
const FAILS_RIGHT_AFTER =
  /^\s*(?:(?:is|was|are|were|seems|became)\s+)?(?:still\s+)?(?:not\s+(?:reachable|pingable|accessible)|unreachable|inaccessible|unpingable|timed?\s*out|times\s+out|refused|访问超时|訪問超時|超时|超時|不通|ping\s*不通|访问不了|訪問不了|访问失败|訪問失敗|无法访问|無法訪問|连不上|連不上)/i;

/**
 * Chinese writes "X 无法访问 Y" for "X cannot reach Y": when an address or an object follows the verb (`pod 10.244.2.3
 * 无法访问 10.96.0.1:443`, `10.244.1.5 连不上外网`), the address before it is the one that tries, not the one that fails.
 */
const TRANSITIVE_FAILURE = /(?:无法访问|無法訪問|访问不了|訪問不了|访问失败|訪問失敗|连不上|連不上)$/;
const OBJECT_AFTER_FAILURE =
  /^\s*(?:\d{1,3}(?:\.\d{1,3}){3}|(?:其他|其它|别的|別的|另一个|另一個|任何)?\s*(?:pods?|nodes?|services?|svc|节点|節點|服务|服務|外网|外網|公网|公網|集群|叢集|coredns|kube-dns|dns|api\s*-?server|网关|網關|域名|互联网|互聯網|宿主机|宿主機))/i;

export function failsRightAfter(after: string): boolean {
  const failure = FAILS_RIGHT_AFTER.exec(after);
  if (failure === null) return false;
  return !(TRANSITIVE_FAILURE.test(failure[0]) && OBJECT_AFTER_FAILURE.test(after.slice(failure[0].length)));
}

/**
 * The ports the question writes as a Service's own port or its backends' (the first number of a PORT(S) cell
 * `8080:31313/TCP`, `targetPort: 8080`, `containerPort: 80`, `容器端口 8080`), and not as a NodePort too: such a port is
 * open on the ClusterIP or the pod, not on a node's address, so a check of `<node-ip>:<port>` must not take it. Of
 * `ports`, in their order.
 */
const SERVICE_PORT_CELL = /(?<![\w.:])(\d{1,5}):\d{2,5}\/(?:tcp|udp|sctp)(?![a-z])/gi;
const HOST_PORT = /host\s*-?\s*(?:network|port)|主机网络|主機網路|宿主机网络/i;
const BACKEND_PORT_FIELD =
  /(?<![a-z])(?:target|container)\s*-?\s*port["']?\s*[:=：]?\s*(\d{1,5})(?!\d)|容器端口\s*(?:是|为|為|[:：=])?\s*(\d{1,5})(?!\d)/gi;

export function backendPortsOf(
  text: string,
  ports: readonly number[],
  nodePorts: readonly number[],
): number[] {
  // A hostNetwork pod, or a hostPort, opens its port on the node's address too.
  if (HOST_PORT.test(text)) return [];
  const written = new Set<number>();
  for (const match of text.matchAll(SERVICE_PORT_CELL)) written.add(Number(match[1]));
  for (const match of text.matchAll(BACKEND_PORT_FIELD)) written.add(Number(match[1] ?? match[2]));
  return ports.filter((port) => written.has(port) && !nodePorts.includes(port));
}

/**
 * The namespace the report gives a Service itself: before it in Chinese (`default 命名空间的服务 mysql`, `命名空间 db 下的
 * svc mysql`), or in its DNS name (`mysql.db.svc.cluster.local`, `redis.cache.svc`), which says where the Service is
 * without naming a namespace as such (`fromDns`). `service` is the Service's name. The first one found.
 */
export function namespaceOfService(
  text: string,
  service: string,
): { namespace: string; fromDns: boolean } | undefined {
  const name = escapeRegExp(service);
  const before = new RegExp(
    `(?:(?<![\\w-])([a-z0-9][a-z0-9-]{0,62})\\s*(?:命名空间|命名空間|名称空间|名稱空間|namespace)|(?:命名空间|命名空間|名称空间|名稱空間)\\s*([a-z0-9][a-z0-9-]{0,62}))\\s*(?:下|中|里|裡|内|內)?\\s*的?\\s*(?:服务|服務|svc|service)\\s*[:：]?\\s*[\`'"]?${name}(?![\\w.-])`,
    'i',
  ).exec(text);
  const written = before?.[1] ?? before?.[2];
  if (written !== undefined) return { namespace: written.toLowerCase(), fromDns: false };
  const dns = new RegExp(`(?<![\\w.-])${name}\\.([a-z0-9][a-z0-9-]{0,62})\\.svc(?![\\w-])`, 'i').exec(text);
  return dns?.[1] === undefined ? undefined : { namespace: dns[1].toLowerCase(), fromDns: true };
}

/**
 * The ports the question writes as a health check's: after the Service field (`healthCheckNodePort: 32000`, `health
 * check node port 32000`, `健康检查端口 32000`) or before the path (`curl http://10.0.0.5:10256/healthz`). A check of
 * `<node-ip>:<port>/healthz` asks kube-proxy's health server on that port; the NodePort the report reaches its app
 * on (`80:30576/TCP`) serves the app there, not `/healthz`. Of `ports`, in their order.
 */
const HEALTH_CHECK_PORT_FIELD =
  /health\s*-?\s*check\s*-?\s*node\s*-?\s*port["']?\s*[:=：]?\s*(\d{2,5})(?!\d)|健康检查(?:节点)?端口\s*(?:是|为|為|[:：=])?\s*(\d{2,5})(?!\d)/gi;
const PORT_BEFORE_HEALTHZ = /:(\d{2,5})\/(?:healthz|livez|readyz)(?![\w-])/gi;

export function healthCheckPortsOf(text: string, ports: readonly number[]): number[] {
  const written = new Set<number>();
  for (const pattern of [HEALTH_CHECK_PORT_FIELD, PORT_BEFORE_HEALTHZ])
    for (const match of text.matchAll(pattern)) written.add(Number(match[1] ?? match[2]));
  return ports.filter((port) => written.has(port));
}

/**
 * A cluster component's own health, metrics or admin port read on its loopback (calico-node's probe `Get
 * http://localhost:9099/readiness: dial tcp [::1]:9099`, `curl 127.0.0.1:10249/metrics`, envoy's
 * `localhost:15000/clusters`): the port of that component's probe, not one the report fails to reach its app on.
 * Every mention of the port is on a loopback address or sets such a port (`FELIX_HEALTHPORT: 9099`). An app's own
 * port on the loopback (`curl 127.0.0.1:8080/healthz` inside its pod) is not one of them.
 */
const COMPONENT_PROBE_PORTS = new Set([
  9091, // calico felix metrics
  9099, // calico felix health
  9153, // CoreDNS metrics
  9879, // cilium agent health
  9962, // cilium agent metrics
  10248, // kubelet healthz
  10249, // kube-proxy metrics
  10256, // kube-proxy healthz
  15000, // envoy admin
  15020, // istio-agent status
  15021, // istio health
  15090, // envoy prometheus
]);
const LOOPBACK_BEFORE = /(?:127\.0\.0\.1|localhost|\[::1\]|(?<![\w:])::1):$/i;
const PROBE_PORT_SETTING_BEFORE = /(?:health|metrics|admin|probe|status)[\w-]*port["']?\s*[:=：]\s*["']?$/i;

export function loopbackProbePort(text: string, port: number): boolean {
  if (!COMPONENT_PROBE_PORTS.has(port)) return false;
  const number = String(port);
  let onLoopback = false;
  for (const match of text.matchAll(new RegExp(`(?<![\\d.])${number}(?!\\d)`, 'g'))) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 24), at);
    if (LOOPBACK_BEFORE.test(before)) onLoopback = true;
    else if (!PROBE_PORT_SETTING_BEFORE.test(before)) return false;
  }
  return onLoopback;
}

/**
 * The local end of a socket pair, written `address:port->address:port` as Go's net errors (`dial tcp
 * 10.244.1.5:51234->10.96.0.1:443: i/o timeout`, `read udp 127.0.0.1:40778->127.0.0.1:53`) and flow logs print it:
 * the client that opened the connection, on an ephemeral port, whatever verb comes before (`dial tcp` names the
 * connection, not its destination). The server that fails is the address after the arrow. `after` starts right
 * after the address and its port.
 */
const SOCKET_PAIR_AFTER = /^\s*(?:->|→)\s*\[?(?:\d{1,3}\.){3}\d{1,3}\]?:\d{1,5}(?!\d)/;

export function socketPairSource(portWritten: boolean, after: string): boolean {
  return portWritten && SOCKET_PAIR_AFTER.test(after);
}
