/**
 * A report showing the resolver's own error (`ping: unknown host`, `Could not resolve host`, `lookup x on
 * 10.96.0.10:53: no such host`) lifts the main DNS runbook, unless it names its CNI, matched another runbook's trigger,
 * or names the headless / StatefulSet case (src/retrieve/failing-lookup.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failingLookupFactor, showsResolverError } from '../../src/retrieve/failing-lookup.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

describe('showsResolverError', () => {
  it.each([
    'root@web:/# ping my-api → ping: unknown host',
    'curl -v http://orders.shop.svc.cluster.local → curl: (6) Could not resolve host: orders.shop.svc.cluster.local',
    'the app logs: dial tcp: lookup redis on 10.96.0.10:53: no such host',
    'lookup mysql.db.svc.cluster.local on 10.43.0.10:53: read udp 10.42.0.7:41230->10.43.0.10:53: i/o timeout',
    "nslookup: can't resolve 'kubernetes.default'",
    "wget: bad address 'web.default'",
    'pip install fails: Temporary failure in name resolution',
    '容器里 ping web 报 ping: unknown host web，换成 IP 就通',
    '应用日志里一直是 lookup api on 10.96.0.10:53: no such host',
    'dig 返回 status: NXDOMAIN',
  ])('%s', (text) => {
    expect(showsResolverError(normalizeText(text))).toBe(true);
  });

  it.each([
    'DNS resolution failed when the app pod and the coredns pod are on the same node',
    '加了一条拒绝所有流量的策略以后，连 dns 也解析不了了',
    'curl 10.96.120.4:80 from a pod times out, the Service has endpoints',
    'dial tcp 10.96.0.1:443: i/o timeout',
    'Pod 之间 ping 不通，跨节点丢包',
    'which host does the unknown pod run on?',
  ])('not: %s', (text) => {
    expect(showsResolverError(normalizeText(text))).toBe(false);
  });
});

describe('failingLookupFactor', () => {
  const docs: Record<string, { category: string; priority: number }> = {
    'dns/coredns.md': { category: 'dns', priority: 50 },
    'dns/headless-service.md': { category: 'dns', priority: 20 },
    'host-network/hostnetwork-pods.md': { category: 'host_network', priority: 30 },
  };
  const factorFor = (
    text: string,
    options: { triggered?: string[]; cniKnown?: boolean; factor?: number } = {},
  ) =>
    failingLookupFactor({
      text: normalizeText(text),
      cniKnown: options.cniKnown ?? false,
      triggered: new Set(options.triggered ?? []),
      categoryOfDoc: (docPath) => docs[docPath]?.category ?? null,
      priorityOfDoc: (docPath) => docs[docPath]?.priority ?? 0,
      topDnsPriority: 50,
      factor: options.factor ?? 1.3,
    });

  it('lifts only the main DNS runbook of a report showing a resolver error', () => {
    for (const text of [
      'ping my-nginx → ping: unknown host',
      '日志：lookup api on 10.96.0.10:53: no such host',
    ]) {
      const factor = factorFor(text, { triggered: ['dns/coredns.md'] });
      expect(factor?.('dns/coredns.md'), text).toBe(1.3);
      expect(factor?.('dns/headless-service.md'), text).toBe(1);
      expect(factor?.('host-network/hostnetwork-pods.md'), text).toBe(1);
    }
  });

  it('does not apply to prose about a failing lookup, or when the factor is 1', () => {
    expect(factorFor('DNS resolution failed when the app pod and coredns share a node')).toBeNull();
    expect(factorFor('default deny 以后 Pod 里域名解析不了')).toBeNull();
    expect(factorFor('ping web → ping: unknown host', { factor: 1 })).toBeNull();
  });

  it('leaves the report to the runbook whose language it speaks', () => {
    // Its CNI is known: a CNI runbook explains why its pods reach no DNS server.
    expect(factorFor('vlan 模式 busybox 里 ping web: unknown host', { cniKnown: true })).toBeNull();
    // Another runbook's trigger matched.
    expect(
      factorFor('hostNetwork: true pod: curl: (6) Could not resolve host: api.default.svc', {
        triggered: ['host-network/hostnetwork-pods.md', 'dns/coredns.md'],
      }),
    ).toBeNull();
    // The headless / StatefulSet case.
    expect(factorFor('nacos StatefulSet: lookup nacos-hs on 10.43.0.10:53: no such host')).toBeNull();
    expect(factorFor('nslookup web-0.nginx.default.svc.cluster.local → NXDOMAIN')).toBeNull();
  });
});

describe('the CoreDNS runbook on the bundled KB', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ failingLookup: 1 }));
  });

  it.each([
    'Service name does not work from pods: root@nginx:/# ping my-nginx → ping: unknown host; ping kubernetes gets no answer. The DNS pods look healthy.',
    '测试 dns 时出现问题：root@nginx:/# ping my-nginx → ping: unknown host；ping kubernetes 没有响应。dns 的 pod 在运行。',
  ])('cites CoreDNS first when the report shows the resolver error: %s', async (question) => {
    expect((await neutral.search(question)).hits[0]?.doc.path).not.toBe('dns/coredns.md');
    const result = await searcher.search(question);
    expect(result.hits[0]?.doc.path).toBe('dns/coredns.md');
    // Reordering does not change how sure the answer is.
    expect(result.confidence).toBeGreaterThanOrEqual((await neutral.search(question)).confidence);
  });
});
