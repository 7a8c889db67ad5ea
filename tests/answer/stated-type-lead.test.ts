/**
 * The external-access runbook keeps the lead over a ClusterIP runbook's row in a report stating the Service type it
 * goes through, in its headline or in the sentence after a headline naming no end of a path
 * (src/answer/stated-type-lead.ts).
 */
import { describe, expect, it } from 'vitest';
import { keepsStatedTypeLead, statesExternalType } from '../../src/answer/stated-type-lead.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';

const categories = RETRIEVAL_CONFIG.statedPathCategories;

describe('statesExternalType', () => {
  it.each([
    'NodePort service not reachable from my laptop. curl 192.168.1.10:30080 times out.',
    'Connection refused on exposed port. I am trying to publish a Service using the NodePort type and I keep getting refused connections. kubectl v1.2.2.',
    'LoadBalancer 类型的 service 从集群外访问不了。pod 正常。',
    '端口连不上。用 NodePort 发布了服务，从外面访问一直被拒绝。',
  ])('%s', (question) => {
    expect(statesExternalType(question)).toBe(true);
  });

  it.each([
    'Cluster-IP not working. The only way I can access services is through nodeport: curl localhost:31898 works.',
    'service 访问不了。我之前用 nodeport 发布过，现在 cluster ip 也不通。',
    'Connection refused on exposed port. The pod answers on its own IP. kubectl v1.2.2.',
    'pod 之间 ping 不通',
  ])('not: %s', (question) => {
    expect(statesExternalType(question)).toBe(false);
  });
});

describe('keepsStatedTypeLead', () => {
  const report =
    'Connection refused on exposed port. I am trying to publish a Service using the NodePort type and I keep getting refused connections.';

  it('keeps the external-access runbook first against a ClusterIP row', () => {
    expect(keepsStatedTypeLead(report, 'service_external', 'service_clusterip', categories)).toBe(true);
  });

  it('lets another runbook’s row lead, and changes nothing when the lead stays', () => {
    expect(keepsStatedTypeLead(report, 'service_external', 'host_network', categories)).toBe(false);
    expect(keepsStatedTypeLead(report, 'service_external', 'service_external', categories)).toBe(false);
    expect(keepsStatedTypeLead(report, 'service_clusterip', 'service_external', categories)).toBe(false);
  });

  it('not in a report that states no external type', () => {
    const clusterIp = 'Pods cannot reach a service by its ClusterIP. Connection to 10.96.40.2:80 is refused.';
    expect(keepsStatedTypeLead(clusterIp, 'service_external', 'service_clusterip', categories)).toBe(false);
  });
});
