/**
 * Operational settings of the HTTP server, read from the environment (documented in README, "Operations"):
 * metrics on/off, API tokens, rate limit, and the connection limits that keep slow clients from starving it.
 * Pure: takes the environment as an argument, so tests pass their own.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { NetkbError } from '../core/errors.js';

const Millis = Type.String({ pattern: '^[0-9]+$' });

const ServerEnvSchema = Type.Object({
  NETKB_METRICS: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  NETKB_API_TOKENS: Type.Optional(Type.String()),
  NETKB_RATE_LIMIT: Type.Optional(Type.String()),
  NETKB_REQUEST_TIMEOUT_MS: Type.Optional(Millis),
  NETKB_HEADERS_TIMEOUT_MS: Type.Optional(Millis),
  NETKB_KEEPALIVE_TIMEOUT_MS: Type.Optional(Millis),
  NETKB_MAX_CONNECTIONS: Type.Optional(Millis),
  NETKB_MAX_CONNECTIONS_PER_IP: Type.Optional(Millis),
});

export interface RateLimitSetting {
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** As written, e.g. `30/minute` (for messages). */
  text: string;
}

export interface ServerLimits {
  /** The whole request (headers and body) must arrive within this; else 408 and the socket closes. */
  requestTimeoutMs: number;
  /** The headers must arrive within this, counted from the connection (or the previous response). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections this process accepts at once; more are closed on arrival (0 = no cap). */
  maxConnections: number;
  /** Connections one client IP may hold at once (0 = no cap), so one client cannot take them all. */
  maxConnectionsPerIp: number;
}

export interface ServerSettings {
  metrics: boolean;
  /** Bearer tokens accepted on /v1/*; empty = no authentication. */
  apiTokens: string[];
  rateLimit: RateLimitSetting | null;
  limits: ServerLimits;
}

/** Defaults: a slow body is cut within ~10 s, an idle or slow-header connection within ~5 s. */
export const DEFAULT_LIMITS: ServerLimits = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
  maxConnectionsPerIp: 256,
};

const WINDOWS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };

/** `30/minute`, `5/second`, `1000/hour` (also `30/min`, `30/s`, `30/h`). */
export function parseRateLimit(text: string): RateLimitSetting {
  const match = /^\s*(\d+)\s*\/\s*(second|sec|s|minute|min|m|hour|h)\s*$/i.exec(text);
  const unit = match?.[2]?.toLowerCase();
  const window =
    unit === undefined
      ? undefined
      : WINDOWS[unit.startsWith('s') ? 'second' : unit.startsWith('m') ? 'minute' : 'hour'];
  const max = Number(match?.[1]);
  if (!match || window === undefined || !Number.isSafeInteger(max) || max < 1) {
    throw new NetkbError(
      'INVALID_CONFIG',
      `Invalid NETKB_RATE_LIMIT '${text}': expected N/second, N/minute or N/hour with N ≥ 1`,
    );
  }
  return { max, windowMs: window, text: `${max}/${unit}` };
}

export function serverSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const picked = Object.fromEntries(
    Object.keys(ServerEnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  if (!Value.Check(ServerEnvSchema, picked)) {
    const first = [...Value.Errors(ServerEnvSchema, picked)][0];
    const name = first?.path.slice(1) ?? 'environment';
    throw new NetkbError(
      'INVALID_CONFIG',
      `Invalid ${name}: ${name.endsWith('_MS') || name.includes('CONNECTIONS') ? 'expected a non-negative integer' : (first?.message ?? '')}`,
    );
  }
  const config = picked as Static<typeof ServerEnvSchema>;
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value);
  const limits: ServerLimits = {
    requestTimeoutMs: number(config.NETKB_REQUEST_TIMEOUT_MS, DEFAULT_LIMITS.requestTimeoutMs),
    headersTimeoutMs: number(config.NETKB_HEADERS_TIMEOUT_MS, DEFAULT_LIMITS.headersTimeoutMs),
    keepAliveTimeoutMs: number(config.NETKB_KEEPALIVE_TIMEOUT_MS, DEFAULT_LIMITS.keepAliveTimeoutMs),
    maxConnections: number(config.NETKB_MAX_CONNECTIONS, DEFAULT_LIMITS.maxConnections),
    maxConnectionsPerIp: number(config.NETKB_MAX_CONNECTIONS_PER_IP, DEFAULT_LIMITS.maxConnectionsPerIp),
  };
  validateLimits(limits);
  return {
    metrics: config.NETKB_METRICS !== 'off',
    apiTokens: (config.NETKB_API_TOKENS ?? '')
      .split(',')
      .map((token) => token.trim())
      .filter((token) => token !== ''),
    rateLimit: config.NETKB_RATE_LIMIT === undefined ? null : parseRateLimit(config.NETKB_RATE_LIMIT),
    limits,
  };
}

/** Node requires headersTimeout ≤ requestTimeout; timeouts must be positive (0 would disable them). */
export function validateLimits(limits: ServerLimits): void {
  for (const [name, value] of [
    ['NETKB_REQUEST_TIMEOUT_MS', limits.requestTimeoutMs],
    ['NETKB_HEADERS_TIMEOUT_MS', limits.headersTimeoutMs],
    ['NETKB_KEEPALIVE_TIMEOUT_MS', limits.keepAliveTimeoutMs],
  ] as const) {
    if (value < 1) throw new NetkbError('INVALID_CONFIG', `Invalid ${name}: must be at least 1`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new NetkbError(
      'INVALID_CONFIG',
      'Invalid NETKB_HEADERS_TIMEOUT_MS: must not exceed NETKB_REQUEST_TIMEOUT_MS',
    );
  }
}
