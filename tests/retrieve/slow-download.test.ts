/**
 * A download that is slow inside a pod but fast on its node is the MTU runbook's symptom (large packets dropped on
 * the way out, TCP retransmitting): its trigger matches such a report in English and Chinese. End to end on the
 * bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});

async function mtuTriggered(question: string): Promise<boolean> {
  const result = await searcher.search(question);
  return result.hits.some(
    (hit) => hit.doc.path === 'mtu/mtu-fragmentation.md' && hit.matchedTriggers.length > 0,
  );
}

describe('a slow download inside pods is read as the MTU symptom', () => {
  it('matches an English report', async () => {
    const report = 'Very slow download speed inside pods, the node itself downloads fast';
    expect(await mtuTriggered(report)).toBe(true);
  });

  it('matches a Chinese report', async () => {
    expect(await mtuTriggered('pod 里面下载很慢，宿主机上下载同一个文件很快')).toBe(true);
  });

  it('is not read from a download that is not said to be slow', async () => {
    expect(await mtuTriggered('how do I download the kubeconfig from the node')).toBe(false);
    expect(await mtuTriggered('pod 里面怎么下载文件')).toBe(false);
  });
});
