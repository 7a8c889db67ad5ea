import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { needsClarifying, outsideNetworking, vagueness } from '../../src/answer/clarify.js';
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
  ])('%s → declined', (question) => {
    expect(outsideNetworking(question)).toBe(true);
  });
  it.each([
    'pod 拉镜像超时，节点访问 harbor 443 不通',
    'kubectl top node 内存正常，但 pod 之间跨节点丢包',
    'coredns 解析失败',
    'curl exits with exit code 7 when a pod connects to the service, connection refused',
  ])('%s → networking', (question) => {
    expect(outsideNetworking(question)).toBe(false);
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
