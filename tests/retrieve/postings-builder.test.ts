/**
 * The postings builder holds added docs as packed (term id, tf) pairs, not Maps: its arrays must equal, field for
 * field, those of the straightforward Map-based build it replaced (kept here as the reference), whether docs come
 * as token lists or as term counts.
 */
import { describe, expect, it } from 'vitest';
import { buildBigramIndex } from '../../src/retrieve/fuzzy-terms.js';
import {
  buildPostings,
  type ChunkTerms,
  FIELDS,
  type PostingsArrays,
  type PostingsInputDoc,
} from '../../src/retrieve/postings.js';
import { PostingsBuilder } from '../../src/retrieve/postings-builder.js';
import { random } from '../helpers/random.js';

const WORDS = [
  'pod',
  'pods',
  'mtu',
  'geneve',
  '超时',
  '网络策略',
  'kube-proxy',
  'Ω',
  'ä',
  'z',
  'a',
  '10.96.0.10',
  'Z',
];

interface TokenDoc {
  path: string;
  chunkIds: string[];
  topic: string[];
  chunks: Array<[string[], string[], string[]]>;
}

/** Docs as token lists (repeats included), `extra` rare words so the dictionary grows past scratch sizes. */
function tokenDocs(seed: number, docs: number, extra = 0): TokenDoc[] {
  const next = random(seed);
  const words = [
    ...WORDS,
    ...Array.from({ length: extra }, (_, i) => `w${i.toString(36)}-${'x'.repeat(i % 20)}`),
  ];
  const pick = () => words[Math.floor(next() * words.length)] as string;
  const field = (max: number) => Array.from({ length: Math.floor(next() * max) }, pick);
  return Array.from({ length: docs }, (_, d) => {
    const path = `doc-${d}.md`;
    const chunks = Math.floor(next() * 5);
    return {
      path,
      chunkIds: Array.from({ length: chunks }, (_, i) => `${path}#${i}`),
      topic: Array.from({ length: Math.floor(next() * 4) }, pick),
      chunks: Array.from({ length: chunks }, (): [string[], string[], string[]] => [
        field(3),
        field(6),
        field(40),
      ]),
    };
  });
}

function counted(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function asCounts(doc: TokenDoc): PostingsInputDoc {
  return {
    path: doc.path,
    chunkIds: doc.chunkIds,
    topic: doc.topic,
    chunks: doc.chunks.map(
      (fields): ChunkTerms => [counted(fields[0]), counted(fields[1]), counted(fields[2])],
    ),
  };
}

function fromTokens(docs: readonly TokenDoc[]): PostingsArrays {
  const builder = new PostingsBuilder();
  for (const doc of docs) builder.addTokens(doc.path, doc.chunkIds, doc.topic, doc.chunks);
  return builder.finish();
}

describe('PostingsBuilder', () => {
  it.each([
    [1, 1, 0],
    [2, 12, 0],
    [3, 60, 0],
    [4, 200, 3000],
  ])('equals the Map-based build (seed %i, %i docs, %i rare words)', (seed, docs, extra) => {
    const input = tokenDocs(seed, docs, extra);
    const reference = referenceBuild(input.map(asCounts));
    expect(fromTokens(input)).toEqual(reference);
    expect(buildPostings(input.map(asCounts))).toEqual(reference);
  });

  it('builds empty arrays from no docs', () => {
    const arrays = new PostingsBuilder().finish();
    expect(arrays.terms).toEqual([]);
    expect(arrays.chunkDoc.length).toBe(0);
    expect(arrays.docTermStart).toEqual(new Uint32Array([0]));
  });

  it('counts repeated tokens and keeps a doc without chunks', () => {
    const arrays = fromTokens([
      { path: 'a.md', chunkIds: [], topic: ['dns'], chunks: [] },
      {
        path: 'b.md',
        chunkIds: ['b.md#0'],
        topic: [],
        chunks: [[['dns'], [], ['mtu', 'dns', 'mtu', 'mtu']]],
      },
    ]);
    expect(arrays.terms).toEqual(['dns', 'mtu']);
    const text = 2;
    expect([...(arrays.postChunk[text] as Uint32Array)]).toEqual([0, 0]);
    expect([...(arrays.postTf[text] as Uint32Array)]).toEqual([1, 3]);
    expect([...arrays.fieldLength]).toEqual([1, 0, 2]);
    expect([...arrays.docFreq]).toEqual([2, 1]);
    expect([...arrays.topicStart]).toEqual([0, 1, 1]);
    expect(arrays.docPaths).toEqual(['a.md', 'b.md']);
  });
});

/** The Map-based build the builder replaced, verbatim: the reference. */
function referenceBuild(docs: readonly PostingsInputDoc[]): PostingsArrays {
  const termSet = new Set<string>();
  for (const doc of docs) {
    for (const token of doc.topic) termSet.add(token);
    for (const chunk of doc.chunks)
      for (const field of chunk) for (const term of field.keys()) termSet.add(term);
  }
  const terms = [...termSet].sort();
  termSet.clear();
  const idOf = new Map(terms.map((term, i) => [term, i]));
  const chunkCount = docs.reduce((sum, doc) => sum + doc.chunks.length, 0);
  const fieldLength = new Uint32Array(chunkCount * FIELDS);
  const avgFieldLength = [0, 0, 0];
  const chunkDoc = new Uint32Array(chunkCount);
  const counts = Array.from({ length: FIELDS }, () => new Uint32Array(terms.length + 1));
  const docFreq = new Uint32Array(terms.length);
  const docTermLists: Uint32Array[] = [];
  const topicLists: Uint32Array[] = [];
  let chunk = 0;
  for (const [d, doc] of docs.entries()) {
    const docTerms = new Set<number>();
    const topic = new Set<number>();
    for (const token of doc.topic) topic.add(idOf.get(token) as number);
    for (const fields of doc.chunks) {
      chunkDoc[chunk] = d;
      fields.forEach((field, f) => {
        fieldLength[chunk * FIELDS + f] = field.size;
        // MiniSearch's running average, in the same order, for the same floating-point result.
        avgFieldLength[f] = ((avgFieldLength[f] as number) * chunk + field.size) / (chunk + 1);
        const count = counts[f] as Uint32Array;
        for (const term of field.keys()) {
          const id = idOf.get(term) as number;
          count[id + 1] = (count[id + 1] as number) + 1;
          docTerms.add(id);
          if (f === 1) topic.add(id);
        }
      });
      chunk++;
    }
    for (const id of topic) docTerms.add(id);
    for (const id of docTerms) docFreq[id] = (docFreq[id] as number) + 1;
    docTermLists.push(Uint32Array.from(docTerms).sort());
    topicLists.push(Uint32Array.from(topic).sort());
  }
  const postStart: Uint32Array[] = [];
  const postChunk: Uint32Array[] = [];
  const postTf: Uint32Array[] = [];
  for (let f = 0; f < FIELDS; f++) {
    const start = counts[f] as Uint32Array;
    for (let t = 0; t < terms.length; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    const total = start[terms.length] as number;
    postStart.push(start);
    postChunk.push(new Uint32Array(total));
    postTf.push(new Uint32Array(total));
  }
  // Fill in chunk order, so every postings list is in ascending chunk order.
  const fill = postStart.map((start) => start.slice(0, terms.length));
  chunk = 0;
  for (const doc of docs) {
    for (const fields of doc.chunks) {
      fields.forEach((field, f) => {
        const at = fill[f] as Uint32Array;
        for (const [term, tf] of field) {
          const id = idOf.get(term) as number;
          const slot = at[id] as number;
          (postChunk[f] as Uint32Array)[slot] = chunk;
          (postTf[f] as Uint32Array)[slot] = tf;
          at[id] = slot + 1;
        }
      });
      chunk++;
    }
  }
  const csr = (lists: Uint32Array[]) => {
    const start = new Uint32Array(lists.length + 1);
    lists.forEach((list, i) => {
      start[i + 1] = (start[i] as number) + list.length;
    });
    const flat = new Uint32Array(start[lists.length] as number);
    for (const [i, list] of lists.entries()) flat.set(list, start[i]);
    return { start, flat };
  };
  const docCsr = csr(docTermLists);
  const topicCsr = csr(topicLists);
  return {
    terms,
    docFreq,
    postStart,
    postChunk,
    postTf,
    fieldLength,
    avgFieldLength,
    chunkDoc,
    docTermStart: docCsr.start,
    docTerms: docCsr.flat,
    topicStart: topicCsr.start,
    topicTerms: topicCsr.flat,
    docPaths: docs.map((doc) => doc.path),
    chunkIds: docs.flatMap((doc) => [...doc.chunkIds]),
    ...buildBigramIndex(terms),
  };
}
