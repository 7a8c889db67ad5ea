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
