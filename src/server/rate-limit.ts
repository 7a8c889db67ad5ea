/**
 * NETKB_RATE_LIMIT (`30/minute`): per client IP on every route except the probes and /metrics, in memory (per
 * process), fixed windows. Every response of a limited route carries `X-RateLimit-Limit` and `-Remaining`; over
 * the limit: 429 `RATE_LIMITED` in our error shape, with `Retry-After` and `X-RateLimit-Reset` (seconds). Reset is
 * left off allowed responses: it is one more header for Node to validate and write on every request, and it only
 * matters once the budget is spent.
 *
 * Our own check rather than @fastify/rate-limit: every request runs it, and the plugin awaits each step (key,
 * allow list, store: a chain of promises per request). This one is synchronous, run by the one callback hook that
 * also checks the bearer token (access.ts), and allocates nothing but the Remaining header value once a client's
 * window exists.
 *
 * Routes that know who the user is (Slack, Teams) key by that user instead of the IP, so one busy channel
 * behind one egress IP is not one budget: register them with
 *
 *   app.post('/slack/events', { config: { rateLimit: perUserRateLimit((req) => slackUserId(req)) } }, handler)
 *
 * The key function runs after the body is parsed (preHandler); returning undefined falls back to the IP. Such a
 * route has its own budgets (and no per-IP check besides). The limiter hook is appended after the route's own
 * preHandlers: a route whose user id comes from a signed body verifies the signature in its own `preHandler`
 * first (Slack, Teams: integrations/chat/signed-body.ts), so a forged request is refused before it can spend
 * anyone's budget. Register routes after `installAccessChecks` (it applies to routes added after it).
 */
import type { FastifyReply, FastifyRequest, preHandlerHookHandler, RouteOptions } from 'fastify';
import { NetkbError } from '../core/errors.js';
import type { RateLimitSetting } from './settings.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own budget key (`perUserRateLimit`), or false: never limited. */
    rateLimit?: RateLimitRouteConfig | false;
  }
}

/** Never limited: probes must not fail because a client is noisy, and scrapers are trusted. */
const EXEMPT_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Clients remembered at most (the oldest windows are forgotten first), so many addresses cannot grow memory. */
export const MAX_TRACKED_CLIENTS = 5000;

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

interface Window {
  count: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
}

/** Fixed-window request counts per key. A window starts at a key's first request and lasts `windowMs`. */
export class WindowCounts {
  /** Insertion order is window start order: a new window re-inserts its key at the end. */
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity = MAX_TRACKED_CLIENTS,
  ) {}

  /** Counts one request for `key` at `now`; the returned window is live (read it before the next call). */
  hit(key: string, now: number): Readonly<Window> {
    const window = this.windows.get(key);
    if (window && window.resetAt > now) {
      window.count++;
      return window;
    }
    if (window) this.windows.delete(key);
    const fresh = { count: 1, resetAt: now + this.windowMs };
    this.windows.set(key, fresh);
    if (this.windows.size > this.capacity) this.evict(now);
    return fresh;
  }

  get size(): number {
    return this.windows.size;
  }

  /** Drops ended windows; if that is not enough, the oldest ones. */
  private evict(now: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size <= this.capacity) return;
      if (window.resetAt <= now) this.windows.delete(key);
    }
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.capacity) return;
      this.windows.delete(key);
    }
  }
}

/** Counts requests against per-key windows and answers for one budget (a route's, or every route's per IP). */
export class RateLimiter {
  private readonly counts: WindowCounts;
  // Header values as strings: Node validates and writes them as strings, and a number would be converted twice.
  private readonly limitText: string;

  constructor(
    private readonly setting: RateLimitSetting,
    private readonly onLimited?: (route: string) => void,
  ) {
    this.counts = new WindowCounts(setting.windowMs);
    this.limitText = String(setting.max);
  }

  /** A limiter with the same setting and refusal count and budgets of its own (a route keyed per user). */
  withOwnBudgets(): RateLimiter {
    return new RateLimiter(this.setting, this.onLimited);
  }

  /**
   * Counts one request of `key` on `route` and sets the X-RateLimit headers: undefined when it is within the
   * budget, else the 429 to answer (Retry-After set). Synchronous, and allocates nothing but the Remaining value
   * once the key's window exists.
   */
  check(key: string, reply: FastifyReply, route: string): NetkbError | undefined {
    const now = Date.now();
    const window = this.counts.hit(key, now);
    const { max } = this.setting;
    reply.header('x-ratelimit-limit', this.limitText);
    if (window.count <= max) {
      reply.header('x-ratelimit-remaining', String(max - window.count));
      return undefined;
    }
    this.onLimited?.(route);
    const resetSeconds = Math.max(0, Math.ceil((window.resetAt - now) / 1000));
    reply.header('x-ratelimit-remaining', '0');
    reply.header('x-ratelimit-reset', String(resetSeconds));
    reply.header('retry-after', String(resetSeconds));
    return new NetkbError(
      'RATE_LIMITED',
      `Too many requests (limit ${this.setting.text}); retry in ${Math.max(1, resetSeconds)} s`,
    );
  }
}

/**
 * How a route is limited: by client IP (the returned limiter, shared by every route, checked in the route's
 * onRequest hook: see access.ts), or not at all (null: a probe, /metrics, or `rateLimit: false`). A route with
 * its own budget (`perUserRateLimit`) gets a limiter of its own here, in a preHandler hook (the key needs the
 * parsed body), and null is returned for it too.
 */
export function rateLimitOf(route: RouteOptions, byIp: RateLimiter): RateLimiter | null {
  const own = route.config?.rateLimit;
  if (own === false || EXEMPT_ROUTES.has(route.url)) return null;
  if (own === undefined) return byIp;
  const limiter = byIp.withOwnBudgets();
  const { keyGenerator } = own;
  const url = route.url;
  // A callback hook (no promise per request).
  const limit: preHandlerHookHandler = (request, reply, done) =>
    done(limiter.check(keyGenerator(request), reply, url));
  route.preHandler = appendHook(route.preHandler, limit);
  return null;
}

export function appendHook<T>(existing: T | T[] | undefined, hook: T): T[] {
  return [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), hook];
}
