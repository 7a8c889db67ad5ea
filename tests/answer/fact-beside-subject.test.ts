import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { namesAllocation } from '../../src/answer/clarify.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { factBesideSubject } from '../../src/answer/fact-beside-subject.js';
import { namesClusterSetup } from '../../src/answer/uncovered-subjects.js';
import { type FixtureIndex, indexOwnKb } from './fixture-index.js';

const FLANNEL = `---
triggers:
  - flannel 跨节点不通
  - flannel vxlan
category: pod_to_pod_cross_node
priority: 50
---

# Flannel 跨节点通信：VXLAN 与 host-gw

## 概述

Flannel 给每个节点从集群网段（kubeadm 常用 \`10.244.0.0/16\`）切一个子网（默认 \`/24\`，取自 \`node.spec.podCIDR\`），本节点 Pod 挂在 Linux 网桥 \`cni0\`（网关为子网 \`.1\`）上。

VXLAN 后端走 UDP 8472，由 \`flannel.1\` 设备封装。
`;

describe('factBesideSubject: an asked value a runbook states, in a report about an uncovered allocation failure', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await indexOwnKb({ 'flannel/vxlan.md': FLANNEL });
  });
  afterAll(async () => {
    await fixture.cleanup();
  });
  const doc = () => fixture.searcher.doc('flannel/vxlan.md');

  it('answers the asked value of a covered part', () => {
    const zh =
      'K3s中Flannel CNI无法分配Pod IP：failed to set up sandbox container ... no IP addresses available in network: cni0。常见于节点重启后。Flannel 默认给每个节点分配的子网掩码是多少？';
    expect(factBesideSubject(zh, doc(), namesAllocation)).toBe(true);
    const en =
      'Pods stuck in ContainerCreating: failed to allocate for range 0: no IP addresses available in range set 10.244.1.1-10.244.1.254. What subnet size does flannel give each node by default?';
    expect(factBesideSubject(en, doc(), namesAllocation)).toBe(true);
  });

  it('still declines when the asking clause is about the allocation itself, or asks nothing', () => {
    expect(
      factBesideSubject('flannel 下 pod 无法分配 IP 地址，为什么 IP 地址耗尽了？', doc(), namesAllocation),
    ).toBe(false);
    expect(
      factBesideSubject(
        'K3s中Flannel CNI无法分配Pod IP：no IP addresses available in network: cni0，怎么处理？',
        doc(),
        namesAllocation,
      ),
    ).toBe(false);
    expect(
      factBesideSubject('Flannel 默认给每个节点分配的子网掩码是多少？', undefined, namesAllocation),
    ).toBe(false);
  });

  it('leads the chat answer with the value instead of declining the report', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      {
        message:
          'K3s中Flannel CNI无法分配Pod IP：failed to set up sandbox container ... no IP addresses available in network: cni0。Flannel 默认给每个节点分配的子网掩码是多少？',
      },
    );
    expect(body.structured.kind).toBe('answer');
    expect(body.structured.direct?.text).toContain('/24');
  });
});

describe('factBesideSubject: an asked value a runbook states, in a report about the cluster’s own set-up failing', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await indexOwnKb({ 'flannel/vxlan.md': FLANNEL });
  });
  afterAll(async () => {
    await fixture.cleanup();
  });
  const ask = (message: string) =>
    answerChat({ searcher: fixture.searcher, conversations: new ConversationStore() }, { message });

  it('leads the chat answer with the value instead of declining the report', async () => {
    const en = (
      await ask(
        'Installing the kubernetes cluster failed: kubeadm init hangs at the preflight checks. Which UDP port does flannel VXLAN use by default?',
      )
    ).body;
    expect(en.structured.kind).toBe('answer');
    expect(en.structured.direct?.text).toContain('8472');
  });

  it('still declines the set-up report that asks no value, or asks about the set-up itself', async () => {
    const plain = (
      await ask('Installing the kubernetes cluster failed: kubeadm init hangs at the preflight checks.')
    ).body;
    expect(plain.structured.kind).not.toBe('answer');
    const zh = (await ask('安装 k8s 集群失败，kubeadm init 报 preflight 错误，为什么一直失败？')).body;
    expect(zh.structured.kind).not.toBe('answer');
  });

  it('tells an asking clause about the set-up itself', () => {
    expect(namesClusterSetup('为什么 kubeadm init 一直报 preflight 错误')).toBe(true);
    expect(namesClusterSetup('Why does kubeadm join fail at preflight')).toBe(true);
    expect(namesClusterSetup('Which UDP port does flannel VXLAN use by default')).toBe(false);
    expect(namesClusterSetup('Flannel 默认给每个节点分配的子网掩码是多少')).toBe(false);
  });
});
