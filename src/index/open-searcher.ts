import type { VectorIndex } from '../adapters/hnsw.js';
import type { Embedder, VectorStatus } from '../core/types.js';
import { persistedScopesFor, scopeKey } from '../retrieve/scope.js';
import { KbSearcher, type VectorSearch } from '../retrieve/searcher.js';
import { type Manifest, readIndex, readLexical, readScopes, type StoredIndex } from './store.js';

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
  const { vector, vectorStatus } = vectorSearchFor(index.manifest, index.hnsw, options);
  const lexical = await readLexical(indexDir, index.generation);
  const scopes = persistedScopesFor(
    await readScopes(indexDir, index.generation),
    scopeKey(index.glossary),
    index.docs,
  );
  return new KbSearcher({
    docs: index.docs,
    glossary: index.glossary,
    vector,
    vectorStatus,
    generation: index.generation,
    lexical,
    ...(scopes ? { scopes } : {}),
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
