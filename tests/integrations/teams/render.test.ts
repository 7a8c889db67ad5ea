import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatBody, ChatCommand } from '../../../src/answer/types.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  type CardElement,
  TEAMS_MAX_REPLY_BYTES,
  type TeamsMessage,
} from '../../../src/integrations/teams/adaptive-card.js';
import { docUrl, renderTeamsHelp, renderTeamsReply } from '../../../src/integrations/teams/render.js';
import { adaptiveCardProblems } from '../../helpers/adaptive-card-schema.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/teams');
const PUBLIC_URL = 'https://netkb.example.com';
const load = (name: string): ChatBody =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.body.json`), 'utf8')) as ChatBody;

/** Golden files: structured answer (a real body from `netkb ask --json`) → Teams reply JSON. */
function expectGolden(name: string, message: TeamsMessage): void {
  const file = path.join(FIXTURES, `${name}.card.json`);
  const json = `${JSON.stringify(message, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, json);
  expect(json).toBe(readFileSync(file, 'utf8'));
}

const cardOf = (message: TeamsMessage): AdaptiveCard => message.attachments[0].content;

/** Every element, depth first. */
function walk(elements: CardElement[]): CardElement[] {
  return elements.flatMap((e) => (e.type === 'Container' ? [e, ...walk(e.items)] : [e]));
}

/** The exact text of each monospace box (one line per RichTextBlock). */
function codeBoxes(card: AdaptiveCard): string[] {
  return walk(card.body).flatMap((e) =>
    e.type === 'Container' && e.items.every((i) => i.type === 'RichTextBlock')
      ? [
          e.items
            .map((i) => (i.type === 'RichTextBlock' ? i.inlines.map((r) => r.text).join('') : ''))
            .join('\n'),
        ]
      : [],
  );
}

function texts(card: AdaptiveCard): string[] {
  return walk(card.body).flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));
}

/** Every `type` in the card that names an action. */
function actionTypes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(actionTypes);
  if (value && typeof value === 'object') {
    const own = (value as { type?: unknown }).type;
    const found = typeof own === 'string' && own.startsWith('Action.') ? [own] : [];
    return [...found, ...Object.values(value).flatMap(actionTypes)];
  }
  return [];
}

function expectValidReply(message: TeamsMessage): void {
  expect(message.type).toBe('message');
  expect(message.attachments).toHaveLength(1);
  expect(message.attachments[0].contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  expect(adaptiveCardProblems(cardOf(message))).toEqual([]);
  expect(new Set(actionTypes(message))).toEqual(
    new Set(actionTypes(message).length ? ['Action.OpenUrl'] : []),
  );
  expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MAX_REPLY_BYTES);
  expect(cardOf(message).fallbackText.length).toBeGreaterThan(0);
}

describe('Adaptive Card 1.4 schema check', () => {
  it('rejects what Adaptive Cards 1.4 does not have, so the checks below can fail', () => {
    const card = cardOf(renderTeamsReply(load('answer-en')));
    expect(adaptiveCardProblems({ ...card, body: [{ type: 'CodeBlock', codeSnippet: 'ls' }] })).not.toEqual(
      [],
    );
    expect(adaptiveCardProblems({ ...card, body: [{ type: 'TextBlock', wrap: true }] })).not.toEqual([]);
    expect(adaptiveCardProblems({ ...card, msteams: { width: 'Full' } })).not.toEqual([]);
    expect(
      adaptiveCardProblems({ ...card, actions: [{ type: 'Action.OpenUrl', title: 'x', url: 'not a url' }] }),
    ).not.toEqual([]);
  });
});

describe('Teams Adaptive Card rendering', () => {
  const cases: [string, string, string | null][] = [
    ['answer-zh', 'answer-zh', null],
    ['answer-en', 'answer-en', null],
    ['abstain-en', 'abstain-en', null],
    ['clarify-zh', 'clarify-zh', PUBLIC_URL],
    ['answer-en-full', 'answer-en-full', PUBLIC_URL],
  ];
  for (const [fixture, golden, publicUrl] of cases) {
    it(`renders ${fixture} as in its golden file, a valid 1.4 card within Teams' size`, () => {
      const message = renderTeamsReply(load(fixture), { publicUrl });
      expectValidReply(message);
      expectGolden(golden, message);
    });
  }

  it('renders the help card for an empty question', () => {
    const message = renderTeamsHelp();
    expectValidReply(message);
    expectGolden('help', message);
  });

  it('shows every command exactly (copyable), labels outside the box, state changes marked', () => {
    const body = load('answer-en');
    const card = cardOf(renderTeamsReply(body));
    const commandBoxes = codeBoxes(card).slice(1); // the first box is the traffic path
    expect(commandBoxes).toEqual(body.commands.map((c) => c.command));
    expect(commandBoxes.some((c) => c.includes('<node-name>'))).toBe(true);
    const all = texts(card);
    const fixLabels = all.filter((t) => t.startsWith('**⚠️ changes state**'));
    expect(fixLabels.length).toBe(body.commands.filter((c) => c.safety === 'mutating').length);
    expect(all.join('\n')).not.toContain('[变更]');
    const diagnoseAt = all.findIndex((t) => t.startsWith('Diagnose (read-only'));
    const fixesAt = all.findIndex((t) => t.startsWith('Fixes (change state'));
    expect(diagnoseAt).toBeGreaterThan(0);
    expect(fixesAt).toBeGreaterThan(diagnoseAt);
  });

  it('treats a safety other than read-only as changing state and shows filled placeholders', () => {
    const body = load('answer-en-full');
    const unknown = body.commands[1] as ChatCommand;
    expect(unknown.safety).toBe('unknown');
    const all = texts(cardOf(renderTeamsReply(body))).join('\n');
    expect(all).toContain('Filled in from the question: <pod> → frontend-5c7d9');
    expect(all).toContain('Answered for kube-ovn');
    expect(all).toContain('Geneve uses **UDP port 6081**'.replace(/\*\*/g, ''));
    const card = cardOf(renderTeamsReply(body));
    const boxes = codeBoxes(card).slice(1);
    // The unknown-safety command moved among the fixes, after every read-only one.
    expect(boxes.indexOf(unknown.command)).toBeGreaterThan(
      Math.max(...body.commands.filter((c) => c.safety === 'read-only').map((c) => boxes.indexOf(c.command))),
    );
  });

  it('turns the traffic path into hop lines and cites sources, linked to the doc view when public', () => {
    const body = load('answer-zh');
    const plain = cardOf(renderTeamsReply(body));
    expect(codeBoxes(plain)[0]?.split('\n')).toEqual(
      body.structured.path?.hops.map((h) => h.replace(/\s{2,}/g, '  ').trim()),
    );
    expect(texts(plain)).toContain(
      `[1] ${body.citations[0]?.path}:${body.citations[0]?.lines.join('-')}${body.citations[0]?.heading ? ` — ${body.citations[0].heading}` : ''}`,
    );
    expect(plain.actions).toBeUndefined();

    const linked = cardOf(renderTeamsReply(body, { publicUrl: PUBLIC_URL }));
    const top = body.citations[0] as ChatBody['citations'][number];
    expect(linked.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: '查看文档',
        url: `${PUBLIC_URL}/docs/${top.path}#L${top.lines[0]}-L${top.lines[1]}`,
      },
    ]);
    expect(
      texts(linked).some((t) => t.startsWith(`[1] [${top.path}`) && t.includes(`](${PUBLIC_URL}/docs/`)),
    ).toBe(true);
  });

  it('encodes doc paths for the URL', () => {
    expect(docUrl(PUBLIC_URL, { path: 'kube ovn/跨节点.md', lines: [3, 9] })).toBe(
      `${PUBLIC_URL}/docs/kube%20ovn/%E8%B7%A8%E8%8A%82%E7%82%B9.md#L3-L9`,
    );
    expect(docUrl(PUBLIC_URL, { path: 'faq/mtu (jumbo).md', lines: [1, 2] })).toBe(
      `${PUBLIC_URL}/docs/faq/mtu%20%28jumbo%29.md#L1-L2`,
    );
  });

  it('keeps abstentions short: notice, what would help, closest runbooks, no commands', () => {
    const body = load('abstain-en');
    const card = cardOf(renderTeamsReply(body));
    expect(codeBoxes(card)).toEqual([]);
    const all = texts(card);
    expect(all[0]).toBe("I don't know this one");
    for (const ask of body.structured.asks) expect(all).toContain(`- ${ask}`);
    expect(all.some((t) => t.includes(body.structured.related[0]?.title ?? '?'))).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(4000);
  });
});

describe("Teams' message size", () => {
  /** The English answer with `count` extra copies of its commands, each made long. */
  function oversized(count: number, extra: string): ChatBody {
    const body = load('answer-en');
    const commands = Array.from({ length: count }, (_, i) => {
      const base = body.commands[i % body.commands.length] as ChatCommand;
      return { ...base, command: `${base.command} # ${i} ${extra}` };
    });
    return { ...body, commands: [...body.commands, ...commands] };
  }

  it('drops the lowest-ranked parts first and never cuts a command', () => {
    const body = oversized(40, 'x'.repeat(900));
    const full = renderTeamsReply(body, { maxBytes: Number.POSITIVE_INFINITY });
    expect(Buffer.byteLength(JSON.stringify(full))).toBeGreaterThan(TEAMS_MAX_REPLY_BYTES);

    const message = renderTeamsReply(body);
    expectValidReply(message);
    const card = cardOf(message);
    const shown = codeBoxes(card).slice(1);
    const ordered = [
      ...body.commands.filter((c) => c.safety === 'read-only'),
      ...body.commands.filter((c) => c.safety !== 'read-only'),
    ].map((c) => c.command);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(ordered.length);
    // Whole commands, the highest-ranked ones.
    expect(shown).toEqual(ordered.slice(0, shown.length));
    expect(texts(card)).toContain("Some lower-ranked parts are left out to fit Teams' message size.");
    // "Also relevant" goes before any cause.
    expect(texts(card).some((t) => t.startsWith('Also relevant'))).toBe(false);
    expect(texts(card).some((t) => t.startsWith('Likely causes'))).toBe(true);
  });

  it('drops a command too large for any message instead of cutting it', () => {
    const body = load('answer-en');
    const huge = { ...(body.commands[0] as ChatCommand), command: `echo ${'y'.repeat(40_000)}` };
    const message = renderTeamsReply({ ...body, commands: [huge] });
    expectValidReply(message);
    expect(codeBoxes(cardOf(message)).slice(1)).toEqual([]);
    expect(JSON.stringify(message)).not.toContain('yyyyyyyyyy');
  });
});
