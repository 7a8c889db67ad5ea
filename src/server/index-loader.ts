/**
 * Brings the index up to date and opens it: the one start-up path of `netkb serve` and `netkb ask`.
 * `ingestKb` is incremental (unchanged files keep their parsed chunks and vectors), so running it on every
 * start costs little and guarantees the index matches kb/ — built on first start, rebuilt when kb/ changed.
 */
import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import type { EmbeddingConfig } from '../core/config.js';
import { isNetkbError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';
import { type IngestReport, ingestKb } from '../index/ingest-kb.js';
import { openSearcher } from '../index/open-searcher.js';
import type { Searcher } from '../retrieve/types.js';

export interface LoadIndexOptions {
  kbDir: string;
  indexDir: string;
  embedding: EmbeddingConfig;
  onEmbedProgress?: (done: number, total: number) => void;
  /** Told when vectors are off, and when ingest failed but an older index could be served instead. */
  warn?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface LoadedIndex {
  searcher: Searcher;
  /** null when ingest failed and the previous index is being served. */
  report: IngestReport | null;
  embedder: Embedder | null;
}

export async function loadIndex(options: LoadIndexOptions): Promise<LoadedIndex> {
  const resolution = await resolveEmbedder(options.embedding);
  const embedder = resolution.embedder;
  const reason = resolution.embedder ? undefined : resolution.reason;
  if (reason !== undefined) options.warn?.(`vectors DISABLED (trigger + lexical search only): ${reason}`);
  let report: IngestReport | null = null;
  try {
    report = await ingestKb({
      kbDir: options.kbDir,
      indexDir: options.indexDir,
      embedder,
      vectorsDisabledReason: reason,
      onEmbedProgress: options.onEmbedProgress,
    });
  } catch (error) {
    // A failed ingest leaves the previous generation in place: serve it rather than nothing.
    const searcher = await openSearcher(options.indexDir, { embedder, vectorsDisabledReason: reason }).catch(
      () => null,
    );
    if (!searcher) throw error;
    options.warn?.(`ingest failed, serving the previous index: ${(error as Error).message}`, {
      code: isNetkbError(error) ? error.code : 'INTERNAL',
      reason: (error as Error).message,
    });
    return { searcher, report: null, embedder };
  }
  const searcher = await openSearcher(options.indexDir, { embedder, vectorsDisabledReason: reason });
  return { searcher, report, embedder };
}
