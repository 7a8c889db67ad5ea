import type { Chunk, DocRecord, GlossaryEntry } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import { type CompiledGlossary, glossaryDerivedKey } from './glossary.js';
import { normalizeText } from './normalize.js';
import {
  docChunkStarts,
  type PostingsArrays,
  PostingsIndex,
  type PostingsInputDoc,
  type PostingsUpdateDoc,
  updatePostings,
} from './postings.js';
import { PostingsBuilder } from './postings-builder.js';
import {
  decodePostings,
  decodeTermGroups,
  type EncodedPostings,
  encodePostings,
  headerEnd,
  keyOfHeader,
  termGroupCount,
} from './postings-codec.js';
import type { AnalyzedQuery } from './query.js';
import { tokenize } from './tokenize.js';
import type { RankedChunk } from './types.js';

export interface LexicalDoc {
  id: string;
  title: string;
  headings: string;
  text: string;
}

export interface LexicalIndex {
  search(query: AnalyzedQuery, limit: number, allowedDocs?: ReadonlySet<string>): RankedChunk[];
  /**
   * For one query, the IDF- and term-weighted share of its terms that occur in a doc (0..1): "does this doc
   * talk about it at all". Each doc is scored once, however often it is asked.
   */
  coverageOf(query: AnalyzedQuery): (docPath: string) => number;
  /** The same share over what a doc says it is about: its title, triggers and headings. */
  topicCoverageOf(query: AnalyzedQuery): (docPath: string) => number;
  /** The tokenizer both sides use (normalized text in, tokens out). */
  tokenize(normalized: string): string[];
  /** Every token of the KB with the number of docs it occurs in. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** How many chunks are indexed (BM25's N). */
  readonly chunkCount: number;
}

/**
 * What a built lexical index persists (lexical.bin of an index generation, see postings-codec.ts): the postings
 * arrays, so opening an index never re-tokenizes the KB. Tied to the tokenizer and glossary it was built with
 * (`key`).
 */
export interface LexicalSnapshot {
  key: string;
  arrays: PostingsArrays;
}

/** Bump when tokenization changes, so persisted lexical indexes are rebuilt. */
export const TOKENIZER_VERSION = 3;

/** Which tokenizer and glossary a snapshot was built with: it is reusable only under the same key. */
export function lexicalKey(glossary: readonly GlossaryEntry[]): string {
  return glossaryDerivedKey(`tokenizer-${TOKENIZER_VERSION}`, glossary);
}

/** Normalizes and tokenizes one doc into what the postings are built from. */
function postingsInput(doc: DocRecord, tokenizeText: (text: string) => string[]): PostingsInputDoc {
  const counted = (tokens: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  return {
    path: doc.path,
    chunkIds: doc.chunks.map((chunk) => chunk.id),
    topic: tokenizeText(topicText(doc)),
    chunks: doc.chunks.map((chunk) => {
      const row = lexicalRow(chunk);
      return [
        counted(tokenizeText(row.title)),
        counted(tokenizeText(row.headings)),
        counted(tokenizeText(row.text)),
      ];
    }),
  };
}

/**
 * The lexical snapshot of `docs`, tokenizing every doc. Docs stream into the builder one at a time: only their
 * packed term ids are held until the arrays are laid out (held as a Map per chunk field, 5,040 docs took ~280 MB).
 */
export function buildLexicalSnapshot(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  key: string,
): LexicalSnapshot {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const builder = new PostingsBuilder();
  for (const doc of docs) {
    builder.addTokens(
      doc.path,
      doc.chunks.map((chunk) => chunk.id),
      tokenizeText(topicText(doc)),
      doc.chunks.map((chunk) => {
        const row = lexicalRow(chunk);
        return [tokenizeText(row.title), tokenizeText(row.headings), tokenizeText(row.text)] as const;
      }),
    );
  }
  return { key, arrays: builder.finish() };
}

/** What a doc says it is about besides its headings: its title and triggers. */
function topicText(doc: DocRecord): string {
  return normalizeText(`${doc.title} ${doc.triggers.join(' ')}`);
}

/**
 * A doc given without its record: its path and chunk count (its chunk ids are `path#ordinal`, as every record's),
 * and `load` for its record, called only when its postings cannot be carried over.
 */
export interface KeptDoc {
  path: string;
  chunkCount: number;
  load: () => DocRecord;
}

/**
 * The snapshot of `docs` made from the previous one: docs that changed or are new are tokenized; the others'
 * postings are carried over from the previous arrays (an incremental ingest tokenizes only what changed).
 * `unchanged` holds the paths whose records are the same as when `previous` was built.
 */
export function updateLexicalSnapshot(
  previous: LexicalSnapshot,
  docs: readonly (DocRecord | KeptDoc)[],
  unchanged: ReadonlySet<string>,
  glossary: CompiledGlossary,
): LexicalSnapshot {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const arrays = previous.arrays;
  const chunkStarts = docChunkStarts(arrays);
  const ordinalOf = new Map(arrays.docPaths.map((path, d) => [path, d]));
  const inputs = docs.map((doc): PostingsUpdateDoc => {
    const record = () => ('load' in doc ? doc.load() : doc);
    const d = unchanged.has(doc.path) ? ordinalOf.get(doc.path) : undefined;
    if (d === undefined) return postingsInput(record(), tokenizeText);
    const start = chunkStarts[d] as number;
    const count = 'load' in doc ? doc.chunkCount : doc.chunks.length;
    let same = (chunkStarts[d + 1] as number) - start === count;
    for (let i = 0; same && i < count; i++)
      same = arrays.chunkIds[start + i] === ('load' in doc ? `${doc.path}#${i}` : doc.chunks[i]?.id);
    return same ? { previous: d } : postingsInput(record(), tokenizeText);
  });
  return { key: previous.key, arrays: updatePostings(arrays, inputs) };
}

/** A lexical index over built arrays (for tests and one-off commands: tokenizes every doc). */
export function buildLexicalIndex(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex {
  const snapshot = buildLexicalSnapshot(docs, glossary, '');
  return lexicalIndexOver(new PostingsIndex(snapshot.arrays), glossary, config);
}

/**
 * The lexical index restored from its encoded snapshot (lexical.bin), as a generator that yields after each
 * group of terms it decodes and indexes, so a server can open a large index between requests. Returns null when
 * the snapshot is damaged, or was built with another tokenizer or glossary or for other docs: it is derived
 * data, so a bad one costs start-up time (a rebuild), never correctness.
 */
export function* lexicalLoadSteps(
  bytes: Uint8Array,
  docs: readonly DocRecord[],
  key: string,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
  /** false: skip the walk over every posting (the buffer was checked where it was read, the build worker). */
  verify = true,
): Generator<void, LexicalIndex | null, void> {
  let encoded: EncodedPostings;
  try {
    encoded = decodePostings(bytes, { verify });
  } catch {
    return null;
  }
  const { arrays } = encoded;
  if (encoded.key !== key || arrays.docPaths.length !== docs.length) return null;
  yield;
  // Checked equal to the docs' own paths and chunk ids, which are then used in place of the decoded copies
  // (about 50,000 strings for 5,000 docs held once instead of twice).
  const docPaths: string[] = [];
  const chunkIds: string[] = [];
  for (const [d, doc] of docs.entries()) {
    if (arrays.docPaths[d] !== doc.path) return null;
    docPaths.push(doc.path);
    for (const c of doc.chunks) {
      if (arrays.chunkIds[chunkIds.length] !== c.id) return null;
      chunkIds.push(c.id);
    }
    if (d % 1000 === 999) yield;
  }
  if (chunkIds.length !== arrays.chunkIds.length) return null;
  yield;
  const terms: string[] = [];
  const idOf = new Map<string, number>();
  const groups = termGroupCount(encoded);
  for (let g = 0; g < groups; g++) {
    for (const term of decodeTermGroups(encoded, g, g + 1)) {
      idOf.set(term, terms.length);
      terms.push(term);
    }
    yield;
  }
  if (terms.length !== encoded.termCount || idOf.size !== terms.length) return null;
  return lexicalIndexOver(
    new PostingsIndex({ ...arrays, terms, docPaths, chunkIds }, idOf),
    glossary,
    config,
  );
}

/** A persisted snapshot back as arrays (terms decoded), or null when it is damaged. */
export function decodeLexicalSnapshot(bytes: Uint8Array): LexicalSnapshot | null {
  try {
    const encoded = decodePostings(bytes);
    const terms = decodeTermGroups(encoded, 0, termGroupCount(encoded));
    if (terms.length !== encoded.termCount) return null;
    return { key: encoded.key, arrays: { ...encoded.arrays, terms } };
  } catch {
    return null;
  }
}

/** The key a persisted snapshot was built with, from its leading bytes; null when it has another format. */
export function lexicalKeyOf(head: Uint8Array): string | null {
  return keyOfHeader(head);
}

/** How many leading bytes `lexicalKeyOf` needs, from the first 8 (null: not a lexical index). */
export const lexicalHeadLength = headerEnd;

/** The bytes lexical.bin holds. */
export function encodeLexicalSnapshot(snapshot: LexicalSnapshot): Uint8Array {
  return encodePostings(snapshot.arrays, snapshot.key);
}

/** The same, in one go. */
export function loadLexicalIndex(
  bytes: Uint8Array,
  docs: readonly DocRecord[],
  key: string,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex | null {
  const steps = lexicalLoadSteps(bytes, docs, key, glossary, config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The query side of a postings index: BM25 search with fuzzy matching, doc coverage, the vocabulary. */
export function lexicalIndexOver(
  postings: PostingsIndex,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const docCount = Math.max(1, postings.arrays.docPaths.length);
  const idf = (token: string) => Math.log((docCount + 1) / ((postings.docFreq(token) ?? 0) + 0.5));
  const vocabulary = new PostingsVocabulary(postings);
  const { boost } = config.lexical;
  const boosts = [boost.title, boost.headings, boost.text];
  const chunkIds = postings.arrays.chunkIds;
  // Per set of allowed docs (the searcher keeps one per CNI and category), which doc ordinals it holds: a search
  // asks about many chunks' docs, and a look-up by path costs a string hash each time.
  const masks = new WeakMap<ReadonlySet<string>, { size: number; mask: Uint8Array }>();
  const allowedMask = (allowedDocs: ReadonlySet<string>) => {
    const known = masks.get(allowedDocs);
    if (known && known.size === allowedDocs.size) return known.mask;
    const docPaths = postings.arrays.docPaths;
    const mask = new Uint8Array(docPaths.length);
    for (let d = 0; d < docPaths.length; d++) if (allowedDocs.has(docPaths[d] as string)) mask[d] = 1;
    masks.set(allowedDocs, { size: allowedDocs.size, mask });
    return mask;
  };

  return {
    vocabulary,
    chunkCount: postings.chunkCount,
    tokenize: tokenizeText,
    search(query, limit, allowedDocs) {
      if (query.terms.size === 0) return [];
      const allowed = allowedDocs ? allowedMask(allowedDocs) : undefined;
      const allowDoc = allowed ? (d: number) => allowed[d] === 1 : undefined;
      // Fuzzy expansion walks the term dictionary: a few long Latin words per question, words the KB does not
      // contain first (typos), then known ones (variants: pods, services; measured: without them fused hit@1 drops
      // 0.866 → 0.852).
      const eligible = [...query.terms.keys()].filter(
        (term) => /^[a-z][a-z-]+$/.test(term) && term.length >= config.lexical.fuzzyMinLength,
      );
      const known = (term: string) => vocabulary.has(term);
      const fuzzyTerms = new Set(
        [...eligible.filter((term) => !known(term)), ...eligible.filter(known)].slice(
          0,
          config.budget.maxFuzzyTerms,
        ),
      );
      // A word the KB does not contain gets at most edit distance 2: a long random word would otherwise walk much
      // of the dictionary (0.2 × 30 letters = 6). Known words keep the proportional distance (their variants).
      const maxDistance = (term: string) => {
        if (!fuzzyTerms.has(term)) return 0;
        const proportional = Math.round(term.length * config.lexical.fuzzy);
        return known(term) ? Math.min(6, proportional) : Math.min(2, proportional);
      };
      return postings
        .search(
          [...query.terms].map(([term, weight]) => ({ term, boost: weight, maxDistance: maxDistance(term) })),
          boosts,
          limit,
          allowDoc,
          config.budget.maxPostings,
        )
        .map((hit) => ({ chunkId: chunkIds[hit.chunk] ?? '', score: hit.score }));
    },
    coverageOf: (query) => shareOf(query, false),
    topicCoverageOf: (query) => shareOf(query, true),
  };

  function shareOf(query: AnalyzedQuery, topic: boolean) {
    // In a long report (one with a headline), a word no doc contains (a product or host name, filler of the
    // pasted context) cannot be covered by any doc, and at full IDF such words would drown what the report asks:
    // they count `unknownTermWeight`. In a short question an unknown word is likely the point (out of scope).
    const unknown = query.headline === null ? 1 : config.lexical.unknownTermWeight;
    const weighted = [...query.terms].map(([token, weight]) => {
      const id = postings.termId(token);
      return [id, weight * idf(token) * (id === undefined ? unknown : 1)] as const;
    });
    const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
    // Only terms of the KB can be covered (the others add nothing, so the sum is the same without them).
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [id, weight] of weighted) {
      if (id === undefined) continue;
      ids.push(id);
      weights.push(weight);
    }
    const perDoc = new Map<string, number>();
    return (docPath: string) => {
      let share = perDoc.get(docPath);
      if (share === undefined) {
        const d = postings.docOrdinalOf(docPath);
        const covered = d === undefined ? 0 : postings.weightHeld(d, ids, weights, topic);
        share = total > 0 ? covered / total : 0;
        perDoc.set(docPath, share);
      }
      return share;
    };
  }
}

/** Every token of the KB with the number of docs it occurs in, read from the postings (no copy). */
class PostingsVocabulary implements ReadonlyMap<string, number> {
  constructor(private readonly postings: PostingsIndex) {}
  get size(): number {
    return this.postings.termCount;
  }
  get(term: string): number | undefined {
    return this.postings.docFreq(term);
  }
  has(term: string): boolean {
    return this.postings.termId(term) !== undefined;
  }
  *entries(): MapIterator<[string, number]> {
    const { terms, docFreq } = this.postings.arrays;
    for (const [i, term] of terms.entries()) yield [term, docFreq[i] as number];
  }
  *keys(): MapIterator<string> {
    yield* this.postings.arrays.terms;
  }
  *values(): MapIterator<number> {
    yield* this.postings.arrays.docFreq;
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [term, count] of this.entries()) callback(count, term, this);
  }
}

function lexicalRow(chunk: Chunk): LexicalDoc {
  return {
    id: chunk.id,
    title: normalizeText(chunk.title),
    headings: normalizeText(chunk.headingPath.filter((h) => h !== chunk.title).join(' ')),
    text: normalizeText(chunk.text),
  };
}
