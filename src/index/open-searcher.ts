import type { VectorIndex } from '../adapters/hnsw.js';
import type { Embedder, VectorStatus } from '../core/types.js';
import { KbSearcher, type VectorSearch } from '../retrieve/searcher.js';
import { type Manifest, readIndex } from './store.js';

/**
 * Loads an index from disk into a query-ready searcher. Vectors are used only when the index has them
 * and the embedder is the model they were built with.
 */
export async function openSearcher(
  indexDir: string,
  options: { embedder: Embedder | null; vectorsDisabledReason?: string },
): Promise<KbSearcher> {
  const index = await readIndex(indexDir, { loadHnsw: options.embedder !== null });
  const { vector, vectorStatus } = vectorSearchFor(index.manifest, index.hnsw, options);
  return new KbSearcher({
    docs: index.docs,
    glossary: index.glossary,
    vector,
    vectorStatus,
    generation: index.generation,
  });
}

/** Whether and how an index's vectors can serve queries with the given embedder. */
export function vectorSearchFor(
  manifest: Pick<Manifest, 'model' | 'vectors'>,
  hnsw: VectorIndex | null,
  options: { embedder: Embedder | null; vectorsDisabledReason?: string },
): { vector: VectorSearch | null; vectorStatus: VectorStatus } {
  const model = manifest.model;
  const embedder = options.embedder;
  if (!model)
    return {
      vector: null,
      vectorStatus: { enabled: false, reason: manifest.vectors.replace(/^disabled: /, '') },
    };
  if (!embedder)
    return {
      vector: null,
      vectorStatus: { enabled: false, reason: options.vectorsDisabledReason ?? 'no embedding model loaded' },
    };
  if (embedder.modelId !== model.id || embedder.dims !== model.dims || !hnsw) {
    return {
      vector: null,
      vectorStatus: {
        enabled: false,
        reason: `index built with ${model.id}, query model is ${embedder.modelId}`,
      },
    };
  }
  return {
    vector: { embedder, index: hnsw },
    vectorStatus: { enabled: true, modelId: model.id, dims: model.dims },
  };
}
