/**
 * The Kube-OVN join-network runbook's triggers name its failures ("join 网络不通", "join 子网冲突"), not the bare
 * name of the join subnet: Kube-OVN's install.sh prints "Join Subnet CIDR: ..." in every pasted install log, which
 * says nothing about a pod that cannot reach a node.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { buildTriggerTable, matchTriggers } from '../../src/retrieve/triggers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);
const JOIN = 'kube-ovn/join-network-pod-to-node.md';
const doc = parseDocument(JOIN, readFileSync(path.join(KB, JOIN), 'utf8'));
const table = buildTriggerTable([doc], glossary, RETRIEVAL_CONFIG);
const matched = (question: string) =>
  matchTriggers(table, question, glossary, RETRIEVAL_CONFIG).flatMap((hit) => hit.matched);

describe("the join-network runbook's triggers", () => {
  it('do not fire on the join subnet named in a pasted install.sh summary (a Kube-OVN underlay report)', () => {
    expect(
      matched(
        'resolve MAC address of XXX timeout. bash install.sh (Kube-OVN v1.11.1): Default Network Mode: vlan, ' +
          'Default Vlan Nic: ens160, Default Subnet CIDR: 192.168.72.0/24, Join Subnet CIDR: 20.65.0.0/16',
      ),
    ).toEqual([]);
    expect(
      matched('install.sh 输出 Join Subnet CIDR: 20.65.0.0/16，安装后 ovs-ovn 一直 CrashLoopBackOff'),
    ).toEqual([]);
  });

  it('fire on a broken or conflicting join network, in Chinese and English', () => {
    expect(matched('升级后 join 网络不通，pod 访问节点 6443 超时')).toContain('join 网络不通');
    expect(matched('Kube-OVN join network not reachable from pods after the upgrade')).toContain(
      'join 网络不通',
    );
    expect(matched('join 子网冲突，机房也用了这个网段')).toContain('join 子网冲突');
  });
});
