/**
 * "broken" says what "not working" says: a report titled "NodePort routing broken" or "calico pod to pod across
 * nodes is broken" states the failure a runbook trigger writes with 不通. End to end on the bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});

async function matches(question: string, trigger: string): Promise<boolean> {
  const result = await searcher.search(question);
  return result.hits.some((hit) => hit.matchedTriggers.includes(trigger));
}

describe('broken is read as a failure to reach', () => {
  it('matches a runbook trigger written with 不通', async () => {
    expect(await matches('NodePort broken on one master node', 'NodePort 不通')).toBe(true);
    expect(await matches('ClusterIP broken after the upgrade', 'ClusterIP 不通')).toBe(true);
    expect(await matches('calico cross-node broken since the upgrade', 'calico 跨节点不通')).toBe(true);
  });

  it('reads it as the Chinese wording is read', async () => {
    expect(await matches('其中一个 master 的 NodePort 不通', 'NodePort 不通')).toBe(true);
  });

  it('is not read where nothing is said to fail', async () => {
    expect(await matches('how do I expose a NodePort on every node', 'NodePort 不通')).toBe(false);
    expect(await matches('怎么配置 calico 跨节点的 BGP', 'calico 跨节点不通')).toBe(false);
  });
});
