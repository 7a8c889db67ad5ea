/**
 * The HTTP app, built as a factory so tests load it with `inject()` (like fastify/demo's `buildApp`): the
 * searcher is a provider, so the server can listen (and answer /healthz, /readyz 503) before the index loads.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ConversationStore } from '../answer/conversation.js';
import type { Searcher } from '../retrieve/types.js';
import type { AllowedHosts } from './allowed-hosts.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.js';
import { installErrorHandlers } from './errors.js';
import { installHostCheck } from './host-check.js';
import type { IndexStatus } from './index-manager.js';
import { chatRoutes } from './routes/chat.js';
import { healthRoutes } from './routes/health.js';
import { openapiRoutes } from './routes/openapi.js';

export interface AppOptions {
  /** The loaded index, or null while it is being built or loaded. */
  searcher: () => Searcher | null;
  /** Generation and reload state for /readyz (a server with an IndexManager). */
  indexStatus?: () => IndexStatus | undefined;
  /** Fastify logger options (`false` in tests). */
  logger?: FastifyServerOptions['logger'];
  conversations?: ConversationStore;
  /** Request body limit in bytes (a 2000-character message needs at most ~12 KiB of JSON). */
  bodyLimit?: number;
  /** Cache retrieval results and first-turn answers per loaded index (default true). */
  cache?: boolean;
  version?: string;
  /** Host names answered (see allowed-hosts.ts); null or absent: any. */
  allowedHosts?: AllowedHosts;
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
    // Connection-level and router errors in our error shape (client-errors.ts).
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // A missing Host is answered by our hook (host-check.ts) with a JSON body, not by Node with an empty one.
    http: { requireHostHeader: false },
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

  installHostCheck(app, options.allowedHosts ?? null);

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
  const searcher = options.searcher;
  const conversations = options.conversations ?? new ConversationStore();
  await app.register(healthRoutes, { searcher, indexStatus: options.indexStatus });
  await app.register(chatRoutes, { searcher, conversations, cache: options.cache ?? true });
  await app.register(openapiRoutes);
  return app;
}
