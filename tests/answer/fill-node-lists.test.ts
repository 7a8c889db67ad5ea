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
