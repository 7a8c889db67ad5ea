/**
 * The Slack HTTP endpoints (contract): `POST /slack/events`, `POST /slack/commands`, `POST /slack/interactions`.
 * Content-type parsers scoped to this plugin keep the raw body bytes: the signature is checked over exactly
 * those bytes before anything is parsed (401 BAD_SIGNATURE / STALE_REQUEST otherwise, nothing processed).
 * NETKB_RATE_LIMIT applies per Slack user on these routes (`perUser`, checked after the signature), not per IP.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NetkbError } from '../../core/errors.js';
import { type PerUserConfig, SignedBody } from '../chat/signed-body.js';
import {
  eventUser,
  interactionUser,
  parseBlockActions,
  parseEventEnvelope,
  parseSlashCommand,
  slashCommandUser,
} from './inbound.js';
import type { SlackService } from './service.js';
import { verifySlackSignature } from './signature.js';

export interface SlackRouteOptions {
  service: SlackService;
  signingSecret: string;
  /** Epoch seconds (tests freeze it for Slack's published vector). */
  nowSeconds?: () => number;
  /** Slack interaction payloads echo the whole message back: allow more than the chat API's limit. */
  bodyLimit?: number;
  /**
   * Route config that keys NETKB_RATE_LIMIT by the Slack user a verified request names (the server passes its
   * `perUserRateLimit`); omitted: the routes are limited like any other (per client IP).
   */
  perUser?: PerUserConfig;
}

export const SLACK_BODY_LIMIT = 1024 * 1024;

export async function slackRoutes(app: FastifyInstance, options: SlackRouteOptions): Promise<void> {
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const bodyLimit = options.bodyLimit ?? SLACK_BODY_LIMIT;
  const perUser = options.perUser;
  // Encapsulated in this plugin: every body stays a Buffer until its signature is verified.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  // Verified before anything reads the body: the route's first preHandler, so the per-user rate limit (appended
  // after it) trusts the user the body names, and an unsigned request spends no one's budget.
  const verify = (request: FastifyRequest): Buffer | NetkbError => {
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
      return new NetkbError(result.code);
    }
    return raw;
  };
  const events = new SignedBody(verify, (raw) => parseEventEnvelope(parseJson(raw)));
  const commands = new SignedBody(verify, (raw) =>
    parseSlashCommand(new URLSearchParams(raw.toString('utf8'))),
  );
  const interactions = new SignedBody(verify, (raw) => {
    const payload = new URLSearchParams(raw.toString('utf8')).get('payload');
    const json = payload === null ? undefined : parseJson(Buffer.from(payload));
    if (json === undefined) throw new NetkbError('BAD_REQUEST', 'not a Slack interaction payload');
    return json;
  });
  // Every request comes from Slack's addresses: the budget is per Slack user (the IP when no user is named).
  const route = <T>(signed: SignedBody<Buffer, T>, userOf: (body: T) => string | undefined) => ({
    schema: { hide: true },
    bodyLimit,
    preHandler: signed.preHandler,
    ...(perUser ? { config: perUser((request) => signed.user(request, userOf)) } : {}),
  });

  app.post('/slack/events', route(events, eventUser), async (request, reply: FastifyReply) => {
    const envelope = events.body(request);
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

  app.post('/slack/commands', route(commands, slashCommandUser), async (request, reply) => {
    const command = commands.body(request);
    if (!command) throw new NetkbError('BAD_REQUEST', 'not a Slack slash-command payload');
    const response = await options.service.handleCommand(command);
    return reply.type('application/json; charset=utf-8').send(response);
  });

  app.post('/slack/interactions', route(interactions, interactionUser), async (request, reply) => {
    const actions = parseBlockActions(interactions.body(request));
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
