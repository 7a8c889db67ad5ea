import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatBody } from '../../../src/answer/types.js';
import { SLACK_LIMITS, type SlackMessage } from '../../../src/integrations/slack/block-kit.js';
import { slackMessageProblems } from '../../../src/integrations/slack/limits.js';
import {
  ACTION_IDS,
  parseActionValue,
  renderSlackAnswer,
  withFeedbackTaken,
} from '../../../src/integrations/slack/render.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/slack');
const load = (name: string): ChatBody =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.body.json`), 'utf8')) as ChatBody;

/** Golden files: structured answer (a real body from `netkb ask --json`) → Block Kit JSON. */
function expectGolden(name: string, messages: SlackMessage[]): void {
  const file = path.join(FIXTURES, `${name}.blocks.json`);
  const json = `${JSON.stringify(messages, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, json);
  expect(json).toBe(readFileSync(file, 'utf8'));
}

function allSectionText(messages: SlackMessage[]): string {
  return messages
    .flatMap((m) => m.blocks)
    .map((b) => (b.type === 'section' ? b.text.text : ''))
    .join('\n');
}

describe('Slack Block Kit rendering', () => {
  for (const name of ['answer-zh', 'answer-en', 'abstain-en']) {
    it(`renders ${name} as in its golden file, within Slack's limits`, () => {
      const messages = renderSlackAnswer(load(name), { share: true });
      for (const message of messages) expect(slackMessageProblems(message)).toEqual([]);
      expectGolden(name, messages);
    });
  }

  it('puts each command alone in its code block, labels outside, fixes marked as changing state', () => {
    const body = load('answer-en');
    const text = allSectionText(renderSlackAnswer(body));
    const blocks = [...text.matchAll(/```\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    const escaped = body.commands.map((c) =>
      c.command.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(blocks).toEqual(escaped);
    expect(text).toContain('*⚠️ changes state* · 放行节点间 Geneve UDP 6081');
    expect(text).not.toContain('[变更]');
    // Placeholders are escaped (Slack shows &lt; as <, so a copied command is exactly the KB's).
    expect(text).toContain('kubectl annotate node &lt;node-name&gt;');
    expect(text.indexOf('Diagnose (read-only')).toBeLessThan(text.indexOf('Fixes (change state'));
  });

  it('turns a text diagram into a hop list and cites sources as path:lines — heading', () => {
    const body = load('answer-zh');
    const [message] = renderSlackAnswer(body);
    const text = allSectionText([message as SlackMessage]);
    expect(text).toContain('*流量路径* [3]\n• Pod A (10.16.0.2, eth0)  目标: 192.168.1.10:6443');
    expect(text).not.toContain('▼');
    const contexts = message?.blocks.filter((b) => b.type === 'context') ?? [];
    const sourceLines = contexts.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []));
    const first = body.citations[0];
    expect(sourceLines).toContain(
      `[1] ${first?.path}:${first?.lines[0]}-${first?.lines[1]}${first?.heading ? ` — ${first.heading}` : ''}`,
    );
    expect(message?.text.startsWith('Kube-OVN Join 网络：Pod 访问节点 IP / 宿主机服务 — ')).toBe(true);
  });

  it('abstains with a short notice, the closest runbooks and what would help', () => {
    const [message] = renderSlackAnswer(load('abstain-en'));
    expect(message?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: "I don't know this one", emoji: true },
    });
    const text = allSectionText([message as SlackMessage]);
    expect(text).toContain('*Closest documents:*\n• *Headless Service 与 StatefulSet Pod DNS* — 概述 [1]');
    expect(text).toContain('*This information would help:*\n• Which CNI');
    expect(message?.text).toContain("I don't know this one");
  });

  it('mermaid diagrams become hop lists; a long answer splits sections and messages within the limits', () => {
    const body = load('answer-zh');
    const long: ChatBody = {
      ...body,
      structured: {
        ...body.structured,
        title: 'T'.repeat(400),
        gist: {
          text: Array.from({ length: 200 }, (_, i) => `line ${i} **bold** & <tag>`).join('\n'),
          cite: 1,
        },
        path: {
          format: 'mermaid',
          diagram: 'sequenceDiagram\n  A->>B: hello',
          hops: ['Pod → br-int: veth', 'br-int → ovn0: patch'],
          cite: 1,
        },
      },
      commands: Array.from({ length: 60 }, (_, i) => ({
        ...(body.commands[0] as ChatBody['commands'][number]),
        command: `for i in $(seq 1 ${i}); do\n${'  echo "x" > /tmp/out\n'.repeat(i === 5 ? 200 : 1)}done`,
        safety: i % 2 === 0 ? 'read-only' : ('unknown' as 'mutating'),
      })),
    };
    const messages = renderSlackAnswer(long, { share: true });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(slackMessageProblems(message)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    }
    const header = messages[0]?.blocks[0];
    expect(header?.type === 'header' && Array.from(header.text.text).length).toBe(150);
    const text = allSectionText(messages);
    expect(text).toContain('• Pod → br-int: veth\n• br-int → ovn0: patch');
    expect(text).toContain('*bold* &amp; &lt;tag&gt;');
    // The 200-line command was split across sections with its fence closed and reopened, no line cut.
    const pieces = messages
      .flatMap((m) => m.blocks)
      .filter((b) => b.type === 'section' && b.text.text.includes('echo'));
    expect(pieces.length).toBeGreaterThan(30);
    for (const piece of pieces) {
      if (piece.type !== 'section') continue;
      for (const line of piece.text.text.split('\n').filter((l) => l.includes('echo'))) {
        expect(line).toBe('  echo "x" &gt; /tmp/out');
      }
    }
    // 'unknown' safety is treated like mutating.
    expect(text).toContain('*⚠️ 变更状态* ·');
    // Feedback buttons end the last message only.
    const actions = messages.map((m) => m.blocks.filter((b) => b.type === 'actions').length);
    expect(actions.at(-1)).toBe(1);
    expect(actions.slice(0, -1).every((n) => n === 0)).toBe(true);
  });

  it('replaces the feedback buttons with a thank-you line, keeping the share button', () => {
    const body = load('answer-en');
    const [message] = renderSlackAnswer(body, { share: true });
    const blocks = withFeedbackTaken(message?.blocks ?? [], 'en', { helpful: true, user: 'U123' });
    const last = blocks.at(-1);
    expect(last?.type === 'actions' && last.elements.map((e) => e.action_id)).toEqual([ACTION_IDS.share]);
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '👍 Feedback recorded from <@U123>, thank you!' }],
    });
    expect(slackMessageProblems({ text: 'x', blocks })).toEqual([]);
    const value = last?.type === 'actions' ? last.elements[0]?.value : '';
    expect(parseActionValue(value ?? '')).toEqual({ lang: 'en', answerId: body.id });
  });

  it('a clarify answer has its own header, the likely runbooks, what to add and any first checks', () => {
    const abstain = load('abstain-en');
    const answer = load('answer-en');
    const clarify: ChatBody = {
      ...abstain,
      commands: answer.commands.slice(0, 2),
      citations: answer.citations,
      structured: { ...abstain.structured, kind: 'clarify', title: 'Which of these is it?' },
    };
    const [message] = renderSlackAnswer(clarify);
    expect(message && slackMessageProblems(message)).toEqual([]);
    expect(message?.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'I need a bit more to go on' },
    });
    const text = allSectionText([message as SlackMessage]);
    expect(text).toContain('Which of these is it?');
    expect(text).toContain('*This information would help:*');
    expect(text).toContain('*Diagnose (read-only, run in order)*');
  });

  it('the limit validator catches what Slack would reject', () => {
    const problems = slackMessageProblems({
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`\n${'y'.repeat(3001)}` } },
        { type: 'context', elements: [] },
        ...Array.from({ length: 50 }, () => ({ type: 'divider' as const })),
      ],
    });
    expect(problems).toEqual([
      'text fallback is empty',
      '53 blocks (max 50)',
      'block 0 (header): header text length 151 (1..150)',
      'block 1 (section): section text length 3005 (1..3000)',
      'block 1 (section): a code fence is left open',
      'block 2 (context): 0 elements (1..10)',
    ]);
  });
});
