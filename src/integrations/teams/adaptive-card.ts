/**
 * The part of Adaptive Cards 1.4 netkb sends to Teams, and the Bot Framework message that carries a card.
 * Only `Action.OpenUrl` appears: Teams accepts no other action in an outgoing webhook's reply.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_VERSION = '1.4';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Teams rejects messages over about 28 KB (card JSON included); the reply stays under this many bytes of
 * serialized JSON, leaving room for what Teams adds around it.
 */
export const TEAMS_MAX_REPLY_BYTES = 27_000;

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large';
export type Color = 'default' | 'accent' | 'good' | 'warning' | 'attention';

export interface TextBlock {
  type: 'TextBlock';
  /** Teams renders a subset of markdown here. */
  text: string;
  wrap: true;
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'bolder';
  color?: Color;
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

/** Exact text: TextRuns are never read as markdown, so a command is shown (and copied) as written. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  fontType?: 'monospace';
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'warning' | 'attention';
  spacing?: Spacing;
  separator?: boolean;
}

export type CardElement = TextBlock | RichTextBlock | Container;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface AdaptiveCard {
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  /** Plain text shown by clients that cannot render this card. */
  fallbackText: string;
  lang?: string;
  body: CardElement[];
  actions?: OpenUrlAction[];
}

/** The reply body Teams expects from an outgoing webhook: a Bot Framework message with one card. */
export interface TeamsMessage {
  type: 'message';
  /** Notification and fallback line for clients that cannot render cards (Bot Framework `summary`). */
  summary: string;
  attachments: [{ contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard }];
}

export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** One monospace line per RichTextBlock: a TextRun has no line breaks of its own. */
export function monospaceLines(text: string): RichTextBlock[] {
  return text.split('\n').map((line, index) => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: line.length > 0 ? line : ' ', fontType: 'monospace' }],
    ...(index > 0 ? { spacing: 'none' as const } : {}),
  }));
}

export function teamsMessage(card: AdaptiveCard, summary: string): TeamsMessage {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}
