/** The pure rules of hot reload: which findings reject an edit, which file events matter, time slicing. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { newErrorFindings } from '../../src/server/index-build-protocol.js';
import { relevantChange } from '../../src/server/index-manager.js';
import { timeSlicer } from '../../src/server/time-slice.js';

const finding = (file: string, code: string, severity: Finding['severity'] = 'error'): Finding => ({
  file,
  line: 1,
  severity,
  code,
  message: 'm',
});

describe('newErrorFindings', () => {
  it('reports only error findings the previous index did not have (same file and code)', () => {
    const previous = [finding('a.md', 'FRONTMATTER_YAML'), finding('b.md', 'NO_FRONTMATTER', 'warning')];
    const next = [
      finding('a.md', 'FRONTMATTER_YAML'),
      finding('b.md', 'NO_FRONTMATTER', 'warning'),
      finding('c.md', 'NO_TITLE', 'warning'),
      finding('b.md', 'FRONTMATTER_YAML'),
    ];
    expect(newErrorFindings(next, previous)).toEqual([finding('b.md', 'FRONTMATTER_YAML')]);
    expect(newErrorFindings(previous, [])).toEqual([finding('a.md', 'FRONTMATTER_YAML')]);
    expect(newErrorFindings([], previous)).toEqual([]);
  });
});

describe('relevantChange', () => {
  it('docs, glossary, folders and ConfigMap swaps count; editor temp files do not', () => {
    for (const path of ['/kb/a.md', '/kb/x/b.MDX', '/kb/glossary.yaml', '/kb/new-folder', '/kb/..data'])
      expect(relevantChange(path), path).toBe(true);
    for (const path of ['/kb/.a.md.swp', '/kb/a.md~', '/kb/4913.tmp', '/kb/notes.txt'])
      expect(relevantChange(path), path).toBe(false);
  });
});

describe('timeSlicer', () => {
  it('yields to the event loop only once a slice is used up', async () => {
    const pause = timeSlicer(20);
    let otherWorkRan = false;
    setImmediate(() => {
      otherWorkRan = true;
    });
    await pause(); // within the first slice: no yield
    expect(otherWorkRan).toBe(false);
    const until = performance.now() + 30;
    while (performance.now() < until) {
      // busy: the slice runs out
    }
    await pause(); // yields: work queued before it runs first
    expect(otherWorkRan).toBe(true);
  });
});
