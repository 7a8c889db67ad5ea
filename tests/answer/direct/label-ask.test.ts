import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('a label asked for is a setting: its key with its value', () => {
  let own: FixtureIndex;
  const GIST =
    '集群内 DNS 由 CoreDNS（Deployment `coredns`，标签 `k8s-app=kube-dns`）提供，通过 Service `kube-dns` 暴露，端口 53/UDP、53/TCP。';
  beforeAll(async () => {
    own = await indexOwnKb({
      'dns/coredns.md': [
        '---',
        'triggers: [coredns, kube-dns]',
        'category: dns',
        '---',
        '',
        '# CoreDNS 排查',
        '',
        GIST,
        '',
        '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
        '|---|---|---|---|',
        '| 所有 Pod 解析超时 | kube-dns 无端点 | `kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns` | 修复 CoreDNS Pod |',
        '',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await own?.cleanup();
  });

  it.each([
    // kubernetes/kubernetes#72826's ask; the same in Chinese.
    'Which label must the CoreDNS pods carry for the kube-dns Service to select them?',
    'kube-dns Service 用哪个标签选中 CoreDNS 的 Pod？',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toContain('setting');
    expect(quoteOf(own, 'dns/coredns.md', question)).toBe(GIST);
  });

  it('a label named, not asked, is no setting asked', () => {
    expect(
      factAsk('The pods carry the label app=web. Which port does the Service use?')?.kinds,
    ).not.toContain('setting');
  });
});
