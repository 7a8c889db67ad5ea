import { describe, expect, it } from 'vitest';
import { quantile, ratioPercent, roundOrder, spreadOf } from '../../scripts/bench-lib.js';

describe('benchmark statistics', () => {
  it('quantiles interpolate between the nearest ranks, whatever the input order', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.75)).toBe(17.5);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('the spread of per-round ratios: median, quartiles, extremes and count', () => {
    const spread = spreadOf([1.02, 1.05, 0.99, 1.01, 1.2, 1.03]);
    expect(spread.median).toBeCloseTo(1.025, 10);
    expect(spread.q1).toBeCloseTo(1.0125, 10);
    expect(spread.q3).toBeCloseTo(1.045, 10);
    expect(spread.min).toBe(0.99);
    expect(spread.max).toBe(1.2);
    expect(spread.rounds).toBe(6);
    expect(spreadOf([]).median).toBeNaN();
  });

  it('alternates which configuration runs first: AB, BA, AB… and rotates three or more', () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(['off', 'on'], round).join(''))).toEqual([
      'offon',
      'onoff',
      'offon',
      'onoff',
    ]);
    const firsts = [0, 1, 2, 3, 4, 5].map((round) => roundOrder(['a', 'b', 'c'], round)[0]);
    expect(new Set(firsts)).toEqual(new Set(['a', 'b', 'c']));
    for (let round = 0; round < 6; round++)
      expect(roundOrder(['a', 'b', 'c'], round).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('ratioPercent', () => {
  it('prints a ratio as the signed change it stands for', () => {
    expect(ratioPercent(1.031)).toBe('+3.1%');
    expect(ratioPercent(0.987)).toBe('-1.3%');
    expect(ratioPercent(1)).toBe('+0.0%');
  });
});
