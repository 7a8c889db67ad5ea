/**
 * Bearer-token authentication for `/v1/*` (NETKB_API_TOKENS). Health, readiness and metrics stay open for
 * probes and scrapers; the Slack and Teams routes check their platforms' signatures instead.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { NetkbError } from '../core/errors.js';

/** Paths that require a token when tokens are configured. */
export function requiresToken(url: string): boolean {
  return url.startsWith('/v1/') || url === '/v1';
}

/**
 * Constant-time check of `Authorization: Bearer <token>` against every configured token. Both sides are hashed
 * first so the comparison is over equal lengths, and every token is compared (no early exit) so timing tells
 * neither which token nor how much of it matched.
 */
export function tokenMatches(header: string | undefined, tokenDigests: readonly Buffer[]): boolean {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = digest(match?.[1] ?? '');
  let ok = false;
  for (const expected of tokenDigests) ok = timingSafeEqual(given, expected) || ok;
  return ok && match !== null;
}

export function digest(token: string): Buffer {
  // One-shot hash: no Hash object per request.
  return hash('sha256', token, 'buffer');
}

/**
 * Adds the check to every `/v1/*` route registered after this call, as a route-level onRequest hook: it then runs
 * after the rate limiter's (also route-level, added first), so unauthenticated floods are limited too.
 */
export function installAuth(app: FastifyInstance, tokens: readonly string[], onRefused?: () => void): void {
  if (tokens.length === 0) return;
  const digests = tokens.map(digest);
  // A callback hook, not an async one: no promise per request.
  const check: onRequestHookHandler = (request, reply, done) => {
    if (tokenMatches(request.headers.authorization, digests)) return done();
    onRefused?.();
    reply.header('www-authenticate', 'Bearer realm="netkb"');
    done(new NetkbError('UNAUTHORIZED'));
  };
  app.addHook('onRoute', (route) => {
    if (!requiresToken(route.url)) return;
    const existing = route.onRequest;
    route.onRequest = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      check,
    ];
  });
}
