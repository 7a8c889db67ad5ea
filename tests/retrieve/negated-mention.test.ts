/** A thing named only to exclude it ("non host-network pods", "非 hostNetwork 的 Pod") is not the failing part. */
import { describe, expect, it } from 'vitest';
import { takeNegatedMentions } from '../../src/retrieve/negated-mention.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { splitWorking } from '../../src/retrieve/query.js';

const negated = (text: string) => takeNegatedMentions(normalizeText(text)).negated;

describe('takeNegatedMentions: the excluded thing', () => {
  it.each([
    ['Egress to external resources broken on all non host-network pods after scale up', 'host-network'],
    ['In L2 mode (non BGP) I cannot curl the LoadBalancer IP from outside', 'bgp'],
    ['non host network pods on node-3 cannot resolve service names', 'host network'],
    ['DNS returns an A record only if the service is non-headless', 'headless'],
    ['所有非 hostNetwork 的 Pod 都访问不了外网', 'hostnetwork'],
    ['非calico节点上的 pod 无法跨节点通信', 'calico'],
  ])('%s', (text, thing) => {
    expect(negated(text)).toEqual([thing]);
  });

  it.each([
    // Negation by a verb is as often the condition the report's own subject fails under.
    "it works just fine if I do not use hostNetwork and don't change the dns policy",
    'hostNetwork pods cannot reach the ClusterIP of kube-dns',
    'nonstop timeouts from pods to the service',
    '节点非常慢，pod 之间访问超时',
    '这个 Pod 并非运行在 hostNetwork 模式下也访问不了',
  ])('not: %s', (text) => {
    expect(negated(text)).toEqual([]);
  });
});

describe('splitWorking: the excluded thing leaves the failing part', () => {
  it('moves "non host-network" to the working clauses', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('all (non host-network) pods cannot make egress requests to external resources'),
    );
    expect(focus).not.toContain('host-network');
    expect(focus).toContain('egress');
    expect(workingClauses).toContain('host-network');
  });

  it('leaves a report about hostNetwork pods alone', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('hostNetwork pods cannot resolve cluster service names'),
    );
    expect(focus).toContain('hostnetwork');
    expect(workingClauses).toEqual([]);
  });
});
