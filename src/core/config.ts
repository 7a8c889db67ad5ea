import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { NetkbError } from './errors.js';

export const DEFAULT_MODEL_ID = 'Xenova/bge-small-zh-v1.5';

/** Environment variables netkb reads (documented in README). */
const EnvSchema = Type.Object({
  NETKB_MODEL: Type.Optional(Type.String({ minLength: 1 })),
  NETKB_MODEL_DIR: Type.Optional(Type.String({ minLength: 1 })),
  NETKB_CACHE_DIR: Type.Optional(Type.String({ minLength: 1 })),
  NETKB_VECTORS: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  NETKB_ALLOW_REMOTE_MODELS: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
});

export interface EmbeddingConfig {
  enabled: boolean;
  modelId: string;
  modelDir: string | undefined;
  cacheDir: string | undefined;
  allowRemote: boolean;
}

/** Reads the embedding settings; a model dir means an air-gapped install, so downloads default to off. */
export function embeddingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingConfig {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  if (!Value.Check(EnvSchema, picked)) {
    const first = [...Value.Errors(EnvSchema, picked)][0];
    throw new NetkbError(
      'INVALID_CONFIG',
      `Invalid ${first?.path.slice(1) ?? 'environment'}: ${first?.message ?? ''}`,
    );
  }
  const config = picked as Static<typeof EnvSchema>;
  return {
    enabled: config.NETKB_VECTORS !== 'off',
    modelId: config.NETKB_MODEL ?? DEFAULT_MODEL_ID,
    modelDir: config.NETKB_MODEL_DIR,
    cacheDir: config.NETKB_CACHE_DIR,
    allowRemote: config.NETKB_ALLOW_REMOTE_MODELS
      ? config.NETKB_ALLOW_REMOTE_MODELS === '1'
      : !config.NETKB_MODEL_DIR,
  };
}
