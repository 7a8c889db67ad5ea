import type { EmbeddingConfig } from '../core/config.js';
import { isNetkbError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';
import { loadTransformersEmbedder } from './transformers-embedder.js';

export type EmbedderResolution = { embedder: Embedder; reason?: undefined } | { embedder: null; reason: string };

/** Loads the configured embedder, or says in one line why vectors are disabled. */
export async function resolveEmbedder(config: EmbeddingConfig): Promise<EmbedderResolution> {
  if (!config.enabled) return { embedder: null, reason: 'NETKB_VECTORS=off' };
  try {
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
