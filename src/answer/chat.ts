/**
 * One chat turn: retrieval (with follow-up context), then composition. The HTTP route and `netkb ask` both
 * call `answerChat`, so they give the same answer for the same question and index.
 */
import { randomUUID } from 'node:crypto';
import type { RetrievalResult, Searcher, SearchOptions } from '../retrieve/types.js';
import { ChatCache } from './cache.js';
import { type Composed, type ComposeOptions, composeAnswer, DEFAULT_COMPOSE_OPTIONS } from './compose.js';
import { type ConversationHistory, chooseFollowUp, topicDocs } from './conversation.js';

/** The `POST /v1/chat` request body. */
export interface ChatRequest {
  message: string;
  conversation_id?: string;
  top_k?: number;
  category?: string;
}

export interface ChatContext {
  searcher: Searcher;
  conversations: ConversationHistory;
  /** Results and first-turn answers of this searcher (omit to compute every time). */
  cache?: ChatCache;
  compose?: ComposeOptions;
  newId?: () => string;
}

/** Earlier questions prepended to a follow-up: the last two, at most this many characters. */
const CONTEXT_TURNS = 2;
const CONTEXT_CHARS = 600;

export interface ChatAnswer extends Composed {
  /** The body already serialized as UTF-8 JSON (same as `JSON.stringify(body)`), when it came from the cache. */
  json?: Buffer;
}

export async function answerChat(context: ChatContext, request: ChatRequest): Promise<ChatAnswer> {
  const started = performance.now();
  const newId = context.newId ?? randomUUID;
  const conversationId = request.conversation_id ?? newId();
  const question = request.message.trim();
  const options: SearchOptions = {};
  if (request.top_k !== undefined) options.topK = request.top_k;
  if (request.category !== undefined) options.category = request.category;
  const history = request.conversation_id ? await context.conversations.history(conversationId) : [];
  const tookMs = () => Math.round((performance.now() - started) * 100) / 100;

  // A first turn depends only on the question and options: serve a cached answer when there is one.
  const answerKey = ChatCache.key(question, options);
  const cached = history.length === 0 ? context.cache?.answers.get(answerKey) : undefined;
  if (cached) {
    await context.conversations.append(conversationId, { question, docs: cached.docs });
    const id = newId();
    const took = tookMs();
    return {
      body: { id, conversation_id: conversationId, ...cached.body, took_ms: took },
      evidence: cached.evidence,
      json: Buffer.concat([
        Buffer.from(`{"id":${JSON.stringify(id)},"conversation_id":${JSON.stringify(conversationId)},`),
        cached.json,
        Buffer.from(`,"took_ms":${took}}`),
      ]),
    };
  }

  const search = (text: string) => cachedSearch(context, text, options);
  let result: RetrievalResult;
  let query = question;
  if (history.length === 0) {
    result = await search(question);
  } else {
    const earlier = history
      .slice(-CONTEXT_TURNS)
      .map((turn) => turn.question)
      .join(' ')
      .slice(-CONTEXT_CHARS);
    const contextualQuery = `${earlier} ${question}`;
    const [standalone, contextual] = await Promise.all([search(question), search(contextualQuery)]);
    const previousDocs = [...history].reverse().find((turn) => turn.docs.length > 0)?.docs ?? [];
    if (chooseFollowUp(question, standalone, contextual, previousDocs) === 'contextual') {
      result = contextual;
      query = contextualQuery;
    } else {
      result = standalone;
    }
  }

  const docs = topicDocs(result);
  await context.conversations.append(conversationId, { question, docs });
  const composed = composeAnswer(
    {
      question,
      result,
      query,
      history: history.map((turn) => turn.question),
      id: newId(),
      conversationId,
      tookMs: 0,
    },
    context.compose ?? DEFAULT_COMPOSE_OPTIONS,
  );
  if (history.length === 0 && context.cache) {
    const { id: _id, conversation_id: _conversation, took_ms: _took, ...template } = composed.body;
    const json = Buffer.from(JSON.stringify(template).slice(1, -1));
    context.cache.answers.set(answerKey, { body: template, json, evidence: composed.evidence, docs });
  }
  composed.body.took_ms = tookMs();
  return composed;
}

/** Searches through the result cache when there is one. */
async function cachedSearch(
  context: ChatContext,
  text: string,
  options: SearchOptions,
): Promise<RetrievalResult> {
  const cache = context.cache;
  if (!cache) return context.searcher.search(text, options);
  const key = ChatCache.key(text, options);
  const hit = cache.results.get(key);
  if (hit) return hit;
  const result = await context.searcher.search(text, options);
  cache.results.set(key, result);
  return result;
}
