import { describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { closesAfter } from '../../../src/answer/direct/closing-ask.js';

const clauses = [{ sentence: 'a' }, { sentence: 'a' }, { sentence: 'b' }];

describe('closesAfter: the later ask is in the last sentence', () => {
  it('a clause of the last sentence after the other closes the report', () => {
    expect(closesAfter(clauses, 2, 0)).toBe(true);
    expect(closesAfter(clauses, 2, -1)).toBe(true);
  });

  it('an earlier clause, or one before the last sentence, does not', () => {
    expect(closesAfter(clauses, 0, 2)).toBe(false);
    expect(closesAfter(clauses, 1, 0)).toBe(false);
    expect(closesAfter(clauses, -1, -1)).toBe(false);
  });
});

describe('factAsk: a closing yes/no question beats a change asked before it that names no value', () => {
  it('Chinese: 怎么修改 … 集群外能直接访问 Pod IP 吗', () => {
    const ask = factAsk(
      '怀疑是metaserver的instance info问题：这里是Pod的IP，是个内网地址。我要怎么修改，本地才可以访问，谢谢~ 集群外能直接访问 Pod IP 吗？',
    );
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain('集群外能直接访问 Pod IP');
  });

  it('English: a change wondered about, then a closing yes/no question', () => {
    const ask = factAsk(
      'The broker registers its pod IP. How to configure to call the broker from outside the cluster. Is a pod IP reachable from outside the cluster?',
    );
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain('reachable from outside');
  });

  it('a change asked last stays the ask', () => {
    const ask = factAsk('集群外能直接访问 Pod IP 吗？我要怎么修改才可以访问？');
    expect(ask?.kinds).toContain('setting');
  });
});
