/**
 * Bearer-token authentication for `/v1/*` (NETKB_API_TOKENS). Health, readiness and metrics stay open for
 * probes and scrapers; the Slack and Teams routes check their platforms' signatures instead.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NetkbError } from '../core/errors.js';

/** Paths that require a token when tokens are configured. */
export function requiresToken(url: string): boolean {
  return url.startsWith('/v1/') || url === '/v1';
}

/**
 * Constant-time check of `Authorization: Bearer <token>` against every configured token: every token is
 * compared in full (no early exit), so timing tells neither which token nor how much of it matched. Compared
 * character by character rather than by hashing both sides first: a digest per request cost more than the rest
 * of the check, and the loop's length is the configured token's, whatever was sent. The header is read in place
 * (no regular expression, no substring): every `/v1/*` request runs this.
 */
export function tokenMatches(header: string | undefined, tokens: readonly string[]): boolean {
  const text = header ?? '';
  const start = bearerTokenStart(text);
  const end = start < 0 ? -1 : bearerTokenEnd(text, start);
  const valid = end >= 0;
  const from = valid ? start : 0;
  const length = valid ? end - start : 0;
  let ok = false;
  for (const expected of tokens) ok = sameToken(text, from, length, expected) || ok;
  return ok && valid;
}

const BEARER = 'bearer';

/**
 * Where the token starts in `Bearer<spaces or tabs><token>` (the scheme in any case), or -1. Together with
 * `bearerTokenEnd`, the same header grammar as `/^Bearer[ \t]+(\S+)[ \t]*$/i`.
 */
function bearerTokenStart(header: string): number {
  if (header.length <= BEARER.length) return -1;
  for (let i = 0; i < BEARER.length; i++) {
    // ASCII letters only: `| 0x20` lower-cases A-Z and leaves a-z as they are.
    if ((header.charCodeAt(i) | 0x20) !== BEARER.charCodeAt(i)) return -1;
  }
  let i = BEARER.length;
  while (i < header.length && isBlank(header.charCodeAt(i))) i++;
  return i === BEARER.length || i === header.length ? -1 : i;
}

/** The end of the token starting at `start`, or -1 if anything but spaces and tabs follows it. */
function bearerTokenEnd(header: string, start: number): number {
  let end = start;
  while (end < header.length && !isWhitespace(header.charCodeAt(end))) end++;
  for (let i = end; i < header.length; i++) if (!isBlank(header.charCodeAt(i))) return -1;
  return end;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** What `\s` matches in a JavaScript regular expression. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `given.slice(from, from + length) === expected` in time that depends only on `expected`'s length. */
function sameToken(given: string, from: number, length: number, expected: string): boolean {
  let difference = length ^ expected.length;
  // Past the token (or the header), charCodeAt reads other characters or NaN (0 after `| 0`); the lengths
  // already differ then.
  for (let i = 0; i < expected.length; i++)
    difference |= (given.charCodeAt(from + i) | 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

/**
 * The token check of a `/v1/*` route (null when no tokens are configured): undefined when the request carries one
 * of `tokens`, else the 401 to answer (WWW-Authenticate set). Synchronous, run by the one callback hook that also
 * counts the rate limit first (access.ts), so unauthenticated floods are limited too.
 */
export function tokenCheck(
  tokens: readonly string[],
  onRefused?: () => void,
): ((request: FastifyRequest, reply: FastifyReply) => NetkbError | undefined) | null {
  if (tokens.length === 0) return null;
  return (request, reply) => {
    if (tokenMatches(request.headers.authorization, tokens)) return undefined;
    onRefused?.();
    reply.header('www-authenticate', 'Bearer realm="netkb"');
    return new NetkbError('UNAUTHORIZED');
  };
}
