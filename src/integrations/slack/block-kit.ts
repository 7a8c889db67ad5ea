/** The Block Kit subset netkb sends (Slack's own types are wider than we need), and Slack's limits on it. */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export type TextObject = PlainText | MrkdwnText;

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text: MrkdwnText;
}
export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: TextObject[];
}
export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
}
export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: ButtonElement[];
}
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message body (chat.postMessage, a slash-command response, a response_url post). */
export interface SlackMessage {
  /** Notification / accessibility fallback; always set. */
  text: string;
  blocks: SlackBlock[];
}

/** From Slack's Block Kit reference (see ../shared/docs/chat-protocols.md §1.7). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Slack truncates longer top-level text; we keep the fallback far shorter. */
  messageText: 40_000,
} as const;
