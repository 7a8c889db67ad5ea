import { describe, expect, it } from 'vitest';
import { lowerBound, sortedIndexOf } from '../../src/retrieve/lower-bound.js';

describe('binary search over ascending arrays', () => {
  const ids = Uint32Array.from([1, 3, 3, 3, 7, 9]);
  it('lowerBound: the first index not below the value, the end when none', () => {
    expect([0, 1, 2, 3, 4, 8, 9, 10].map((v) => lowerBound(ids, v))).toEqual([0, 0, 1, 1, 4, 5, 5, 6]);
    // Counting a run: [3, 3, 3] starts at 1, the next value at 4.
    expect(lowerBound(ids, 4) - lowerBound(ids, 3)).toBe(3);
  });
  it('sortedIndexOf: within a range, strings in code-unit order too', () => {
    expect(sortedIndexOf(ids, 7)).toBe(4);
    expect(sortedIndexOf(ids, 5)).toBe(-1);
    expect(sortedIndexOf(ids, 7, 0, 4)).toBe(-1);
    expect(sortedIndexOf(ids, 3, 2, 6)).toBe(2);
    const terms = ['br-int', 'geneve', 'mtu', 'ovs', '不通'];
    expect(sortedIndexOf(terms, 'mtu')).toBe(2);
    expect(sortedIndexOf(terms, '不通')).toBe(4);
    expect(sortedIndexOf(terms, 'ovn')).toBe(-1);
    expect(sortedIndexOf([], 'x')).toBe(-1);
  });
});
