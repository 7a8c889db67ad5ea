/**
 * The HTTP app, built as a factory so tests load it with `inject()` (like fastify/demo's `buildApp`): the
 * searcher is a provider, so the server can listen (and answer /healthz, /readyz 503) before the index loads.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ConversationStore } from '../answer/conversation.js';
import type { QuestionLogMode } from '../core/config.js';
import type { Searcher } from '../retrieve/types.js';
import type { Store } from '../store/types.js';
import type { WebOptions } from '../web/routes.js';
import { installErrorHandlers } from './errors.js';
import { chatRoutes } from './routes/chat.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { openapiRoutes } from './routes/openapi.js';

export interface AppOptions {
  /** The loaded index, or null while it is being built or loaded. */
  searcher: () => Searcher | null;
  /** Fastify logger options (`false` in tests). */
  logger?: FastifyServerOptions['logger'];
  conversations?: ConversationStore;
  /** Request body limit in bytes (a 2000-character message needs at most ~12 KiB of JSON). */
  bodyLimit?: number;
  /** Cache retrieval results and first-turn answers per loaded index (default true). */
  cache?: boolean;
  version?: string;
  /** Query log, feedback (and, later, shared conversations); omitted: nothing is logged, feedback is 404. */
  store?: Store | null;
  /** How questions are logged (NETKB_LOG_QUESTIONS); default text. */
  logQuestions?: QuestionLogMode;
  /** The web pages (chat, doc view, console); omitted: the server answers the API only. */
  web?: Omit<WebOptions, 'searcher' | 'store'>;
  /** Origins allowed to call the API from a browser (NETKB_CORS_ORIGINS); empty or omitted: CORS off. */
  corsOrigins?: string[];
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A caller's X-Request-Id is kept when it is a plain token, so logs correlate across services.
    genReqId: (request) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    ajv: {
      // Strict validation: reject unknown fields and wrong types instead of stripping or coercing them.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false },
    },
    // Requests that arrive while closing get our own 503 body (below), not Fastify's.
    return503OnClosing: false,
  });

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) {
      reply.header('connection', 'close');
      return reply
        .code(503)
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'NOT_READY', message: 'Server is shutting down' } });
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'netkb',
        description: 'Kubernetes-networking knowledge-base troubleshooting bot',
        version: options.version ?? '0.1.0',
      },
    },
  });

  installErrorHandlers(app);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    // Loaded only when configured: CLI commands that import this module should not pay for it.
    const { default: cors } = await import('@fastify/cors');
    await app.register(cors, { origin: options.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  }
  const searcher = options.searcher;
  const conversations = options.conversations ?? new ConversationStore();
  await app.register(healthRoutes, { searcher });
  const store = options.store ?? null;
  await app.register(chatRoutes, {
    searcher,
    conversations,
    cache: options.cache ?? true,
    store,
    logQuestions: options.logQuestions ?? 'text',
  });
  await app.register(feedbackRoutes, { store: options.logQuestions === 'off' ? null : store });
  await app.register(openapiRoutes);
  if (options.web) {
    const { webRoutes } = await import('../web/routes.js');
    await app.register(webRoutes, { ...options.web, searcher, store });
  }
  return app;
}
