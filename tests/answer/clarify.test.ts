import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import {
  answerNamedCniReport,
  NAMED_CNI_FLOOR,
  namedCniClose,
  needsClarifying,
  outsideNetworking,
  vagueness,
} from '../../src/answer/clarify.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

describe('needsClarifying: vague reports of broken networking', () => {
  it.each([
    '网络挂了 急',
    '网络挂了 pod 之间都不通 急',
    'network is down, pods cannot talk to each other, help',
    'pod 之间不通',
  ])('%s → clarify', (question) => {
    expect(needsClarifying(question, false)).toBe(true);
  });

  it.each([
    // A port and a path, a topology, a component, an error: specific enough to answer.
    'pod 访问 node 的 6443 不通',
    '跨节点 pod 之间 ping 不通',
    'kubectl ko sbctl show 里少了一台机器的 chassis，那台上的 pod 跟别人都不通',
    '装了 docker 之后同一台机器上的 pod 之间全断了，FORWARD 默认 DROP',
    // Long, but its symptom matches a troubleshooting row.
    'after upgrading the nodes, pods on node-03 time out calling the kubernetes service 10.96.0.1:443 while other nodes are fine',
    // Not a networking report at all: nothing to clarify (retrieval decides).
    'coredns 解析失败',
  ])('%s → answer', (question) => {
    expect(needsClarifying(question, false)).toBe(false);
  });

  it('stops counting at two signals and agrees with the full count', () => {
    const reports = [
      '网络挂了 急',
      '网络不通 10.0.0.5',
      '网络不通 10.0.0.5:8080',
      'network is down on node-03, pods cannot reach 10.96.0.1',
      'network broken: wireguard wireguard-go wg0 all down, pods cannot talk',
      'pods cannot talk to each other since the flannel upgrade',
      `network is down ${'and pods cannot reach each other '.repeat(40)}kubectl conntrack tcpdump`,
    ];
    for (const question of reports)
      expect(needsClarifying(question, false), question).toBe(vagueness(question).signals < 2);
    expect(reports.map((question) => needsClarifying(question, false))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('never clarifies when the cluster’s CNI is known', () => {
    expect(needsClarifying('网络挂了 pod 之间都不通 急', true)).toBe(false);
  });
});

describe('outsideNetworking: subjects of other trades', () => {
  it.each([
    'node 磁盘满了 怎么清理 docker 镜像',
    'PVC 一直 pending 是什么原因',
    'java 堆内存溢出怎么调 -Xmx',
    'pods getting terminated with Exit Code: 137 and Reason: Error, Restart Count 1',
    // Real kubernetes/kubernetes reports: the component a certificate belongs to is not a network path.
    'After renew the certs getting error in kube-apiserver pod logs: Unable to authenticate the request due to an error: x509: certificate has expired or is not yet valid. Restarted docker, containerd and kubelet but still getting the same issue.',
    'apiservers pki expired on the master and renew does not seem to take effect. I ran kubeadm alpha cert renew all but when restarting kubelet it still says its expired.',
  ])('%s → declined', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
  it.each([
    'pod 拉镜像超时，节点访问 harbor 443 不通',
    'kubectl top node 内存正常，但 pod 之间跨节点丢包',
    'coredns 解析失败',
    'curl exits with exit code 7 when a pod connects to the service, connection refused',
    // A certificate error on the way to the apiserver through a Service is still a path (real kubespray report).
    'coredns logs x509: certificate is valid for 10.233.0.1, not 10.96.0.1 when it calls the apiserver service',
  ])('%s → networking', (question) => {
    expect(outsideNetworking(question)).toBe(false);
  });
});

describe('answerNamedCniReport: a detailed report of the named CNI is answered near the threshold', () => {
  // Real k3s report: flannel named, a symptom, interfaces and commands; confidence 0.44 under the 0.5 threshold.
  const flannel =
    'Pods on different Nodes unable to communicate with each other. k3s v1.0.0. Master: curl -sfL https://get.k3s.io | sh -s - server --no-deploy traefik --flannel-iface wg. ping between pods on different nodes times out. Actual: timeouts when contacting pod on other Node.';
  it('answers when the top runbook is the named CNI', () => {
    expect(answerNamedCniReport(flannel, 0.44, true)).toBe(true);
  });
  it('still abstains when the top runbook is another one, or confidence is far too low', () => {
    expect(answerNamedCniReport(flannel, 0.44, false)).toBe(false);
    expect(answerNamedCniReport(flannel, NAMED_CNI_FLOOR - 0.01, true)).toBe(false);
  });
  it('still abstains without a network symptom (real eviction report naming calico-node)', () => {
    const eviction =
      'The node was low on resource: ephemeral-storage, and pods were evicted. Container calico-node was using 92Ki, which exceeds its request of 0.';
    expect(answerNamedCniReport(eviction, 0.45, true)).toBe(false);
  });
  it('still abstains on a short report', () => {
    expect(answerNamedCniReport('calico 网络不通 超时', 0.45, true)).toBe(false);
    expect(answerNamedCniReport('calico 跨节点 pod 不通，ping 超时', 0.45, true)).toBe(false);
  });
});

describe('namedCniClose: the named CNI runbook leads or stands next to the top one', () => {
  const hit = (path: string, score: number) => ({ doc: { path } as never, score });
  const ofDoc = (path: string) => (path.startsWith('flannel/') ? 'flannel' : null);
  it('is true for the top runbook or a distinct runbook within the share', () => {
    expect(namedCniClose([hit('flannel/vxlan-host-gw.md', 0.7)], 'flannel', ofDoc, 0.8)).toBe(true);
    const near = [hit('svc/a.md', 0.75), hit('svc/a.md', 0.72), hit('flannel/vxlan-host-gw.md', 0.7)];
    expect(namedCniClose(near, 'flannel', ofDoc, 0.8)).toBe(true);
  });
  it('is false when the named runbook is far behind or after three other runbooks', () => {
    // Real kubeadm report: the flannel runbook scored 0.537 under a 0.748 top.
    const far = [hit('svc/a.md', 0.748), hit('svc/a.md', 0.716), hit('flannel/vxlan-host-gw.md', 0.537)];
    expect(namedCniClose(far, 'flannel', ofDoc, 0.8)).toBe(false);
    const late = [hit('a.md', 0.8), hit('b.md', 0.8), hit('c.md', 0.8), hit('flannel/x.md', 0.8)];
    expect(namedCniClose(late, 'flannel', ofDoc, 0.8)).toBe(false);
    expect(namedCniClose([], 'flannel', ofDoc, 0.8)).toBe(false);
  });
});

describe('clarifying answers end to end', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it('asks which CNI, which path and what symptom, with the likely runbooks and no commands', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: '网络挂了 急' },
    );
    expect(body.structured.kind).toBe('clarify');
    expect(body.abstained).toBe(false);
    expect(body.commands).toEqual([]);
    expect(body.structured.asks.join(' ')).toContain('CNI');
    expect(body.structured.asks.length).toBe(3);
    expect(body.answer).toContain('笼统');
  });

  it('a specific question in the same words is answered', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: 'kube-ovn 跨节点 pod ping 不通，geneve 隧道 6081 被防火墙拦了吗' },
    );
    expect(body.structured.kind).toBe('answer');
  });
});
