import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import {
  type AllocationKind,
  allocationExplainedBy,
  answerDetailedReport,
  answerNamedCniReport,
  coveredNames,
  DETAILED_REPORT_FLOOR,
  kubeletStreamExplainedBy,
  NAMED_CNI_FLOOR,
  namedCniClose,
  namedIn,
  needsClarifying,
  outsideNetworking,
  proseOf,
  routingExplainedBy,
  uncoveredAllocation,
  uncoveredKubeletStream,
  uncoveredMesh,
  uncoveredPlugin,
  uncoveredRouting,
  uncoveredSoleCniBinary,
  uncoveredVpcNat,
  vagueness,
  vpcNatExplainedBy,
} from '../../src/answer/clarify.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

describe('needsClarifying: vague reports of broken networking', () => {
  it.each([
    '网络挂了 急',
    '网络挂了 pod 之间都不通 急',
    'network is down, pods cannot talk to each other, help',
    'pod 之间不通',
  ])('%s → clarify', (question) => {
    expect(needsClarifying(question, false)).toBe(true);
  });

  it.each([
    // A port and a path, a topology, a component, an error: specific enough to answer.
    'pod 访问 node 的 6443 不通',
    '跨节点 pod 之间 ping 不通',
    'kubectl ko sbctl show 里少了一台机器的 chassis，那台上的 pod 跟别人都不通',
    '装了 docker 之后同一台机器上的 pod 之间全断了，FORWARD 默认 DROP',
    // Long, but its symptom matches a troubleshooting row.
    'after upgrading the nodes, pods on node-03 time out calling the kubernetes service 10.96.0.1:443 while other nodes are fine',
    // Not a networking report at all: nothing to clarify (retrieval decides).
    'coredns 解析失败',
  ])('%s → answer', (question) => {
    expect(needsClarifying(question, false)).toBe(false);
  });

  it('stops counting at two signals and agrees with the full count', () => {
    const reports = [
      '网络挂了 急',
      '网络不通 10.0.0.5',
      '网络不通 10.0.0.5:8080',
      'network is down on node-03, pods cannot reach 10.96.0.1',
      'network broken: wireguard wireguard-go wg0 all down, pods cannot talk',
      'pods cannot talk to each other since the flannel upgrade',
      `network is down ${'and pods cannot reach each other '.repeat(40)}kubectl conntrack tcpdump`,
    ];
    for (const question of reports)
      expect(needsClarifying(question, false), question).toBe(vagueness(question).signals < 2);
    expect(reports.map((question) => needsClarifying(question, false))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('never clarifies when the cluster’s CNI is known', () => {
    expect(needsClarifying('网络挂了 pod 之间都不通 急', true)).toBe(false);
  });
});

describe('outsideNetworking: subjects of other trades', () => {
  it.each([
    'node 磁盘满了 怎么清理 docker 镜像',
    'PVC 一直 pending 是什么原因',
    'java 堆内存溢出怎么调 -Xmx',
    'pods getting terminated with Exit Code: 137 and Reason: Error, Restart Count 1',
    // Real kubernetes/kubernetes reports: the component a certificate belongs to is not a network path.
    'After renew the certs getting error in kube-apiserver pod logs: Unable to authenticate the request due to an error: x509: certificate has expired or is not yet valid. Restarted docker, containerd and kubelet but still getting the same issue.',
    'apiservers pki expired on the master and renew does not seem to take effect. I ran kubeadm alpha cert renew all but when restarting kubelet it still says its expired.',
    // Real imroc/kubernetes-practice-guide#40: a pod's lifecycle, in four words.
    'Pod 一直处于 Terminating 状态',
    // Real kubernetes/kubernetes#107205: a namespace quota.
    'resource limits seems to be ignored when deploying a pod. I deployed a pod with limits.cpu and limits.memory on a namespace with a ResourceQuota and I get the error: failed quota: <quota name>: must specify limits.cpu,limits.memory.',
    // Real (reports3): a service account is an identity, not a Service.
    'About when you get a HTTP 403 for your service account: pods is forbidden: User "system:serviceaccount:bluezero:default" cannot list resource "pods" in API group "" in the namespace "bluezero". I just don\'t see any way that I can grant permissions to the default service account.',
    '節點 NotReady 之後 pod 多久會被驅逐',
    // Real kubernetes/kubernetes#50345 and Kuadrant/authorino#429.
    'ConfigMaps and Secrets mounted with subPath do not update when changed. I wanted to mount a ConfigMap and a Secret directly as a file and used subPath: mountPath /usr/src/app/config/config.json subPath config.json. If I change them, the updates are not projected into the currently running pods.',
    'Unable to list AuthConfigs due to conversion webhook error. kubectl get authconfigs returns Error from server: conversion webhook for authorino.kuadrant.io/v1beta1, Kind=AuthConfig failed: 0-length response with status code: 200 and content type: application/json.',
    // Real kubernetes/kubernetes#116133 and hashicorp/vault-k8s#52: scheduling and pod security.
    'When I launch a pod the state of the pod is pending. kubectl describe pods apache-7f6fddb7df-q229r: 0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    'We make use of Pod Security Policies; when deploying an application with vault agent injection the pod fails to start: unable to validate against any pod security policy: allowPrivilegeEscalation: Invalid value: true.',
    // Real nds-org/jupyter-et#13: the kubelet's pod lifecycle event generator.
    'Node marked as NotReady due to PLEG failure. Ready False KubeletNotReady PLEG is not healthy: pleg was last seen active 16h17m50.791825508s ago; threshold is 3m0s.',
    // Constructed: a chart's install failure names no network part.
    'helm install fails with Error: INSTALLATION FAILED: chart requires kubeVersion >=1.25.0 which is incompatible',
  ])('%s → declined', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
  it.each([
    'pod 拉镜像超时，节点访问 harbor 443 不通',
    'kubectl top node 内存正常，但 pod 之间跨节点丢包',
    'coredns 解析失败',
    'curl exits with exit code 7 when a pod connects to the service, connection refused',
    // A certificate error on the way to the apiserver through a Service is still a path (real kubespray report).
    'coredns logs x509: certificate is valid for 10.233.0.1, not 10.96.0.1 when it calls the apiserver service',
    // Constructed: a webhook the API server cannot reach through its Service is a path.
    'failed calling webhook: Post https://cert-manager-webhook.cert-manager.svc:443/mutate: dial tcp 10.96.0.12:443: i/o timeout',
    // Constructed: the DNS pods' service account, and lookups that time out.
    'coredns service account cannot list endpoints and DNS lookups in pods time out',
    // Constructed: the taint a network plugin sets until it is ready says the network is not.
    'pods stay pending: node had taint node.kubernetes.io/network-unavailable, calico-node not ready',
    // Constructed: draining connections is a load balancer's, and the path is named.
    'connections are not drained when a node is removed from the NodePort service; clients see connection reset',
    // Real cilium/cilium#23872 (shortened): the pod CIDR a CNI installed with helm hands out is addressing.
    "I set ipam.operator.clusterPoolIPv4PodCIDR=10.1.0.0/16 why the pod ip allocated is still 10.0. install cilium with: helm install cilium . -n kube-system --set cluster.id=2. What pod CIDR does Cilium's cluster-pool IPAM use by default?",
  ])('%s → networking', (question) => {
    expect(outsideNetworking(question)).toBe(false);
  });
});

describe('outsideNetworking: what a report pastes and what its headline is about', () => {
  it('reads past routine kubelet events (an image already on the node, a container started)', () => {
    // Real projectcalico/calico#7958 events: the calico-node readiness failure is the report.
    const events =
      'calico-node is not ready. 25m Normal Pulled pod/calico-node-xmx82 Container image "docker.io/calico/node:master" already present on machine; 25m Normal Created pod/calico-node-xmx82 Created container calico-node; 25m Normal Started pod/calico-node-xmx82 Started container calico-node; 25m Warning Unhealthy pod/calico-node-xmx82 Readiness probe failed: calico/node is not ready: BIRD is not ready: Error querying BIRD: unable to connect to BIRDv4 socket: dial unix /var/run/bird/bird.ctl: connect: no such file or directory';
    expect(outsideNetworking(events)).toBe(false);
    // Real https://github.com/projectcalico/calico/issues/2834: the report names no probe, only BIRD and the events.
    expect(
      outsideNetworking(
        'calico/node is not ready: BIRD is not ready: Error querying BIRD: unable to connect to BIRDv4 socket: dial unix /var/run/bird/bird.ctl: connect: no such file or directory. Events: Normal Pulled 51m kubelet, user08 Container image "calico/cni:v3.6.5" already present on machine; Normal Created 51m kubelet, user08 Created container upgrade-ipam; Started container install-cni. Ready False.',
      ),
    ).toBe(false);
    // Real kubernetes/kubernetes#63393: pulling the image is what fails, not a routine event.
    expect(
      outsideNetworking(
        'Failed to pull image "192.168.1.225:5000/youben/data-transfer:1.0-SNAPSHOT". Events: Back-off pulling image; Error: ErrImagePull; Error: ImagePullBackOff. When I use the command docker pull on the node it works.',
      ),
    ).toBe(true);
  });
  it.each([
    // Real k3s-io/k3s#4914: the connection error is where the restore stopped.
    'Cluster restore fails with "127.0.0.1:6444: read: connection reset by peer". k3s v1.23.1+k3s1, 3 servers and 1 agent. Restore from snapshot fails on a multinode setup: create a 3 node cluster, take snapshot, stop k3s on all nodes, restore from snapshot. Actual: restore fails; log: Running load balancer 127.0.0.1:6444 -> [172.31.1.59:6443]; ERRO failed to get CA certs: Get "https://127.0.0.1:6444/cacerts": read tcp connection reset by peer.',
    // Real easzlab/kubeasz#1516.
    'etcd 备份还原失败。etcd恢复快照报错信息如下 dk ezctl restore k8s-01: TASK [cluster-restore : 准备指定的备份etcd 数据] changed: [10.34.45.192] changed: [10.34.45.191] changed: [10.34.45.193]',
    // Real kubernetes/kubernetes#89682: the kubelet's cgroup driver; the CNI lines are the kubelet's start-up log.
    'Kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd". kubelet log: Connecting to docker on unix:///var/run/docker.sock; Hairpin mode set to "promiscuous-bridge" but kubenet is not enabled, falling back to "hairpin-veth"; Unable to update cni config: no networks found in /etc/cni/net.d; Docker cri networking managed by kubernetes.io/no-op; failed to run Kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd".',
  ])('a headline about another trade: %s → declined', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
  it.each([
    // Real kubeovn/kube-ovn#6130: the quoted daemon set is a CNI component, not an error message.
    '使用install.sh安装失败，提示：Waiting for daemon set "ovs-ovn" rollout to finish: 0 of 1 updated pods are available... Kube-OVN v1.14.24, Kubernetes v1.32.3, Ubuntu 22.04.5。./install.sh: Default Network Mode: geneve, Default Subnet CIDR: 10.16.0.0/16, Join Subnet CIDR: 100.64.0.0/16; [Step 1/6] Label kube-ovn-master node: node/master-01 labeled; [Step 2/6] Install OVN components: Install OVN DB in 192.168.16.129。', // Real kubernetes/ingress-nginx#2062: the headline names a network setting.
    'nginx-ingress-controller pod in CrashLoopBackOff state when externalIPs and hostNetwork=true are set. I see the nginx-ingress-controller pod in CrashLoopBackOff due to the error Port 80 is already in use. Please check the flag --http-port, when actually there is no port collision of http port 80 on any node in the cluster. helm install --name my-nginx-ingress stable/nginx-ingress --set controller.hostNetwork=true --set controller.service.externalIPs={10.10.97.200}; pod my-nginx-ingress-controller-5b6c48c7dc-z5cvv 0/1 CrashLoopBackOff.',
    // Real k3s restore report whose headline is about the restore but names the network path too.
    'When i restore a backup, i get localhost:6443 was refused. Hello, im testing the new feature about backup and restore the controller node; when i start the controller service and i ask for the nodes or pods, i get an error: localhost:6443 was refused.',
    // Real coredns/coredns#6321: the headline says only how it failed; the body says coredns and its resolv.conf.
    "CrashLoopBackOff on minikube. I'm trying to diagnose a failing coredns. When running a minikube I'm getting a CrashLoopBackOff on the coredns pod. I have followed the directions at https://coredns.io/plugins/loop/#troubleshooting. If I remove loop or replace /etc/resolv.conf by 8.8.8.8 in the config map it works for the coredns pod.",
  ])('a headline about a network path or CNI: %s → networking', (question) => {
    expect(outsideNetworking(question)).toBe(false);
  });
  it.each([
    // Real kubernetes/kubernetes#66568: the scheduler's event is where it showed; the body is a HostPort conflict.
    "FailedScheduling didn't have free ports. The scheduler cannot place pod test-deploy-dccc46c97-dz286 on node app-pool2-13-europe-central1.testdc.com because of a ports conflict: the pod wants HostPort 8080, 80, 443, 8001 and 9091, and the node already has TCP 443, 8001, 9091, 8080 and 80 in use. 0/N nodes are available: node(s) didn't have free ports for the requested pod ports.",
    // Real https://www.zhifeiya.cn/post/2025/10/2/3f54ef9d: scaling out is what was tried; the body traces it to DNS.
    '微服务突然失联：某电商平台的库存服务突然出现大规模调用失败，扩容后问题依旧存在。运维工程师在某个Pod中执行了 nslookup order-service，返回的是 SERVFAIL: resolution failed 错误，整条故障链的源头是DNS解析故障。',
  ])(
    'a headline about another trade over a body naming only the network cause: %s → networking',
    (question) => {
      expect(outsideNetworking(question)).toBe(false);
    },
  );
  it.each([
    // Real kubernetes/minikube#2381: a pasted error chain ends in the kubelet's cgroup driver; the CNI lines follow it.
    'kubelet: Exit with error: failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd". localkube: Unable to read manifest path "/etc/kubernetes/manifests": unable to create inotify: too many open files; Hairpin mode set to "promiscuous-bridge" but kubenet is not enabled, falling back to "hairpin-veth"; Unable to update cni config: No networks found in /etc/cni/net.d; Docker cri networking managed by kubernetes.io/no-op.',
    // Real goharbor/harbor#11439: the body names the certificate again, beside the NodePort it is served on.
    'docker登陆harbor 出现x509：certificate signed by unknown authority。docker的版本18.09，kubernetes版本：16.0，harbor版本v1.10.1，helm部署。harbor暴露服务的方式是nodePort，使用自动创建的证书，访问的地址：www.harbor.com:30003。可以通过ca.crt上传helm-chart，不能登陆到harbor，报错为：x509: certificate signed by unknown authority。',
  ])('a headline about another trade whose body stays on it: %s → declined', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
});

describe('uncoveredPlugin: a network plugin the KB has no runbook for', () => {
  // The KB's own words: runbooks name the plugins they cover and their parts.
  const known = namedIn(() => [
    'Calico 跨节点：calico-node 的 BIRD 与 IPIP',
    'Kube-OVN：kube-ovn-cni、ovs-ovn 与 ovn0，ovs-vsctl show',
    'Flannel VXLAN：kube-flannel、flannel.1 与 cni0，/etc/cni/net.d/10-flannel.conflist',
    'Ingress 与 NodePort',
  ]);
  it.each([
    // Real kubeovn/kube-ovn#1160.
    [
      'multus网卡配置不生效。使用multus配置网卡attachnet1，并指定attachnet1的子网为net1，配置不生效，attachnet1网卡最后分配到默认子网。测试pod centos-tools: annotations v1.multus-cni.io/default-network: default/attachnet1, attachnet1.default.ovn.kubernetes.io/logical_switch: net1。',
      'multus',
    ],
    // Real kubeovn/kube-ovn#604.
    [
      'Multi-nic Kube-ovn issue. cat /etc/cni/net.d/00-multus.conf: "name": "multus-cni-network", "type": "multus", delegates kube-ovn with "server_socket":"/run/openvswitch/kube-ovn-daemon.sock". With a macvlan network attachment definition with IPAM type host-local I can see the interface in my sample pod, while with IPAM type kube-ovn the interface is not visible.',
      'multus',
    ],
    // Real tangle329/k8s-ovs#4: the plugin's per-node component, named by its DaemonSets.
    [
      'k8s-ovs-node状态为CrashLoopBackOff。使用kubeadm安装的k8s集群，部署该网络时k8s-ovs-node状态不对，日志：error creating subnet for node k8s-201.iop.com; succesfully renewed lease kube-system/k8s-ovs-worker',
      'k8s-ovs',
    ],
    // Real k8snetworkplumbingwg/multus-cni#702.
    [
      'networkPlugin cni failed to set up pod "test_default" network. kubectl describe pod samplepod: Annotations: k8s.v1.cni.cncf.io/networks: host-devices-1, Status: Pending, Reason: ContainerCreating. Multus with the host-device plugin.',
      'host-device',
    ],
  ])('%s → %s', (question, plugin) => {
    expect(uncoveredPlugin(question, known)).toBe(plugin);
  });
  it.each([
    // Named once, as the setting of a NodePort report (real John-Lin/ovs-cni#20, Traditional Chinese).
    'Kubernetes NodePort 無法存取Pod。使用kubeadm建立Cluster並使用ovs-cni plugin，在建立網路之後，我使用NodePort去存取Pod，但是在Cluster中只能存取Pod所在的Node。',
    // A plugin the KB covers, named many times (real projectcalico reports, shortened).
    'calico-node is not ready: BIRD is not ready: BGP not established with 192.168.10.172. calico-node-8chkg 1/2 Running; calico-node-jkkmr 1/2 Running.',
    // Constructed: object names (nodes numbered like pods), not a plugin.
    'pods on gpu-node-1 cannot reach pods on gpu-node-2, both Ready, ping times out',
    // Real projectcalico/calico#8720 (shortened): "philinh-node" is a host in the node listing (status Ready beside
    // it), not a "philinh" plugin's per-node component named twice.
    "pod calico-node on worker nodes with 'CrashLoopBackOff'. I have 2 virtual machine: master-node: IP private 10.0.0.4; philinh-node: IP private 10.0.0.5. philinh-node join in cluster; kubectl get node shows master-node Ready control-plane 10.0.0.4 and philinh-node Ready 10.0.0.5.",
    // Constructed, Chinese: the same for a NotReady node.
    'kubectl get nodes 显示 gpu-node Ready，infer-node NotReady；infer-node 上的 pod 访问 service 超时',
    // Constructed: hosts named "<name>-node", numbered or not, and a "three-node" cluster, not plugins' components.
    'ubuntu-node and ubuntu-node2 cannot reach the service on ubuntu-node1; the pods on ubuntu-node time out to 10.96.0.10',
    'We run a three-node kind cluster with three nodes; pods on the three-node setup cannot resolve kubernetes.default',
    // Constructed: "which CNI plugin" asks about plugins and names none.
    'Which CNI plugin should I use, and which plugin supports NetworkPolicy?',
    // A plugin's init container is a step of its life, not another plugin (real projectcalico/calico#1806).
    'calico-node keeps restart as error. This is happening with kube 1.13.1 and calico 3.4.0. kubectl describe pod -n kube-system calico-node-j6zg8: Name: calico-node-j6zg8, Namespace: kube-system, Node: kc0/192.168.11.110, Status: Running, IP: 192.168.11.110, Controlled By: DaemonSet/calico-node, Init Containers: install-cni, Image: quay.io/calico/cni:v3.4.0, Command: /install-cni.sh.',
    // An ingress controller is not a network plugin (real kubernetes/ingress-nginx#2062).
    'nginx-ingress-controller pod in CrashLoopBackOff state when externalIPs and hostNetwork=true are set. I see the nginx-ingress-controller pod in CrashLoopBackOff due to the error Port 80 is already in use. Please check the flag --http-port, when actually there is no port collision of http port 80 on any node in the cluster. helm install --name my-nginx-ingress stable/nginx-ingress --set controller.hostNetwork=true --set controller.service.externalIPs={10.10.97.200}; pod my-nginx-ingress-controller-5b6c48c7dc-z5cvv 0/1 CrashLoopBackOff.',
    // "inter-node" and "internet" share the part "inter": a topology word, not a plugin named twice (real
    // projectcalico/calico#9969).
    'Pod-to-Pod communication across nodes not working after installation. Kubernetes 1.31 + CentOS Stream 9 using kubeadm + Calico v3.29.2. Current: pod-to-pod on the same node works, but inter-node pod communication fails (connection refused / timeout); pods have internet access but no DNS resolution.',
    // The same for "intra-node" and "cross-node" beside words that start alike (constructed, Chinese).
    'intra-node 的 pod 互访正常，cross-node 不通；intranet 上的机器也访问不了 pod，crossplane 无关',
    // A container runtime and its CNI package are the node's set-up, not a network plugin (real flannel-io/flannel
    // report, shortened).
    'Potential host-local incompatibility with flannel? I followed standard installation guide for containerd/containerd-cni. Next I installed flannel, same default configuration. Two pods running on distinct nodes might have the same IP address.',
    // Constructed, Chinese: the same.
    '按照 containerd/containerd-cni 的安装指南装好 containerd，再装了 flannel。两个节点上的 pod 分到了同一个 IP。',
  ])('%s → covered or not a plugin', (question) => {
    expect(uncoveredPlugin(question, known)).toBeNull();
  });
  it.each([
    // Real (fills2.yaml, shortened): a plugin in wide use, named once, in the first sentence.
    [
      'kind cluster unable to connect after restart using Antrea v1.2.3. Control plane: cat ovs-vswitchd.log: bridge|INFO|ovs-vswitchd (Open vSwitch) 2.15.1.',
      'antrea',
    ],
    // Real (fills2.yaml, shortened).
    [
      'Nodes are missing some peer route entries (kube-router). network_routes_controller.go:365] Advertising route: 172.18.5.0/24 via 10.128.8.50 to peers.',
      'kube-router',
    ],
    // Real (fills5.yaml, shortened).
    [
      'Weave worker nodes in two different subnets - strange behavior. status connections: <- 10.50.212.141:33002 established fastdp mtu=1337.',
      'weave',
    ],
    // Constructed, Chinese.
    ['集群用的是 weave，跨节点 pod 不通。', 'weave'],
    // Constructed: a plugin's per-node pod said to be not ready in prose, beside a node listing, is still the plugin.
    [
      'weave-node not ready after upgrade; weave-node logs show fastdp errors. kubectl get nodes: node1 Ready',
      'weave',
    ],
    // Constructed, Chinese: the same.
    ['weave-node 未就绪，weave-node 日志报错；节点 node1 Ready', 'weave'],
  ])('%s → %s (first sentence)', (question, plugin) => {
    expect(uncoveredPlugin(question, known)).toBe(plugin);
  });
  it.each([
    // Real (reports11.yaml): the first sentence names MTU, which a runbook of any plugin explains.
    'Allow users to configure MTU on kindnet. Pods get the host MTU and large packets are dropped over the overlay.',
    // Real (reports8.yaml, shortened): a host port.
    'HostPort not working on a single node kubeadm cluster with kube-router. curl node:8080 is refused.',
    // Real (fills2.yaml, shortened): CoreDNS.
    'CoreDNS not started with k8s 1.11 and weave (CentOS 7). coredns pods stay in ContainerCreating.',
    // Constructed, Chinese: egress SNAT.
    '用 weave 的集群 pod 访问外网时 SNAT 不生效。',
    // Constructed: the plugin only in the body, named once.
    'Pods cannot reach each other across nodes. The cluster was installed with kubeadm and runs weave.',
  ])('%s → a path of any plugin, or the plugin not in the first sentence', (question) => {
    expect(uncoveredPlugin(question, known)).toBeNull();
  });
  it('does not read "through plugin" in a pasted kubelet log as a plugin named "through"', () => {
    // Real (fills5.yaml, shortened): kubelet's dockershim log says which plugin it asked, in prose.
    const minikube =
      'host.minikube.internal fails to resolve as seen by the host. minikube kubelet[1170]: docker_sandbox.go:401] "Failed to read pod IP from plugin/docker" err="Couldn\'t find network status for default/hydra-6f6468fb4c-sz54x through plugin: invalid network status for"; docker_sandbox.go:401] "Failed to read pod IP from plugin/docker" err="Couldn\'t find network status for default/dev-login-5f7c84dcff-qbqcm through plugin: invalid network status for".';
    expect(uncoveredPlugin(minikube, known)).toBeNull();
  });
  it('does not read a multi-node or worker-node cluster as a plugin', () => {
    // Real canonical/microk8s#3519 (shortened): "multi-node" and "-m multiport" name no plugin.
    expect(
      uncoveredPlugin(
        'udp communication from host os to pod dropped in case of multi-node cluster. -A cali-fw-cali7facf2bb570 -p udp -m comment --comment "Drop VXLAN encapped packets originating in workloads" -m multiport --dports 4789 -j DROP',
        known,
      ),
    ).toBeNull();
    expect(
      uncoveredPlugin(
        'pods on a worker-node cannot reach the master-node; worker nodes and master nodes are Ready',
        known,
      ),
    ).toBeNull();
  });
  it('does not read a preposition before "CNI plugin" as a plugin', () => {
    // Real kubernetes/kubernetes#45790 (shortened): "with" stands before "CNI plugin" and again later in the report.
    expect(
      uncoveredPlugin(
        'hairpin not set by kubelet with CNI plugin. Kubernetes 1.6.2 on AWS, CoreOS. Try creating a service with a cluster IP. Then try accessing the service IP and port from within a target pod. It hangs.',
        known,
      ),
    ).toBeNull();
    // Constructed (Chinese report, English plugin phrase): "using … plugin", "for the plugin".
    expect(
      uncoveredPlugin(
        '集群使用 flannel，节点上 pod 访问 service 超时。using bridge plugin; 我们 for plugin 配置了 hairpinMode，using 的还是默认值。',
        known,
      ),
    ).toBeNull();
  });
  it('does not read the bare name of a plugin a cluster runs as the subject of its report', () => {
    // Constructed: a kind cluster's report lists its kindnet pods twice; the failing path is a Service's.
    expect(
      uncoveredPlugin(
        'ClusterIP service times out from pods on kind. kube-system kindnet-4xk2p 1/1 Running; kube-system kindnet-9wq7z 1/1 Running',
        known,
      ),
    ).toBeNull();
  });
  it('names a widely used plugin by its bare name only as a subject, not in passing', () => {
    // Constructed: the cluster once ran Weave; the report is about Calico, which the KB covers.
    expect(
      uncoveredPlugin('We moved from weave to calico; calico-node is not ready: BGP not established', known),
    ).toBeNull();
  });
  it('reads iptables chains a plugin installed as the cluster, not the subject', () => {
    // Real metallb/metallb#407: a MetalLB report whose pasted iptables-save shows Weave's chains.
    expect(
      uncoveredPlugin(
        'Service not reachable from speaker node. curl 172.19.188.15:80: curl: (7) Failed connect. iptables-save: -A WEAVE-NPC-EGRESS-DEFAULT -m comment --comment "DefaultAllow egress isolation" -j WEAVE-NPC-EGRESS-ACCEPT',
        known,
      ),
    ).toBeNull();
  });
  it('reads a runbook as prose: a plugin listed in a command is not one it covers', () => {
    const runbook =
      "Policies need a CNI that enforces them, such as Canal.\n```bash\nkubectl get pods -n kube-system -o wide | grep -E 'calico|cilium|antrea'\n```\nSee `grep -i antrea` for the rules it enforces.";
    const prose = namedIn(() => [proseOf(runbook)]);
    expect(prose('canal')).toBe(true);
    expect(prose('antrea')).toBe(false);
    expect(namedIn(() => [runbook])('antrea')).toBe(true);
    expect(namedIn(() => [runbook], 2)('antrea')).toBe(true);
    expect(namedIn(() => [runbook], 3)('antrea')).toBe(false);
  });
  it('covers a widely used plugin named once in a command only in prose, any other name wherever it is named', () => {
    // A runbook that greps for plugins names `antrea` once, in a command, and `prometheus` once, in a command too.
    const runbook =
      "Which CNI runs?\n```bash\nkubectl get pods -A | grep -E 'calico|cilium|antrea'\ncurl -s http://prometheus:9090/metrics\n```";
    const covered = coveredNames(() => ['CNI check', runbook]);
    expect(covered('antrea')).toBe(false);
    expect(covered('prometheus')).toBe(true);
    // Real kubernetes/kubernetes#116453: a pasted pod listing of prometheus-node-exporter and prometheus-server pods
    // is a Service report on a plugin-agnostic path, not one about a plugin named "prometheus".
    const listing =
      'one pod cannot access clusterIP of another pod that running on the same node after running a while\nprometheus-blackbox-7bd4db7d6f-64ntz   1/1   Running   1   20h   10.244.1.207   k8s-worker-5\nprometheus-node-exporter-d9tlh   1/1   Running   0   158m   172.16.215.143   k8s-worker-5';
    expect(uncoveredPlugin(listing, covered)).toBeNull();
  });
  it('matches whole words of the KB text only', () => {
    expect(known('ovs')).toBe(true);
    expect(known('calico-node')).toBe(true);
    expect(known('flannel')).toBe(true);
    expect(known('host')).toBe(false);
    expect(known('multus')).toBe(false);
    expect(known('ovs-o')).toBe(false);
  });
});

describe('uncoveredSoleCniBinary: a plugin named only by its CNI binary, with no covered path', () => {
  const known = namedIn(() => [
    'Calico 跨节点：calico-node 的 BIRD 与 IPIP',
    'Kube-OVN：kube-ovn-cni、ovs-ovn 与 ovn0，ovs-vsctl show',
    'Flannel VXLAN：kube-flannel、flannel.1 与 cni0，/etc/cni/net.d/10-flannel.conflist',
  ]);
  it.each([
    // Real report (reports14.yaml, shortened): named once, in the second sentence.
    [
      'Help - Dropped packets. Meshnet-CNI on 1-node kind cluster. Deployed 3x3 grid topology; all pods running quagga ospfd. When I ping sweep, some nodes are unreachable; the echo reply gets dropped in transit.',
      'meshnet',
    ],
    // Constructed, Chinese: the same.
    ['集群用的是 genie-cni，两个 pod 之间 ping 丢包，抓包看到回包在宿主机上被丢了', 'genie'],
  ])('%s → %s', (question, plugin) => {
    expect(uncoveredSoleCniBinary(question, known)).toBe(plugin);
  });
  it.each([
    // Beside a plugin the KB covers (constructed).
    'We run meshnet-cni next to calico; pods on different nodes drop packets',
    // Beside a path a runbook of any plugin explains: DNS, a NodePort (constructed; real John-Lin/ovs-cni#20).
    'Meshnet-CNI cluster: pods cannot resolve kubernetes.default, nslookup times out',
    'Kubernetes NodePort 無法存取Pod。使用kubeadm建立Cluster並使用ovs-cni plugin，在建立網路之後，我使用NodePort去存取Pod。',
    // A covered plugin's own binary, and the runtime's CNI package (constructed).
    'kube-ovn-cni 重启后 pod 之间 ping 丢包',
    'installed containerd-cni on the nodes and now pods on node2 drop packets',
    // No binary named at all (constructed).
    'pods on node2 drop packets to pods on node1, ping loses half the replies',
  ])('%s → not declined', (question) => {
    expect(uncoveredSoleCniBinary(question, known)).toBeNull();
  });
});
describe('answerDetailedReport: a detailed report of a broken path is answered near the threshold', () => {
  // Real canonical/microk8s#1157: pods cannot reach the outside world once firewalld is on.
  const firewalld =
    "Doesn't work with firewalld. It looks like when firewalld is installed pods cannot access the outside world. In case of firewalld it installs the last rule to be an unconditional reject, and after that the code for microk8s adds its rules which do not apply: Chain FORWARD (policy ACCEPT) KUBE-FORWARD, KUBE-SERVICES, DOCKER-USER, DOCKER-ISOLATION-STAGE-1 ...";
  // Real labring/sealos#314: a NodePort reachable only through the node running the pod.
  const nodePort =
    '部署一个服务在sealos里面，外部只能通过其中一个nodePort节点+端口访问到。本机通过浏览器+nodePort+服务端口访问，服务器的防火墙是永久关闭的：k8s-master1、k8s-master2、k8s-master3、node1、node2 都访问不到，node3 访问到。即服务pod运行在那个节点上，只能通过那个节点ip+端口访问到服务，其他节点不行。设置 iptables -P FORWARD ACCEPT 之后问题还是没有解决。calico 的状态正常；使用k8s内部网络 curl http://100.66.209.192:30020 还是只有在node3节点访问到。';
  it('answers just under the threshold, in English and Chinese', () => {
    expect(answerDetailedReport(firewalld, 0.495, true)).toBe(true);
    expect(answerDetailedReport(nodePort, DETAILED_REPORT_FLOOR, true)).toBe(true);
  });
  it('answers a detailed report at confidence 0.42 (real reports12.yaml report)', () => {
    const internet =
      "Can't reach internet from pod / container. On the same hosts there are several VMs running, including mail servers, web-servers, monitoring-instances and there are no known issues. I've done a hundred successful wget requests from the VM where the k3s instance is running; this test finishes with the same results from the host. There are some posts complaining about the same, ending with a user stating that switching from flannel to calico sorted out his issues.";
    expect(answerDetailedReport(internet, 0.42, true)).toBe(true);
  });
  it('still abstains when the top runbook is about a CNI the report does not name', () => {
    // The firewalld report names no CNI; a Kube-OVN runbook on top would guess one.
    expect(answerDetailedReport(firewalld, 0.495, false)).toBe(false);
  });
  it('still abstains far under the threshold', () => {
    expect(answerDetailedReport(firewalld, DETAILED_REPORT_FLOOR - 0.01, true)).toBe(false);
    expect(answerDetailedReport(nodePort, 0.4, true)).toBe(false);
  });
  it('still abstains on a short report', () => {
    expect(answerDetailedReport('calico 跨节点 pod 不通，ping 超时', 0.49, true)).toBe(false);
    expect(answerDetailedReport('pods cannot access the outside world with firewalld', 0.49, true)).toBe(
      false,
    );
  });
  it('still abstains on a detailed report of another trade', () => {
    // Real helm/charts#21363.
    const storage =
      'no persistent volumes available for this claim and no storage class is set - helm 3. kubectl describe pod current-gen-pvgd-live-web-tomcat-deployment-84699dc8b-j6tsx in namespace cmecf-databases shows Status: Pending, Node: <none>, and the claim says: no persistent volumes available for this claim and no storage class is set.';
    expect(answerDetailedReport(storage, 0.492, true)).toBe(false);
    // Real k3s-io/k3s#4914, whose connection error only says where the restore stopped.
    const restore =
      'Cluster restore fails with "127.0.0.1:6444: read: connection reset by peer". k3s v1.23.1+k3s1, 3 servers and 1 agent. Restore from snapshot fails on a multinode setup: create a 3 node cluster, take snapshot, stop k3s on all nodes, restore from snapshot. Actual: restore fails; log: Running load balancer 127.0.0.1:6444 -> [172.31.1.59:6443]; ERRO failed to get CA certs: Get "https://127.0.0.1:6444/cacerts": read tcp connection reset by peer.';
    expect(answerDetailedReport(restore, 0.49, true)).toBe(false);
  });
});

describe('answerNamedCniReport: a detailed report of the named CNI is answered near the threshold', () => {
  // Real k3s report: flannel named, a symptom, interfaces and commands; confidence 0.44 under the 0.5 threshold.
  const flannel =
    'Pods on different Nodes unable to communicate with each other. k3s v1.0.0. Master: curl -sfL https://get.k3s.io | sh -s - server --no-deploy traefik --flannel-iface wg. ping between pods on different nodes times out. Actual: timeouts when contacting pod on other Node.';
  it('answers when the top runbook is the named CNI', () => {
    expect(answerNamedCniReport(flannel, 0.44, true)).toBe(true);
  });
  it('answers a detailed report of the named CNI at confidence 0.37 (real fills5.yaml and reports11.yaml reports)', () => {
    const rke2 =
      'Networking issue between nodes. RKE2 Version: v1.30.2+rke2r1. 3 Linux Nodes (RHEL 8), 2 Windows Nodes (Server 2019), the above machines are VMWare vms; 1 server (Linux), 4 agents (2 Linux and 2 Windows); Flannel CNI. Except first node all other nodes not able to access Kube APIs and unable to resolve DNS. Between nodes directly it can reachable without any issues.';
    expect(answerNamedCniReport(rke2, 0.37, true)).toBe(true);
    const canal =
      "http POST w/ large file via ingress causes 'upstream timed out (110: Connection timed out) while reading upstream'. Rancher 2.2.8, custom cluster w/ Canal, Ubuntu 16.04.3 on metal. Sending a POST with a 15m file via the nodeport echoes it back; via the ingress it fails with a 502.";
    expect(answerNamedCniReport(canal, 0.37, true)).toBe(true);
  });
  it('still abstains when the top runbook is another one, or confidence is far too low', () => {
    expect(answerNamedCniReport(flannel, 0.44, false)).toBe(false);
    expect(answerNamedCniReport(flannel, 0.3, true)).toBe(false);
    expect(answerNamedCniReport(flannel, NAMED_CNI_FLOOR - 0.01, true)).toBe(false);
  });
  it('still abstains without a network symptom (real eviction report naming calico-node)', () => {
    const eviction =
      'The node was low on resource: ephemeral-storage, and pods were evicted. Container calico-node was using 92Ki, which exceeds its request of 0.';
    expect(answerNamedCniReport(eviction, 0.45, true)).toBe(false);
  });
  it('still abstains on a short report', () => {
    expect(answerNamedCniReport('calico 网络不通 超时', 0.45, true)).toBe(false);
    expect(answerNamedCniReport('calico 跨节点 pod 不通，ping 超时', 0.45, true)).toBe(false);
  });
});

describe('namedCniClose: the named CNI runbook leads or stands next to the top one', () => {
  const hit = (path: string, score: number) => ({ doc: { path } as never, score });
  const ofDoc = (path: string) => (path.startsWith('flannel/') ? 'flannel' : null);
  it('is true for the top runbook or a distinct runbook within the share', () => {
    expect(namedCniClose([hit('flannel/vxlan-host-gw.md', 0.7)], 'flannel', ofDoc, 0.8)).toBe(true);
    const near = [hit('svc/a.md', 0.75), hit('svc/a.md', 0.72), hit('flannel/vxlan-host-gw.md', 0.7)];
    expect(namedCniClose(near, 'flannel', ofDoc, 0.8)).toBe(true);
  });
  it('is false when the named runbook is far behind or after three other runbooks', () => {
    // Real kubeadm report: the flannel runbook scored 0.537 under a 0.748 top.
    const far = [hit('svc/a.md', 0.748), hit('svc/a.md', 0.716), hit('flannel/vxlan-host-gw.md', 0.537)];
    expect(namedCniClose(far, 'flannel', ofDoc, 0.8)).toBe(false);
    const late = [hit('a.md', 0.8), hit('b.md', 0.8), hit('c.md', 0.8), hit('flannel/x.md', 0.8)];
    expect(namedCniClose(late, 'flannel', ofDoc, 0.8)).toBe(false);
    expect(namedCniClose([], 'flannel', ofDoc, 0.8)).toBe(false);
  });
});

describe('clarifying answers end to end', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it('asks which CNI, which path and what symptom, with the likely runbooks and no commands', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: '网络挂了 急' },
    );
    expect(body.structured.kind).toBe('clarify');
    expect(body.abstained).toBe(false);
    expect(body.commands).toEqual([]);
    expect(body.structured.asks.join(' ')).toContain('CNI');
    expect(body.structured.asks.length).toBe(3);
    expect(body.answer).toContain('笼统');
  });

  it('a specific question in the same words is answered', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: 'kube-ovn 跨节点 pod ping 不通，geneve 隧道 6081 被防火墙拦了吗' },
    );
    expect(body.structured.kind).toBe('answer');
  });

  it('declines a question about a plugin no runbook covers, with the nearest runbooks and nothing to add', async () => {
    // Real kubeovn/kube-ovn#1160: the Kube-OVN runbooks share its words (subnet, nic, logical switch).
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      {
        message:
          'multus网卡配置不生效。使用multus配置网卡attachnet1，并指定attachnet1的子网为net1，配置不生效，attachnet1网卡最后分配到默认子网。测试pod centos-tools: annotations v1.multus-cni.io/default-network: default/attachnet1, attachnet1.default.ovn.kubernetes.io/logical_switch: net1。kubectl get po -owide centos-tools 查看 pod ip 处于默认子网10.16.0.0/16，而不是指定子网net1。',
      },
    );
    expect(body.structured.kind).toBe('abstain');
    expect(body.abstained).toBe(true);
    expect(body.commands).toEqual([]);
    expect(body.structured.title).toContain('multus');
    expect(body.structured.asks).toEqual([]);
    expect(body.structured.related.length).toBeGreaterThan(0);
  });

  it("declines a report about a custom VPC's NAT gateway, naming the subject", async () => {
    // Real kubeovn/kube-ovn#4241: the Kube-OVN runbooks share its words (pod, gateway, ping, SNAT).
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      {
        message:
          '[BUG][KIND] Pod inside Custom VPC+NatGateway cannot access Internet using SNAT. Kube-OVN v1.12.12, KIND with 2 nodes. The pod can reach its gateway 10.0.1.1 but ping 8.8.8.8 gets 100% packet loss.',
      },
    );
    expect(body.structured.kind).toBe('abstain');
    expect(body.commands).toEqual([]);
    expect(body.structured.title).toContain('VPC NAT');
  });

  it('answers a question naming a plugin the runbooks cover the same way', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: 'kube-ovn-cni 重启后 kube-ovn 跨节点 pod ping 不通，geneve 隧道 6081 被防火墙拦了吗' },
    );
    expect(body.structured.kind).toBe('answer');
    expect(body.structured.title).not.toContain('kube-ovn-cni');
  });
});

describe('uncoveredAllocation: a report about handing out pod addresses, which no runbook of its CNI explains', () => {
  const explainsNone = () => false;
  // As the KB's Calico runbook: its row "新 pod 拿不到地址或地址块冲突" names pods getting no address only.
  const explainsCalico = (cni: string | null, kind: AllocationKind) =>
    cni === 'calico' && kind !== 'wrong-address';
  it.each([
    // Real kubeovn/kube-ovn#5125 (shortened).
    [
      '[BUG] No Address Allocated to Pod. I\'m experiencing a similar issue with some frequency. Restarting the controller and CNI pods helps. cni daemonset: I0501 12:40:11 handler.go:94] add port request, kube-ovn-cni: "no address allocated to pod default/test-7d4f9, provider ovn, please see kube-ovn-controller logs to find errors".',
      'kube-ovn',
    ],
    // Real kubeovn/kube-ovn#6762 (shortened).
    [
      '[BUG] multi nic static ip allocation does not work. Kube-OVN v1.16.1, rke2 v1.35.2. Setup of pods with multiple interfaces fails due to multiple reasons, including the details mentioned in the static-ip-mac docs; subnet vm-overlay cidrBlock 192.168.0.0/24.',
      'kube-ovn',
    ],
    // Real projectcalico/calico#4861: no CNI the KB knows is named in it.
    [
      'Ipam blocks are not reused or cleaned properly and hitting per host block limit. We see pods in ContainerCreating state with messages: networkPlugin cni failed to set up pod "default1" network: cannot allocate new block due to per host block limit.',
      null,
    ],
    // Real kubeovn/kube-ovn#103 (shortened).
    [
      '无法正确分配pod ip。谢谢指导！从命令的输出看，有POD的端口，但IP地址和实际Pod的IP不一致。cni的日志里没有报错信息，但也没有创建POD的相关提示信息。',
      null,
    ],
    // Real kubeovn/kube-ovn (scope4 set, shortened): Kube-OVN's controller's word for a used-up subnet.
    [
      '[BUG] Lots of NoAvailableAddress errors. Kube-OVN v1.12.29, Kubernetes v1.28.11. When creating pods in batches, a large number of NoAvailableAddress errors occur: E1128 10:02:11.291383 7 pod.go:425] error syncing pod: NoAvailableAddress, requeuing.',
      'kube-ovn',
    ],
    // Constructed Chinese counterpart.
    ['kube-ovn 子网批量创建 pod 时报 no available address，子网还有空闲地址。', 'kube-ovn'],
    // Real kubeovn/kube-ovn#3190 (shortened).
    [
      'kube-ovn 1.11.9 存在ip地址无法分配导致出现地址冲突。kube-ovn-controller 日志: I0911 09:18:36.317858 13 ipam.go:51] allocate v4 10.251.175.71 v6 2409:8c20:1833:2000::afb:af47 for pod kube-system/test-0',
      'kube-ovn',
    ],
    // Real kubeovn/kube-ovn#758 (reports15 set): the first sentence names the test, the CNI's error the allocation.
    [
      'OVN DB 高可用测试无法生效。测试 ovn-central 高可用时切换没有生效，kube-ovn-controller 事件日志里 pod 申请 IP 失败（request ip return 500）。',
      'kube-ovn',
    ],
    // Constructed: the CNI's error quoted under a first sentence about a stuck pod.
    [
      'Pods in namespace demo stay in ContainerCreating after the subnet was recreated. Events: plugin type="kube-ovn" failed (add): RPC failed; request ip return 500 no address allocated to pod demo/web-0, provider ovn.',
      'kube-ovn',
    ],
  ])('%s → IPAM', (question, cni) => {
    expect(uncoveredAllocation(question, cni, explainsNone)).toBe('IPAM');
    expect(uncoveredAllocation(question, cni, explainsCalico)).toBe(cni === 'calico' ? null : 'IPAM');
  });
  it('answers a CNI whose runbook explains that kind of allocation failure', () => {
    // Constructed from Calico reports: the Calico runbook's row "新 pod 拿不到地址或地址块冲突" covers pods getting none.
    for (const question of [
      'New pods get no IP address assigned on node2 with Calico, calicoctl ipam show --show-blocks shows the pool 100% used.',
      'calico 集群新 pod 拿不到地址，一直 ContainerCreating，ipam show 显示地址块用完了。',
    ]) {
      expect(uncoveredAllocation(question, 'calico', explainsCalico)).toBeNull();
      expect(uncoveredAllocation(question, 'calico', explainsNone)).toBe('IPAM');
    }
  });
  it.each([
    // Real projectcalico/calico#3940 (shortened): an address given to two pods, which no Calico row explains.
    'Calico tries to reassign IP addresses already in use. calico-kube-controllers debug log: Querying block so we can release IPs by handle cidr=100.80.6.0/26. New pods get an IP that another running pod already has.',
    // Real projectcalico/calico report from the doubt set (shortened; its last clause paraphrased).
    'Calico with iptables: Assigning same ip address for short-live pods. We use small blocks /29, and for server1 calico created two /29 networks. But ipam tries to use only one block and gives the same ip again.',
    // Constructed Chinese report of a static address not honoured.
    'calico 集群里给 pod 配了固定 IP 注解 cni.projectcalico.org/ipAddrs，pod 固定 IP 不生效，每次重建地址都变。',
  ])('%s → IPAM, though the CNI runbook explains pods getting no address', (question) => {
    expect(uncoveredAllocation(question, 'calico', explainsCalico)).toBe('IPAM');
  });
  it.each([
    // Real facts question kubeovn/kube-ovn#3627: about conflict detection and the join subnet, not allocation.
    'ip 冲突检测存在潜在bug。我感觉可以考虑直接对 subnet 做限制，不允许使用 node join 子网包含的网段 cidr。kube-ovn 的 join 子网默认是哪个网段？',
    // Real helm/charts#19604: a port in use, not an address.
    '[coredns] listen tcp :8080: bind: address already in use - unable to specify single health plugin while having multiple zones. Which port does the health plugin serve /health on?',
    // Real projectcalico/libcalico-go#761: the block size setting, not a failure to allocate.
    'Make ipam blockSize configurable. Calico uses one /26 subnet of the ipPool on a single node, but in our environment it is too large.',
    // Constructed from a MetalLB report: the address was handed out; reaching it is what fails.
    'MetalLB 分配地址池 IP 后无法访问：服务获得了地址池 IP 192.168.119.101，从集群节点或外部网络无法 ping 通该 IP。',
    // Constructed from MetalLB reports: a LoadBalancer's address pool is not pod IPAM.
    'MetalLB 配置 IP 地址池后 EXTERNAL-IP 一直 pending，没有分配到 IP，describe svc 看不到事件。',
    'LoadBalancer service gets no IP address assigned from the MetalLB pool, EXTERNAL-IP stays <pending>.',
    // Real flannel-io/flannel (fills2 set): a tunnel device sharing an address, not a pod handed one twice.
    'Calico IPIP: Error the tunl0 in different nodes has the same IP address. The calico-node DaemonSet takes ETCD_ENDPOINTS from a configMap.',
    // Constructed: the pod's address is fine; reaching it is what fails.
    'pod 固定 IP 生效了，但是跨节点 ping 不通这个 IP。',
    // Constructed: a static egress IP is about source NAT, not allocation.
    'We need a static egress IP for pods calling a partner API; which SNAT settings apply?',
    // Constructed: the CNI's error quoted under a first sentence naming a broken path.
    'Kube-OVN 集群跨节点 pod 网络不通，新建的 pod 偶尔还报 request ip return 500。',
  ])('%s → not an allocation report', (question) => {
    expect(uncoveredAllocation(question, null, explainsNone)).toBeNull();
  });
});

describe('allocationExplainedBy: which CNIs the runbooks explain address allocation for', () => {
  const doc = (path: string, symptoms: string[], prose = '') => ({
    path,
    title: path,
    triggers: [],
    chunks: [{ headingPath: ['概述'], text: prose }] as never,
    troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
  });
  it('counts titles, triggers, headings and row symptoms, not prose or commands', () => {
    const explained = allocationExplainedBy(
      [
        doc('calico/bgp-ipip.md', ['新 pod 拿不到地址或地址块冲突']),
        doc(
          'kube-ovn/default-vpc-path.md',
          ['外部白名单只允许固定 IP，部分请求被拒'],
          '`calicoctl ipam show --show-blocks`',
        ),
      ],
      (path) => path.split('/')[0] ?? null,
    );
    expect(explained('calico', 'no-address')).toBe(true);
    expect(explained('calico', 'wrong-address')).toBe(false);
    expect(explained('kube-ovn', 'no-address')).toBe(false);
    expect(explained(null, 'no-address')).toBe(false);
  });
  it('counts each kind a runbook names', () => {
    const explained = allocationExplainedBy(
      [doc('kube-ovn/ipam.md', ['Pod 固定 IP 分配不生效', 'IP address already in use by another pod'])],
      (path) => path.split('/')[0] ?? null,
    );
    expect(explained('kube-ovn', 'wrong-address')).toBe(true);
    expect(explained('kube-ovn', 'no-address')).toBe(false);
  });
  it('lets a runbook about no particular CNI explain every CNI', () => {
    const explained = allocationExplainedBy([doc('ipam/pod-ip.md', ['Pod 拿不到 IP'])], () => null);
    expect(explained('kube-ovn', 'no-address')).toBe(true);
    expect(explained(null, 'no-address')).toBe(true);
    expect(explained(null, 'wrong-address')).toBe(false);
  });
});

describe('uncoveredMesh: a report about a service mesh the KB has no runbook for', () => {
  const knowsNone = () => false;
  it.each([
    // Real istio/istio#10983 (shortened).
    [
      'Sidecar Injector Service Unavailable. No pod deployed through sidecar-injector. Replicaset shows Error creating: Internal error occurred: failed calling admission webhook "sidecar-injector.istio.io": Post https://istio-sidecar-injector.istio-system.svc:443/inject?timeout=30s: Service Unavailable. Pods are all running in istio-system.',
      'istio',
    ],
    // Real istio/istio#6085 (shortened).
    [
      'Upsteam error issue [503] since side-car-istio-proxy cannot connect to pilot. istio 0.8.0 (mTLS disabled), k8s 1.9.5, cilium 1.1.0. Redeploy a service with a new version; expected: the service can be accessed through the gateway.',
      'istio',
    ],
    // Real cloudnativeto/sig-istio#9 (shortened).
    [
      'sidecar注入后的请求中断问题。访问拓扑：client -> serviceA(with sidecar) -> serviceB(with sidecar)，istio v1.9.0，测试阶段无任何配置；最近一周进行某个返回内容较大的请求时会504，返回内容很小的则正常，serviceA、serviceB、istiod 相关pod均重启过，无果。',
      'istio',
    ],
    // Real linkerd/linkerd2#6031 (scope5.yaml, shortened): the headline is a refused connection, the log line Linkerd's
    // proxy's own.
    [
      'Connection refused (os error 111). After deploying linkerd with mTLS and proxy injection enabled, intermittent requests fail with WARN ThreadId(01) inbound:accept{peer.addr=11.0.0.4:40106 target.addr=11.0.0.18:16687}: linkerd2_app_core::errors: Failed to proxy request: error trying to connect: Connection refused (os error 111).',
      'linkerd',
    ],
    // Real linkerd/linkerd2#2630 (scope5.yaml, shortened): the mesh is named only by its proxy's module.
    [
      'Proxy starts after inject then connection refused. I have injected the proxy into one specific app and the proxy fails to connect to the service: linkerd2_proxy::app::errors unexpected error: an error occurred trying to connect: Connection refused (os error 111) (address: 127.0.0.1:8080).',
      'linkerd',
    ],
    // Constructed: Chinese, quoting the proxy's log.
    [
      '服务间调用偶发连接被拒。注入代理后日志：linkerd2_app_inbound: Failed to proxy request: error trying to connect: Connection refused。',
      'linkerd',
    ],
    // Real linkerd/linkerd2#2847 (shortened): the headline names the mesh's injection of its proxy.
    [
      'Automatic proxy injection is not working. Got it, certificate issue. dispatcher.go:70] Failed calling webhook, failing open linkerd-proxy-injector.linkerd.io: failed calling webhook "linkerd-proxy-injector.linkerd.io": x509: certificate signed by unknown authority.',
      'linkerd',
    ],
    // Real (reports26.yaml, shortened): the headline names Istio's control plane (istiod), not "istio".
    [
      'TLS handshake error between istiod and apiserver. Istiod logs: `kubectl logs -n istio-system istiod-5d8d9dd979-d8ccs -f` → `info FLAG: --clusterID="Kubernetes"`, `info FLAG: --domain="cluster.local"`.',
      'istio',
    ],
    // Constructed: Istio's ambient mode, its node proxy named twice.
    [
      'ztunnel crashloops after enabling ambient mode. ztunnel logs: failed to fetch certificate from istiod.',
      'istio',
    ],
    // Constructed: Chinese, an Istio object named in the headline.
    [
      '配置 DestinationRule 的 ISTIO_MUTUAL 之后服务之间返回 503。istioctl proxy-config cluster 显示 outbound 集群都在。',
      'istio',
    ],
  ])('%s → %s', (question, mesh) => {
    expect(uncoveredMesh(question, knowsNone)).toBe(mesh);
    expect(uncoveredMesh(question, (name) => name === mesh)).toBeNull();
  });
  it.each([
    // Real knative/serving#7440 (shortened): the headline is a refused connection; Istio is only what the cluster runs.
    'curl: (7) Failed to connect to helloworld-go.default.mydomain.com port 80: Connection refused. kubectl describe pods istio-security-post-install-1.5.1-gldz9: Namespace: istio-system, Node: gke-awear-mini-default-pool-15a06374-ddf1/10.132.0.21, Status: Succeeded.',
    // Real cilium/cilium#25479 (shortened): a NodePort path; Envoy is the backend it cannot reach.
    "NodePort unreachable in kind+cilium+kubeproxyless. When using Kind with Cilium with kubeProxyReplacement=strict, NodePort services do not work. The Contour envoy service is type NodePort with nodePorts 30080 and 30443, externalTrafficPolicy Cluster, and I can't reach it.",
    // Real opsnull/follow-me-install-kubernetes-cluster#443 (shortened): an Envoy-based app's words beside a NodePort
    // that one node refuses, naming no mesh.
    '按照文档部署，IPVS模式下，NodePort的svc出现部分NodeIP：NodePort无法访问。curl 100.101.223.19:31720：upstream connect error or disconnect/reset before headers；curl 100.101.207.204:31720：Failed connect to 100.101.207.204:31720; Connection refused。',
    // Constructed: an injection named once, the path the headline's.
    'Pods time out on the ClusterIP 10.96.0.12 after we enabled proxy injection.',
    // Real (reports32.yaml, shortened): a sidecar that ships the ingress controller's logs is no mesh's proxy.
    "log sidecar log external IP? I've enabled sidecar logging `controller.logs.enabled: true` but in the request logs I see the IP address of the haproxy ingress pod (10.42.3.133 in my case) and not the external IP.",
    // Constructed: Chinese, a logging sidecar.
    '日志 sidecar 里看到的客户端 IP 都是 ingress pod 的地址。我们用 log sidecar 收集 nginx 访问日志。',
    // Constructed: istioctl named once in a body after a headline naming a Service path.
    'Pods time out on the ClusterIP 10.96.0.12. We installed the demo profile with istioctl last week.',
    // Constructed: a proxy that is not a mesh's.
    'kubectl port-forward fails. error: error upgrading connection: unable to upgrade connection: Failed to proxy request to pod nginx-0 port 80.',
  ])('%s → not about the mesh', (question) => {
    expect(uncoveredMesh(question, knowsNone)).toBeNull();
  });
});

describe("uncoveredRouting: a report about what an ingress's routing rules answered", () => {
  it.each([
    // Real kubernetes/ingress-nginx#3403 (shortened).
    'ingress path based backend return "default backend - 404". NGINX Ingress controller 0.20.0, Kubernetes 1.11.2 on Azure AKS. I configure the backend service based on path, but it did not pass the request to the backend service.',
    // Real kubernetes/ingress-nginx#7945 (shortened).
    'Configuring rewrite-target will make the entry point to [upstream-default-backend] 127.0.0.1:8181. With path / the ingress web-ingress-test (host linkme.twinverse.com, kubernetes.io/ingress.class: nginx) can get the page.',
    // Real jishuzhan.net article (shortened).
    '在 Kubernetes 集群中新增 Ingress（host: tool.xxx.com，service: tools:80）后，访问域名始终返回 404 Not Found nginx。Pod 内 curl 127.0.0.1 正常，Service / Endpoint 正常，Ingress 对象存在且 Scheduled for sync，但在 ingress controller pod 内 nginx -T 无任何结果。',
    // Real higress-group/higress#1032 (scope5.yaml): the headline names the routing rules, the body their 404.
    'higress1.3.3不兼容ingress迁移过来的路由规则。操作步骤：helm安装的应用，包括deployment、service、ingress；higress界面上不做任何操作；流量经过：域名-->higress的gateway-->进入部署的应用。出现现象：http可以访问，https出现404。',
    // Real higress-group/higress#2143 (scope5.yaml, shortened).
    '路由配置的问题。higress2.1.1，使用higress创建服务来源：服务地址 172.16.10.244:8080。路由条件写成【前缀匹配 | /】没有问题（172.172.172.229:33001 是higress的gateway地址+端口）；路由条件改成【前缀匹配 | /hello】，连接 http://172.172.172.229:33001/hello/sse 报错404。',
    // Constructed: English.
    'VirtualService routes stopped matching after the upgrade to 1.20. Requests through the istio ingress gateway to /api now get 404 from the gateway, while /health on the same host still answers 200 and kubectl get virtualservice lists both prefixes with the same gateway and hosts.',
  ])('%s → Ingress routing rules', (question) => {
    expect(uncoveredRouting(question, false)).toBe('Ingress routing rules');
    expect(uncoveredRouting(question, true)).toBeNull();
  });
  it.each([
    // Real kubernetes/ingress-nginx#5585 (shortened): the router could not reach its backend, a broken path.
    'upstream timed out and return 504 when I use ingress. When I access the application through clusterip, it is correct. kubectl logs -f ingress-nginx-controller -n ingress-nginx: [error] upstream timed out (110: Operation timed out) while connecting to upstream, 404 for other hosts.',
    // Real dtcms.com article (shortened): a port the controller no longer listens on.
    'ingress-nginx的443端口不监听了。现象：服务器没有监听443端口，但是却能telnet通。ingress-nginx 的 Pod 以 hostPort: 443 暴露。',
    // Constructed: IP routing rules, not a router's answer.
    '策略路由规则不生效。节点上加了 ip rule 让 10.244.0.0/16 走 eth1，pod 访问外网仍从 eth0 出去，网关 192.168.1.1 看不到报文。',
    // Constructed: the routing rules' backend does not answer (a broken path), though a 404 page is mentioned.
    'Ingress routing rules time out for /api. The gateway returns 504 after 60s; its 404 page for unknown hosts works.',
  ])('%s → not about routing rules', (question) => {
    expect(uncoveredRouting(question, false)).toBeNull();
  });
});

describe("routingExplainedBy: whether a runbook explains an ingress router's answers", () => {
  const doc = (title: string, symptoms: string[]) => ({
    title,
    triggers: [],
    chunks: [{ headingPath: ['概述'], text: 'ingress-nginx（hostNetwork 部署）返回 404' }] as never,
    troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
  });
  it('counts titles and row symptoms, not prose', () => {
    expect(routingExplainedBy([doc('hostNetwork Pod', ['端口被占用'])])).toBe(false);
    expect(routingExplainedBy([doc('Ingress', ['访问域名返回 404 Not Found'])])).toBe(true);
  });
});

describe("uncoveredKubeletStream: kubectl logs/exec failing on the API server's way to a kubelet", () => {
  it.each([
    // Real kelseyhightower/kubernetes-the-hard-way#511 (shortened).
    'Timeout on kubectl logs and exec on lab 12. I got coredns and busybox up and running. kubectl exec -it busybox -- nslookup kubernetes: Error from server: error dialing backend: dial tcp 10.240.0.22:10250: i/o timeout. kubectl logs busybox: Error from server: Get https://worker-2:10250/containerLogs/default/busybox/busybox: dial tcp 10.240.0.22:10250: i/o timeout.',
    // Real kubesphere/ks-installer#2242 (shortened).
    'dial tcp 10.0.0.3:10250: i/o timeout. kubectl logs -n kubesphere-system ks-installer -f: Error from server: Get "https://10.0.0.3:10250/containerLogs/kubesphere-system/ks-installer-fcf648dcb-hrdmb/installer?follow=true": dial tcp 10.0.0.3:10250: i/o timeout.',
    // Real easzlab/kubeasz#359.
    'kubelet无法进入Pod以及查看pod日志：我使用添加node的脚本添加了3个node，在测试中发现，凡是在新添加的3个node上的pod均无法使用kubectl logs pod_name查看日志，无法通过kubectl exec -it进入Pod，提示error: You must be logged in to the server (the server has asked for the client to provide credentials) 或 error: unable to upgrade connection: Unauthorized。',
    // The API server's dial to a kubelet quoted bare, with no "error dialing backend" beside it (real k0s and
    // kubeadm reports, shortened; a constructed Chinese one).
    'kubectl logs pod/web-server-7d4 fails with dial tcp 10.0.0.79:10250: i/o timeout. Platform: Linux 6.8.0 aarch64. Version: v1.32.4+k0s.0.',
    'dial tcp 172.28.62.68:10250: connect: no route to host. When I run "kubectl exec -it pod_name sh" it happens every time.',
    'kubectl exec 进不去容器，报 dial tcp 192.168.10.12:10250: connect: connection refused，新加的 worker 节点上的 pod 都这样。',
  ])('%s → kubectl logs/exec', (question) => {
    expect(uncoveredKubeletStream(question, false)).toBe('kubectl logs/exec');
    expect(uncoveredKubeletStream(question, true)).toBeNull();
  });
  it.each([
    // A pod (metrics-server) reaching a kubelet's port is a path a runbook covers.
    "metrics-server can't scrape kubelet on node-02:10250, i/o timeout, cni is kube-ovn",
    'pod 訪問 kubelet 10250 報 connection refused',
    // Constructed: exec used as a tool to test a path, which is what fails.
    'kubectl exec -it busybox -- nslookup kubernetes.default returns ";; connection timed out; no servers could be reached" from pods on node2 only; coredns pods run on node1.',
    // A dial to :10250 made by metrics-server (a pod), read with kubectl logs: a pod's path to its node.
    'kubectl logs metrics-server shows: Failed to scrape node, dial tcp 10.0.0.5:10250: i/o timeout, node=worker-1.',
    'kubectl logs 查看 metrics-server 日志：采集节点指标失败 dial tcp 192.168.1.21:10250: connect: no route to host。',
    // A dial to another port is no kubelet's.
    'kubectl exec into my pod works, but curl from it gives dial tcp 10.96.0.1:443: i/o timeout.',
  ])("%s → not about the API server's streams", (question) => {
    expect(uncoveredKubeletStream(question, false)).toBeNull();
  });
  it("reads the runbooks' topics, not their commands", () => {
    const doc = (symptom: string) => ({
      title: 'Node',
      triggers: [],
      chunks: [{ headingPath: ['排查'], text: '`kubectl logs <pod>`' }] as never,
      troubleshooting: [{ symptom }] as never,
    });
    expect(kubeletStreamExplainedBy([doc('kubectl logs 查看 Pod 日志')])).toBe(false);
    expect(kubeletStreamExplainedBy([doc('kubectl logs 报 error dialing backend')])).toBe(true);
  });
});

describe("uncoveredVpcNat: a Kube-OVN custom VPC's border, its NAT gateways, EIP and FIP", () => {
  const explainsNone = { nat: false, customVpc: false, nodeCutOff: false };
  it.each([
    // Real kubeovn/kube-ovn#6123.
    [
      'VpcNatGateway pod has internet, but pods in VPC cannot reach internet (egress). I am able to ping 8.8.8.8 from the gateway pod only.',
      'NAT',
    ],
    // Real kubeovn/kube-ovn#5572 (shortened).
    [
      '同一个vpc-nat-gateway下某个虚拟机A（配置snat访问外网）无法访问同内网的虚拟机B绑定的EIP（fip类型）。Kube-OVN v1.13.0。创建虚拟机A，内网网段10.0.1.0/24，内网ip 10.0.1.6；创建vpc-nat-gw snat eip，snat 内网网段10.0.1.0/24，映射eip地址 10.1.69.219。',
      'NAT',
    ],
    // Real kubeovn/kube-ovn#2051 (shortened): an EIP in the default VPC is no runbook's subject either.
    [
      "pod EIP can't work under default VPC (Kube-OVN). curl the EIP bound to a pod running nginx gets No route to host or Timeout. I applied configmap ovn-external-gw-config with enable-external-gw true, type centralized, external-gw-nodes eb62167, external-gw-nic ens35.",
      'NAT',
    ],
    // Real kubeovn/kube-ovn#1840 (shortened): a long report whose headline names none of them, but its body twice.
    [
      'Multi Pod use one same ip, which cause network problems. Multi pod net1 nic use the same ip, eip also use the same ip, allocated from ovn-vpc-external-network. kubectl get fip | grep 10.122.193.49: qa-ygsp.sfu-mc-1-01-shanghai 10.122.193.49 10.116.27.38 yealink-shanghai-pod.',
      'NAT',
    ],
    // Real kubeovn/kube-ovn#2793.
    [
      '特殊集群下，自定义VPC访问外网方案。在一个k8s集群中用kubevirt创建了几台虚机，再用这几台虚机创建了个k8s集群，两个集群都用kube-ovn 1.11.3。目标是在虚机创建的k8s集群内使用自定义vpc访问外网。目前自定义VPC无法访问外网。',
      'custom VPC',
    ],
    // Real kubeovn/kube-ovn#3801.
    [
      'v1.13.0 自定义VPC下，子网配置SNAT后，子网下的pod无法访问大部分网段ip。当前配置ovn不知道要将172.18.120.173路由到哪，尝试在vpc1上添加静态路由 cidr 10.50.1.0/24 nextHopIP 172.18.164.254 policy policySrc。',
      'custom VPC',
    ],
    // Real kubeovn/kube-ovn#3253: OVN's own SNAT rule on a VPC router and the default VPC's external port.
    [
      'kube-ovn-1.12.1 snat no effect. router vpc1 has nat external ip 192.168.7.3 logical ip 192.168.0.0/24 type snat, port vpc1-external networks 192.168.7.2/24 with a gateway chassis; router ovn-cluster has port ovn-cluster-external 192.168.7.1/24.',
      'NAT',
    ],
    // Constructed (Chinese): the same objects as `ovn-nbctl show` prints them.
    [
      'kube-ovn 配置 ovn snat 后 pod 出不去。ovn-nbctl show：router ovn-cluster 下 port ovn-cluster-external，nat 条目 external ip: "10.5.1.10" logical ip: "10.16.0.0/16" type: "snat"。',
      'NAT',
    ],
  ])('%s → %s', (question, subject) => {
    expect(uncoveredVpcNat(question, explainsNone)).toContain(subject);
    expect(uncoveredVpcNat(question, { nat: true, customVpc: true, nodeCutOff: false })).toBeNull();
  });
  it.each([
    // Real seeds question: a default-VPC subnet's egress SNAT.
    'kube-ovn 默认 vpc 下 pod 出公网的 snat 是在哪做的',
    // Real kubeovn/kube-ovn#681 (shortened): a centralized gateway in the default VPC.
    '使用固定出口网关时，非网关节点容器hostPort 返回数据包被转发到 gateway 节点。应该是因为设置了集中式出网网关，导致非网关节点的 DNAT 返回数据包被转发到网关节点，期望应答的数据包能原路返回。',
    // questions.yaml: a custom VPC's pods whose probes fail, which a runbook row covers (--enable-tproxy).
    '自訂 VPC 裡的 pod 健康檢查全部失敗',
    // Constructed: the same in English.
    'liveness probes of pods in a custom VPC all fail with kube-ovn',
    // Real ovn-kubernetes/ovn-kubernetes#6250 (shortened): iptables DNAT of a LoadBalancer, no Kube-OVN NAT.
    "OVS br-ex table 0 drop rule discards reply traffic for iptables-DNAT'd LoadBalancer connections. On a single-node OVN-Kubernetes cluster, reply traffic from OVN for externally-originated LoadBalancer connections is silently dropped.",
    // Real flannel-io/flannel#698 (shortened): a cloud's VPC.
    'Flannel 0.7.1 vxlan&udp cant work on aliyun cloud with kubernetes 1.6.2. Flannel vxlan&udp cant cross the node network. ubuntu 16.04, aliyun cloud vpc, kubeadm v1.6.2.',
    // Constructed: a default-VPC subnet's egress with natOutgoing.
    'kube-ovn ovn-default 子网 natOutgoing: true，pod 还是上不了外网，节点可以',
    // Constructed: the same, where the node has the cloud's elastic IP (the node's, not Kube-OVN's EIP).
    'kube-ovn 集群，ovn-default 子网 natOutgoing: true，pod 访问外网不通；节点绑定了阿里云的弹性 IP (EIP)。',
    // Constructed: a Kube-OVN cluster behind a cloud's NAT gateway.
    'Kube-OVN on AWS: pods cannot reach the internet, the nodes egress through a NAT gateway.',
    // Constructed: a cloud's custom VPC, in a cluster that names no Kube-OVN word.
    'Our EKS cluster runs in a custom VPC and pods cannot reach the internet through the NAT gateway.',
    '集群部署在自定义 VPC 里，calico 的 pod 无法访问外网，节点可以。',
    // Constructed: an OVN-Kubernetes gateway router's SNAT rule, in a report that names no Kube-OVN.
    'Pods cannot reach the internet on OVN-Kubernetes. ovn-nbctl lr-nat-list GR_worker1: snat external ip 172.18.0.3 logical ip 10.244.0.0/16.',
    // Constructed (Chinese): a Kube-OVN cross-node report pasting one NAT rule of its router in passing.
    'kube-ovn 跨节点 pod 不通，ping 超时。ovn-nbctl show 里有一条 nat：external ip 10.0.0.5 logical ip 10.16.0.0/16。',
  ])('%s → not declined', (question) => {
    expect(uncoveredVpcNat(question, explainsNone)).toBeNull();
  });
  it('leaves a node cut off from its own network to the runbook whose row says so', () => {
    // Real kubeovn/kube-ovn#3460 (shortened).
    const question =
      '默认VPC下，按照ovn eip snat dnat配置后，宿主机无法访问网络，其他设备也无法ping通宿主机。配置provider-network，Vlan，Subnet后，再配置00-centralized-external-gw-no-ip.yaml，宿主机网络就无法访问外网了。';
    expect(uncoveredVpcNat(question, explainsNone)).toContain('NAT');
    expect(uncoveredVpcNat(question, { ...explainsNone, nodeCutOff: true })).toBeNull();
  });
});

describe('vpcNatExplainedBy: which Kube-OVN VPC subjects the runbooks explain', () => {
  const doc = (title: string, symptoms: string[], prose = '') => ({
    title,
    triggers: [],
    chunks: [{ headingPath: ['概述'], text: prose }] as never,
    troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
  });
  it('counts titles and row symptoms, not prose or fixes', () => {
    const kb = [
      doc(
        'Kube-OVN 默认 VPC 路径：ovn-cluster 策略路由、网关与出网 SNAT',
        ['外部白名单只允许固定 IP，部分请求被拒'],
        '或使用 EIP',
      ),
      doc('Kube-OVN Pod 访问节点', ['自定义 VPC 中的 Pod 探针全部失败']),
      doc('Kube-OVN Underlay', ['部署 Underlay 后节点本身失联']),
    ];
    expect(vpcNatExplainedBy(kb)).toEqual({ nat: false, customVpc: false, nodeCutOff: true });
    expect(
      vpcNatExplainedBy([doc('Kube-OVN VPC NAT 网关', ['vpc-nat-gw Pod 能上网，VPC 内 Pod 不能'])]).nat,
    ).toBe(true);
    expect(vpcNatExplainedBy([doc('Kube-OVN', ['自定义 VPC 内 Pod 无法访问外网'])]).customVpc).toBe(true);
  });
});

describe('outsideNetworking: a Service type named in two words', () => {
  it('reads "load balancer" and "node port" as a path, whatever else the report deploys with', () => {
    // Real k3d report: helm is only how Grafana was deployed.
    expect(
      outsideNetworking(
        'Load Balancer is not working k3d. I have a k3s steps that deploys Grafana via helm and exposes port 3000 ' +
          'via a load balancer. Everything works fine however If I try the same process in k3d the port is dead.',
      ),
    ).toBe(false);
    // Constructed: the same in Chinese with a node port.
    expect(outsideNetworking('用 helm 部署 grafana 后，node port 30080 在 k3d 里用不了')).toBe(false);
  });
  it('still reads a helm report with no path as another trade', () => {
    expect(
      outsideNetworking(
        'helm upgrade fails: release stuck in pending-upgrade after the chart values changed',
      ),
    ).toBe(true);
    expect(outsideNetworking('helm 安装 grafana 失败，chart 版本不兼容')).toBe(true);
  });
});
