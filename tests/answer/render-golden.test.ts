/**
 * Golden files for the answer's renderings: the JSON `answer` markdown and the terminal text (plain and colour),
 * each a pure function of the same chat body. Regenerate with `UPDATE_GOLDEN=1`, then review the diff.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { renderText } from '../../src/answer/render.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/golden/answers');

const QUESTIONS: Array<[name: string, question: string]> = [
  ['geneve-zh', 'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通'],
  ['coredns-en', 'coredns lookups time out from every pod, nslookup says i/o timeout'],
  ['clusterip-zh', 'pod web-0 -n shop 访问 svc api 的 clusterip 10.96.0.12:8080 报 connection refused'],
];

async function golden(file: string, actual: string): Promise<void> {
  const target = path.join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN) {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(target, actual);
  }
  expect(actual).toBe(await readFile(target, 'utf8'));
}

describe('answer renderings (golden files)', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it.each(QUESTIONS)('%s', async (name, question) => {
    let n = 0;
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore(), newId: () => `id-${++n}` },
      { message: question },
    );
    await golden(`${name}.md`, `${body.answer}\n`);
    await golden(`${name}.txt`, renderText(body, question));
    await golden(`${name}.color.txt`, renderText(body, question, { color: true }));
  });
});
