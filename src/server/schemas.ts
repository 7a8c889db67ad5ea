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
    explain: Type.Optional(
      Type.Boolean({
        description:
          'Add `explain`: how retrieval reached this answer (normalized text, tokens, glossary groups, each ' +
          "retriever's candidates, the fused ranking, confidence parts and the reason). Off by default.",
      }),
    ),
    cni: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          "The cluster's CNI (a glossary name with `exclusive: cni`: kube-ovn, calico, cilium, flannel, " +
          'ovn-kubernetes …); overrides the deployment’s `--cni`. Docs about other CNIs are not cited. ' +
          'A name the knowledge base does not know is rejected with 400 BAD_REQUEST.',
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
    safety: Type.Union([Type.Literal('read-only'), Type.Literal('mutating'), Type.Literal('unknown')], {
      description:
        "'read-only' only when every stage is a known read-only form; 'mutating' for a known state change; " +
        "'unknown' when not proven read-only (show it like 'mutating').",
    }),
    group: Type.Union([Type.Literal('diagnose'), Type.Literal('fix')], {
      description:
        '`diagnose`: read-only checks, run in order; `fix`: not known to be read-only, check the impact first.',
    }),
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

const Cite = Type.Integer({ minimum: 1, description: '1-based: citations[cite - 1].' });
const CitedTextSchema = Type.Object({ text: Type.String(), cite: Cite }, { additionalProperties: false });
const DocPointerFields = {
  title: Type.String(),
  path: Type.String(),
  section: Type.String(),
  cite: Cite,
};

export const StructuredAnswerSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('answer'), Type.Literal('clarify'), Type.Literal('abstain')]),
    lang: Type.Union([Type.Literal('zh'), Type.Literal('en')]),
    title: Type.String({
      description: "The top runbook's title, or the one-line notice when not answering.",
    }),
    section: Type.String(),
    direct: Type.Union([CitedTextSchema, Type.Null()], {
      description: 'The KB line that states the fact the question asks for.',
    }),
    gist: Type.Union([CitedTextSchema, Type.Null()]),
    path: Type.Union([
      Type.Object(
        {
          format: Type.Union([Type.Literal('mermaid'), Type.Literal('text')]),
          diagram: Type.String(),
          hops: Type.Array(Type.String()),
          cite: Cite,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    causes: Type.Array(
      Type.Object(
        { symptom: Type.String(), cause: Type.String(), fix: Type.String(), cite: Cite },
        { additionalProperties: false },
      ),
    ),
    cni: Type.Union([
      Type.Object(
        {
          cni: Type.Union([Type.String(), Type.Null()]),
          source: Type.Union([
            Type.Literal('configured'),
            Type.Literal('request'),
            Type.Literal('question'),
            Type.Literal('conversation'),
            Type.Literal('assumed'),
          ]),
          alternatives: Type.Array(
            Type.Object({ ...DocPointerFields, cni: Type.String() }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    related: Type.Array(Type.Object(DocPointerFields, { additionalProperties: false })),
    asks: Type.Array(Type.String()),
  },
  {
    additionalProperties: false,
    description: 'The answer as data; `answer` (markdown) and every chat channel render it.',
  },
);

const ExplainedChunkFields = {
  doc: Type.String(),
  heading: Type.String(),
  lines: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2, maxItems: 2 }),
  score: Type.Number(),
};
const ExplainedChunk = Type.Object(ExplainedChunkFields, { additionalProperties: false });
const ConfidencePartsFields = {
  trigger: Type.Number(),
  lexical_coverage: Type.Number(),
  lexical_topic: Type.Number(),
  vector: Type.Number(),
  combined: Type.Number(),
};

/** `netkb explain --json` and the chat body's `explain` (src/retrieve/explain.ts). */
export const ExplainSchema = Type.Object(
  {
    normalized: Type.String(),
    corrected: Type.String({ description: 'After typo correction against the KB vocabulary.' }),
    focus: Type.String({ description: 'The failing part of the question.' }),
    working: Type.String({ description: "Clauses that say what works ('' when none)." }),
    tokens: Type.Array(Type.String()),
    terms: Type.Array(
      Type.Object({ term: Type.String(), weight: Type.Number() }, { additionalProperties: false }),
    ),
    glossary: Type.Array(
      Type.Object(
        {
          group: Type.String(),
          terms: Type.Array(Type.String()),
          exclusive: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    triggers: Type.Union([
      Type.Array(
        Type.Object(
          { doc: Type.String(), score: Type.Number(), matched: Type.Array(Type.String()) },
          { additionalProperties: false },
        ),
      ),
      Type.Null(),
    ]),
    lexical: Type.Union([Type.Array(ExplainedChunk), Type.Null()]),
    vector: Type.Union([Type.Array(ExplainedChunk), Type.Null()]),
    fused: Type.Array(
      Type.Object(
        {
          rank: Type.Integer({ minimum: 1 }),
          ...ExplainedChunkFields,
          via: Type.Array(RetrieverName),
          matched_triggers: Type.Array(Type.String()),
          coverage: Type.Union([Type.Number(), Type.Null()]),
          topic_coverage: Type.Union([Type.Number(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    confidence: Type.Object(
      { ...ConfidencePartsFields, threshold: Type.Number() },
      { additionalProperties: false },
    ),
    abstained: Type.Boolean(),
    reason: Type.String(),
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
    structured: StructuredAnswerSchema,
    retrievers: Type.Object(
      { trigger: RetrieverStatus, lexical: RetrieverStatus, vector: RetrieverStatus },
      { additionalProperties: false },
    ),
    took_ms: Type.Number({ minimum: 0 }),
    explain: Type.Optional(ExplainSchema),
  },
  { additionalProperties: false },
);

export const FeedbackRequestSchema = Type.Object(
  {
    answer_id: Type.String({
      minLength: 1,
      maxLength: 128,
      pattern: '^[A-Za-z0-9._:-]+$',
      description: 'The `id` of a `/v1/chat` answer.',
    }),
    helpful: Type.Boolean({ description: 'Did the answer help?' }),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'What was missing or wrong.' })),
  },
  { additionalProperties: false },
);
export type FeedbackRequestBody = Static<typeof FeedbackRequestSchema>;

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
    vectors: Type.String({ description: '`enabled` or `disabled: <why>` (filesystem paths redacted).' }),
    slack: Type.Union([Type.Literal('off'), Type.Literal('http'), Type.Literal('socket')], {
      description:
        'Slack app: `off` (not configured), `http` (Events API endpoints) or `socket` (Socket Mode).',
    }),
    teams: Type.Union([Type.Literal('off'), Type.Literal('on')], {
      description: 'Whether POST /teams/messages is served (NETKB_TEAMS_SECRET set).',
    }),
    generation: Type.Optional(Type.String({ description: 'The index generation being served.' })),
    serial: Type.Optional(Type.Integer({ minimum: 1, description: 'Increments with every index swap.' })),
    loaded_at: Type.Optional(Type.String()),
    reloading: Type.Optional(Type.Boolean()),
    last_reload_error: Type.Optional(
      Type.Union([
        Type.Object(
          { code: Type.String(), message: Type.String(), at: Type.String() },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    store: Type.String({
      description:
        'Query log, feedback, conversations and claims: `off` (no store), `ok`, or `degraded: <why>` while the ' +
        'database cannot be reached (chat keeps answering, without history; writes resume when it is back).',
    }),
    store_losses: Type.Integer({
      minimum: 0,
      description: 'Conversation reads and writes skipped since start because the store failed or was slow.',
    }),
    index_generation: Type.Union([Type.String(), Type.Null()], {
      description:
        'The loaded index generation (its name is per build: each replica that ingests has its own).',
    }),
    kb_fingerprint: Type.String({
      description:
        'Hash of the served docs (paths and contents): replicas serving the same KB show the same value.',
    }),
  },
  { additionalProperties: false },
);

/** Error responses every route can give (the router's own 404 is not per route). */
export const COMMON_ERRORS = { 500: ErrorSchema } as const;
