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

/** How questions go into the query log: as written, only their hash, or not at all (no log). */
export type QuestionLogMode = 'text' | 'hash' | 'off';

export interface StoreConfig {
  /** SQLite database file. */
  dbPath: string;
  /** Query log and feedback older than this many days are deleted. */
  retentionDays: number;
  logQuestions: QuestionLogMode;
  /** NETKB_DATABASE_URL: a shared PostgreSQL database instead of the SQLite file (several replicas). */
  databaseUrl?: string;
}

export const DEFAULT_DB_PATH = '.netkb/netkb.db';

const StoreEnvSchema = Type.Object({
  NETKB_DB: Type.Optional(Type.String({ minLength: 1 })),
  NETKB_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(?:ql)?://[^\\s]+$' })),
  NETKB_LOG_DAYS: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  NETKB_LOG_QUESTIONS: Type.Optional(
    Type.Union([Type.Literal('text'), Type.Literal('hash'), Type.Literal('off')]),
  ),
});

/** NETKB_DB (default .netkb/netkb.db), NETKB_LOG_DAYS (default 30, ≥ 1), NETKB_LOG_QUESTIONS (text|hash|off). */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const picked = Object.fromEntries(
    Object.keys(StoreEnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const first = [...Value.Errors(StoreEnvSchema, picked)][0];
  if (first) {
    throw new NetkbError(
      'INVALID_CONFIG',
      `Invalid ${first.path.slice(1)}: ${
        first.path.includes('DAYS')
          ? 'a whole number of days'
          : first.path.includes('DATABASE_URL')
            ? 'a postgres:// or postgresql:// URL'
            : first.message
      }`,
    );
  }
  const config = picked as Static<typeof StoreEnvSchema>;
  const days = config.NETKB_LOG_DAYS === undefined ? 30 : Number(config.NETKB_LOG_DAYS);
  if (days < 1) throw new NetkbError('INVALID_CONFIG', 'Invalid NETKB_LOG_DAYS: at least 1 day');
  return {
    dbPath: config.NETKB_DB ?? DEFAULT_DB_PATH,
    retentionDays: days,
    logQuestions: config.NETKB_LOG_QUESTIONS ?? 'text',
    ...(config.NETKB_DATABASE_URL ? { databaseUrl: config.NETKB_DATABASE_URL } : {}),
  };
}
