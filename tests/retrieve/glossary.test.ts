import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';

// The shorter `connection` comes first, so only the longest-first rule lets `connection refused` win.
const glossary = compileGlossary([
  { terms: ['connection', '连接'] }, // g0
  { terms: ['connection refused', '连接被拒绝'] }, // g1
  { terms: ['host', '主机'] }, // g2
  { terms: ['網路', 'network'] }, // g3: a traditional term, normalized at compile time
]);

describe('compileGlossary: groupsIn', () => {
  it('finds the groups of the terms in the text', () => {
    expect(glossary.groupsIn('host network')).toEqual(['g2', 'g3']);
    expect(glossary.groupsIn('主机网络')).toEqual(['g2', 'g3']);
    expect(glossary.groupsIn('pod')).toEqual([]);
  });

  it('reports each group once', () => {
    expect(glossary.groupsIn('host 主机 host')).toEqual(['g2']);
  });

  it('prefers the longest term', () => {
    expect(glossary.groupsIn('connection refused')).toEqual(['g1']);
    expect(glossary.groupsIn('连接被拒绝')).toEqual(['g1']);
    expect(glossary.groupsIn('connection reset')).toEqual(['g0']);
  });

  it('needs word boundaries around Latin terms', () => {
    expect(glossary.groupsIn('hostnetwork')).toEqual([]);
    expect(glossary.groupsIn('host2')).toEqual([]);
    expect(glossary.groupsIn('localhost')).toEqual([]);
    expect(glossary.groupsIn('pod的host')).toEqual(['g2']);
  });

  it('matches traditional input once it is normalized', () => {
    expect(glossary.groupsIn(normalizeText('主機 網路'))).toEqual(['g2', 'g3']);
    expect(glossary.groupsIn(normalizeText('連接被拒絕'))).toEqual(['g1']);
  });

  it('escapes regex characters in terms', () => {
    const ips = compileGlossary([{ terms: ['10.96.0.10'] }]);
    expect(ips.groupsIn('dns 10.96.0.10 timeout')).toEqual(['g0']);
    expect(ips.groupsIn('10x96x0x10')).toEqual([]);
    expect(ips.groupsIn('10.96.0.100')).toEqual([]);
  });

  it('keeps the first group when a term is listed twice', () => {
    const overlapping = compileGlossary([{ terms: ['svc', 'service'] }, { terms: ['service', '服务'] }]);
    expect(overlapping.groupsIn('service')).toEqual(['g0']);
    expect(overlapping.groupsIn('服务')).toEqual(['g1']);
  });
});

describe('compileGlossary: canonicalize', () => {
  it('replaces each term with its group marker, longest first', () => {
    expect(glossary.canonicalize('connection refused to host')).toBe('\u0001g1\u0001 to \u0001g2\u0001');
    expect(glossary.canonicalize('主机连接被拒绝')).toBe('\u0001g2\u0001\u0001g1\u0001');
  });

  it('makes synonyms compare equal', () => {
    expect(glossary.canonicalize('network')).toBe(glossary.canonicalize(normalizeText('網路')));
  });

  it('leaves Latin words that merely contain a term alone', () => {
    expect(glossary.canonicalize('hostnetwork')).toBe('hostnetwork');
  });
});

describe('compileGlossary: exclusiveSetOf', () => {
  it('names the exclusive set of a group, if any', () => {
    const cni = compileGlossary([
      { terms: ['kube-ovn'], exclusive: 'cni' },
      { terms: ['calico'], exclusive: 'cni' },
      { terms: ['coredns'] },
    ]);
    expect(cni.exclusiveSetOf('g0')).toBe('cni');
    expect(cni.exclusiveSetOf('g1')).toBe('cni');
    expect(cni.exclusiveSetOf('g2')).toBeUndefined();
    expect(cni.exclusiveSetOf('g9')).toBeUndefined();
    expect(compileGlossary([]).exclusiveSetOf('g0')).toBeUndefined();
  });

  it("lists the other members of a group's set as its alternatives", () => {
    const sets = compileGlossary([
      { terms: ['kube-ovn'], exclusive: 'cni' },
      { terms: ['calico'], exclusive: 'cni' },
      { terms: ['cilium'], exclusive: 'cni' },
      { terms: ['coredns'] },
    ]);
    expect(sets.alternativesOf('g0')).toEqual(['g1', 'g2']);
    expect(sets.alternativesOf('g3')).toEqual([]);
    expect(compileGlossary([]).alternativesOf('g0')).toEqual([]);
  });
});

describe('compileGlossary: empty', () => {
  it('finds nothing and changes nothing', () => {
    const empty = compileGlossary([]);
    expect(empty.size).toBe(0);
    expect(empty.groupsIn('host network')).toEqual([]);
    expect(empty.canonicalize('host network')).toBe('host network');
  });

  it('counts its entries', () => {
    expect(glossary.size).toBe(4);
  });
});

describe('a glossary of any size', () => {
  it('compiles 20,000 terms and still matches longest-first with word edges', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ terms: [`term${i}x`, `同义词${i}号`] }));
    entries.push({ terms: ['connection refused', '连接被拒绝'] }, { terms: ['connection', '连接'] });
    const big = compileGlossary(entries);
    expect(big.groupsIn(normalizeText('Term42x 和 同义词9999号, connection refused; term42xy'))).toEqual([
      'g42',
      'g9999',
      'g10000',
    ]);
    expect(big.canonicalize('连接被拒绝 connection')).toBe('\u0001g10000\u0001 \u0001g10001\u0001');
  });
});

describe('compileGlossary: isKubernetesBasic', () => {
  const marked = compileGlossary([
    { terms: ['apiserver', 'kube-apiserver'], kubernetes: true }, // g0
    { terms: ['join网络', 'join subnet'] }, // g1
  ]);

  it('tells the groups marked as basic Kubernetes objects or components', () => {
    expect(marked.isKubernetesBasic('g0')).toBe(true);
    expect(marked.isKubernetesBasic('g1')).toBe(false);
    expect(marked.isKubernetesBasic('g9')).toBe(false);
  });
});
