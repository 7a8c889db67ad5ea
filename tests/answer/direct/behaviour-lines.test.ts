import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

const doc = (title: string, category: string, body: string[]) =>
  ['---', `triggers: [${title}]`, `category: ${category}`, '---', '', `# ${title}`, '', ...body, ''].join(
    '\n',
  );

describe('directAnswer: a yes/no question about a default deny or a means is answered by the line saying what it does', () => {
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({
      'network-policy/debug.md': doc('NetworkPolicy 排查', 'network-policy', [
        '## 概述',
        '',
        '- 策略只有 allow，多个策略取并集，不存在顺序和 deny（Calico / Cilium 自有 CRD 才有 deny 和顺序）。',
        '',
        '## 匹配顺序',
        '',
        '1. 源 Pod 发出的包先匹配源 Pod 的 Egress 规则；egress 默认拒绝时连 DNS（UDP/TCP 53）都会被拦。',
      ]),
      'calico/bgp.md': doc('Calico BGP', 'calico', [
        '## 模式',
        '',
        '| 模式 | 设置 | 封装 |',
        '|---|---|---|',
        '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` | 无，直接走物理网卡，Pod IP 不会被 NAT |',
      ]),
      'host-network/pods.md': doc('hostNetwork Pod 排查', 'host-network', [
        '## 概述',
        '',
        '`hostNetwork: true` 的 Pod 不创建独立的 network namespace，直接使用节点的网络栈：Pod IP 等于节点 IP。',
        '',
        '## 常见问题',
        '',
        '| 现象 | 原因 | 检查 |',
        '|---|---|---|',
        "| Pod Pending，事件 `didn't have free ports` | 同节点已有 Pod 声明了相同 hostPort / hostNetwork 端口，不能调度 | `kubectl describe pod <pod>` |",
      ]),
    });
  });
  afterAll(async () => {
    await own?.cleanup();
  });

  it.each([
    // kubernetes/website: whether a deny-all egress policy also blocks DNS.
    ['network-policy/debug.md', 'Does a default deny-all egress policy also block DNS?', '连 DNS'],
    ['network-policy/debug.md', '默认拒绝的 egress 策略也会拦 DNS 吗？', '连 DNS'],
    // A title asking whether hostNetwork is what keeps the pod IP fixed: the line saying what such a pod gets.
    [
      'host-network/pods.md',
      '解决pod ip改变的问题。是通过hostnetwork 这个参数来固定pod的ip吗',
      'Pod IP 等于节点 IP',
    ],
    [
      'host-network/pods.md',
      'Is the pod IP fixed by hostNetwork? Does a hostNetwork pod get the node IP?',
      'Pod IP 等于节点 IP',
    ],
  ])('%s: %s', (docPath, question, stated) => {
    expect(quoteOf(own, docPath, question)).toContain(stated);
  });

  it.each([
    ['nodelocaldns podIp same as hostIp. Hi, why is the pod IP of nodelocadns same as the IP of node?'],
    ['为什么 pod 的 IP 和节点 IP 是同一个？'],
  ])('why two things are the same: the line saying one equals the other (%s)', (question) => {
    expect(quoteOf(own, 'host-network/pods.md', question)).toContain('Pod IP 等于节点 IP');
    // A line saying what happens to the pod IP, but not that it equals another, explains nothing.
    expect(quoteOf(own, 'calico/bgp.md', question)).toBe('');
  });
});
