/**
 * NETKB_RATE_LIMIT (`30/minute`): per client IP on every route except the probes and /metrics, in memory (per
 * process), fixed windows. Every response of a limited route carries `X-RateLimit-Limit` and `-Remaining`; over
 * the limit: 429 `RATE_LIMITED` in our error shape, with `Retry-After` and `X-RateLimit-Reset` (seconds). Reset is
 * left off allowed responses: it is one more header for Node to validate and write on every request, and it only
 * matters once the budget is spent.
 *
 * Our own hook rather than @fastify/rate-limit: every request runs it, and the plugin awaits each step (key, allow
 * list, store: a chain of promises per request). This one is a callback hook that allocates nothing once a
 * client's window exists.
 *
 * Routes that know who the user is (Slack, Teams) key by that user instead of the IP, so one busy channel
 * behind one egress IP is not one budget: register them with
 *
 *   app.post('/slack/events', { config: { rateLimit: perUserRateLimit((req) => slackUserId(req)) } }, handler)
 *
 * The key function runs after the body is parsed (preHandler); returning undefined falls back to the IP. Such a
 * route has its own budgets. Register routes after `installRateLimit` (it applies to routes added after it).
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
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

export async function installRateLimit(
  app: FastifyInstance,
  setting: RateLimitSetting,
  onLimited?: (route: string) => void,
): Promise<void> {
  // Its own counts, so the address alone is the key: no string is built per request (a socket's address is one
  // string for its life, so the Map hashes it once).
  const byIp = limiter(setting, (request) => request.ip ?? '', onLimited);
  app.addHook('onRoute', (route) => {
    const own = route.config?.rateLimit;
    if (own === false || EXEMPT_ROUTES.has(route.url)) return;
    if (own === undefined) {
      route.onRequest = appendHook(route.onRequest, byIp);
      return;
    }
    // Its own budgets (a store per route), keyed after the body is parsed.
    route.preHandler = appendHook(route.preHandler, limiter(setting, own.keyGenerator, onLimited));
  });
}

/** A callback hook (no promise per request) counting each request against its key's window. */
function limiter(
  setting: RateLimitSetting,
  keyOf: (request: FastifyRequest) => string,
  onLimited?: (route: string) => void,
): onRequestHookHandler {
  const counts = new WindowCounts(setting.windowMs);
  const { max } = setting;
  // Header values as strings: Node validates and writes them as strings, and a number would be converted twice.
  const limitText = String(max);
  return (request, reply, done) => {
    const now = Date.now();
    const window = counts.hit(keyOf(request), now);
    reply.header('x-ratelimit-limit', limitText);
    if (window.count <= max) {
      reply.header('x-ratelimit-remaining', String(max - window.count));
      return done();
    }
    onLimited?.(request.routeOptions.url ?? 'unmatched');
    const resetSeconds = Math.max(0, Math.ceil((window.resetAt - now) / 1000));
    reply.header('x-ratelimit-remaining', '0');
    reply.header('x-ratelimit-reset', String(resetSeconds));
    reply.header('retry-after', String(resetSeconds));
    done(
      new NetkbError(
        'RATE_LIMITED',
        `Too many requests (limit ${setting.text}); retry in ${Math.max(1, resetSeconds)} s`,
      ),
    );
  };
}

function appendHook<T>(existing: T | T[] | undefined, hook: T): T[] {
  return [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), hook];
}
