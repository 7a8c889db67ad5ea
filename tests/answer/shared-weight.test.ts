import { describe, expect, it } from 'vitest';
import { reweighted, sharedWeight, wantedTerms } from '../../src/answer/shared-weight.js';

/** The plain loop over the question's terms that sharedWeight must equal. */
function naive(
  start: number,
  list: Array<[string, number]>,
  context: ReadonlySet<string>,
  weightOf: (term: string, weight: number) => number,
): number {
  let sum = start;
  for (const [term, weight] of list) if (context.has(term)) sum += weightOf(term, weight);
  return sum;
}

describe('sharedWeight', () => {
  const weightOf = (term: string, weight: number) => weight / (term.length + 0.7);

  it('sums the weights of the shared terms, from a start', () => {
    const wanted = wantedTerms([
      ['geneve', 2],
      ['隧道', 1],
      ['mtu', 1.5],
    ]);
    expect(sharedWeight(1, wanted, new Set(['隧道', 'mtu', 'ovs']))).toBe(3.5);
    expect(sharedWeight(0, wanted, new Set())).toBe(0);
  });

  it('gives exactly the plain loop, bit for bit, whichever side is smaller', () => {
    // Weights whose sum depends on the order of additions in floating point.
    const list: Array<[string, number]> = Array.from({ length: 300 }, (_, i) => [
      `t${i}`,
      0.1 * ((i * 7) % 13) + 1e-9 * i,
    ]);
    const wanted = wantedTerms(list);
    const small = new Set(['t250', 't3', 'x', 't77', 't199', 't0']); // smaller than the question: walked itself
    const large = new Set([
      ...list.map(([term]) => term).filter((_, i) => i % 3 === 0),
      ...Array.from({ length: 400 }, (_, i) => `y${i}`),
    ]);
    expect(sharedWeight(0.3, wanted, small, weightOf)).toBe(naive(0.3, list, small, weightOf));
    expect(sharedWeight(0.3, wanted, large, weightOf)).toBe(naive(0.3, list, large, weightOf));
  });

  it('walks a Map context by its keys', () => {
    const wanted = wantedTerms(Array.from({ length: 20 }, (_, i): [string, number] => [`t${i}`, i]));
    expect(
      sharedWeight(
        0,
        wanted,
        new Map([
          ['t4', 99],
          ['t7', 99],
        ]),
      ),
    ).toBe(11);
  });

  it('reweighted terms keep the positions and use the new weights', () => {
    const base = wantedTerms(Array.from({ length: 20 }, (_, i): [string, number] => [`t${i}`, 1]));
    const doubled = reweighted(
      base,
      base.list.map(([term, weight]): [string, number] => [term, weight * 2]),
    );
    expect(doubled.position).toBe(base.position);
    expect(sharedWeight(0, doubled, new Set(['t1', 't5']))).toBe(4);
  });
});
