/**
 * The Slack app inside the netkb server: the HTTP routes when a signing secret is configured, Socket Mode when
 * an app token is, both on one SlackService. Registered by the server only when Slack is configured.
 */

import type { RetryOptions } from '@slack/web-api';
import type { FastifyInstance } from 'fastify';
import { ChatCache } from '../../answer/cache.js';
import { answerChat, type ChatRequest } from '../../answer/chat.js';
import type { ConversationHistory } from '../../answer/conversation.js';
import type { ChatBody } from '../../answer/types.js';
import type { Searcher } from '../../retrieve/types.js';
import { InMemoryOnce, type OnceClaimer } from '../chat/dedup.js';
import { type FeedbackRecorder, InMemoryFeedback } from '../chat/feedback.js';
import type { PerUserConfig } from '../chat/signed-body.js';
import type { SlackConfig } from './config.js';
import { slackRoutes } from './routes.js';
import { SlackService } from './service.js';
import type { SocketModeOptions } from './socket.js';

export interface SlackPluginOptions {
  config: SlackConfig;
  searcher: () => Searcher | null;
  conversations: ConversationHistory;
  /** Cache first-turn answers per loaded index (as /v1/chat does). */
  cache: boolean;
  feedback?: FeedbackRecorder;
  once?: OnceClaimer;
  retryConfig?: RetryOptions;
  nowSeconds?: () => number;
  socket?: Partial<SocketModeOptions>;
  /** The cluster's CNI (`netkb serve --cni`): answers are scoped to it. */
  cni?: string;
  /** Awaited before each computing step of an answer, per asking user: the server's fair turns on the event loop. */
  turn?: (client: string) => Promise<void>;
  /** Called with every answer given (the server logs it to the query log). */
  onAnswer?: (question: string, body: ChatBody, searcher: Searcher) => void;
  /** Route config keying the HTTP routes' rate limit per Slack user (see SlackRouteOptions). */
  perUser?: PerUserConfig;
  /** Receives the service (tests wait on `idle()`). */
  onService?: (service: SlackService) => void;
}

export async function slackPlugin(app: FastifyInstance, options: SlackPluginOptions): Promise<void> {
  const caches = new WeakMap<Searcher, ChatCache>();
  const turn = options.turn;
  const answer = async (request: ChatRequest, client: string): Promise<ChatBody | null> => {
    const searcher = options.searcher();
    if (!searcher) return null;
    let cache = options.cache ? caches.get(searcher) : undefined;
    if (options.cache && !cache) {
      cache = new ChatCache();
      caches.set(searcher, cache);
    }
    const { body } = await answerChat(
      {
        searcher,
        conversations: options.conversations,
        cache,
        ...(options.cni ? { cni: options.cni } : {}),
        ...(turn ? { turn: () => turn(client) } : {}),
      },
      request,
    );
    options.onAnswer?.(request.message, body, searcher);
    return body;
  };
  const service = new SlackService({
    config: options.config,
    answer,
    feedback: options.feedback ?? new InMemoryFeedback(),
    once: options.once ?? new InMemoryOnce(),
    log: app.log,
    retryConfig: options.retryConfig,
  });
  options.onService?.(service);

  if (options.config.signingSecret) {
    await app.register(slackRoutes, {
      service,
      signingSecret: options.config.signingSecret,
      nowSeconds: options.nowSeconds,
      ...(options.perUser ? { perUser: options.perUser } : {}),
    });
  }
  if (options.config.appToken) {
    const appToken = options.config.appToken;
    // @slack/socket-mode (and undici) load only for Socket Mode.
    const { startSocketMode } = await import('./socket.js');
    let stop: (() => Promise<void>) | null = null;
    // Connect once the server is up; a Slack outage at start must not keep netkb from serving.
    app.addHook('onReady', async () => {
      stop = await startSocketMode({
        appToken,
        apiUrl: options.config.apiUrl,
        service,
        log: app.log,
        ...options.socket,
      });
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  }
  app.addHook('onClose', async () => {
    await service.idle();
  });
}
