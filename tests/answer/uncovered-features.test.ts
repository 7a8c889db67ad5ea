import { describe, expect, it } from 'vitest';
import { featuresExplainedBy, namesFeature, uncoveredFeature } from '../../src/answer/uncovered-features.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

const none = () => false;
const all = () => true;

describe('uncoveredFeature: a plugin feature no runbook explains, as the failing subject', () => {
  it.each([
    // Real (scope4.yaml, shortened).
    [
      'ClusterMesh - TCP not working between clusters endpoints. I have been trying to get cluster-mesh to work.',
      'clusters',
    ],
    [
      'clustermesh failed to connect to remote cluster on the first try. Four VMs on the same physical host.',
      'clusters',
    ],
    // Real (scope2.yaml, shortened).
    [
      '[Cluster mesh] One pod in cluster1 cannot access another pod in cluster2. Cilium 1.6.8, EKS v1.14.9.',
      'clusters',
    ],
    // Real (reports14.yaml).
    [
      'calico bgp rr模式，如何支持多k8s集群？如题，怎么配置calico bgp rr模式，使多个k8s集群的pod能够互联互通？',
      'clusters',
    ],
    // Constructed.
    ['两个集群之间跨集群 pod 互访失败。我们用了 Submariner。', 'clusters'],
    // Real (scope2.yaml, shortened).
    [
      'EgressIP with OVN-Kubernetes causes network connectivity issues. Pods drop connections from time to time.',
      'egress',
    ],
    // Real (reports14.yaml, shortened): the headline names the egress path, the body its gateway.
    [
      'Cilium Egress Masquerade does not work if pod is local. Egress Gateway does not masquerade when pod is running on Egress Node.',
      'egress',
    ],
    // Real (reports11.yaml, shortened).
    [
      'Fails to SNAT to the given static EIP (AWS). I deployed kube-static-egress to SNAT traffic from pods to an EIP. StaticEgressIP test: egressip <EIP>.',
      'egress',
    ],
    // Constructed.
    ['出口网关节点故障后 pod 出网中断。配置了 Egress Gateway 固定出口 IP。', 'egress'],
    // Real (reports14.yaml, shortened).
    ['Misbehaving L7Proxy makes Cilium API Unable to create new endpoint. The cilium API times out.', 'L7'],
    ['启用七层代理后 pod 无法创建。cilium 报错 envoy 启动失败。', 'L7'],
    // Real (scope3.yaml, scope4.yaml, shortened): a pod's bandwidth limit.
    [
      'ovn.kubernetes.io/egress_rate 参数不起作用。pod 注解 ovn.kubernetes.io/ingress_rate: "10"，用iperf3测试。',
      'bandwidth',
    ],
    [
      'QoS bandwidth annotations are reversed. Setting ingress_rate limits the egress of the pod.',
      'bandwidth',
    ],
    // Constructed.
    ['The kubernetes.io/egress-bandwidth annotation is ignored. iperf3 still shows 900 Mbit/s.', 'bandwidth'],
    ['指定命名空间下所有 pod 的流入流出限速不生效。kube-ovn v1.12。', 'bandwidth'],
    // Real (reports16.yaml, fills6.yaml, shortened): Kube-OVN's switch load-balancer objects.
    [
      '创建SwitchLBRule资源对象，VIP访问不通。希望使用SwitchLBRule对象的VIP负载均衡访问后端Pod。',
      'SwitchLBRule',
    ],
    [
      '[BUG] 同一子网内申请一个vip资源并配置负载，配置完该子网下的pod无法ping通网关了。又创建slr。',
      'SwitchLBRule',
    ],
    // Constructed.
    [
      "Backends behind my SwitchLBRule never answer. curl to the rule's vip hangs in the custom VPC.",
      'SwitchLBRule',
    ],
    // Real (reports16.yaml, shortened): pods on edge nodes behind an edge framework's tunnel.
    [
      'cloud nodes except connector cannot visit pods in edge nodes. 在边缘节点worker01搭建了一个nginx服务。',
      'edge',
    ],
    ['[BUG] 使用 raven 云边 pod 无法通信。CNI 插件：Calico v3.23.1。', 'edge'],
    [
      '云端节点通过tunnel 访问边端节点失败。SuperEdge version: 0.8.1, tunnel-cloud/tunnel-edge 0.8.1。',
      'edge',
    ],
    ['kubeedge join edge节点后在edge端部署了nginx但是无法访问。Kubernetes v1.28.15，keadm v1.17.0。', 'edge'],
    // Real (reports17.yaml, shortened).
    [
      'The communication between pods on the same edge node failed. I deployed two deps on the same edge node.',
      'edge',
    ],
    // Real (reports19.yaml, shortened): pods of two local clusters.
    [
      'Cannot comunicate mutually within 2 KinD clusters (podman). Cannot curl the other KinD cluster via cluster name: curl -k https://cluster1-control-plane:6443.',
      'clusters',
    ],
    // Constructed.
    ['Pods cannot talk between two k3d clusters. Each cluster has its own docker network.', 'clusters'],
    // Real (reports17.yaml, reports19.yaml, shortened): a cluster inside a desktop's VM.
    [
      'Rancher Desktop K8s cluster is not accessible via localhost. localhost:6379 does not work, 172.20.137.53:6379 works.',
      'desktop',
    ],
    [
      'cluster message pod→host reply is unreachable on Docker Desktop (macOS/Windows): kind bridge gateway is the VM, not the host.',
      'desktop',
    ],
    // Constructed (Chinese).
    ['Docker Desktop 自带的 k8s 里 pod 访问不到宿主机上的服务。宿主机 IP 192.168.1.5。', 'desktop'],
    // Real (scope4.yaml, shortened): the headline names annotations, the body keeps naming the limit.
    [
      '[BUG] ingress annotations设置后未生效。修改client pod 的 ingress_rate 后，带宽被限制为1Gbps，为ingress_rate值的1000倍。',
      'bandwidth',
    ],
    // Constructed.
    [
      'Annotation on my pod has no effect. I set kubernetes.io/egress-bandwidth: 10M and kubernetes.io/ingress-bandwidth: 10M, iperf3 shows 900 Mbit/s.',
      'bandwidth',
    ],
    // Real (fills6.yaml, shortened): a KubeVirt VM inside a pod.
    [
      "The kubevirt vm can't ping. I create a cirros vm in kubevirt+kubeovn env, the vm created successfully, but I can't ping the cirros, also I can't ssh into the vm.",
      'KubeVirt',
    ],
    // Constructed (Chinese).
    ['kubevirt 虚拟机热迁移后网络中断。virt-launcher pod 已重建，VM 内 ping 网关没有回应。', 'KubeVirt'],
    // Real (reports20.yaml, shortened): a VPP datapath.
    [
      'calico vpp failed to install on k8s cluster with dpdk as vpp_uplink_driver. Here you can see that the coredns and calico-kube-controllers pods are always not ready even they are running.',
      'VPP',
    ],
    // Constructed (Chinese).
    ['启用 Calico/VPP 数据面后跨节点 pod 不通。vpp 的 uplink 接口是 up 的。', 'VPP'],
  ])('%s → declined (%s)', (question, subject) => {
    expect(uncoveredFeature(question, none)).toContain(subject);
    // KB-relative: a runbook explaining the feature answers it.
    expect(uncoveredFeature(question, all)).toBeNull();
  });

  it.each([
    // A path a runbook covers in the headline: the feature is the setting.
    'DNS lookups fail from pods in a Cluster Mesh setup. nslookup kubernetes.default times out.',
    'Pods cannot reach ClusterIP 10.96.0.1 after enabling the egress gateway. curl times out.',
    // A plugin's component is the failing part (real, fills.yaml, shortened).
    '删除 kube-ovn-controller leader 节点多集群互联会出现网络不通的问题。kube-ovn 1.6.2，ovn-ic-config enable-ic "true"。',
    // The feature only in the body.
    'Pods on node2 cannot ping pods on node1. We also run Cluster Mesh and an EgressIP for one namespace.',
    // A plain SNAT report: the egress runbook answers it.
    'Pod egress traffic is not masqueraded to the node IP. The external server sees the pod IP 10.244.1.5.',
    '外部服务看到的源 IP 不是预期的出口 IP。pod 漂移后源 IP 变化。',
    // An egress headline naming a gateway once, as a fix considered: the egress runbook answers it.
    'Pod egress to the internet is masqueraded to a random node IP. Should we deploy an egress gateway for this?',
    // A virtual IP for the control plane (kube-vip, keepalived): the sets label such reports both ways (a held-out
    // report of this kind is answerable), so no decline.
    'ARP kube-vip not replying to worker nodes. The virtual IP works from the master node: netcat <v.i.p> 6443 answers.',
    'keepalived 的 VIP 在 master 节点切换后 worker 连不上。apiserver 6443 端口无响应。',
    'kube-vip does not announce my LoadBalancer address. The service type LoadBalancer stays pending.',
    // An ordinary Service VIP.
    'Cannot reach the service VIP from a pod. curl 10.96.12.4 hangs.',
    // A VIP that is no Kube-OVN object: MetalLB's, a Service's (above), a control plane's (keepalived, above).
    'MetalLB VIP 192.168.1.240 not reachable from outside the cluster. ARP has no entry for it.',
    'pods 无法 ping 通网关。同一子网内的 vip 是 keepalived 管理的。',
    // Slow pod traffic with no limit set, a DNS rate limit (a path a runbook covers), a limit only in the body.
    'Throughput between pods on different nodes is only 200 Mbit/s over VXLAN. iperf3 on the hosts gives 9 Gbit/s.',
    'CoreDNS rate limit drops queries from pods. nslookup kubernetes.default times out.',
    'Pods on node2 cannot reach pods on node1. We also set ovn.kubernetes.io/ingress_rate on some pods.',
    // An edge node's report of a path a runbook covers (real, fills2.yaml, shortened): that path is the subject.
    'edge node cannot access the service with clusterip. kubeedge v1.9, edgemesh agent is running.',
    'With the edgecore metaServer startup, edgemesh fails to support Service fuction. I tested Kubeedge V1.9.4.',
    '边缘节点上的 pod 解析不了 DNS。nslookup kubernetes.default 超时。',
    // The edge framework only in the body; "edge" of a router or an ingress tier is no edge framework.
    'Pods on node2 cannot ping pods on node1. Some of our nodes are also KubeEdge edge nodes.',
    'Packets to the pod network are dropped at our edge router. Traceroute stops at 10.0.0.1.',
    // A broken path in the headline, the limit named twice in the body as the cluster's setting.
    'Pods on node2 cannot reach pods on node1. We set ovn.kubernetes.io/ingress_rate and egress_rate on every pod.',
    '跨节点 pod 不通。所有 pod 都配了 ingress_rate 和 egress_rate 注解。',
    // Pods within one cluster, or a count of clusters that says nothing joins them.
    'Pods within the cluster cannot reach each other across nodes. flannel vxlan, 3 nodes.',
    'We run 2 kind clusters for CI; in one of them pods on worker2 cannot ping pods on worker1.',
    // Real (reports17.yaml, shortened): the desktop only in the body, a Service path in the headline.
    'Kubernetes: Cannot access service. I am running a cluster on Docker Desktop; curl to the ClusterIP hangs.',
    // Constructed (Chinese): the desktop named only in the body.
    '跨节点 pod 不通，ping 超时。开发机上另有一个 Docker Desktop 集群。',
    // Real (reports5.yaml, facts8.yaml, shortened): KubeVirt only in the body, the headline names the failing path.
    '集群外部无法访问集群内部分配的vip。k8s v1.22.7，kube-ovn v1.10.4。使用kubevirt在集群里面创建了KVM虚拟机，同时使用vips.kubeovn.io资源分配了一个vip。',
    '求助：MetalLB L2 下speaker节点 VIP 无 ARP 响应。创建 LoadBalancer Service 后，从 kubevirt 虚拟机内访问 VIP（2.2.222.250）不通。',
    // Real (reports18.yaml, fills.yaml, shortened): nodes or a VM of no KubeVirt.
    '我是自己的虚拟机，关闭启动后kuboard不能访问了。我搭好集群后安装kuboard是可以访问的。',
    'ip conflict. Create a vm, after some days create a pod in the same subnet ovn-default.',
    // Constructed: a KubeVirt VM on a path a runbook covers.
    'KubeVirt VM cannot reach a ClusterIP service. curl 10.96.0.10 times out from inside the VMI.',
    // Real (scope5.yaml, shortened): a VPP datapath only in the body of a DNS report.
    "coredns i/o timeout. hello, i've been install contiv-vpp. but in pod, domain name of kube service cannot be resolved.",
    // Real (reports.yaml, shortened): DPDK alone is OVS-DPDK of Kube-OVN, whose tunnels a runbook follows.
    'Kubeovn pod communication between different K8s cluster nodes not working when DPDK is enabled. geneve tunnels are not getting setup.',
  ])('%s → not declined', (question) => {
    expect(uncoveredFeature(question, none)).toBeNull();
  });
});

describe('featuresExplainedBy: only what a runbook states as its topic', () => {
  it('a fix column or prose mentioning EgressIP explains nothing; a symptom naming it does', () => {
    const passing = [
      doc(
        'Pod 访问外网',
        ['外部服务看到的源 IP 不是预期的出口 IP'],
        '使用 EgressIP / Egress Gateway 固定出口',
      ),
    ];
    expect(featuresExplainedBy(passing)('egress gateways and egress IPs')).toBe(false);
    const stating = [doc('Pod 访问外网', ['EgressIP 生效后连接中断'])];
    expect(featuresExplainedBy(stating)('egress gateways and egress IPs')).toBe(true);
    expect(
      featuresExplainedBy([doc('边缘节点 pod 不通', ['云边 pod 无法通信'])])(
        'pods on edge nodes joined through an edge framework (KubeEdge, OpenYurt Raven, SuperEdge)',
      ),
    ).toBe(true);
    expect(
      featuresExplainedBy([doc('Cilium Cluster Mesh 排障')])(
        'joining pods of several clusters (Cluster Mesh, shared route reflectors)',
      ),
    ).toBe(true);
  });
});

describe('namesFeature: an asking clause about the feature itself', () => {
  it('names the feature, not a value of a covered part', () => {
    expect(namesFeature('how do I configure cluster mesh?')).toBe(true);
    expect(namesFeature('what is the default VXLAN port?')).toBe(false);
    expect(namesFeature('OpenYurt 的 raven 怎么配置？')).toBe(true);
  });
});
