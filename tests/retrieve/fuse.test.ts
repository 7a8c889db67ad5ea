import { describe, expect, it } from 'vitest';
import type { Chunk, DocRecord } from '../../src/core/types.js';
import { RETRIEVAL_CONFIG, type RetrievalConfig } from '../../src/retrieve/config.js';
import { diversify, type FusionCorpus, type FusionInputs, fuse } from '../../src/retrieve/fuse.js';
import type { FusedHit } from '../../src/retrieve/types.js';

/** A doc whose chunks (`${path}#${i}`) have the given rank weights. */
function doc(path: string, chunkWeights: number[] = [1]): DocRecord {
  const chunks = chunkWeights.map(
    (weight, i): Chunk => ({
      id: `${path}#${i}`,
      path,
      title: path,
      headingPath: [],
      lines: [i + 1, i + 1],
      kind: 'section',
      text: '',
      weight,
    }),
  );
  const meta = { title: path, category: null, priority: 0, triggers: [], extra: {} };
  return { ...meta, path, hash: '', chunks, commands: [], troubleshooting: [], findings: [] };
}

function corpusOf(docs: DocRecord[]): FusionCorpus {
  const docsByPath = new Map(docs.map((d) => [d.path, d]));
  const chunks = new Map(docs.flatMap((d) => d.chunks.map((c) => [c.id, c] as const)));
  return { chunk: (id) => chunks.get(id), doc: (path) => docsByPath.get(path) };
}

const W = RETRIEVAL_CONFIG.weights;

const NONE: FusionInputs = {
  trigger: null,
  lexical: null,
  vector: null,
  coverage: null,
  topicCoverage: null,
  scope: null,
};

function run(docs: DocRecord[], inputs: Partial<FusionInputs>, topK = 10, config = RETRIEVAL_CONFIG) {
  return fuse({ ...NONE, ...inputs }, corpusOf(docs), config, topK);
}

const ids = (hits: FusedHit[]) => hits.map((hit) => hit.chunk.id);
const scoreOf = (hits: FusedHit[], id: string) => hits.find((hit) => hit.chunk.id === id)?.score;

describe('fuse', () => {
  it('lets a trigger hit vote for every chunk of its doc', () => {
    const hits = run([doc('a.md', [1, 1, 1]), doc('b.md')], {
      trigger: [{ docPath: 'a.md', score: 0.8, matched: ['coredns 超时'] }],
    });
    expect(ids(hits)).toEqual(['a.md#0', 'a.md#1', 'a.md#2']);
    for (const hit of hits) {
      expect(hit.score).toBeCloseTo(0.8);
      expect(hit.via).toEqual(['trigger']);
      expect(hit.matchedTriggers).toEqual(['coredns 超时']);
    }
  });

  it('caps a trigger score at 1', () => {
    const hits = run([doc('a.md')], { trigger: [{ docPath: 'a.md', score: 1.4, matched: ['x'] }] });
    expect(hits[0]?.score).toBeCloseTo(1);
  });

  it('normalizes each retriever by its best score, negatives counting as zero', () => {
    const hits = run([doc('a.md'), doc('b.md'), doc('c.md')], {
      lexical: [
        { chunkId: 'a.md#0', score: 8 },
        { chunkId: 'b.md#0', score: 4 },
        { chunkId: 'c.md#0', score: -1 },
      ],
    });
    expect(hits.map((hit) => hit.score)).toEqual([1, 0.5, 0]);
    expect(hits[0]?.via).toEqual(['lexical']);
    expect(hits[2]?.via).toEqual([]);
  });

  it('combines the active retrievers convexly by their configured weights', () => {
    const hits = run([doc('a.md'), doc('b.md')], {
      lexical: [
        { chunkId: 'a.md#0', score: 10 },
        { chunkId: 'b.md#0', score: 5 },
      ],
      vector: [
        { chunkId: 'b.md#0', score: 0.9 },
        { chunkId: 'a.md#0', score: 0.45 },
      ],
    });
    // The weights of the active retrievers, rescaled to sum to 1.
    const lex = W.lexical / (W.lexical + W.vector);
    const vec = W.vector / (W.lexical + W.vector);
    expect(scoreOf(hits, 'a.md#0')).toBeCloseTo(lex * 1 + vec * 0.5);
    expect(scoreOf(hits, 'b.md#0')).toBeCloseTo(lex * 0.5 + vec * 1);
    expect(hits[0]?.via).toEqual(['lexical', 'vector']);
  });

  it('leaves a disabled retriever out of the weights, unlike one that found nothing', () => {
    const docs = [doc('a.md')];
    const lexical = [{ chunkId: 'a.md#0', score: 3 }];
    expect(run(docs, { lexical, vector: null })[0]?.score).toBeCloseTo(1);
    expect(run(docs, { lexical, vector: [] })[0]?.score).toBeCloseTo(W.lexical / (W.lexical + W.vector));
    expect(run(docs, { lexical, vector: [], trigger: [] })[0]?.score).toBeCloseTo(
      W.lexical / (W.lexical + W.vector + W.trigger),
    );
  });

  it('lifts a doc that covers more of the question', () => {
    const docs = [doc('a.md'), doc('b.md')];
    const inputs: Partial<FusionInputs> = {
      trigger: [],
      lexical: [
        { chunkId: 'a.md#0', score: 5 },
        { chunkId: 'b.md#0', score: 5 },
      ],
      coverage: (path) => (path === 'b.md' ? 0.5 : 0),
    };
    const hits = run(docs, inputs);
    expect(ids(hits)).toEqual(['b.md#0', 'a.md#0']);
    const gap = (scoreOf(hits, 'b.md#0') ?? 0) - (scoreOf(hits, 'a.md#0') ?? 0);
    expect(gap).toBeCloseTo(RETRIEVAL_CONFIG.coverageWeight * 0.5);
  });

  it('lifts a doc whose title, triggers and headings cover more of the question', () => {
    const hits = run([doc('a.md'), doc('b.md')], {
      trigger: [],
      lexical: [
        { chunkId: 'a.md#0', score: 5 },
        { chunkId: 'b.md#0', score: 5 },
      ],
      topicCoverage: (path) => (path === 'b.md' ? 0.5 : 0),
    });
    expect(ids(hits)).toEqual(['b.md#0', 'a.md#0']);
    const gap = (scoreOf(hits, 'b.md#0') ?? 0) - (scoreOf(hits, 'a.md#0') ?? 0);
    expect(gap).toBeCloseTo(RETRIEVAL_CONFIG.topicCoverageWeight * 0.5);
  });

  it('ignores coverage and topic coverage when only one retriever ran', () => {
    const hits = run([doc('a.md'), doc('b.md')], {
      lexical: [
        { chunkId: 'a.md#0', score: 5 },
        { chunkId: 'b.md#0', score: 5 },
      ],
      coverage: (path) => (path === 'b.md' ? 0.5 : 0),
      topicCoverage: (path) => (path === 'b.md' ? 0.5 : 0),
    });
    expect(ids(hits)).toEqual(['a.md#0', 'b.md#0']);
    expect(scoreOf(hits, 'b.md#0')).toBeCloseTo(1);
  });

  it('scales docs by whether they are about the alternative the question names', () => {
    const hits = run([doc('calico.md'), doc('generic.md'), doc('ovn.md')], {
      lexical: [
        { chunkId: 'calico.md#0', score: 10 },
        { chunkId: 'generic.md#0', score: 9 },
        { chunkId: 'ovn.md#0', score: 8 },
      ],
      scope: (path) => (path === 'calico.md' ? -1 : path === 'ovn.md' ? 1 : 0),
    });
    const factor = RETRIEVAL_CONFIG.scopeFactor;
    expect(scoreOf(hits, 'calico.md#0')).toBeCloseTo(1 * factor[-1]);
    expect(scoreOf(hits, 'generic.md#0')).toBeCloseTo(0.9 * factor[0]);
    expect(scoreOf(hits, 'ovn.md#0')).toBeCloseTo(0.8 * factor[1]);
    expect(ids(hits)).toEqual(['ovn.md#0', 'generic.md#0', 'calico.md#0']);
  });

  it('lifts a doc about two of the named alternatives (CNI and topology) once for each', () => {
    const hits = run([doc('ovn.md'), doc('ovn-cross.md')], {
      lexical: [
        { chunkId: 'ovn.md#0', score: 10 },
        { chunkId: 'ovn-cross.md#0', score: 9 },
      ],
      scope: (path) => (path === 'ovn-cross.md' ? 2 : 1),
    });
    const factor = RETRIEVAL_CONFIG.scopeFactor;
    expect(scoreOf(hits, 'ovn.md#0')).toBeCloseTo(1 * factor[1]);
    expect(scoreOf(hits, 'ovn-cross.md#0')).toBeCloseTo(0.9 * factor[1] ** 2);
    expect(ids(hits)).toEqual(['ovn-cross.md#0', 'ovn.md#0']);
  });

  it('scales the fused score by the chunk weight', () => {
    const docs = [doc('a.md', [1, 2, 0.5])];
    const lexical = ['a.md#0', 'a.md#1', 'a.md#2'].map((chunkId) => ({ chunkId, score: 5 }));
    const hits = run(docs, { lexical });
    expect(ids(hits)).toEqual(['a.md#1', 'a.md#0', 'a.md#2']);
    expect(hits.map((hit) => hit.score)).toEqual([2, 1, 0.5]);

    const flat = run(docs, { lexical }, 10, { ...RETRIEVAL_CONFIG, chunkWeightExponent: 0 });
    expect(flat.map((hit) => hit.score)).toEqual([1, 1, 1]);
  });

  it('holds at most two chunks of one doc in the top 5 and puts the others right after it', () => {
    const docs = [doc('a.md', [1, 1, 1, 1]), doc('b.md', [1, 1]), doc('c.md', [1, 1])];
    const order = ['a.md#0', 'a.md#1', 'a.md#2', 'a.md#3', 'b.md#0', 'b.md#1', 'c.md#0', 'c.md#1'];
    const lexical = order.map((chunkId, i) => ({ chunkId, score: 10 - i }));
    expect(ids(run(docs, { lexical }))).toEqual([
      'a.md#0',
      'a.md#1',
      'b.md#0',
      'b.md#1',
      'c.md#0',
      'a.md#2',
      'a.md#3',
      'c.md#1',
    ]);
  });

  it('breaks ties by chunk id whatever the input order', () => {
    const docs = [doc('a.md', [1, 1]), doc('b.md')];
    const tied = [
      { chunkId: 'b.md#0', score: 5 },
      { chunkId: 'a.md#1', score: 5 },
    ];
    expect(ids(run(docs, { lexical: tied }))).toEqual(['a.md#1', 'b.md#0']);
    expect(ids(run(docs, { lexical: [...tied].reverse() }))).toEqual(['a.md#1', 'b.md#0']);
  });

  it('returns at most topK hits, the best ones', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const docs = names.map((name) => doc(`${name}.md`));
    const lexical = names.map((name, i) => ({ chunkId: `${name}.md#0`, score: 6 - i }));
    expect(ids(run(docs, { lexical }, 3))).toEqual(['a.md#0', 'b.md#0', 'c.md#0']);
    expect(run(docs, { lexical }, 0)).toEqual([]);
  });

  it('skips candidates missing from the corpus', () => {
    const hits = run([doc('a.md')], {
      lexical: [
        { chunkId: 'gone.md#0', score: 9 },
        { chunkId: 'a.md#0', score: 3 },
      ],
      trigger: [{ docPath: 'gone.md', score: 1, matched: ['x'] }],
    });
    expect(ids(hits)).toEqual(['a.md#0']);
  });

  it('uses reciprocal ranks in rrf mode', () => {
    const config: RetrievalConfig = { ...RETRIEVAL_CONFIG, method: 'rrf' };
    const hits = run(
      [doc('a.md'), doc('b.md')],
      {
        lexical: [
          { chunkId: 'a.md#0', score: 100 },
          { chunkId: 'b.md#0', score: 1 },
        ],
      },
      10,
      config,
    );
    expect(hits.map((hit) => hit.score)).toEqual([1 / (config.rrfK + 1), 1 / (config.rrfK + 2)]);
  });
});

describe('diversify', () => {
  const hit = (path: string, n: number, score: number): FusedHit => {
    const d = doc(
      path,
      Array.from({ length: n + 1 }, () => 1),
    );
    return { chunk: d.chunks[n] as Chunk, doc: d, score, via: [], matchedTriggers: [] };
  };

  it('applies the per-doc limit only to the top 5', () => {
    const hits = [
      hit('a.md', 0, 9),
      hit('a.md', 1, 8),
      hit('b.md', 0, 7),
      hit('c.md', 0, 6),
      hit('d.md', 0, 5),
      hit('e.md', 0, 4),
      hit('e.md', 1, 3),
    ];
    expect(ids(diversify(hits, 1))).toEqual([
      'a.md#0',
      'b.md#0',
      'c.md#0',
      'd.md#0',
      'e.md#0',
      'a.md#1',
      'e.md#1',
    ]);
  });

  it('keeps order when no doc exceeds the limit', () => {
    const hits = [hit('a.md', 0, 3), hit('b.md', 0, 2), hit('a.md', 1, 1)];
    expect(diversify(hits, 2)).toEqual(hits);
  });

  it('falls back to the deferred chunks when there are too few docs', () => {
    const hits = [hit('a.md', 0, 3), hit('a.md', 1, 2), hit('a.md', 2, 1)];
    expect(ids(diversify(hits, 1))).toEqual(['a.md#0', 'a.md#1', 'a.md#2']);
  });
});
