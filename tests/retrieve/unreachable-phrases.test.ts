/**
 * 不能访问 says what 无法访问 and 访问不了 say (and "cannot access"): the glossary reads it as the failure group, so a
 * runbook trigger written with 不通 matches a report that writes 不能访问. End to end on the bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});

async function matches(question: string, trigger: string): Promise<boolean> {
  const result = await searcher.search(question);
  return result.hits.some((hit) => hit.matchedTriggers.includes(trigger));
}

describe('不能访问 is read as a failure to reach', () => {
  it('matches the NodePort runbook trigger from a Chinese report', async () => {
    expect(await matches('其中一个 master 的 nodeport 不能访问，其它节点正常', 'NodePort 不通')).toBe(true);
    expect(await matches('集群的 ClusterIP 不能访问，pod 直连是通的', 'ClusterIP 不通')).toBe(true);
  });

  it('reads it as the English wordings are read', async () => {
    expect(await matches('NodePort cannot access from one master node', 'NodePort 不通')).toBe(true);
  });

  it('is not read from a path that works (能访问) nor from a bare 访问', async () => {
    expect(await matches('nodeport 能访问，但是 pod 之间 ping 不通', 'NodePort 不通')).toBe(false);
    expect(await matches('怎么配置 nodeport 才能从集群外访问', 'NodePort 不通')).toBe(false);
  });
});
