/**
 * Rate limit (NETKB_RATE_LIMIT, rate-limit.ts) and bearer tokens (NETKB_API_TOKENS, auth.ts) as one callback
 * onRequest hook per route, rate limit first: every request of a covered route runs it, and one synchronous hook
 * costs less than two (each is a step of Fastify's hook runner) and far less than async ones (a promise each).
 * Routes registered after this call are covered; /healthz, /readyz and /metrics stay open.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { NetkbError } from '../core/errors.js';
import { requiresToken, tokenCheck } from './auth.js';
import { appendHook, RateLimiter, rateLimitOf } from './rate-limit.js';
import type { RateLimitSetting } from './settings.js';

export interface AccessOptions {
  rateLimit: RateLimitSetting | null;
  tokens: readonly string[];
  /** A request refused with 429, by route pattern. */
  onLimited?: (route: string) => void;
  /** A request refused with 401. */
  onUnauthorized?: () => void;
}

type Check = (request: FastifyRequest, reply: FastifyReply) => NetkbError | undefined;

export function installAccessChecks(app: FastifyInstance, options: AccessOptions): void {
  const auth = tokenCheck(options.tokens, options.onUnauthorized);
  const byIp = options.rateLimit ? new RateLimiter(options.rateLimit, options.onLimited) : null;
  if (!auth && !byIp) return;
  app.addHook('onRoute', (route) => {
    const limiter = byIp ? rateLimitOf(route, byIp) : null;
    const hook = accessHook(limiter, auth && requiresToken(route.url) ? auth : null, route.url);
    if (hook) route.onRequest = appendHook(route.onRequest, hook);
  });
}

/** The route's hook: the per-IP limit, then the token (a limited request is refused before its token is read). */
function accessHook(
  limiter: RateLimiter | null,
  auth: Check | null,
  url: string,
): onRequestHookHandler | null {
  // The route pattern is known here, so a refusal is counted by it without reading request.routeOptions.
  if (limiter && auth)
    return (request, reply, done) =>
      done(limiter.check(request.ip ?? '', reply, url) ?? auth(request, reply));
  if (limiter) return (request, reply, done) => done(limiter.check(request.ip ?? '', reply, url));
  if (auth) return (request, reply, done) => done(auth(request, reply));
  return null;
}
