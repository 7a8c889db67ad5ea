/**
 * A lexical search within allowed docs: only their chunks, the best of them; the same set asked again after it
 * grew answers for what it holds now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listKbFiles } from '../../src/index/kb-files.js';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { buildLexicalIndex } from '../../src/retrieve/lexical.js';
import type { AnalyzedQuery } from '../../src/retrieve/query.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const docs = (await listKbFiles(KB))
  .filter((file) => /\.mdx?$/.test(file))
  .map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
const glossary = compileGlossary(
  parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8')).entries,
);

describe('lexical search within allowed docs', () => {
  const lexical = buildLexicalIndex(docs, glossary, RETRIEVAL_CONFIG);
  const docOf = new Map(docs.flatMap((doc) => doc.chunks.map((chunk) => [chunk.id, doc.path] as const)));
  const query: AnalyzedQuery = {
    text: 'pod ping service dns',
    focus: 'pod ping service dns',
    working: '',
    terms: new Map([
      ['pod', 1],
      ['ping', 1],
      ['service', 1],
      ['dns', 1],
    ]),
    headline: null,
  };

  it('returns the best chunks of the allowed docs only, also after the set grew', () => {
    const all = lexical.search(query, 1000);
    const [first, second] = [...new Set(all.map((hit) => docOf.get(hit.chunkId)))];
    expect(first && second).toBeTruthy();
    const allowed = new Set([first as string]);
    const only = (paths: ReadonlySet<string>) =>
      all.filter((hit) => paths.has(docOf.get(hit.chunkId) ?? '')).slice(0, 10);
    expect(lexical.search(query, 10, allowed)).toEqual(only(allowed));
    allowed.add(second as string);
    const both = lexical.search(query, 10, allowed);
    expect(both).toEqual(only(allowed));
    expect(new Set(both.map((hit) => docOf.get(hit.chunkId)))).toEqual(allowed);
  });
});
