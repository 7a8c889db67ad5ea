/**
 * The HTTP app, built as a factory so tests load it with `inject()` (like fastify/demo's `buildApp`): the
 * searcher is a provider, so the server can listen (and answer /healthz, /readyz 503) before the index loads.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type ConversationHistory, ConversationStore } from '../answer/conversation.js';
import { spentBudget } from '../answer/spent-budget.js';
import type { ChatBody } from '../answer/types.js';
import type { QuestionLogMode } from '../core/config.js';
import { InMemoryOnce, type OnceClaimer } from '../integrations/chat/dedup.js';
import type { FeedbackRecorder } from '../integrations/chat/feedback.js';
import { type SlackConfig, slackMode } from '../integrations/slack/config.js';
import type { SlackPluginOptions } from '../integrations/slack/plugin.js';
import type { TeamsConfig } from '../integrations/teams/config.js';
import type { Searcher } from '../retrieve/types.js';
import type { Channel, Store } from '../store/types.js';
import type { WebOptions } from '../web/routes.js';
import { installAccessChecks } from './access.js';
import type { AllowedHosts } from './allowed-hosts.js';
import { type AnswerLogger, answerLogger } from './answer-log.js';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.js';
import { capConnections, fastifyLimitOptions } from './connection-limits.js';
import { installErrorHandlers } from './errors.js';
import { FairTurns } from './fair-turns.js';
import { installHostCheck } from './host-check.js';
import type { IndexStatus } from './index-manager.js';
import { NetkbMetrics } from './metrics.js';
import { installRequestMetrics, metricsRoutes } from './metrics-route.js';
import { perUserRateLimit } from './rate-limit.js';
import { chatRoutes } from './routes/chat.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { openapiRoutes } from './routes/openapi.js';
import { DEFAULT_LIMITS, type ServerSettings } from './settings.js';
import { StoreConversations } from './store-conversations.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** netkb's metrics, null when NETKB_METRICS=off: integrations record answers with `metrics?.recordAnswer`. */
    metrics: NetkbMetrics | null;
  }
}

export interface AppOptions {
  /** The loaded index, or null while it is being built or loaded. */
  searcher: () => Searcher | null;
  /** Generation and reload state for /readyz (a server with an IndexManager). */
  indexStatus?: () => IndexStatus | undefined;
  /** Fastify logger options (`false` in tests). */
  logger?: FastifyServerOptions['logger'];
  /** Where conversations live; default: the store when there is one (shared by replicas), else memory. */
  conversations?: ConversationHistory;
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
  /** Query log, feedback, conversations and Slack claims; omitted: nothing is logged, feedback is 404. */
  store?: Store | null;
  /** How questions are logged (NETKB_LOG_QUESTIONS); default text. */
  logQuestions?: QuestionLogMode;
  /** The CNI of the cluster this deployment serves (`--cni`, `NETKB_CNI`). */
  cni?: string;
  /** Host names answered (see allowed-hosts.ts); null or absent: any. */
  allowedHosts?: AllowedHosts;
  /** Metrics, tokens, rate limit and connection limits (`serverSettingsFromEnv()`); defaults: metrics on, no
   * tokens, no rate limit, DEFAULT_LIMITS. */
  settings?: Partial<ServerSettings>;
  /** Pass one to record into it from outside the app (index loads, reloads); created when omitted. */
  metrics?: NetkbMetrics;
  /** The web pages (chat, doc view, console); omitted: the server answers the API only. */
  web?: Omit<WebOptions, 'searcher' | 'store'>;
  /** Origins allowed to call the API from a browser (NETKB_CORS_ORIGINS); empty or omitted: CORS off. */
  corsOrigins?: string[];
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const settings: ServerSettings = {
    metrics: true,
    apiTokens: [],
    rateLimit: null,
    limits: DEFAULT_LIMITS,
    ...options.settings,
  };
  const metrics = settings.metrics ? (options.metrics ?? new NetkbMetrics()) : null;
  const limitOptions = fastifyLimitOptions(settings.limits);
  const app = Fastify({
    ...limitOptions,
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
    http: { ...limitOptions.http, requireHostHeader: false },
  });

  capConnections(app.server, settings.limits);
  app.decorate('metrics', metrics);

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback hook, not an async one: every request runs it, and needs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (!closing) return done();
    reply.header('connection', 'close');
    reply
      .code(503)
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'NOT_READY', message: 'Server is shutting down' } });
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
  if (metrics) installRequestMetrics(app, metrics);
  // Rate limit before auth, so unauthenticated floods are limited too; both before the routes they cover.
  installAccessChecks(app, {
    rateLimit: settings.rateLimit,
    tokens: settings.apiTokens,
    onLimited: (route) => metrics?.recordRateLimited(route),
    onUnauthorized: () => metrics?.recordUnauthorized(),
  });
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    // Loaded only when configured: CLI commands that import this module should not pay for it.
    const { default: cors } = await import('@fastify/cors');
    await app.register(cors, { origin: options.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  }
  const searcher = options.searcher;
  const teams = options.teams ?? null;
  const store = options.store ?? null;
  const shared = !options.conversations && store?.shared ? storeConversations(app, store) : null;
  const conversations = options.conversations ?? shared ?? new ConversationStore();
  await app.register(healthRoutes, {
    searcher,
    slack: slackMode(options.slack ?? null),
    teams: teams ? 'on' : 'off',
    indexStatus: options.indexStatus,
    store: () => (store ? (store.status?.() ?? 'ok') : 'off'),
    storeLosses: () => shared?.lost ?? 0,
  });
  if (metrics) await app.register(metricsRoutes, { metrics });
  const logged = answerLogger(store, options.logQuestions ?? 'text');
  // Chat routes count their own answers in the metrics; the integrations' answers are counted here.
  const logAnswer: AnswerLogger = (channel, question, body, searcher) => {
    logged(channel, question, body, searcher);
    if (channel !== 'api')
      metrics?.recordAnswer(channel, body.abstained ? 'abstained' : 'answered', spentBudget(body));
  };
  // One queue of turns for every route that computes answers on the event loop: a flood of Slack or Teams
  // questions waits its turn like one of /v1/chat, and /healthz is answered in between (fair-turns.ts).
  const turns = new FairTurns();
  const turn = (client: string) => turns.take(client);
  await app.register(chatRoutes, {
    turns,
    searcher,
    conversations,
    cache: options.cache ?? true,
    logAnswer,
    metrics,
    ...(options.cni ? { cni: options.cni } : {}),
  });
  await app.register(feedbackRoutes, { store: options.logQuestions === 'off' ? null : store });
  if (options.slack) {
    // Loaded only when configured: the Slack client packages add noticeably to every CLI start otherwise.
    const { slackPlugin } = await import('../integrations/slack/plugin.js');
    await app.register(slackPlugin, {
      // The query log's store records feedback and claims retried events once, when there is one.
      ...(store ? { feedback: feedbackRecorder(store), once: storeClaims(store) } : {}),
      onAnswer: (question: string, body: ChatBody, searcher: Searcher) =>
        logAnswer('slack', question, body, searcher),
      ...(options.cni ? { cni: options.cni } : {}),
      ...options.slackOptions,
      config: options.slack,
      // NETKB_RATE_LIMIT per Slack user: every request arrives from Slack's few addresses.
      perUser: (userOf) => ({ rateLimit: perUserRateLimit(userOf, 'slack') }),
      turn,
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
      // NETKB_RATE_LIMIT per Teams user: every webhook arrives from Microsoft's addresses.
      perUser: (userOf) => ({ rateLimit: perUserRateLimit(userOf, 'teams') }),
      turn,
      searcher,
      conversations,
      cache: options.cache ?? true,
      ...(options.cni ? { cni: options.cni } : {}),
      onAnswer: (question: string, body: ChatBody, searcher: Searcher) =>
        logAnswer('teams', question, body, searcher),
    });
  }
  await app.register(openapiRoutes);
  if (options.web) {
    const { webRoutes } = await import('../web/routes.js');
    await app.register(webRoutes, { ...options.web, searcher, store });
  }
  return app;
}

/**
 * Conversations in the store; a skipped read or write (store down or slow) is counted (/readyz `store_losses`)
 * and logged as a warning, at most every 10 s with the number skipped since the last one.
 */
function storeConversations(app: FastifyInstance, store: Store): StoreConversations {
  let lastWarning = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  return new StoreConversations(store, {
    onLoss: (operation, error) => {
      unreported++;
      const now = Date.now();
      if (now - lastWarning < 10_000) return;
      app.log.warn(
        { err: error, operation, skipped: unreported },
        'conversation history skipped: the store is unavailable (answering without it)',
      );
      lastWarning = now;
      unreported = 0;
    },
  });
}

/**
 * Event claims in the store (the unique key decides between replicas). While the store cannot be reached, this
 * replica's memory decides instead: the event is still answered (a retry landing on another replica during the
 * outage may then be answered twice), rather than failing the delivery.
 */
function storeClaims(store: Store): OnceClaimer {
  const fallback = new InMemoryOnce();
  return {
    claimOnce: (key, ttlMs) => store.claimOnce(key, ttlMs).catch(() => fallback.claimOnce(key, ttlMs)),
  };
}

/** Chat-channel feedback (👍 / 👎 buttons) into the store; feedback on an answer the log never held is dropped. */
function feedbackRecorder(store: Store): FeedbackRecorder {
  return {
    async recordFeedback(feedback) {
      await store.recordFeedback({ ...feedback, channel: feedback.channel as Channel });
    },
  };
}
