/**
 * A runbook's `signals` are phrases a report of its problem says without the runbook being about them: the OVS
 * flow runbook repairs a crash-looping kube-ovn-controller or ovs-ovn, but is not about those components. They
 * match as triggers do, and stay out of what the doc says it is about (the topic coverage of its title and
 * triggers), so they do not lift it for every question that names the component.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { buildLexicalIndex } from '../../src/retrieve/lexical.js';
import type { AnalyzedQuery } from '../../src/retrieve/query.js';
import { buildTriggerTable, matchTriggers } from '../../src/retrieve/triggers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);

const OVS = 'diagnostics/ovs-flows.md';
const ovs = parseDocument(OVS, readFileSync(path.join(KB, OVS), 'utf8'));
const table = buildTriggerTable([ovs], glossary, RETRIEVAL_CONFIG);
const matched = (question: string) =>
  matchTriggers(table, question, glossary, RETRIEVAL_CONFIG).flatMap((hit) => hit.matched);

const runbook = (file: string, front: string) =>
  parseDocument(
    file,
    `---\n${front}\n---\n\n# OVS 流表排查\n\n## 常见问题\n\n重建该节点 ovs-ovn，检查 kube-ovn-controller 日志。\n`,
  );

describe('front-matter signals', () => {
  it('are read apart from the triggers, and absent when not written', () => {
    const doc = runbook('a.md', 'triggers:\n  - ovs 流表\nsignals:\n  - " ovs-ovn crashloopbackoff "');
    expect(doc.triggers).toEqual(['ovs 流表']);
    expect(doc.signals).toEqual(['ovs-ovn crashloopbackoff']);
    expect(doc.findings).toEqual([]);
    expect(runbook('b.md', 'triggers:\n  - ovs 流表').signals).toBeUndefined();
  });

  it('must be a list of non-empty strings', () => {
    const doc = runbook('a.md', 'signals: ovs-ovn crashloopbackoff');
    expect(doc.signals).toBeUndefined();
    expect(doc.findings.map((finding) => finding.code)).toContain('frontmatter-signals');
  });
});

describe("the OVS flow runbook's signals", () => {
  it('fire on a Kube-OVN component that crash-loops or does not roll out, in Chinese and English', () => {
    expect(
      matched('kube-ovn-controller CrashLoopBackOff无法启动。本地安装了k8s，pod起来后立刻就CrashLoopBackOff'),
    ).toContain('kube-ovn-controller crashloopbackoff');
    expect(matched('某个节点ovs报错，导致该节点网络无法使用。使用kube-ovn版本 1.7.3')).toContain('ovs 报错');
    expect(
      matched(
        'install.sh failed: Waiting for daemon set "ovs-ovn" rollout to finish: 0 of 1 updated pods are available',
      ),
    ).toContain('daemon set "ovs-ovn" rollout');
    expect(matched('Pod creation fails with warning CreateOVNPortFailed after the node came back')).toContain(
      'CreateOVNPortFailed',
    );
  });

  it('do not fire on a component merely named or logging', () => {
    expect(matched('kube-ovn-controller 日志里有 join 子网的 IP 分配记录，pod 访问节点 6443 超时')).toEqual(
      [],
    );
    expect(matched('kube-ovn-cni is Running on every node but pods cannot reach the node IP')).toEqual([]);
    expect(matched('how do I read the ovs-ovn logs on one node')).toEqual([]);
  });
});

describe('signals and the topic coverage', () => {
  const asTrigger = runbook('trigger.md', 'triggers:\n  - ovs-ovn crashloopbackoff');
  const asSignal = runbook('signal.md', 'signals:\n  - ovs-ovn crashloopbackoff');
  const lexical = buildLexicalIndex([asTrigger, asSignal], glossary, RETRIEVAL_CONFIG);
  const query: AnalyzedQuery = {
    text: 'crashloopbackoff',
    focus: 'crashloopbackoff',
    working: '',
    terms: new Map([['crashloopbackoff', 1]]),
    headline: null,
  };

  it('count for a trigger, not for a signal', () => {
    const topic = lexical.topicCoverageOf(query);
    expect(topic('trigger.md')).toBeGreaterThan(0);
    expect(topic('signal.md')).toBe(0);
  });

  it('still match both docs as triggers', () => {
    const both = buildTriggerTable([asTrigger, asSignal], glossary, RETRIEVAL_CONFIG);
    const hits = matchTriggers(
      both,
      'ovs-ovn CrashLoopBackOff 之后节点上的 pod 全部不通',
      glossary,
      RETRIEVAL_CONFIG,
    );
    expect(hits.map((hit) => hit.docPath).sort()).toEqual(['signal.md', 'trigger.md']);
  });
});
