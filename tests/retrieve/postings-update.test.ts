/**
 * Updating postings arrays in place of a rebuild: unchanged docs carried over from the previous arrays, changed
 * and new docs merged in from their term counts, must give exactly what a fresh build of the new docs gives
 * (same dictionary, postings order, term lists and floating-point averages), whatever changed.
 */
import { describe, expect, it } from 'vitest';
import {
  buildPostings,
  type ChunkTerms,
  type PostingsInputDoc,
  type PostingsUpdateDoc,
  updatePostings,
} from '../../src/retrieve/postings.js';
import { random } from '../helpers/random.js';

const VOCABULARY = [
  'pod',
  'pods',
  'mtu',
  'geneve',
  'vxlan',
  'coredns',
  'dns',
  '超时',
  '解析',
  '网络',
  '网络策略',
  'ingress',
  'egress',
  'kube-proxy',
  'iptables',
  'ipvs',
  'calico',
  'bgp',
  'ovn',
  'Ω',
  'ä',
  'z',
  'a',
  '10.96.0.10',
  'node',
  'service',
];

function makeDoc(
  path: string,
  next: () => number,
  words: readonly string[],
  chunks: number,
): PostingsInputDoc {
  const pick = () => words[Math.floor(next() * words.length)] as string;
  const field = (max: number) => {
    const counts = new Map<string, number>();
    const n = Math.floor(next() * max);
    for (let i = 0; i < n; i++) {
      const term = pick();
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return counts;
  };
  return {
    path,
    chunkIds: Array.from({ length: chunks }, (_, i) => `${path}#${i}`),
    topic: Array.from({ length: Math.floor(next() * 4) }, pick),
    chunks: Array.from({ length: chunks }, (): ChunkTerms => [field(3), field(5), field(30)]),
  };
}

function corpus(seed: number, docs: number): PostingsInputDoc[] {
  const next = random(seed);
  return Array.from({ length: docs }, (_, d) =>
    makeDoc(`doc-${String(d).padStart(3, '0')}.md`, next, VOCABULARY, Math.floor(next() * 5)),
  );
}

/** The update inputs for `after`: docs that are the same object as in `before` are carried over by ordinal. */
function updateInputs(
  before: readonly PostingsInputDoc[],
  after: readonly PostingsInputDoc[],
): PostingsUpdateDoc[] {
  return after.map((doc) => {
    const d = before.indexOf(doc);
    return d >= 0 ? { previous: d } : doc;
  });
}

function expectUpdateEqualsBuild(before: PostingsInputDoc[], after: PostingsInputDoc[]): void {
  const updated = updatePostings(buildPostings(before), updateInputs(before, after));
  expect(updated).toEqual(buildPostings(after));
}

describe('updating postings arrays', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each(seeds)('one edited doc, with terms that come and go (seed %i)', (seed) => {
    const before = corpus(seed, 40);
    const next = random(seed + 100);
    const after = [...before];
    const at = Math.floor(next() * after.length);
    after[at] = makeDoc(after[at]?.path ?? '', next, [...VOCABULARY.slice(0, 5), `new-${seed}`, '新词'], 3);
    expectUpdateEqualsBuild(before, after);
  });

  it.each(seeds)('docs removed, added and edited at once (seed %i)', (seed) => {
    const before = corpus(seed, 30);
    const next = random(seed + 200);
    const after = before.filter(() => next() > 0.3);
    after.splice(Math.floor(next() * after.length), 0, makeDoc('doc-new.md', next, ['only-here', 'pod'], 2));
    after.push(makeDoc('zz-last.md', next, VOCABULARY, 4));
    if (after[0]) after[0] = makeDoc(after[0].path, next, ['rewritten'], 1);
    expectUpdateEqualsBuild(before, after);
  });

  it.each([1, 2, 3])(
    'long postings lists, copied run by run: edits that keep, grow and shrink a doc (seed %i)',
    (seed) => {
      // Few words over many chunks: lists far longer than the runs of kept chunks, so they are block-copied.
      const next = random(seed + 300);
      const words = VOCABULARY.slice(0, 6);
      const before = Array.from({ length: 300 }, (_, d) =>
        makeDoc(`doc-${String(d).padStart(3, '0')}.md`, next, words, 1 + Math.floor(next() * 3)),
      );
      for (const chunks of [1, 2, 5]) {
        const after = [...before];
        const at = 1 + Math.floor(next() * (after.length - 2));
        after[at] = makeDoc(after[at]?.path ?? '', next, [...words.slice(0, 3), 'edited'], chunks);
        expectUpdateEqualsBuild(before, after);
      }
      // Several edits, a removal and an addition: more runs, with offsets both ways.
      const after = before.filter((_, d) => d !== 40);
      after[10] = makeDoc(after[10]?.path ?? '', next, words, 4);
      after[200] = makeDoc(after[200]?.path ?? '', next, ['pod'], 1);
      after.splice(120, 0, makeDoc('doc-120-new.md', next, words, 3));
      expectUpdateEqualsBuild(before, after);
    },
  );

  it('previous arrays whose counts do not add up (damage) are not trusted: the result is still a fresh build', () => {
    const before = corpus(15, 30);
    const after = [...before];
    const at = after.findIndex((doc) => doc.chunks.length > 0);
    after[at] = makeDoc(after[at]?.path ?? '', random(16), VOCABULARY, 2);
    const previous = buildPostings(before);
    // The edited doc's first chunk claims one more distinct text term than it has postings.
    const chunk = before.slice(0, at).reduce((sum, doc) => sum + doc.chunks.length, 0);
    previous.fieldLength[chunk * 3 + 2] = (previous.fieldLength[chunk * 3 + 2] as number) + 1;
    expect(updatePostings(previous, updateInputs(before, after))).toEqual(buildPostings(after));
  });

  it('nothing changed, everything changed, everything removed', () => {
    const before = corpus(9, 25);
    expectUpdateEqualsBuild(before, [...before]);
    expectUpdateEqualsBuild(before, corpus(10, 25));
    expectUpdateEqualsBuild(before, []);
    expectUpdateEqualsBuild([], corpus(11, 5));
  });

  it('an edit that keeps the dictionary (its doc alone holds some terms) keeps the bigram index as it was', () => {
    const before = corpus(14, 20);
    const path = before[5]?.path ?? '';
    const own = (chunks: ChunkTerms[]): PostingsInputDoc => ({
      path,
      chunkIds: chunks.map((_, i) => `${path}#${i}`),
      topic: ['only-in-five'],
      chunks,
    });
    before[5] = own([[new Map([['only-in-five', 1]]), new Map(), new Map([['pod', 2]])]]);
    const after = [...before];
    after[5] = own([
      [new Map(), new Map([['only-in-five', 2]]), new Map([['pod', 1]])],
      [new Map(), new Map(), new Map([['only-in-five', 3]])],
    ]);
    const previous = buildPostings(before);
    const updated = updatePostings(previous, updateInputs(before, after));
    expect(updated).toEqual(buildPostings(after));
    expect(updated.terms).toEqual(previous.terms);
    expect(updated.gramTerms).toBe(previous.gramTerms);
    // A term that only the edited doc held, gone: the dictionary changes and the bigrams are built again.
    after[5] = makeDoc(path, random(15), ['pod'], 2);
    const shrunk = updatePostings(previous, updateInputs(before, after));
    expect(shrunk).toEqual(buildPostings(after));
    expect(shrunk.gramTerms).not.toBe(previous.gramTerms);
  });

  it('kept docs in another order (the slow path) still equal a fresh build', () => {
    const before = corpus(12, 20);
    const after = [...before].reverse();
    after[3] = makeDoc('edited.md', random(13), VOCABULARY, 2);
    expectUpdateEqualsBuild(before, after);
  });
});
