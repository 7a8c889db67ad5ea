/**
 * Long real-world reports on the bundled KB: the headline says what fails, the pasted body gives the setting.
 * Searcher-level checks of the factors that weigh them (query.ts headline, searcher.ts scope and tool factors).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const FILES = [
  'calico/bgp-ipip.md',
  'service/nodeport-loadbalancer.md',
  'diagnostics/tcpdump-capture.md',
  'kube-ovn/geneve-cross-node.md',
  'mtu/mtu-fragmentation.md',
];
const disabled = { enabled: false as const, reason: 'test' };
const filler =
  'we installed it with kubeadm on three virtual machines last week and followed the official guide step by step, ' +
  'nothing special in the setup and the versions are the latest ones';

let searcher: KbSearcher;
beforeAll(() => {
  const docs = FILES.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
  const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
  searcher = new KbSearcher({ docs, glossary: entries, vector: null, vectorStatus: disabled });
});

const scoreOf = async (question: string, doc: string) =>
  (await searcher.explain(question)).fused.find((hit) => hit.doc === doc)?.score ?? 0;

describe('routing long reports', () => {
  it('answers the headline (NodePort), not the CNI the body names in passing', async () => {
    const question = `NodePort only responding on the node where the pod is running. calico cni, ${filler}.`;
    const result = await searcher.search(question);
    expect(result.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
  });

  it('lifts a CNI runbook less for a CNI named only in the body than for one in the headline', async () => {
    const inHeadline = await scoreOf(
      `calico pods cannot reach other nodes. ${filler}.`,
      'calico/bgp-ipip.md',
    );
    const inBody = await scoreOf(`pods cannot reach other nodes. ${filler}, calico.`, 'calico/bgp-ipip.md');
    expect(inBody).toBeLessThan(inHeadline);
    const { scopeFactor } = RETRIEVAL_CONFIG;
    expect(scopeFactor.bodyOnly).toBeGreaterThan(scopeFactor[0]);
    expect(scopeFactor.bodyOnly).toBeLessThan(scopeFactor[1]);
  });

  it('answers a report that names the capture tool in English with the failing path, not the tool how-to', async () => {
    const result = await searcher.search(
      'We captured with tcpdump on the node: the SYN leaves the pod but no SYN-ACK comes back from pods on other nodes (kube-ovn geneve)',
    );
    expect(result.hits[0]?.doc.path).toBe('kube-ovn/geneve-cross-node.md');
    const howTo = await searcher.search('how do I capture pod traffic with tcpdump');
    expect(howTo.hits[0]?.doc.path).toBe('diagnostics/tcpdump-capture.md');
  });
});
