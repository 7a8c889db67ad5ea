import { describe, expect, it } from 'vitest';
import { allocationEntries } from '../../src/answer/ipam-allocations.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

const STATUS = [
  'IPAM:                   IPv4: 11/254 allocated from 10.0.1.0/24,',
  'Allocated addresses:',
  '  10.0.1.150 (k8s-api/k8s-api-rbac-test-69844b778-pwphw [restored])',
  '  10.0.1.159 (kube-system/coredns-5c766dd467-77htj [restored])',
  '  10.0.1.164 (default/deathstar-c74d84667-tklxt)',
  '  10.0.1.165 (router)',
].join('\n');

describe('allocationEntries', () => {
  it('reads each line of the allocated addresses', () => {
    expect(allocationEntries(STATUS).map((entry) => entry.name)).toEqual([
      'k8s-api-rbac-test-69844b778-pwphw',
      'coredns-5c766dd467-77htj',
      'deathstar-c74d84667-tklxt',
      'router',
    ]);
  });

  it('takes no lone address and pod in prose', () => {
    expect(allocationEntries('pod 10.244.1.5 (web-7d9f8b6c5d-x2x9z) cannot reach 10.96.0.10:53')).toEqual([]);
    expect(allocationEntries('10.244.1.5 (web-0) 访问 10.96.0.10 超时')).toEqual([]);
  });
});

describe('placeholder fills: cilium status’s allocated addresses', () => {
  it('takes no pod, namespace or target from the list, English and Chinese', () => {
    for (const lead of [
      'tiefighter can only connect to one copy of deathstar',
      'tiefighter 只能连到一个 deathstar',
    ]) {
      const values = fills(`${lead}\n${STATUS}`);
      expect(values.get('<pod>')).toBeUndefined();
      expect(values.get('<namespace>')).toBeUndefined();
      expect(values.get('<target-ip>')).toBeUndefined();
    }
  });

  it('still reads an address and its pod written in prose', () => {
    const values = fills('pod 10.244.1.5 (web-7d9f8b6c5d-x2x9z) cannot reach 10.96.0.10:53');
    expect(values.get('<pod>')).toBe('web-7d9f8b6c5d-x2x9z');
    expect(values.get('<target-ip>')).toBe('10.96.0.10');
  });
});
