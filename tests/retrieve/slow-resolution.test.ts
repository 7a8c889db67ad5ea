/**
 * Slow name resolution ("DNS 解析缓慢", "dns resolution is slow") is the CoreDNS runbook's (its rows on ndots:5,
 * the 5-second conntrack race and a slow upstream): the glossary reads the whole phrase as one group, so the DNS
 * words before it are not read as the DNS group alone, and the runbook's trigger names it. End to end on the bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});
const TRIGGER = 'DNS 解析慢';

async function lead(question: string) {
  const result = await searcher.search(question);
  const top = result.hits[0];
  return {
    abstain: result.abstain,
    doc: top?.doc.path,
    slowTrigger: result.hits.some((hit) => hit.matchedTriggers.includes(TRIGGER)),
  };
}

describe('slow DNS resolution leads with the CoreDNS runbook', () => {
  it('answers a Chinese report of slow resolution (KubeOperator issue)', async () => {
    const zh = await lead('DNS 解析缓慢。KubeOperator 版本 2.1.54。多master情况下，dns 解析有点慢。');
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', slowTrigger: true });
    expect((await lead('集群内 pod 的域名解析很慢，偶尔要等好几秒')).slowTrigger).toBe(true);
  });

  it('answers the English wordings', async () => {
    expect(await lead('DNS resolution is slow in every pod after the upgrade')).toEqual({
      abstain: false,
      doc: 'dns/coredns.md',
      slowTrigger: true,
    });
    expect((await lead('Slow DNS lookups from pods in the default namespace')).slowTrigger).toBe(true);
  });

  it('is not matched by failing resolution, nor by a slow path that is not name resolution', async () => {
    expect((await lead('DNS 解析失败，pod 里 nslookup kubernetes.default 报 NXDOMAIN')).slowTrigger).toBe(
      false,
    );
    expect((await lead('pod 访问外部网站很慢，ping 延迟正常')).slowTrigger).toBe(false);
    expect((await lead('NodePort service is slow to respond from outside the cluster')).slowTrigger).toBe(
      false,
    );
  });
});
