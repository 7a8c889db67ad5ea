import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { proseOnlyPodName } from '../../src/answer/prose-pod-name.js';

describe('proseOnlyPodName', () => {
  it('reads a name written only before "pod" as the workload', () => {
    expect(
      proseOnlyPodName(
        'cattle-cluster-agent pod CrashLoopBackOff after install',
        'cattle-cluster-agent',
        false,
      ),
    ).toBe(true);
    expect(proseOnlyPodName("I could not run an 'access' pod in nsa", 'access', false)).toBe(true);
    expect(proseOnlyPodName('nms-magmalte 的 pod 一直起不来，连不上 orc8r', 'nms-magmalte', false)).toBe(
      true,
    );
  });

  it('keeps a name the report shows as a pod', () => {
    expect(proseOnlyPodName('web pod fails.\nweb   1/1   Running   0   3m', 'web', false)).toBe(false);
    expect(
      proseOnlyPodName('the busybox pod: kubectl describe pod/busybox shows nothing', 'busybox', false),
    ).toBe(false);
    expect(
      proseOnlyPodName('I created pod named dnsutils; the dnsutils pod cannot resolve', 'dnsutils', false),
    ).toBe(false);
    expect(
      proseOnlyPodName('dnsutils pod 无法解析，kubectl logs -n tools dnsutils 没有输出', 'dnsutils', false),
    ).toBe(false);
    expect(proseOnlyPodName('the client pod times out', 'client', true)).toBe(false);
  });

  it('keeps a StatefulSet ordinal and a name never written before "pod"', () => {
    expect(proseOnlyPodName('cassandra fails in the cassandra-1 pod', 'cassandra-1', false)).toBe(false);
    expect(proseOnlyPodName('pod nginx cannot reach the service', 'nginx', false)).toBe(false);
    expect(proseOnlyPodName('Pod 名为 test-dns，无法访问 kubernetes.default', 'test-dns', false)).toBe(false);
  });
});

describe('<pod> fill', () => {
  const pod = (q: string) => placeholderValues(extractEntities(q)).get('<pod>');
  it('stays open for a workload written as "X pod"', () => {
    expect(
      pod('cattle-cluster-agent pod CrashLoopBackOff: Could not resolve host rancher.example.org'),
    ).toBeUndefined();
  });
  it('fills a pod the report types in kubectl', () => {
    expect(pod('dnsutils pod cannot resolve: kubectl exec -it dnsutils -- nslookup kubernetes.default')).toBe(
      'dnsutils',
    );
  });
});
