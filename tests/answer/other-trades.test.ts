import { describe, expect, it } from 'vitest';
import {
  aliasPattern,
  namesOtherTrade,
  otherTradesOf,
  uncoveredOtherTrade,
} from '../../src/answer/other-trades.js';

/** A runbook as the decline reads it: its topic texts and the subjects its front-matter lists as not covered. */
const doc = (
  title: string,
  notCovered: { subject: string; aliases: string[] }[] = [],
  triggers: string[] = [],
  symptoms: string[] = [],
) => ({
  title,
  triggers,
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
  notCovered,
});

/** The KB's own listing (kb/service, kb/pod-to-pod, kb/node-to-pod front-matter), shortened. */
const KB = [
  doc('ClusterIP Service 不通排查', [
    {
      subject: 'ingress annotations',
      aliases: ['ingress annotation', 'ingress 注解', 'nginx.ingress.kubernetes.io', 'ingressroute'],
    },
    { subject: 'microservice registries', aliases: ['dubbo', 'seata', 'eureka'] },
  ]),
  doc('NodePort / LoadBalancer', [{ subject: 'host VIP managers', aliases: ['kube-vip', 'keepalived'] }]),
  doc('同节点 Pod 通信', [
    { subject: 'KubeVirt virtual machines', aliases: ['kubevirt', 'virt-launcher', 'vmi'] },
    { subject: 'Windows nodes', aliases: ['windows node', 'windows 节点', 'hns'] },
  ]),
  doc('节点访问 Pod', [
    { subject: 'edge computing frameworks', aliases: ['kubeedge', 'openyurt', 'raven', '云边', '边端节点'] },
  ]),
];
const trades = otherTradesOf(KB);

describe('aliasPattern: how a listed alias is found in a report', () => {
  it.each([
    ['kube-vip', 'ARP kube-vip not replying', true],
    ['kube-vip', 'the kubevip VIP is down', true],
    ['kube-vip', 'kube vip 的 VIP 访问不了', true],
    ['ingress annotation', 'ingress annotations not applied', true],
    ['vmi', 'the vmi cannot ping its gateway', true],
    ['vmi', 'vmimage pull is slow', false],
    ['raven', 'ravenous traffic', false],
    ['云边', '使用 raven 云边 pod 无法通信', true],
  ])('%s in "%s" → %s', (alias, text, found) => {
    expect(new RegExp(aliasPattern(alias), 'i').test(text)).toBe(found);
  });
});

describe('otherTradesOf: the listed subjects no runbook explains', () => {
  it('collects every runbook’s not_covered entries', () => {
    expect(trades.map((trade) => trade.subject)).toEqual([
      'ingress annotations',
      'microservice registries',
      'host VIP managers',
      'KubeVirt virtual machines',
      'Windows nodes',
      'edge computing frameworks',
    ]);
  });
  it('drops a subject a runbook explains in its title, triggers or troubleshooting symptoms', () => {
    const withKubeVirt = [...KB, doc('KubeVirt 虚拟机网络', [], ['kubevirt vm ping 不通'])];
    expect(otherTradesOf(withKubeVirt).map((trade) => trade.subject)).not.toContain(
      'KubeVirt virtual machines',
    );
    const withVip = [...KB, doc('VIP', [], [], ['kube-vip 的 VIP 不响应 ARP'])];
    expect(otherTradesOf(withVip).map((trade) => trade.subject)).not.toContain('host VIP managers');
  });
  it('is empty for a KB that lists none', () => {
    expect(otherTradesOf([doc('ClusterIP Service 不通排查')])).toEqual([]);
  });
});

describe('uncoveredOtherTrade: a report whose first sentence makes a listed subject the failing one', () => {
  it.each([
    // Real (fills6.yaml, shortened).
    [
      "The kubevirt vm can't ping. I create a cirros vm in kubevirt env, the vm created successfully, but I can't ssh into the vm.",
      'KubeVirt virtual machines',
    ],
    // Real (reports14.yaml, shortened).
    [
      'ARP kube-vip not replying to worker nodes. The virtual IP works from the master node: it replies to ping ICMP.',
      'host VIP managers',
    ],
    // Real (reports16.yaml, shortened): the tracker's tag comes before the subject.
    [
      '[BUG] 使用 raven 云边 pod 无法通信。CNI 插件：Calico v3.23.1（附 calico-node.yaml）。',
      'edge computing frameworks',
    ],
    // Real (reports16.yaml, shortened).
    [
      '云端节点通过tunnel 访问边端节点失败。云端容器通过tunnel访问边端容器内的服务，显示如下错误。SuperEdge version: 0.8.1。',
      'edge computing frameworks',
    ],
    // Real (fills6.yaml, shortened).
    [
      'dubbo部署到k8s，连接外部的ZK，外部dubbo连接ZK发现地址不通。dubbo注册的是容器的地址，外部服务的消费者取到容器地址无法访问。',
      'microservice registries',
    ],
    // Constructed.
    [
      'nginx.ingress.kubernetes.io/ssl-redirect annotation is ignored after upgrading the controller.',
      'ingress annotations',
    ],
    ['Ingress annotations do not take effect after upgrading ingress-nginx to 1.9.', 'ingress annotations'],
    ['Windows nodes cannot pull the pause image behind our proxy.', 'Windows nodes'],
  ])('%s → %s', (question, subject) => {
    expect(uncoveredOtherTrade(question, trades)).toBe(subject);
  });

  it.each([
    // The subject named after what fails: mentioned in passing.
    'Pods fail to start on the node that runs kube-vip.',
    // A covered path in the headline: a DNS report, a Service report.
    'DNS lookups time out inside a KubeVirt VM.',
    'Dubbo consumers get connection refused from the provider Service.',
    // A CNI named in the headline: its runbook answers.
    'calico-node fails on the KubeEdge edge node.',
    // The subject only in the body.
    'Pods on node-2 cannot reach pods on node-1. We also run kube-vip for the API server.',
    // Nothing fails: a question about the subject's design.
    'How does KubeEdge route traffic between cloud and edge?',
    '请问 raven 的网关节点怎么选择？',
  ])('%s → answered', (question) => {
    expect(uncoveredOtherTrade(question, trades)).toBeNull();
  });

  it('declines nothing when the KB lists no subject or a runbook explains it', () => {
    const question = "The kubevirt vm can't ping. I create a cirros vm in kubevirt env.";
    expect(uncoveredOtherTrade(question, [])).toBeNull();
    expect(
      uncoveredOtherTrade(question, otherTradesOf([...KB, doc('KubeVirt', [], ['kubevirt vm ping 不通'])])),
    ).toBeNull();
  });
});

describe('namesOtherTrade: an asking clause about a listed subject itself', () => {
  it('tells a clause naming the subject from one naming a covered value', () => {
    expect(namesOtherTrade('which port does kube-vip listen on?', trades)).toBe(true);
    expect(namesOtherTrade('what is the default service CIDR?', trades)).toBe(false);
  });
});
