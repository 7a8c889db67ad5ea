/**
 * The web routes over real HTTP (Fastify's inject on a real app and a real index): headers, caching, the doc
 * view's boundaries, CORS and the console's sign-in. The browser tests cover what a user sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(async () => fixture.cleanup());

const web = (extra: { adminToken?: string } = {}) => ({
  kbDir: fixture.kbDir,
  questionsFile: undefined,
  ...extra,
});

describe('web pages', () => {
  it('serves the chat page with a strict CSP and no inline script or style', async () => {
    const app = await buildApp({ searcher: () => fixture.searcher, web: web() });
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=/i);
    // The API keeps its own headers: the page policy is scoped to the web routes.
    expect((await app.inject('/healthz')).headers['content-security-policy']).toBeUndefined();
    await app.close();
  });

  it('serves static assets with cache headers and ETags (304 on revalidation)', async () => {
    const app = await buildApp({ searcher: () => fixture.searcher, web: web() });
    const first = await app.inject('/static/app.js');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await app.inject({ url: '/static/app.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject('/static/vendor/mermaid.min.js')).statusCode).toBe(200);
    expect((await app.inject('/static/vendor/package.json')).statusCode).toBe(404);
    expect((await app.inject('/static/../package.json')).statusCode).toBe(404);
    await app.close();
  });

  it('the doc view serves only runbooks the index holds', async () => {
    const app = await buildApp({ searcher: () => fixture.searcher, web: web() });
    const doc = fixture.searcher.docs[0];
    const ok = await app.inject(`/docs/${doc?.path}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-lines=');
    for (const url of [
      '/docs/../package.json',
      '/docs/%2e%2e/%2e%2e/package.json',
      '/docs/nope.md',
      '/docs/',
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('"name": "netkb"');
    }
    await app.close();
  });

  it('answers no CORS headers unless origins are configured', async () => {
    const closed = await buildApp({ searcher: () => fixture.searcher, web: web() });
    const preflight = {
      method: 'OPTIONS' as const,
      url: '/v1/chat',
      headers: { origin: 'https://wiki.example', 'access-control-request-method': 'POST' },
    };
    expect((await closed.inject(preflight)).headers['access-control-allow-origin']).toBeUndefined();
    await closed.close();
    const open = await buildApp({
      searcher: () => fixture.searcher,
      web: web(),
      corsOrigins: ['https://wiki.example'],
    });
    expect((await open.inject(preflight)).headers['access-control-allow-origin']).toBe(
      'https://wiki.example',
    );
    const other = await open.inject({
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await open.close();
  });
});

describe('maintainer console', () => {
  it('does not exist without NETKB_ADMIN_TOKEN', async () => {
    const app = await buildApp({ searcher: () => fixture.searcher, web: web() });
    expect((await app.inject('/admin')).statusCode).toBe(404);
    expect((await app.inject('/admin/api/lint')).statusCode).toBe(404);
    await app.close();
  });

  it('signs in with the token into an HttpOnly, SameSite=Strict cookie that does not hold the token', async () => {
    const token = 's3cret-token-value';
    const app = await buildApp({ searcher: () => fixture.searcher, web: web({ adminToken: token }) });
    const login = (body: string) =>
      app.inject({
        method: 'POST',
        url: '/admin/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    expect((await login('token=wrong')).statusCode).toBe(401);
    const ok = await login(`token=${token}`);
    expect(ok.statusCode).toBe(303);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(token);
    const session = cookie.split(';')[0] ?? '';
    expect((await app.inject('/admin/api/lint')).statusCode).toBe(401);
    const lint = await app.inject({ url: '/admin/api/lint', headers: { cookie: session } });
    expect(lint.statusCode).toBe(200);
    expect(lint.json()).toHaveProperty('findings');
    const page = await app.inject({ url: '/admin', headers: { cookie: session } });
    expect(page.body).toContain('id="tabs"');
    expect(page.body).not.toContain(token);
    const forged = await app.inject({ url: '/admin/api/lint', headers: { cookie: 'netkb_admin=forged' } });
    expect(forged.statusCode).toBe(401);
    await app.close();
  });
});
