import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('a list of node names written after the object word', () => {
  it('is the inventory: the node written again apart is the report’s', () => {
    expect(
      fills('I have 3 nodes: k8s-master, k8s-node1, k8s-node2. Pods on k8s-node2 cannot reach coredns.').get(
        '<node-name>',
      ),
    ).toBe('k8s-node2');
    expect(
      fills('集群有三个节点 k8s-master、k8s-node1、k8s-node2，k8s-node2 上的 pod 访问不了 coredns').get(
        '<node-name>',
      ),
    ).not.toBe('k8s-master');
  });

  it('still takes one node written after the object word', () => {
    expect(fills('节点 k8s-master 上的 pod 访问不了 coredns').get('<node-name>')).toBe('k8s-master');
    expect(fills('pods on node k8s-master cannot reach coredns').get('<node-name>')).toBe('k8s-master');
  });
});
describe('a node written only with the status Ready', () => {
  it('is a healthy node of a status list, not the report’s node', () => {
    expect(
      fills('节点状态: k8s-master Ready, k8s-node1 Ready, k8s-node2 NotReady。pod 跨节点不通').get(
        '<node-name>',
      ),
    ).toBe('k8s-node2');
    expect(
      fills('kubectl get nodes 输出 master1 Ready 和 node1 Ready，node1 上的 pod 访问不了 service').get(
        '<node-name>',
      ),
    ).toBe('node1');
    expect(
      fills('Node status: worker-1 Ready, worker-2 Ready. Pods on worker-3 cannot reach the service').get(
        '<node-name>',
      ),
    ).toBe('worker-3');
  });

  it('fills nothing from a list of healthy nodes alone', () => {
    expect(
      fills('nodes: k8s-node1 Ready, k8s-node2 Ready; pods cannot reach the internet').get('<node-name>'),
    ).toBeUndefined();
  });

  it('still takes a lone node said to be Ready, or one cordoned or NotReady', () => {
    expect(fills('node-3 Ready but pods on it cannot reach 10.96.0.1').get('<node-name>')).toBe('node-3');
    expect(
      fills('worker-1 Ready, worker-2 Ready,SchedulingDisabled; pods on it fail').get('<node-name>'),
    ).toBe('worker-2');
    expect(fills('worker-1 Ready, worker-2 NotReady').get('<node-name>')).toBe('worker-2');
  });
});
describe('hosts listed each with its address after an inventory word', () => {
  it.each([
    // Real (reports23.yaml, kubekey#1282): only node1 and node2 have a node's shape, the master entry lists too.
    'kubernetes v1.24.0 install failed with calico node not ready. KubeKey 2.1.0, ubuntu 22.04; hosts master 192.168.72.30, node1 192.168.72.31, node2 192.168.72.32; network plugin calico, containerd.',
    // Constructed: a master and one worker, English and Chinese.
    'calico-node not ready after install. hosts master 192.168.72.30, node1 192.168.72.31; containerd.',
    '安装后 calico-node 未就绪。两台主机：master 192.168.72.30，node1 192.168.72.31；containerd。',
    '节点：k8s-node1（10.0.0.21）、k8s-node2（10.0.0.22）；coredns 一直 CrashLoopBackOff',
  ])('names no node of the inventory: %s', (question) => {
    expect(fills(question).get('<node-name>')).toBeUndefined();
  });

  it('keeps a node the report writes apart from the inventory', () => {
    expect(
      fills('hosts: node1 10.0.0.1, node2 10.0.0.2; calico-node on node2 is CrashLoopBackOff').get(
        '<node-name>',
      ),
    ).toBe('node2');
    expect(
      fills('节点：k8s-node1 10.0.0.21，k8s-node2 10.0.0.22。现象：k8s-node2 上的 pod 无法访问 service').get(
        '<node-name>',
      ),
    ).toBe('k8s-node2');
  });

  it.each([
    // Constructed: one node with its address is the report's node, not an inventory.
    ['calico-node on node node1 10.0.0.5 is not ready', 'node1'],
    ['节点 node1 10.0.0.5 上的 calico-node 未就绪', 'node1'],
    // Constructed: two nodes joined by "and" are the two ends of a path.
    ['ping between node1 (10.0.0.1) and node2 (10.0.0.2) fails', 'node1'],
  ])('still takes a node outside an inventory: %s → %s', (question, node) => {
    expect(fills(question).get('<node-name>')).toBe(node);
  });
});
describe('hosts written each as a field of its address', () => {
  it.each([
    // Real (reports25.yaml, calico VXLAN throughput report): the two nodes of the environment, no path's ends.
    'The performance of pod-to-pod communication across nodes significantly decreases when using Always mode compared to CrossSubnet mode for IP pools in VXLAN. node1: 10.0.102.61/24, node2: 10.0.102.62/24',
    // Constructed: the same environment line in Chinese, and written with `=`.
    'VXLAN 模式下跨节点 pod 带宽只有几十兆。环境：k8s-node1：10.0.0.21，k8s-node2：10.0.0.22',
    'cross-node pod traffic is slow. worker1=10.0.0.21, worker2=10.0.0.22',
  ])('names no node of them: %s', (question) => {
    expect(fills(question).get('<node-name>')).toBeUndefined();
  });

  it.each([
    // Constructed: a host of the environment written again where the failure is.
    ['node1: 10.0.0.1, node2: 10.0.0.2; pods on node2 cannot reach coredns', 'node2'],
    ['环境：k8s-node1：10.0.0.21，k8s-node2：10.0.0.22。k8s-node2 上的 pod 无法访问 service', 'k8s-node2'],
    // Constructed: the ends of a path written in prose, one with its address as a field.
    ['pods on node1 (10.0.0.1) cannot reach pods on node2: 10.0.0.2', 'node1'],
    // Constructed: a single host with its address is the report's node.
    ['calico-node on worker1: 10.0.0.21 is not ready', 'worker1'],
  ])('still takes the report’s node: %s → %s', (question, node) => {
    expect(fills(question).get('<node-name>')).toBe(node);
  });
});
