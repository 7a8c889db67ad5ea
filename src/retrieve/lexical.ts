import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Chunk, DocRecord, GlossaryEntry } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import type { CompiledGlossary } from './glossary.js';
import { normalizeText } from './normalize.js';
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
 * What a built lexical index persists (lexical.json of an index generation): MiniSearch's own serialization and
 * the per-doc token sets, so opening an index never re-tokenizes the KB. Tied to the tokenizer and glossary it
 * was built with (`key`).
 */
export interface LexicalSnapshot {
  key: string;
  docCount: number;
  miniSearch: AsPlainObject;
  /** Per doc path: its tokens, and which of them are topic tokens (title, triggers, headings). */
  docs: Array<{ path: string; tokens: string[]; topic: string[]; chunks: string[] }>;
}

/** Bump when tokenization changes, so persisted lexical indexes are rebuilt. */
export const TOKENIZER_VERSION = 1;

/** Which tokenizer and glossary a snapshot was built with: it is reusable only under the same key. */
export function lexicalKey(glossary: readonly GlossaryEntry[]): string {
  return createHash('sha256')
    .update(`tokenizer-${TOKENIZER_VERSION}\0`)
    .update(JSON.stringify(glossary))
    .digest('hex');
}

function miniSearchOptions(
  config: RetrievalConfig,
  tokenizeText: (text: string) => string[],
): Options<LexicalDoc> {
  return {
    fields: ['title', 'headings', 'text'],
    storeFields: [],
    // Texts are normalized once before indexing; queries are normalized in search().
    tokenize: tokenizeText,
    processTerm: (term) => term,
    searchOptions: { boost: config.lexical.boost, combineWith: 'OR' },
  };
}

/** Tokens of one doc for the lexical index: its rows (one per chunk) and its token sets. */
function docEntry(
  doc: DocRecord,
  tokenizeText: (text: string) => string[],
): { rows: LexicalDoc[]; entry: LexicalSnapshot['docs'][number] } {
  const prep = prepareLexicalDoc(doc, tokenizeText);
  const topic = new Set<string>(prep.topic);
  const tokens = new Set(topic);
  for (const field of prep.rows) {
    for (const token of field.headings) topic.add(token);
    for (const token of [...field.title, ...field.headings, ...field.text]) tokens.add(token);
  }
  return {
    rows: prep.rows.map((field) => field.row),
    entry: { path: doc.path, tokens: [...tokens], topic: [...topic], chunks: doc.chunks.map((c) => c.id) },
  };
}

/**
 * The snapshot of `docs` made from the previous one: chunks of docs that changed or left are discarded, new
 * and changed docs are tokenized and added; the others are not touched (an incremental ingest tokenizes only
 * what changed). `unchanged` holds the paths whose records are the same as when `previous` was built.
 */
export async function updateLexicalSnapshot(
  previous: LexicalSnapshot,
  docs: readonly DocRecord[],
  unchanged: ReadonlySet<string>,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): Promise<LexicalSnapshot> {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const miniSearch = MiniSearch.loadJS<LexicalDoc>(
    previous.miniSearch,
    miniSearchOptions(config, tokenizeText),
  );
  const kept = new Map(
    previous.docs.filter((entry) => unchanged.has(entry.path)).map((entry) => [entry.path, entry]),
  );
  for (const entry of previous.docs) {
    if (kept.has(entry.path)) continue;
    for (const id of entry.chunks) miniSearch.discard(id);
  }
  // Drop the discarded chunks' postings now, so term statistics equal a fresh build's.
  await miniSearch.vacuum();
  const perDoc: LexicalSnapshot['docs'] = [];
  for (const doc of docs) {
    const old = kept.get(doc.path);
    if (old) {
      perDoc.push(old);
      continue;
    }
    const { rows, entry } = docEntry(doc, tokenizeText);
    miniSearch.addAll(rows);
    perDoc.push(entry);
  }
  return { key: previous.key, docCount: docs.length, miniSearch: miniSearch.toJSON(), docs: perDoc };
}

/** BM25 (MiniSearch) over chunks, with the Chinese-aware tokenizer on both sides. */
export function buildLexicalIndex(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): BuiltLexicalIndex {
  const steps = lexicalIndexSteps(docs, glossary, config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export type BuiltLexicalIndex = LexicalIndex & { snapshot(key: string): LexicalSnapshot };

/**
 * The same build as a generator that yields after every doc and every few rows it indexes, so a server can
 * build a large index between requests (`await pause()` at each yield) instead of blocking for seconds.
 */
export function* lexicalIndexSteps(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
  /** `prepareLexicalDocs(docs, glossary)`, computed ahead (in another thread): the costly part of the build. */
  prepared?: readonly PreparedLexicalDoc[],
): Generator<void, BuiltLexicalIndex, void> {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  // Each field is tokenized once while building: MiniSearch's add() reuses the tokens prepared below.
  let building: Map<string, string[]> | null = new Map();
  const miniSearch = new MiniSearch<LexicalDoc>(
    miniSearchOptions(config, (text) => building?.get(text) ?? tokenizeText(text)),
  );
  const perDoc: LexicalSnapshot['docs'] = [];
  const rows: LexicalDoc[] = [];
  for (const [i, doc] of docs.entries()) {
    const prep = prepared?.[i] ?? prepareLexicalDoc(doc, tokenizeText);
    const topic = new Set<string>(prep.topic);
    const tokens = new Set(topic);
    for (const [c] of doc.chunks.entries()) {
      const field = prep.rows[c];
      if (!field) throw new Error(`lexical data for ${doc.path} does not match its chunks`);
      rows.push(field.row);
      building.set(field.row.title, field.title);
      building.set(field.row.headings, field.headings);
      building.set(field.row.text, field.text);
      for (const token of field.headings) topic.add(token);
      for (const token of [...field.title, ...field.headings, ...field.text]) tokens.add(token);
    }
    perDoc.push({
      path: doc.path,
      tokens: [...tokens],
      topic: [...topic],
      chunks: doc.chunks.map((c) => c.id),
    });
    yield;
  }
  for (const [i, row] of rows.entries()) {
    miniSearch.add(row);
    if (i % 20 === 19) yield;
  }
  building = null;
  const index = lexicalIndexOver(miniSearch, perDoc, docs.length, tokenizeText, config);
  return {
    ...index,
    snapshot: (key) => ({ key, docCount: docs.length, miniSearch: miniSearch.toJSON(), docs: perDoc }),
  };
}

/** What the lexical build needs of one doc: normalized rows and their tokens, the doc's topic tokens. */
export interface PreparedLexicalDoc {
  topic: string[];
  rows: Array<{ row: LexicalDoc; title: string[]; headings: string[]; text: string[] }>;
}

function prepareLexicalDoc(doc: DocRecord, tokenizeText: (text: string) => string[]): PreparedLexicalDoc {
  return {
    topic: tokenizeText(normalizeText(`${doc.title} ${doc.triggers.join(' ')}`)),
    rows: doc.chunks.map((chunk) => {
      const row = lexicalRow(chunk);
      return {
        row,
        title: tokenizeText(row.title),
        headings: tokenizeText(row.headings),
        text: tokenizeText(row.text),
      };
    }),
  };
}

/** Normalizes and tokenizes docs for `lexicalIndexSteps` (pure; an index-build worker runs it). */
export function prepareLexicalDocs(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
): PreparedLexicalDoc[] {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  return docs.map((doc) => prepareLexicalDoc(doc, tokenizeText));
}

/** A lexical index restored from its snapshot: no tokenizing, no re-indexing. */
export function loadLexicalIndex(
  snapshot: LexicalSnapshot,
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const miniSearch = MiniSearch.loadJS<LexicalDoc>(
    snapshot.miniSearch,
    miniSearchOptions(config, tokenizeText),
  );
  return lexicalIndexOver(miniSearch, snapshot.docs, snapshot.docCount, tokenizeText, config);
}

function lexicalIndexOver(
  miniSearch: MiniSearch<LexicalDoc>,
  perDoc: LexicalSnapshot['docs'],
  docCountRaw: number,
  tokenizeText: (text: string) => string[],
  config: RetrievalConfig,
): LexicalIndex {
  const chunkDoc = new Map<string, string>();
  const docTokens = new Map<string, Set<string>>();
  const topicTokens = new Map<string, Set<string>>();
  const documentFrequency = new Map<string, number>();
  for (const doc of perDoc) {
    for (const chunk of doc.chunks) chunkDoc.set(chunk, doc.path);
    docTokens.set(doc.path, new Set(doc.tokens));
    topicTokens.set(doc.path, new Set(doc.topic));
    for (const token of doc.tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  }
  const docCount = Math.max(1, docCountRaw);
  const idf = (token: string) => Math.log((docCount + 1) / ((documentFrequency.get(token) ?? 0) + 0.5));

  return {
    vocabulary: documentFrequency,
    chunkCount: miniSearch.documentCount,
    tokenize: tokenizeText,
    search(query, limit, allowedDocs) {
      if (query.terms.size === 0) return [];
      const filter = allowedDocs
        ? (result: { id: string }) => allowedDocs.has(chunkDoc.get(result.id) ?? '')
        : undefined;
      // Fuzzy expansion walks the term tree: a few long Latin words per question, words the KB does not contain
      // first (typos), then known ones (variants: pods, services; measured: without them fused hit@1 drops 0.866 → 0.852).
      const eligible = [...query.terms.keys()].filter(
        (term) => /^[a-z][a-z-]+$/.test(term) && term.length >= config.lexical.fuzzyMinLength,
      );
      const fuzzyTerms = new Set(
        [
          ...eligible.filter((term) => !documentFrequency.has(term)),
          ...eligible.filter((term) => documentFrequency.has(term)),
        ].slice(0, config.budget.maxFuzzyTerms),
      );
      // A word the KB does not contain gets at most edit distance 2: a long random word would otherwise walk much
      // of the term tree (0.2 × 30 letters = 6). Known words keep the proportional distance (their variants).
      const fuzzy = (term: string) => {
        if (!fuzzyTerms.has(term)) return false;
        if (documentFrequency.has(term)) return config.lexical.fuzzy;
        const distance = Math.min(2, Math.round(term.length * config.lexical.fuzzy));
        return distance > 0 ? distance : false;
      };
      // The query is already tokenized and weighted: hand MiniSearch the terms as they are.
      return miniSearch
        .search([...query.terms.keys()].join(' '), {
          tokenize: splitTerms,
          fuzzy,
          boostTerm: (term) => query.terms.get(term) ?? 1,
          ...(filter ? { filter } : {}),
        })
        .slice(0, limit)
        .map((result) => ({ chunkId: String(result.id), score: result.score }));
    },
    coverageOf: (query) => shareOf(query, docTokens),
    topicCoverageOf: (query) => shareOf(query, topicTokens),
  };

  function shareOf(query: AnalyzedQuery, tokensByDoc: ReadonlyMap<string, ReadonlySet<string>>) {
    // In a long report (one with a headline), a word no doc contains (a product or host name, filler of the
    // pasted context) cannot be covered by any doc, and at full IDF such words would drown what the report asks:
    // they count `unknownTermWeight`. In a short question an unknown word is likely the point (out of scope).
    const unknown = query.headline === null ? 1 : config.lexical.unknownTermWeight;
    const known = (token: string) => (documentFrequency.has(token) ? 1 : unknown);
    const weighted = [...query.terms].map(
      ([token, weight]) => [token, weight * idf(token) * known(token)] as const,
    );
    const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
    const perDoc = new Map<string, number>();
    return (docPath: string) => {
      let share = perDoc.get(docPath);
      if (share === undefined) {
        const present = tokensByDoc.get(docPath);
        const covered = present
          ? weighted.reduce((sum, [token, weight]) => sum + (present.has(token) ? weight : 0), 0)
          : 0;
        share = total > 0 ? covered / total : 0;
        perDoc.set(docPath, share);
      }
      return share;
    };
  }
}

const splitTerms = (terms: string) => terms.split(' ');

function lexicalRow(chunk: Chunk): LexicalDoc {
  return {
    id: chunk.id,
    title: normalizeText(chunk.title),
    headings: normalizeText(chunk.headingPath.filter((h) => h !== chunk.title).join(' ')),
    text: normalizeText(chunk.text),
  };
}
