/**
 * A CNI named in a report's headline only as one of its components (kube-ovn-controller, calico-kube-controllers,
 * calico-node) says which CNI the cluster runs: that CNI's runbooks are lifted as for a CNI named only in the body.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { withoutComponentNames } from '../../src/retrieve/component-names.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);
const without = (text: string) => withoutComponentNames(normalizeText(text), glossary);

describe('withoutComponentNames', () => {
  it("drops a CNI's components, in English and Chinese reports", () => {
    expect(without('calico-kube-controllers CrashLoopBackOff after the upgrade')).not.toMatch(/calico/);
    expect(without('kube-ovn-controller CrashLoopBackOff无法启动')).toBe('  crashloopbackoff无法启动');
    expect(without('calico-node 一直 0/1 Running，BGP 没有建立')).not.toMatch(/calico/);
    expect(without('cilium-agent keeps restarting on one node')).not.toMatch(/cilium/);
  });

  it('keeps a CNI named as itself, and components of what is not a CNI', () => {
    expect(without('Kube-OVN 跨节点 pod 不通')).toMatch(/kube-ovn/);
    expect(without('pods cannot reach other nodes with calico ipip')).toMatch(/calico/);
    expect(without('kube-proxy error: failed to list endpoints')).toMatch(/kube-proxy/);
    expect(without('coredns-7f89b7bc75-gxbr7 stays Pending')).toMatch(/coredns/);
  });
});

describe('the scope lift of a CNI named in the headline only by a component', () => {
  const FILES = ['calico/bgp-ipip.md', 'service/clusterip-troubleshooting.md', 'dns/coredns.md'];
  const filler =
    'the cluster was installed with kubespray on bare metal and the nodes run Debian with a recent kernel, ' +
    'nothing special in the setup and every other pod is running';
  // The same KB twice: with the body-only lift, and with it equal to the full lift (no body-only discount).
  const searchers: KbSearcher[] = [];
  beforeAll(() => {
    const docs = FILES.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
    const data = {
      docs,
      glossary: entries,
      vector: null,
      vectorStatus: { enabled: false as const, reason: 'test' },
    };
    const flat = {
      ...RETRIEVAL_CONFIG,
      scopeFactor: { ...RETRIEVAL_CONFIG.scopeFactor, bodyOnly: RETRIEVAL_CONFIG.scopeFactor[1] },
    };
    searchers.push(new KbSearcher(data), new KbSearcher(data, flat));
  });
  const scoresOf = (question: string) =>
    Promise.all(
      searchers.map(
        async (searcher) =>
          (await searcher.explain(question)).fused.find((hit) => hit.doc === 'calico/bgp-ipip.md')?.score ??
          0,
      ),
    );

  it('is the body-only lift for a component (calico-kube-controllers), the full lift for the CNI itself', async () => {
    const [component, componentFlat] = await scoresOf(
      `calico-kube-controllers cannot reach the API server through its Service IP. ${filler}.`,
    );
    expect(component).toBeLessThan(componentFlat ?? 0);
    const [named, namedFlat] = await scoresOf(
      `calico cannot reach the API server through its Service IP. ${filler}.`,
    );
    expect(named).toBe(namedFlat);
  });

  it('is the body-only lift for a Chinese report headed by a calico-node that is not ready', async () => {
    const [component, componentFlat] = await scoresOf(
      `calico-node 一直 0/1 Running，节点之间的 pod 访问不了。${filler}.`,
    );
    expect(component).toBeLessThan(componentFlat ?? 0);
  });
});
