import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesOf } from '../../../src/answer/direct/lines.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

/** A runbook naming a setting in one sentence and saying what it does in the next ("它让…"). */
const SAME_NODE = [
  '---',
  'triggers: [同节点 pod 不通]',
  'category: pod_to_pod_same_node',
  '---',
  '',
  '# 同节点 Pod 通信',
  '',
  '## 概述',
  '',
  'Linux bridge 模型有一个常被忽略的开关：`br_netfilter` 模块 + `net.bridge.bridge-nf-call-iptables=1`。',
  '它让经过 cni0 的二层帧也走 iptables，这是 kube-proxy 在“客户端与后端在同一网桥”时能正确反向 DNAT 的前提。',
  '',
  '## 常见问题',
  '',
  '| 现象 | 原因 | 检查 | 处理 |',
  '| --- | --- | --- | --- |',
  '| Pod 访问指向自己的 Service 失败 | 网桥端口未开启 hairpin | `bridge -d link show` | 在 CNI 配置中开启 `hairpinMode: true` |',
  '',
].join('\n');

describe('why a named setting is needed: the line saying what it does', () => {
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'pod-to-pod/same-node.md': SAME_NODE });
  });
  afterAll(() => own.cleanup());

  it.each([
    '为什么需要开启 bridge-nf-call-iptables ?',
    'Why do we need to enable net.bridge.bridge-nf-call-iptables on every node?',
    'Why is bridge-nf-call-iptables required for kube-proxy?',
  ])('quotes the sentence after the one naming it: %s', (question) => {
    expect(quoteOf(own, 'pod-to-pod/same-node.md', question)).toContain(
      '它让经过 cni0 的二层帧也走 iptables',
    );
  });

  it('quotes nothing when no line says what the setting does', () => {
    // The hairpin row names the setting and shares the ask's words, yet says what breaks without it, not why.
    expect(quoteOf(own, 'pod-to-pod/same-node.md', '为什么需要开启 hairpinMode?')).toBe('');
    expect(quoteOf(own, 'pod-to-pod/same-node.md', 'Why did I specify hairpinMode for the bridge?')).toBe('');
  });

  it('knows what a sentence opening with a pronoun refers back to', () => {
    const doc = own.searcher.doc('pod-to-pod/same-node.md');
    const lines = doc?.chunks.flatMap((chunk) => candidatesOf(chunk)) ?? [];
    const purpose = lines.find((line) => line.quote.startsWith('它让'));
    expect(purpose?.antecedent).toContain('net.bridge.bridge-nf-call-iptables=1');
    // The sentence naming the setting opens with no pronoun: it stands on its own.
    expect(lines.find((line) => line.quote.startsWith('Linux bridge'))?.antecedent).toBeUndefined();
  });
});
