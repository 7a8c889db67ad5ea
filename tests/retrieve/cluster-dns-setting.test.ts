/**
 * kubelet's `clusterDNS` setting is the kube-dns Service address the CoreDNS runbook's overview names (kubelet writes
 * it into every ClusterFirst pod's resolv.conf): the runbook's trigger names the setting, and its overview sentence
 * states the setting with the address, so "clusterDNS 的值需要改为多少" is answered from it. End to end on the
 * bundled KB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factAsk } from '../../src/answer/direct/asking.js';
import { directAnswer } from '../../src/answer/direct/pick-line.js';
import { parseDocument } from '../../src/ingest/document.js';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});
const TRIGGER = 'clusterDNS';
const COREDNS = parseDocument(
  'dns/coredns.md',
  readFileSync(path.resolve(import.meta.dirname, '../../kb/dns/coredns.md'), 'utf8'),
);

async function lead(question: string) {
  const result = await searcher.search(question);
  return {
    abstain: result.abstain,
    doc: result.hits[0]?.doc.path,
    matched: result.hits.some((hit) => hit.matchedTriggers.includes(TRIGGER)),
  };
}

function quoteOf(question: string): string {
  const ask = factAsk(question);
  if (!ask) throw new Error(`not read as a fact question: ${question}`);
  return directAnswer(question, [COREDNS], ask)?.quote ?? '';
}

describe("kubelet's clusterDNS setting leads with the CoreDNS runbook", () => {
  it('answers a Chinese report of a wrong clusterDNS value (cby-chen/Kubernetes issue)', async () => {
    const zh =
      'clusterDNS 值错误。文件 /etc/kubernetes/kubelet-conf.yml中 clusterDNS 的值 10.0.0.10 需要改为多少？';
    expect(await lead(zh)).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect(quoteOf(zh)).toContain('10.96.0.10');
    expect(quoteOf(zh)).toContain('clusterDNS');
  });

  it('answers the English wording', async () => {
    const en =
      'Pods get nameserver 10.0.0.10 but the kube-dns service is 10.96.0.10. What should clusterDNS be set to in the kubelet config?';
    expect(await lead(en)).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect(quoteOf(en)).toContain('10.96.0.10');
  });

  it('is not matched by a ClusterIP or the kubelet resolvConf setting', async () => {
    expect((await lead('Service ClusterIP 10.96.12.3 is not reachable from pods on node-2')).matched).toBe(
      false,
    );
    expect(
      (await lead('kubelet 的 resolvConf 应该配置成哪个路径？节点用的是 systemd-resolved')).matched,
    ).toBe(false);
    expect(quoteOf('Which resolvConf path should kubelet use on systemd-resolved nodes?')).not.toContain(
      'clusterDNS',
    );
  });
});
