/**
 * Vocabulary of the bundled glossary and triggers that real reports use: a plugin's own policy kinds are network
 * policies, and a runbook's triggers say what it is about, not which verb a reporter uses for "cannot reach".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { buildTriggerTable, matchTriggers } from '../../src/retrieve/triggers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);
const groups = (text: string) => glossary.groupsIn(normalizeText(text));

describe('the bundled glossary', () => {
  it("reads Calico's and Cilium's policy kinds as network policies", () => {
    const [policy] = groups('NetworkPolicy');
    expect(policy).toBeDefined();
    for (const kind of [
      'GlobalNetworkPolicy deny-from-plugin',
      'a Calico global network policy',
      'CiliumNetworkPolicy',
    ])
      expect(groups(kind)).toContain(policy);
  });
});

describe('the bundled glossary reads "within node" as the same-node path', () => {
  it('as it reads "same node" and 同一节点, but not a single-node cluster', () => {
    const [sameNode] = groups('same node');
    expect(sameNode).toBeDefined();
    for (const text of [
      'Pod-to-pod communication within node is broken',
      'pods within a node cannot ping each other',
      'traffic within the node is dropped by FORWARD',
      '同一节点上的 pod 互相 ping 不通',
    ])
      expect(groups(text)).toContain(sameNode);
    expect(groups('Single node RKE2 cluster, RHEL 8.5')).not.toContain(sameNode);
  });
});

describe("the join-network runbook's triggers", () => {
  const JOIN = 'kube-ovn/join-network-pod-to-node.md';
  const doc = parseDocument(JOIN, readFileSync(path.join(KB, JOIN), 'utf8'));
  const table = buildTriggerTable([doc], glossary, RETRIEVAL_CONFIG);

  it('still match a pod that cannot reach the API server, in English and Chinese', () => {
    for (const question of [
      'pod cannot reach apiserver',
      'Pod cannot reach the apiserver',
      'pod 访问不了 apiserver',
    ])
      expect(matchTriggers(table, question, glossary, RETRIEVAL_CONFIG).map((hit) => hit.docPath)).toEqual([
        JOIN,
      ]);
  });

  it('do not name the generic verb "reach": every path report says it, and the runbook is about one path', () => {
    expect(doc.triggers.some((trigger) => /(?<![a-z])reach(?![a-z])/i.test(trigger))).toBe(false);
  });
});

describe("the Kube-OVN node-to-pod runbook's triggers", () => {
  const OVN0 = 'kube-ovn/node-to-pod-ovn0.md';
  const doc = parseDocument(OVN0, readFileSync(path.join(KB, OVN0), 'utf8'));
  const table = buildTriggerTable([doc], glossary, RETRIEVAL_CONFIG);

  it('name the path (a node reaching a pod) whether or not the plugin is written next to it', () => {
    // The plugin named elsewhere in a report is the scope rule's business (scope.ts), not the trigger's.
    for (const question of ['宿主机访问 pod 的 8080 端口超时', 'kube-ovn 环境下 node 访问 pod 不通'])
      expect(matchTriggers(table, question, glossary, RETRIEVAL_CONFIG).map((hit) => hit.docPath)).toEqual([
        OVN0,
      ]);
  });
});

describe('the bundled glossary reads the wording reports use for a symptom', () => {
  const sameGroup = (term: string, canonical: string) => {
    const [group] = groups(canonical);
    expect(group).toBeDefined();
    expect(groups(term)).toContain(group);
  };

  it('takes "external network" as the internet (外部网络), and a bare "outside" as outside the cluster (外面)', () => {
    sameGroup("pod can't access the external network", '外部网络');
    sameGroup('Pods cannot reach external networks', 'internet');
    sameGroup('no pod is routing traffic outside, all telnet are getting timeout', '集群外');
    sameGroup('Cannot resolve domains outside of k8s network', '外面');
  });

  it('keeps "external" alone and "outside world" where they were', () => {
    const [internet] = groups('外网');
    const [outsideCluster] = groups('集群外');
    expect(groups('the external load balancer')).toContain(outsideCluster);
    expect(groups('the external load balancer')).not.toContain(internet);
    expect(groups('pods cannot access the outside world')).toContain(internet);
    expect(groups('pods cannot access the outside world')).not.toContain(outsideCluster);
    expect(groups('K8S集群外部，突然之间无法访问到Pod')).toContain(outsideCluster);
    expect(groups('K8S集群外部，突然之间无法访问到Pod')).not.toContain(internet);
  });
});

describe("the egress runbook's triggers", () => {
  const EGRESS = 'pod-to-external/egress-internet.md';
  const doc = parseDocument(EGRESS, readFileSync(path.join(KB, EGRESS), 'utf8'));
  const table = buildTriggerTable([doc], glossary, RETRIEVAL_CONFIG);
  const hits = (question: string) =>
    matchTriggers(table, question, glossary, RETRIEVAL_CONFIG).map((hit) => hit.docPath);

  it('match a pod that cannot reach the external network, in English and Chinese', () => {
    // The question side folds "can't" into "cannot" before triggers are matched (variants.ts).
    expect(hits('pod cannot access the external network')).toEqual([EGRESS]);
    expect(hits('pod 无法访问外部网络')).toEqual([EGRESS]);
  });

  it('do not match a pod reaching an external service or load balancer', () => {
    expect(hits('pod cannot access the external load balancer')).toEqual([]);
  });
});
