/**
 * A report saying a name resolves to the wrong address: the cluster DNS runbook leads (src/answer/wrong-resolution.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  statesWrongResolution,
  wrongResolutionClause,
  wrongResolutionFirst,
} from '../../src/answer/wrong-resolution.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

describe('statesWrongResolution', () => {
  it.each([
    'the connection is incorrectly resolving to public CloudFlare IP addresses instead of the internal cluster IP',
    'deathstar.default.svc.cluster.local wrongly resolved to 127.0.0.1, so every request goes to the wrong place',
    'redis-master.cache.svc.cluster.local resolves to an unexpected IP address from our corporate domain',
    'nslookup returned the wrong IP for my-service.default',
    'the pod resolves api.prod.svc.cluster.local to 52.1.2.3 rather than the ClusterIP',
    'Service 名称被解析到了错误的 IP，连接超时',
    'In this container, I run nslookup zk.inner.example.cn, sometimes it returns wrong result',
    'pod 里 nslookup mysql.db，解析的 IP 不对',
  ])('%s', (question) => {
    expect(statesWrongResolution(question)).toBe(true);
  });

  it.each([
    'nslookup web.default.svc.cluster.local resolves to 10.96.0.12 but curl to it times out',
    'java.net.UnknownHostException: kafka-0.kafka-headless.default.svc.cluster.local',
    'The ClusterIP works but the service name does not resolve',
    'pods cannot reach external IP addresses such as 8.8.8.8 after the upgrade',
    'I resolved the issue by restarting coredns instead of deleting the pods',
    '域名解析失败，nslookup 超时',
    'I am trying to curl traefik using the external FQDN which resolves to the external metallb IP from within a pod',
    '域名解析到公网 IP，但是 pod 里访问超时',
    'the API returns wrong results after the upgrade of the deployment',
    'DNS 解析正常，但是访问 Service IP 不通',
  ])('not: %s', (question) => {
    expect(statesWrongResolution(question)).toBe(false);
  });
});

describe('wrongResolutionClause', () => {
  it('keeps the words around the statement', () => {
    const clause = wrongResolutionClause(
      `${'x '.repeat(200)}the name is incorrectly resolving to public IP addresses ${'y '.repeat(200)}`,
    );
    expect(clause).toContain('incorrectly resolving');
    expect(clause?.length).toBeLessThan(400);
  });

  it('is null without the statement', () => {
    expect(wrongResolutionClause('curl to the ClusterIP times out')).toBeNull();
  });
});

const hit = (path: string, category: string): FusedHit =>
  ({ doc: { path, category }, score: 1, matchedTriggers: [] }) as unknown as FusedHit;

const result = (hits: FusedHit[]): RetrievalResult =>
  ({ hits, confidence: 0.9, abstain: false, retrievers: [], took_ms: 0 }) as unknown as RetrievalResult;

describe('wrongResolutionFirst', () => {
  const coredns = hit('dns/coredns.md', 'dns');
  const headless = hit('dns/headless-service.md', 'dns');
  const clusterip = hit('service/clusterip-troubleshooting.md', 'service_clusterip');
  const report = 'the Service name is incorrectly resolving to a public IP instead of the cluster IP';
  const paths = (r: RetrievalResult | null) => r?.hits.map((h) => h.doc.path);

  it('moves the cluster DNS runbook before a Service runbook', () => {
    expect(
      paths(wrongResolutionFirst(report, result([clusterip, coredns]), 'dns/coredns.md', 'dns')),
    ).toEqual(['dns/coredns.md', 'service/clusterip-troubleshooting.md']);
  });

  it('takes it from the DNS search when the own hits lack it', () => {
    expect(
      paths(wrongResolutionFirst(report, result([clusterip]), 'dns/coredns.md', 'dns', [headless, coredns])),
    ).toEqual(['dns/coredns.md', 'service/clusterip-troubleshooting.md']);
  });

  it('leaves a DNS runbook leading', () => {
    expect(wrongResolutionFirst(report, result([headless, coredns]), 'dns/coredns.md', 'dns')).toBeNull();
  });

  it('leaves a report that says no such thing', () => {
    expect(
      wrongResolutionFirst(
        'curl to the ClusterIP times out',
        result([clusterip, coredns]),
        'dns/coredns.md',
        'dns',
      ),
    ).toBeNull();
  });
});
