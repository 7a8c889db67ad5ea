import type { Embedder, VectorStatus } from '../core/types.js';
import { KbSearcher } from '../retrieve/searcher.js';
import { readIndex, readLexical, type StoredIndex } from './store.js';

/**
 * Loads an index from disk into a query-ready searcher. Vectors are used only when the index has them
 * and the embedder is the model they were built with.
 */
export async function openSearcher(
  indexDir: string,
  options: {
    embedder: Embedder | null;
    vectorsDisabledReason?: string;
    /** Told when the live generation was unusable and an older complete one was loaded instead. */
    onFallback?: (detail: { generation: string; from: string | null; reason: string }) => void;
    /**
     * The live generation already read by `updateIndex` (its `live`), to skip reading it again; used only when
     * it needs no vector index loaded.
     */
    preloaded?: StoredIndex;
  },
): Promise<KbSearcher> {
  const preloaded = options.preloaded;
  const reusable = preloaded && (!preloaded.manifest.model || options.embedder === null);
  const index = reusable
    ? preloaded
    : await readIndex(indexDir, { loadHnsw: options.embedder !== null, fallback: true });
  if (index.fellBackFrom)
    options.onFallback?.({
      generation: index.generation,
      from: index.fellBackFrom.generation,
      reason: index.fellBackFrom.reason,
    });
  const model = index.manifest.model;
  const embedder = options.embedder;
  let vectorStatus: VectorStatus;
  let vector = null;
  if (!model) {
    vectorStatus = { enabled: false, reason: index.manifest.vectors.replace(/^disabled: /, '') };
  } else if (!embedder) {
    vectorStatus = { enabled: false, reason: options.vectorsDisabledReason ?? 'no embedding model loaded' };
  } else if (embedder.modelId !== model.id || embedder.dims !== model.dims || !index.hnsw) {
    vectorStatus = {
      enabled: false,
      reason: `index built with ${model.id}, query model is ${embedder.modelId}`,
    };
  } else {
    vectorStatus = { enabled: true, modelId: model.id, dims: model.dims };
    vector = { embedder, index: index.hnsw };
  }
  const lexical = await readLexical(indexDir, index.generation);
  return new KbSearcher({ docs: index.docs, glossary: index.glossary, vector, vectorStatus, lexical });
}
