/**
 * Bearer-token authentication for `/v1/*` (NETKB_API_TOKENS). Health, readiness and metrics stay open for
 * probes and scrapers; the Slack and Teams routes check their platforms' signatures instead.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { NetkbError } from '../core/errors.js';

/** Paths that require a token when tokens are configured. */
export function requiresToken(url: string): boolean {
  return url.startsWith('/v1/') || url === '/v1';
}

/**
 * Constant-time check of `Authorization: Bearer <token>` against every configured token: every token is
 * compared in full (no early exit), so timing tells neither which token nor how much of it matched. Compared
 * character by character rather than by hashing both sides first: a digest per request cost more than the rest
 * of the check, and the loop's length is the configured token's, whatever was sent.
 */
export function tokenMatches(header: string | undefined, tokens: readonly string[]): boolean {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = match?.[1] ?? '';
  let ok = false;
  for (const expected of tokens) ok = sameToken(given, expected) || ok;
  return ok && match !== null;
}

/** `given === expected` in time that depends only on `expected`'s length. */
function sameToken(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  // Past the end of `given`, charCodeAt is NaN (0 after `| 0`); the lengths already differ then.
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/**
 * Adds the check to every `/v1/*` route registered after this call, as a route-level onRequest hook: it then runs
 * after the rate limiter's (also route-level, added first), so unauthenticated floods are limited too.
 */
export function installAuth(app: FastifyInstance, tokens: readonly string[], onRefused?: () => void): void {
  if (tokens.length === 0) return;
  // A callback hook, not an async one: no promise per request.
  const check: onRequestHookHandler = (request, reply, done) => {
    if (tokenMatches(request.headers.authorization, tokens)) return done();
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
