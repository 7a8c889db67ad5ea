import { describe, expect, it } from 'vitest';
import type { Chunk, DocRecord, GlossaryEntry } from '../../src/core/types.js';
import { lintFoldedPhrases } from '../../src/lint/folded-phrases.js';
import type { LintDoc } from '../../src/lint/triggers.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { foldWordVariants } from '../../src/retrieve/variants.js';

const GLOSSARY_TEXT = `- terms: [跨节点, cross-node, other nodes, different hosts, different host]
- terms: [超时, timeout, timed out]
- terms: [node, 节点]
- terms: [host, 主机]
- terms: [time, 时间]
- terms: [找不到, "server can't find"]
- terms: [endpoint, endpoints]
`;
const ENTRIES: GlossaryEntry[] = [
  { terms: ['跨节点', 'cross-node', 'other nodes', 'different hosts', 'different host'] },
  { terms: ['超时', 'timeout', 'timed out'] },
  { terms: ['node', '节点'] },
  { terms: ['host', '主机'] },
  { terms: ['time', '时间'] },
  { terms: ['找不到', "server can't find"] },
  { terms: ['endpoint', 'endpoints'] },
];
const glossary = compileGlossary(ENTRIES);

function lintDoc(path: string, triggers: string[], body: string): LintDoc {
  const chunk: Chunk = {
    id: `${path}#0`,
    path,
    title: path,
    headingPath: [],
    lines: [1, 1],
    kind: 'section',
    text: body,
    weight: 1,
  };
  const meta = { title: path, category: null, priority: 0, triggers, extra: {} };
  const doc: DocRecord = {
    ...meta,
    path,
    hash: '',
    chunks: [chunk],
    commands: [],
    troubleshooting: [],
    findings: [],
  };
  const block = ['title: x', 'triggers:', ...triggers.map((trigger) => `  - ${trigger}`)];
  return { doc, block, text: normalizeText(body) };
}

const DOCS = [
  lintDoc(
    'pod-to-pod/cross-node.md',
    ['pods on other hosts cannot connect', '跨节点 pod 不通', 'service no endpoints'],
    'A pod on another node and the host route; check the node and the connection.',
  ),
];

describe('lintFoldedPhrases', () => {
  it('shows the phrase as written missing the folded question (why the rule exists)', () => {
    const asked = foldWordVariants(normalizeText('Pods on other nodes time out'), (word) =>
      ['node', 'pod', 'host', 'time'].includes(word),
    );
    expect(asked).toBe('pod on other node time out');
    expect(glossary.groupsIn(asked)).not.toContain('g0');
  });

  it('notes English glossary terms a folded question never holds, at their line', () => {
    const found = lintFoldedPhrases('glossary.yaml', GLOSSARY_TEXT, ENTRIES, DOCS, glossary).filter(
      (f) => f.code === 'glossary-folded-away',
    );
    expect(found.map((f) => [f.line, /"([^"]+)"/.exec(f.message)?.[1]])).toEqual([
      [1, 'other nodes'],
      [2, 'timed out'],
      [6, "server can't find"],
    ]);
    expect(found.every((f) => f.severity === 'info' && f.file === 'glossary.yaml')).toBe(true);
  });

  it('passes Chinese terms, and a plural whose folded form is still in its group', () => {
    const messages = lintFoldedPhrases('glossary.yaml', GLOSSARY_TEXT, ENTRIES, DOCS, glossary).map(
      (f) => f.message,
    );
    expect(messages.join('\n')).not.toMatch(/"跨节点"|"超时"|"different hosts"|"endpoints"/);
  });

  it('notes a trigger a folded question never matches, at its front-matter line, and passes the others', () => {
    const found = lintFoldedPhrases('glossary.yaml', GLOSSARY_TEXT, ENTRIES, DOCS, glossary).filter(
      (f) => f.code === 'trigger-folded-away',
    );
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['pod-to-pod/cross-node.md:4']); // file line: the block starts after `---`
    expect(found[0]?.message).toContain('"pod on other host cannot connect"');
  });
});
