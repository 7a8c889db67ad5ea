/**
 * Route schemas (TypeBox → JSON Schema). Fastify validates requests and serializes responses with them, and
 * @fastify/swagger turns them into the OpenAPI document, so this file is the HTTP contract.
 */
import { type Static, Type } from '@sinclair/typebox';
import { ERRORS } from '../core/errors.js';

export const MAX_MESSAGE_CHARS = 2000;

export const ChatRequestSchema = Type.Object(
  {
    message: Type.String({
      minLength: 1,
      maxLength: MAX_MESSAGE_CHARS,
      pattern: '\\S',
      description: 'The question, 1–2000 characters (Unicode code points), not only whitespace.',
    }),
    conversation_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        pattern: '^[A-Za-z0-9._:-]+$',
        description: 'Continue a conversation (follow-up questions keep its topic). Omit to start a new one.',
      }),
    ),
    top_k: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10, description: 'Hits to retrieve (default 5).' }),
    ),
    category: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$',
        description: 'Only docs of this category (see kb/README.md); an unknown category finds nothing.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Unknown fields are rejected with 400 BAD_REQUEST (not ignored), so typos never pass silently.',
  },
);
export type ChatRequestBody = Static<typeof ChatRequestSchema>;

const RetrieverStatus = Type.Object(
  {
    hits: Type.Integer({ minimum: 0 }),
    took_ms: Type.Number({ minimum: 0 }),
    status: Type.Union([Type.Literal('ok'), Type.Literal('disabled'), Type.Literal('over_budget')], {
      description: '`over_budget`: skipped because the question used up its time budget first.',
    }),
  },
  { additionalProperties: false },
);

const RetrieverName = Type.Union([Type.Literal('trigger'), Type.Literal('lexical'), Type.Literal('vector')]);

export const CitationSchema = Type.Object(
  {
    path: Type.String({ description: 'Doc path relative to the KB root.' }),
    title: Type.String(),
    heading: Type.String({ description: "Nearest heading at or above the cited lines; '' when none." }),
    lines: Type.Array(Type.Integer({ minimum: 1 }), {
      minItems: 2,
      maxItems: 2,
      description: '1-based inclusive [start, end] file lines that contain the cited text.',
    }),
    score: Type.Number(),
    via: Type.Array(RetrieverName),
    matched_triggers: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

export const CommandSchema = Type.Object(
  {
    command: Type.String({ description: 'Runnable command; placeholders the question named are filled in.' }),
    purpose: Type.String(),
    safety: Type.Union([Type.Literal('read-only'), Type.Literal('mutating')]),
    fills: Type.Array(
      Type.Object({ placeholder: Type.String(), value: Type.String() }, { additionalProperties: false }),
    ),
    source: Type.Object(
      { path: Type.String(), line: Type.Integer({ minimum: 1 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ChatResponseSchema = Type.Object(
  {
    id: Type.String(),
    conversation_id: Type.String(),
    answer: Type.String({ description: 'Markdown; [n] marks refer to citations[n-1].' }),
    abstained: Type.Boolean(),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    citations: Type.Array(CitationSchema),
    commands: Type.Array(CommandSchema, { description: 'Read-only first; empty when abstained.' }),
    retrievers: Type.Object(
      { trigger: RetrieverStatus, lexical: RetrieverStatus, vector: RetrieverStatus },
      { additionalProperties: false },
    ),
    took_ms: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const ERROR_CODES = Object.keys(ERRORS).map((code) => Type.Literal(code));

export const ErrorSchema = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Union(ERROR_CODES, { description: 'Stable code (see README, "Error codes").' }),
        message: Type.String(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorSchema>;

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });

export const ReadySchema = Type.Object(
  {
    status: Type.Literal('ready'),
    docs: Type.Integer({ minimum: 0 }),
    chunks: Type.Integer({ minimum: 0 }),
    vectors: Type.String({ description: '`enabled` or `disabled: <why>`.' }),
  },
  { additionalProperties: false },
);

/** Error responses every route can give (the router's own 404 is not per route). */
export const COMMON_ERRORS = { 500: ErrorSchema } as const;
