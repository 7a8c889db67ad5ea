import { describe, expect, it } from 'vitest';
import { hasKindWords, kindMask } from '../../../src/answer/direct/value-shapes.js';

describe('hasKindWords', () => {
  it('tells whether a term has a word of one of the given kinds', () => {
    expect(hasKindWords('端口', kindMask(['port']))).toBe(true);
    expect(hasKindWords('mtu', kindMask(['port']))).toBe(false);
    expect(hasKindWords('mtu', kindMask(['port', 'mtu']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['ip']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['iface', 'cidr']))).toBe(false);
    expect(hasKindWords('kubectl', kindMask(['port', 'mtu', 'iface', 'cidr', 'ip', 'addr', 'path']))).toBe(
      false,
    );
  });

  it('is false for no kinds', () => {
    expect(hasKindWords('端口', 0)).toBe(false);
  });

  it('answers the same whichever kinds were asked of the term before', () => {
    const terms = ['接口', 'subnet', 'interface', 'gateway', '网段', 'pool', 'how many bytes', 'where'];
    const masks = [kindMask(['iface']), kindMask(['cidr', 'ip']), kindMask(['path', 'overhead', 'iface'])];
    // The same terms twice over (a trailing space or two changes no pattern's match), asked in opposite orders.
    const forward = terms.map((term) => masks.map((mask) => hasKindWords(`${term} `, mask)));
    const backward = terms.map((term) =>
      [...masks]
        .reverse()
        .map((mask) => hasKindWords(`${term}  `, mask))
        .reverse(),
    );
    const all = masks.reduce((union, mask) => union | mask, 0);
    const combined = terms.map((term) => hasKindWords(`${term}   `, all));
    expect(backward).toEqual(forward);
    expect(combined).toEqual(forward.map((row) => row.some(Boolean)));
    const fresh = forward;
    expect(fresh.map((row) => row.some(Boolean))).toEqual([true, true, true, true, true, true, true, true]);
  });
});
