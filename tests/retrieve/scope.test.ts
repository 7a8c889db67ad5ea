import { describe, expect, it } from 'vitest';
import type { Chunk, DocRecord } from '../../src/core/types.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import {
  buildScopeTable,
  persistedScopesFor,
  scopeEntries,
  scopeKey,
  scopeMatch,
  scopeTableFrom,
} from '../../src/retrieve/scope.js';

function doc(path: string, title: string, headings: string[] = [], triggers: string[] = []): DocRecord {
  const chunk: Chunk = {
    id: `${path}#0`,
    path,
    title,
    headingPath: headings,
    lines: [1, 1],
    kind: 'section',
    text: '',
    weight: 1,
  };
  const meta = { title, category: null, priority: 0, triggers, extra: {} };
  return { ...meta, path, hash: '', chunks: [chunk], commands: [], troubleshooting: [], findings: [] };
}

const glossary = compileGlossary([
  { terms: ['kube-ovn', 'kubeovn'], exclusive: 'cni' },
  { terms: ['calico'], exclusive: 'cni' },
  { terms: ['跨节点', 'cross-node'] },
]);
const docs = [
  doc('kube-ovn.md', 'Kube-OVN 跨节点不通'),
  doc('calico.md', 'BGP 路由', [], ['calico bgp 不通']),
  doc('generic.md', '跨节点排查', ['Kube-OVN', 'Calico']),
  doc('plain.md', '跨节点排查'),
];
const table = buildScopeTable(docs, glossary);
const match = (question: string) => scopeMatch(table, glossary.groupsIn(normalizeText(question)), glossary);

describe('scopeMatch', () => {
  it('is null when the question names no alternative', () => {
    expect(match('跨节点 pod 不通')).toBeNull();
  });

  it('marks docs about the named alternative 1 and docs about another -1', () => {
    const scope = match('KubeOVN 跨节点 pod 不通');
    expect(scope?.('kube-ovn.md')).toBe(1);
    expect(scope?.('calico.md')).toBe(-1); // named in a trigger only
  });

  it('leaves generic docs (naming none, or several alternatives) at 0', () => {
    const scope = match('calico 跨节点不通');
    expect(scope?.('generic.md')).toBe(0);
    expect(scope?.('plain.md')).toBe(0);
    expect(scope?.('unknown.md')).toBe(0);
  });

  it('counts each named alternative a doc is about', () => {
    const sets = compileGlossary([
      { terms: ['kube-ovn'], exclusive: 'cni' },
      { terms: ['跨节点', 'cross-node'], exclusive: 'topology' },
      { terms: ['同节点', 'same-node'], exclusive: 'topology' },
    ]);
    const both = buildScopeTable(
      [doc('ovn-cross.md', 'Kube-OVN 跨节点不通'), doc('ovn.md', 'Kube-OVN join'), doc('same.md', '同节点')],
      sets,
    );
    const scope = scopeMatch(both, sets.groupsIn('kube-ovn cross-node'), sets);
    expect(scope?.('ovn-cross.md')).toBe(2);
    expect(scope?.('ovn.md')).toBe(1);
    expect(scope?.('same.md')).toBe(-1);
  });

  it('ignores glossary groups outside exclusive sets', () => {
    expect(match('cross-node')).toBeNull();
  });
});

describe('persistedScopesFor', () => {
  const entries = scopeEntries(docs, glossary);
  const key = scopeKey([{ terms: ['calico'], exclusive: 'cni' }]);
  // Through JSON, as scopes.json holds them.
  const stored = JSON.parse(JSON.stringify({ key, entries }));

  it('gives back entries stored under the same key for the same docs', () => {
    expect(persistedScopesFor(stored, key, docs)).toEqual(entries);
    expect(scopeTableFrom(persistedScopesFor(stored, key, docs) ?? [])).toEqual(table);
  });

  it('refuses another key, other docs, another order or damaged entries', () => {
    expect(persistedScopesFor(stored, scopeKey([]), docs)).toBeNull();
    expect(persistedScopesFor(stored, key, docs.slice(1))).toBeNull();
    expect(persistedScopesFor(stored, key, [...docs].reverse())).toBeNull();
    for (const damaged of [
      null,
      'x',
      { key },
      { key, entries: entries.map(() => null) },
      { key, entries: entries.map(([path]) => [path, 'calico']) },
      { key, entries: entries.map(([path]) => [path, [['cni', 'calico']]]) },
    ])
      expect(persistedScopesFor(damaged, key, docs)).toBeNull();
  });
});
