import { describe, expect, it } from 'vitest';
import { asksHow, headlineConceptDocs, triggerGroupOwners } from '../../src/retrieve/headline-concept.js';
import { bundledSearchers } from './bundled-kb.js';

// A toy glossary: "client ip" and "客户端源 ip" are one group, "dns" another.
const groupsOf = (text: string): string[] => {
  const lower = text.toLowerCase();
  const groups: string[] = [];
  if (/client ?ip|客户端(源|真实)? ?ip/.test(lower)) groups.push('g-client-ip');
  if (/dns/.test(lower)) groups.push('g-dns');
  return groups;
};
const owners = triggerGroupOwners(
  [
    { path: 'service/nodeport-loadbalancer.md', triggers: ['客户端源 IP 丢失', 'MetalLB'] },
    { path: 'dns/coredns.md', triggers: ['DNS 解析失败'] },
    { path: 'dns/headless-service.md', triggers: ['headless DNS'] },
  ],
  groupsOf,
);

describe('asksHow', () => {
  it('reads how-to headlines in English and Chinese', () => {
    expect(asksHow('How to get Client IP')).toBe(true);
    expect(asksHow('如何在 Pod 里拿到客户端真实 IP')).toBe(true);
    expect(asksHow('后端怎么拿到客户端源 IP')).toBe(true);
  });
  it('does not read failure headlines as how-to', () => {
    expect(asksHow('Pod stuck in ContainerCreating due to network related issue')).toBe(false);
    expect(asksHow('应用日志里客户端 IP 都是节点 IP')).toBe(false);
    expect(asksHow('showing the client ip')).toBe(false);
  });
});

describe('headlineConceptDocs', () => {
  it('names the one doc whose triggers own a concept a how-to headline names', () => {
    expect([...headlineConceptDocs('How to get Client IP', groupsOf, owners)]).toEqual([
      'service/nodeport-loadbalancer.md',
    ]);
    expect([...headlineConceptDocs('如何获取客户端真实 IP', groupsOf, owners)]).toEqual([
      'service/nodeport-loadbalancer.md',
    ]);
  });
  it('names none for a concept several docs trigger on, a failure headline, or no headline', () => {
    expect(headlineConceptDocs('How to debug DNS in a pod', groupsOf, owners).size).toBe(0);
    expect(headlineConceptDocs('Pods lose the client IP after upgrade', groupsOf, owners).size).toBe(0);
    expect(headlineConceptDocs('集群 DNS 怎么配置', groupsOf, owners).size).toBe(0);
    expect(headlineConceptDocs(null, groupsOf, owners).size).toBe(0);
  });
});

describe('a long how-to report about a runbook concept on the bundled KB', () => {
  const { searcher } = bundledSearchers({});
  it('is answered from the runbook that owns the concept', async () => {
    for (const question of [
      'when server hope get client IP, how configure the haproxy-ingress for? My tenant have a server, It want ' +
        'get http/tcp client IP. What should I do configure the haproxy-ingress?',
      'How to get Client IP? First of all, thank you for such a great project. I replaced ngnix-ingress with ' +
        'caddy-ingress in order to be able to automatically register the certificate. This is all great, but my ' +
        'usage scenario requires obtaining the ClientIP, but I did not find the relevant documentation.',
    ]) {
      const result = await searcher.search(question);
      expect(result.abstain).toBe(false);
      expect(result.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
    }
  });
  it('still declines the same report when its headline states a failure instead of asking how', async () => {
    const result = await searcher.search(
      'Client IP is lost behind caddy-ingress. Thank you for the project. I replaced nginx-ingress with ' +
        'caddy-ingress in order to register the certificate automatically. All of this works, but my scenario ' +
        'requires obtaining the ClientIP, and I did not find the relevant documentation.',
    );
    expect(result.abstain).toBe(true);
  });
});
