import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { failingClauseDocs, signatureOf } from '../../src/retrieve/failing-clause.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { matchForm } from '../../src/retrieve/triggers.js';
import { bundledSearchers } from './bundled-kb.js';
import { FLANNEL_REPORT, GRAFANA_REPORT } from './stated-failure-reports.js';

// The bundled glossary: the same groups the searcher reads triggers and headlines with.
const { entries } = parseGlossary(
  'glossary.yaml',
  readFileSync(path.resolve(import.meta.dirname, '../../kb/glossary.yaml'), 'utf8'),
);
const glossary = compileGlossary(entries);
const groupsOf = (text: string) => glossary.groupsIn(normalizeText(text));
const failure = new Set(
  ['not working', 'connection refused', 'no route to host', 'intermittent'].flatMap(groupsOf),
);
const cniGroups = new Set(['flannel', 'calico', 'cilium'].flatMap(groupsOf));

// Triggers as the bundled runbooks write them.
const signatures = [
  { doc: 'service/clusterip-troubleshooting.md', triggers: ['service 访问不了', 'ClusterIP 不通'] },
  { doc: 'flannel/vxlan-host-gw.md', triggers: ['flannel 跨节点不通', 'flannel.1'] },
  { doc: 'pod-to-pod/same-node.md', triggers: ['同节点 pod 不通'] },
  { doc: 'node-to-pod/host-to-pod-generic.md', triggers: ['node 访问 pod 不通'] },
  { doc: 'cilium/ebpf-datapath.md', triggers: ['cilium 不通'] },
].flatMap(({ doc, triggers }) => triggers.map((trigger) => signatureOf(doc, matchForm(trigger, glossary))));

/** The docs a headline's failing clause names, in a report whose whole text is `report`. */
const docsFor = (headline: string, report = headline) => [
  ...failingClauseDocs(
    matchForm(headline, glossary),
    signatures,
    failure,
    cniGroups,
    new Set(groupsOf(report)),
  ),
];

describe('failingClauseDocs', () => {
  it('reads a failure trigger said in another order or wording, in English and Chinese', () => {
    expect(docsFor('Service not available from inside the pod')).toEqual([
      'service/clusterip-troubleshooting.md',
    ]);
    expect(docsFor('connection refused when calling the service')).toEqual([
      'service/clusterip-troubleshooting.md',
    ]);
    expect(docsFor('无法访问 service')).toEqual(['service/clusterip-troubleshooting.md']);
    expect(docsFor('同一节点上的两个 pod 互相 ping 不通')).toEqual(['pod-to-pod/same-node.md']);
  });
  it("takes a trigger's CNI from anywhere in the report", () => {
    const report = 'connectivity issue between nodes. The nodes run flanneld with --iface=eth1.';
    expect(docsFor('connectivity issue between nodes', report)).toEqual(['flannel/vxlan-host-gw.md']);
    expect(docsFor('跨节点 pod 之间一直不通', '跨节点 pod 之间一直不通。集群用的是 flannel')).toEqual([
      'flannel/vxlan-host-gw.md',
    ]);
  });
  it('does not read a CNI trigger when the report names another CNI or none', () => {
    expect(docsFor('connectivity issue between nodes')).toEqual([]);
    expect(docsFor('跨节点不通', '跨节点不通。calico 3.26')).toEqual([]);
  });
  it('does not join a concept and a failure said in different clauses', () => {
    expect(docsFor('The service works, but the app is not reachable')).toEqual([]);
    expect(docsFor('service 正常。业务访问不了')).toEqual([]);
  });
  it('needs every word and group of the trigger, and a failure', () => {
    // "node 访问 pod 不通" has 访问: a pod on a node that fails is not a node reaching a pod.
    expect(docsFor('node 上的 pod 不通')).toEqual([]);
    expect(docsFor('How do I expose a service on every node')).toEqual([]);
    expect(docsFor('Pod stuck in ContainerCreating due to network related issue')).toEqual([]);
  });
  it('does not read a trigger that names nothing but a CNI and a failure', () => {
    expect(docsFor('cilium is not working after upgrade')).toEqual([]);
  });
  it('reads nothing without a headline', () => {
    expect(failingClauseDocs(null, signatures, failure, cniGroups, new Set()).size).toBe(0);
  });
});

describe('a long report whose headline says a runbook trigger in its own words, on the bundled KB', () => {
  const { searcher } = bundledSearchers({});
  it('names that runbook when the search abstains', async () => {
    const result = await searcher.search(FLANNEL_REPORT);
    expect(result.abstain).toBe(true);
    expect(result.hits[0]?.doc.path).toBe('flannel/vxlan-host-gw.md');
    expect(result.statedFailure).toContain('flannel/vxlan-host-gw.md');
  });
  it('names none for a report of another trade that says its own thing is not available', async () => {
    const result = await searcher.search(GRAFANA_REPORT);
    expect(result.abstain).toBe(true);
    expect(result.statedFailure).toBeUndefined();
  });
});
