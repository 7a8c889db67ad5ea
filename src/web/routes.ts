/**
 * The web pages: chat at `/`, the doc view at `/docs/<path>`, static assets at `/static/`, and the maintainer
 * console at `/admin` (only when an admin token is configured). Registered as one encapsulated plugin, so its
 * security headers apply to its own routes only.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Searcher } from '../retrieve/types.js';
import type { Store } from '../store/types.js';
import { adminRoutes } from './admin.js';
import { renderDoc } from './doc-render.js';
import { chatPage, docPage, notFoundPage } from './pages.js';
import { DIAGRAM_FRAME_POLICY, PAGE_HEADERS } from './security.js';

const DIAGRAM_FRAME = '/static/diagram.html';

export interface WebOptions {
  searcher: () => Searcher | null;
  /** The KB directory the index was built from (the doc view reads runbooks from it). */
  kbDir: string;
  store: Store | null;
  /** NETKB_ADMIN_TOKEN; the console is not served without one. */
  adminToken?: string | undefined;
  /** The eval set the console's coverage runs by default. */
  questionsFile?: string | undefined;
}

/**
 * Hand-written assets, served from the source tree: the same path from `src/web` and `dist/web`, so `npm start`
 * needs no copy step.
 */
export const STATIC_DIR = fileURLToPath(new URL('../../src/web/static/', import.meta.url));
const MERMAID_DIR = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
const STATIC_MAX_AGE_MS = 60 * 60 * 1000;

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(body);
}

export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(PAGE_HEADERS);
    if (request.url.split('?')[0] === DIAGRAM_FRAME) {
      reply.header('content-security-policy', DIAGRAM_FRAME_POLICY);
      reply.header('x-frame-options', 'SAMEORIGIN');
    }
    return payload;
  });

  await app.register(fastifyStatic, {
    root: STATIC_DIR,
    prefix: '/static/',
    maxAge: STATIC_MAX_AGE_MS,
    etag: true,
    lastModified: true,
    index: false,
  });
  // The optional diagram renderer, loaded by the page only when an answer has a mermaid diagram.
  await app.register(fastifyStatic, {
    root: MERMAID_DIR,
    prefix: '/static/vendor/',
    maxAge: STATIC_MAX_AGE_MS,
    etag: true,
    decorateReply: false,
    index: false,
    allowedPath: (path) => path === '/mermaid.min.js',
  });

  const chatHtml = chatPage();
  app.get('/', { schema: { hide: true } }, async (_request, reply) => html(reply, chatHtml));

  app.get<{ Params: { '*': string } }>('/docs/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.params['*'];
    const searcher = options.searcher();
    // Only files the index holds: never a path the client made up (no traversal, no non-KB files).
    const doc = searcher?.doc(path);
    if (!searcher)
      return html(reply, notFoundPage('The index is still loading; try again in a moment.'), 503);
    if (!doc) return html(reply, notFoundPage(`No runbook at ${path}`), 404);
    const source = await readFile(join(options.kbDir, doc.path), 'utf8').catch(() => null);
    if (source === null) return html(reply, notFoundPage(`The runbook ${path} cannot be read`), 404);
    const rendered = renderDoc(source, doc.path);
    return html(reply, docPage(doc.path, rendered.title || doc.title, rendered.html));
  });

  if (options.adminToken) {
    await app.register(adminRoutes, {
      token: options.adminToken,
      searcher: options.searcher,
      kbDir: options.kbDir,
      store: options.store,
      questionsFile: options.questionsFile,
    });
  }
}
