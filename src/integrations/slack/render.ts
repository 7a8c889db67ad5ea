/**
 * The structured answer (`ChatBody.structured` and its commands and citations) rendered as Slack Block Kit.
 * Pure: the same body always gives the same messages. Long answers are split on line boundaries (code fences
 * closed and reopened) to stay within Slack's limits; past 50 blocks the answer continues in further messages.
 */
import { LABELS } from '../../answer/labels.js';
import type { ChatBody, ChatCommand, StructuredAnswer } from '../../answer/types.js';
import { citationLine, commandCite, commandGroups, hopList, purposeText } from '../chat/answer-parts.js';
import { CHAT_LABELS } from '../chat/labels.js';
import { markdownToPlain, reflowParagraphs, truncate } from '../chat/plain-text.js';
import { splitText } from '../chat/split-text.js';
import {
  type ActionsBlock,
  type ButtonElement,
  type ContextBlock,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
} from './block-kit.js';
import { escapeMrkdwn, inlineMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

export const ACTION_IDS = {
  helpful: 'netkb_feedback_helpful',
  notHelpful: 'netkb_feedback_not_helpful',
  share: 'netkb_share',
} as const;
export const ACTIONS_BLOCK_ID = 'netkb_actions';

export interface RenderOptions {
  /** Add the "share in channel" button (ephemeral slash-command answers). */
  share?: boolean;
  /** Feedback already given: a thank-you line instead of the 👍 / 👎 buttons. */
  feedback?: { helpful: boolean; user?: string };
  /** A line on top (e.g. "shared by @user"), as mrkdwn. */
  note?: string;
}

/** The longest fallback text: a notification line, not the whole answer. */
const FALLBACK_CHARS = 1000;

/** The answer as one or more Slack messages (more only when it needs over 50 blocks). */
export function renderSlackAnswer(body: ChatBody, options: RenderOptions = {}): SlackMessage[] {
  const s = body.structured;
  const blocks: SlackBlock[] = [];
  if (options.note) blocks.push(context([options.note]));
  blocks.push(...(s.kind === 'answer' ? answerBlocks(body) : unsureBlocks(body)));
  const sources = body.citations.map((c, i) => `[${i + 1}] ${escapeMrkdwn(citationLine(c))}`);
  for (let i = 0; i < sources.length; i += SLACK_LIMITS.contextElements) {
    blocks.push(context(sources.slice(i, i + SLACK_LIMITS.contextElements)));
  }
  const footer = footerBlocks(body, options);
  return paginate(blocks, footer, fallbackText(body));
}

/** The answer's title as the Slack header: the KB title, or what kind of non-answer it is. */
function headerText(s: StructuredAnswer): string {
  const labels = CHAT_LABELS[s.lang];
  if (s.kind === 'abstain') return labels.dontKnow;
  if (s.kind === 'clarify') return labels.clarify;
  return markdownToPlain(s.title);
}

function answerBlocks(body: ChatBody): SlackBlock[] {
  const s = body.structured;
  const labels = LABELS[s.lang];
  const chat = CHAT_LABELS[s.lang];
  const blocks: SlackBlock[] = [header(headerText(s))];
  if (s.direct)
    blocks.push(
      ...sections(
        `*${chat.direct}:* ${markdownToMrkdwn(reflowParagraphs(s.direct.text))} [${s.direct.cite}]`,
      ),
    );
  if (s.gist) {
    const where = s.section ? `_${inlineMrkdwn(s.section)}_\n` : '';
    blocks.push(...sections(`${where}${markdownToMrkdwn(reflowParagraphs(s.gist.text))} [${s.gist.cite}]`));
  }
  if (s.cni) {
    if (s.cni.source === 'assumed' && s.cni.alternatives.length > 0) {
      const others = s.cni.alternatives.map(
        (alt) => `${escapeMrkdwn(alt.cni)}: ${escapeMrkdwn(alt.title)} [${alt.cite}]`,
      );
      blocks.push(context([`${escapeMrkdwn(chat.assumedCni(s.cni.cni ?? '?'))} ${others.join(' · ')}`]));
    } else if (s.cni.cni) {
      blocks.push(context([escapeMrkdwn(chat.cni(s.cni.cni))]));
    }
  }
  if (s.path) {
    const { hops, more } = hopList(s.path);
    const lines = hops.map((hop) => `• ${escapeMrkdwn(hop)}`);
    if (more > 0) lines.push(escapeMrkdwn(chat.moreHops(more)));
    if (lines.length > 0) blocks.push(...sections(`*${labels.path}* [${s.path.cite}]\n${lines.join('\n')}`));
  }
  if (s.causes.length > 0) {
    const lines = s.causes.map((cause) => {
      const what = [
        cause.symptom && `*${inlineMrkdwn(cause.symptom)}*`,
        cause.cause && inlineMrkdwn(cause.cause),
      ]
        .filter(Boolean)
        .join(' — ');
      const fix = cause.fix ? `\n    ${labels.fix}: ${inlineMrkdwn(cause.fix)}` : '';
      return `• ${what} [${cause.cite}]${fix}`;
    });
    blocks.push(...sections(`*${labels.causes}*\n${lines.join('\n')}`));
  }
  blocks.push(...commandBlocks(body));
  if (s.related.length > 0) blocks.push(...sections(`*${labels.seeAlso}*\n${pointerLines(s).join('\n')}`));
  return blocks;
}

/** Abstain and clarify: a short notice, the closest runbooks, what would help. */
function unsureBlocks(body: ChatBody): SlackBlock[] {
  const s = body.structured;
  const labels = LABELS[s.lang];
  const blocks: SlackBlock[] = [header(headerText(s)), ...sections(inlineMrkdwn(s.title))];
  if (s.related.length > 0)
    blocks.push(...sections(`*${labels.suggestions}*\n${pointerLines(s).join('\n')}`));
  if (s.asks.length > 0) {
    blocks.push(
      ...sections(`*${labels.needMore}*\n${s.asks.map((ask) => `• ${inlineMrkdwn(ask)}`).join('\n')}`),
    );
  }
  // A clarify answer may still carry the likely runbooks' first checks.
  blocks.push(...commandBlocks(body));
  return blocks;
}

function pointerLines(s: StructuredAnswer): string[] {
  return s.related.map(
    (doc) =>
      `• *${inlineMrkdwn(doc.title)}*${doc.section ? ` — ${inlineMrkdwn(doc.section)}` : ''} [${doc.cite}]`,
  );
}

/**
 * Each command in its own code block holding nothing but the command (copy-clean); number, purpose, safety
 * label and citation mark on the line above it. Read-only diagnostics first, then the state-changing fixes.
 */
function commandBlocks(body: ChatBody): SlackBlock[] {
  const chat = CHAT_LABELS[body.structured.lang];
  const { diagnose, fix } = commandGroups(body);
  const blocks: SlackBlock[] = [];
  let number = 0;
  const one = (command: ChatCommand, label: string) => {
    number += 1;
    const cite = commandCite(body, command);
    const purpose = purposeText(command);
    const head = [`\`${number}.\``, label, purpose && inlineMrkdwn(purpose)].filter(Boolean).join(' ');
    return sections(`${head}${cite ? ` [${cite}]` : ''}\n\`\`\`\n${escapeMrkdwn(command.command)}\n\`\`\``);
  };
  if (diagnose.length > 0) {
    blocks.push(...sections(`*${chat.diagnose}*`));
    for (const command of diagnose) blocks.push(...one(command, `_${chat.readOnly}_ ·`));
  }
  if (fix.length > 0) {
    blocks.push(...sections(`*${chat.fixes}*`));
    for (const command of fix) blocks.push(...one(command, `*${chat.changesState}* ·`));
  }
  return blocks;
}

function footerBlocks(body: ChatBody, options: RenderOptions): SlackBlock[] {
  const lang = body.structured.lang;
  const chat = CHAT_LABELS[lang];
  const value = actionValue(body.id, lang);
  const buttons: ButtonElement[] = [];
  const blocks: SlackBlock[] = [{ type: 'divider' }];
  if (options.feedback) {
    blocks.push(
      context([escapeKeepingMentions(chat.thanks(options.feedback.helpful, mention(options.feedback.user)))]),
    );
  } else {
    buttons.push(
      button(ACTION_IDS.helpful, chat.helpfulYes, value),
      button(ACTION_IDS.notHelpful, chat.helpfulNo, value),
    );
  }
  if (options.share) buttons.push({ ...button(ACTION_IDS.share, chat.share, value), style: 'primary' });
  if (buttons.length > 0) {
    const actions: ActionsBlock = { type: 'actions', block_id: ACTIONS_BLOCK_ID, elements: buttons };
    blocks.push(actions);
  }
  return blocks;
}

/** A Slack user mention (`<@U123>`), for user ids as Slack sends them. */
export function mention(user: string | undefined): string | undefined {
  return user && /^[A-Z0-9]+$/.test(user) ? `<@${user}>` : undefined;
}

/** Escapes text but keeps its `<@U…>` user mentions (Slack syntax). */
function escapeKeepingMentions(text: string): string {
  return text
    .split(/(<@[A-Z0-9]+>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMrkdwn(part)))
    .join('');
}

/** A button value: the answer id and the answer's language (for the labels of the follow-up message). */
export function actionValue(answerId: string, lang: 'zh' | 'en'): string {
  return `${lang}:${answerId}`;
}

export function parseActionValue(value: string): { lang: 'zh' | 'en'; answerId: string } | null {
  const match = /^(zh|en):(.{1,200})$/s.exec(value);
  return match?.[1] && match[2] ? { lang: match[1] as 'zh' | 'en', answerId: match[2] } : null;
}

function fallbackText(body: ChatBody): string {
  const s = body.structured;
  const lead = s.direct?.text ?? s.gist?.text ?? (s.kind === 'answer' ? '' : s.title);
  const text = [headerText(s), markdownToPlain(lead).replace(/\s+/g, ' ').trim()].filter(Boolean).join(' — ');
  return truncate(text, FALLBACK_CHARS);
}

/** Splits the blocks over messages of at most 50 blocks; the footer (feedback, share) closes the last one. */
function paginate(blocks: SlackBlock[], footer: SlackBlock[], text: string): SlackMessage[] {
  const max = SLACK_LIMITS.blocksPerMessage;
  const pages: SlackBlock[][] = [];
  for (let i = 0; i < blocks.length; i += max) pages.push(blocks.slice(i, i + max));
  const last = pages.at(-1);
  if (!last || last.length + footer.length > max) pages.push([...footer]);
  else last.push(...footer);
  return pages.map((page, i) => ({
    text: i === 0 ? text : truncate(`(${i + 1}/${pages.length}) ${text}`, FALLBACK_CHARS),
    blocks: page,
  }));
}

function header(text: string): SlackBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: true },
  };
}

/** One or more sections: text past 3000 characters is split on line boundaries, fences closed and reopened. */
function sections(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, SLACK_LIMITS.sectionText).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

function context(mrkdwnLines: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwnLines.map((text) => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.contextText) })),
  };
}

function button(actionId: string, text: string, value: string): ButtonElement {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text, emoji: true }, value };
}

/** The blocks of a message with the feedback buttons replaced by the thank-you line (other buttons kept). */
export function withFeedbackTaken(
  blocks: SlackBlock[],
  lang: 'zh' | 'en',
  feedback: { helpful: boolean; user?: string },
): SlackBlock[] {
  const thanks = context([
    escapeKeepingMentions(CHAT_LABELS[lang].thanks(feedback.helpful, mention(feedback.user))),
  ]);
  const out: SlackBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'actions' || block.block_id !== ACTIONS_BLOCK_ID) {
      out.push(block);
      continue;
    }
    out.push(thanks);
    const rest = block.elements.filter(
      (b) => b.action_id !== ACTION_IDS.helpful && b.action_id !== ACTION_IDS.notHelpful,
    );
    if (rest.length > 0) out.push({ ...block, elements: rest });
  }
  return out;
}
