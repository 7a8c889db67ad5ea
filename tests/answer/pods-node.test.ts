import { describe, expect, it } from 'vitest';
import { podsPlacedAt } from '../../src/answer/pods-node.js';

const placed = (text: string, name: string) => {
  const lower = text.toLowerCase();
  return podsPlacedAt(lower, lower.lastIndexOf(name), name);
};

describe('podsPlacedAt', () => {
  it('reads the node pods are placed on, in English and Chinese', () => {
    expect(
      placed('master k8s-master, worker k8s-worker1; pods on k8s-worker1 cannot reach DNS', 'k8s-worker1'),
    ).toBe(true);
    expect(placed('the pods running on node node-3 time out', 'node-3')).toBe(true);
    expect(placed('a container in worker-2 cannot ping 8.8.8.8', 'worker-2')).toBe(true);
    expect(placed('三个节点，k8s-node2 上的 pod 无法访问 service', 'k8s-node2')).toBe(true);
    expect(placed('pod 在 node2 上 ping 不通', 'node2')).toBe(true);
    expect(placed('k8s-node1 节点上运行的容器访问超时', 'k8s-node1')).toBe(true);
  });

  it('reads no placement from a node written otherwise', () => {
    expect(placed('master k8s-master, worker k8s-worker1; pods cannot reach DNS', 'k8s-worker1')).toBe(false);
    expect(placed('ssh to worker-2 and run tcpdump', 'worker-2')).toBe(false);
    expect(placed('k8s-node2 节点 NotReady', 'k8s-node2')).toBe(false);
    expect(placed('在 node2 上执行 ip route', 'node2')).toBe(false);
    // Pods that are reached are the destination: the checks start where traffic comes from.
    expect(placed('node1 ----> node2 stands for ping Pod on node2 from node1', 'node2')).toBe(false);
    expect(
      placed('from node1 host namespace, ping IP address of a pod on node2 (e.g. 192.168.1.10)', 'node2'),
    ).toBe(false);
    expect(placed('从 node1 访问 node2 上的 pod 不通', 'node2')).toBe(false);
  });
});
