/**
 * answerChat waits for a turn before each step that computes (server/fair-turns.ts): every search not in the
 * cache and the composition; a cached answer takes none.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChatCache } from '../../src/answer/cache.js';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import type { Searcher } from '../../src/retrieve/types.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(async () => {
  await fixture.cleanup();
});

/** The fixture's searcher, counting searches and checking each one runs on a turn granted for it. */
function counted(searcher: Searcher) {
  const counts = { turns: 0, searches: 0, outsideTurn: 0 };
  let granted = 0;
  const search: Searcher['search'] = async (text, options) => {
    counts.searches++;
    if (granted === 0) counts.outsideTurn++;
    else granted--;
    return searcher.search(text, options);
  };
  const turn = async () => {
    counts.turns++;
    granted++;
  };
  return { counts, turn, searcher: Object.assign(Object.create(searcher), { search }) as Searcher };
}

it('takes a turn before each search and before composing; none for a cached answer', async () => {
  const { counts, turn, searcher } = counted(fixture.searcher);
  const context = { searcher, conversations: new ConversationStore(), cache: new ChatCache(), turn };
  const first = await answerChat(context, { message: 'pods cannot resolve service names' });
  expect(counts.searches).toBeGreaterThan(0);
  expect(counts.outsideTurn).toBe(0);
  expect(counts.turns).toBe(counts.searches + 1);

  const before = { ...counts };
  const again = await answerChat(context, { message: 'pods cannot resolve service names' });
  expect(again.json).toBeDefined();
  expect(counts).toEqual(before);

  // A follow-up searches twice (alone and with the earlier question): a turn for each.
  await answerChat(context, {
    message: 'what about on the node',
    conversation_id: first.body.conversation_id,
  });
  expect(counts.outsideTurn).toBe(0);
  expect(counts.turns - before.turns).toBe(counts.searches - before.searches + 1);
  expect(counts.searches - before.searches).toBeGreaterThanOrEqual(2);
});
