import { describe, expect, it } from 'vitest';
import {
  checksUnnamedAddOn,
  checksUnnamedCni,
  checksUnnamedLoadBalancer,
} from '../../src/answer/unnamed-add-on.js';

const KUBE_DNS_LOGS = 'kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100';
const NSLOOKUP = 'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local';
const CILIUM_SERVICES =
  'kubectl -n kube-system exec $(kubectl -n kube-system get pod -l k8s-app=cilium -o name | head -1) -- cilium-dbg service list';
const CALICO_ROUTES = "ip route show | grep -E 'flannel|tunl0|bird'";
const KO_TRACE = 'kubectl ko trace <namespace>/<pod> <target-ip> icmp';
const PROXY_MODE = 'curl -s http://127.0.0.1:10249/proxyMode';
const OVN_GATEWAY =
  "kubectl get node <node-name> -o jsonpath='{.metadata.annotations.k8s\\.ovn\\.org/l3-gateway-config}'";

describe('checksUnnamedAddOn', () => {
  it('holds for a check of an add-on the report never names', () => {
    const serviceReport =
      'Cannot access kube-api (with Service-IP) from a pod in default namespace: dial tcp 10.96.0.1:443: i/o timeout';
    expect(checksUnnamedAddOn(KUBE_DNS_LOGS, serviceReport)).toBe(true);
    expect(checksUnnamedAddOn(NSLOOKUP, serviceReport)).toBe(true);
    expect(
      checksUnnamedAddOn(
        CILIUM_SERVICES,
        'k8s 服务访问。安装 dashboard 之后访问地址报错，查看了 endpoint 和 svc',
      ),
    ).toBe(true);
    expect(checksUnnamedAddOn(CALICO_ROUTES, 'pod 里 curl 1.1.1.1 超时，节点上 curl 是通的')).toBe(true);
    expect(checksUnnamedAddOn(KO_TRACE, 'Pods on one node cannot reach pods on the other node')).toBe(true);
    expect(checksUnnamedAddOn(OVN_GATEWAY, 'my docker cannot ping outside network eg. 8.8.8.8. in k8s')).toBe(
      true,
    );
    expect(checksUnnamedAddOn(OVN_GATEWAY, 'pod 访问外网超时，节点本身可以访问')).toBe(true);
  });

  it("reads an OVN-Kubernetes annotation whose dots a jsonpath escapes as OVN's", () => {
    expect(
      checksUnnamedAddOn(OVN_GATEWAY, 'pods lost egress after switching OVN-Kubernetes to shared gateway'),
    ).toBe(false);
  });

  it('does not hold when the report names the add-on, its CNI or what it serves', () => {
    expect(checksUnnamedAddOn(KUBE_DNS_LOGS, 'pod 里域名解析超时，ping 8.8.8.8 是通的')).toBe(false);
    expect(checksUnnamedAddOn(NSLOOKUP, '"nslookup k8sbook" does not work on docker desktop')).toBe(false);
    expect(
      checksUnnamedAddOn(CILIUM_SERVICES, 'NodePort services do not work with Cilium via a virtual IP'),
    ).toBe(false);
    expect(checksUnnamedAddOn(CALICO_ROUTES, 'calico ipipMode 下部分节点访问 pod ip 失败')).toBe(false);
    expect(checksUnnamedAddOn(KO_TRACE, 'br-int 上几乎没有流表，这台上的 pod 全不通')).toBe(false);
    expect(checksUnnamedAddOn(PROXY_MODE, 'kube-proxy --cluster-cidr does not result in SNAT')).toBe(false);
  });

  it('does not hold for a DNS check when the report says a name fails where its address works', () => {
    const redis =
      'The ClusterIP provided by redis service can normally connect to the redis service in k8s. If the redis service name cannot connect to the redis service in k8s, why is this';
    expect(checksUnnamedAddOn(KUBE_DNS_LOGS, redis)).toBe(false);
    expect(checksUnnamedAddOn(NSLOOKUP, '集群里用 ClusterIP 可以访问 redis，用服务名访问不通')).toBe(false);
    // Only the DNS add-on is suspected: a Calico check still tests what the report never names.
    expect(checksUnnamedAddOn(CALICO_ROUTES, redis)).toBe(true);
    // The Service's own address fails as well: not a lookup alone.
    expect(
      checksUnnamedAddOn(KUBE_DNS_LOGS, 'Can not access Service IP or Service name, but can access Pod IP'),
    ).toBe(true);
  });

  it('does not hold for a listing of which add-on runs, nor for a Service chain named after kube-proxy', () => {
    const report = 'set loadBalancerSourceRanges on the svc and now every request is dropped';
    expect(
      checksUnnamedAddOn(
        "kubectl get pods -n kube-system -o wide | grep -E 'calico|cilium|kube-ovn'",
        report,
      ),
    ).toBe(false);
    expect(checksUnnamedAddOn('iptables-save | grep KUBE-PROXY-FIREWALL', report)).toBe(false);
    expect(checksUnnamedAddOn(KO_TRACE, '自訂 VPC 裡的 pod 健康檢查全部失敗')).toBe(false);
  });

  it('does not hold for a check of no add-on, nor for flannel: its checks read the node itself', () => {
    const report = 'Pods on worker (node that is on a different subnet) unable to reach pods on the master';
    expect(checksUnnamedAddOn('ip route get <pod-ip>', report)).toBe(false);
    expect(checksUnnamedAddOn('bridge fdb show dev flannel.1', report)).toBe(false);
    expect(checksUnnamedAddOn('ip -4 addr show cni0', report)).toBe(false);
  });
});

const POLICY_RUNBOOK = 'network-policy/networkpolicy-debug.md NetworkPolicy 排查：谁在执行、为什么被拦';
const CALICO_RUNBOOK = 'calico/bgp-ipip.md Calico BGP 与 IPIP 排查';
const CILIUM_ENDPOINTS = 'kubectl -n kube-system exec ds/cilium -- cilium-dbg endpoint list';
const HUBBLE_DROPS = 'hubble observe --namespace <namespace> --verdict DROPPED --last 50';
const CALICO_POLICIES = 'calicoctl get networkpolicy -n <namespace> -o wide';

describe('checksUnnamedCni', () => {
  it("reads Kube-OVN's default subnet as a Kube-OVN check", () => {
    const subnetNat = "kubectl get subnet ovn-default -o jsonpath='{.spec.natOutgoing}'";
    const egressRunbook = 'pod-to-external/egress-internet.md Pod 访问集群外部 / 互联网不通';
    expect(
      checksUnnamedCni(subnetNat, '部署完之后 pod 无法 ping 通外网，calico-node 都是 Running', egressRunbook),
    ).toBe(true);
    expect(checksUnnamedCni(subnetNat, 'Pods cannot reach the internet after upgrading', egressRunbook)).toBe(
      true,
    );
    expect(checksUnnamedCni(subnetNat, 'Kube-OVN 集群里 pod 访问不了外网', egressRunbook)).toBe(false);
    expect(
      checksUnnamedCni(subnetNat, 'natOutgoing on my ovn subnet seems to do nothing', egressRunbook),
    ).toBe(false);
  });

  it("holds for one CNI's check in a runbook about no CNI, on a report naming none", () => {
    const report = 'Default Deny policy is created with ingress allow';
    expect(checksUnnamedCni(CILIUM_ENDPOINTS, report, POLICY_RUNBOOK)).toBe(true);
    expect(checksUnnamedCni(HUBBLE_DROPS, report, POLICY_RUNBOOK)).toBe(true);
    expect(
      checksUnnamedCni(
        CALICO_POLICIES,
        '写了 default-deny 策略，但两个命名空间的 pod 仍然互通',
        POLICY_RUNBOOK,
      ),
    ).toBe(true);
    expect(
      checksUnnamedCni(
        KO_TRACE,
        'egress NetworkPolicy is not applied: pods still reach the internet',
        POLICY_RUNBOOK,
      ),
    ).toBe(true);
  });

  it('does not hold when the report names an object or agent only Calico has', () => {
    const globalPolicies = 'calicoctl get globalnetworkpolicy -o wide';
    expect(
      checksUnnamedCni(
        globalPolicies,
        'GlobalNetworkPolicy with order 20 default deny plus a NetworkPolicy allow: all traffic is denied',
        POLICY_RUNBOOK,
      ),
    ).toBe(false);
    expect(
      checksUnnamedCni(globalPolicies, 'felix 日志里一直在刷新策略，pod 之间的访问全被拒绝', POLICY_RUNBOOK),
    ).toBe(false);
  });

  it('does not hold when the report or the runbook names that CNI', () => {
    expect(
      checksUnnamedCni(CILIUM_ENDPOINTS, 'NetworkPolicy not enforced on Cilium 1.14', POLICY_RUNBOOK),
    ).toBe(false);
    expect(
      checksUnnamedCni(HUBBLE_DROPS, 'hubble 显示 Policy denied，但策略允许了这个端口', POLICY_RUNBOOK),
    ).toBe(false);
    expect(checksUnnamedCni(CALICO_POLICIES, 'canal 集群里 default-deny 不生效', POLICY_RUNBOOK)).toBe(false);
    expect(
      checksUnnamedCni('calicoctl node status', 'pods on two nodes cannot reach each other', CALICO_RUNBOOK),
    ).toBe(false);
  });

  it('does not hold for a check of no CNI, of several, or of another add-on', () => {
    const report = '默认拒绝策略创建后仍然允许入站流量';
    expect(checksUnnamedCni('kubectl describe networkpolicy -n <namespace>', report, POLICY_RUNBOOK)).toBe(
      false,
    );
    expect(
      checksUnnamedCni(
        "kubectl get pods -n kube-system -o wide | grep -E 'calico|cilium|kube-ovn'",
        report,
        POLICY_RUNBOOK,
      ),
    ).toBe(false);
    expect(checksUnnamedCni(KUBE_DNS_LOGS, report, POLICY_RUNBOOK)).toBe(false);
    expect(checksUnnamedCni(PROXY_MODE, report, POLICY_RUNBOOK)).toBe(false);
  });
});

describe('checksUnnamedLoadBalancer', () => {
  const SPEAKER_LOGS = 'kubectl -n metallb-system logs -l component=speaker --tail=200 | grep <service-name>';
  it('is a MetalLB check for a report naming no LoadBalancer Service', () => {
    expect(
      checksUnnamedLoadBalancer(
        SPEAKER_LOGS,
        "Master-Node Doesn't serve service exposed port. Type: NodePort, External Traffic Policy: Cluster.",
      ),
    ).toBe(true);
    expect(checksUnnamedLoadBalancer(SPEAKER_LOGS, 'NodePort 服务只能在 Pod 所在节点访问')).toBe(true);
  });
  it('is not when the report names MetalLB, a LoadBalancer or its VIP, nor for another check', () => {
    expect(
      checksUnnamedLoadBalancer(SPEAKER_LOGS, 'MetalLB in layer2 mode: the external IP is not reachable'),
    ).toBe(false);
    expect(checksUnnamedLoadBalancer(SPEAKER_LOGS, 'LoadBalancer 类型的 Service 一直 pending')).toBe(false);
    expect(checksUnnamedLoadBalancer(SPEAKER_LOGS, '负载均衡 VIP 时通时断')).toBe(false);
    expect(
      checksUnnamedLoadBalancer(
        "iptables-save -t nat | grep -E 'KUBE-NODEPORTS|<namespace>/<service-name>'",
        'NodePort only answers on the node running the pod',
      ),
    ).toBe(false);
  });
});
