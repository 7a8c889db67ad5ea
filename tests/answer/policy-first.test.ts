/**
 * A report saying in one sentence that its NetworkPolicy does not take effect: the NetworkPolicy runbook leads over a
 * runbook of the CNI the report runs (src/answer/policy-first.ts).
 */
import { describe, expect, it } from 'vitest';
import { policyFirst, statesPolicyFailure } from '../../src/answer/policy-first.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

describe('statesPolicyFailure', () => {
  it.each([
    'ipBlock.cidr does not block connection on the node where the pod is running? calico 3.18 vxlan',
    'Network v1 is not working with calico. I set up the network policy according to https://kubernetes.io/docs/tasks/administer-cluster/declare-network-policy/ with network v1 policy, but it is not working; the pod should be isolated.',
    'Cilium DNS-based egress rules (toFQDN) not working reliably on node1.',
    'calico networkpolicy ipblock 白名单不生效，外部还能访问容器服务',
    '配置了网络策略但没有生效，pod 之间还是能互相访问',
  ])('%s', (question) => {
    expect(statesPolicyFailure(question)).toBe(true);
  });

  it.each([
    'After some normal usage, one particular deployment lost pod network access. Cilium v1.16. No network policy is applied to it.',
    'The pod network is not accessible because no routes have been created. Calico BGP mode, the nodes are in different subnets.',
    'calico-node 起不来，BGP 邻居一直不是 Established，没有配置任何网络策略',
    'Egress network policy allows traffic that should be denied.',
  ])('not: %s', (question) => {
    expect(statesPolicyFailure(question)).toBe(false);
  });
});

const hit = (path: string, category: string): FusedHit =>
  ({ doc: { path, category }, score: 1, matchedTriggers: [] }) as unknown as FusedHit;

const result = (hits: FusedHit[]): RetrievalResult =>
  ({ hits, confidence: 0.9, abstain: false, retrievers: [], took_ms: 0 }) as unknown as RetrievalResult;

describe('policyFirst', () => {
  const calico = hit('calico/bgp-ipip.md', 'pod_to_pod_cross_node');
  const policy = hit('network-policy/networkpolicy-debug.md', 'network_policy');
  const report = 'ipBlock.cidr does not block connection on the node where the pod is running? calico 3.18';

  it('moves the NetworkPolicy runbook first', () => {
    const led = policyFirst(report, result([calico, policy]), 'network_policy');
    expect(led?.hits.map((h) => h.doc.path)).toEqual([
      'network-policy/networkpolicy-debug.md',
      'calico/bgp-ipip.md',
    ]);
  });

  it('changes nothing when it already leads, is not among the hits, or no policy fails', () => {
    expect(policyFirst(report, result([policy, calico]), 'network_policy')).toBeNull();
    expect(policyFirst(report, result([calico]), 'network_policy')).toBeNull();
    expect(
      policyFirst('calico 跨节点 pod 不通，BGP 邻居未建立', result([calico, policy]), 'network_policy'),
    ).toBeNull();
  });
});
