import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding } from '../core/types.js';
import { afterPrompt, extractCommands, findPlaceholders, looksLikeCommand } from '../ingest/commands.js';
import { classifySafety } from '../ingest/safety.js';

/** The placeholders netkb fills from a question (documented in kb/README.md). */
export const DOCUMENTED_PLACEHOLDERS: ReadonlySet<string> = new Set([
  '<pod>',
  '<namespace>',
  '<node-name>',
  '<pod-ip>',
  '<target-ip>',
  '<node-ip>',
  '<port>',
  '<service-name>',
  '<cluster-ip>',
  '<iface>',
]);

/** Blocks whose every line is meant to be run: prompts and output do not belong there. */
const SCRIPT_LANGS = new Set(['bash', 'sh', 'shell', 'zsh']);
/** A block (or its command) is marked as a change by a comment that starts with one of these. */
const CHANGE_MARK = /^#\s*\[(?:变更|變更|change)\]/i;

/**
 * Rules for command blocks: pasted prompts and output, commands without a purpose comment, placeholders
 * netkb cannot fill, and state-changing commands in a block not marked `# [变更]`.
 */
export function lintCodeBlocks(file: string, tree: Root, sourceLines: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number, code: string, message: string, column?: number) =>
    findings.push({ file, line, ...(column ? { column } : {}), severity: 'warning', code, message });
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.line ?? 1;
    const fenced = /^(`{3,}|~{3,})/.test((sourceLines[start - 1] ?? '').trimStart());
    const first = fenced ? start + 1 : start;
    const lang = node.lang?.toLowerCase() ?? null;
    const blockLines = node.value.split('\n');
    if (lang && SCRIPT_LANGS.has(lang)) {
      for (const [offset, message, code] of pastedLines(blockLines)) add(first + offset, code, message);
    }
    const commands = extractCommands(node.value, node.lang);
    if (commands.length === 0) return;
    const marked = blockLines.some((line) => CHANGE_MARK.test(line.trim()));
    for (const command of commands) {
      const line = first + command.lineOffset;
      if (command.purpose === '') {
        add(
          line,
          'command-purpose',
          `Command \`${short(command.command)}\` has no \`# purpose\` comment above it`,
        );
      }
      for (const placeholder of findPlaceholders(command.command)) {
        if (DOCUMENTED_PLACEHOLDERS.has(placeholder)) continue;
        const column = (sourceLines[line - 1] ?? '').indexOf(placeholder) + 1;
        add(
          line,
          'placeholder-unknown',
          `Placeholder ${placeholder} is not one netkb fills (${[...DOCUMENTED_PLACEHOLDERS].join(' ')})`,
          column > 0 ? column : undefined,
        );
      }
      // Anything not known to be read-only must be marked, so an on-call engineer never runs it unawares.
      if (classifySafety(command.command) !== 'read-only' && !marked) {
        add(
          line,
          'mutating-unmarked',
          `Command \`${short(command.command)}\` changes state, but its block is not marked as a change (\`# [变更] what it changes\`)`,
        );
      }
    }
  });
  return findings;
}

/** Lines of a script block that are a pasted prompt or command output, with their 0-based offsets. */
function pastedLines(lines: readonly string[]): Array<[number, string, string]> {
  const found: Array<[number, string, string]> = [];
  let continued = false;
  let heredoc: string | null = null;
  let outputEnd = -2;
  let outputLines = 0;
  let firstOutput = '';
  lines.forEach((raw, offset) => {
    const line = raw.trim();
    if (heredoc !== null) {
      if (line === heredoc) heredoc = null;
      return;
    }
    const wasContinued = continued;
    continued = /\\\s*$/.test(line);
    if (wasContinued || line === '' || (line.startsWith('#') && afterPrompt(line) === null)) return;
    const prompted = afterPrompt(line);
    if (prompted !== null) {
      found.push([
        offset,
        `Shell prompt in a command block: drop the prompt, or use \`\`\`console for a transcript`,
        'command-prompt',
      ]);
      return;
    }
    const opened = /<<-?\s*['"]?(\w+)['"]?/.exec(line);
    if (opened) heredoc = opened[1] ?? null;
    // `VAR=$(…)` assignments are commands; looksLikeCommand reads the word after the assignment.
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.test(line);
    if (
      !assignment &&
      !looksLikeCommand(line, true) &&
      !/^(?:done|fi|esac|then|do|else|elif|[{}()]|;;)\b/.test(line)
    ) {
      // One finding per run of output lines, at its first line.
      const last = found.at(-1);
      if (last && last[2] === 'command-output' && outputEnd === offset - 1) {
        outputLines++;
        last[1] = outputMessage(firstOutput, outputLines);
      } else {
        firstOutput = line;
        outputLines = 1;
        found.push([offset, outputMessage(line, 1), 'command-output']);
      }
      outputEnd = offset;
    }
  });
  return found;
}

function outputMessage(first: string, count: number): string {
  const what = count === 1 ? `Line \`${short(first)}\` is` : `${count} lines from \`${short(first)}\` are`;
  return `${what} not a command (pasted output?): move output to a \`\`\`text block`;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
