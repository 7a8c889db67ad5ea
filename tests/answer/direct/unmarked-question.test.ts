import { describe, expect, it } from 'vitest';
import { factAsk, leadAsk } from '../../../src/answer/direct/asking.js';
import { withUnmarkedQuestions } from '../../../src/answer/direct/unmarked-question.js';

describe('withUnmarkedQuestions: a labelled question asked without its question mark', () => {
  it.each([
    [
      'I run grpc as headless. My question is: how is the grpc client going to handle it, will it take the first url.',
      'I run grpc as headless. how is the grpc client going to handle it, will it take the first url?',
    ],
    [
      'Question: does the headless Service return pods that are not ready',
      'does the headless Service return pods that are not ready?',
    ],
    ['部署完成。我的问题是：集群外能直接访问 Pod IP 吗。', '部署完成。 集群外能直接访问 Pod IP 吗?'],
    ['问题：flannel vxlan 用哪个端口', 'flannel vxlan 用哪个端口?'],
  ])('marks: %s', (text, marked) => {
    expect(withUnmarkedQuestions(text).trim()).toBe(marked);
  });

  it.each([
    // Already a question, no label, or a label without its colon.
    'Question: which port does flannel use?',
    'The question is whether to upgrade. Pods fail.',
    'No question here: pods fail to start.',
    '这个问题很奇怪，pod 起不来。',
  ])('leaves: %s', (text) => {
    expect(withUnmarkedQuestions(text)).toBe(text);
  });
});

describe('factAsk reads the questions reports ask without a question mark or a form word', () => {
  it('a labelled how-it-works question', () => {
    expect(
      factAsk(
        'Grpc client and AKS Headless service. My question is: how is grpc client is going to handle, will it take first url and try to connect to same pod or randomly selects it.',
      )?.focus,
    ).toBe('how is grpc client is going to handle');
  });

  it.each([
    ['Pod 重启后 IP 会变，集群成员应该用什么地址？', 'addr'],
    ['calico tunl0 的 MTU 用的什么值？', 'mtu'],
    ['flannel vxlan 端口是？', 'port'],
    ['what name should the client use to reach the service in another namespace?', 'name'],
    ['pod 访问别的命名空间的 service 应该用什么名字？', 'name'],
  ])('asks: %s', (question, kind) => {
    expect(factAsk(question)?.kinds).toContain(kind);
  });

  it.each([
    // A why, a cause, a statement: no value asked.
    '为什么 pod 访问不了 service 的端口？',
    'pod 端口不通是什么原因？',
    'The pod name is nginx-1 and it listens on port 80.',
    '没什么特别的配置，端口是 80。',
  ])('asks no value: %s', (question) => {
    const ask = leadAsk(question);
    expect(ask === null || !ask.kinds.some((kind) => ['addr', 'port', 'mtu', 'name'].includes(kind))).toBe(
      true,
    );
  });
});
