/**
 * Lexical confidence in a KB larger than the calibration one (issue 17): BM25 scores grow with the corpus, so they
 * are scaled down there, and more than by the IDF ratio alone; a KB no larger than the reference is never scaled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { RETRIEVAL_CONFIG, type RetrievalConfig } from '../../src/retrieve/config.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../fixtures/kb-small');
const FILES = ['dns/coredns.md', 'pod-to-pod/geneve-cross-node.md', 'service/clusterip.md'];
const docs = FILES.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
const disabled = { enabled: false as const, reason: 'test' };
// No trigger fires on it, so its confidence is the lexical signals alone.
const QUESTION = 'upstream resolver forward plugin configuration';

async function lexicalConfidence(referenceChunks: number, scaleExponent: number): Promise<number> {
  const config: RetrievalConfig = {
    ...RETRIEVAL_CONFIG,
    lexicalConfidence: { ...RETRIEVAL_CONFIG.lexicalConfidence, referenceChunks, scaleExponent },
  };
  const searcher = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled }, config);
  const explained = await searcher.explain(QUESTION, { only: ['lexical'] });
  expect(explained.confidence?.trigger ?? 0).toBe(0);
  return explained.confidence?.lexical_coverage ?? 0;
}

describe('lexical confidence scaled to the KB size', () => {
  const chunks = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled }).chunkCount;

  it('a KB no larger than the reference is not scaled, whatever the exponent', async () => {
    const unscaled = await lexicalConfidence(chunks, 1);
    expect(unscaled).toBeGreaterThan(0);
    expect(await lexicalConfidence(chunks, 3)).toBe(unscaled);
    expect(await lexicalConfidence(chunks * 10, 3)).toBe(unscaled);
  });

  it('a larger KB scores lower, and lower still with a larger exponent', async () => {
    const unscaled = await lexicalConfidence(chunks, 1);
    const byIdf = await lexicalConfidence(2, 1);
    const byDefault = await lexicalConfidence(2, RETRIEVAL_CONFIG.lexicalConfidence.scaleExponent);
    expect(byIdf).toBeLessThan(unscaled);
    expect(byDefault).toBeLessThan(byIdf);
  });
});
