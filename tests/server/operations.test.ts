/**
 * Metrics, tokens and rate limits against real listening servers (127.0.0.1), with a real index. Metrics are
 * read back through a Prometheus text-format parser, as a scraper would.
 */
import type { FastifyInstance } from 'fastify';
import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { tokenMatches } from '../../src/server/auth.js';
import { NetkbMetrics } from '../../src/server/metrics.js';
import { perUserRateLimit } from '../../src/server/rate-limit.js';
import { parseRateLimit, type ServerSettings, serverSettingsFromEnv } from '../../src/server/settings.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

let fixture: FixtureIndex;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
});

afterAll(async () => {
  await fixture.cleanup();
});

async function listen(
  settings: Partial<ServerSettings>,
  metrics?: NetkbMetrics,
): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ searcher: () => fixture.searcher, settings, metrics });
  const { base } = await listenLocal(app);
  return { app, base };
}

function chat(base: string, message: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ message }),
  });
}

function family(families: PromFamily[], name: string): PromFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`metric ${name} missing; have ${families.map((f) => f.name).join(', ')}`);
  return found;
}

function sampleValue(f: PromFamily, labels: Record<string, string>): number {
  const sample = f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? Number.NaN);
}

describe('GET /metrics', () => {
  it('exposes netkb_ request, answer, timing, index and reload metrics in Prometheus text format', async () => {
    const metrics = new NetkbMetrics();
    const { app, base } = await listen({}, metrics);
    try {
      metrics.setIndex({
        docs: fixture.searcher.docs.length,
        chunks: fixture.searcher.chunkCount,
        generation: 'gen-x1',
      });
      metrics.recordReload(true);
      metrics.recordReload(false);
      metrics.recordReload(false);
      expect((await chat(base, 'geneve 隧道不通，怎么抓包')).status).toBe(200);
      expect((await chat(base, 'geneve 隧道不通，怎么抓包')).status).toBe(200); // cached answer
      expect((await chat(base, '今天午饭吃什么')).status).toBe(200);
      expect((await fetch(`${base}/v1/chat`, { method: 'POST' })).status).toBe(415);
      expect((await fetch(`${base}/no/such/route`)).status).toBe(404);

      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const families = parsePrometheusTextFormat(await response.text());
      const own = families.filter((f) => f.name.startsWith('netkb_')).map((f) => f.name);
      expect(own).toEqual(
        expect.arrayContaining([
          'netkb_http_requests_total',
          'netkb_http_request_duration_seconds',
          'netkb_answers_total',
          'netkb_retrieval_duration_seconds',
          'netkb_composition_duration_seconds',
          'netkb_index_docs',
          'netkb_index_chunks',
          'netkb_index_generation_info',
          'netkb_index_reloads_total',
        ]),
      );
      const requests = family(families, 'netkb_http_requests_total');
      expect(sampleValue(requests, { route: '/v1/chat', method: 'POST', status: '200' })).toBe(3);
      expect(sampleValue(requests, { route: '/v1/chat', method: 'POST', status: '415' })).toBe(1);
      // Unknown paths share one label value: they cannot grow the series count.
      expect(sampleValue(requests, { route: 'unmatched', method: 'GET', status: '404' })).toBe(1);
      expect(requests.metrics.some((m) => m.labels?.route === '/no/such/route')).toBe(false);

      const answers = family(families, 'netkb_answers_total');
      expect(sampleValue(answers, { channel: 'api', outcome: 'answered' })).toBe(2);
      expect(sampleValue(answers, { channel: 'api', outcome: 'abstained' })).toBe(1);
      // Two computed answers searched; the cached one did not.
      expect(Number(family(families, 'netkb_retrieval_duration_seconds').metrics[0]?.count)).toBe(2);
      expect(Number(family(families, 'netkb_composition_duration_seconds').metrics[0]?.count)).toBe(3);
      const duration = family(families, 'netkb_http_request_duration_seconds');
      expect(duration.type).toBe('HISTOGRAM');

      expect(sampleValue(family(families, 'netkb_index_docs'), {})).toBe(fixture.searcher.docs.length);
      expect(sampleValue(family(families, 'netkb_index_chunks'), {})).toBe(fixture.searcher.chunkCount);
      expect(sampleValue(family(families, 'netkb_index_generation_info'), { generation: 'gen-x1' })).toBe(1);
      const reloads = family(families, 'netkb_index_reloads_total');
      expect(sampleValue(reloads, { result: 'success' })).toBe(1);
      expect(sampleValue(reloads, { result: 'failure' })).toBe(2);
      // Standard process metrics are there too, under their usual names.
      expect(families.some((f) => f.name === 'process_resident_memory_bytes')).toBe(true);
      // No query-log store here: its gauge does not exist.
      expect(families.some((f) => f.name === 'netkb_query_log_write_lag_seconds')).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('NETKB_METRICS=off removes the route and the counters', async () => {
    const { app, base } = await listen(serverSettingsFromEnv({ NETKB_METRICS: 'off' }));
    try {
      expect(app.metrics).toBeNull();
      const response = await fetch(`${base}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'Route GET /metrics not found' },
      });
      expect((await chat(base, 'geneve 隧道不通')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('NETKB_API_TOKENS', () => {
  it('requires a bearer token on /v1/* only, and counts refusals', async () => {
    const { app, base } = await listen(
      serverSettingsFromEnv({ NETKB_API_TOKENS: 'first-token, second-token' }),
    );
    try {
      for (const headers of <Array<Record<string, string>>>[
        {},
        { authorization: 'Bearer wrong' },
        { authorization: 'Basic Zmlyc3Q=' },
        { authorization: 'Bearer first-token extra' },
      ]) {
        const refused = await chat(base, 'geneve 隧道不通', headers);
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="netkb"');
        expect(await refused.json()).toEqual({
          error: { code: 'UNAUTHORIZED', message: 'Missing or invalid bearer token' },
        });
      }
      expect((await chat(base, 'geneve 隧道不通', { authorization: 'Bearer first-token' })).status).toBe(200);
      expect((await chat(base, 'geneve 隧道不通', { authorization: 'bearer second-token' })).status).toBe(
        200,
      );
      for (const open of ['/healthz', '/readyz', '/metrics', '/openapi.json']) {
        expect((await fetch(`${base}${open}`)).status, open).toBe(200);
      }
      const families = parsePrometheusTextFormat(await (await fetch(`${base}/metrics`)).text());
      expect(sampleValue(family(families, 'netkb_unauthorized_total'), {})).toBe(4);
    } finally {
      await app.close();
    }
  });

  it('compares every configured token in full', () => {
    const tokens = ['a', 'bb'];
    expect(tokenMatches('Bearer a', tokens)).toBe(true);
    expect(tokenMatches('Bearer bb', tokens)).toBe(true);
    expect(tokenMatches('Bearer b', tokens)).toBe(false);
    expect(tokenMatches('Bearer bbb', tokens)).toBe(false);
    expect(tokenMatches('Bearer ab', tokens)).toBe(false);
    expect(tokenMatches('Bearer a\u0000', tokens)).toBe(false);
    expect(tokenMatches('Bearer 网', ['网'])).toBe(true);
    expect(tokenMatches(undefined, tokens)).toBe(false);
    expect(tokenMatches('Bearer ', tokens)).toBe(false);
    // The empty token never matches, even if the header is malformed in a way that yields ''.
    expect(tokenMatches('Bearer', [''])).toBe(false);
  });

  it('reads the header as /^Bearer[ \\t]+(\\S+)[ \\t]*$/i does', () => {
    const grammar = /^Bearer[ \t]+(\S+)[ \t]*$/i;
    const token = 'tok-1';
    const headers = [
      'Bearer tok-1',
      'bearer tok-1',
      'BEARER tok-1',
      'BeArEr \t tok-1 \t ',
      'Bearer\ttok-1',
      'Bearertok-1',
      'Bearer  tok-1x',
      'Bearer tok-',
      'Bearer tok-1\n',
      'Bearer tok-1\u00a0',
      'Bearer \u00a0tok-1',
      'Bearer tok-1 tok-1',
      ' Bearer tok-1',
      'Bearer: tok-1',
      'Basic tok-1',
      'Bearer ',
      'Bearer',
      '',
      '\u0142earer tok-1',
    ];
    for (const header of headers) {
      expect(tokenMatches(header, ['other', token]), JSON.stringify(header)).toBe(
        grammar.exec(header)?.[1] === token,
      );
    }
  });

  it('no tokens configured: /v1/chat is open', async () => {
    const { app, base } = await listen(serverSettingsFromEnv({}));
    try {
      expect((await chat(base, 'geneve 隧道不通')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('NETKB_RATE_LIMIT', () => {
  it('answers 429 RATE_LIMITED with Retry-After after the limit; probes and metrics are never limited', async () => {
    const { app, base } = await listen(serverSettingsFromEnv({ NETKB_RATE_LIMIT: '3/minute' }));
    try {
      for (let i = 0; i < 3; i++) {
        const allowed = await chat(base, `geneve 隧道不通 ${i}`);
        expect(allowed.status).toBe(200);
        expect(allowed.headers.get('x-ratelimit-limit')).toBe('3');
        expect(allowed.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
      }
      const limited = await chat(base, 'geneve 隧道不通');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers.get('x-ratelimit-reset')).toBe(String(retryAfter));
      const body = (await limited.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(/^Too many requests \(limit 3\/minute\); retry in \d+ s$/);
      for (let i = 0; i < 10; i++) {
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        expect((await fetch(`${base}/readyz`)).status).toBe(200);
      }
      const families = parsePrometheusTextFormat(await (await fetch(`${base}/metrics`)).text());
      expect(sampleValue(family(families, 'netkb_rate_limited_total'), { route: '/v1/chat' })).toBe(1);
      expect(
        sampleValue(family(families, 'netkb_http_requests_total'), { route: '/v1/chat', status: '429' }),
      ).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('counts unauthenticated requests too (the limit runs before the token check)', async () => {
    const { app, base } = await listen(
      serverSettingsFromEnv({ NETKB_RATE_LIMIT: '2/minute', NETKB_API_TOKENS: 'secret' }),
    );
    try {
      expect((await chat(base, 'x')).status).toBe(401);
      expect((await chat(base, 'x')).status).toBe(401);
      expect((await chat(base, 'x', { authorization: 'Bearer secret' })).status).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('a route can key the budget by its own user id (Slack / Teams user) instead of the IP', async () => {
    const app = await buildApp({
      searcher: () => fixture.searcher,
      settings: serverSettingsFromEnv({ NETKB_RATE_LIMIT: '2/minute', NETKB_API_TOKENS: 'secret' }),
    });
    // Registered after buildApp, as the Slack and Teams plugins are: not under /v1, so no bearer token.
    app.post<{ Body: { user?: string } }>(
      '/slack/events',
      {
        config: {
          rateLimit: perUserRateLimit((request) => (request.body as { user?: string }).user, 'slack'),
        },
      },
      async () => ({ ok: true }),
    );
    const { base } = await listenLocal(app);
    const post = (user?: string) =>
      fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(user ? { user } : {}),
      }).then((r) => r.status);
    try {
      expect([await post('U1'), await post('U1'), await post('U1')]).toEqual([200, 200, 429]);
      // Same client IP, another user: its own budget.
      expect([await post('U2'), await post('U2'), await post('U2')]).toEqual([200, 200, 429]);
      // No user: falls back to the IP, which has its own budget on this route.
      expect([await post(), await post(), await post()]).toEqual([200, 200, 429]);
    } finally {
      await app.close();
    }
  });

  it('parses N/second|minute|hour and rejects anything else with INVALID_CONFIG', () => {
    expect(parseRateLimit('30/minute')).toEqual({ max: 30, windowMs: 60_000, text: '30/minute' });
    expect(parseRateLimit('5/s').windowMs).toBe(1000);
    expect(parseRateLimit(' 100 / hour ').max).toBe(100);
    for (const bad of ['30', '0/minute', 'x/minute', '30/day', '-1/s']) {
      expect(() => parseRateLimit(bad), bad).toThrow(/NETKB_RATE_LIMIT/);
    }
    expect(() => serverSettingsFromEnv({ NETKB_METRICS: 'maybe' })).toThrow(/NETKB_METRICS/);
    expect(() => serverSettingsFromEnv({ NETKB_REQUEST_TIMEOUT_MS: '10s' })).toThrow(
      /NETKB_REQUEST_TIMEOUT_MS: expected a non-negative integer/,
    );
    expect(() =>
      serverSettingsFromEnv({ NETKB_REQUEST_TIMEOUT_MS: '1000', NETKB_HEADERS_TIMEOUT_MS: '2000' }),
    ).toThrow(/must not exceed/);
  });
});
