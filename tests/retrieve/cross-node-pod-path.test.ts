/**
 * A report that places the pods of its failing path on different nodes is about its CNI's cross-node datapath
 * runbook, not the generic host → pod one: that CNI's cross-node runbooks score more (src/retrieve/cross-node-pod-path.ts).
 */
import { describe, expect, it } from 'vitest';
import { crossNodePodPathFactor, statesCrossNodePods } from '../../src/retrieve/cross-node-pod-path.js';

describe('statesCrossNodePods', () => {
  it.each([
    'ping works for pods on the same node but not for pods on different nodes (100% packet loss)',
    'The issue avoids routing of traffic from that particular node to pods on the other node.',
    'Pods on the same node can access each other, the pods on different nodes cannot be accessed.',
    'pod to pod communication across nodes fails after the upgrade, calico 3.26',
    'cross-node pod traffic is dropped when wireguard is disabled',
    '不同node上的容器之间ping不通，node节点上的calico网络的转发路由没有生效',
    'flannel vxlan 跨节点 pod 不通',
    '其他节点上的 Pod 访问不了，本节点的可以',
    '两个 pod 分别在不同的节点上，互相 ping 不通',
  ])('%s', (text) => {
    expect(statesCrossNodePods(text)).toBe(true);
  });

  it.each([
    // One node only: the pod and its own host, or pods side by side.
    'In the container I cannot ping the host ip; on the host I can ping the container ip.',
    'two pods on the same node cannot reach each other over the cni0 bridge',
    'readiness probes time out only on the dual-nic nodes, calico',
    '同一节点上的两个 pod 互相访问不通',
    // Nodes, but no pods on them.
    'Except first node all other nodes not able to access Kube APIs and unable to resolve DNS.',
    '节点之间 ping 不通，防火墙已经关闭',
  ])('not: %s', (text) => {
    expect(statesCrossNodePods(text)).toBe(false);
  });
});

describe('crossNodePodPathFactor', () => {
  const categoryOfDoc = (docPath: string) =>
    ({
      'calico/bgp-ipip.md': 'pod_to_pod_cross_node',
      'flannel/vxlan-host-gw.md': 'pod_to_pod_cross_node',
      'node-to-pod/host-to-pod-generic.md': 'node_to_pod',
    })[docPath] ?? null;
  const cniOfDoc = (docPath: string) =>
    docPath.startsWith('calico/') ? 'calico' : docPath.startsWith('flannel/') ? 'flannel' : null;
  const report = 'pods on different nodes cannot ping each other, calicoctl node status shows the mesh up';

  it('lifts the cross-node runbook of the report’s CNI only', () => {
    const factor = crossNodePodPathFactor(report, ['calico'], categoryOfDoc, cniOfDoc, 1.3);
    expect(factor?.('calico/bgp-ipip.md')).toBe(1.3);
    expect(factor?.('flannel/vxlan-host-gw.md')).toBe(1);
    expect(factor?.('node-to-pod/host-to-pod-generic.md')).toBe(1);
  });

  it('does not apply without a known CNI, without cross-node pods, or at factor 1', () => {
    expect(crossNodePodPathFactor(report, [], categoryOfDoc, cniOfDoc, 1.3)).toBeNull();
    expect(
      crossNodePodPathFactor('容器里 ping 不通宿主机 IP，calico', ['calico'], categoryOfDoc, cniOfDoc, 1.3),
    ).toBeNull();
    expect(crossNodePodPathFactor(report, ['calico'], categoryOfDoc, cniOfDoc, 1)).toBeNull();
  });
});
