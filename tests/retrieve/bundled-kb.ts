import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { RETRIEVAL_CONFIG, type RetrievalConfig } from '../../src/retrieve/config.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';

const KB = path.resolve(import.meta.dirname, '../../kb');

/**
 * Searchers over the bundled KB's runbooks and glossary, parsed as ingest parses them (vectors off): one with the
 * shipped retrieval config and one with the given scope factors, to show what a factor changes.
 */
export function bundledSearchers(scopeFactor: Partial<RetrievalConfig['scopeFactor']>): {
  searcher: KbSearcher;
  neutral: KbSearcher;
} {
  const data = bundledData();
  return {
    searcher: new KbSearcher(data),
    neutral: new KbSearcher(data, {
      ...RETRIEVAL_CONFIG,
      scopeFactor: { ...RETRIEVAL_CONFIG.scopeFactor, ...scopeFactor },
    }),
  };
}

/** A searcher over the bundled KB with the given retrieval config (vectors off). */
export function bundledSearcher(config: RetrievalConfig): KbSearcher {
  return new KbSearcher(bundledData(), config);
}

function bundledData() {
  const files = readdirSync(KB, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.md') && file.includes('/'),
  );
  const docs = files.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
  const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
  return {
    docs,
    glossary: entries,
    vector: null,
    vectorStatus: { enabled: false as const, reason: 'test' },
  };
}
