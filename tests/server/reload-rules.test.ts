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

describe('KbSearcher.build', () => {
  it('in slices from the persisted lexical index ranks exactly like the one-go constructor', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { ingestKb } = await import('../../src/index/ingest-kb.js');
    const { readIndex, readLexical } = await import('../../src/index/store.js');
    const { KbSearcher } = await import('../../src/retrieve/searcher.js');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-build-'));
    try {
      const kbDir = path.resolve(import.meta.dirname, '../../kb');
      await ingestKb({ kbDir, indexDir: tmp, embedder: null });
      const index = await readIndex(tmp, { loadHnsw: false });
      const data = {
        docs: index.docs,
        glossary: index.glossary,
        vector: null,
        vectorStatus: { enabled: false as const, reason: 'test' },
      };
      // Through a structured clone, as the worker's message arrives.
      const lexical = structuredClone(await readLexical(tmp, index.generation));
      expect(lexical).not.toBeNull();
      const sliced = await KbSearcher.build({ ...data, lexical, lexicalVerified: true }, timeSlicer(1));
      const oneGo = new KbSearcher(data);
      const ranking = async (searcher: InstanceType<typeof KbSearcher>, question: string) => {
        const result = await searcher.search(question);
        return {
          hits: result.hits.map((hit) => [hit.chunk.id, hit.score, hit.via]),
          confidence: result.confidence,
        };
      };
      for (const question of [
        'pod 跨节点 ping 不通',
        'coredns 解析超时',
        'kubeclt get pods',
        'mtu 1400 geneve',
        '今天天气',
      ])
        expect(await ranking(sliced, question), question).toEqual(await ranking(oneGo, question));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
