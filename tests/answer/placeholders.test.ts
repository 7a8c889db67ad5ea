import { describe, expect, it } from 'vitest';
import {
  type Entities,
  extractEntities,
  fillCommand,
  fillFromQuestion,
  placeholderValues,
} from '../../src/answer/placeholders.js';

/** Expected fills per question; a placeholder missing from `fills` must stay unfilled. */
interface Case {
  question: string;
  fills: Record<string, string>;
  entities?: Partial<
    Pick<Entities, 'pods' | 'namespaces' | 'nodes' | 'services' | 'ports' | 'cidrs' | 'ifaces' | 'ips'>
  >;
}

const CASES: Case[] = [
  // Chinese with no names: only the port may be filled.
  {
    question: 'pod 访问 node 的 6443 不通',
    fills: { '<port>': '6443' },
    entities: { pods: [], nodes: [], ports: [6443] },
  },
  {
    question: 'kube-ovn 集群 pod 里 curl https://192.168.1.10:6443 一直超时',
    fills: { '<target-ip>': '192.168.1.10', '<target>': '192.168.1.10', '<port>': '6443' },
    entities: { pods: [] },
  },
  {
    question: '跨节点 ping 10.16.1.3 全部 timeout，genve 隧道是不是断了',
    fills: { '<target-ip>': '10.16.1.3' },
  },
  {
    question: 'from the host, curl 10.16.0.2:8080 gives no route to host (kube-ovn)',
    fills: { '<target-ip>': '10.16.0.2', '<port>': '8080' },
    entities: { nodes: [] },
  },
  { question: 'pod 訪問 kubelet 10250 報 connection refused', fills: { '<port>': '10250' } },
  {
    question: 'how do i see which join ip node-02 got, kubectl ko nbctl?',
    fills: { '<node-name>': 'node-02', '<node>': 'node-02' },
  },
  {
    question: '100.64.0.0/16 这个网段是干嘛用的，每个节点都分到一个ip',
    fills: {},
    entities: { cidrs: ['100.64.0.0/16'], nodes: [] },
  },
  {
    question: 'kubectl exec -n prod nginx-7d9f8b6c5-x2x9q -- curl 10.96.0.10:53 超时',
    fills: {
      '<namespace>': 'prod',
      '<pod>': 'nginx-7d9f8b6c5-x2x9q',
      '<target-ip>': '10.96.0.10',
      '<port>': '53',
    },
  },
  {
    question: 'prod/nginx-7d9f8b6c5-x2x9q 访问 svc my-api 不通',
    fills: { '<namespace>': 'prod', '<pod-name>': 'nginx-7d9f8b6c5-x2x9q', '<service-name>': 'my-api' },
  },
  {
    question: '节点 node-03 上的 pod 访问外网不通',
    fills: { '<node-name>': 'node-03' },
    entities: { pods: [] },
  },
  {
    question: 'worker2 上 ping 不通 10.244.1.5',
    fills: { '<node-name>': 'worker2', '<target-ip>': '10.244.1.5' },
  },
  // `6081` inside genev_sys_6081 is an interface name, not a port.
  {
    question: 'k8s-node1 节点 genev_sys_6081 没有包',
    fills: { '<node-name>': 'k8s-node1' },
    entities: { ports: [] },
  },
  {
    question: '命名空间 monitoring 下的 pod prometheus-0 无法访问 10.96.0.1:443',
    fills: {
      '<namespace>': 'monitoring',
      '<pod>': 'prometheus-0',
      '<target-ip>': '10.96.0.1',
      '<port>': '443',
    },
  },
  {
    question: '在 kube-system 命名空间里 coredns-5d78c9869d-4xkq2 一直 CrashLoopBackOff',
    fills: { '<namespace>': 'kube-system', '<pod>': 'coredns-5d78c9869d-4xkq2' },
  },
  {
    question: 'service nginx-svc 的 clusterip 10.96.12.34 访问超时',
    fills: { '<service-name>': 'nginx-svc', '<cluster-ip>': '10.96.12.34', '<target-ip>': '10.96.12.34' },
  },
  {
    question: 'pod 10.16.0.2 ping pod 10.16.1.3 不通',
    fills: { '<pod-ip>': '10.16.0.2', '<target-ip>': '10.16.1.3' },
    entities: { pods: [] },
  },
  // Traditional Chinese: 從 … 到 …, 埠.
  {
    question: '從 10.16.0.5 到 192.168.1.11 的 6081 埠不通',
    fills: { '<target-ip>': '192.168.1.11', '<port>': '6081' },
  },
  {
    question: 'ns prod 里的服务 payment 调不通',
    fills: { '<namespace>': 'prod', '<service-name>': 'payment' },
  },
  { question: 'nodeport 30080 从集群外访问不了', fills: { '<port>': '30080' } },
  { question: 'calico ipip 和 vxlan 封裝開銷哪個大', fills: {} },
  // Sizes and MTUs are not ports.
  { question: 'ping -M do -s 1472 不通，改小就通，是mtu问题吗', fills: {}, entities: { ports: [] } },
  { question: 'kube-ovn 为啥 pod 的 mtu 是 1400 不是 1500', fills: {}, entities: { ports: [] } },
  {
    question: 'headless svc nslookup 返回了 3 个 pod ip 正常吗',
    fills: {},
    entities: { services: [], pods: [] },
  },
  {
    question: 'node 10.0.0.5 上的 pod 访问 10.96.0.1:443 超时',
    fills: { '<node-ip>': '10.0.0.5', '<target-ip>': '10.96.0.1', '<port>': '443' },
  },
  { question: 'pod a 访问 pod b 不通', fills: {}, entities: { pods: [] } },
  // `service api` in English prose is indistinguishable from `service works`: a plain word after the object
  // word never fills; the object-shaped `nginx-0` and `in namespace web` do.
  {
    question: 'Pod nginx-0 in namespace web cannot reach service api on port 8080',
    fills: { '<pod>': 'nginx-0', '<namespace>': 'web', '<port>': '8080' },
    entities: { services: [] },
  },
  { question: 'mysql-0.mysql.default.svc.cluster.local 这种 dns 名字怎么来的', fills: {} },
  { question: 'hostNetwork pod 访问 clusterip 不通', fills: {}, entities: { nodes: [], pods: [] } },
  { question: 'tcpdump -i ens33 看不到 6081 的包', fills: { '<iface>': 'ens33', '<port>': '6081' } },
  // `kube-ovn 节点` is not a node called kube-ovn.
  { question: 'kube-ovn 节点之间防火墙要放行哪个 udp 端口', fills: {}, entities: { nodes: [], ports: [] } },
  { question: 'pod 訪問別的節點上的 api 端點 IP 是怎麼走的', fills: {} },
  {
    question: 'my pod web-6f7b9c8d4-q8zx2 -n shop times out calling 10.0.3.7:8080',
    fills: {
      '<pod>': 'web-6f7b9c8d4-q8zx2',
      '<namespace>': 'shop',
      '<target-ip>': '10.0.3.7',
      '<port>': '8080',
    },
  },
  {
    question: 'kubectl get pod -n kube-system -o wide 看到 kube-ovn-cni-7xk2p 不是 Running',
    fills: { '<namespace>': 'kube-system', '<pod>': 'kube-ovn-cni-7xk2p' },
  },
  {
    question: '宿主机 192.168.1.10 访问 pod 10.16.0.9:80 被拒绝',
    fills: {
      '<node-ip>': '192.168.1.10',
      '<pod-ip>': '10.16.0.9',
      '<target-ip>': '10.16.0.9',
      '<port>': '80',
    },
  },
  { question: '不同節點的 pod 互訪延遲超過 10ms 怎麼查', fills: {}, entities: { ports: [] } },
  // Tool names with consonant-only suffixes are not generated pod names.
  {
    question: 'kube-ovn 节点之间 ovs-dpctl 和 ovn-sbctl 怎么用',
    fills: {},
    entities: { pods: [], nodes: [] },
  },
  {
    question: 'Logical_Router_Policy 裡 reroute priority 29000 那條是幹嘛的',
    fills: {},
    entities: { ports: [] },
  },
  // A next hop is neither source nor destination.
  {
    question: 'return path node->pod, route 10.233.64.0/18 via 100.64.0.1 dev ovn0 - is that expected',
    // The device a pasted route goes through is no interface the report names; `<iface>` is a host's NIC.
    fills: {},
    entities: { cidrs: ['10.233.64.0/18'] },
  },
  {
    question: 'kube-proxy iptables vs ipvs mode, which one for 5000 services',
    fills: {},
    entities: { ports: [] },
  },
  {
    question: 'pod prod/api-0 到 10.0.0.8 不通',
    fills: { '<namespace>': 'prod', '<pod>': 'api-0', '<target-ip>': '10.0.0.8' },
  },
  {
    question: '節點 node-07 上 curl 10.96.0.10:53 超時',
    fills: { '<node-name>': 'node-07', '<target-ip>': '10.96.0.10', '<port>': '53' },
  },
  {
    question: 'Pod web-0 在命名空間 shop，連接 svc backend 的 8080 埠逾時',
    fills: { '<pod>': 'web-0', '<namespace>': 'shop', '<service-name>': 'backend', '<port>': '8080' },
  },
  {
    question: 'kubectl exec --namespace=payments checkout-0 -- nc -zv 10.96.5.5 8443',
    // The pod `kubectl exec` runs in.
    fills: { '<namespace>': 'payments', '<pod>': 'checkout-0', '<target-ip>': '10.96.5.5', '<port>': '8443' },
  },
];

/**
 * Fill rules (issue #10 item 2), each with real sentences: a value fills an object placeholder only when the
 * question presents it as that object; ordinary words never fill; IPs go to the placeholder of their role.
 */
const RULE_CASES: Case[] = [
  // Negative: a bare "control-plane" is the node's role, not its name (real OVN-Kubernetes report).
  {
    question:
      '3 node k8s cluster, 1 control-plane and 2 workers. I have created a simple nginx nodeport service backed by a single endpoint. When trying to access the nodeport service from host it fails with connection refused.',
    fills: {},
    entities: { nodes: [] },
  },
  // Positive: a kind node keeps its cluster prefix (real Cilium report).
  {
    question:
      'When using Kind with Cilium with kubeProxyReplacement=strict, NodePort services do not work. Cilium Helm values: k8sServiceHost: proxyless-control-plane, k8sServicePort: 6443',
    fills: { '<node-name>': 'proxyless-control-plane', '<port>': '6443', '<target-port>': '6443' },
    entities: { nodes: ['proxyless-control-plane'] },
  },
  // Negative, mixed: "node join 子网" is the join subnet, not a node named join (real Kube-OVN issue).
  {
    question: '我感觉可以考虑直接对 subnet 做限制，不允许使用 node join 子网包含的网段 cidr。',
    fills: {},
    entities: { nodes: [] },
  },
  // Negative: a network written without its prefix is a range, not an address to fill (real kubeadm report).
  {
    question: 'I use command kubeadm init --service-cidr=10.100.0.0/12, actually init master with 10.96.0.0.',
    fills: {},
  },
  // Negative, mixed: a proxier's log writes the cluster CIDR's network with a port; no Service has that address.
  {
    question:
      'nodeport开启后重启主机，nodeport访问错误。kube-proxy --cluster-cidr=172.20.0.0/16 --proxy-mode=ipvs; kube-proxy[4854]: E0922 08:58:03.706112 proxier.go:1533] Failed to sync endpoint for service: 172.20.0.0:32567/TCP, err: parseIP Error',
    fills: { '<port>': '32567' },
  },
  {
    question:
      'pods cannot reach the NodePort, kube-proxy logs: Failed to sync endpoint for service: 10.42.0.0:30080/TCP',
    fills: { '<port>': '30080' },
  },
  // Negative: the day of a syslog timestamp before its clock time is a date, no port (real kube-proxy journal lines).
  {
    question:
      'NodePort 访问失败，journalctl -u kube-proxy: 9月 22 08:58:03 localhost.localdomain kube-proxy[4854]: E0922 proxier.go:1950] Failed to list IPVS destinations',
    fills: {},
  },
  {
    question:
      'kube-proxy stopped syncing rules: Sep 22 08:58:03 worker kube-proxy[1201]: Failed to list IPVS destinations',
    fills: {},
  },
  // Positive: the same number written as a port stays one.
  {
    question: 'from the pod, ssh to the node on port 22 times out since 08:58:03; ping works',
    fills: { '<port>': '22' },
  },
  // Negative: an example of the value expected, in brackets after "should be" / 应该, is no address the report tries.
  {
    question:
      '外部服务说收到的源 IP 是 10.244.1.5，这是 Pod IP，应该被 SNAT 成节点 IP（比如 192.168.1.10）。在节点上 iptables -t nat -L POSTROUTING 看 MASQUERADE 规则',
    fills: { '<src-ip>': '10.244.1.5' },
  },
  {
    question:
      'The backend logs the pod IP as client; it should see the node address (e.g. 192.168.1.10) after masquerade',
    fills: {},
  },
  // Positive: an example of what fails, not of an expected value, is the address tried.
  {
    question: "pods can't reach external addresses (e.g. 8.8.8.8), the host can",
    fills: { '<target-ip>': '8.8.8.8' },
  },
  // Positive: a pod address ending in .0 with its port (Calico blocks hand out .0) stays the report's address.
  {
    question: 'Calico IPAM block 10.244.7.0/26 on node-2; curl 10.244.3.0:8080 from another pod times out',
    fills: {
      '<target-ip>': '10.244.3.0',
      '<port>': '8080',
      '<node-name>': 'node-2',
      '<cidr>': '10.244.7.0/26',
    },
  },
  // Negative, English: verbs, adverbs and pronouns after "pod", "node", "service" (from real reports).
  {
    question: 'the ClusterIP service works from the node but not from a pod',
    fills: {},
    entities: { services: [], nodes: [], pods: [] },
  },
  {
    question:
      "new node joined the cluster, pods there can't reach the rest, bridge fdb on flannel.1 has no entry",
    fills: {},
    entities: { nodes: [], pods: [] },
  },
  {
    question: "pods can't reach anything outside the cluster, the node itself has internet",
    fills: {},
    entities: { nodes: [], pods: [] },
  },
  {
    question:
      "zookeeper statefulset bootstrap stuck, members can't find each other via dns because pods aren't ready",
    fills: {},
    entities: { pods: [] },
  },
  {
    question: "prometheus on host network can't scrape pods after we applied deny-all",
    fills: {},
    entities: { pods: [], nodes: [] },
  },
  { question: 'my cross-node pod traffic fails after the upgrade', fills: {}, entities: { pods: [] } },
  // Negative, Chinese: a component name before the object word is not an object.
  { question: 'calico-node pod 一直 0/1 ready', fills: {}, entities: { pods: [] } },
  { question: 'kube-proxy 的 pod 日志里全是 iptables-restore 报错', fills: {}, entities: { pods: [] } },
  {
    question: 'cilium-dbg status 显示 cluster health 有节点 unreachable',
    fills: {},
    entities: { nodes: [] },
  },
  // Negative: a name before a plural object word names a group; an interface is no pod (real reports).
  { question: "microk8s pods can't connect to internet after a reboot", fills: {}, entities: { pods: [] } },
  {
    question: "I can't ping them from the node; inside the pod eth0 has mtu 1500",
    // The pod's eth0 is no host interface either (see "fills need the role the question gives the word").
    fills: {},
    entities: { pods: [], ifaces: [] },
  },
  // Positive: kind/name.
  {
    question: 'svc/frontend -n prod returns 503 from inside the cluster',
    fills: { '<service-name>': 'frontend', '<namespace>': 'prod' },
  },
  { question: 'kubectl describe pod/checkout shows readiness probe failed', fills: { '<pod>': 'checkout' } },
  // Positive: quoted or code-formatted names.
  { question: 'the pod `api` cannot resolve kubernetes.default', fills: { '<pod>': 'api' } },
  { question: "service 'payments' has no endpoints", fills: { '<service-name>': 'payments' } },
  { question: '服务 “backend” 访问超时', fills: { '<service-name>': 'backend' } },
  // Positive: "named", 名为 … 的.
  {
    question: 'pod named checkout in namespace shop cannot reach the database',
    fills: { '<pod>': 'checkout', '<namespace>': 'shop' },
  },
  {
    question: '名为 web 的 pod 访问不了名为 db 的服务',
    fills: { '<pod>': 'web', '<service-name>': 'db' },
  },
  // Positive: object-shaped names next to the object word; Chinese context.
  { question: 'kube-ovn 节点 worker-3 上 pod 不通', fills: { '<node-name>': 'worker-3' } },
  { question: 'gpu-07 节点上的 pod 出不了网', fills: { '<node-name>': 'gpu-07' } },
  { question: 'pod nginx 访问 svc backend 不通', fills: { '<pod>': 'nginx', '<service-name>': 'backend' } },
  { question: 'only pods on worker3 cannot reach any service', fills: { '<node-name>': 'worker3' } },
  // IPs by role: a ClusterIP the user curled, a pod IP named as such, the DNS server.
  {
    question: 'curl 10.96.12.7 from a pod times out but the ClusterIP service works from the node',
    fills: { '<cluster-ip>': '10.96.12.7', '<target-ip>': '10.96.12.7' },
    entities: { services: [] },
  },
  {
    question: 'nslookup fails when I query the coredns pod IP 10.244.1.7 directly',
    fills: { '<pod-ip>': '10.244.1.7', '<target-ip>': '10.244.1.7' },
    entities: { pods: [] },
  },
  {
    question: 'ipvsadm 列出来没有我的 svc vip 10.96.12.7',
    fills: { '<cluster-ip>': '10.96.12.7', '<target-ip>': '10.96.12.7' },
    entities: { services: [] },
  },
  // The object the question says works is the comparison, not the broken one.
  {
    question: 'Cannot connect to ClusterIP service IP but service/kubernetes works fine',
    fills: {},
    entities: { services: [] },
  },
  {
    question: 'svc/payment times out from pods, svc/orders is fine',
    fills: { '<service-name>': 'payment' },
    entities: { services: ['payment'] },
  },
  {
    question: 'pod 里 nslookup 超时，nameserver 10.96.0.10',
    fills: { '<target-ip>': '10.96.0.10' },
    entities: { pods: [] },
  },
  // An ordinal is a position, not a name; an IP after "NodePort" is no port; a workload's name gives way to the
  // pod's generated name (real reports: rancher canal, a NodePort tutorial, nginx-ingress).
  {
    question: '4 nodes are from vlan1 and 5th node from vlan2; a pod on node1 cannot connect from node5',
    fills: { '<node-name>': 'node1' },
    entities: { nodes: ['node1', 'node5'] },
  },
  {
    question:
      'example-service NodePort 10.30.92.37 80:30109/TCP，使用 curl 10.30.92.37 可以得到 nginx 的响应',
    fills: { '<target-ip>': '10.30.92.37' },
    entities: { ports: [] },
  },
  {
    question:
      'nginx-ingress-controller pod in CrashLoopBackOff: pod my-nginx-ingress-controller-5b6c48c7dc-z5cvv 0/1 CrashLoopBackOff',
    fills: { '<pod>': 'my-nginx-ingress-controller-5b6c48c7dc-z5cvv' },
    entities: { pods: ['my-nginx-ingress-controller-5b6c48c7dc-z5cvv'] },
  },
  // Negative: a release is no object name, nor is an image path's `node` an object word (real reports: canal,
  // flannel on Ubuntu).
  {
    question:
      'pod ip cannot ping from host: ping 10.244.3.4 gives Destination Host Unreachable. calico/node v3.0.3, calico/cni v2.0.1',
    fills: { '<target-ip>': '10.244.3.4' },
    entities: { nodes: [], pods: [] },
  },
  {
    question: 'I have 6 nodes ubuntu18.04 with 3 workers, k8s v1.20.5 and flannel v0.13.1-rc2',
    fills: {},
    entities: { nodes: [] },
  },
  { question: '节点 v1.28.10 升级后 pod 不通', fills: {}, entities: { nodes: [] } },
  // Positive: a dotted host name is still a node name.
  {
    question: 'I added a new node k8s-1.novalocal in another subnet',
    fills: { '<node-name>': 'k8s-1.novalocal' },
  },
  // A Service's or namespace's name is one DNS label: a Service's DNS name gives both; a host name gives neither.
  {
    question: 'service nginx-svc.default.svc.cluster.local not resolving from pods',
    fills: { '<service-name>': 'nginx-svc', '<namespace>': 'default' },
  },
  {
    question: '服务 redis.cache.svc 解析超时',
    fills: { '<service-name>': 'redis', '<namespace>': 'cache' },
  },
  { question: 'the service api.example.com is unreachable from pods', fills: {}, entities: { services: [] } },
  // `-n` of arp, route, iptables, ip is no namespace; of kubectl (also after another tool) it is.
  {
    question: 'speaker logs look fine, but arp -n returns (incomplete) for the VIP',
    fills: {},
    entities: { namespaces: [] },
  },
  {
    question: '宿主机 sed -n 5p /etc/resolv.conf 显示 nameserver 127.0.0.53',
    // The host's loopback stub resolver is no address a command run elsewhere reaches (see fill-objects.test.ts).
    fills: {},
    entities: { namespaces: [], nodes: [] },
  },
  {
    question: 'ip -n cni-1234 addr shows no address on eth0',
    fills: { '<iface>': 'eth0' },
    entities: { namespaces: [] },
  },
  {
    question: 'route -n looks right; kubectl get pods -n payments shows all running',
    fills: { '<namespace>': 'payments' },
  },
  {
    question: 'pod 里 nslookup 超时，看了 kubectl logs -n kube-system coredns 没报错',
    fills: { '<namespace>': 'kube-system' },
  },
  // 的 makes the name an owner: the host of nginx-service is no node named nginx-service; without 的 it names.
  {
    question: '只能通过部署了 nginx-service 的主机的 IP+端口进行访问',
    fills: {},
    entities: { nodes: [] },
  },
  { question: 'web-1 的 pod 都起不来', fills: {}, entities: { pods: [] } },
  { question: 'node-05 节点上的 pod 都起不来', fills: { '<node-name>': 'node-05' } },
  { question: 'prod 的命名空间里 pod 都起不来', fills: { '<namespace>': 'prod' } },
  // An address said to be the source is no target; a node an address sits on is where, not what, is reached.
  {
    question: '节点能上网，pod 不行，出口网卡抓到的源地址是 10.16.0.15',
    fills: {},
    entities: { ips: [expect.objectContaining({ ip: '10.16.0.15', direction: 'source' })] },
  },
  {
    question: 'snat does not work: the source ip is the endpoint ip 172.20.71.28 of the pod',
    fills: {},
  },
  {
    question:
      'my-nginx 172.30.96.3 在节点 10.192.29.218，kube-dns 172.30.19.7 在节点 10.192.29.217，跨节点不通',
    fills: { '<target-ip>': '172.30.19.7', '<node-ip>': '10.192.29.218' },
  },
  {
    question: 'curl times out on node 192.168.1.20 but works on the others',
    fills: { '<node-ip>': '192.168.1.20' },
  },
];

const ALL_PLACEHOLDERS = [
  '<pod>',
  '<pod-name>',
  '<namespace>',
  '<node>',
  '<node-name>',
  '<target>',
  '<target-ip>',
  '<pod-ip>',
  '<node-ip>',
  '<cluster-ip>',
  '<port>',
  '<service-name>',
  '<iface>',
];

/** Placeholders that always take the same value as their partner. */
const ALIASES: Array<[string, string]> = [
  ['<pod>', '<pod-name>'],
  ['<node>', '<node-name>'],
  ['<target-ip>', '<target>'],
];

function withAliases(fills: Record<string, string>): Record<string, string> {
  const out = { ...fills };
  for (const [a, b] of ALIASES) {
    const value = out[a] ?? out[b];
    if (value !== undefined) {
      out[a] = value;
      out[b] = value;
    }
  }
  return out;
}

describe('placeholder filling from the question', () => {
  it.each([...CASES, ...RULE_CASES])('$question', ({ question, fills, entities }) => {
    const values = placeholderValues(extractEntities(question));
    const expected = withAliases(fills);
    for (const placeholder of ALL_PLACEHOLDERS) {
      expect(values.get(placeholder), placeholder).toBe(expected[placeholder]);
    }
    if (entities) expect(extractEntities(question)).toMatchObject(entities);
  });

  it('maps a DNS server address to the DNS placeholders', () => {
    const values = placeholderValues(extractEntities('pod 里 nslookup 超时，nameserver 10.96.0.10'));
    expect(values.get('<dns-server>')).toBe('10.96.0.10');
    expect(values.get('<pod-ip>')).toBeUndefined();
  });

  it('has at least 25 realistic questions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });
});

describe('fillCommand', () => {
  it('fills what the question names, reports each fill once, and leaves the rest visible', () => {
    const filled = fillFromQuestion(
      'kubectl ko trace <namespace>/<pod> <target-ip> tcp <port> && kubectl get pod -n <namespace> <pod> -o wide',
      'kubectl exec -n prod nginx-7d9f8b6c5-x2x9q -- curl 10.96.0.10:53 超时',
    );
    expect(filled.command).toBe(
      'kubectl ko trace prod/nginx-7d9f8b6c5-x2x9q 10.96.0.10 tcp 53 && kubectl get pod -n prod nginx-7d9f8b6c5-x2x9q -o wide',
    );
    expect(filled.fills).toEqual([
      { placeholder: '<namespace>', value: 'prod' },
      { placeholder: '<pod>', value: 'nginx-7d9f8b6c5-x2x9q' },
      { placeholder: '<target-ip>', value: '10.96.0.10' },
      { placeholder: '<port>', value: '53' },
    ]);
  });

  it('keeps unfilled and unknown placeholders as written', () => {
    const filled = fillFromQuestion(
      'tcpdump -i <iface> -nn host <pod-ip> and port <port> <<EOF',
      'pod 访问 node 的 6443 不通',
    );
    expect(filled.command).toBe('tcpdump -i <iface> -nn host <pod-ip> and port 6443 <<EOF');
    expect(filled.fills).toEqual([{ placeholder: '<port>', value: '6443' }]);
  });

  it('never inserts shell metacharacters taken from the question', () => {
    const question = 'pod $(rm -rf /) 访问 svc `reboot` 不通 -n "; echo pwned" node a;b';
    const values = placeholderValues(extractEntities(question));
    for (const value of values.values()) expect(value).toMatch(/^[a-z0-9.:/-]+$/);
    const filled = fillCommand('kubectl get pod <pod> -n <namespace>', values);
    expect(filled.command).not.toMatch(/[$`;|&]/);
  });

  it('handles empty, huge and junk input without throwing', () => {
    expect(placeholderValues(extractEntities('')).size).toBe(0);
    const junk = `${'\u0000\uFFFD😀 pod 💥 '.repeat(500)}1.2.3.4.5.6 999.1.1.1 10.0.0.1:99999`;
    const entities = extractEntities(junk);
    expect(entities.ips.map((ip) => ip.ip)).toEqual(['10.0.0.1']);
    expect(entities.ports).toEqual([]);
    expect(extractEntities('x'.repeat(2000)).pods).toEqual([]);
  });
});

/**
 * Sentences from real reports (log lines, `kubectl get` output) whose numbers and words only look like ports or
 * object names, next to ones that do name them. Extraction is what every command fill draws on.
 */
describe('names and ports in logs and kubectl output', () => {
  const cases: Array<{ text: string; entities: Parameters<typeof expect>[0] }> = [
    // A source file and line in a log is no port.
    {
      text: 'E0608 16:48:04.379704 40123 ovs.go:282] ovn0 failed to ping gw 100.64.0.1, exit status 1',
      entities: { ports: [] },
    },
    {
      text: 'E0526 11:23:02.638029 6 subnet.go:603] subnet ovn-default cidr 10.1.0.0/16 conflict with node v2-master address 10.1.0.17',
      entities: { ports: [], nodes: ['v2-master'] },
    },
    {
      text: 'k8s-ovs-node状态不对，日志：E0715 eventqueue.go:109] error creating subnet for node k8s-201.iop.com',
      entities: { ports: [], nodes: ['k8s-201.iop.com'] },
    },
    // MAC addresses, times and names that start with digits are no ports either.
    {
      text: 'kubectl ko nbctl show: port nginx5.default addresses ["96:db:65:72:ba:46 10.16.0.10"]',
      entities: { ports: [] },
    },
    {
      text: 'x509: current time 2023-09-25T22:45:43Z is after 2023-09-25T12:10:16Z',
      entities: { ports: [] },
    },
    { text: '自建subnet：10-1-1-vm-backup，创建pod到.24时报错无法创建', entities: { ports: [] } },
    // The port a Go error names after its address still counts, masked or not.
    {
      text: 'HINFO: read udp X.X.X.X:45662->Y.Y.Y.Y:53: i/o timeout',
      entities: { ports: [53] },
    },
    { text: 'dial tcp 10.96.0.1:443: i/o timeout', entities: { ports: [443] } },
    // A masked address after "host" is no node name; the pod beside it is one.
    {
      text: 'POD auth-dev-ctl-6xah8 IP 172.16.37.7 HOST 104.x.x.52 Running',
      entities: { nodes: [], pods: ['auth-dev-ctl-6xah8'] },
    },
    // `po/` is the kind `kubectl get all` prints, not a namespace.
    {
      text: 'kubectl get all --all-namespaces: default po/my-nginx-4293833666-1x4cv 1/1 Running',
      entities: { namespaces: [], pods: ['my-nginx-4293833666-1x4cv'] },
    },
    // kube-proxy writes namespace/service:port: the namespace counts, the service is no pod.
    {
      text: 'iptables -t nat -nL -v | grep dns: KUBE-MARK-MASQ all 100.124.179.99 0.0.0.0/0 /* kube-system/kube-dns:dns */',
      entities: { pods: [], namespaces: ['kube-system'] },
    },
    {
      text: 'kube-proxy I0901 "Adding new service port" portName="tardis-ingress/tardis-kong-frontend:https" servicePort="10.26.188.146:443/TCP"',
      entities: { pods: [], namespaces: ['tardis-ingress'] },
    },
    // Another kind before namespace/name: a lease is no pod.
    {
      text: 'leaderelection.go:228] succesfully renewed lease kube-system/k8s-ovs-worker',
      entities: { pods: [] },
    },
    // An image's repository and tag are no namespace.
    {
      text: 'Normal Pulled 51m kubelet, user08 Container image "calico/cni:v3.6.5" already present on machine',
      entities: { namespaces: [] },
    },
    // A hyphenated phrase after "pod" names a feature, in English or Chinese prose.
    {
      text: 'kube-ovn pod snat-and-eip not work。您好，发现 pod snat-and-eip 并没有正常工作',
      entities: { pods: [] },
    },
    // Multus secondary interfaces are no pods.
    { text: 'Multi pod net1 nic use the same ip, eip also use the same ip', entities: { pods: [] } },
    // Positive: generated pod names in kubectl output, in English and Chinese reports.
    {
      text: '[root@k8s-Master log]# kubectl get pod -A: kube-ovn-controller-795959bc8d-gcnnh 0/1 CrashLoopBackOff 5',
      entities: { pods: ['kube-ovn-controller-795959bc8d-gcnnh'] },
    },
    {
      text: 'kubectl -n kube-system exec -ti cilium-qqkqn -- cilium-dbg status: KubeProxyReplacement: True [enp0s4 10.4.1.6]',
      entities: { namespaces: ['kube-system'], ifaces: ['enp0s4'] },
    },
  ];
  it.each(cases)('$text', ({ text, entities }) => {
    expect(extractEntities(text)).toMatchObject(entities as object);
  });
});

describe('names kubectl, kubelet and uname print, and the objects they are not', () => {
  const cases: Array<{ rule: string; text: string; entities: Parameters<typeof expect>[0] }> = [
    // A Kubernetes UID is no pod; kubelet's `name_namespace(uid)` gives the pod and its namespace.
    {
      rule: 'uid',
      text: 'kubelet[9505]: E0719 15:51:01.578706 9505 pod_workers.go:186] Error syncing pod d932ca48-8b58-11e8-a796-7625bd182864 ("coredns-78fcdf6894-4kv6n_kube-system(d932ca48-8b58-11e8-a796-7625bd182864)"), skipping',
      entities: { pods: ['coredns-78fcdf6894-4kv6n'], namespaces: ['kube-system'] },
    },
    {
      rule: 'uid',
      text: 'pod 9f0c2b1e-3a4d-4c5e-8f6a-7b8c9d0e1f2a 一直 Terminating',
      entities: { pods: [] },
    },
    // A DaemonSet's pod `calico-node-hr65k` is a pod, not a Calico interface (`cali12d4a061371`).
    {
      rule: 'calico pod',
      text: 'kubectl describe pod calico-node-j6zg8 -n kube-system: Node: kc0/192.168.11.110',
      entities: { pods: ['calico-node-j6zg8'], namespaces: ['kube-system'], nodes: ['kc0'] },
    },
    {
      rule: 'calico pod',
      text: '177.245.72.65 0.0.0.0 255.255.255.255 UH 0 0 0 cali12d4a061371',
      entities: { pods: [], nodes: [] },
    },
    // `describe`'s `Node: name/ip` names the node and gives its address the node's role.
    {
      rule: 'describe node',
      text: 'describe pod shows Name: calico-node-494dd, Namespace: kube-system, Node: k8s.kstych.com/192.168.1.2',
      entities: {
        nodes: ['k8s.kstych.com'],
        namespaces: ['kube-system'],
        ips: [{ ip: '192.168.1.2', role: 'node' }],
      },
    },
    {
      rule: 'describe node',
      text: 'kubectl describe pod samplepod: Namespace: default, Node: 172.26.0.68/172.26.0.68, Status: Pending',
      entities: { nodes: [], namespaces: ['default'] },
    },
    // An event's source `kubelet, <node>`.
    {
      rule: 'kubelet event',
      text: 'Normal Pulled 25m kubelet, k8s-node131 Container image "quay.io/calico/cni:v3.3.1" already present on machine',
      entities: { nodes: ['k8s-node131'] },
    },
    {
      rule: 'kubelet event',
      text: 'Warning Unhealthy kubelet Readiness probe failed: calico/node is not ready',
      entities: { nodes: [] },
    },
    // A `Namespace:` field, but not prose that happens to put a colon after "namespace".
    {
      rule: 'namespace field',
      text: 'kubectl describe svc at-consumer-platform: Name: at-consumer-platform-service, Namespace: default, Type: LoadBalancer',
      entities: { namespaces: ['default'] },
    },
    {
      rule: 'namespace field',
      text: 'then a busybox pod in the default namespace: both DNS resolution and traffic to other pods is still allowed',
      entities: { namespaces: [] },
    },
    {
      rule: 'namespace field',
      text: 'a NetworkPolicy allow-egress to allow all traffic to/from pods inside the namespace: egress - {}, ingress from podSelector {}',
      entities: { namespaces: [] },
    },
    // A name before a field's key is the previous field's value (`name:x namespace: y`).
    {
      rule: 'field key',
      text: 'KUBE-POD-FW-ROT4BAM3VUDO6SLJ all -- anywhere 10.42.0.82 /* rule to jump traffic destined to POD name:traefik-56b8c5fb5c-262tp namespace: kube-system */',
      entities: { pods: ['traefik-56b8c5fb5c-262tp'], namespaces: ['kube-system'] },
    },
    {
      rule: 'field key',
      text: 'prod-east 命名空间下的 pod 访问 svc 超时',
      entities: { namespaces: ['prod-east'] },
    },
    // `kubectl <verb> <kind> <name>`: the name, whatever its shape; not output pasted after the command.
    {
      rule: 'kubectl kind name',
      text: 'kubectl describe pod box -n default shows Readiness probe failed',
      entities: { pods: ['box'], namespaces: ['default'] },
    },
    {
      rule: 'kubectl kind name',
      text: '执行 kubectl get svc nginx，显示 ClusterIP 10.104.60.66，curl 不通',
      entities: { services: ['nginx'] },
    },
    {
      rule: 'kubectl kind name',
      text: 'kubectl get pods default busybox 1/1 Running 0 5m',
      entities: { pods: [], namespaces: [] },
    },
    // A word saying how the command went is no object's name.
    {
      rule: 'kubectl kind name',
      text: 'after the upgrade kubectl get nodes hangs',
      entities: { nodes: [] },
    },
    {
      rule: 'kubectl kind name',
      text: 'kubectl -n prod get svc fails',
      entities: { services: [], namespaces: ['prod'] },
    },
    {
      rule: 'kubectl kind name',
      text: '升级后执行 kubectl get svc web 卡住',
      entities: { services: ['web'] },
    },
    // The pod `kubectl exec` / `logs` runs in, when the report presents no other pod.
    {
      rule: 'kubectl exec',
      text: 'kubectl run box --image=busybox --restart=Never; kubectl exec -it box -- nslookup nginx: NXDOMAIN',
      entities: { pods: ['box'] },
    },
    {
      rule: 'kubectl exec',
      text: 'kubectl logs -f -n=容器云核心组件-system apiserver-68654cdc5-gg88b 报错 dial tcp 10.233.36.146:6379: i/o timeout',
      entities: { pods: ['apiserver-68654cdc5-gg88b'], namespaces: [] },
    },
    {
      rule: 'kubectl exec',
      // The `-n` of a look at the DNS add-on's pods by selector is the add-on's namespace (see `componentListings`).
      text: 'kubectl logs -l k8s-app=kube-dns -n kube-system shows nothing; kubectl exec -it <pod> -- sh',
      entities: { pods: [], namespaces: [] },
    },
    {
      rule: 'kubectl exec',
      text: 'I was able to curl it from another pod: kubectl exec -it another-pod -- curl -v web-test:8000 returns HTTP 200. From inside the web-test pod itself the same curl does not work.',
      entities: { pods: ['web-test'] },
    },
    // A plain word after the command's name is its pod only when the command is typed out (a flag, `--`, a tool run
    // in the pod, or the line ends); in prose it is the sentence's verb.
    {
      rule: 'kubectl exec',
      text: 'kubectl exec works but curl to the service from a pod times out',
      entities: { pods: [] },
    },
    {
      rule: 'kubectl exec',
      text: '`kubectl logs` fails with timeout, kubectl exec too, but kubectl get pods is fine',
      entities: { pods: [] },
    },
    {
      rule: 'kubectl exec',
      text: 'kubectl exec busybox nslookup kubernetes.default returns NXDOMAIN',
      entities: { pods: ['busybox'] },
    },
    // `uname -a`: the host name before the kernel release.
    {
      rule: 'uname',
      text: 'Kubernetes api v1.8.1, CoreOS 1520.8.0, Linux wd-test-m1 4.13.9-coreos, flannel Backend Type: host-gw',
      entities: { nodes: ['wd-test-m1'] },
    },
    {
      rule: 'uname',
      text: '内核：Linux version 5.4.0-48-generic，节点之间 pod 不通',
      entities: { nodes: [] },
    },
    // An interface is a name with a digit or a known prefix joined to more, not the bare word in prose.
    {
      rule: 'iface',
      text: 'Setting FLANNELD_IFACE=node1.example.com, flannel does not start. Which option picks the interface flannel uses?',
      entities: { ifaces: [] },
    },
    {
      rule: 'iface',
      text: 'tcpdump -i cilium_host 没有包，ip route 显示 dev vxlan.calico，interface br-int 也在',
      entities: { ifaces: ['cilium_host', 'vxlan.calico', 'br-int'] },
    },
    // A tunnel or bridge on a pasted route line is no interface the report is about; a NIC there is, and a device the
    // report names as the interface (`from interface cilium_vxlan`, `虚拟网卡ovn0`) is too.
    {
      rule: 'route dev',
      text: 'Node route: 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink, 10.244.1.0/24 dev cni0, default via 10.33.188.1 dev eth0',
      entities: { ifaces: ['eth0'] },
    },
    {
      rule: 'route dev',
      text: 'The packets is dropped when it comes back, and is from interface cilium_vxlan to interface lxcdf235337145c',
      entities: { ifaces: ['cilium_vxlan', 'lxcdf235337145c'] },
    },
    {
      rule: 'route dev',
      text: '重启后，默认子网虚拟网卡ovn0没能激活，路由 10.16.0.0/16 dev ovn0 也没了',
      entities: { ifaces: ['ovn0'] },
    },
    // An OVS tunnel or patch port of `ovs-vsctl show` has no kernel device (`tcpdump -i` cannot open it); internal
    // ports (`ovn0`, `mirror0`) and the NIC are devices.
    {
      rule: 'ovs port',
      text: 'pod 跨节点不通。ovs-vsctl show: Bridge br-int; Port ovn-eb1c67-0 Interface ovn-eb1c67-0 type: geneve options: {csum="true", remote_ip="172.18.0.3"}; Port ovn0 Interface ovn0 type: internal',
      entities: { ifaces: ['ovn0'] },
    },
    {
      rule: 'ovs port',
      text: 'Cross-node pods lose packets. ovs-vsctl show on node2: Port vxlan0 Interface vxlan0 type: vxlan options: {remote_ip=flow}; Port eth1 Interface eth1. tcpdump on vxlan0 shows nothing',
      entities: { ifaces: ['eth1'] },
    },
    {
      rule: 'ovs port',
      text: 'underlay pods cannot reach the gateway: Port int-br1-patch Interface int-br1-patch type: patch; Interface bond0 is up',
      entities: { ifaces: ['bond0'] },
    },
    {
      rule: 'ovs port',
      text: '网卡 ovn0 收不到回包，tcpdump -i ovn0 只看到 request',
      entities: { ifaces: ['ovn0'] },
    },
    // A route's `src` is where the route is, not where traffic comes from; a NIC comes before tunnels and bridges.
    {
      rule: 'route src',
      text: '$ ip r s: 10.187.3.0/24 dev cni0 proto kernel scope link src 10.187.3.1; 172.16.0.0/24 dev eth0 src 172.16.0.231',
      entities: {
        ips: [
          { ip: '10.187.3.1', direction: 'location' },
          { ip: '172.16.0.231', direction: 'location' },
        ],
        ifaces: ['eth0'],
      },
    },
    {
      rule: 'route src',
      text: 'tcpdump 看到 src 10.244.1.5 访问 10.96.0.10:53 没有回包',
      entities: {
        ips: [
          { ip: '10.244.1.5', direction: 'source' },
          { ip: '10.96.0.10', direction: 'destination' },
        ],
      },
    },
  ];
  it.each(cases)('$rule: $text', ({ text, entities }) => {
    expect(extractEntities(text)).toMatchObject(entities as object);
  });
});

describe('the target address and a Service address by role', () => {
  it('takes no target from a listing of three or more addresses', () => {
    const listing =
      'kubectl get nodes: k8smaster Ready 192.168.3.75; k8snode1 Ready 192.168.3.76; k8snode2 Ready 192.168.3.77';
    expect(placeholderValues(extractEntities(listing)).get('<target-ip>')).toBeUndefined();
    const peers =
      '高可用 datastore master nodes: 192.168.5.103:19001 192.168.5.104:19001 192.168.5.105:19001';
    expect(placeholderValues(extractEntities(peers)).get('<target-ip>')).toBeUndefined();
  });

  it('takes no target from an address ifconfig or ip addr shows on an interface', () => {
    const ifconfig =
      'The ip in the pod: [root@manager ~]# ifconfig eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST> mtu 1450 inet 10.242.1.35 netmask 255.255.254.0; nameservers 186.31.29.11';
    expect(extractEntities(ifconfig).ips).toMatchObject([
      { ip: '10.242.1.35', direction: 'location' },
      { ip: '186.31.29.11' },
    ]);
    expect(placeholderValues(extractEntities(ifconfig)).get('<target-ip>')).not.toBe('10.242.1.35');
    const ipAddr = '节点 ip addr: eth0 inet 192.168.1.27/24，从这台机器 ping 192.168.1.30 不通';
    expect(placeholderValues(extractEntities(ipAddr)).get('<target-ip>')).toBe('192.168.1.30');
  });

  it('still takes the last of two, and an access verb wins over any listing', () => {
    const two = 'my-nginx 172.30.96.3 在节点 10.192.29.218，kube-dns 172.30.19.7 跨节点不通';
    expect(placeholderValues(extractEntities(two)).get('<target-ip>')).toBe('172.30.19.7');
    const verb = 'pods 10.0.1.4 10.0.1.5 10.0.1.6 are Running but curl 10.0.1.9 times out';
    expect(placeholderValues(extractEntities(verb)).get('<target-ip>')).toBe('10.0.1.9');
  });

  it('reads one Service address written twice as the Service IP, but not two different ones', () => {
    const once =
      'Pod内部访问Service IP超时（如 10.233.36.146:6379）。error: dial tcp 10.233.36.146:6379: i/o timeout';
    expect(placeholderValues(extractEntities(once)).get('<cluster-ip>')).toBe('10.233.36.146');
    const two = 'clusterIP建联超1s：curl http://169.169.93.8 和 curl http://169.169.218.191';
    expect(placeholderValues(extractEntities(two)).get('<cluster-ip>')).toBeUndefined();
  });
});

describe('pasted listings, describe output and masked names (tests/eval/fills3.yaml reports)', () => {
  const fills = (question: string) => placeholderValues(extractEntities(question));

  it('singles out no pod, node or address from a listing of running pods', () => {
    const running =
      'Pod can only be accessed on its running node. # kubectl get po --all-namespaces -o wide: default frontend-987698689-z66nk 1/1 Running 2 1d 10.244.48.88 uy08-07; default redis-master-5f68fbf97c-vq65l 1/1 Running 2 1d 10.244.72.16 uy05-13; development snowflake-f88456558-ftklc 1/1 Running 2 1d 10.244.48.85 uy08-07.';
    expect(extractEntities(running)).toMatchObject({ pods: [], nodes: [] });
    expect(fills(running).get('<target-ip>')).toBeUndefined();
    const getAll =
      'Cannot access kube-api (with Service-IP) from a pod in default namespace. kubectl get all --all-namespaces -o wide: default pod/deploy-heketi-559446b649-lqjlc 1/1 Running 0 24m 192.168.2.9 node2; kube-system pod/calico-node-6vvkk 2/2 Running 2 1d 192.168.56.11 node1; kube-system pod/calico-node-h76bw 2/2 Running 3 1d 192.168.56.13 node3.';
    expect(extractEntities(getAll)).toMatchObject({ pods: [], nodes: [] });
    const zh =
      'cilium 跨节点 pod 不通：kubectl get pod -A -o wide: default busybox-k2kf7 1/1 Running 1 (42m ago) 102m 10.0.0.72 hcss-ecs-0616; default busybox-wxrvc 1/1 Running 1 (42m ago) 102m 10.0.1.174 k8s-109';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('takes the failing row of a listing, with the namespace of its row', () => {
    const crash =
      'coreDNS state in CrashLoopBackOff. I have the following Pods: kube-system calico-kube-controllers-5b644bc49c-fxprl 1/1 Running 2 46m; kube-system calico-node-d2s26 1/1 Running 2 46m; kube-system coredns-6955765f44-tmr65 0/1 CrashLoopBackOff 13 18m; kube-system coredns-6955765f44-wm4vg 0/1 CrashLoopBackOff 13 18m';
    expect(fills(crash).get('<pod>')).toBe('coredns-6955765f44-tmr65');
    expect(fills(crash).get('<namespace>')).toBe('kube-system');
    const notReady =
      'kubectl get nodes: node1 Ready master 11h v1.18.5; node2 NotReady <none> 11h v1.18.5, 节点 NotReady';
    expect(fills(notReady).get('<node-name>')).toBe('node2');
  });

  it("pairs a pod with the namespace written right after it, before an add-on's install namespace", () => {
    const en =
      'helm install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic; then my app pod web-6d4cf56db6-2xk9v in namespace shop gets 502 from the ingress';
    expect(fills(en).get('<pod>')).toBe('web-6d4cf56db6-2xk9v');
    expect(fills(en).get('<namespace>')).toBe('shop');
    const zh =
      '用 helm 把 traefik 装在 -n edge 下，之后 pod api-7f9d64b8d7-2xk6d 在 payments 命名空间，访问 svc 一直 502';
    expect(fills(zh).get('<namespace>')).toBe('payments');
    const flag =
      'kubectl get pods -n kube-system shows calico-node-x7k2p 1/1 Running; kubectl logs api-7f9d64b8d7-2xk6d -n payments shows dial tcp 10.96.0.1:443: i/o timeout';
    expect(fills(flag).get('<namespace>')).toBe('payments');
    // `nslookup` after the pod's name is a command run in it, no `ns` field.
    const lookup =
      "kubectl exec dnsutils-ds-jpw88 nslookup my-nginx 返回 server can't find my-nginx: NXDOMAIN，coredns 在 kube-system";
    expect(fills(lookup).get('<namespace>')).not.toBe('lookup');
  });

  it('reads a `get nodes` listing retyped short (name and status only) as rows: the NotReady node is the failing one', () => {
    const short =
      'Cluster not coming back up after master node reboot. k get nodes: node0001 Ready control-plane; node0002 Ready; node0003 NotReady control-plane; node0004 Ready worker. k get pods -A | grep ovn: kube-system kube-ovn-controller-576c9f9799-46vgs 0/1 CrashLoopBackOff';
    expect(fills(short).get('<node-name>')).toBe('node0003');
    const zh =
      '重启后集群起不来。kubectl get nodes：node-01 Ready master 10.0.0.11；node-02 NotReady <none> 10.0.0.12；node-03 Ready <none> 10.0.0.13。';
    expect(fills(zh).get('<node-name>')).toBe('node-02');
    // All Ready: a listing of the inventory singles no node out.
    const allReady =
      'pods cannot reach each other across nodes. kubectl get nodes: node-01 Ready master; node-02 Ready <none>; node-03 Ready <none>.';
    expect(fills(allReady).get('<node-name>')).toBeUndefined();
    // A node the report also names outside the listing is still its own.
    const named =
      'kubectl get nodes: node-01 Ready master; node-02 Ready <none>; node-03 Ready <none>. 只有 node-03 上的 pod 访问 svc 超时';
    expect(fills(named).get('<node-name>')).toBe('node-03');
  });

  it('keeps a listed pod the report also names elsewhere, and a listing of one row', () => {
    const named =
      'kubectl logs and exec do not work. kubectl get pods: busybox-7df9447df4-9mphh 1/1 Running 0 4s; busybox-7df9447df4-bhxkt 1/1 Running 0 4s. kubectl logs busybox-7df9447df4-bhxkt -v=9';
    expect(fills(named).get('<pod>')).toBe('busybox-7df9447df4-bhxkt');
    const one =
      "pod's network can not be ping from other nodes. # kubectl get all --all-namespaces -o wide: default po/nginx-deployment-431080787-ks1tz 1/1 Running 0 8s 10.244.0.2 k8s-node-1";
    expect(fills(one).get('<pod>')).toBe('nginx-deployment-431080787-ks1tz');
    expect(fills(one).get('<target-ip>')).toBe('10.244.0.2');
  });

  it('reads no Service address from the TYPE column of a Service listing, and no port from its AGE', () => {
    const svcs =
      '$ kubectl get svc: kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 5d22h; nginx LoadBalancer 10.111.74.182 172.19.188.15 80:30958/TCP 108s. On this node i can start the command "curl 172.19.188.15:80" and see: curl: (7) Failed connect';
    const values = fills(svcs);
    expect(values.get('<cluster-ip>')).toBeUndefined();
    expect(values.get('<target-ip>')).toBe('172.19.188.15');
    expect(values.get('<port>')).toBe('80');
    expect(extractEntities(svcs).ports).toEqual([80]);
    const one =
      'wget http://90.147.161.128:2368/ failed: Connection timed out. ghost LoadBalancer 10.152.183.238 90.147.161.28 2368:30161/TCP 30m';
    expect(fills(one).get('<service-name>')).toBe('ghost');
    expect(extractEntities(one).ports).toEqual([2368]);
  });

  it('reads a describe dump as where the pod is, not as an address the report tries', () => {
    const describe =
      'cilium status is wrong. kubectl describe pod cilium-lfmc2 -n kube-system: Name: cilium-lfmc2, Namespace: kube-system, Node: node0.local.lan/10.254.0.1, Status: Running, IP: 10.254.0.1, Controlled By: DaemonSet/cilium';
    expect(fills(describe).get('<node-name>')).toBe('node0.local.lan');
    expect(fills(describe).get('<target-ip>')).toBeUndefined();
  });

  it('fills no masked name and no count of machines', () => {
    const masked =
      '新节点的 Calico Node 无法启动, 使用 kubectl describe pod calico-node-xxxxx -n kube-system 查看 Pod 的状态,发现存活探针失败';
    expect(fills(masked).get('<pod>')).toBeUndefined();
    expect(fills(masked).get('<namespace>')).toBe('kube-system');
    const maskedEn =
      'kubectl exec -n kube-system kube-proxy-xxxxx -- cat /var/lib/kube-proxy/config.conf | grep mode';
    expect(fills(maskedEn).get('<pod>')).toBeUndefined();
    const counts =
      '创建集群，3 master 1worker节点，overlay 网络。异常节点路由信息对比：master3为访问异常节点';
    expect(extractEntities(counts).nodes).toEqual(['master3']);
    expect(extractEntities('a 3 master 2workers cluster, node NotReady').nodes).toEqual([]);
  });

  it('takes no target or node address from an inventory of two nodes', () => {
    const inventory =
      'NodePort 服务(skooner)只能从运行该服务Pod的节点IP访问。主节点IP:192.168.186.40,工作节点IP:192.168.186.41。';
    expect(fills(inventory).get('<target-ip>')).toBeUndefined();
    expect(fills(inventory).get('<node-ip>')).toBeUndefined();
    const one = '节点IP:192.168.186.41 上的 NodePort 访问不通';
    expect(fills(one).get('<node-ip>')).toBe('192.168.186.41');
  });

  it('keeps a port written with another address for that address', () => {
    const docker =
      'On auth-dev-ctl-9c8be (172.16.81.4): # ping 172.16.37.7: 100% packet loss. /usr/bin/docker -d -H tcp://127.0.0.1:4243 --bip=172.16.85.1/24';
    expect(fills(docker).get('<target-ip>')).toBe('172.16.37.7');
    expect(fills(docker).get('<port>')).toBeUndefined();
    expect(fills('pod 访问 node 的 6443 不通，节点 10.0.0.5').get('<port>')).toBe('6443');
  });

  it('reads no port from the bounds of a port range', () => {
    expect(extractEntities('how to modify the default port range of nodeport 30000-32767').ports).toEqual([]);
    expect(extractEntities('NodePort has default port range from 30000 - 32767?').ports).toEqual([]);
    expect(extractEntities('端口范围 30000~32767，nodeport 31080 不通').ports).toEqual([31080]);
    // The API server's own rejection ends the range with a full stop.
    expect(
      extractEntities(
        'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 2456: provided port is not in the valid range. The range of valid ports is 30000-32767.',
      ).ports,
    ).toEqual([]);
    expect(extractEntities('nodePort 范围是 30000-32767。我的 31080 不通').ports).toEqual([31080]);
    expect(extractEntities('curl 10.0.0.5:30080 fails. Range 30000-32767.5 is odd').ports).toContain(30080);
    expect(
      fills('On the master I can run curl 10.0.0.5:30000 and see the application is up').get('<port>'),
    ).toBe('30000');
  });

  it('takes no target from the rows of a pasted ipvsadm table', () => {
    const table =
      'NodePort does not work. ipvsadm -ln shows TCP 10.0.0.1:443 rr persistent 10800 -> 10.0.3.15:6443 Masq; TCP 10.0.0.10:53 rr -> 172.17.0.2:53; UDP 10.0.0.10:53 rr -> 172.17.0.2:53. Service my-nginx port 80.';
    expect(fills(table).get('<target-ip>')).toBeUndefined();
    expect(fills(table).get('<port>')).toBeUndefined();
    const zh =
      'ipvs 模式下 NodePort 不通。ipvsadm -Ln：TCP 10.96.0.1:443 rr -> 192.168.1.10:6443 Masq；TCP 10.96.0.10:53 rr -> 10.244.0.2:53 Masq';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    // One virtual server is the Service the report looks at.
    const one =
      'ipvsadm -Ln：TCP 10.104.23.47:80 rr -> 100.66.209.194:80 Masq，-> 100.66.209.195:80 Masq。访问超时';
    expect(fills(one).get('<target-ip>')).toBe('10.104.23.47');
    expect(fills(one).get('<port>')).toBe('80');
  });

  it('reads pod rows retyped without their RESTARTS cell as a listing', () => {
    const healthy =
      'pods cannot reach the internet. kubectl get pods -o wide -A: kube-system cilium-2s2h4 1/1 Running 5d10h 10.100.0.1 master1; cilium-6g7lm 1/1 Running 5d10h 10.100.0.11 node1; cilium-djjgr 1/1 Running 16h 10.100.0.12 node2';
    expect(fills(healthy).get('<pod>')).toBeUndefined();
    expect(fills(healthy).get('<node-name>')).toBeUndefined();
    const failing =
      '集群网络异常：kubectl get pods -o wide -A：calico-node-7xk2p 0/1 Running 3h 10.0.0.11 k8s-node1；calico-node-9fz4q 1/1 Running 3h 10.0.0.12 k8s-node2';
    expect(fills(failing).get('<pod>')).toBe('calico-node-7xk2p');
    expect(fills(failing).get('<node-name>')).toBe('k8s-node1');
  });

  it('fills the node the report places its pods on before the nodes it introduces its cluster with', () => {
    expect(
      fills('k3s server on host pi-master, agent pi-worker1: pods on pi-worker1 cannot reach 10.43.0.10').get(
        '<node-name>',
      ),
    ).toBe('pi-worker1');
    expect(
      fills(
        '集群有 master 节点 k8s-master 和 worker 节点 k8s-worker1，k8s-worker1 上的 pod 无法访问 10.96.0.10',
      ).get('<node-name>'),
    ).toBe('k8s-worker1');
    // A failing pod row's node stays first.
    expect(
      fills('coredns-757f4547d9-g6hd8 0/1 ContainerCreating on k8s-master; pods on k8s-node1 look fine').get(
        '<node-name>',
      ),
    ).toBe('k8s-master');
  });

  it('takes no target from the address the report expected instead of the one it saw', () => {
    const en =
      'externalTrafficPolicy: Local on service web; the source IP shows as 10.244.1.1 instead of the client 203.0.113.5';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<src-ip>')).toBe('10.244.1.1');
    const zh =
      '使用 externalTrafficPolicy: Local 后 pod 看到的源 IP 变成了 10.244.0.1 而不是客户端 IP 1.2.3.4';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<src-ip>')).toBe('10.244.0.1');
    // An address tried instead of another is still tried.
    expect(fills('curl 10.96.0.10 instead of the service name and it times out').get('<target-ip>')).toBe(
      '10.96.0.10',
    );
  });

  it('reads retyped pod rows the report elides between as a listing', () => {
    const elided =
      'I deployed 5 nginx to kube-public (nginx-59864f8d64-pgjfw 10.10.45.222 worker1 … nginx-59864f8d64-nvn2c 10.10.58.204 worker2), and the policy does not block';
    expect(fills(elided).get('<node-name>')).toBeUndefined();
    expect(fills(elided).get('<pod>')).toBeUndefined();
    const zh =
      '部署了 5 个 nginx（nginx-59864f8d64-pgjfw 10.10.45.222 worker1 ... nginx-59864f8d64-nvn2c 10.10.58.204 worker2），其中 nginx-59864f8d64-nvn2c 访问不了';
    expect(fills(zh).get('<pod>')).toBe('nginx-59864f8d64-nvn2c');
    expect(fills(zh).get('<node-name>')).toBeUndefined();
  });

  it('takes no node from a prompt the reporter typed kubectl at', () => {
    expect(
      fills('pods cannot reach the service. [root@k8s-master01 ~]# kubectl get svc -A shows my-svc').get(
        '<node-name>',
      ),
    ).toBeUndefined();
    expect(
      fills('pod 访问 svc 超时。root@master1:~# kubectl get pods -A').get('<node-name>'),
    ).toBeUndefined();
    // A host-local look does show the host.
    expect(
      fills('pods on this node fail. [root@node1 ~]# cat /run/flannel/subnet.env').get('<node-name>'),
    ).toBe('node1');
    // Named elsewhere as the failing node, it still is.
    expect(
      fills('pods on worker-2 cannot reach DNS. [root@worker-2 ~]# kubectl get pods -A').get('<node-name>'),
    ).toBe('worker-2');
  });

  it('reads no object from an iptables comment another tool wrote', () => {
    const weave =
      'iptables-save: -A WEAVE-NPC-EGRESS-DEFAULT -m comment --comment "DefaultAllow egress isolation for namespace: nfs-storage" -j WEAVE-NPC-EGRESS-ACCEPT';
    expect(fills(weave).get('<namespace>')).toBeUndefined();
    expect(fills('pods in namespace: nfs-storage cannot resolve names').get('<namespace>')).toBe(
      'nfs-storage',
    );
  });
});

describe('a fill needs evidence of its role: working paths, ranges, inventories and several ports fill nothing', () => {
  // Real sentences from the eval sets' reports (tests/eval/fills4.yaml, reports*.yaml), shortened.
  const cases: Case[] = [
    // The address the question says works is the comparison; the one that fails is the target.
    {
      question:
        'From a pod, ping 10.33.188.142 (a node) works but ping 10.244.1.5 (a pod on another node) fails.',
      fills: { '<target-ip>': '10.244.1.5' },
    },
    {
      question: '从 pod 里 ping 10.0.0.8 是通的，ping 10.244.2.7 不通',
      fills: { '<target-ip>': '10.244.2.7' },
    },
    {
      question:
        'ping 8.8.8.8: 64 bytes from 8.8.8.8: icmp_seq=1 ttl=57 time=14.5 ms; curl google.com: Could not resolve host',
      fills: {},
    },
    // A ping's reply line is where the reply came from; the address pinged stays the target.
    {
      question:
        'Pinging the node 172.18.0.3 from a pod: 64 bytes from 172.18.0.3: icmp_seq=6377 ttl=63, then no answer yet for icmp_seq=6379',
      fills: { '<target-ip>': '172.18.0.3', '<node-ip>': '172.18.0.3' },
    },
    // The wildcard a socket listens on names no host.
    {
      question:
        'pod 跨节点不通。ovs-vsctl show 里 geneve 端口已建立, netstat 看到 udp 0.0.0.0:6081, firewalld已关闭',
      fills: {},
    },
    // The ends of an address range name no one node.
    {
      question:
        'Service NodePort timeout. 3 k3s server nodes 192.168.20.201-203 installed with --flannel-backend=host-gw',
      fills: {},
    },
    { question: '三节点部署的K8S（IP：10.96.129.223~225），使用kube-ovn，访问 vip 不通', fills: {} },
    {
      question:
        'MetalLB L2 address pool 10.0.1.1-10.0.1.254; MetalLB correctly assigns 10.0.1.1 to it, arping gets no reply',
      fills: { '<target-ip>': '10.0.1.1' },
    },
    // Several nodes' addresses as the cluster's inventory: none is the node the report is about.
    {
      question: 'svc type: nodePort: 30098. minion: 10.99.1.1, 10.99.1.2; master: 10.99.2.1; using flannel',
      fills: { '<port>': '30098' },
    },
    {
      question:
        '集群有三台机器：master 192.168.1.10、node1 192.168.1.11、node2 192.168.1.12，NodePort 访问超时',
      // The names of that inventory are none the report's node either.
      fills: {},
    },
    // Several ports, none written with the target: a Service's port is not its NodePort.
    {
      question:
        'ports: name postgresql, protocol TCP, port 5432, targetPort 5432, nodePort 32415; type LoadBalancer',
      fills: {},
    },
    {
      question: 'Service ngx-service type NodePort，port 80，nodePort 30080，外部访问不了',
      fills: { '<service-name>': 'ngx-service' },
    },
    {
      question: 'NodePort 30080 works from the node itself but not from other machines',
      fills: { '<port>': '30080' },
    },
    // Three or more node names written as a list are the cluster's inventory; two are a path's ends.
    {
      question:
        '1. restart nodes & kubelet & docker 2. deploy k8s-node-1 & k8s-node-2 & k8s-node-3 after flannel, pods cannot reach each other',
      fills: {},
    },
    { question: '三节点部署的K8S（name: worker01、worker02、worker03），跨节点 pod 不通', fills: {} },
    {
      question: 'node-3 上的 pod 访问不了 node1、node2 上的 pod，node1 和 node2 之间正常',
      fills: { '<node-name>': 'node-3' },
    },
    // The source address a report gives is no target where it is written again, and a capture filter's `host` is
    // any address, not a node.
    {
      question: "外部服务收到的源 IP 是 10.244.1.5，tcpdump -i eth0 -nn 'host 10.244.1.5' 看到没被 SNAT",
      fills: { '<iface>': 'eth0' },
    },
    {
      question:
        'the external service sees source IP 10.244.1.5 instead of the node IP; tcpdump -i eth0 host 10.244.1.5 shows it leaving untranslated',
      fills: { '<iface>': 'eth0' },
    },
    {
      question: "tcpdump -i ens192 -nn 'host 10.244.2.7 and port 8472' 在节点上抓不到包",
      fills: { '<target-ip>': '10.244.2.7', '<port>': '8472', '<iface>': 'ens192' },
    },
    // A file's line number is no port.
    {
      question:
        'roles/kubernetes/control-plane/templates/kubeadm-config.v1beta3.yaml.j2:141: service-node-port-range',
      fills: {},
    },
  ];
  it.each(cases)('$question', ({ question, fills }) => {
    const values = placeholderValues(extractEntities(question));
    const expected = withAliases(fills);
    for (const placeholder of ALL_PLACEHOLDERS) {
      expect(values.get(placeholder), placeholder).toBe(expected[placeholder]);
    }
  });
});

describe('fills need the role the question gives the word', () => {
  const cases: Array<{ question: string; fills: Record<string, string> }> = [
    // A Service's field written with a hyphen is no Service; the pasted `get svc` row names it.
    {
      question:
        'service external-ip is not reachable from external network: dell-powermax-entrypoint LoadBalancer 10.43.235.15 192.25.26.12 7073:31329/TCP',
      fills: {
        '<service-name>': 'dell-powermax-entrypoint',
        '<target-ip>': '192.25.26.12',
        '<cluster-ip>': '10.43.235.15',
      },
    },
    { question: 'service cluster-ip 访问不通，但是 pod ip 可以', fills: {} },
    {
      question: 'service payment-api 的 external-ip 一直是 pending',
      fills: { '<service-name>': 'payment-api' },
    },
    // A count used as an adjective says what the cluster is; a counted plural lists names.
    {
      question:
        'Pods on one node cannot reach pods on other nodes. 3 node microk8s cluster. I suspect the calico-node pod on the problematic node',
      fills: {},
    },
    { question: '三节点 microk8s 集群，第三个节点上的 pod 访问不了其他节点的 pod', fills: {} },
    {
      // The three listed are the inventory; the node the pods fail on is written apart.
      question: '3 nodes node-1 node-2 node-3, pods on node-3 cannot reach node-1',
      fills: { '<node-name>': 'node-3' },
    },
    { question: 'a 2-node cluster: kubectl get nodes shows k8s-a NotReady', fills: {} },
    // An interface inside the pod is the pod's end of the veth, no host interface to capture on.
    {
      question:
        'with cross-subnet or always it no longer works (the 3 VMs share the same Openstack subnet). I suspect the MTU size: eth0 inside the pod has MTU 1500.',
      fills: {},
    },
    { question: '容器里的 eth0 MTU 是 1500，跨节点 pod 访问超时', fills: {} },
    { question: 'pod 的 eth0 MTU 1500，而节点网卡 ens192 是 1450', fills: { '<iface>': 'ens192' } },
    {
      question: 'tcpdump -nni eth0 on host1 shows UDP 8285 arriving but no reply',
      fills: { '<iface>': 'eth0', '<port>': '8285' },
    },
    // A name the question writes into a placeholder of its own is a variable of the explanation.
    {
      question:
        "the node it runs on is reachable (e.g. ping), but other nodes' external IP is not: if pod1 runs on node1, ping external_ip_of_node1 works, ping external_ip_of_node2 does not.",
      fills: {},
    },
    { question: 'pod 跑在 node1 上时 ping <node1的IP> 通，ping <node2的IP> 不通', fills: {} },
    {
      question: 'pods on node1 cannot reach pods on node2 after flanneld restarted',
      fills: { '<node-name>': 'node1' },
    },
  ];
  it.each(cases)('$question', ({ question, fills }) => {
    const values = placeholderValues(extractEntities(question));
    const expected = withAliases(fills);
    for (const placeholder of ALL_PLACEHOLDERS) {
      expect(values.get(placeholder), placeholder).toBe(expected[placeholder]);
    }
  });
});

describe('the words around names in pasted prompts, configs, logs and Chinese prose (tests/eval/fills5.yaml reports)', () => {
  const fills = (question: string) => placeholderValues(extractEntities(question));

  it('reads no object from the working directory of a shell prompt', () => {
    const en =
      '[root@master01 service]# curl nginx-02.nginx-clusterip-svc-headless.default.svc.cluster.local:80: curl: (6) Could not resolve host';
    expect(fills(en).get('<service-name>')).toBeUndefined();
    expect(fills(en).get('<node-name>')).toBe('master01');
    const zh = '[root@node1 service]# curl 10.96.0.10 一直超时，service 有 endpoints';
    expect(fills(zh).get('<service-name>')).toBeUndefined();
    expect(fills(zh).get('<node-name>')).toBe('node1');
    // Not a prompt: the object word and its name in prose.
    expect(fills('the web-api service on node1 times out').get('<service-name>')).toBe('web-api');
    expect(fills('节点 node-03 上的 service web-api 访问超时').get('<service-name>')).toBe('web-api');
  });

  it('reads no node from a dotted configuration key or a file path ending in an object word', () => {
    const key =
      'masters cannot be discovered: -Ediscovery.zen.ping.unicast.hosts=elasticsearch-discovery -Enode.name=es-master-75816607-7n3lz';
    expect(fills(key).get('<node-name>')).toBeUndefined();
    const hosts =
      'Could not resolve host: www.google.com. kubectl run busybox -- cat /etc/hosts: 10.42.0.20 busybox';
    expect(fills(hosts).get('<node-ip>')).toBeUndefined();
    const zh = 'pod 里 cat /etc/hosts: 10.244.1.7 web-0，解析不了外网';
    expect(fills(zh).get('<node-ip>')).toBeUndefined();
    // The words themselves still give the role.
    expect(fills('hosts=worker-03 cannot reach the pod').get('<node-name>')).toBe('worker-03');
    expect(fills('节点 10.0.0.12 上的 pod 访问不了外网').get('<node-ip>')).toBe('10.0.0.12');
  });

  it('reads no CNI or node daemon, and no id field, as an object name', () => {
    const zh =
      '使用 easzctl add-node 新增节点，等待新的节点 calico 启动之后，新节点上的pod ping不通 coredns pod ip';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    const id = '这个pod id 是k8s 分配的地方吗？节点上，没有办法ping 通';
    expect(fills(id).get('<pod>')).toBeUndefined();
    expect(fills('restart the node kubelet and the pod id changes').get('<pod>')).toBeUndefined();
    expect(fills('after a reboot the node flannel does not come up').get('<node-name>')).toBeUndefined();
    // A name of that place still fills.
    expect(fills('新节点 node-05 上的 pod ping 不通 coredns').get('<node-name>')).toBe('node-05');
  });

  it("reads kube-proxy's comment on a Service as a Service's namespace, not as a pod", () => {
    const en =
      'I run iptables-save and find: -A KUBE-SERVICES -d 172.19.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y';
    expect(fills(en).get('<pod>')).toBeUndefined();
    // `default/kubernetes` is the API server's own Service: its `default` is not the namespace of the report's objects.
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const user =
      'iptables -nvL -t nat shows KUBE-SVC-XGLOHA7QRQ3V22RZ tcp -- * * 0.0.0.0/0 10.96.12.7 /* shop/web:http cluster IP */ tcp dpt:80 with 0 packets';
    expect(fills(user).get('<namespace>')).toBe('shop');
    const zh =
      'iptables 规则里有 -m comment --comment "shop/web:http -> 10.233.65.35:8080" 但是 pod 访问 service 超时';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    expect(fills(zh).get('<namespace>')).toBe('shop');
    // A pod written as namespace/name still is one.
    expect(fills('kubectl logs kube-system/coredns-5c98db65d4-h6446 shows i/o timeout').get('<pod>')).toBe(
      'coredns-5c98db65d4-h6446',
    );
  });

  it("takes the destination of a Go dial error, and reads iptables' any-address column as no network", () => {
    const en =
      'coreDns log: Get https://172.19.0.1:443/api/v1/endpoints: dial tcp 172.19.0.1:443: i/o timeout; masters 192.168.3.45, 192.168.3.46 and 192.168.3.47';
    expect(fills(en).get('<target-ip>')).toBe('172.19.0.1');
    expect(fills(en).get('<port>')).toBe('443');
    const zh =
      'calico-kube-controllers 报错 dial tcp 10.96.0.1:443: i/o timeout，节点是 192.168.0.11、192.168.0.12、192.168.0.13';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.0.1');
    const any = 'iptables -t nat -L -n | grep 443: KUBE-HP-XXXXXX tcp -- 0.0.0.0/0 0.0.0.0/0 tcp dpt:443';
    expect(extractEntities(any).cidrs).toEqual([]);
    expect(extractEntities('服务器上 iptables 显示 0.0.0.0/0 到 10.244.0.0/16 都放行').cidrs).toEqual([
      '10.244.0.0/16',
    ]);
  });

  it('reads the role of an address from JSON, YAML and flag fields and from Service environment variables', () => {
    const json =
      'kcp get po owf-deployment-58b7bbdc94-xdfvg -o json | grep IP: "hostIP": "172.20.84.172", "podIP": "10.233.97.137", and curl from another node times out';
    expect(fills(json).get('<pod-ip>')).toBe('10.233.97.137');
    expect(fills(json).get('<node-ip>')).toBe('172.20.84.172');
    const yaml =
      'k3s config.yaml: bind-address: 192.168.152.201; node-ip: 192.168.152.201; pods cannot connect between nodes';
    expect(fills(yaml).get('<node-ip>')).toBe('192.168.152.201');
    const zh = 'kubelet 加了 --node-ip=10.20.0.7 之后，pod 访问 node 还是不通';
    expect(fills(zh).get('<node-ip>')).toBe('10.20.0.7');
    const env = 'pod 里 env 显示 KUBERNETES_SERVICE_HOST=10.96.0.1，但是连不上 apiserver';
    expect(fills(env).get('<cluster-ip>')).toBe('10.96.0.1');
    expect(fills(env).get('<node-ip>')).toBeUndefined();
    const two =
      'env: REDIS_PORT=tcp://10.0.0.11:6379 and ZK_PORT_2181_TCP_ADDR=10.43.16.45, the app cannot connect';
    expect(fills(two).get('<node-ip>')).toBeUndefined();
    expect(fills(two).get('<cluster-ip>')).toBeUndefined();
  });

  it("reads the CLUSTER-IP cell of the one Service row a report pastes as that Service's address", () => {
    const en =
      'Node port setting: owf-svc NodePort 10.233.44.11 <none> 8081:30016/TCP 6h34m. Only certain nodes get the HTTP content';
    expect(fills(en).get('<cluster-ip>')).toBe('10.233.44.11');
    const zh =
      'kubectl get svc 输出 web NodePort 10.96.100.1 <none> 80:30080/TCP 1d，其他节点 curl 30080 不通';
    expect(fills(zh).get('<cluster-ip>')).toBe('10.96.100.1');
    const two =
      'kubectl get svc: kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 5d; web NodePort 10.96.100.1 <none> 80:30080/TCP 1d';
    expect(fills(two).get('<cluster-ip>')).toBeUndefined();
  });

  it("reads a describe dump's Name and IP as that pod's or Service's, and no IP field outside one", () => {
    const en =
      'unable to discover other nodes. kubectl describe pod: Name: es-3802889608-im2re; Namespace: default; Node: gke-cluster-dev-es-d086e645-mn2j/10.132.0.6; Status: Running; IP: 10.0.2.9; Containers: es-node: Ports: 9200/TCP';
    expect(fills(en).get('<pod>')).toBe('es-3802889608-im2re');
    expect(fills(en).get('<pod-ip>')).toBe('10.0.2.9');
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const svc =
      'Connection timed out. $ kubectl -n ingress-nginx describe service/ingress-nginx-controller: Name: ingress-nginx-controller; Type: NodePort; IP: 10.98.62.6; NodePort: http 32080/TCP';
    expect(fills(svc).get('<cluster-ip>')).toBe('10.98.62.6');
    const zh =
      'kubectl describe pod web-0 -n shop 输出 Name: web-0 Namespace: shop Node: node-2/192.168.1.12 IP: 10.244.2.8，从 node-1 ping 10.244.2.8 不通';
    expect(fills(zh).get('<pod-ip>')).toBe('10.244.2.8');
    expect(fills(zh).get('<target-ip>')).toBe('10.244.2.8');
    // A cloud node's long name before its address, and a hostNetwork pod whose IP is its node's.
    const gke =
      'curl: (7) Failed to connect to helloworld-go.default.mydomain.com port 80. kubectl describe pods istio-security-post-install-1.5.1-gldz9: Namespace: istio-system, Node: gke-awear-mini-default-pool-15a06374-ddf1/10.132.0.21, Status: Running, IP: 10.60.1.12';
    expect(fills(gke).get('<node-ip>')).toBe('10.132.0.21');
    expect(fills(gke).get('<target-ip>')).toBeUndefined();
    const host =
      'calico-node 起不来。kubectl describe pod calico-node-j6zg8 -n kube-system: Node: kc0/192.168.11.110, IP: 192.168.11.110';
    expect(fills(host).get('<pod-ip>')).toBeUndefined();
    expect(fills(host).get('<node-ip>')).toBe('192.168.11.110');
    // No describe dump: an IP field names no pod, a Name field no object.
    expect(fills('my laptop has IP: 10.0.0.5 and cannot reach the NodePort').get('<pod-ip>')).toBeUndefined();
    expect(fills('配置文件里 Name: backend-01，IP: 10.0.0.9，访问不通').get('<pod>')).toBeUndefined();
  });

  it('reads a finished pod of a listing as no failing row', () => {
    const en =
      'pods cannot reach the apiserver. kubectl get pods -A: kube-system helm-install-traefik-xk8fj 0/1 Completed 0 5m; kube-system coredns-5c98db65d4-h6446 1/1 Running 0 5m; kube-system svclb-traefik-4ch7q 2/2 Running 0 5m';
    expect(fills(en).get('<pod>')).toBeUndefined();
    const failing =
      'kubectl get pods -A: kube-system helm-install-traefik-xk8fj 0/1 Completed 0 5m; kube-system coredns-5c98db65d4-h6446 0/1 CrashLoopBackOff 5 5m; kube-system svclb-traefik-4ch7q 2/2 Running 0 5m';
    expect(fills(failing).get('<pod>')).toBe('coredns-5c98db65d4-h6446');
    const zh =
      'kubectl get pod -o wide 显示: ingress-nginx-admission-create-7zq2m 0/1 Completed 0 2d; web-6d4cf56db6-2xk9v 0/1 CrashLoopBackOff 5 2d; web-6d4cf56db6-8fj2k 1/1 Running 0 2d，web 访问不通';
    expect(fills(zh).get('<pod>')).toBe('web-6d4cf56db6-2xk9v');
    const done =
      'kubernetes 显示的pod ip 实际上是node ip: my-tf-7f4668b9c4-lbvr7 1/1 Running 0 2d8h; my-torch-master-7f7d7f6496-278n6 0/1 Completed 1 5m46s';
    expect(fills(done).get('<pod>')).toBeUndefined();
  });
});

describe('a slash between two kind words is "or", not kubectl\'s kind/name', () => {
  it.each([
    // Real flannel-io/flannel#325.
    'Flannel not routing correctly. I have a pod/container with IP 10.1.75.2. I can ping/curl it from a machine it runs on, the same does not work on other machine: No route to host',
    // Constructed, Chinese.
    '跨节点的 node/host 之间能 ping 通，但 pod/容器 之间不通',
    'some pods/vms on node-2 cannot reach the service/app on node-1',
  ])('%s → no pod or service named after the slash', (question) => {
    const entities = extractEntities(question);
    for (const word of ['container', 'host', 'vms', 'app']) {
      expect(entities.pods).not.toContain(word);
      expect(entities.nodes).not.toContain(word);
      expect(entities.services).not.toContain(word);
    }
  });

  it('still reads kubectl notation: pod/nginx-0, svc/api, node/worker-1', () => {
    const entities = extractEntities('kubectl describe pod/nginx-0 and svc/api; node/worker-1 is NotReady');
    expect(entities.pods).toContain('nginx-0');
    expect(entities.services).toContain('api');
    expect(entities.nodes).toContain('worker-1');
  });
});
