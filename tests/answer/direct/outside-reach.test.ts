import { describe, expect, it } from 'vitest';
import { factAsk, NEGATED } from '../../../src/answer/direct/asking.js';
import { VALUE_PATTERNS } from '../../../src/answer/direct/value-shapes.js';
import { variantsOf } from '../../../src/answer/direct/words.js';

describe('a line saying where something only holds states a behaviour', () => {
  it.each([
    'Pod IP（如 `10.244.1.5`）通常只在集群内可路由，外部网络不知道怎么把回包送回来。',
    'ClusterIP 只在集群内有效。',
    'Pod IPs are only routable inside the cluster.',
  ])('behaviour: %s', (line) => {
    expect(VALUE_PATTERNS.behaviour.test(line)).toBe(true);
  });

  it.each(['Flannel 给每个节点切一个子网（默认 `/24`）。', '节点在集群内部署了 CoreDNS。'])(
    'no behaviour: %s',
    (line) => {
      expect(VALUE_PATTERNS.behaviour.test(line)).toBe(false);
    },
  );
});

describe('asking whether, or why not, a Pod IP is reached from outside', () => {
  it.each([
    ['为什么外部网络连不上 pod 内网的 ip？', true],
    ['为什么集群外访问不到 Pod IP？', true],
    ["Why can't the client outside the cluster reach the returned pod IP?", true],
  ])('a why question about what does not happen: %s', (question, negated) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.why).toBe(true);
    expect(ask?.affirmed === true).toBe(!negated);
  });

  it.each(['Is a pod IP reachable from outside the cluster?', 'Are pod IPs routable outside the cluster?'])(
    'a yes/no question about what something does: %s',
    (question) => {
      expect(factAsk(question)?.kinds).toEqual(['behaviour']);
    },
  );

  it.each(['Is my pod reachable?', 'Is the node reachable from my laptop, anyone?'])(
    'asks nothing a runbook states: %s',
    (question) => {
      expect(factAsk(question)).toBeNull();
    },
  );

  it('连不上 / 访问不到 say it does not happen', () => {
    expect(NEGATED.test('外部网络连不上 pod')).toBe(true);
    expect(NEGATED.test('集群外访问不到 Pod IP')).toBe(true);
    expect(NEGATED.test('外部网络连上了 pod')).toBe(false);
  });
});

describe('outside and reach are matched to the runbook words', () => {
  it('outside → 外部, reach / reached / reachable → 可路由', () => {
    expect(variantsOf('outside')).toContain('外部');
    expect(variantsOf('reached')).toEqual(expect.arrayContaining(['可路', '路由']));
    expect(variantsOf('reachable')).toEqual(expect.arrayContaining(['可路', '路由']));
  });
});
