/**
 * `POST /teams/messages`: the Teams outgoing webhook. The signature is checked over the raw body bytes before
 * anything parses them (this plugin's own content-type parser keeps the Buffer), then the activity's question
 * is answered like `/v1/chat` and the answer goes back as an Adaptive Card, synchronously (Teams waits 5 s).
 * Registered by the app only when `NETKB_TEAMS_SECRET` is set. NETKB_RATE_LIMIT applies per Teams user here
 * (`perUser`, checked after the signature), not per client IP.
 */
import type { FastifyInstance } from 'fastify';
import { ChatCache } from '../../answer/cache.js';
import { answerChat } from '../../answer/chat.js';
import type { ConversationHistory } from '../../answer/conversation.js';
import type { ChatBody } from '../../answer/types.js';
import { NetkbError } from '../../core/errors.js';
import type { Searcher } from '../../retrieve/types.js';
import { type PerUserConfig, SignedBody } from '../chat/signed-body.js';
import { isHelpRequest, parseTeamsActivity, questionFromTeamsText, teamsUserOf } from './activity.js';
import type { TeamsConfig } from './config.js';
import { renderTeamsHelp, renderTeamsReply } from './render.js';
import { verifyTeamsSignature } from './signature.js';

export const TEAMS_ROUTE = '/teams/messages';
/** Teams messages are at most ~28 KB of content; the activity around one stays well below this. */
export const TEAMS_BODY_LIMIT = 256 * 1024;
/** Teams gives up after 5 s; past this the user gets a short "ask again" instead of nothing. */
export const TEAMS_ANSWER_DEADLINE_MS = 4000;
export const TOO_SLOW = 'netkb took too long to answer this time; please ask again.';

export interface TeamsRouteOptions {
  config: TeamsConfig;
  searcher: () => Searcher | null;
  conversations: ConversationHistory;
  /** Cache retrieval results and first-turn answers per loaded index. */
  cache: boolean;
  /** The cluster's CNI (`netkb serve --cni`): answers are scoped to it. */
  cni?: string;
  /** Called with every answer given (the server logs it to the query log). */
  onAnswer?: (question: string, body: ChatBody, searcher: Searcher) => void;
  /**
   * Route config that keys NETKB_RATE_LIMIT by the Teams user a verified activity names (the server passes its
   * `perUserRateLimit`); omitted: the route is limited like any other (per client IP).
   */
  perUser?: PerUserConfig;
  /** Awaited before each computing step of an answer, per asking user: the server's fair turns on the event loop. */
  turn?: (client: string) => Promise<void>;
}

export async function teamsRoutes(app: FastifyInstance, options: TeamsRouteOptions): Promise<void> {
  const turn = options.turn;
  // Scoped to this plugin: every body arrives as the exact bytes Teams signed, whatever its content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: TEAMS_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  const caches = new WeakMap<Searcher, ChatCache>();
  const cacheFor = (searcher: Searcher): ChatCache | undefined => {
    if (!options.cache) return undefined;
    let cache = caches.get(searcher);
    if (!cache) {
      cache = new ChatCache();
      caches.set(searcher, cache);
    }
    return cache;
  };

  // The signature is checked in the route's first preHandler, before the per-user rate limit (appended after it)
  // reads the user: an unsigned request is 401 and spends no one's budget.
  const signed = new SignedBody(
    (request): { raw: Buffer; key: number } | NetkbError => {
      const raw = Buffer.isBuffer(request.body) ? request.body : undefined;
      const verified = verifyTeamsSignature(options.config.keys, request.headers.authorization, raw);
      if (!verified.ok) {
        request.log.info({ reason: verified.reason }, 'teams: request rejected');
        return new NetkbError('BAD_SIGNATURE');
      }
      return { raw: raw as Buffer, key: verified.key };
    },
    ({ raw }) => parseTeamsActivity(raw),
  );
  const perUser = options.perUser;

  app.post(
    TEAMS_ROUTE,
    {
      bodyLimit: TEAMS_BODY_LIMIT,
      preHandler: signed.preHandler,
      // Every webhook comes from Microsoft's addresses: the budget is per Teams user (the IP when none is named).
      ...(perUser ? { config: perUser((request) => signed.user(request, teamsUserOf)) } : {}),
      schema: {
        summary: 'Microsoft Teams outgoing webhook',
        description:
          'A Bot Framework activity signed with `Authorization: HMAC <base64>` (HMAC-SHA256 of the raw body, keyed ' +
          'with the base64-decoded security token). Answers with `{type: "message", attachments: [Adaptive Card]}`; ' +
          '401 BAD_SIGNATURE when the signature is missing or wrong.',
      },
    },
    async (request, reply) => {
      const activity = signed.body(request);
      // Teams sends messages only; anything else is acknowledged with nothing to show.
      if (activity.type !== 'message') return reply.code(200).send();
      const question = questionFromTeamsText(activity.text ?? '');
      if (question.length === 0 || isHelpRequest(question)) return renderTeamsHelp();

      const searcher = options.searcher();
      if (!searcher) throw new NetkbError('NOT_READY');
      // The reply chain is the conversation: its id carries the chain's root message id.
      const conversationId = activity.conversation ? `teams:${activity.conversation.id}` : undefined;
      request.log.debug({ question, conversation_id: conversationId }, 'teams question');
      const answered = answerChat(
        {
          searcher,
          conversations: options.conversations,
          cache: cacheFor(searcher),
          ...(options.cni ? { cni: options.cni } : {}),
          // Fair per Teams user: every outgoing webhook arrives from Microsoft's addresses, not the user's.
          ...(turn ? { turn: () => turn(`teams:${activity.from?.id ?? request.ip}`) } : {}),
        },
        { message: question, ...(conversationId ? { conversation_id: conversationId } : {}) },
      );
      const deadline = options.config.answerDeadlineMs ?? TEAMS_ANSWER_DEADLINE_MS;
      const body = await withDeadline(answered, deadline);
      if (!body) {
        request.log.error({ deadline_ms: deadline }, 'teams: answer too slow');
        return { type: 'message', text: TOO_SLOW };
      }
      options.onAnswer?.(question, body.body, searcher);
      request.log.info(
        {
          conversation_id: body.body.conversation_id,
          abstained: body.body.abstained,
          top_doc: body.body.citations[0]?.path ?? null,
          took_ms: body.body.took_ms,
          team_token: signed.verified(request).key,
        },
        'teams answered',
      );
      return renderTeamsReply(body.body, { publicUrl: options.config.publicUrl });
    },
  );
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
