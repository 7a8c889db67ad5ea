/**
 * Channel-neutral views of a chat body that every chat renderer (Slack, Teams) needs: the traffic path as a
 * short hop list, which citation backs a command, the command groups in the order to run them, and citation
 * lines. Pure functions of the `/v1/chat` body.
 */
import type { ChatBody, ChatCommand, Citation, PathPart } from '../../answer/types.js';

/** Hops shown before "… n more": a chat message is not the place for a 30-line diagram. */
export const MAX_HOPS = 12;

/** The path as hop lines (empty lines dropped, runs of spaces collapsed), at most `max` plus a "more" count. */
export function hopList(path: PathPart, max = MAX_HOPS): { hops: string[]; more: number } {
  const hops = path.hops.map((hop) => hop.replace(/\s{2,}/g, '  ').trim()).filter((hop) => hop.length > 0);
  return { hops: hops.slice(0, max), more: Math.max(0, hops.length - max) };
}

/** The 1-based citation whose lines contain the command's source line, or null. */
export function commandCite(body: ChatBody, command: ChatCommand): number | null {
  const index = body.citations.findIndex(
    (c) =>
      c.path === command.source.path &&
      c.lines[0] <= command.source.line &&
      command.source.line <= c.lines[1],
  );
  return index >= 0 ? index + 1 : null;
}

/** Anything not known to be read-only is treated as changing state (including safeties added later). */
export function changesState(command: ChatCommand): boolean {
  return command.safety !== 'read-only';
}

/** Read-only diagnostics in the order given, then every command that may change state. */
export function commandGroups(body: ChatBody): { diagnose: ChatCommand[]; fix: ChatCommand[] } {
  const diagnose = body.commands.filter((c) => c.group === 'diagnose' && !changesState(c));
  const fix = body.commands.filter((c) => !diagnose.includes(c));
  return { diagnose, fix };
}

/** `path:start-end — heading` (heading left out when empty). */
export function citationLine(citation: Citation): string {
  const range =
    citation.lines[0] === citation.lines[1]
      ? `${citation.lines[0]}`
      : `${citation.lines[0]}-${citation.lines[1]}`;
  return `${citation.path}:${range}${citation.heading ? ` — ${citation.heading}` : ''}`;
}

/** A purpose prefixed by the KB's own state-change marker (`[变更] …`) without it: the channel labels it. */
export function purposeText(command: ChatCommand): string {
  return command.purpose.replace(/^\s*\[(?:变更|mutating|changes state)\]\s*/i, '').trim();
}
