/**
 * A report whose first sentence states that a path the runbooks explain fails is answered from that sentence's
 * runbook when the whole report is under the abstention threshold and the sentence alone is not; a first sentence
 * that only mentions networking, names no end of a path or states no failure to connect is not read as one.
 */
import { describe, expect, it } from 'vitest';
import { bodyFailingSentence, firstSentence, statesFailingPath } from '../../src/answer/failing-path.js';
import { answersUnderThreshold } from './fixture-index.js';

describe('statesFailingPath', () => {
  it.each([
    // Real flannel-io/flannel style report: pods on different hosts cannot ping.
    'Pod cannot ping each other in multi-host scenario - failed to add vxlanRoute (10.1.2.0 -> 10.1.3.0): invalid argument',
    "Can't reach internet from pod / container. On the same hosts there are several VMs running.",
    'DNS resolution from pods does not work: `Can not find example.org: No answer`. Pod to pod connection works.',
    'Slow connect (TCP retransmits) via NodePort. Connecting through the NodePort is slow.',
    'Ping to host.minikube.internal not working on Mac OS on Hyperkit. I am using macos monterey and minikube.',
    'Pods are unable to connect to services in other namespaces after the upgrade. kube-proxy logs are clean.',
    '升级之后 pod 跨节点 ping 不通。flannel 用的 vxlan 后端，节点之间能互相 ping 通。',
    '容器无法访问外网。宿主机上 curl 百度正常，进到 pod 里面一直超时。',
    '集群内 pod 的 DNS 解析失败。coredns 日志里全是 i/o timeout。',
    // The kubelet's probe of a pod: node to pod.
    'Pods randomly killed because of failed health check. It is a fresh install of Kube-OVN with the installer script.',
    'Readiness probe timed out on pods of one node only. Other nodes are fine.',
    '新节点上的 pod 探针失败，一直在重启。换到老节点上就好了。',
    // The unreachable end said in the passive, and a connection's failure said as a noun.
    'The pod cannot be accessed from the host. kind v0.11.1 go1.16.4 linux/amd64.',
    'Pod to service connectivity lost after upgrade to microk8s snap version 1.18.8. We have one node.',
    'Pod to pod intermittent connection issues with ipam:eni and IPsec enabled',
    'Pod traffic get interrupted when upgrading from 1.7.x to 1.8.x',
    '升级 ovs 之后 pod 流量中断。其他节点正常。',
  ])('reads a failing path in %s', (question) => {
    expect(statesFailingPath(question)).toBe(true);
  });

  it.each([
    // The first sentence only mentions networking: what fails is the sandbox.
    'Pod stuck in ContainerCreating due to network related issue. Recently the network plugin timed out on two nodes.',
    // No end of a path: a mesh routing rule.
    'VirtualService weight not work. I have 2 versions of app and the pods cannot connect half of the time.',
    // A path named, but no failure to connect stated: a mesh policy blocks it by design.
    'Pod to Pod access is blocked with STRICT mtls. We need pods to call each other directly by pod IP.',
    // The failure is in the body, not the first sentence.
    'multiple issues running on ubuntu 22. After the host OS update pods cannot connect to each other between nodes.',
    // A health check of a database cluster, not a probe of a pod.
    '[BUG] Ovn-central permanently stuck in "joining cluster" after peer server ID change: health check blind spot prevents self-recovery. Kube-OVN v1.14.20.',
    // Chinese: a how-to and an install failure.
    '请教一下 flannel 如何实现跨节点的发送广播消息和组播消息？谢谢。',
    'macos下安装集群三个版本都是失败。平台 macos12.4，部署时 pod 一直 pending。',
    // A node's taint, not an unreachable end; a network issue only mentioned.
    'Node unreachable taint not removed from pods after the node came back. kubelet v1.27.',
    'Pod stuck in ContainerCreating due to networking issues. The sandbox is never created.',
    // A failure that is no connection: a build that fails to resolve its dependencies.
    'The builder pod fails to resolve artifact versions from the lock file.',
    '构建 pod 依赖下载失败，版本冲突。',
  ])('reads no failing path in %s', (question) => {
    expect(statesFailingPath(question)).toBe(false);
  });

  it('cuts the first sentence at a stop before a space, not inside a host name or version', () => {
    expect(firstSentence('Ping to host.minikube.internal not working on v1.25.1. I use brew.')).toBe(
      'Ping to host.minikube.internal not working on v1.25.1',
    );
    expect(firstSentence('pod 访问不了外网。宿主机正常')).toBe('pod 访问不了外网');
    expect(firstSentence('no stop at all')).toBe('no stop at all');
  });
});

const answer = answersUnderThreshold();

describe('a report under the threshold whose first sentence states a failing path', () => {
  it.each([
    [
      "Can't reach internet from pod / container. On the same hosts there are several VMs running, including mail servers and web servers, with no known issues; a hundred wget requests from the VM running k3s all succeed.",
      'pod-to-external/egress-internet.md',
    ],
    [
      'Slow connect (TCP retransmits) via NodePort. I made a custom chain with --random-fully masquerade before KUBE-POSTROUTING, and the counters show packets in it, but nothing changed after a few hours.',
      'service/nodeport-loadbalancer.md',
    ],
    [
      'Pods randomly killed because of failed health check. Expected: pods health check working. Actual: pods restarting randomly. It is a fresh install of Kube-OVN v1.10.1 with the installer script on Debian 11; pods checked: Longhorn, Grafana.',
      'kube-ovn/node-to-pod-ovn0.md',
    ],
    [
      'Pod 无法访问外网。同一台宿主机上的几台虚拟机（邮件服务器、网站、监控）都没有问题，在装了 k3s 的虚拟机上 wget 一百次都成功。',
      'pod-to-external/egress-internet.md',
    ],
  ])('is answered from that sentence’s runbook: %s', async (report, runbook) => {
    expect(await answer(report)).toEqual({ abstained: false, first: runbook });
  });

  it.each([
    'Pod stuck in ContainerCreating due to network related issue. Recently I see pods waiting for sandbox creation for minutes on two nodes; kubelet events show FailedCreatePodSandBox.',
    'Pod to Pod access is blocked with STRICT mtls. We need pods of one namespace to call pods of another directly by pod IP but the sidecar rejects plain text.',
    'statefulset pod 重启后 IP 发生改变。节点重启后 pod 恢复 Running，但是 pod 的 ip 变了。',
  ])('still abstains when it does not: %s', async (report) => {
    expect((await answer(report)).abstained).toBe(true);
  });
});

describe('bodyFailingSentence', () => {
  it.each([
    // Real (k3s-io/k3s report): a title that names no failure to connect, the failing path once in the middle.
    [
      "Pod-to-pod communication doesn't always work. I have a few VPS added to my k3s cluster with only the installation script and no further configuration. I added a new node and can deploy pods to it, but pods running on that node cannot reach pods on any other node (only other local pods), although they can reach internet services and the other nodes themselves. Reinstalling k3s and the OS did not help.",
      'I added a new node and can deploy pods to it, but pods running on that node cannot reach pods on any other node (only other local pods), although they can reach internet services and the other nodes themselves.',
    ],
    [
      'multiple issues running on ubuntu 22. After the host OS update pods cannot connect to each other between nodes.',
      'After the host OS update pods cannot connect to each other between nodes.',
    ],
    // Constructed, Chinese: environment first, then the failing path.
    [
      '新节点的问题。环境：3 个节点的 k3s，只跑了安装脚本。新加的节点上的 pod 无法访问其他节点上的 pod，本节点的 pod 之间正常。',
      '新加的节点上的 pod 无法访问其他节点上的 pod，本节点的 pod 之间正常。',
    ],
  ])('finds the failing sentence of %s', (question, sentence) => {
    // Read as NFKC, as every rule of the module reads a report (a full-width comma is a comma).
    expect(bodyFailingSentence(question)).toBe(sentence.normalize('NFKC'));
  });

  it.each([
    // The headline states it already (statesFailingPath): nothing more to find.
    "Can't reach internet from pod / container. On the same hosts pods cannot reach the mail servers either.",
    // No sentence states a failure to connect: a sandbox waits.
    'Pod stuck in ContainerCreating due to network related issue. Recently I see pods waiting for sandbox creation for minutes on two nodes.',
    // A failure to connect with no end of a path the runbooks explain.
    'Our CI broke after the upgrade. The runner cannot connect to the registry mirror.',
    // One sentence only: the headline is the whole question.
    'pods cannot connect to each other between nodes',
    // Chinese: an image pull fails, no path fails to connect.
    '集群升级后的问题。kubectl exec 进入容器后执行 apt-get 很慢，镜像拉取失败。',
  ])('finds none in %s', (question) => {
    expect(bodyFailingSentence(question)).toBeNull();
  });
});

describe('a report under the threshold that states its failing path in the body', () => {
  it('is answered from the runbook that sentence finds within the report’s CNI (K3s: Flannel)', async () => {
    const report =
      "Pod-to-pod communication doesn't always work. I have a few VPS added to my k3s cluster with only the installation script and no further configuration. I added a new node and can deploy pods to it, but pods running on that node cannot reach pods on any other node (only other local pods), although they can reach internet services and the other nodes themselves. Reinstalling k3s and the OS did not help.";
    expect(await answer(report)).toEqual({ abstained: false, first: 'flannel/vxlan-host-gw.md' });
  });

  it('still abstains when that sentence finds a runbook of a CNI the report does not name', async () => {
    const report =
      'Networking problems on new VPS nodes. I have a few VPS added to my cluster with only the installation script. Pods running on the new node cannot reach pods on any other node.';
    expect((await answer(report)).abstained).toBe(true);
  });
});
