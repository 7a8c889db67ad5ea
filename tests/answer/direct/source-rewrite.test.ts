import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import {
  asksWhySourceSeen,
  explainsRewrittenSource,
  rewriteRuleAsked,
  ruleOnSource,
  seesSourceRewritten,
  statesRewriteRule,
} from '../../../src/answer/direct/source-rewrite.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

const RULE = 'KUBE-SVC-7YNR3X2LQKPM4ABC ── 源不在 clusterCIDR 时 → KUBE-MARK-MASQ (打 0x4000 标记)';

describe('rewriteRuleAsked: a clause asking when the source address is rewritten', () => {
  it.each([
    // kubernetes/kubernetes#44916, #47213 and a website issue's Chinese asker; a Calico asker's form.
    ['Which traffic does kube-proxy masquerade based on clusterCIDR', false],
    ['What does kube-proxy do with --cluster-cidr', true],
    ['集群内 Pod 访问 ClusterIP 时源地址会不会被改', false],
    ['--masquerade-all 参数有什么作用', false],
    ['Is traffic from pods to a ClusterIP SNATed by kube-proxy', false],
  ])('asks the rule: %s', (focus, settingAsked) => {
    expect(rewriteRuleAsked(focus, settingAsked)).not.toBeNull();
  });

  it.each([
    // Which setting is asked and none is named: the setting's line answers.
    ['Which IPPool field has to be enabled so that Calico masquerades pod traffic leaving the cluster', true],
    // Where to look, not when it happens.
    ['egress to 8.8.8.8 fails from pod, masquerade 规则在哪看', false],
    ['Where is the SNAT for pod egress done', false],
    // Nothing about the source or a named setting's effect.
    ['Which port does kube-proxy serve /healthz on', false],
    ['kube-proxy 默认用什么模式', false],
  ])('asks no rule: %s', (focus, settingAsked) => {
    expect(rewriteRuleAsked(focus, settingAsked)).toBeNull();
  });

  it('holds a rule to the setting the clause names, in any spelling', () => {
    const named = rewriteRuleAsked('What does kube-proxy do with --cluster-cidr', true);
    expect(named?.(RULE)).toBe(true);
    expect(named?.('nat POSTROUTING → KUBE-POSTROUTING ── 带 0x4000 标记则 MASQUERADE')).toBe(false);
    const any = rewriteRuleAsked('集群内 Pod 访问 ClusterIP 时源地址会不会被改', false);
    expect(any?.('nat POSTROUTING → KUBE-POSTROUTING ── 带 0x4000 标记则 MASQUERADE')).toBe(true);
  });
});

describe('statesRewriteRule: what rewrites the source, and when', () => {
  it.each([
    RULE,
    'nat POSTROUTING → KUBE-POSTROUTING ── 带 0x4000 标记则 MASQUERADE',
    'Traffic to a ClusterIP is masqueraded only when its source is outside the cluster CIDR.',
  ])('states a rule: %s', (line) => {
    expect(statesRewriteRule(line)).toBe(true);
  });

  it.each([
    // A chain of a diagram, a fault ("规则" is no condition), a check command's comment.
    '│     KUBE-MARK-MASQ → KUBE-SVC-XXXX → 任意节点上的 Pod',
    '| Service 不通，`KUBE-MARK-MASQ` 规则匹配的 clusterCIDR 与实际 Pod CIDR 不一致 | kube-proxy 的 `clusterCIDR` 配错 |',
    '# 查看 MASQUERADE 链的命中计数，确认 SNAT 是否发生',
  ])('states no rule: %s', (line) => {
    expect(statesRewriteRule(line)).toBe(false);
  });

  it('tells a rule on the source from one on a mark', () => {
    expect(ruleOnSource(RULE)).toBe(true);
    expect(ruleOnSource('Packets are masqueraded when the source is outside the cluster CIDR')).toBe(true);
    expect(ruleOnSource('nat POSTROUTING → KUBE-POSTROUTING ── 带 0x4000 标记则 MASQUERADE')).toBe(false);
  });
});

describe('directAnswer: a source rewrite ask is answered by the rule saying when, a diagram line included', () => {
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({
      'service/kube-proxy.md': [
        '---',
        'triggers: [kube-proxy]',
        'category: service',
        '---',
        '',
        '# kube-proxy 规则排查',
        '',
        '## 流量路径',
        '',
        '```text',
        'Pod A 访问 Service 10.96.120.15:80',
        'nat PREROUTING → KUBE-SERVICES',
        RULE,
        'nat POSTROUTING → KUBE-POSTROUTING ── 带 0x4000 标记则 MASQUERADE',
        '```',
        '',
        '## 常见问题',
        '',
        '| 现象 | 原因 | 检查 |',
        '|---|---|---|',
        '| Service 不通，`KUBE-MARK-MASQ` 规则匹配的 clusterCIDR 与实际 Pod CIDR 不一致 | kube-proxy 的 `clusterCIDR` 配错，本应 SNAT 的流量没有被 MASQUERADE | `kubectl -n kube-system get configmap kube-proxy -o yaml \\| grep clusterCIDR` |',
        '| 大集群规则同步要几十秒 | iptables 规则过多 | `kubectl -n kube-system logs -l k8s-app=kube-proxy` |',
        '',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await own?.cleanup();
  });

  it.each([
    'Confusing description for kube-proxy flags. What does kube-proxy do with --cluster-cidr?',
    'Setting pod CIDR on each node for the --cluster-cidr flag ensures correct behaviour. Which traffic does kube-proxy masquerade based on clusterCIDR?',
    '集群内 Pod 访问 ClusterIP 时源地址会不会被改？',
  ])('%s', (question) => {
    expect(quoteOf(own, 'service/kube-proxy.md', question)).toBe(RULE);
  });
});

describe("asksWhySourceSeen: why the source address seen is not the client's", () => {
  it.each([
    'why do backend pods see the node IP instead of the client IP',
    'Why is the client IP not preserved',
    'Why does traffic leaving a pod carry the worker node IP as its source',
    '为什么后端看到的客户端 IP 都是节点 IP',
    '为什么 pod 访问外网时源 IP 变成了节点 IP',
  ])('asks it: %s', (clause) => {
    expect(asksWhySourceSeen(clause)).toBe(true);
  });

  it.each([
    // No why: a statement, or how to get it (an obtain ask).
    'our nginx backend logs the node IP instead of the client IP',
    'How can I retrieve real client IP',
    // The source address named, nothing said of what became of it: a failure to diagnose.
    "why can't the pod reach the source IP of the client",
    '为什么 pod 访问不了客户端 IP',
    // Why about another address.
    'why is the node IP 10.0.0.5 not reachable from the pod',
  ])('does not: %s', (clause) => {
    expect(asksWhySourceSeen(clause)).toBe(false);
  });

  it('reads what was seen without the why word', () => {
    expect(
      seesSourceRewritten(
        'With externalTrafficPolicy: Cluster our nginx backend logs the node IP instead of the client IP.',
      ),
    ).toBe(true);
    expect(seesSourceRewritten('后端 nginx 日志里的客户端 IP 全是节点 IP')).toBe(true);
    expect(seesSourceRewritten('curl to the node IP times out')).toBe(false);
  });

  it("asks a why of the behaviour, the asker's own backend included", () => {
    for (const question of [
      'Why is the client IP not preserved? my nginx backend behind a NodePort service logs the node IP',
      'why do my backend pods see the node IP instead of the client IP?',
      '为什么后端 pod 看到的客户端 IP 都是节点 IP？',
    ])
      expect(factAsk(question)).toMatchObject({ kinds: ['behaviour'], why: true });
    // Asking people is not asked.
    expect(factAsk('有大佬知道为什么后端看到的客户端 IP 都是节点 IP 吗？')?.why).not.toBe(true);
  });
});

describe('explainsRewrittenSource: a line saying the source is rewritten, not kept', () => {
  it.each([
    '另一个高频问题是“应用看到的客户端 IP 都是节点 IP”：这是 `externalTrafficPolicy: Cluster` 的 SNAT 行为，不是故障。',
    '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
    'The client source IP is masqueraded to the node IP when the backend is on another node.',
  ])('explains it: %s', (line) => {
    expect(explainsRewrittenSource(line)).toBe(true);
  });

  it.each([
    'Pod 访问节点 IP **不做 SNAT**：宿主机上看到的源地址就是 Pod IP（如 10.16.0.2）',
    'Local 策略：只选本节点端点，源 IP 保留；',
    'Traffic to a ClusterIP from inside the cluster keeps its source: no SNAT is done.',
  ])('does not: %s', (line) => {
    expect(explainsRewrittenSource(line)).toBe(false);
  });
});

describe('directAnswer: why the backend sees the node IP is answered by the line saying the source is rewritten', () => {
  let own: FixtureIndex;
  const SNAT_LINE =
    '应用看到的客户端 IP 都是节点 IP：这是 `externalTrafficPolicy: Cluster` 的 SNAT 行为，不是故障。';
  beforeAll(async () => {
    own = await indexOwnKb({
      'service/nodeport.md': [
        '---',
        'triggers: [nodeport, externalTrafficPolicy]',
        'category: service',
        '---',
        '',
        '# NodePort 排查',
        '',
        SNAT_LINE,
        '',
        'Pod 访问节点 IP 不做 SNAT：节点上看到的源地址就是 Pod IP。',
        '',
        '| 现象 | 原因 | 检查 |',
        '|---|---|---|',
        '| 外部访问 NodePort 超时 | 云安全组未放通 30000-32767 | `tcpdump -i <iface> -nn tcp port <port>` |',
        '',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await own?.cleanup();
  });

  it.each([
    // kubernetes/ingress-nginx#1898's setup, asked why; the same in Chinese.
    'Ingress-nginx runs behind a NodePort service and the backend that reads the client source ip sees a node IP. Why is the client IP not preserved?',
    '为什么后端 pod 看到的客户端 IP 都是节点 IP？',
    'With externalTrafficPolicy: Cluster our nginx backend logs the node IP instead of the client IP. Is that expected?',
  ])('%s', (question) => {
    expect(quoteOf(own, 'service/nodeport.md', question)).toBe(SNAT_LINE);
  });

  it('leaves another ask to its own line', () => {
    expect(quoteOf(own, 'service/nodeport.md', 'Which port range do I have to open for NodePort?')).toContain(
      '30000-32767',
    );
  });
});
