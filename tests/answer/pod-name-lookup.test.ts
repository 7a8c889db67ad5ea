/**
 * A report saying in words that a pod's own name does not resolve: the headless Service's runbook leads
 * (src/answer/pod-name-lookup.ts).
 */
import { describe, expect, it } from 'vitest';
import { podNameLookupFirst, statesPodNameLookup } from '../../src/answer/pod-name-lookup.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

describe('statesPodNameLookup', () => {
  it.each([
    'Java application connection to Redis cluster error unable to resolve pod name.',
    'Spark 2.3.0 trying to connect to master using its master\'s pod name and throws "java.net.UnknownHostException".',
    'The home page URL of the service points to the service POD name which is not an actual host, this results in Unknown host exception.',
    'KubeDns breaks with StatefulSet / resolve ip of a pod by name is not possible.',
    'StatefulSet Init container cannot resolve another Pod hostname.',
    'nslookup busybox-1.default.pod.cluster.local 10.96.0.10 does not work at all.',
    'StatefulSet 里通过 pod 名称无法解析，报 UnknownHostException',
  ])('%s', (question) => {
    expect(statesPodNameLookup(question)).toBe(true);
  });

  it.each([
    'Pod name resolution fails for every service: nslookup kubernetes.default times out.',
    'DNS can not resolve service name in pod. nslookup my-svc gives NXDOMAIN.',
    'kubectl logs <pod name> shows connection refused to the database at 10.0.0.5:5432.',
    'Pods cannot resolve external names like google.com; the pod name is web-1.',
    'pod 内部无法解析外部域名，coredns 日志显示 i/o timeout',
  ])('not: %s', (question) => {
    expect(statesPodNameLookup(question)).toBe(false);
  });
});

const hit = (path: string, category: string): FusedHit =>
  ({ doc: { path, category }, score: 1, matchedTriggers: [] }) as unknown as FusedHit;

const result = (hits: FusedHit[]): RetrievalResult =>
  ({ hits, confidence: 0.9, abstain: false, retrievers: [], took_ms: 0 }) as unknown as RetrievalResult;

describe('podNameLookupFirst', () => {
  const coredns = hit('dns/coredns.md', 'dns');
  const headless = hit('dns/headless-service.md', 'dns');
  const report = 'Java application connection to Redis cluster error unable to resolve pod name.';

  it('moves the headless Service runbook first', () => {
    const led = podNameLookupFirst(report, result([coredns, headless]), 'dns/headless-service.md');
    expect(led?.hits.map((h) => h.doc.path)).toEqual(['dns/headless-service.md', 'dns/coredns.md']);
  });

  it('changes nothing when it already leads, is not among the hits, or no pod name fails', () => {
    expect(podNameLookupFirst(report, result([headless, coredns]), 'dns/headless-service.md')).toBeNull();
    expect(podNameLookupFirst(report, result([coredns]), 'dns/headless-service.md')).toBeNull();
    expect(
      podNameLookupFirst(
        'coredns 无法解析 kubernetes.default',
        result([coredns, headless]),
        'dns/headless-service.md',
      ),
    ).toBeNull();
  });
});
