import { describe, expect, it } from 'vitest';
import { WindowCounts } from '../../src/server/rate-limit.js';

describe('WindowCounts', () => {
  it('counts requests per key within a fixed window that starts at the first request', () => {
    const counts = new WindowCounts(1000);
    expect(counts.hit('a', 10_000)).toEqual({ count: 1, resetAt: 11_000 });
    expect(counts.hit('a', 10_500).count).toBe(2);
    expect(counts.hit('b', 10_500)).toEqual({ count: 1, resetAt: 11_500 });
    expect(counts.hit('a', 10_999).count).toBe(3);
    // The window has ended: a new one starts at this request.
    expect(counts.hit('a', 11_000)).toEqual({ count: 1, resetAt: 12_000 });
  });

  it('remembers at most `capacity` keys: ended windows go first, then the oldest', () => {
    const counts = new WindowCounts(1000, 3);
    counts.hit('a', 0);
    counts.hit('b', 500);
    counts.hit('c', 900);
    // a's window has ended at 1200: it is the one dropped.
    counts.hit('d', 1200);
    expect(counts.size).toBe(3);
    expect(counts.hit('b', 1300).count).toBe(2);
    expect(counts.hit('a', 1300).count).toBe(1);
    // None had ended: the oldest window (b, from 500) was dropped for a.
    expect(counts.size).toBe(3);
    expect(counts.hit('c', 1400).count).toBe(2);
    expect(counts.hit('b', 1400).count).toBe(1);
  });
});
