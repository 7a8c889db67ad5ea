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
      'flannel/modes.md': doc('Flannel VXLAN 与 host-gw', 'flannel', [
        '## 后端模式',
        '',
        '- **vxlan + `DirectRouting: true`**：同子网节点走 host-gw 式直连路由，跨子网才用 VXLAN。',
        '- **host-gw**：不封装，直接写 `10.244.2.0/24 via <对端节点 IP>` 路由，要求所有节点二层直连（同一子网）。',
        '',
        'host-gw 模式省掉封装，直接把对端节点 IP 作为下一跳，因此节点之间不能隔着路由器。',
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
        '- **NetworkPolicy**：大多数 CNI 不对 hostNetwork Pod 本身施加 NetworkPolicy。',
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
    // luxas/kubernetes-on-arm#62: the line saying what host-gw requires, not one saying what it does.
    [
      'flannel/modes.md',
      'Using host-gw as backend for flannel instead of udp. Does host-gw require all nodes to be on the same layer 2 network?',
      '要求所有节点二层直连',
    ],
    ['flannel/modes.md', 'host-gw 模式会要求节点二层直连吗？', '要求所有节点二层直连'],
    // Not asked about a requirement: the line saying what a mode requires is no answer (flannel-io/flannel: direct
    // routes within a subnet).
    [
      'flannel/modes.md',
      'Can flannel be used in a cluster where nodes are in different subnets? Does vxlan use direct routes within a subnet?',
      '跨子网才用 VXLAN',
    ],
    ['flannel/modes.md', 'flannel vxlan 在同子网节点之间会走直连路由吗？', '跨子网才用 VXLAN'],
    // network-policy-api#73: the line saying what a policy is not applied to.
    [
      'host-network/pods.md',
      'Document network policy behaviour for host network pods. Does NetworkPolicy apply to hostNetwork pods?',
      '不对 hostNetwork Pod 本身施加',
    ],
    ['host-network/pods.md', 'NetworkPolicy 会对 hostNetwork Pod 生效吗？', '不对 hostNetwork Pod 本身施加'],
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
