import type { FastifyInstance } from 'fastify';
import { NetkbError } from '../../core/errors.js';
import type { Store } from '../../store/types.js';
import { channelOf } from '../channel.js';
import { ErrorSchema, type FeedbackRequestBody, FeedbackRequestSchema } from '../schemas.js';

export interface FeedbackRouteOptions {
  /** null when the query log is off: no answer can be found then. */
  store: Store | null;
}

export async function feedbackRoutes(app: FastifyInstance, options: FeedbackRouteOptions): Promise<void> {
  app.post<{ Body: FeedbackRequestBody }>(
    '/v1/feedback',
    {
      onRequest: async (request) => {
        const type = request.headers['content-type'];
        if (!type || !/^application\/json\s*(?:;|$)/i.test(type))
          throw new NetkbError('UNSUPPORTED_MEDIA_TYPE');
      },
      schema: {
        summary: 'Say whether an answer helped',
        description:
          'Recorded against the answer in the query log (`netkb report feedback`). 404 UNKNOWN_ANSWER when the ' +
          'log holds no answer with this id (never given, pruned by retention, or the log is off).',
        body: FeedbackRequestSchema,
        response: {
          204: { type: 'null', description: 'Recorded.' },
          400: ErrorSchema,
          404: ErrorSchema,
          413: ErrorSchema,
          415: ErrorSchema,
          500: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const outcome = options.store
        ? await options.store.recordFeedback({
            answerId: body.answer_id,
            helpful: body.helpful,
            ...(body.comment === undefined ? {} : { comment: body.comment }),
            channel: channelOf(request.headers),
          })
        : 'unknown-answer';
      if (outcome === 'unknown-answer') {
        throw new NetkbError('UNKNOWN_ANSWER', `No answer with id ${body.answer_id} in the query log`);
      }
      return reply.code(204).send();
    },
  );
}
