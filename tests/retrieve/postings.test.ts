/**
 * The flat postings index: the same chunks and BM25+ scores as MiniSearch (the library it replaced, with the
 * options netkb used) on the bundled kb; fuzzy matching finds exactly the terms within the distance; the binary
 * form round-trips and refuses damage.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { listKbFiles } from '../../src/index/kb-files.js';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { boundedDistance, buildBigramIndex, FuzzyDictionary } from '../../src/retrieve/fuzzy-terms.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import {
  buildLexicalSnapshot,
  decodeLexicalSnapshot,
  encodeLexicalSnapshot,
} from '../../src/retrieve/lexical.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { PostingsIndex } from '../../src/retrieve/postings.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const files = await listKbFiles(KB);
const docs = files
  .filter((file) => /\.mdx?$/.test(file))
  .map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
const glossary = compileGlossary(
  parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8')).entries,
);
const tokenizeText = (text: string) => tokenize(text, { glossary });

/** Plain Levenshtein distance, for reference. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

describe('postings index', () => {
  const snapshot = buildLexicalSnapshot(docs, glossary, 'test');
  const postings = new PostingsIndex(snapshot.arrays);
  const { boost } = RETRIEVAL_CONFIG.lexical;
  const miniSearch = new MiniSearch<{ id: string; title: string; headings: string; text: string }>({
    fields: ['title', 'headings', 'text'],
    storeFields: [],
    tokenize: tokenizeText,
    processTerm: (term) => term,
  });
  miniSearch.addAll(
    docs.flatMap((doc) =>
      doc.chunks.map((chunk) => ({
        id: chunk.id,
        title: normalizeText(chunk.title),
        headings: normalizeText(chunk.headingPath.filter((h) => h !== chunk.title).join(' ')),
        text: normalizeText(chunk.text),
      })),
    ),
  );

  it.each([
    [['pod', 'ping', '不通'], 0],
    [['coredns', '解析', '超时'], 0],
    [['geneve', 'mtu', 'cross-node'], 1],
    [['kubeclt', 'pods', 'networkpolicy'], 2],
    [['service', 'clusterip', 'iptables', 'kube-proxy', 'endpoints'], 2],
  ] as const)('ranks %j as MiniSearch does (fuzzy distance %i)', (terms, distance) => {
    const weights = terms.map((_, i) => 1 + i * 0.25);
    const fuzzy = (term: string) => (distance > 0 && term.length >= 5 ? distance : 0);
    const ours = postings.search(
      terms.map((term, i) => ({ term, boost: weights[i] as number, maxDistance: fuzzy(term) })),
      [boost.title, boost.headings, boost.text],
      40,
    );
    const theirs = miniSearch
      .search(terms.join(' '), {
        tokenize: (text) => text.split(' '),
        fuzzy: (term) => fuzzy(term) || false,
        boost,
        boostTerm: (term) => weights[terms.indexOf(term as never)] ?? 1,
        combineWith: 'OR',
      })
      .slice(0, 40);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.map((hit) => snapshot.arrays.chunkIds[hit.chunk])).toEqual(theirs.map((hit) => hit.id));
    for (const [i, hit] of ours.entries()) expect(hit.score).toBeCloseTo(theirs[i]?.score ?? Number.NaN, 9);
  });

  it('keeps only chunks of allowed docs, and the best of them', () => {
    const query = [{ term: 'pod', boost: 1, maxDistance: 0 }];
    const all = postings.search(query, [2, 1.5, 1], 1000);
    const firstDoc = snapshot.arrays.chunkDoc[all[0]?.chunk ?? 0] as number;
    const allowed = postings.search(query, [2, 1.5, 1], 5, (doc) => doc !== firstDoc);
    expect(allowed).toEqual(
      all.filter((hit) => snapshot.arrays.chunkDoc[hit.chunk] !== firstDoc).slice(0, 5),
    );
  });

  it('answers a run of searches sharing their first terms as fresh indexes do', () => {
    const boosts = [boost.title, boost.headings, boost.text];
    const shared = ['kubectl', 'pod', 'node', 'service', 'iptables'];
    const runs = [
      shared,
      [...shared, 'calico'],
      [...shared, 'flannel', 'vxlan'],
      shared,
      [...shared.slice(0, 3), 'coredns'],
      [...shared, 'flannel', 'geneve'],
    ].map((terms) => terms.map((term, i) => ({ term, boost: 1 + i * 0.1, maxDistance: 0 })));
    const reused = new PostingsIndex(snapshot.arrays);
    const firstDoc = snapshot.arrays.chunkDoc[0] as number;
    for (const [i, query] of runs.entries()) {
      const allowDoc = i % 2 === 1 ? (doc: number) => doc !== firstDoc : undefined;
      const ours = reused.search(query, boosts, 20, allowDoc);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(new PostingsIndex(snapshot.arrays).search(query, boosts, 20, allowDoc));
    }
  });

  it('round-trips through its binary form', () => {
    const bytes = encodeLexicalSnapshot(snapshot);
    const decoded = decodeLexicalSnapshot(bytes);
    expect(decoded?.key).toBe('test');
    expect(decoded?.arrays.terms).toEqual(snapshot.arrays.terms);
    expect([...(decoded?.arrays.postChunk[2] ?? [])]).toEqual([...(snapshot.arrays.postChunk[2] ?? [])]);
    expect(decodeLexicalSnapshot(bytes.subarray(0, bytes.length - 8))).toBeNull();
    expect(decodeLexicalSnapshot(new TextEncoder().encode('{"key":"x"}'))).toBeNull();
  });

  it('rejects a binary form whose sections point out of range or out of order', () => {
    const damaged = (change: (arrays: typeof snapshot.arrays) => void) => {
      const arrays = {
        ...snapshot.arrays,
        postChunk: snapshot.arrays.postChunk.map((list) => list.slice()),
        docTerms: snapshot.arrays.docTerms.slice(),
        gramKeys: snapshot.arrays.gramKeys.slice(),
        topicTerms: snapshot.arrays.topicTerms.slice(),
      };
      change(arrays);
      return decodeLexicalSnapshot(encodeLexicalSnapshot({ key: 'test', arrays }));
    };
    expect(damaged(() => {})).not.toBeNull();
    const chunks = snapshot.arrays.chunkIds.length;
    const terms = snapshot.arrays.terms.length;
    expect(damaged((arrays) => (arrays.postChunk[0] as Uint32Array).fill(chunks, 0, 1))).toBeNull();
    expect(damaged((arrays) => arrays.docTerms.fill(terms, 0, 1))).toBeNull();
    expect(damaged((arrays) => arrays.topicTerms.fill(terms + 5, 0, 1))).toBeNull();
    expect(damaged((arrays) => arrays.gramKeys.fill(arrays.gramKeys[1] as number, 0, 1))).toBeNull();
  });
});

describe('fuzzy dictionary', () => {
  const terms = [
    ...new Set(docs.flatMap((doc) => doc.chunks.flatMap((chunk) => tokenizeText(normalizeText(chunk.text))))),
  ].sort();
  const dictionary = new FuzzyDictionary(terms, buildBigramIndex(terms));

  it.each([
    ['kubernetes', 2],
    ['coredsn', 2],
    ['genve', 1],
    ['networkpolicy', 3],
    ['iptables', 6],
    ['xqzwvkjh', 2],
    ['ab', 1],
  ] as const)('finds exactly the terms within %i edits of %s', (word, distance) => {
    const expected = terms
      .map((term, index) => ({ index, distance: levenshtein(word, term) }))
      .filter((hit) => hit.distance <= distance);
    expect(dictionary.near(word, distance)).toEqual(expected);
  });

  it('bounded distance is exact up to the bound', () => {
    for (const [a, b] of [
      ['kitten', 'sitting'],
      ['geneve', 'genve'],
      ['', 'abc'],
      ['flaw', 'lawn'],
      ['网络策略', '网络'],
    ] as const) {
      const exact = levenshtein(a, b);
      for (const limit of [0, 1, 2, 3, 5])
        expect(boundedDistance(a, b, limit)).toBe(Math.min(exact, limit + 1));
    }
  });
});
