/** Every eval question's real answer (bundled kb/), rendered for Slack, stays within Slack's limits. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerChat } from '../../../src/answer/chat.js';
import { ConversationStore } from '../../../src/answer/conversation.js';
import { ingestKb } from '../../../src/index/ingest-kb.js';
import { openSearcher } from '../../../src/index/open-searcher.js';
import { slackMessageProblems } from '../../../src/integrations/slack/limits.js';
import { renderSlackAnswer } from '../../../src/integrations/slack/render.js';
import type { Searcher } from '../../../src/retrieve/types.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let tmp: string;
let searcher: Searcher;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-slack-eval-'));
  const indexDir = path.join(tmp, 'index');
  const disabled = { embedder: null, vectorsDisabledReason: 'disabled in tests' };
  await ingestKb({ kbDir: path.join(ROOT, 'kb'), indexDir, ...disabled });
  searcher = await openSearcher(indexDir, disabled);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('Slack rendering of the eval set', () => {
  it('renders every eval answer within the limits, with copy-clean command blocks', async () => {
    const entries = parse(await readFile(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{
      question: string;
    }>;
    const conversations = new ConversationStore();
    let commands = 0;
    for (const { question } of entries) {
      const { body } = await answerChat({ searcher, conversations }, { message: question });
      const messages = renderSlackAnswer(body, { share: true });
      for (const message of messages) expect(slackMessageProblems(message), question).toEqual([]);
      const text = messages
        .flatMap((m) => m.blocks)
        .map((b) => (b.type === 'section' ? b.text.text : ''))
        .join('\n');
      for (const command of body.commands) {
        const escaped = command.command.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(text, question).toContain(`\`\`\`\n${escaped}\n\`\`\``);
        commands += 1;
      }
    }
    expect(entries.length).toBeGreaterThan(100);
    expect(commands).toBeGreaterThan(100);
  });
});
