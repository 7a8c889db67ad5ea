import MiniSearch from 'minisearch';
import type { Chunk, DocRecord } from '../core/types.js';
import type { RetrievalConfig } from './config.js';
import type { CompiledGlossary } from './glossary.js';
import { normalizeText } from './normalize.js';
import { tokenize } from './tokenize.js';
import type { RankedChunk } from './types.js';

interface LexicalDoc {
  id: string;
  title: string;
  headings: string;
  text: string;
}

export interface LexicalIndex {
  search(question: string, limit: number, allowedDocs?: ReadonlySet<string>): RankedChunk[];
  /**
   * For one question, the IDF-weighted share of its tokens that occur in a doc (0..1): "does this doc talk
   * about it at all". The question is tokenized once and each doc scored once, however often it is asked.
   */
  coverageOf(question: string): (docPath: string) => number;
  /** Every token of the KB with the number of docs it occurs in. */
  readonly vocabulary: ReadonlyMap<string, number>;
}

/** BM25 (MiniSearch) over chunks, with the Chinese-aware tokenizer on both sides. */
export function buildLexicalIndex(
  docs: readonly DocRecord[],
  glossary: CompiledGlossary,
  config: RetrievalConfig,
): LexicalIndex {
  const tokenizeText = (text: string) => tokenize(text, { glossary });
  const chunkDoc = new Map<string, string>();
  const miniSearch = new MiniSearch<LexicalDoc>({
    fields: ['title', 'headings', 'text'],
    storeFields: [],
    // Texts are normalized once before indexing; queries are normalized in search().
    tokenize: tokenizeText,
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
  const documentFrequency = new Map<string, number>();
  const rows: LexicalDoc[] = [];
  for (const doc of docs) {
    const tokens = new Set<string>(tokenizeText(normalizeText(`${doc.title} ${doc.triggers.join(' ')}`)));
    for (const chunk of doc.chunks) {
      const row = lexicalRow(chunk);
      rows.push(row);
      chunkDoc.set(chunk.id, doc.path);
      for (const field of [row.title, row.headings, row.text])
        for (const token of tokenizeText(field)) tokens.add(token);
    }
    docTokens.set(doc.path, tokens);
    for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  }
  miniSearch.addAll(rows);
  const docCount = Math.max(1, docs.length);
  const idf = (token: string) => Math.log((docCount + 1) / ((documentFrequency.get(token) ?? 0) + 0.5));

  return {
    vocabulary: documentFrequency,
    search(question, limit, allowedDocs) {
      const normalized = normalizeText(question);
      if (tokenizeText(normalized).length === 0) return [];
      const filter = allowedDocs
        ? (result: { id: string }) => allowedDocs.has(chunkDoc.get(result.id) ?? '')
        : undefined;
      return miniSearch
        .search(normalized, filter ? { filter } : {})
        .slice(0, limit)
        .map((result) => ({ chunkId: String(result.id), score: result.score }));
    },
    coverageOf(question) {
      const weighted = [...new Set(tokenizeText(normalizeText(question)))].map(
        (token) => [token, idf(token)] as const,
      );
      const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
      const perDoc = new Map<string, number>();
      return (docPath) => {
        let share = perDoc.get(docPath);
        if (share === undefined) {
          const present = docTokens.get(docPath);
          const covered = present
            ? weighted.reduce((sum, [token, weight]) => sum + (present.has(token) ? weight : 0), 0)
            : 0;
          share = total > 0 ? covered / total : 0;
          perDoc.set(docPath, share);
        }
        return share;
      };
    },
  };
}

function lexicalRow(chunk: Chunk): LexicalDoc {
  return {
    id: chunk.id,
    title: normalizeText(chunk.title),
    headings: normalizeText(chunk.headingPath.filter((h) => h !== chunk.title).join(' ')),
    text: normalizeText(chunk.text),
  };
}
