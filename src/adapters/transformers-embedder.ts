/**
 * Embedder over @xenova/transformers (ONNX Runtime for Node): BERT-style sentence embeddings with CLS pooling
 * and L2 normalisation, as the default model Xenova/bge-small-zh-v1.5 expects.
 *
 * NOTE: transformers.js keeps its settings (`env.localModelPath`, `env.allowRemoteModels`, …) in ONE
 * process-global object, read while files are fetched. `loadTransformersEmbedder` therefore sets `env` and
 * loads under a module-level lock, so two concurrent loads with different options cannot see each other's
 * settings; anything else in the process that uses transformers.js sees whatever the last load set.
 */
import path from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import { NetkbError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';

export interface EmbedderOptions {
  /** Hugging Face style id, e.g. `Xenova/bge-small-zh-v1.5`; files live at `<modelDir>/<modelId>/…`. */
  modelId: string;
  /** Root folder of local models (transformers.js `env.localModelPath`). */
  modelDir?: string;
  /** Whether files may be downloaded from the Hugging Face Hub. */
  allowRemote: boolean;
  /** Download cache (transformers.js `env.cacheDir`). */
  cacheDir?: string;
  /** Load `onnx/model_quantized.onnx` (default) instead of `onnx/model.onnx`. */
  quantized?: boolean;
  /** Prefix for queries (passages get none). Defaults to the instruction the known BGE models were trained with. */
  queryInstruction?: string;
  /** Passages per forward pass (default 16). */
  batchSize?: number;
}

/** Retrieval instructions published with the BGE v1.5 models. */
const BGE_ZH_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';
const BGE_EN_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

export function defaultQueryInstruction(modelId: string): string {
  const id = modelId.toLowerCase();
  if (/\bbge-[a-z]+-zh\b/.test(id)) return BGE_ZH_INSTRUCTION;
  if (/\bbge-[a-z]+-en\b/.test(id)) return BGE_EN_INSTRUCTION;
  return '';
}

/** The callable part of transformers.js' FeatureExtractionPipeline that we use. */
interface FeatureTensor {
  dims: number[];
  data: ArrayLike<number>;
}
type Extractor = (
  texts: string | string[],
  options: { pooling: 'cls'; normalize: boolean },
) => Promise<FeatureTensor>;

/** transformers.js' own default (inside node_modules), captured before any load changes it. */
const DEFAULT_CACHE_DIR = env.cacheDir;

let loadLock: Promise<unknown> = Promise.resolve();

/** Runs `fn` after every earlier call has settled (the `env` mutation + load must not interleave). */
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = loadLock.then(fn, fn);
  loadLock = run.catch(() => undefined);
  return run;
}

function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n')[0]?.trim() || 'unknown error';
  // transformers.js prefixes missing-file errors with the settings that caused them; `where` already says that.
  return line.replace(/^`local_files_only=true` or `env\.allowRemoteModels=false` and /, '');
}

/** Splits a [n, dims] output tensor into n owned Float32Arrays. */
function rows(tensor: FeatureTensor, expected: number): Float32Array[] {
  const [n, dims] = tensor.dims;
  if (tensor.dims.length !== 2 || n !== expected || dims === undefined || dims <= 0) {
    throw new Error(`unexpected embedding shape [${tensor.dims.join(', ')}] for ${expected} text(s)`);
  }
  const data = Float32Array.from(tensor.data);
  const out: Float32Array[] = [];
  for (let i = 0; i < n; i++) out.push(data.slice(i * dims, (i + 1) * dims));
  return out;
}

/**
 * Loads the model and probes it with one embedding, so a broken model fails here and not on first use.
 * @throws NetkbError('MODEL_UNAVAILABLE') with a one-line reason naming the model and where it looked.
 */
export async function loadTransformersEmbedder(opts: EmbedderOptions): Promise<Embedder> {
  const quantized = opts.quantized ?? true;
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 16));
  const queryInstruction = opts.queryInstruction ?? defaultQueryInstruction(opts.modelId);
  const modelDir = opts.modelDir === undefined ? undefined : path.resolve(opts.modelDir);
  const cacheDir = opts.cacheDir === undefined ? undefined : path.resolve(opts.cacheDir);

  // transformers.js throws "both local and remote models are disabled" before it even looks at its download
  // cache. The cache uses the same `<dir>/<modelId>/<file>` layout as a local model folder, so offline runs
  // without a modelDir read the cache as the local folder instead.
  const localRoot = modelDir ?? (!opts.allowRemote ? cacheDir : undefined);
  const file = `onnx/model${quantized ? '_quantized' : ''}.onnx`;
  const where = [
    localRoot === undefined
      ? 'no local folder'
      : `looked in ${path.join(localRoot, opts.modelId)} for ${file}`,
    opts.allowRemote ? `then ${env.remoteHost}${opts.modelId}` : 'remote downloads disabled',
  ].join(', ');

  const load = async (): Promise<{ extractor: Extractor; dims: number }> => {
    env.allowLocalModels = localRoot !== undefined;
    if (localRoot !== undefined) env.localModelPath = localRoot;
    env.allowRemoteModels = opts.allowRemote;
    // Reset, not just set: the cache is consulted BEFORE the local folder, so a cacheDir left over from an
    // earlier load would silently serve that load's files for the same modelId.
    env.cacheDir = cacheDir ?? DEFAULT_CACHE_DIR;
    if (!env.allowLocalModels && !env.allowRemoteModels) {
      throw new Error('give modelDir (or cacheDir) or allow remote downloads');
    }
    const extractor = (await pipeline('feature-extraction', opts.modelId, {
      quantized,
      local_files_only: !opts.allowRemote,
    })) as unknown as Extractor;
    const probe = rows(await extractor(['probe'], { pooling: 'cls', normalize: true }), 1)[0];
    if (!probe?.every(Number.isFinite)) throw new Error('probe embedding is not finite');
    return { extractor, dims: probe.length };
  };

  let loaded: { extractor: Extractor; dims: number };
  try {
    loaded = await serialized(load);
  } catch (cause) {
    throw new NetkbError(
      'MODEL_UNAVAILABLE',
      `Embedding model ${opts.modelId} is unavailable (${where}): ${describeError(cause)}`,
      { cause },
    );
  }
  const { extractor, dims } = loaded;

  // The default model's vocabulary holds no uppercase Latin pieces and its tokenizer does not lowercase.
  const embed = async (texts: string[]): Promise<Float32Array[]> =>
    rows(
      await extractor(
        texts.map((t) => t.toLowerCase()),
        { pooling: 'cls', normalize: true },
      ),
      texts.length,
    );

  return {
    modelId: opts.modelId,
    dims,
    async embedPassages(texts, onProgress) {
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        out.push(...(await embed(texts.slice(start, start + batchSize))));
        onProgress?.(out.length, texts.length);
      }
      return out;
    },
    async embedQuery(text) {
      const [vector] = await embed([queryInstruction + text]);
      if (!vector) throw new Error('embedding returned no vector');
      return vector;
    },
  };
}
