/**
 * The Bot Framework activity an outgoing webhook POSTs, and the question in it. Pure: parsing, validation and
 * text clean-up, no I/O. Only the fields netkb reads are checked; activities carry many more and keep them.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { decodeHTML } from 'entities';
import { NetkbError } from '../../core/errors.js';

/** Longest question passed on, in characters (the `/v1/chat` limit); a longer message is cut there. */
export const MAX_QUESTION_CHARS = 2000;

export const TeamsActivitySchema = Type.Object(
  {
    type: Type.String({ minLength: 1 }),
    id: Type.Optional(Type.String()),
    text: Type.Optional(Type.String()),
    textFormat: Type.Optional(Type.String()),
    conversation: Type.Optional(Type.Object({ id: Type.String({ minLength: 1 }) })),
    from: Type.Optional(
      Type.Object({ id: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }),
    ),
  },
  { description: 'A Bot Framework activity (other fields are allowed and ignored).' },
);
export type TeamsActivity = Static<typeof TeamsActivitySchema>;

/** The verified raw body as an activity: INVALID_JSON when it is not JSON, BAD_REQUEST when not an activity. */
export function parseTeamsActivity(rawBody: Buffer): TeamsActivity {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new NetkbError('INVALID_JSON', 'Request body is not valid JSON: malformed JSON');
  }
  if (!Value.Check(TeamsActivitySchema, value)) {
    const first = [...Value.Errors(TeamsActivitySchema, value)][0];
    const where = first?.path ? `body${first.path.replace(/\//g, '.')}` : 'body';
    throw new NetkbError(
      'BAD_REQUEST',
      `${where} is not a Bot Framework activity: ${first?.message ?? 'invalid'}`,
    );
  }
  return value;
}

/**
 * Who sent an activity, as the per-user rate limit keys it: `from.id` (the id Teams gives the user in this
 * tenant), else `from.aadObjectId`; undefined when neither is there (the limit falls back to the IP).
 */
export function teamsUserOf(activity: TeamsActivity): string | undefined {
  const from = activity.from as { id?: string; aadObjectId?: unknown } | undefined;
  if (from?.id) return from.id;
  return typeof from?.aadObjectId === 'string' && from.aadObjectId ? from.aadObjectId : undefined;
}

/**
 * The user's question in a message's `text`: every `<at>…</at>` mention removed wherever it stands (the
 * webhook's own, and any other, which names a person rather than the problem), the HTML Teams wraps text in
 * (`<p>`, `<div>`, `<br>`) removed, entities (`&nbsp;`, `&lt;`, `&#39;` …) decoded, spaces collapsed.
 * Tags go before entities are decoded, so `&lt;pod&gt;` in the question stays `<pod>`.
 */
export function questionFromTeamsText(text: string): string {
  const withoutMarkup = text
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|li)>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, ' ');
  const question = decodeHTML(withoutMarkup)
    .replace(/[\u00a0\u200b\u202f\u3000]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return Array.from(question).slice(0, MAX_QUESTION_CHARS).join('').trim();
}

/** "@netkb help" (or 帮助, ?) asks how to use the bot, not a networking question. */
export function isHelpRequest(question: string): boolean {
  return /^(?:help|usage|帮助|幫助|使用说明|使用說明|\?|？)$/i.test(question.trim());
}
