/**
 * The Slack HTTP endpoints (contract): `POST /slack/events`, `POST /slack/commands`, `POST /slack/interactions`.
 * Content-type parsers scoped to this plugin keep the raw body bytes: the signature is checked over exactly
 * those bytes before anything is parsed (401 BAD_SIGNATURE / STALE_REQUEST otherwise, nothing processed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NetkbError } from '../../core/errors.js';
import { parseBlockActions, parseEventEnvelope, parseSlashCommand } from './inbound.js';
import type { SlackService } from './service.js';
import { verifySlackSignature } from './signature.js';

export interface SlackRouteOptions {
  service: SlackService;
  signingSecret: string;
  /** Epoch seconds (tests freeze it for Slack's published vector). */
  nowSeconds?: () => number;
  /** Slack interaction payloads echo the whole message back: allow more than the chat API's limit. */
  bodyLimit?: number;
}

export const SLACK_BODY_LIMIT = 1024 * 1024;

export async function slackRoutes(app: FastifyInstance, options: SlackRouteOptions): Promise<void> {
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const bodyLimit = options.bodyLimit ?? SLACK_BODY_LIMIT;
  // Encapsulated in this plugin: every body stays a Buffer until its signature is verified.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  const verified = async (request: FastifyRequest): Promise<Buffer> => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const result = verifySlackSignature(
      options.signingSecret,
      {
        timestamp: header('x-slack-request-timestamp'),
        signature: header('x-slack-signature'),
        rawBody: request.body === undefined ? undefined : raw,
      },
      now(),
    );
    if (!result.ok) {
      request.log.warn({ code: result.code, reason: result.reason }, 'slack: request rejected');
      throw new NetkbError(result.code);
    }
    return raw;
  };

  app.post('/slack/events', { schema: { hide: true }, bodyLimit }, async (request, reply: FastifyReply) => {
    const raw = await verified(request);
    const envelope = parseEventEnvelope(parseJson(raw));
    if (!envelope) {
      // Slack would retry a 4xx; an event we cannot read will not get better.
      reply.header('x-slack-no-retry', '1');
      throw new NetkbError('BAD_REQUEST', 'not a Slack event envelope');
    }
    const retryNum = Number(request.headers['x-slack-retry-num']);
    const retryReason = request.headers['x-slack-retry-reason'];
    const result = await options.service.handleEvent(envelope, {
      num: Number.isInteger(retryNum) ? retryNum : undefined,
      reason: typeof retryReason === 'string' ? retryReason : undefined,
    });
    if (result) return reply.type('application/json; charset=utf-8').send(result);
    return reply.code(200).send();
  });

  app.post('/slack/commands', { schema: { hide: true }, bodyLimit }, async (request, reply) => {
    const raw = await verified(request);
    const command = parseSlashCommand(new URLSearchParams(raw.toString('utf8')));
    if (!command) throw new NetkbError('BAD_REQUEST', 'not a Slack slash-command payload');
    const response = await options.service.handleCommand(command);
    return reply.type('application/json; charset=utf-8').send(response);
  });

  app.post('/slack/interactions', { schema: { hide: true }, bodyLimit }, async (request, reply) => {
    const raw = await verified(request);
    const payload = new URLSearchParams(raw.toString('utf8')).get('payload');
    const json = payload === null ? undefined : parseJson(Buffer.from(payload));
    if (json === undefined) throw new NetkbError('BAD_REQUEST', 'not a Slack interaction payload');
    const actions = parseBlockActions(json);
    // Other interaction types (shortcuts, view submissions) are acknowledged and ignored.
    if (actions) options.service.handleInteraction(actions);
    return reply.code(200).send();
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new NetkbError('INVALID_JSON', 'Request body is not valid JSON');
  }
}
