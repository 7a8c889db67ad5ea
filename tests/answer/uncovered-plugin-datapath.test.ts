import { describe, expect, it } from 'vitest';
import { clusterPlugins, uncoveredPluginDatapath } from '../../src/answer/uncovered-plugin-datapath.js';

/** A KB with runbooks for these CNIs (Canal is Flannel's and Calico's). */
const KB_WORDS = new Set(['calico', 'cilium', 'flannel', 'canal', 'kube-ovn', 'bridge']);
const known = (name: string) => KB_WORDS.has(name);

describe('clusterPlugins: the plugins a report says its cluster runs', () => {
  it('reads the plugin set as the network plugin, named in wide use, or by its own tool', () => {
    expect(clusterPlugins('阿里云上自建集群，网络插件 terway，版本 1.2')).toEqual(['terway']);
    expect(clusterPlugins('网络插件为kube-router')).toEqual(['kube-router']);
    expect(clusterPlugins('kops create cluster --networking romana --zones us-east-1a')).toEqual(['romana']);
    expect(clusterPlugins('CNI: hybridnet, Kubernetes v1.24')).toEqual(['hybridnet']);
    expect(clusterPlugins('we run kube-router as the network plugin')).toEqual(['kube-router']);
    expect(clusterPlugins('I created the network with `netctl net create -s 10.1.0.0/16 blue`')).toEqual([
      'contiv',
    ]);
  });

  it('reads no plugin from words standing in for one, from Multus, or from a plugin-prefixed object', () => {
    expect(clusterPlugins('the cluster uses the default as the CNI')).toEqual([]);
    expect(clusterPlugins('multus delegates to macvlan for net1')).toEqual([]);
    expect(clusterPlugins('kubectl get pods shows weave-scope-app Running')).toEqual([]);
    expect(clusterPlugins('跨节点 pod 不通，请帮忙看看')).toEqual([]);
  });
});

describe('uncoveredPluginDatapath: pods failing to reach pods over a plugin the KB does not cover', () => {
  it.each([
    '跨节点的pod之间不通，同一节点上的pod可以互访。集群在华为云ECS上，网络插件：terway，k8s 1.22。',
    '不同節點的pod之間無法通信。網路插件 kube-router，三台虛擬機。',
    'Pods on different nodes cannot talk to each other. Cluster built with kops --networking kube-router on AWS.',
    'Some pods cannot reach other pods after adding a second subnet. We use romana as the network plugin.',
    'pod to pod across nodes is broken after reboot. I created the VLAN network with `netctl net create -e vlan -p 200 -s 10.9.0.0/24 prod`.',
    "Pods can't talk across nodes on our cluster. CNI is weave-net 2.8.1 installed from https://github.com/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml",
    'Pods cannot communicate between the nodes after the upgrade. We use kube-router as the network plugin.',
  ])('declines %s', (question) => {
    expect(uncoveredPluginDatapath(question, known)).toMatch(/network plugin's own datapath/);
  });

  it.each([
    // A covered CNI named beside it: the cluster may run that one (kube-router only as a route reflector).
    'Pods on different nodes cannot ping each other. calicoctl node status shows no peers; do I need kube-router for routing?',
    '跨节点pod不通，网络插件 flannel，vxlan 模式。',
    // Real (reports19.yaml, shortened): across nodes, on Flannel.
    'Why only start one coredns, pod cannot communicate across nodes? I have two worker nodes and use flannel to communicate.',
    // A path of any plugin in the first sentence: a Service, DNS, an MTU mismatch.
    'Pods cannot reach other pods through the ClusterIP service. Network plugin: kube-router.',
    '跨节点 pod 访问 coredns 解析超时，网络插件 terway。',
    'Pods on different nodes cannot ping each other with large packets. kube-router as the CNI, MTU 1500 on eth0 but 1450 on the tunnel.',
    // Only on the node itself: the same-node runbook holds whatever plugin runs.
    'Pods on the same node cannot ping each other. We use kube-router as the network plugin.',
    // No plugin said, or the failing subject is not pods reaching pods.
    'Pods on different nodes cannot ping each other after upgrading the cluster to 1.29.',
    'kube-router pod CrashLoopBackOff after upgrade; network plugin: kube-router.',
  ])('answers %s', (question) => {
    expect(uncoveredPluginDatapath(question, known)).toBeNull();
  });
});
