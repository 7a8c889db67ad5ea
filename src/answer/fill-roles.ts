/**
 * Role checks for placeholder fills: words that look like object names but are a field, a count or another object's
 * part. Pure helpers for `placeholders.ts`.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';
import { IPV4 } from '../retrieve/listing-rows.js';
import { afterPromptUser } from './admin-prompt.js';
import { wholeNameMentions } from './name-mentions.js';

/**
 * A Service's or pod's field written as a hyphenated word (`EXTERNAL-IP`, `CLUSTER-IP`, `node-port`, `target-port`):
 * "service external-ip is not reachable" talks about the field, it names no Service.
 */
const FIELD_WORD =
  /^(?:external|cluster|internal|public|private|node|pod|host|service|lb|load-balancer|floating|virtual|vip|target|container)-(?:ips?|ports?|address(?:es)?)$|^load-balancers?$/;

export function isFieldWord(value: string): boolean {
  return FIELD_WORD.test(value);
}

/**
 * The object word is part of a count used as an adjective ("3 node microk8s cluster", "a 2-node k3s setup", "三节点
 * microk8s 集群"): the word after it says what the cluster is, it names no node. A counted plural or a classifier
 * enumerates names instead ("3 nodes node1 node2 node3", "3个节点 worker1、worker2"). `before` is the text right
 * before the object word.
 */
const COUNT_BEFORE_LATIN =
  /(?:^|[^\w.-])(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|single|multi|multiple)[\s-]*$/i;
const COUNT_BEFORE_CJK = /(?:\d{1,4}|[一二两兩三四五六七八九十几幾多单單])\s*$/u;

export function countBefore(before: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return COUNT_BEFORE_CJK.test(before);
  return !/s$/i.test(word) && COUNT_BEFORE_LATIN.test(before);
}

/**
 * An interface the question places inside a pod or container ("eth0 inside the pod has MTU 1500", "the pod's eth0",
 * "容器里的 eth0", "eth0 in the container", Kube-OVN's "configure nic eth0 for pod web-0/default") is the pod's end of
 * the veth: no host interface to capture on or tune.
 */
const INSIDE_POD_AFTER =
  /^\s*(?:\(\S+\)\s*)?(?:inside|in|within|of)\s+(?:the\s+|a\s+|each\s+|every\s+|my\s+|our\s+|that\s+)?(?:pods?|containers?|sandbox)(?![a-z])/i;
/** Kube-OVN's CNI log `configure nic eth0 for pod web-0/default`: the pod's interface, named with the pod's. */
const FOR_POD_AFTER = /^\s+for\s+pod\s+[a-z0-9][\w.-]*\/[a-z0-9]/i;
const INSIDE_POD_BEFORE =
  /(?:(?<![a-z0-9_-])(?:pods?|containers?)(?:'s|’s)?\s+|(?:pod|容器|容器组)\s*(?:内|内部|里|裡|中|中的|内的|里的|裡的|内部的)?\s*的?\s*)$/i;

export function insidePod(text: string, index: number, value: string): boolean {
  const after = text.slice(index + value.length, index + value.length + 40);
  const before = text.slice(Math.max(0, index - 24), index);
  return INSIDE_POD_AFTER.test(after) || FOR_POD_AFTER.test(after) || INSIDE_POD_BEFORE.test(before);
}

/**
 * The question writes the name as part of a placeholder of its own (`external_ip_of_node1`, `<node1-ip>`,
 * `<node2的IP>`): node1 is a variable of the explanation ("if pod1 runs on node1, ping external_ip_of_node1 works"),
 * not a machine of the cluster.
 */
export function writtenAsVariable(text: string, value: string): boolean {
  const name = escapeRegExp(value);
  return new RegExp(`(?:_of_|<[^<>\\s]{0,20}?)${name}(?![a-z0-9])`, 'i').test(text);
}

/**
 * A web or DNS host name, not a machine of the cluster: HTTP's `Host: my-app.example.com` header, an Ingress rule's
 * `- host: shop-api.example.com`, curl's `Could not resolve host: registry-1.docker.io`. The word `host` written as a
 * field's key or after a lookup verb, with a dotted name, names a site; "on host node-a.example.com" still names a node.
 */
const SITE_HOST_BEFORE = /(?:resolve|resolving|resolved|unknown|lookup|find)\s+$/i;

export function siteHost(word: string, separator: string, value: string, before: string): boolean {
  if (!/^hosts?$/i.test(word) || !value.includes('.')) return false;
  return /[:=：]/.test(separator) || SITE_HOST_BEFORE.test(before);
}

/**
 * `-i` names an interface only for the capture and link tools (`tcpdump -i cni0`, `tshark -i`, `iftop -i`, `ethtool
 * -i`, `ping -I eth0`): `kubectl exec -i web-0`, `ssh -i key1.pem`, `sed -i` and `grep -i` give stdin, a key file or
 * a switch. `before` is the text before the flag.
 */
const INTERFACE_FLAG_TOOL =
  /(?:^|[\s`'"(|;$])(?:tcpdump|tshark|dumpcap|termshark|iftop|ethtool|ping|arping|traceroute|nethogs|ngrep)(?=\s)[^;|\n`]*$/i;

export function interfaceFlag(before: string): boolean {
  return INTERFACE_FLAG_TOOL.test(before);
}

/**
 * A component's or a host daemon's name after a Chinese node or pod word ("节点 kube-proxy 日志报错", "节点 calico-node
 * 报错", "容器 coredns 重启"): what runs there, not the node's or one pod's name. A numbered name (`kube-node-1`)
 * still names a machine.
 */
export function componentName(value: string, component: RegExp): boolean {
  return component.test(value) && !/\d/.test(value);
}

/**
 * A Kubernetes distribution's own add-on (RKE2's `rke2-canal`, `rke2-coredns`, `rke2-ingress-nginx-controller`; TKE's
 * `tke-auth-api`, `tke-platform-api`; Rancher's `cattle-cluster-agent`, `cattle-node-agent`): a DaemonSet, Deployment
 * or Service the installer names, whose pods always carry a generated suffix (`rke2-canal-7xk2p`). "rke2-canal pod logs
 * show ..." names the workload, so the bare name is no pod `kubectl logs` or `exec` can take.
 */
const DISTRIBUTION_ADD_ON = /^(?:rke2|tke|cattle)-[a-z]/;

export function distributionAddOn(value: string): boolean {
  return DISTRIBUTION_ADD_ON.test(value);
}

/**
 * An Open vSwitch port number, no TCP or UDP port: `ovs-dpctl show`'s `port 7: veth1a2b3c4d` (the number, then the
 * interface it stands for), and OpenFlow's `in_port=7`, `output:7` in `ovs-ofctl dump-flows`. `before` and `after` are
 * the text on either side of the number.
 */
const OPENFLOW_PORT_BEFORE = /(?<![a-z])(?:in_port|output)\s*[:=]\s*$/i;
const DATAPATH_PORT_BEFORE = /(?<![a-z])port\s+$/i;
const DATAPATH_PORT_AFTER =
  /^\s*[:：]\s*(?:(?:veth|tap|tun|br-|ovs|ovn|genev|vxlan|gre|stt|patch|mirror|eth|ens|enp|eno|bond)[\w.-]*|[a-z][\w-]*\s*\((?:internal|system|geneve|vxlan|gre|stt|patch)\b)/i;

export function ovsPortNumber(before: string, after: string): boolean {
  return (
    OPENFLOW_PORT_BEFORE.test(before) ||
    (DATAPATH_PORT_BEFORE.test(before) && DATAPATH_PORT_AFTER.test(after))
  );
}

/**
 * A control-plane static pod's name (`etcd-master1`, `kube-apiserver-k8s-master-01`, `kube-vip-cp-1`): kubelet names
 * a static pod `<manifest>-<node>`, so the node-shaped part is the node it runs on and the whole word is a pod, no
 * node. Gives the node's part and where it starts in the word.
 */
const STATIC_POD_PREFIX =
  /^(?:etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kube-vip|haproxy|keepalived)-(?=[a-z0-9])/;

export function staticPodNode(value: string): { node: string; offset: number } | undefined {
  const prefix = STATIC_POD_PREFIX.exec(value)?.[0];
  return prefix === undefined ? undefined : { node: value.slice(prefix.length), offset: prefix.length };
}

/**
 * The address an iptables NAT rule rewrites to (`-j DNAT --to-destination 10.244.1.5:80`, `SNAT --to-source
 * 192.168.1.50`, `iptables -L`'s `DNAT tcp -- ... tcp to:10.244.2.9:8080`): the endpoint or node address of a pasted
 * rule, no address the report tries. `before` is the text before the address.
 */
const NAT_TARGET_BEFORE =
  /(?:(?<![\w-])--to-(?:destination|source)\s+|(?<![\w-])--to\s+|(?:DNAT|SNAT)\s[^;\n]{0,160}(?<![\w-])to:)$/;

export function natRewrite(before: string): boolean {
  return NAT_TARGET_BEFORE.test(before);
}

/**
 * The virtual IP of a control plane's load balancer (`keepalived VIP 192.168.0.100`, `kube-vip 的 VIP`, "the apiserver
 * VIP", `haproxy vip`): the API server's address shared by masters, no Service's. `before` is the text before the
 * address.
 */
const CONTROL_PLANE =
  '(?:keepalived|kube-vip|haproxy|api\\s*-?server|control[\\s-]*plane|masters?|高可用|负载均衡器)';
const CONTROL_PLANE_VIP_BEFORE = new RegExp(
  `${CONTROL_PLANE}[^,.;，。；\\n]{0,24}(?<![a-z])vip(?![a-z])[^,.;，。；\\n]{0,12}$`,
  'i',
);
const CONTROL_PLANE_VIP = new RegExp(`(${CONTROL_PLANE}[^,.;，。；\\n]{0,24}?)(?<![a-z])vip(?![a-z])`, 'gi');

export function controlPlaneVip(before: string): boolean {
  return CONTROL_PLANE_VIP_BEFORE.test(before);
}

/**
 * A setting that tells a component where the API server is (Cilium's `k8sServiceHost=192.168.8.101`, kubeadm's
 * `advertiseAddress 192.168.56.101`, `--apiserver-advertise-address=`, `--control-plane-endpoint=`), or the API
 * server a node is told to join (`kubeadm join 10.37.249.120:6443 --token ...`): the cluster's configuration, not
 * an address the report tries. `before` is the text before the address.
 */
const API_SERVER_SETTING_BEFORE =
  /(?<![a-z])(?:k8s[-_]?service[-_]?host|(?:apiserver[-_])?advertise[-_]?address|control[-_]?plane[-_]?endpoint|kubeadm\s+join(?:\s+--?[a-z][\w-]*(?:[=\s]+(?!\d{1,3}\.)\S+)?)*)["']?\s*[:：=]?\s*["']?(?:https?:\/\/)?$/i;

export function apiServerSetting(before: string): boolean {
  return API_SERVER_SETTING_BEFORE.test(before);
}

/**
 * Calico's link-local gateway: every Calico pod's default route goes `via 169.254.1.1`, answered by proxy ARP on the
 * host's cali* veth. A report mostly writes it as what it sees in the pod's route or ARP table (`default via
 * 169.254.1.1 dev eth0`, `arp -n` shows it): then it is no target. It is one only when the report asks for it and
 * gets no answer (`ARP, Request who-has 169.254.1.1`, `ping 169.254.1.1`): see `arpSought` and `placeholders.ts`.
 */
const POD_GATEWAY = '169.254.1.1';

export function podGateway(ip: string): boolean {
  return ip === POD_GATEWAY;
}

/**
 * The reply source of a pasted `conntrack` command (`conntrack -D -p udp --dport 6858 -r 172.18.209.67`): after a
 * Service's DNAT that is the backend pod that answered, neither the Service's address nor the one the report tries.
 * `before` is the text before the address.
 */
const CONNTRACK_REPLY_SOURCE_BEFORE = /(?<![\w-])conntrack\s+[^|;\n]{0,100}?\s(?:-r|--reply-src)\s+$/;

export function conntrackReplySource(before: string): boolean {
  return CONNTRACK_REPLY_SOURCE_BEFORE.test(before);
}

/** The text with the word `VIP` of control-plane VIPs blanked out: what is left says whether a Service's VIP is meant. */
export function withoutControlPlaneVip(text: string): string {
  return text.replace(CONTROL_PLANE_VIP, (_whole, lead: string) => `${lead}   `);
}

/**
 * A quoted name before an object word that is not its own (`node "k8s-node3" pod cidr not assigned`, flannel's lease
 * error): the word before the quote says what the name is, and an object word followed by a field (`pod cidr`, `pod
 * IP`, `service 网段`) describes that field, it presents no object. `index` is where the name starts.
 */
const OTHER_OBJECT_BEFORE_QUOTE =
  /(?<![a-z0-9_-])(?:nodes?|pods?|services?|svc|namespaces?|hosts?|节点|節點|主机|主機|服务|服務)\s*[`'"“‘「『]$/i;
const FIELD_AFTER_WORD =
  /^[`'"”’」』]\s*(?:的\s*)?[^\s`'"]+\s*(?:cidrs?|ips?|subnets?|networks?|address(?:es)?|ranges?|网段|網段|地址)(?![a-z])/i;

export function quotedForOther(text: string, index: number, value: string): boolean {
  return (
    OTHER_OBJECT_BEFORE_QUOTE.test(text.slice(Math.max(0, index - 16), index)) ||
    FIELD_AFTER_WORD.test(text.slice(index + value.length, index + value.length + 40))
  );
}

/**
 * Of several Services the question names, the one written with the port the question fails on ("svc/nginx NodePort
 * 10.68.64.226 80:36988/TCP, svc/resource-saas NodePort 10.68.31.247 8380:25477/TCP. curl 192.168.0.76:25477 无法访问",
 * "service api exposes nodePort 30080 and service web nodePort 30081; curl node:30081 times out"): the others are the
 * comparison or the rest of a listing. `mentions` are where the names are written, `ports` the ports the question
 * fails on. Gives the name, or nothing when not exactly one Service is written with such a port in its clause.
 */
const CLAUSE_AFTER_NAME_END = /[,;，。；\n]|\.\s|\s(?:and|but|while|whereas)\s|但|而/u;

export function serviceOfFailingPort(
  text: string,
  mentions: ReadonlyArray<{ value: string; index: number }>,
  ports: ReadonlySet<number>,
): string | undefined {
  if (ports.size === 0) return undefined;
  const carriers = new Set<string>();
  for (const { value, index } of mentions) {
    const rest = text.slice(index + value.length, index + value.length + 120);
    const end = rest.search(CLAUSE_AFTER_NAME_END);
    const clause = end === -1 ? rest : rest.slice(0, end);
    for (const port of ports) {
      // A port cell (`8380:25477/TCP`) or field (`nodePort: 30080`), not an address the clause goes on to try.
      const cell = new RegExp(
        `(?<![\\d.])${port}/(?:TCP|UDP|SCTP)|(?<![a-z])(?:node)?port\\s*[:=]?\\s*${port}(?!\\d)`,
        'i',
      );
      if (cell.test(clause)) carriers.add(value);
    }
  }
  return carriers.size === 1 ? [...carriers][0] : undefined;
}

/**
 * The networks a pod asks Multus for (`k8s.v1.cni.cncf.io/networks: default/macvlan-conf,default/vswitchinternal`,
 * `networks: kube-system/ovn-vpc-external-network`), or the one Multus gives it in place of the cluster's
 * (`v1.multus-cni.io/default-network: kube-system/macvlan-standalone-vlan2032`): each `namespace/name` is a
 * NetworkAttachmentDefinition, no pod. `before` is the text before one `namespace/name`.
 */
const NETWORKS_LIST_BEFORE =
  /(?<![\w-])(?:networks|default-network)["']?\s*[:=：]\s*["']?(?:[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*(?:@[\w.-]+)?\s*,\s*)*$/i;

export function attachmentNetwork(before: string): boolean {
  return NETWORKS_LIST_BEFORE.test(before);
}

/**
 * An interface in the output of a command run inside a pod (`kubectl exec busybox -- ifconfig: eth0 inet addr
 * 172.17.33.2`, `kubectl exec -it web-0 -- ip addr` then `eth0@if12`): the pod's end of the veth, no host interface.
 * `before` is the text before the interface's name.
 */
const IN_POD_LISTING_BEFORE =
  /(?<![\w-])(?:kubectl|oc)\s+exec\s[^;\n]{0,80}?\s--\s+(?:ifconfig|ip\s+(?:-\S+\s+)*(?:a|addr|address|link|l|route|r))(?![\w-])[^;\n。；]{0,40}$/i;

export function inPodListing(before: string): boolean {
  return IN_POD_LISTING_BEFORE.test(before);
}

/**
 * A node-shaped word the question also writes as part of a longer host name (`grep worker-5` beside
 * `k8s-worker-5.pacific-textiles.com`, `node1` beside `node1.example.com`): a search pattern or a short form, not the
 * name the node is registered under. `value` is the node-shaped word.
 */
export function partOfHostName(text: string, value: string): boolean {
  const name = escapeRegExp(value);
  return new RegExp(`(?<![a-z0-9_.])(?:[a-z0-9]+-)*${name}\\.[a-z][a-z0-9-]*(?![a-z0-9-]*:\\d)`, 'i').test(
    text,
  );
}

/**
 * The device of a pod's own route (`calico网络 pod 网关 default via 169.254.1.1 dev eth0`, "inside the pod, ip route shows
 * default via 169.254.1.1 dev eth0", `容器 A 的默认路由 default via ... dev eth0`): the pod's end of the veth, no host
 * interface. Calico's link-local gateway 169.254.1.1 is only ever a pod's next hop, and the route to it (`169.254.1.1
 * dev eth1 scope link`) a pod's too. `before` is the text before the device's name.
 */
const POD_ROUTE_BEFORE =
  /(?:(?:(?<![a-z0-9_-])(?:pods?|containers?)|容器组|容器)[^。；;,，\n]{0,24}?(?:路由|网关|網關|routes?|gateway)[^。；;\n]{0,16}?|(?<![\d.])(?:via\s+)?169\.254\.1\.1(?:\/32)?\s+)(?:default\s+via\s+\S+\s+)?dev\s+$/i;

export function podRoute(before: string): boolean {
  return POD_ROUTE_BEFORE.test(before);
}

/**
 * A real server of an `ipvsadm -Ln` table (`TCP 172.16.1.7:31481 rr` then `-> 10.244.0.4:80 Masq 1 0 0`): the arrow
 * points at one backend of the virtual server above it, not at the address the report tries, and its port is the
 * backend's, not the Service's or NodePort's. `before` ends at the address, `after` starts right after it (its port
 * included or not).
 */
// A report retyping the table on one line may join its rows with a comma, a Chinese one too (`Masq，-> 10.0.0.5:80`).
const IPVS_ARROW_BEFORE = /(?:^|[\s,，;；])->\s*$/;
const IPVS_SCHEDULER_ARROW_BEFORE =
  /(?<![\w-])(?:rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|mh|fo|ovf)(?:\s+persistent\s+\d+)?\s+->\s*$/i;
const IPVS_FORWARD_AFTER = /^(?::\d{1,5})?\s+(?:Masq|Route|Tunnel|Local|FullNat)(?![a-z])/i;

export function ipvsRealServer(before: string, after: string): boolean {
  if (!IPVS_ARROW_BEFORE.test(before)) return false;
  return IPVS_FORWARD_AFTER.test(after) || IPVS_SCHEDULER_ARROW_BEFORE.test(before);
}

/**
 * The pod a kubectl command acts on with no namespace flag (`kubectl exec -ti busybox1 -- nslookup kubernetes`) lives
 * in the context's namespace: a namespace the question gives only to other objects (another command's `-n
 * kube-system`, a Service's `kube-dns.kube-system.svc.cluster.local`) is not its namespace. True when the text runs
 * kubectl against `pod` and never with `-n`, `--namespace` or `-A`, and never writes it as `namespace/pod`.
 */
const KUBECTL_ON_POD =
  /(?:^|[\s`'"(|;$#；，。])(?:kubectl|oc)\s+(?:exec|logs|attach|port-forward|debug|cp)\s/gi;
const NAMESPACE_OPTION = /(?<![\w-])(?:-n|--namespace|-A|--all-namespaces)(?=[\s=]|$)/;

export function podWithoutNamespaceFlag(text: string, pod: string): boolean {
  const name = escapeRegExp(pod);
  if (new RegExp(`[a-z0-9-]/${name}(?![a-z0-9-])`, 'i').test(text)) return false;
  const word = new RegExp(`(?<![\\w./-])(?:pods?/|po/)?${name}(?![\\w-])`, 'i');
  let seen = false;
  for (const match of text.matchAll(KUBECTL_ON_POD)) {
    const start = (match.index ?? 0) + match[0].length;
    // The command runs to its `--`, the next kubectl, a prompt or the end of its line.
    const rest = text.slice(start, start + 200);
    // Chinese prose joins commands with full-width punctuation (`...my-nginx 返回 ...；kubectl logs -n kube-system`).
    const end = rest.search(/\s--\s|(?:^|[\s；，。])(?:kubectl|oc)\s|[\n;|；]|\s[#$]\s/);
    const command = end === -1 ? rest : rest.slice(0, end);
    if (!word.test(command)) continue;
    if (NAMESPACE_OPTION.test(command)) return false;
    // Old `kubectl exec pod cmd -n ns` syntax puts the flag after the in-pod command, before the next sentence.
    const tail =
      rest
        .slice(command.length, command.length + 80)
        .split(/[.。]\s|\n|(?:^|[\s；，。])(?:kubectl|oc)\s/)[0] ?? '';
    if (end !== -1 && rest.slice(end).startsWith(' -- ') === false && NAMESPACE_OPTION.test(tail))
      return false;
    seen = true;
  }
  return seen;
}

/**
 * The `Endpoints:` field of `kubectl describe svc` (`Endpoints: 10.244.1.2:80,10.244.2.3:80`) lists the Service's
 * backends, as an ipvsadm table's real servers do: where the pods are, no address the report tries, and their port is
 * the pods' (`TargetPort`), not the Service's or NodePort's. `before` ends at the address.
 */
const ENDPOINTS_FIELD_BEFORE = /(?<![\w-])endpoints\s*:\s*(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\s*,\s*)*$/i;

export function describedEndpoint(before: string): boolean {
  return ENDPOINTS_FIELD_BEFORE.test(before);
}

/**
 * OVS's and OVSDB's connection name `tcp:192.168.1.5:44922` (`reconnect|ERR|tcp:192.168.1.5:44922: no response to
 * inactivity probe`): the server logs its peer that way, and a port in the kernel's ephemeral range (32768-60999) is
 * that client's source port, no port anything listens on. The databases' own ports (`tcp:127.0.0.1:6642`) stay ports.
 * `before` ends at the address.
 */
const OVS_CONNECTION_BEFORE = /(?<![\w-])(?:tcp|ssl):$/i;

export function ephemeralPeer(before: string, port: number): boolean {
  return port >= 32768 && port <= 60999 && OVS_CONNECTION_BEFORE.test(before);
}

/**
 * An address written right after a bridge's or tunnel's name (`A: cnio0 10.200.1.1`, `flannel.1 10.244.1.0`), or a
 * NIC's in cilium status' device list (`[enp0s4 10.4.1.6 (Direct Routing)]`, `Devices: enp1s0 10.0.0.5`): that
 * device's own address, where a host is, no address the report tries. A NIC's address in prose (`node2 eth0
 * 192.168.1.11`) is its node's, which a report may well try. Not after a tool's interface flag (`ping -I eth0
 * 10.0.0.5`), which sends to the address. `before` ends at the address.
 */
const INTERFACE_NAME_BEFORE =
  /(?:(?<![\w.-])(?:cni|cnio|docker|flannel|cali|tunl|vxlan|genev|cilium_|br-|ovn|weave|kube-ipvs)|(?:\[|devices:)\s*(?:eth|ens|enp|eno|enx|bond))[\w.-]*\s*[:：]?\s+$/i;
const INTERFACE_FLAG_BEFORE = /(?<![\w-])(?:-[iI]|--interface|dev)\s+\S+\s*[:：]?\s+$/;

export function interfaceAddress(before: string): boolean {
  return INTERFACE_NAME_BEFORE.test(before) && !INTERFACE_FLAG_BEFORE.test(before);
}

/**
 * ARP's `Request who-has 169.254.1.1 tell 172.26.214.172`: the address after `tell` asks, the one after `who-has` is
 * sought.
 */
const ARP_ASKER_BEFORE = /who-has\s+\S+\s+tell\s+$/i;

export function arpAsker(before: string): boolean {
  return ARP_ASKER_BEFORE.test(before);
}

const ARP_SOUGHT_BEFORE = /who-has\s+$/i;

/** The address an ARP request asks for (`who-has 169.254.1.1`): the one whose answer the report waits for. */
export function arpSought(before: string): boolean {
  return ARP_SOUGHT_BEFORE.test(before);
}

/**
 * A loopback address (`127.0.0.1:4245`, `127.0.0.53`): each host's and pod's own, so a command run elsewhere with it
 * (`ip route get`, `cilium bpf ipcache get`, `ping` from a pod) reaches nothing the report is about.
 */
export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

/**
 * A name followed by a container's fields (`容器 log-agent containerPort: 80`, `container web image: nginx:1.25`): a
 * container of a pod spec, whose name is no pod's (`kubectl logs log-agent` finds nothing). `after` starts right
 * after the name.
 */
const CONTAINER_FIELDS_AFTER = /^\s*[,，(（]?\s*(?:containerPort|image)\s*[:：=]/i;

export function containerSpec(after: string): boolean {
  return CONTAINER_FIELDS_AFTER.test(after);
}

/**
 * An address labelled right after it as a node's own (calicoctl's `10.100.0.253 (CalicoNodeIP, InternalIP)`, `1.2.3.7
 * (ExternalIP)`, `192.168.1.5 (node IP)`, `10.0.0.4（宿主机 IP）`): where a node is, no address the report tries to
 * reach. `after` starts right after the address.
 */
const NODE_ADDRESS_LABEL_AFTER =
  /^\s*[(（]\s*(?:[a-z]*node\s*-?ip|internal\s*-?ip|external\s*-?ip|host\s*-?ip|(?:节点|節點|宿主机|宿主機|主机|主機)\s*ip)(?![a-z])/i;

export function nodeAddressLabel(after: string): boolean {
  return NODE_ADDRESS_LABEL_AFTER.test(after);
}

/**
 * The ports the question writes as a Service's NodePort: the second number of a PORT(S) cell (`8080:31313/TCP`), one
 * after the word (`nodePort: 30080`, `NodePort 映射为 34502`), or one in the NodePort range where the question speaks of
 * reaching a NodePort ("only through nodeport: curl http://localhost:31898 works"). Such a port is opened on every
 * node's address, not on a Service's ClusterIP or a pod's, nor is it a `targetPort`. A port in the NodePort range
 * reached on a node's loopback address (`curl http://127.0.0.1:32300/`, `localhost:31898`) is one too: kube-proxy
 * opens NodePorts there, and no pod or ClusterIP listens on it.
 */
export function nodePortsOf(text: string, ports: readonly number[]): number[] {
  const written = new Set<number>();
  for (const pattern of [SERVICE_NODE_PORT, NODE_PORT_FIELD])
    for (const match of text.matchAll(pattern)) written.add(Number(match[1]));
  for (const match of text.matchAll(LOOPBACK_PORT))
    if (inNodePortRange(Number(match[1]))) written.add(Number(match[1]));
  const speaks = speaksOfNodePort(text, NODEPORT_BEFORE_NUMBER);
  return ports.filter((port) => written.has(port) || (speaks && inNodePortRange(port)));
}

/** A Service's PORT(S) cell `80:32136/TCP`: the NodePort after the Service's port. */
export const SERVICE_NODE_PORT = /(?<![\w.:])\d{1,5}:(\d{2,5})\/(?:tcp|udp|sctp)(?![a-z])/gi;
/** A port on the loopback address (`127.0.0.1:32300`, `localhost:31898`), not inside a longer address. */
const LOOPBACK_PORT = /(?<![\w.:-])(?:127\.0\.0\.1|localhost):(\d{5})(?![\d.])/gi;
/** A NodePort written after its word (`nodePort: 30080`, `NodePort 映射为 34502`). */
const NODE_PORT_FIELD = /node\s*-?port[^\d\n,.;，。；]{0,12}?(\d{2,5})(?![\d.])/gi;
/** The word for a NodePort, in a report's own words or a listing's TYPE cell alike. */
const NODEPORT_WORD = /node\s*-?port|节点端口|節點端口/i;

/**
 * The question speaks of a NodePort in its own words ("cannot access the service from its NodePort", `节点端口`), once
 * what only names the kind of Service (`type: NodePort`, a listing's TYPE cell) is set aside by `serviceType`.
 *
 * Two readings of the kind of Service remain, each as the fix that brought it was tuned, and they are not the same:
 * `SERVICE_TYPE_NODEPORT` (before a PORT(S) cell's NodePort counts as a port the report tries) and
 * `NODEPORT_BEFORE_NUMBER` (before a port in the NodePort range counts as a NodePort). They differ on `NodePort
 * 30080` (only the second sets it aside), `type: NodePort,` and lower-case `nodeport 10.0.0.1` (only the first), so
 * making them one changes which ports are read as NodePorts: a change to measure, not a tidy.
 */
export function speaksOfNodePort(text: string, serviceType: RegExp): boolean {
  return NODEPORT_WORD.test(text.replace(serviceType, ' '));
}

/**
 * `type: NodePort` or a listing's TYPE cell in any case, before the CLUSTER-IP cell's address (`NodePort
 * 10.30.92.37`) or a separator (`type: NodePort,`).
 */
export const SERVICE_TYPE_NODEPORT = new RegExp(
  `(?:type\\s*[:=]?\\s*)?NodePort(?:\\s+${IPV4}|(?=\\s*[,;，；)）]))`,
  'gi',
);

/** `type: NodePort` or a TYPE cell written `NodePort`, right before any number: the CLUSTER-IP cell or a port. */
const NODEPORT_BEFORE_NUMBER = /(?:type\s*[:=]?\s*)?NodePort(?=\s+\d)/g;

/** A port in the default NodePort range (30000-32767). */
export function inNodePortRange(port: number): boolean {
  return port >= 30000 && port <= 32767;
}

/**
 * The address in cilium status' `Proxy Status: OK, ip 10.5.0.234, 0 redirects active`: the agent's own router address
 * on its node, no address the report tries. `before` ends at the address.
 */
const CILIUM_PROXY_BEFORE = /proxy\s+status\s*:\s*[a-z]+\s*,\s*ip\s+$/i;

export function ciliumProxyAddress(before: string): boolean {
  return CILIUM_PROXY_BEFORE.test(before);
}

/**
 * A look at a system component's pods, by label selector or grep (`kubectl get pods -n kube-system | grep flannel ->
 * kube-flannel-62xbw`, `kubectl logs -l k8s-app=nodelocaldns -n kube-system: ...`): the report shows that the CNI or
 * DNS add-on runs, or what it logs. Its `-n` is where that component lives, not the namespace of the application
 * pods, policies or Services the report is about, and the pods it prints are the component's, not the failing pod —
 * unless the listing shows one failing (`0/1 CrashLoopBackOff`), when the component is what the report is about.
 * Returns the spans [start, end) of such commands, from `kubectl` to the end of their clause.
 */
const SYSTEM_NAMESPACE =
  /^(?:kube-system|kube-flannel|calico-system|tigera-operator|metallb-system|cilium)$/i;
const KUBECTL_START = /(?<![\w-])(?:kubectl|oc)\s/gi;
const COMPONENT_FILTER = /(?<![\w-])(?:-l|--selector)(?:\s+|=)\S|\|\s*grep\s/i;
const SYSTEM_NAMESPACE_FLAG = /(?<![\w-])(?:-n|--namespace)(?:\s+|=)([a-z0-9-]+)(?![\w-])/i;
const FAILING_STATUS =
  /CrashLoopBackOff|\bError\b|ImagePullBackOff|ErrImagePull|ContainerCreating|\bPending\b|NotReady|Terminating|OOMKilled|Evicted|Init:|\b0\/[1-9]\b/;

export function componentListings(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(KUBECTL_START)) {
    const start = match.index ?? 0;
    const rest = text.slice(start + match[0].length);
    // The clause ends at a sentence or list separator, or where the next kubectl command starts.
    const end = rest.search(/[;；。\n]|(?<![\w-])(?:kubectl|oc)\s/);
    const command = end === -1 ? rest : rest.slice(0, end);
    const namespace = SYSTEM_NAMESPACE_FLAG.exec(command)?.[1];
    if (namespace === undefined || !SYSTEM_NAMESPACE.test(namespace)) continue;
    if (!COMPONENT_FILTER.test(command) || FAILING_STATUS.test(command) || notAllReady(command)) continue;
    spans.push([start, start + match[0].length + command.length]);
  }
  return spans;
}

/**
 * CoreDNS's query log (`[INFO] 10.233.127.89:32952 - 63993 "AAAA IN registry-1.docker.io. udp 38 false 512" FORMERR`)
 * starts with the client that asked, written with its ephemeral source port: where the query came from, not the
 * address or port the report fails to reach. `after` starts right after `address:port`.
 */
const DNS_QUERY_LOG_AFTER = /^\s*-\s+\d+\s+"[A-Z0-9]+\s+IN\s/;

export function dnsQueryClient(after: string): boolean {
  return DNS_QUERY_LOG_AFTER.test(after);
}

/**
 * The quoted question of a CoreDNS query log (`"A IN registry-1.docker.io. udp 38 false 512"`): the transport, the
 * message size, the DO bit and the buffer size. Its `udp 38` is a size, no port. Returns the spans [start, end).
 */
const DNS_QUERY_QUOTE = /"[A-Z0-9]+\s+IN\s+\S+\s+(?:udp|tcp)\s+\d+\s+(?:true|false)\s+\d+"/g;

export function dnsQueryQuotes(text: string): Array<[number, number]> {
  return [...text.matchAll(DNS_QUERY_QUOTE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/**
 * A pod of the CNI, DNS or proxy add-on (`calico-node-7xk2p`, `cilium-qqkqn`, `kube-flannel-ds-5w8v2`,
 * `coredns-6d56c8448f-5z5kp`) that the report does not show failing: named to say the add-on runs ("calico-node-7xk2p
 * is 1/1 Running, app pod web-... times out"), it is no failing pod when the report names an application pod too.
 */
const COMPONENT_POD =
  /^(?:calico-node|calico-kube-controllers|calico-typha|cilium|cilium-operator(?:-[a-z0-9]+)?|cilium-envoy|hubble-relay|hubble-ui|kube-flannel(?:-ds)?|flannel|kube-proxy|coredns|kube-dns|nodelocaldns|node-local-dns|kube-ovn-[a-z]+|ovs-ovn|ovn-central|antrea-agent|antrea-controller|weave-net|speaker|metallb-speaker|metallb-controller|konnectivity-agent)-[a-z0-9]+(?:-[a-z0-9]+)?$/;
/** What the report says of a pod after its name: a failing status (`FAILING_STATUS`, in any case) or its words. */
const FAILING_AFTER = new RegExp(
  `${FAILING_STATUS.source}|fail|error|crash|restart|not\\s+ready|not\\s+running|报错|失败|失敗|异常|異常|重启|重啟|不正常`,
  'i',
);

export function healthyComponentPod(text: string, pod: string): boolean {
  if (!COMPONENT_POD.test(pod)) return false;
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(pod); at !== -1; at = lower.indexOf(pod, at + 1)) {
    // What the report says of the pod follows its name, up to the end of the clause.
    const after = text.slice(at + pod.length, at + pod.length + 80).split(/[;；。\n]|,\s|，/)[0] ?? '';
    if (FAILING_AFTER.test(after) || notAllReady(after)) return false;
  }
  return true;
}

/**
 * A four-part release written with its `v` or after "version" (`cilium v1.14.2.1`, `Version: 2.3.1.0`, `版本 v1.2.0.3`):
 * a version, no address. `before` ends at the dotted number.
 */
const VERSION_BEFORE = /(?:(?<![a-z0-9_-])v|version\s*[:=]?\s*|版本\s*[:：]?\s*v?)$/i;

export function versionBefore(before: string): boolean {
  return VERSION_BEFORE.test(before);
}

/** A READY cell with fewer containers ready than the pod has (`calico-node-8chkg 1/2 Running`): the pod is failing. */
function notAllReady(text: string): boolean {
  for (const match of text.matchAll(/(?<![\w./:-])(\d{1,2})\/(\d{1,2})(?![\w./:-])/g))
    if (Number(match[1]) < Number(match[2])) return true;
  return false;
}

/**
 * The namespace an add-on was installed into (`MetalLB is installed with helm in namespace metallb-system`, `helm
 * install cilium ... -n cilium`, `ingress-nginx 部署在 ingress-nginx 命名空间`) is the add-on's, not that of the
 * application Service or pod the report names beside it (`my-app LoadBalancer 10.96.45.12 <pending>`): `kubectl get
 * svc my-app -n metallb-system` would look in the wrong place. True when every mention of the namespace follows an
 * install word in its clause and the report names an object that is not the add-on's (its name shares no word with
 * the namespace's first part).
 */
const ADD_ON_NAMESPACE =
  /^(?:metallb-system|calico-system|calico-apiserver|tigera-operator|kube-flannel|cilium|cilium-system|istio-system|cert-manager|ingress-nginx|longhorn-system|monitoring|kubernetes-dashboard|openebs)$/;
const INSTALLED_BEFORE =
  /(?:install(?:ed|s|ing)?|deploy(?:ed|s|ing)?|helm|安装|安裝|部署|装在|裝在)[^.;。；\n]{0,60}$/i;

export function addOnNamespace(
  text: string,
  namespace: string,
  objects: readonly (string | undefined)[],
): boolean {
  if (!ADD_ON_NAMESPACE.test(namespace)) return false;
  const part = namespace.split('-')[0] ?? namespace;
  const named = objects.filter((name): name is string => name !== undefined);
  if (named.length === 0 || named.some((name) => name.includes(part))) return false;
  const lower = text.toLowerCase();
  let seen = false;
  for (const at of wholeNameMentions(lower, namespace)) {
    if (!INSTALLED_BEFORE.test(text.slice(Math.max(0, at - 80), at))) return false;
    seen = true;
  }
  return seen;
}

/**
 * An OVS port with no kernel device of its own, as `ovs-vsctl show` prints it: a tunnel port to another node
 * (`Interface ovn-eb1c67-0 type: geneve`, OVN's `ovn-<chassis>-0`; `vxlan`, `stt`, `gre`) or a patch port joining two
 * bridges (`type: patch`). `tcpdump -i` or `ip link` finds no such interface: tunnel traffic leaves through
 * `genev_sys_6081` and the NIC. Internal ports (`ovn0`, `mirror0`, `br-int`) are devices and stay. `after` starts
 * right after the name.
 */
const OVS_TUNNEL_PORT = /^ovn-[0-9a-f]{6}-\d+$/;
const OVS_PATCH_PORT = /^patch-[a-z0-9_.-]+-to-[a-z0-9_.-]+$/;
const OVS_DEVICELESS_TYPE_AFTER = /^["']?\s*,?\s*type\s*[:=]\s*["']?(?:geneve|vxlan|stt|gre|patch)(?![\w-])/i;

export function ovsPortWithoutDevice(name: string, after: string): boolean {
  return OVS_TUNNEL_PORT.test(name) || OVS_PATCH_PORT.test(name) || OVS_DEVICELESS_TYPE_AFTER.test(after);
}

/**
 * The namespace a report writes right after a pod's name (`pod web-6d4cf56db6-2xk9v in namespace shop`, `web-0 (ns:
 * shop)`, `kubectl logs web-0 -n shop`, `pod web-0 在 shop 命名空间`): that pod's own, whatever other namespaces the
 * report names for its add-ons (`helm install ingress-nginx ... --namespace ingress-basic`). The first one found.
 */
const NAMESPACE_AFTER_POD =
  /^\s*[(（,，]?\s*(?:(?:in|from)\s+(?:the\s+)?)?(?:namespace|ns)(?:\s*[:=：]\s*|\s+)[`'"]?([a-z0-9][a-z0-9-]{0,62})(?![\w.-])|^\s+(?:-n|--namespace)(?:\s+|=)([a-z0-9][a-z0-9-]{0,62})(?![\w.-])|^\s*[(（,，]?\s*(?:在|位于|位於|属于|屬於)\s*([a-z0-9][a-z0-9-]{0,62})\s*(?:命名空间|命名空間|名称空间|名稱空間|namespace)/i;

export function namespaceAfterPod(text: string, pod: string): string | undefined {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(pod); at !== -1; at = lower.indexOf(pod, at + 1)) {
    if (/[a-z0-9_-]/.test(lower[at - 1] ?? ' ') || /[a-z0-9_-]/.test(lower[at + pod.length] ?? ' ')) continue;
    const match = NAMESPACE_AFTER_POD.exec(text.slice(at + pod.length, at + pod.length + 80));
    const namespace = (match?.[1] ?? match?.[2] ?? match?.[3])?.toLowerCase();
    if (namespace !== undefined && namespace !== pod) return namespace;
  }
  return undefined;
}

/**
 * A host the question writes only in shell prompts (`root@node1:~#`, `[root@k8s-master01 ~]#`, `ubuntu@worker-2:/etc$`):
 * the machine the reporter typed on, often the control plane or a jump host, not necessarily the node whose pods
 * fail. When the question names another node elsewhere ("web-1 on node2 cannot reach the service"), that node comes
 * first. `lower` is the question lower-cased, `name` a node name.
 */
const PROMPT_AFTER = /^(?::\S*\s*[#$]|\s+[~\w/.-]*\]\s*[#$]|:~)/;

export function promptOnlyHost(lower: string, name: string): boolean {
  const offsets = wholeNameMentions(lower, name);
  return (
    offsets.length > 0 &&
    offsets.every(
      (at) =>
        afterPromptUser(lower, at) && PROMPT_AFTER.test(lower.slice(at + name.length, at + name.length + 40)),
    )
  );
}

/**
 * The command of the backtick code span an offset lies in, up to that offset (`netctl net create -t cisco -n data`
 * at `data`): a report quotes each command it ran that way, so a flag inside belongs to that command, whatever tool it
 * is. Undefined outside a span, or when the span starts with no command word (`-n kube-system`).
 */
export function codeSpanCommand(text: string, index: number): string | undefined {
  const open = text.lastIndexOf('`', index - 1);
  if (open === -1) return undefined;
  let ticks = 0;
  for (let at = text.indexOf('`'); at !== -1 && at <= open; at = text.indexOf('`', at + 1)) ticks += 1;
  if (ticks % 2 === 0) return undefined;
  const command = text.slice(open + 1, index);
  return /^\s*[$#]?\s*[a-z][\w.-]*\s/i.test(command) ? command : undefined;
}

/**
 * An Ansible run's host, as kubespray and other playbooks print it: verbose output's `<192.168.188.178> ESTABLISH SSH
 * CONNECTION`, a task result's `fatal: [10.0.0.12]: FAILED!` or `ok: [10.0.0.12]`. The address is the inventory
 * machine the task ran on, where something happened, no address the report tries to reach. `before` and `after` are
 * the text around the address.
 */
const ANSIBLE_VERBOSE_HOST_AFTER = /^>\s+(?:ESTABLISH|EXEC|PUT|SSH|\(\d)/;
const ANSIBLE_RESULT_HOST_BEFORE = /(?:fatal|ok|changed|skipping|failed|unreachable)\s*:\s*\[$/i;

export function ansibleHost(before: string, after: string): boolean {
  return (
    (/(?:^|\n)\s*<$/.test(before) && ANSIBLE_VERBOSE_HOST_AFTER.test(after)) ||
    (ANSIBLE_RESULT_HOST_BEFORE.test(before) && /^\]/.test(after))
  );
}

/**
 * The kind words that name an object right after them (`volume config-volume`, `container nginx`, `namespace prod`,
 * `deployment web`, `configmap app-config`), for each kind of object a name before its word could be read as.
 */
const OWN_KIND_WORDS: Record<'pod' | 'node' | 'service' | 'namespace', RegExp> = {
  pod: /^(?:pods?|po)$/i,
  node: /^(?:nodes?|hosts?|workers?)$/i,
  service: /^(?:services?|svc)$/i,
  namespace: /^(?:namespaces?|ns)$/i,
};
const KIND_WORD_BEFORE =
  /(?<![\w./-])(volumes?|containers?|configmaps?|cm|secrets?|images?|deployments?|deploy|statefulsets?|sts|daemonsets?|ds|replicasets?|rs|jobs?|pvcs?|persistentvolumeclaims?|charts?|releases?|ingress(?:es)?|networkpolic(?:y|ies)|services?|svc|namespaces?|ns|nodes?|pods?)\s+["'`“]?$/i;

/**
 * The name right before an object word is another kind's when that kind's word comes right before the name: kubelet's
 * `volume "config-volume" pod "coredns-5644d7b6d9-kgq7n"` names a volume and then a pod, `namespace my-app pod web-0`
 * a namespace and then a pod. `before` is the text up to the name; `kind` the object word's kind after it.
 */
export function namedByOtherKindBefore(
  before: string,
  kind: 'pod' | 'node' | 'service' | 'namespace',
): boolean {
  const word = KIND_WORD_BEFORE.exec(before)?.[1];
  return word !== undefined && !OWN_KIND_WORDS[kind].test(word);
}
