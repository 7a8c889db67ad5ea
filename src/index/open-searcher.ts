import type { Embedder, VectorStatus } from '../core/types.js';
import { KbSearcher } from '../retrieve/searcher.js';
import { readIndex } from './store.js';

/**
 * Loads an index from disk into a query-ready searcher. Vectors are used only when the index has them
 * and the embedder is the model they were built with.
 */
export async function openSearcher(
  indexDir: string,
  options: { embedder: Embedder | null; vectorsDisabledReason?: string },
): Promise<KbSearcher> {
  const index = await readIndex(indexDir, { loadHnsw: options.embedder !== null });
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
  return new KbSearcher({
    docs: index.docs,
    glossary: index.glossary,
    vector,
    vectorStatus,
    generation: index.generation,
  });
}
