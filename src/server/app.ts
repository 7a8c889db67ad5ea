/**
 * The HTTP app, built as a factory so tests load it with `inject()` (like fastify/demo's `buildApp`): the
 * searcher is a provider, so the server can listen (and answer /healthz, /readyz 503) before the index loads.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ConversationStore } from '../answer/conversation.js';
import type { ChatBody } from '../answer/types.js';
import type { QuestionLogMode } from '../core/config.js';
import type { FeedbackRecorder } from '../integrations/chat/feedback.js';
import { type SlackConfig, slackMode } from '../integrations/slack/config.js';
import type { SlackPluginOptions } from '../integrations/slack/plugin.js';
import type { TeamsConfig } from '../integrations/teams/config.js';
import type { Searcher } from '../retrieve/types.js';
import type { Channel, Store } from '../store/types.js';
import { answerLogger } from './answer-log.js';
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
  /** Slack app settings (`slackConfigFromEnv()`); null or absent: no Slack routes, readyz `slack: "off"`. */
  slack?: SlackConfig | null;
  /** Slack wiring for tests and the lead's stores (feedback recorder, once-claims, clocks, retry policy). */
  slackOptions?: Partial<Omit<SlackPluginOptions, 'config' | 'searcher' | 'conversations' | 'cache'>>;
  /** Teams outgoing webhook settings (`teamsConfigFromEnv()`); null or absent: no route, readyz `teams: "off"`. */
  teams?: TeamsConfig | null;
  /** Query log, feedback (and, later, shared conversations); omitted: nothing is logged, feedback is 404. */
  store?: Store | null;
  /** How questions are logged (NETKB_LOG_QUESTIONS); default text. */
  logQuestions?: QuestionLogMode;
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
  const searcher = options.searcher;
  const conversations = options.conversations ?? new ConversationStore();
  const teams = options.teams ?? null;
  const store = options.store ?? null;
  await app.register(healthRoutes, {
    searcher,
    slack: slackMode(options.slack ?? null),
    teams: teams ? 'on' : 'off',
    store: () => (store ? (store.status?.() ?? 'ok') : 'off'),
  });
  const logAnswer = answerLogger(store, options.logQuestions ?? 'text');
  await app.register(chatRoutes, { searcher, conversations, cache: options.cache ?? true, logAnswer });
  await app.register(feedbackRoutes, { store: options.logQuestions === 'off' ? null : store });
  if (options.slack) {
    // Loaded only when configured: the Slack client packages add noticeably to every CLI start otherwise.
    const { slackPlugin } = await import('../integrations/slack/plugin.js');
    await app.register(slackPlugin, {
      // The query log's store records feedback and claims retried events once, when there is one.
      ...(store ? { feedback: feedbackRecorder(store), once: store } : {}),
      onAnswer: (question: string, body: ChatBody, searcher: Searcher) =>
        logAnswer('slack', question, body, searcher),
      ...options.slackOptions,
      config: options.slack,
      searcher,
      conversations,
      cache: options.cache ?? true,
    });
  }
  if (teams) {
    // Loaded only when configured, like Slack: a CLI start without Teams does not pay for it.
    const { teamsRoutes } = await import('../integrations/teams/route.js');
    await app.register(teamsRoutes, {
      config: teams,
      searcher,
      conversations,
      cache: options.cache ?? true,
      onAnswer: (question: string, body: ChatBody, searcher: Searcher) =>
        logAnswer('teams', question, body, searcher),
    });
  }
  await app.register(openapiRoutes);
  return app;
}

/** Chat-channel feedback (👍 / 👎 buttons) into the store; feedback on an answer the log never held is dropped. */
function feedbackRecorder(store: Store): FeedbackRecorder {
  return {
    async recordFeedback(feedback) {
      await store.recordFeedback({ ...feedback, channel: feedback.channel as Channel });
    },
  };
}
