/**
 * Every eval question's real answer (bundled kb/), rendered for Teams: a valid Adaptive Card 1.4 within Teams'
 * size, only OpenUrl actions, every command shown exactly and labelled by its safety.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerChat } from '../../../src/answer/chat.js';
import { ConversationStore } from '../../../src/answer/conversation.js';
import { ingestKb } from '../../../src/index/ingest-kb.js';
import { openSearcher } from '../../../src/index/open-searcher.js';
import { type CardElement, TEAMS_MAX_REPLY_BYTES } from '../../../src/integrations/teams/adaptive-card.js';
import { renderTeamsReply } from '../../../src/integrations/teams/render.js';
import type { Searcher } from '../../../src/retrieve/types.js';
import { adaptiveCardProblems } from '../../helpers/adaptive-card-schema.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let tmp: string;
let searcher: Searcher;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-teams-eval-'));
  const indexDir = path.join(tmp, 'index');
  const disabled = { embedder: null, vectorsDisabledReason: 'disabled in tests' };
  await ingestKb({ kbDir: path.join(ROOT, 'kb'), indexDir, ...disabled });
  searcher = await openSearcher(indexDir, disabled);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Each command box's exact text with the label line just above it. */
function commandBoxes(elements: CardElement[]): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  elements.forEach((element, index) => {
    const previous = elements[index - 1];
    if (element.type !== 'Container' || previous?.type !== 'TextBlock' || !previous.text.startsWith('**'))
      return;
    const lines = element.items.map((item) =>
      item.type === 'RichTextBlock' ? item.inlines.map((run) => run.text).join('') : '',
    );
    out.push({ label: previous.text, text: lines.join('\n') });
  });
  return out;
}

describe('Teams rendering of the eval set', () => {
  it('renders every eval answer as a valid card within the size, commands exact and labelled', async () => {
    const entries = parse(await readFile(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{
      question: string;
    }>;
    const conversations = new ConversationStore();
    let commands = 0;
    for (const { question } of entries) {
      const { body } = await answerChat({ searcher, conversations }, { message: question });
      const message = renderTeamsReply(body, { publicUrl: 'https://netkb.example.com' });
      const card = message.attachments[0].content;
      expect(adaptiveCardProblems(card), question).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(message)), question).toBeLessThanOrEqual(TEAMS_MAX_REPLY_BYTES);
      expect(
        (card.actions ?? []).every((a) => a.type === 'Action.OpenUrl'),
        question,
      ).toBe(true);
      const boxes = commandBoxes(card.body);
      expect(boxes.map((b) => b.text).sort(), question).toEqual(body.commands.map((c) => c.command).sort());
      for (const command of body.commands) {
        const box = boxes.find((b) => b.text === command.command);
        expect(box, `${question}: ${command.command}`).toBeDefined();
        const label = command.safety === 'read-only' ? '**read-only**' : '**⚠️ changes state**';
        const zhLabel = command.safety === 'read-only' ? '**只读**' : '**⚠️ 变更状态**';
        expect(
          [label, zhLabel].some((l) => box?.label.startsWith(l)),
          box?.label,
        ).toBe(true);
        commands += 1;
      }
    }
    expect(entries.length).toBeGreaterThan(100);
    expect(commands).toBeGreaterThan(100);
  });
});
