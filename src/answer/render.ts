/**
 * Terminal rendering of a chat body (`netkb ask` without --json): the markdown answer, then the commands in
 * order with state-changing ones flagged, then the sources the [n] marks refer to.
 */
import { type ChatBody, LABELS, languageOf } from './compose.js';

/** `question` picks the language of the labels, as it did for the answer. */
export function renderText(body: ChatBody, question: string): string {
  const labels = LABELS[languageOf(question)];
  const out = [body.answer.trim()];
  if (body.commands.length > 0) {
    const lines = body.commands.map((command, i) => {
      const citation = body.citations.findIndex(
        (c) =>
          c.path === command.source.path &&
          c.lines[0] <= command.source.line &&
          command.source.line <= c.lines[1],
      );
      // `unknown` is flagged like `mutating`: only a proven read-only command goes unmarked.
      const flag =
        command.safety === 'read-only'
          ? ''
          : `⚠️ [${command.safety === 'mutating' ? labels.mutating : labels.unknown}] `;
      const purpose = command.purpose ? `  # ${command.purpose}` : '';
      const mark = citation >= 0 ? ` [${citation + 1}]` : '';
      const text = command.command.includes('\n') ? `\n${indent(command.command)}` : command.command;
      return `${i + 1}. ${flag}${text}${purpose}${mark}`;
    });
    out.push(`**${labels.commands}**\n\n${lines.join('\n')}`);
  }
  if (body.citations.length > 0) {
    const lines = body.citations.map(
      (c, i) => `[${i + 1}] ${c.path}:${c.lines[0]}-${c.lines[1]}${c.heading ? ` — ${c.heading}` : ''}`,
    );
    out.push(`**${labels.sources}**\n\n${lines.join('\n')}`);
  }
  return `${out.join('\n\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `     ${line}`)
    .join('\n');
}
