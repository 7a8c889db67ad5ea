import MiniSearch from 'minisearch';
import type { Chunk, DocRecord } from '../core/types.js';
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
}

/** BM25 (MiniSearch) over chunks, with the Chinese-aware tokenizer on both sides. */
export function buildLexicalIndex(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex {
  const steps = lexicalIndexSteps(docs, glossary, config);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

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
): Generator<void, LexicalIndex, void> {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  // Each field is tokenized once while building: MiniSearch's add() reuses the tokens prepared below.
  let building: Map<string, string[]> | null = new Map();
  const chunkDoc = new Map<string, string>();
  const miniSearch = new MiniSearch<LexicalDoc>({
    fields: ['title', 'headings', 'text'],
    storeFields: [],
    // Texts are normalized once before indexing; queries are normalized in search().
    tokenize: (text) => building?.get(text) ?? tokenizeText(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: config.lexical.boost,
      fuzzy: (term) =>
        /^[a-z][a-z-]+$/.test(term) && term.length >= config.lexical.fuzzyMinLength
          ? config.lexical.fuzzy
          : false,
      combineWith: 'OR',
    },
  });
  const docTokens = new Map<string, Set<string>>();
  const topicTokens = new Map<string, Set<string>>();
  const documentFrequency = new Map<string, number>();
  const rows: LexicalDoc[] = [];
  for (const [i, doc] of docs.entries()) {
    const prep = prepared?.[i] ?? prepareLexicalDoc(doc, tokenizeText);
    const topic = new Set<string>(prep.topic);
    const tokens = new Set(topic);
    for (const [c, chunk] of doc.chunks.entries()) {
      const field = prep.rows[c];
      if (!field) throw new Error(`lexical data for ${doc.path} does not match its chunks`);
      const { row } = field;
      rows.push(row);
      chunkDoc.set(chunk.id, doc.path);
      building.set(row.title, field.title);
      building.set(row.headings, field.headings);
      building.set(row.text, field.text);
      for (const token of field.headings) topic.add(token);
      for (const token of [...field.title, ...field.headings, ...field.text]) tokens.add(token);
    }
    docTokens.set(doc.path, tokens);
    topicTokens.set(doc.path, topic);
    for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    yield;
  }
  for (const [i, row] of rows.entries()) {
    miniSearch.add(row);
    if (i % 20 === 19) yield;
  }
  building = null;
  const docCount = Math.max(1, docs.length);
  const idf = (token: string) => Math.log((docCount + 1) / ((documentFrequency.get(token) ?? 0) + 0.5));

  return {
    vocabulary: documentFrequency,
    tokenize: tokenizeText,
    search(query, limit, allowedDocs) {
      if (query.terms.size === 0) return [];
      const filter = allowedDocs
        ? (result: { id: string }) => allowedDocs.has(chunkDoc.get(result.id) ?? '')
        : undefined;
      // The query is already tokenized and weighted: hand MiniSearch the terms as they are.
      return miniSearch
        .search([...query.terms.keys()].join(' '), {
          tokenize: splitTerms,
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
    const weighted = [...query.terms].map(([token, weight]) => [token, weight * idf(token)] as const);
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

const splitTerms = (terms: string) => terms.split(' ');

function lexicalRow(chunk: Chunk): LexicalDoc {
  return {
    id: chunk.id,
    title: normalizeText(chunk.title),
    headings: normalizeText(chunk.headingPath.filter((h) => h !== chunk.title).join(' ')),
    text: normalizeText(chunk.text),
  };
}
