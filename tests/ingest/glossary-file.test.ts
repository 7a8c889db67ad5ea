import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/ingest/glossary-file.js';

describe('parseGlossary', () => {
  it('accepts synonym groups and single-term members of an exclusive set', () => {
    const { entries, findings } = parseGlossary(
      'glossary.yaml',
      '- terms: [跨节点, cross-node]\n- terms: [calico]\n  exclusive: cni\n',
    );
    expect(findings).toEqual([]);
    expect(entries).toEqual([{ terms: ['跨节点', 'cross-node'] }, { terms: ['calico'], exclusive: 'cni' }]);
  });

  it('reads the mark of a basic Kubernetes object or component', () => {
    const { entries, findings } = parseGlossary(
      'glossary.yaml',
      '- terms: [apiserver, kube-apiserver]\n  kubernetes: true\n- terms: [join网络, join subnet]\n',
    );
    expect(findings).toEqual([]);
    expect(entries).toEqual([
      { terms: ['apiserver', 'kube-apiserver'], kubernetes: true },
      { terms: ['join网络', 'join subnet'] },
    ]);
  });

  it('reports a single term without exclusive, and a badly named set, at their lines', () => {
    const { entries, findings } = parseGlossary(
      'glossary.yaml',
      '- terms: [calico]\n- terms: [a, b]\n  exclusive: Not Snake\n- terms: [ok, fine]\n',
    );
    expect(entries).toEqual([{ terms: ['ok', 'fine'] }]);
    expect(findings.map((f) => [f.line, f.code])).toEqual([
      [1, 'glossary-entry'],
      [2, 'glossary-entry'],
    ]);
  });
});
