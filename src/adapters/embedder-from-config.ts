import type { EmbeddingConfig } from '../core/config.js';
import { isNetkbError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';

export type EmbedderResolution =
  | { embedder: Embedder; reason?: undefined }
  | { embedder: null; reason: string };

/** Loads the configured embedder, or says in one line why vectors are disabled. */
export async function resolveEmbedder(config: EmbeddingConfig): Promise<EmbedderResolution> {
  if (!config.enabled) return { embedder: null, reason: 'NETKB_VECTORS=off' };
  try {
    // Imported on demand: transformers.js costs ~35 MB and ~200 ms even when vectors are off.
    const { loadTransformersEmbedder } = await import('./transformers-embedder.js');
    const embedder = await loadTransformersEmbedder({
      modelId: config.modelId,
      modelDir: config.modelDir,
      cacheDir: config.cacheDir,
      allowRemote: config.allowRemote,
    });
    return { embedder };
  } catch (error) {
    if (isNetkbError(error)) return { embedder: null, reason: error.message };
    throw error;
  }
}
