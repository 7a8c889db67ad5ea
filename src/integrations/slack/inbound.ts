/**
 * What Slack sends us, validated (TypeBox) and reduced to what netkb needs: the question in a mention or DM,
 * a slash command, a button click. Pure.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const SlashCommandSchema = Type.Object({
  command: Type.String(),
  text: Type.String(),
  user_id: Type.String(),
  channel_id: Type.String(),
  team_id: Type.Optional(Type.String()),
  response_url: Type.Optional(Type.String()),
  trigger_id: Type.Optional(Type.String()),
});
export type SlashCommand = Static<typeof SlashCommandSchema>;

const MessageEventSchema = Type.Object({
  type: Type.String(),
  channel: Type.Optional(Type.String()),
  channel_type: Type.Optional(Type.String()),
  user: Type.Optional(Type.String()),
  text: Type.Optional(Type.String()),
  ts: Type.Optional(Type.String()),
  thread_ts: Type.Optional(Type.String()),
  bot_id: Type.Optional(Type.String()),
  subtype: Type.Optional(Type.String()),
  team: Type.Optional(Type.String()),
});

export const EventEnvelopeSchema = Type.Union([
  Type.Object({ type: Type.Literal('url_verification'), challenge: Type.String() }),
  Type.Object({
    type: Type.Literal('event_callback'),
    event_id: Type.String(),
    team_id: Type.Optional(Type.String()),
    event: MessageEventSchema,
  }),
]);
export type EventEnvelope = Static<typeof EventEnvelopeSchema>;
export type EventCallback = Extract<EventEnvelope, { type: 'event_callback' }>;

export const BlockActionsSchema = Type.Object({
  type: Type.Literal('block_actions'),
  user: Type.Object({ id: Type.String() }),
  team: Type.Optional(Type.Union([Type.Object({ id: Type.String() }), Type.Null()])),
  channel: Type.Optional(Type.Object({ id: Type.String() })),
  container: Type.Optional(Type.Object({ is_ephemeral: Type.Optional(Type.Boolean()) })),
  message: Type.Optional(
    Type.Object({ ts: Type.String(), blocks: Type.Optional(Type.Array(Type.Unknown())) }),
  ),
  response_url: Type.Optional(Type.String()),
  actions: Type.Array(Type.Object({ action_id: Type.String(), value: Type.Optional(Type.String()) })),
});
export type BlockActions = Static<typeof BlockActionsSchema>;

/** Validated payload, or null when it does not have the shape (the caller answers 400 / ignores it). */
export function parseSlashCommand(form: URLSearchParams | unknown): SlashCommand | null {
  // HTTP sends a form, Socket Mode the same fields as JSON.
  const value = form instanceof URLSearchParams ? Object.fromEntries(form.entries()) : form;
  return Value.Check(SlashCommandSchema, value)
    ? (Value.Clean(SlashCommandSchema, value) as SlashCommand)
    : null;
}

export function parseEventEnvelope(json: unknown): EventEnvelope | null {
  return Value.Check(EventEnvelopeSchema, json) ? json : null;
}

/** Interactions that are not button clicks (shortcuts, view submissions) are not ours: null. */
export function parseBlockActions(json: unknown): BlockActions | null {
  return Value.Check(BlockActionsSchema, json) ? json : null;
}

/**
 * Who sent a request, as the per-user rate limit keys it: `{team}:{user}` (`user` alone when there is no team),
 * or undefined when the payload names no user (url_verification, bot events: the limit falls back to the IP).
 */
export function slackUserKey(team: string | undefined, user: string | undefined): string | undefined {
  if (!user) return undefined;
  return team ? `${team}:${user}` : user;
}

/** The slash command's `user_id` (with `team_id`). */
export function slashCommandUser(command: SlashCommand | null): string | undefined {
  return command ? slackUserKey(command.team_id, command.user_id) : undefined;
}

/** An event callback's `event.user` (with the envelope's `team_id`). */
export function eventUser(envelope: EventEnvelope | null): string | undefined {
  if (envelope?.type !== 'event_callback') return undefined;
  return slackUserKey(envelope.team_id ?? envelope.event.team, envelope.event.user);
}

/** Any interaction payload's `user.id` (with `team.id`, or `user.team_id`): clicks, shortcuts, submissions. */
export function interactionUser(payload: unknown): string | undefined {
  const { user, team } = (payload ?? {}) as {
    user?: { id?: unknown; team_id?: unknown };
    team?: { id?: unknown };
  };
  const id = typeof user?.id === 'string' ? user.id : undefined;
  const teamId = typeof team?.id === 'string' ? team.id : user?.team_id;
  return slackUserKey(typeof teamId === 'string' ? teamId : undefined, id);
}

export interface Question {
  text: string;
  team: string | undefined;
  channel: string;
  /** The thread to answer in (and the conversation): the parent message's ts. */
  threadTs: string;
  user: string | undefined;
}

/**
 * The question in an `app_mention` or a DM `message`, or null for what netkb must not answer: its own and other
 * bots' messages, edits and other subtypes, channel messages that do not mention it (they come as app_mention).
 */
export function questionFromEvent(envelope: EventCallback, botUserId: string | undefined): Question | null {
  const event = envelope.event;
  if (event.bot_id || event.user === undefined || (botUserId !== undefined && event.user === botUserId))
    return null;
  if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') return null;
  if (!event.channel || !event.ts) return null;
  const isMention = event.type === 'app_mention';
  const isDirect = event.type === 'message' && event.channel_type === 'im';
  if (!isMention && !isDirect) return null;
  const text = slackTextToPlain(event.text ?? '', botUserId);
  return {
    text,
    team: envelope.team_id ?? event.team,
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
    user: event.user,
  };
}

/**
 * Slack message markup → the question as typed: the bot's mention removed (any leading mention when the bot's
 * id is unknown), other mentions as `@U…`, links as their text, `&amp; &lt; &gt;` decoded.
 */
export function slackTextToPlain(text: string, botUserId: string | undefined): string {
  let out = text;
  if (botUserId) out = out.replaceAll(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  else out = out.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  return out
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
