import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORDS,
  hasKindWords,
  kindMask,
  VALUE_PATTERNS,
} from '../../../src/answer/direct/value-shapes.js';

describe('hasKindWords', () => {
  it('tells whether a term has a word of one of the given kinds', () => {
    expect(hasKindWords('端口', kindMask(['port']))).toBe(true);
    expect(hasKindWords('mtu', kindMask(['port']))).toBe(false);
    expect(hasKindWords('mtu', kindMask(['port', 'mtu']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['ip']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['iface', 'cidr']))).toBe(false);
    expect(hasKindWords('kubectl', kindMask(['port', 'mtu', 'iface', 'cidr', 'ip', 'addr', 'path']))).toBe(
      false,
    );
  });

  it('is false for no kinds', () => {
    expect(hasKindWords('端口', 0)).toBe(false);
  });

  it('answers the same whichever kinds were asked of the term before', () => {
    const terms = ['接口', 'subnet', 'interface', 'gateway', '网段', 'pool', 'how many bytes', 'where'];
    const masks = [kindMask(['iface']), kindMask(['cidr', 'ip']), kindMask(['path', 'overhead', 'iface'])];
    // The same terms twice over (a trailing space or two changes no pattern's match), asked in opposite orders.
    const forward = terms.map((term) => masks.map((mask) => hasKindWords(`${term} `, mask)));
    const backward = terms.map((term) =>
      [...masks]
        .reverse()
        .map((mask) => hasKindWords(`${term}  `, mask))
        .reverse(),
    );
    const all = masks.reduce((union, mask) => union | mask, 0);
    const combined = terms.map((term) => hasKindWords(`${term}   `, all));
    expect(backward).toEqual(forward);
    expect(combined).toEqual(forward.map((row) => row.some(Boolean)));
    const fresh = forward;
    expect(fresh.map((row) => row.some(Boolean))).toEqual([true, true, true, true, true, true, true, true]);
  });
});

describe('a line that states a default', () => {
  it('says default, 默认 or routes by 0.0.0.0/0', () => {
    for (const line of [
      'kubeadm 默认 ClusterIP 为 `10.96.0.10`',
      'The default MTU for workload interfaces is 1500.',
      'Defaults: mode is iptables by default.',
    ]) {
      expect(DEFAULT_WORDS.test(line)).toBe(true);
      expect(VALUE_PATTERNS.default.test(line)).toBe(true);
    }
    expect(DEFAULT_WORDS.test('0.0.0.0/0 via 100.64.0.1')).toBe(true);
  });

  it('is not a line that only names something with the word in it', () => {
    // A policy, an address set and a pool named after the word state no default (the KB's own rows).
    for (const line of [
      '| 只有某个命名空间的 Pod 解析失败 | default-deny egress 策略未放行 53 |',
      '| 29000 | `ip4.src == $ovn.default.node1_ip4`（分布式网关） | reroute 100.64.0.2 |',
      'calicoctl patch ippool default-ipv4-ippool -p \'{"spec":{"natOutgoing":true}}\'',
      'nslookup kubernetes.default.svc.cluster.local',
    ]) {
      expect(DEFAULT_WORDS.test(line)).toBe(false);
      expect(VALUE_PATTERNS.default.test(line)).toBe(false);
    }
  });
});

describe('a line stating a behaviour', () => {
  it.each([
    // flannel-io/flannel#2219 asks whether flannel works across routers: the line says when VXLAN is used.
    ['vxlan + DirectRouting: true：同子网节点走 host-gw 式直连路由，跨子网才用 VXLAN。'],
    ['只有 Ready 的端点才能出现在 DNS 记录中。'],
    ['ClusterIP 是虚拟地址，不会响应 ping。'],
    // flannel-io/flannel: "Does flannel enforce NetworkPolicy?" is answered by the row saying it does not.
    ['| Flannel（单独） | **不执行**，策略静默无效 | 需 Canal（flannel + Calico 策略） |'],
    ['| 写了 deny 策略但流量仍然放行 | CNI 不执行 NetworkPolicy（如单独 flannel） |'],
    // "Can ndots be lowered?": the line saying it can be tuned down.
    ['`ndots` 可以按工作负载调小，减少外部域名的无效查询：'],
    ['The ndots option can be lowered per workload with dnsConfig.'],
    // projectcalico/calico: "Does a policy selector match pods with host networking?": the line saying they are not
    // subject to policies.
    ['hostNetwork Pod 一般不受策略约束，它发出的流量源 IP 是节点 IP。'],
    // "是通过 hostNetwork 来固定 pod 的 IP 吗": what a hostNetwork pod does not get.
    ['`hostNetwork: true` 的 Pod 不创建独立的 network namespace，直接使用节点的网络栈：Pod IP 等于节点 IP。'],
    // "Does a default deny-all egress policy also block DNS?": what else the policy catches.
    ['egress 默认拒绝时连 DNS（UDP/TCP 53）都会被拦。'],
    // network-policy-api#73 "Does NetworkPolicy apply to hostNetwork pods?": what a policy is not applied to.
    ['**NetworkPolicy**：大多数 CNI 不对 hostNetwork Pod 本身施加 NetworkPolicy。'],
  ])('%s', (line) => {
    expect(VALUE_PATTERNS.behaviour.test(line)).toBe(true);
  });

  it('is not a line that states no condition', () => {
    expect(
      VALUE_PATTERNS.behaviour.test('Flannel 给每个节点从集群网段切一个子网，本节点 Pod 挂在网桥 cni0 上。'),
    ).toBe(false);
    expect(VALUE_PATTERNS.behaviour.test('flanneld 以 DaemonSet 运行，写出 /run/flannel/subnet.env。')).toBe(
      false,
    );
    expect(VALUE_PATTERNS.behaviour.test('hostNetwork Pod 直接使用节点的网络栈，Pod IP 等于节点 IP。')).toBe(
      false,
    );
  });

  it('is not a symptom a report sees, nor a bare "can"', () => {
    for (const line of [
      '| 在宿主机加的策略路由/iptables 对 Pod 出网不生效 | shared gateway 下 egress 在 GR 内完成 SNAT |',
      '可以用 `kubectl exec` 查看 Pod 的 /etc/resolv.conf，ndots 默认为 5。',
      'You can lower the MTU on the node with ip link set.',
      // "连" alone joins two things; it says nothing of what else is caught.
      '连接跟踪表满时新连接会被丢弃。',
      'Pod 连上 Service 后也会走 KUBE-SERVICES 链。',
      // "不对" alone says something is wrong (a symptom), not what a component does not apply to.
      '| 解析结果不对，返回了外部地址 | search 域顺序导致 | `cat /etc/resolv.conf` |',
      'CoreDNS 配置不对时，Pod 会把集群域名发给上游。',
    ])
      expect(VALUE_PATTERNS.behaviour.test(line)).toBe(false);
  });
});
