import type { FastifyInstance } from 'fastify';
import { ChatCache } from '../../answer/cache.js';
import { answerChat } from '../../answer/chat.js';
import type { ConversationHistory } from '../../answer/conversation.js';
import { NetkbError } from '../../core/errors.js';
import type { Searcher } from '../../retrieve/types.js';
import type { AnswerLogger } from '../answer-log.js';
import { type ChatRequestBody, ChatRequestSchema, ChatResponseSchema, ErrorSchema } from '../schemas.js';

export interface ChatRouteOptions {
  searcher: () => Searcher | null;
  /** Logs every answer to the query log. */
  logAnswer: AnswerLogger;
  conversations: ConversationHistory;
  /** Cache retrieval results and first-turn answers per loaded index (default on). */
  cache: boolean;
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

  app.post<{ Body: ChatRequestBody }>(
    '/v1/chat',
    {
      // Fastify parses only known content types; a body sent without any Content-Type would otherwise reach
      // validation as "body must be object". Say what is wrong instead.
      onRequest: async (request) => {
        const type = request.headers['content-type'];
        if (!type || !/^application\/json\s*(?:;|$)/i.test(type))
          throw new NetkbError('UNSUPPORTED_MEDIA_TYPE');
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
      const { explain: wantsExplain, ...chatRequest } = request.body;
      // An explained answer is built fresh (not from the serialized cache) so the explanation can be added.
      const { body, json } = await answerChat(
        {
          searcher,
          conversations: options.conversations,
          cache: wantsExplain ? undefined : cacheFor(searcher),
        },
        chatRequest,
      );
      options.logAnswer('api', request.body.message, body, searcher);
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
      // A cached answer is already serialized (the same JSON the response schema would produce).
      if (json !== undefined) return reply.type('application/json; charset=utf-8').send(json);
      if (wantsExplain && searcher.explain) {
        // The message as a first turn: retrieval is deterministic, so this is the search the answer used.
        const explain = await searcher.explain(chatRequest.message.trim(), {
          ...(chatRequest.top_k === undefined ? {} : { topK: chatRequest.top_k }),
          ...(chatRequest.category === undefined ? {} : { category: chatRequest.category }),
        });
        return { ...body, explain };
      }
      return body;
    },
  );
}
