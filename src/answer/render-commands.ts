/**
 * The commands of an answer as markdown: read-only diagnostics (run in order), then fixes in their own group.
 * Each command is a fenced block of its own, so it copies clean; its safety label, purpose and citation mark sit
 * on the line above, outside the fence. Pure.
 */
import { mark } from './citations.js';
import { LABELS, type Lang } from './labels.js';
import type { ChatCommand } from './types.js';

/** `cites[i]` is the citation mark of `commands[i]` (null when it has none). */
export function commandsMarkdown(
  commands: readonly ChatCommand[],
  cites: readonly (number | null)[],
  lang: Lang,
): string[] {
  const labels = LABELS[lang];
  const item = (command: ChatCommand, i: number, label: string) => {
    const purpose = command.purpose ? ` ${withoutSafetyTag(command.purpose)}` : '';
    return `${label}${purpose}${mark(cites[i] ?? null)}\n\n${fence(command.command)}`;
  };
  const diagnose: string[] = [];
  const fixes: string[] = [];
  for (const [i, command] of commands.entries()) {
    if (command.group === 'diagnose')
      diagnose.push(item(command, i, `${diagnose.length + 1}. \`${labels.readOnly}\``));
    else fixes.push(item(command, i, `- ⚠️ \`${safetyLabel(command, lang)}\``));
  }
  const out: string[] = [];
  if (diagnose.length > 0) out.push(`**${labels.diagnose}**\n\n${diagnose.join('\n\n')}`);
  if (fixes.length > 0) out.push(`**${labels.fixes}**\n\n${fixes.join('\n\n')}`);
  return out;
}

/** The label a channel shows for a command's safety (anything not read-only is treated as a fix). */
export function safetyLabel(command: ChatCommand, lang: Lang): string {
  const labels = LABELS[lang];
  if (command.safety === 'read-only') return labels.readOnly;
  return command.safety === 'mutating' ? labels.changesState : labels.unknownSafety;
}

/** A fence longer than any backtick run inside the command. */
function fence(command: string): string {
  const longest = Math.max(2, ...[...command.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}bash\n${command}\n${ticks}`;
}

/** KB comments often start with their own safety tag (`[变更] …`): the label already says it. */
export function withoutSafetyTag(purpose: string): string {
  return purpose.replace(
    /^\s*[[【(（]\s*(?:变更|變更|mutating|changes? state|只读|唯讀|read-only)\s*[\]】)）]\s*/i,
    '',
  );
}
