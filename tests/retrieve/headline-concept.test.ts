import { describe, expect, it } from 'vitest';
import {
  asksHow,
  failingConceptDocs,
  failingGroups,
  headlineConceptDocs,
  triggerGroupOwners,
} from '../../src/retrieve/headline-concept.js';
import { bundledSearchers } from './bundled-kb.js';

// A toy glossary: "client ip" and "客户端源 ip" are one group, "dns" another.
const groupsOf = (text: string): string[] => {
  const lower = text.toLowerCase();
  const groups: string[] = [];
  if (/client ?ip|客户端(源|真实)? ?ip/.test(lower)) groups.push('g-client-ip');
  if (/dns/.test(lower)) groups.push('g3');
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

// Canonical forms as canonicalize() writes them: "load balancer" / "负载均衡器" → g1, "not working" / "访问不了" → g2.
const mark = (group: string): string => `\u0001${group}\u0001`;
const failure = new Set(['g2']);

describe('failingGroups', () => {
  it('reads a headline whose subject is said to fail, in English and Chinese', () => {
    // Real k3d report: "Load Balancer is not working k3d".
    expect(failingGroups(`${mark('g1')} is ${mark('g2')} k3d`, failure)).toEqual(['g1']);
    // "负载均衡器访问不了"
    expect(failingGroups(`${mark('g1')}${mark('g2')}`, failure)).toEqual(['g1']);
    // "metallb 的负载均衡器还是访问不了": a few words between still say it of the concept.
    expect(failingGroups(`metallb 的${mark('g1')}还是${mark('g2')}`, failure)).toEqual(['g1']);
  });
  it('does not read a concept named in passing or in another clause as failing', () => {
    // "The load balancer works, but the app is not working"
    expect(failingGroups(`the ${mark('g1')} works, but the app is ${mark('g2')}`, failure)).toEqual([]);
    // "负载均衡器正常。业务访问不了"
    expect(failingGroups(`${mark('g1')}正常。业务${mark('g2')}`, failure)).toEqual([]);
    // Too far apart to be one statement.
    expect(
      failingGroups(
        `${mark('g1')} was set up by the team last month and now grafana is ${mark('g2')}`,
        failure,
      ),
    ).toEqual([]);
    // A failure with no concept before it.
    expect(failingGroups(`grafana ${mark('g2')} behind ${mark('g1')}`, failure)).toEqual([]);
  });
});

describe('failingConceptDocs', () => {
  const lbOwners = triggerGroupOwners(
    [
      { path: 'service/nodeport-loadbalancer.md', triggers: ['LoadBalancer pending'] },
      { path: 'dns/coredns.md', triggers: ['DNS 解析失败'] },
      { path: 'dns/headless-service.md', triggers: ['headless DNS'] },
    ],
    (text) => [
      ...(/loadbalancer|load balancer/i.test(text) ? ['g1'] : []),
      ...(/dns/i.test(text) ? ['g3'] : []),
    ],
  );
  it('names the one doc that triggers on the failing concept', () => {
    expect([...failingConceptDocs(`${mark('g1')} is ${mark('g2')}`, failure, lbOwners)]).toEqual([
      'service/nodeport-loadbalancer.md',
    ]);
  });
  it('names none for a concept several docs trigger on, or without a headline', () => {
    expect(failingConceptDocs(`${mark('g3')} is ${mark('g2')}`, failure, lbOwners).size).toBe(0);
    expect(failingConceptDocs(null, failure, lbOwners).size).toBe(0);
  });
});

describe('a long report whose headline says a runbook concept fails, on the bundled KB', () => {
  const { searcher } = bundledSearchers({});
  it('is answered from the runbook that owns the concept (real k3d report)', async () => {
    const result = await searcher.search(
      'Load Balancer is not working k3d. I have a k3s steps that deploys Grafana via helm and exposes port 3000 ' +
        'via a load balancer. Everything works fine however If I try the same process in k3d the port is dead.',
    );
    expect(result.abstain).toBe(false);
    expect(result.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
  });
});
