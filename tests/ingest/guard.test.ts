import { describe, expect, it } from 'vitest';
import { checkStructure, nestingOf } from '../../src/ingest/guard.js';

const LIMITS = { maxFileBytes: 10_000, maxNesting: 8, maxHeadings: 3 };

describe('checkStructure', () => {
  it('passes ordinary markdown, including deep indentation inside fences', () => {
    const source = `# T\n\n- a\n  - b\n    > c\n\n\`\`\`yaml\n${' '.repeat(60)}deep: yes\n\`\`\`\n`;
    expect(checkStructure('a.md', source, LIMITS)).toBeNull();
  });

  it.each([
    ['file-too-large', 'x'.repeat(10_001)],
    ['nesting-too-deep', `${'> '.repeat(9)}x`],
    ['nesting-too-deep', `${'- '.repeat(9)}x`],
    ['nesting-too-deep', `${' '.repeat(20)}- x`],
    ['too-many-headings', '# a\n# b\n# c\n# d\n'],
    ['too-many-delimiters', '_*'.repeat(1500)],
    ['backtick-run-too-long', `a ${'`'.repeat(65)}a`],
  ])('%s', (code, source) => {
    expect(checkStructure('a.md', source, LIMITS)).toMatchObject({ file: 'a.md', severity: 'error', code });
  });

  it('counts nesting from markers and indentation', () => {
    expect(nestingOf('plain')).toBe(0);
    expect(nestingOf('> > - 1. x')).toBe(4);
    expect(nestingOf('    - x')).toBe(3);
  });
});
