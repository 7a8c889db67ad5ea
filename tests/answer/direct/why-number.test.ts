import { describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { whyNumberAsked } from '../../../src/answer/direct/why-number.js';

describe('whyNumberAsked: why a thing has the number it has, in the forms reports use', () => {
  it.each([
    ['why the block size is 26', true, '26'],
    ['Why do we use 1400 instead of 1450', true, '1400'],
    ['why does calico pick 1440 rather than 1480', true, '1440'],
    ['为什么 kube-ovn 用 1400 而不是 1450', true, '1400'],
    ['我想知道为什么用 1400 而非 1450', true, '1400'],
  ])('asks: %s', (clause, question, number) => {
    expect(whyNumberAsked(clause, question)).toBe(number);
  });

  it.each([
    // A statement that does not wonder, a failure, a number that is no value of the thing.
    ['why the vtep mtu was 1400', false],
    ['I wonder why the vtep mtu was 1400', false],
    ['why does the pod not answer on 8080', true],
    ['Why do we use flannel instead of calico', true],
    ['为什么 1400 的包不通', true],
    ['why the pod is 10 minutes old', true],
  ])('does not ask: %s', (clause, question) => {
    expect(whyNumberAsked(clause, question)).toBeNull();
  });
});

describe('factAsk reads such a clause as asking for the line that states the number', () => {
  it('a number used instead of another, in a long report', () => {
    const ask = factAsk(
      'provide a way to modify the MTU of the default cluster network. We would like to use 1450 instead of the current 1400. Why do we use 1400 instead of 1450? Any idea?',
    );
    expect(ask?.kinds).toContain('count');
    expect(ask?.values).toBeUndefined();
    expect(ask?.focus).toContain('Why do we use 1400 instead of 1450');
  });
});
