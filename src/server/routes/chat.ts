import type { FastifyInstance } from 'fastify';
import { ChatCache } from '../../answer/cache.js';
import { answerChat } from '../../answer/chat.js';
import type { ConversationHistory } from '../../answer/conversation.js';
import { spentBudget } from '../../answer/spent-budget.js';
import { NetkbError } from '../../core/errors.js';
import type { Searcher } from '../../retrieve/types.js';
import type { AnswerLogger } from '../answer-log.js';
import { channelOf } from '../channel.js';
import { FairTurns } from '../fair-turns.js';
import type { NetkbMetrics } from '../metrics.js';
import { type ChatRequestBody, ChatRequestSchema, ChatResponseSchema, ErrorSchema } from '../schemas.js';

export interface ChatRouteOptions {
  searcher: () => Searcher | null;
  /** Logs every answer to the query log. */
  logAnswer: AnswerLogger;
  conversations: ConversationHistory;
  /** Cache retrieval results and first-turn answers per loaded index (default on). */
  cache: boolean;
  /** The deployment's CNI (`--cni`, `NETKB_CNI`). */
  cni?: string;
  /** Answers by outcome, retrieval and composition time (null: metrics off). */
  metrics?: NetkbMetrics | null;
  /** Turns on the event loop, shared with the Slack and Teams routes (default: this route's own). */
  turns?: FairTurns;
}

export async function chatRoutes(app: FastifyInstance, options: ChatRouteOptions): Promise<void> {
  // One cache per searcher instance: a newly loaded index starts with an empty cache.
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

  // Answers computed on the event loop take turns, round-robin per client IP (fair-turns.ts).
  const turns = options.turns ?? new FairTurns();

  app.post<{ Body: ChatRequestBody }>(
    '/v1/chat',
    {
      // Fastify parses only known content types; a body sent without any Content-Type would otherwise reach
      // validation as "body must be object". Say what is wrong instead.
      onRequest: (request, _reply, done) => {
        const type = request.headers['content-type'];
        if (!type || !/^application\/json\s*(?:;|$)/i.test(type))
          return done(new NetkbError('UNSUPPORTED_MEDIA_TYPE'));
        done();
      },
      schema: {
        summary: 'Answer a Kubernetes networking question from the knowledge base',
        description:
          'Extractive answer with exact citations and filled-in, safety-labelled commands. Send ' +
          '`Content-Type: application/json`; unknown body fields are rejected with 400 BAD_REQUEST.',
        body: ChatRequestSchema,
        response: {
          200: ChatResponseSchema,
          400: ErrorSchema,
          413: ErrorSchema,
          415: ErrorSchema,
          500: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const searcher = options.searcher();
      if (!searcher) throw new NetkbError('NOT_READY');
      // The question may hold names and addresses: only at debug level.
      request.log.debug({ question: request.body.message }, 'chat question');
      // An explained answer is built fresh (not from the serialized cache) so the explanation can be added.
      const { explain: wantsExplain, ...chatRequest } = request.body;
      const cni = request.body.cni;
      const known = searcher.cni?.names ?? [];
      if (cni !== undefined && !known.includes(cni.toLowerCase())) {
        throw new NetkbError(
          'BAD_REQUEST',
          `body/cni must be one of the CNIs the knowledge base knows: ${known.join(', ')}`,
        );
      }
      const { body, json, retrieval } = await answerChat(
        {
          searcher,
          conversations: options.conversations,
          cache: wantsExplain ? undefined : cacheFor(searcher),
          ...(options.cni ? { cni: options.cni } : {}),
          turn: () => turns.take(request.ip),
        },
        chatRequest,
      );
      options.logAnswer(channelOf(request.headers), request.body.message, body, searcher);
      if (options.metrics) recordChatMetrics(options.metrics, body, retrieval);
      request.log.info(
        {
          conversation_id: body.conversation_id,
          abstained: body.abstained,
          confidence: body.confidence,
          top_doc: body.citations[0]?.path ?? null,
          commands: body.commands.length,
          took_ms: body.took_ms,
        },
        'chat answered',
      );
      // A cached (or just cached) answer is already serialized: the same JSON the response schema would produce.
      if (json !== undefined) return reply.type('application/json; charset=utf-8').send(json);
      if (wantsExplain && searcher.explain) {
        // The message as a first turn: retrieval is deterministic, so this is the search the answer used.
        await turns.take(request.ip);
        const explain = await searcher.explain(chatRequest.message.trim(), {
          ...(chatRequest.top_k === undefined ? {} : { topK: chatRequest.top_k }),
          ...(chatRequest.category === undefined ? {} : { category: chatRequest.category }),
          ...((cni ?? options.cni) ? { cni: cni ?? options.cni } : {}),
        });
        return { ...body, explain };
      }
      // The body is built to the response schema (the cached answers above rely on that too), and JSON.stringify
      // writes it faster than the schema's serializer, which checks every union member (nulls, literals) first.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  );
}

function recordChatMetrics(
  metrics: NetkbMetrics,
  body: { abstained: boolean; took_ms: number; retrievers: Record<string, { status: string }> },
  retrieval: { ms: number; calls: number },
): void {
  metrics.recordAnswer('api', body.abstained ? 'abstained' : 'answered', spentBudget(body));
  // A cached answer did no retrieval: it would only pull the histogram towards zero.
  if (retrieval.calls > 0) metrics.observeRetrieval(retrieval.ms / 1000);
  metrics.observeComposition(Math.max(0, body.took_ms - retrieval.ms) / 1000);
}
