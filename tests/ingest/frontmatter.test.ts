import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/ingest/frontmatter.js';

describe('parseFrontMatter', () => {
  it('reads triggers, category, priority and keeps unknown keys, with YAML comments allowed', () => {
    const source =
      '---\n# 分类\ntriggers:\n  - join网络\ncategory: pod_to_external\npriority: 30\nowner: net\n---\n# T\n';
    const result = parseFrontMatter('a.md', source);
    expect(result.findings).toEqual([]);
    expect(result.data).toEqual({ triggers: ['join网络'], category: 'pod_to_external', priority: 30 });
    expect(result.extra).toEqual({ owner: 'net' });
    // Front-matter lines are blanked so body line numbers are the file's.
    expect(result.body.split('\n')).toHaveLength(source.split('\n').length);
    expect(result.body.split('\n')[8]).toBe('# T');
  });

  it('reports malformed YAML with its file line and keeps going', () => {
    const result = parseFrontMatter('bad.md', '---\ntriggers:\n  - a\n bad: [\n---\nbody');
    expect(result.findings).toMatchObject([
      { file: 'bad.md', line: 4, severity: 'error', code: 'frontmatter-yaml' },
    ]);
    expect(result.body.endsWith('body')).toBe(true);
  });

  it.each([
    ['triggers: just-a-string', 'frontmatter-triggers'],
    ['triggers: ["ok", ""]', 'frontmatter-triggers'],
    ['category: Not Snake', 'frontmatter-category'],
    ['priority: 101', 'frontmatter-priority'],
    ['priority: -1', 'frontmatter-priority'],
    ['priority: 1.5', 'frontmatter-priority'],
    ['priority: "30"', 'frontmatter-priority'],
  ])('rejects %s', (line, code) => {
    const result = parseFrontMatter('x.md', `---\ntitle: X\n${line}\n---\n`);
    expect(result.findings).toMatchObject([{ line: 3, code, severity: 'error' }]);
  });

  it('treats a file without front-matter as plain markdown', () => {
    expect(parseFrontMatter('x.md', '# T\n')).toMatchObject({
      hasFrontMatter: false,
      findings: [],
      body: '# T\n',
    });
  });

  it('reports an unclosed front-matter block', () => {
    expect(parseFrontMatter('x.md', '---\ntriggers: [a]\n# T\n').findings).toMatchObject([
      { line: 1, code: 'frontmatter-unclosed' },
    ]);
  });
});
