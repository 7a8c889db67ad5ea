import { describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { asksWhetherCan } from '../../../src/answer/direct/whether-can.js';

describe('asksWhetherCan: whether something can be done', () => {
  it.each([
    '是否可以让broker被外部访问',
    'flannel 是否支持 NetworkPolicy',
    '集群外的客户端是不是能直接连 Pod IP',
    'I want to know whether a pod IP can be reached from outside the cluster',
  ])('asks: %s', (clause) => {
    expect(asksWhetherCan(clause)).toBe(true);
  });

  it.each([
    '是否需要放行 4789 端口',
    'whether the MTU is right',
    '现在有一个问题 就是搭建集群后，client端无法在外部进行访问',
    'Can anyone help?',
  ])('does not ask: %s', (clause) => {
    expect(asksWhetherCan(clause)).toBe(false);
  });
});

describe('factAsk: a whether-can question naming no value is a yes/no behaviour ask', () => {
  it('asks the behaviour of a report that closes with it', () => {
    const ask = factAsk(
      '是否可以让broker被外部访问？现在有一个问题 就是搭建集群后，client端无法在外部进行访问。',
    );
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain('被外部访问');
  });

  it('asks whether flannel supports a feature', () => {
    expect(factAsk('flannel 是否支持 NetworkPolicy？')?.kinds).toEqual(['behaviour']);
  });

  it('a whether naming a value asks for that value, not a behaviour', () => {
    expect(factAsk('是否需要放行 4789 端口？')?.kinds).toEqual(['port']);
  });

  it('asking people is not a behaviour', () => {
    expect(factAsk('是否有人知道怎么办？')).toBeNull();
  });
});

describe("a quoted whether-can sentence is another's words, not the ask", () => {
  it('does not ask a guide sentence the report quotes', () => {
    expect(asksWhetherCan('"是否可以直接连接到 Pod')).toBe(false);
    expect(asksWhetherCan('“是否可以直接连接到 Pod')).toBe(false);
    expect(
      factAsk(
        '"是否可以直接连接到 Pod？kubectl get pods -o wide 可以获得 Pod 的IP地址" 这个pod ip 是k8s 分配的吗？节点上，没有办法ping 通。请问怎么排查这样的问题？',
      ),
    ).toBeNull();
  });
});
