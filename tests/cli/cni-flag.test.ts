import { afterEach, describe, expect, it } from 'vitest';
import { checkCni, configuredCni } from '../../src/cli/serve.js';
import type { Searcher } from '../../src/retrieve/types.js';

const searcher = {
  cni: { names: ['kube-ovn', 'calico'], ofDoc: () => null, namedIn: () => [] },
} as unknown as Searcher;

describe('--cni and NETKB_CNI', () => {
  const saved = process.env.NETKB_CNI;
  afterEach(() => {
    if (saved === undefined) delete process.env.NETKB_CNI;
    else process.env.NETKB_CNI = saved;
  });

  it('takes the flag over the environment, lower-cased; neither set is undefined', () => {
    process.env.NETKB_CNI = 'calico';
    expect(configuredCni({ cni: 'Kube-OVN' })).toBe('kube-ovn');
    expect(configuredCni({})).toBe('calico');
    delete process.env.NETKB_CNI;
    expect(configuredCni({})).toBeUndefined();
    process.env.NETKB_CNI = '  ';
    expect(configuredCni({})).toBeUndefined();
  });

  it('accepts a glossary CNI and rejects any other name with a usage error', () => {
    expect(() => checkCni(searcher, 'calico')).not.toThrow();
    expect(() => checkCni(searcher, undefined)).not.toThrow();
    expect(() => checkCni(searcher, 'weave')).toThrow(/not a CNI the glossary knows \(kube-ovn, calico\)/);
    try {
      checkCni(searcher, 'weave');
    } catch (error) {
      expect((error as { code?: string }).code).toBe('USAGE');
    }
  });
});
