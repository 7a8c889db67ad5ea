import { describe, expect, it } from 'vitest';
import { focusTerms, terms } from '../../src/answer/rank-rows.js';

describe('focusTerms: the words that pick the checks', () => {
  it('counts the words of a ruled-out or working clause less', () => {
    const question = "Pods can't reach the internet. It's NOT a DNS problem, same-node traffic is fine";
    const all = terms(question);
    const focus = focusTerms(question);
    expect(focus.get('internet')).toBe(all.get('internet'));
    expect(focus.get('dns')).toBeCloseTo((all.get('dns') ?? 0) * 0.3);
    expect(focus.get('same-node')).toBeCloseTo((all.get('same-node') ?? 0) * 0.3);
  });

  it('is the plain terms when nothing is said to work', () => {
    expect(focusTerms('coredns 解析超时')).toEqual(terms('coredns 解析超时'));
  });
});
