/**
 * A webhook route's body once its signature checked out (Slack, Teams). The route declares `preHandler` as its
 * first preHandler hook: it verifies the signature over the raw bytes and keeps the result for the rest of the
 * request. The per-user rate limit (`perUserRateLimit`, appended after the route's own preHandlers) then keys the
 * budget by the user the verified body names, and the handler reads the same body without verifying again.
 * So an unsigned or forged request is refused before it can create or spend a user's budget.
 */
import type { FastifyContextConfig, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { NetkbError } from '../../core/errors.js';

/**
 * Route config that keys the route's rate limit by the user a request names (the server passes one built on its
 * `perUserRateLimit`): `userOf` returns undefined when there is no user (the limit falls back to the IP).
 */
export type PerUserConfig = (userOf: (request: FastifyRequest) => string | undefined) => FastifyContextConfig;

interface Entry<V, T> {
  verified: V;
  /** The decoded body, once read (the rate limit's key function reads it first, the handler reuses it). */
  decoded?: { value: T };
}

export class SignedBody<V, T> {
  private readonly requests = new WeakMap<FastifyRequest, Entry<V, T>>();

  /**
   * `verify`: what the signature check keeps (the raw body, the key that matched …), or the error to answer
   * (401). `decode`: the verified body as the handler reads it; it may throw (400 in our error shape).
   */
  constructor(
    private readonly verify: (request: FastifyRequest) => V | NetkbError,
    private readonly decode: (verified: V) => T,
  ) {}

  /** The route's first preHandler. A callback hook: no promise per request. */
  readonly preHandler: preHandlerHookHandler = (request, _reply, done) => {
    const verified = this.verify(request);
    if (verified instanceof NetkbError) return done(verified);
    this.requests.set(request, { verified });
    done();
  };

  /** What the signature check kept; throws when `preHandler` did not run (a route wired wrongly). */
  verified(request: FastifyRequest): V {
    return this.entry(request).verified;
  }

  /** The decoded body; throws what `decode` throws (each time: a failure is not kept). */
  body(request: FastifyRequest): T {
    const entry = this.entry(request);
    if (!entry.decoded) entry.decoded = { value: this.decode(entry.verified) };
    return entry.decoded.value;
  }

  /**
   * The user the verified body names (the rate limit's key), or undefined: not verified, not decodable (the
   * handler answers that), or no user in it.
   */
  user(request: FastifyRequest, userOf: (body: T) => string | undefined): string | undefined {
    if (!this.requests.has(request)) return undefined;
    try {
      return userOf(this.body(request));
    } catch {
      return undefined;
    }
  }

  private entry(request: FastifyRequest): Entry<V, T> {
    const entry = this.requests.get(request);
    if (!entry) throw new Error(`${request.url}: the body's signature was not verified before it was read`);
    return entry;
  }
}
