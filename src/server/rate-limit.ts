/**
 * NETKB_RATE_LIMIT (`30/minute`): per client IP on every route except the probes and /metrics, with
 * @fastify/rate-limit (in-memory store, per process). Over the limit: 429 `RATE_LIMITED` in our error shape,
 * with `Retry-After`.
 *
 * Routes that know who the user is (Slack, Teams) key by that user instead of the IP, so one busy channel
 * behind one egress IP is not one budget: register them with
 *
 *   app.post('/slack/events', { config: { rateLimit: perUserRateLimit((req) => slackUserId(req)) } }, handler)
 *
 * The key function runs after the body is parsed (preHandler); returning undefined falls back to the IP.
 * Register such routes after `installRateLimit` (it applies to routes added after it).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NetkbError } from '../core/errors.js';
import type { RateLimitSetting } from './settings.js';

/** Never limited: probes must not fail because a client is noisy, and scrapers are trusted. */
const EXEMPT_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export interface RateLimitRouteConfig {
  hook: 'preHandler';
  keyGenerator: (request: FastifyRequest) => string;
}

/** Route `config.rateLimit` that keys the budget by a user id the route extracts (e.g. Slack or Teams user). */
export function perUserRateLimit(
  userOf: (request: FastifyRequest) => string | undefined,
  namespace = 'user',
): RateLimitRouteConfig {
  return {
    hook: 'preHandler',
    keyGenerator: (request) => {
      const user = userOf(request);
      return user ? `${namespace}:${user}` : `ip:${request.ip}`;
    },
  };
}

export async function installRateLimit(
  app: FastifyInstance,
  setting: RateLimitSetting,
  onLimited?: (route: string) => void,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: setting.max,
    timeWindow: setting.windowMs,
    keyGenerator: (request) => `ip:${request.ip}`,
    allowList: (request) => EXEMPT_ROUTES.has(request.routeOptions.url ?? ''),
    onExceeded: (request) => onLimited?.(request.routeOptions.url ?? 'unmatched'),
    errorResponseBuilder: (_request, context) =>
      new NetkbError(
        'RATE_LIMITED',
        `Too many requests (limit ${setting.text}); retry in ${Math.max(1, Math.ceil(context.ttl / 1000))} s`,
      ),
  });
}
