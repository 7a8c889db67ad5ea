import { describe, expect, it } from 'vitest';
import {
  appRegistryExplainedBy,
  clusterSetupExplainedBy,
  cniAbsentExplainedBy,
  cniSetupExplainedBy,
  interconnectExplainedBy,
  secondaryNetworkExplainedBy,
  uncoveredAppRegistry,
  uncoveredClusterSetup,
  uncoveredCniAbsent,
  uncoveredCniSetup,
  uncoveredInterconnect,
  uncoveredSecondaryNetwork,
} from '../../src/answer/uncovered-subjects.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredCniSetup: a node NotReady because no CNI is initialised', () => {
  it.each([
    // Real (doubt.yaml, shortened).
    'cni plugin not initialized: Node is always Not Ready when creating K8s cluster. kubectl -n kube-system get pod -o wide: coredns-5dd5756b68-fbtjv 0/1 Pending; etcd-raspi4-claster-2 Running.',
    // Real (fills2.yaml, shortened).
    "Can't get out of the NotReady state. kubectl get componentstatus is fine. kubectl describe node: KubeletNotReady runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized.",
    // Real (fills5.yaml, shortened).
    'All-in-one发生报错，node is noReady。执行all-in-one脚本时，节点一直处于notready状态导致执行失败。kubelet日志："Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"。',
    // Constructed.
    '新装的集群节点一直未就绪，kubelet 报 cni plugin not initialized。',
  ])('%s → declined', (question) => {
    expect(uncoveredCniSetup(question, false)).toContain('CNI');
    expect(uncoveredCniSetup(question, true)).toBeNull();
  });
  it.each([
    // Real (fills.yaml, shortened): the report names its CNI, whose runbook answers it.
    'Getting "runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized". kubeadm init --pod-network-cidr=10.244.0.0/16, flannel. The master node is NotReady.',
    // Real (facts6.yaml, shortened): the error is pasted in passing; the headline is about kube-proxy.
    "kube-proxy /healthz endpoint, despite the name, doesn't provide any health information about network status. After an incident, where some nodes failed to start (NetworkReady=false, error: cni plugin not initialized), we noticed that LoadBalancer Services kept sending traffic.",
    // Constructed: a node NotReady for another reason.
    'node-2 NotReady after reboot, kubelet says PLEG is not healthy',
    // Constructed: Chinese, naming Calico.
    'calico 装完以后节点还是 NotReady，报 cni plugin not initialized',
  ])('%s → not declined', (question) => {
    expect(uncoveredCniSetup(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names the error, not by its prose', () => {
    expect(cniSetupExplainedBy([doc('CNI', [], 'kubelet 报 cni plugin not initialized 时先装 CNI')])).toBe(
      false,
    );
    expect(cniSetupExplainedBy([doc('CNI', ['节点 NotReady，cni plugin not initialized'])])).toBe(true);
  });
});

describe("uncoveredSecondaryNetwork: a pod's second interface", () => {
  it.each([
    // Real (scope2.yaml, shortened).
    'Not able to access Multus 2nd network interface from node. I am able to ping the primary network address from the host/node. NetworkAttachmentDefinition yockgen-network: type macvlan, master ens4.',
    // Real (scope2.yaml, shortened).
    "Cannot ping the second interface's IP from another node. I added the second interface using macvlan and assigned it a default gateway like 192.168.0.1 and a host-local ipam.",
    // Real (scope2.yaml, shortened).
    'Multus-CNI与Calico VXLAN模式下Macvlan网络问题。通过Multus为Pod添加Macvlan类型的辅助网络接口时，响应无法返回Pod。',
    // Constructed.
    'pod 的次网卡 net1 (macvlan) 无法访问网关。',
  ])('%s → declined', (question) => {
    expect(uncoveredSecondaryNetwork(question, false)).toContain('Multus');
    expect(uncoveredSecondaryNetwork(question, true)).toBeNull();
  });
  it.each([
    // Real (scope2.yaml, shortened): the node's second NIC.
    'Problems routing traffic when multiple NICs. All my nodes have 2 nics, eth0 for internet (public ip) and eth1 for intranet; flannel picks the wrong one.',
    // Constructed: a node's second interface, no pod attachment.
    "Flannel uses the node's second interface eth1 and cross-node pods cannot ping each other.",
    // Real (reports4.yaml, shortened): the headline is about DNS; Multus is pasted later.
    'Timeout error in coredns. I see the below error in the coredns pod logs. kube-system pods: kube-multus-ds-amd64-x2k4h Running.',
    // Constructed: Multus is the cluster's setting; the headline names a Service path.
    'Pods on our Multus cluster time out on the ClusterIP of kube-dns. kube-multus-ds pods are Running.',
    'multus 集群里 pod 访问 service 超时',
    // Real (reports11.yaml, shortened): Cilium's ipvlan datapath mode.
    'using ipvlan mode, pods between hosts failed communicate. env: centos 7.2, kubernetes 1.11.2, cilium.',
  ])('%s → not declined', (question) => {
    expect(uncoveredSecondaryNetwork(question, false)).toBeNull();
  });
  it.each([
    // Real (reports15.yaml, shortened): macvlan named again and again, whatever path the headline names.
    "Pods cannot communicate with service cluster IP mode iptables with macvlan. Networking: cni with macvlan. The pods are not able to communicate with any service virtual ips, because macvlans don't go through the host system iptables chain rules.",
    // Real (reports16.yaml, shortened).
    'clusterip issue when cooperating with overlay cni。coredns 基于 calico 拉起， pod 基于 spiderpool macvlan 拉起，如果使用了 ebpf 解析clusterip，导致 macvlan 访问 coredns 时，流量直接走 macvlan 网卡而通信失败。',
    // Real (reports17.yaml, shortened).
    'uderlay 模式无法与已禁用的 overlay cni pod （calico）通讯。Spiderpool v1.0.5，Main CNI macvlan。集群默认 calico 子网池不足时会新增一个子网池。',
    // Constructed.
    'Pods get their address on an ipvlan interface of eth1 (NetworkAttachmentDefinition ipvlan-conf); they cannot reach the node.',
  ])('%s → declined: the pod attachment is named twice or more', (question) => {
    expect(uncoveredSecondaryNetwork(question, false)).toContain('macvlan');
    expect(uncoveredSecondaryNetwork(question, true)).toBeNull();
  });
  it.each([
    // Real (reports5.yaml, shortened): macvlan named once, as the cluster's setting of a DNS report.
    'DNS latency of 5s when uses iptables forward in pods network traffic. The DNS will get a 5s latency of AAAA. CNI is macvlan with host-local IPAM (subnet 172.20.0.0/17).',
    // Real (reports6.yaml, shortened): a ProviderNetwork its user named net1, not a pod attachment.
    'Underlay/Overlay 混合网络的集群，机器重启后kube-ovn启动异常。按“通过 CRD 动态创建 Underlay 网络”手动创建 ProviderNetwork（name 为 net1）、Vlan 和 Subnet，各节点都多了名为 br-net1 的虚拟网卡。',
    // Constructed: Multus named once beside a DNS timeout.
    '集群装了 multus，pod 访问 coredns 超时。',
  ])('%s → not declined: the attachment is named once', (question) => {
    expect(uncoveredSecondaryNetwork(question, false)).toBeNull();
  });
  it('is explained by a runbook whose title names it', () => {
    expect(secondaryNetworkExplainedBy([doc('Pod 主网卡路径')])).toBe(false);
    expect(secondaryNetworkExplainedBy([doc('Multus 辅助网络排查')])).toBe(true);
    expect(secondaryNetworkExplainedBy([doc('macvlan Pod 访问宿主机')])).toBe(true);
  });
});

describe("uncoveredInterconnect: Kube-OVN's cluster interconnection", () => {
  it.each([
    // Real (reports11.yaml, shortened).
    'ovn-ic的gw-nodes如果网关节点出故障，无法自动切换到配置的其他节点作为网关节点，导致通信故障。ovn-ic-config ConfigMap：enable-ic: true，gw-nodes: node-0,node-1。',
    // Real (scope3.yaml, shortened).
    'kubeovn ovn-ic 功能疑问。我发现流量路径是转发到ic-gateway节点上以后，再转发到对端集群的Gateway节点，再流入Pod。',
    // Constructed.
    'After enabling ovn-ic, pods in cluster A cannot reach pods in cluster B.',
  ])('%s → declined', (question) => {
    expect(uncoveredInterconnect(question, false)).toContain('ovn-ic');
    expect(uncoveredInterconnect(question, true)).toBeNull();
  });
  it.each([
    // Real (fills.yaml, shortened): the headline names the failure; ovn-ic-config is pasted later.
    '删除 kube-ovn-controller leader 节点多集群互联会出现网络不通的问题。kube-ovn 1.6.2，kubernetes v1.20.2。ConfigMap ovn-ic-config (namespace kube-system)。',
    // Constructed: no interconnection at all.
    'kube-ovn cross-node pods cannot ping each other over geneve',
  ])('%s → not declined', (question) => {
    expect(uncoveredInterconnect(question, false)).toBeNull();
  });
  it('is explained by a runbook whose heading names it', () => {
    expect(interconnectExplainedBy([doc('Kube-OVN 跨节点')])).toBe(false);
    expect(interconnectExplainedBy([doc('ovn-ic 多集群互联')])).toBe(true);
  });
});

describe('uncoveredClusterSetup: setting up the cluster itself failed', () => {
  it.each([
    // Real kubernetes/kubernetes#64171 (scope5.yaml, shortened).
    'kubeadm join preflight errors should not be errors. root@kube-test:~# kubeadm join 10.37.249.120:6443 --token <my token>: [preflight] Some fatal errors occurred: [ERROR Port-10250]: Port 10250 is in use; [ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists.',
    // Real KubeOperator/KubeOperator#252 (scope5.yaml).
    '阿里云多网卡环境安装集群失败。KubeOperator 版本 V2.4.43。Bug 描述：安装集群失败，导致 etcd 组件启动失败。Bug 重现步骤：1. 添加主机选择公网IP；2. 安装集群。',
    // Real labring/sealos#1594 (scope3.yaml, shortened).
    'sealos4.0 安装k8s1.22.5失败。sealos4 run labring/kubernetes:v1.22.5 labring/calico:v3.22.1 --masters 10.118.3.126 安装失败；查看了 systemctl status containerd、kubelet，registry没有启动。',
    // Real easzlab/kubeasz (scope3.yaml, shortened): `kubelet.service` is the node's systemd unit, not a Service.
    '启动kubelet报错。按照 quickStart 执行到 TASK [kube-node : 轮询等待kubelet启动] 时报错：fatal: [192.168.1.175]: FAILED! cmd: systemctl status kubelet.service|grep Active，stdout: Active: activating (auto-restart) (Result: exit-code)。',
    // Constructed: English, the same unit.
    'kubelet fails to start after kubeadm init. journalctl -u kubelet.service shows it exiting; containerd.service is active.',
    // Constructed: English.
    'Creating the cluster fails at the kubelet-start phase. kubeadm init stops with [kubelet-check] The HTTP call equal to curl -sSL http://localhost:10248/healthz failed.',
  ])('%s → declined', (question) => {
    expect(uncoveredClusterSetup(question, false)).toContain('cluster');
    expect(uncoveredClusterSetup(question, true)).toBeNull();
  });
  it.each([
    // Real kubernetes-sigs/kind#2886 (fills2.yaml, shortened): the body names the DNS cause, which a runbook explains.
    'Kind create cluster fails with 3 worker nodes. resolv.conf in the node has nameserver 2001:4860:4860::8888; in host I have nameserver 127.0.0.53. It is not able to resolve the DNS name kind-control-plane.',
    // Real projectcalico/calicoctl#2108 (fills2.yaml, shortened): Calico's BGP daemon, named in the headline.
    'kubeadm join: calico node fails with "unix /var/run/bird/bird.ctl: connect: no such file or directory". calico-node-8x2kq 0/1 Running on the joined node.',
    // Real opencmit/pangee-cluster#81 (scope5.yaml, shortened): the body names a refused connection; left to the
    // other declines.
    'macos下安装集群三个版本都是失败。第一次安装的时候会出现 FAILED - RETRYING: Master | wait for kube-scheduler；Request failed: <urlopen error [Errno 111] Connection refused>。',
    // Constructed: a Kubernetes Service named in the body beside the systemd unit.
    '启动kubelet报错。systemctl status kubelet.service 正常后，coredns 的 service 10.96.0.10 一直超时。',
    // Constructed: pods of a working cluster.
    'After installing the cluster with kubeadm, pods on different nodes cannot ping each other (flannel vxlan).',
  ])('%s → not declined', (question) => {
    expect(uncoveredClusterSetup(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names a failed install, not by its prose', () => {
    expect(clusterSetupExplainedBy([doc('集群', [], 'kubeadm join 失败时先看 preflight')])).toBe(false);
    expect(clusterSetupExplainedBy([doc('集群', ['安装集群失败，etcd 起不来'])])).toBe(true);
  });
});

describe("uncoveredCniAbsent: a CNI's own pods absent", () => {
  it.each([
    // Real labring/sealos#1034 (fills4.yaml, shortened).
    'sealos run之后没有calico pod. centos7.9, sealos4.0, k8s 1.24.0. kubectl get pods -n kube-system: coredns-6d4b75cb6d-6rx9l 1/1 Running; etcd-clx009 1/1 Running.',
    // Constructed.
    'No cilium pods were created after helm install. kubectl -n kube-system get ds shows nothing for cilium.',
    // Constructed (Chinese).
    'kube-flannel-ds 不存在，节点上也没有 flannel.1。',
    // Real (fills4.yaml, shortened): pods stuck in ContainerCreating, the plugin's DaemonSet absent in the body.
    '新部署的 Pod 长期卡在 "ContainerCreating" 状态。kubectl get pods -n kube-system 显示 kube-flannel-ds 不存在，/etc/cni/net.d/ 目录下缺少 Flannel 配置文件。',
    // Constructed: the same in English.
    'Pods stuck in ContainerCreating with FailedCreatePodSandBox. kubectl -n kube-system get pods shows no calico-node pods at all.',
  ])('%s → declined', (question) => {
    expect(uncoveredCniAbsent(question, false)).toContain('CNI');
    expect(uncoveredCniAbsent(question, true)).toBeNull();
  });
  it.each([
    // Constructed: pods stuck in ContainerCreating, the plugin's pods there (no absence said).
    'Pods stuck in ContainerCreating: failed to set up sandbox container network, no IP addresses available in range set. calico-node pods are Running.',
    // Constructed (Chinese): a path named in the headline; the absent DaemonSet in the body is beside it.
    'Pod 卡在 ContainerCreating，Service 也超时。kube-flannel-ds 不存在。',
    // Real (facts2.yaml, shortened): a value question; "not found" is in the body.
    'failed to get calico-node daemonsets.apps in kube-system namespace. err=daemonsets.apps "calico-node" not found. Which namespace is calico-node in when Calico is installed with the operator?',
    // Constructed: the plugin's pods are there and failing.
    'calico-node pods are 0/1 Ready on every node. BGP peers stay in Active.',
  ])('%s → not declined', (question) => {
    expect(uncoveredCniAbsent(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names absent plugin pods, not by its prose', () => {
    expect(cniAbsentExplainedBy([doc('Calico', [], '没有 calico pod 时先看安装')])).toBe(false);
    expect(cniAbsentExplainedBy([doc('Calico', ['集群里没有 calico pod'])])).toBe(true);
  });
});

describe('uncoveredAppRegistry: the address an application registers in its own registry', () => {
  it.each([
    // Real (fills6.yaml, shortened).
    'k8s环境部署高可用seata注册IP问题。使用官方文档的yaml在k8s上部署的seata，注册中心使用nacos。注册IP是pod里自动分配的IP，而使用SEATA_IP是设置的固定IP。',
    'dubbo部署到k8s，连接外部的ZK，外部dubbo连接ZK发现地址不通。dubbo注册的是容器的地址，外部服务的消费者取到容器地址无法访问。',
    // Constructed.
    'Eureka clients outside the cluster cannot call our services. Each Spring Boot pod registers its pod IP with Eureka, and callers outside Kubernetes cannot route to 10.244.x.x.',
  ])('%s → declined', (question) => {
    expect(uncoveredAppRegistry(question, false)).toContain('registry');
    expect(uncoveredAppRegistry(question, true)).toBeNull();
  });
  it.each([
    // Real (fills6.yaml, shortened): a headless Service's name not resolving is a DNS report.
    'nacos和微服务偶尔出现nacos-headless服务名无法解析。nacos日志: lookup nacos-headless on 10.96.0.10:53: no such host。',
    // Real (fills5.yaml, shortened): ZooKeeper members reaching each other through a headless Service.
    'Headless zookeeper service not reachable. kubectl logs -f cc-cp-zookeeper-0: CC_CP_ZOOKEEPER_PORT=tcp://10.43.16.45:2181, connection refused.',
    // Constructed: an address registered, but no application registry is the subject.
    'Flannel fails to come up after reboot. The journal shows dhcpcd: flannel.1: Registering new address 192.168.1.12.',
    // Constructed (Chinese): the registry named only in the body.
    '跨节点 pod 不通，ping 超时。业务是 dubbo 应用，注册的是 pod 的 IP 地址。',
  ])('%s → not declined', (question) => {
    expect(uncoveredAppRegistry(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names a registered address, not by its prose', () => {
    expect(appRegistryExplainedBy([doc('Headless', [], 'ZooKeeper 注册的地址')])).toBe(false);
    expect(appRegistryExplainedBy([doc('App', ['dubbo 注册的是 Pod IP，外部无法访问'])])).toBe(true);
  });
});
