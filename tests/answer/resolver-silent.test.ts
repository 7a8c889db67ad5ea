/**
 * A pasted lookup error in which the DNS server did not answer: the cluster DNS runbook leads over the headless
 * Service's (src/answer/resolver-silent.ts).
 */
import { describe, expect, it } from 'vitest';
import { resolverSilentFirst, statesResolverSilent } from '../../src/answer/resolver-silent.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

describe('statesResolverSilent', () => {
  it.each([
    'lookup kafka-headless on 10.96.0.10:53: read udp 10.244.1.7:53854->10.96.0.10:53: i/o timeout',
    'dial tcp: lookup zk-cs on 10.43.0.10:53: read udp 10.42.0.5:41000->10.43.0.10:53: read: connection refused',
    "nslookup: can't resolve 'mongo-headless': Try again",
    ';; connection timed out; no servers could be reached',
    'socket.gaierror: [Errno -3] Temporary failure in name resolution',
    'Error: getaddrinfo EAI_AGAIN redis-master.default.svc.cluster.local',
    'redis.exceptions.ConnectionError: Error -3 connecting to redis-0.redis-headless:6379. Try again.',
    '日志报错 lookup nacos-headless on 172.172.0.2:53: read udp 172.168.1.243:60729->172.172.0.2:53: i/o timeout',
  ])('%s', (question) => {
    expect(statesResolverSilent(question)).toBe(true);
  });

  it.each([
    'java.net.UnknownHostException: kafka-0.kafka-headless.default.svc.cluster.local',
    'lookup consul-0.consul.consul.svc on 10.96.0.10:53: server misbehaving',
    'lookup web-0.nginx on 10.96.0.10:53: no such host',
    'dial tcp 10.244.2.239:8848: i/o timeout',
    'curl: (7) Failed to connect to 10.96.0.10 port 80: Connection refused',
    'StatefulSet 的 pod 名称无法解析，nslookup 返回 NXDOMAIN',
  ])('not: %s', (question) => {
    expect(statesResolverSilent(question)).toBe(false);
  });
});

const hit = (path: string, category: string): FusedHit =>
  ({ doc: { path, category }, score: 1, matchedTriggers: [] }) as unknown as FusedHit;

const result = (hits: FusedHit[]): RetrievalResult =>
  ({ hits, confidence: 0.9, abstain: false, retrievers: [], took_ms: 0 }) as unknown as RetrievalResult;

describe('resolverSilentFirst', () => {
  const coredns = hit('dns/coredns.md', 'dns');
  const headless = hit('dns/headless-service.md', 'dns');
  const report =
    "nslookup svc-simple-cluster fails on node2: nslookup: can't resolve 'svc-simple-cluster': Try again";
  const first = (r: RetrievalResult | null) => r?.hits.map((h) => h.doc.path);

  it('moves the cluster DNS runbook before the headless one', () => {
    const led = resolverSilentFirst(
      report,
      result([headless, coredns]),
      'dns/coredns.md',
      'dns/headless-service.md',
    );
    expect(first(led)).toEqual(['dns/coredns.md', 'dns/headless-service.md']);
  });

  it('takes the DNS runbook from a search among the DNS runbooks when the own hits lack it', () => {
    const led = resolverSilentFirst(report, result([headless]), 'dns/coredns.md', 'dns/headless-service.md', [
      headless,
      coredns,
    ]);
    expect(first(led)).toEqual(['dns/coredns.md', 'dns/headless-service.md']);
  });

  it('changes nothing when the headless runbook does not lead, or the server answered', () => {
    const svc = hit('service/clusterip-troubleshooting.md', 'service');
    expect(
      resolverSilentFirst(
        report,
        result([svc, headless, coredns]),
        'dns/coredns.md',
        'dns/headless-service.md',
      ),
    ).toBeNull();
    expect(
      resolverSilentFirst(report, result([headless]), 'dns/coredns.md', 'dns/headless-service.md'),
    ).toBeNull();
    expect(
      resolverSilentFirst(
        'kafka-0.kafka-headless 无法解析: UnknownHostException',
        result([headless, coredns]),
        'dns/coredns.md',
        'dns/headless-service.md',
      ),
    ).toBeNull();
  });
});
