/**
 * A second process writing to the same database file (tests/store/sqlite-store.test.ts): logs `count` answers
 * with ids `<prefix>-<n>` in small batches and races for the shared claim keys. Prints the keys it won as JSON.
 */
import { SqliteStore } from '../../src/store/sqlite-store.js';

const [file = '', prefix = 'p', countText = '200'] = process.argv.slice(2);
// One process writes through the worker thread, the other inline: both paths share the file.
const store = new SqliteStore({
  path: file,
  maxBatch: 7,
  flushIntervalMs: 1,
  writer: prefix === 'a' ? 'worker' : 'inline',
});
const won: string[] = [];
for (let i = 0; i < Number(countText); i++) {
  store.logAnswer({
    answerId: `${prefix}-${i}`,
    at: Date.now(),
    channel: 'slack',
    question: `question ${i} from ${prefix}`,
    questionHash: 'h',
    topDoc: 'a.md',
    confidence: 0.9,
    abstained: false,
    latencyMs: 1,
    conversationId: null,
    indexGeneration: null,
  });
  if (await store.claimOnce(`event-${i}`, 60_000)) won.push(`event-${i}`);
  await store.appendTurn('shared-thread', { question: `${prefix} ${i}`, docs: [], at: Date.now() }, 60_000);
}
await store.close();
process.stdout.write(JSON.stringify(won));
