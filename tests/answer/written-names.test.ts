import { describe, expect, it } from 'vitest';
import { withoutWrittenNames } from '../../src/answer/written-names.js';

describe('the host names and URLs a report writes are not its words for the symptom', () => {
  it('blanks dotted host names and URLs, in English and in Chinese reports', () => {
    // A lookup of a short name failing, told with the full name that worked.
    const english = withoutWrittenNames(
      '"nslookup k8sbook" does not work. instead I had to use "nslookup k8sbook.default.svc.cluster.local"',
    );
    expect(english).not.toMatch(/svc|cluster|local/);
    expect(english).toMatch(/nslookup k8sbook" does not work/);
    // An API server calling a webhook Service by its URL: the failure stays, the name goes.
    const webhook = withoutWrittenNames(
      'failed calling webhook: Post "https://varnish-operator-service.varnish-operator.svc:443/mutate": context deadline exceeded',
    );
    expect(webhook).not.toMatch(/svc|varnish-operator-service/);
    expect(webhook).toMatch(/context deadline exceeded/);
    const chinese = withoutWrittenNames(
      'CH 连不上 kafka，namespaceDomainPattern 配成 "posthog.svc.cluster.local" 也不行',
    );
    expect(chinese).not.toMatch(/svc|cluster\.local/);
    expect(chinese).toMatch(/连不上 kafka/);
  });

  it('keeps addresses of digits, versions, file names and plain words', () => {
    for (const text of [
      '直连 CoreDNS Pod IP 正常，走 10.96.0.10 失败',
      'k3s version v1.31.5+k3s1, kernel 4.9.337-tegra',
      'hostNetwork Pod 解析不了集群内的 Service，values.yaml 里没有 dnsPolicy',
      'pods cannot reach the kubernetes Service on one node',
    ])
      expect(withoutWrittenNames(text)).toBe(text);
  });
});
