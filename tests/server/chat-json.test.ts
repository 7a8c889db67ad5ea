import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerChat, type ChatRequest } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import type { ChatBody } from '../../src/answer/types.js';
import { ChatResponseSchema } from '../../src/server/schemas.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let fixture: FixtureIndex;

beforeAll(async () => {
  fixture = await buildFixtureIndex(path.join(ROOT, 'kb'));
});

afterAll(async () => {
  await fixture.cleanup();
});

/** What Fastify's response-schema serializer writes for `body`. */
async function schemaSerializer(): Promise<(body: ChatBody) => Promise<string>> {
  const app = Fastify();
  let next: ChatBody | undefined;
  app.get('/', { schema: { response: { 200: ChatResponseSchema } } }, async () => next);
  await app.ready();
  return async (body) => {
    next = body;
    return (await app.inject({ method: 'GET', url: '/' })).body;
  };
}

describe('chat bodies as JSON', () => {
  // The chat route sends JSON.stringify(body) (and cached answers' stored JSON) instead of the schema serializer.
  it('JSON.stringify of every answer equals the response schema serialization', async () => {
    const serialize = await schemaSerializer();
    const questions = (
      parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{ question: string }>
    ).map((q) => q.question);
    const conversations = new ConversationStore();
    const requests: ChatRequest[] = questions.map((message) => ({ message }));
    requests.push(
      { message: 'geneve 隧道不通', cni: 'calico' },
      { message: 'dns', top_k: 1, category: 'dns' },
    );
    let previous: string | undefined;
    let compared = 0;
    for (const request of requests) {
      const { body } = await answerChat({ searcher: fixture.searcher, conversations }, request);
      expect(JSON.parse(JSON.stringify(body))).toEqual(JSON.parse(await serialize(body)));
      // And as a follow-up of the previous question (history, follow-up choice).
      if (previous) {
        const followUp = await answerChat(
          { searcher: fixture.searcher, conversations },
          { message: request.message, conversation_id: previous },
        );
        expect(JSON.parse(JSON.stringify(followUp.body))).toEqual(JSON.parse(await serialize(followUp.body)));
      }
      previous = body.conversation_id;
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
