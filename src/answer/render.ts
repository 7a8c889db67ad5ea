/**
 * Terminal rendering of a chat body (`netkb ask` without --json), from the structured answer: plain text, no
 * markdown. Every command stands alone on its line, flush left, so it copies clean: its number, safety label,
 * purpose and citation are on the comment line above it. Colour only when asked for (a TTY). Pure.
 */
import { type ChatBody, type ChatCommand, LABELS, languageOf } from './compose.js';
import { safetyLabel, withoutSafetyTag } from './render-commands.js';

export interface RenderOptions {
  /** ANSI colours (only for a TTY). */
  color?: boolean;
}

/** ANSI SGR codes; written out (not util.styleText) because the caller, not the stream, decides on colour. */
const STYLES = { bold: [1, 22], dim: [2, 22], yellow: [33, 39], green: [32, 39] } as const;
type Style = keyof typeof STYLES;

/** `question` picks the language of the labels, as it did for the answer. */
export function renderText(body: ChatBody, question: string, options: RenderOptions = {}): string {
  const lang = languageOf(question);
  const labels = LABELS[lang];
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text;
  const cite = (n: number | null | undefined) => (n ? ` [${n}]` : '');
  const s = body.structured;
  const out: string[] = [];

  const heading = s.section ? `${s.title} — ${s.section}` : s.title;
  // A value asked for is stated first, then the runbook it comes from.
  if (s.direct)
    out.push(`${paint('green', `${labels.direct}:`)} ${plain(s.direct.text)}${cite(s.direct.cite)}`);
  out.push(paint('bold', heading));
  if (s.gist) out.push(`${plain(s.gist.text)}${cite(s.gist.cite)}`);
  if (s.cni?.cni && s.cni.source !== 'question') out.push(cniLine(body, lang));
  if (s.path) {
    const hops = s.path.hops.length > 0 ? s.path.hops : s.path.diagram.split('\n');
    out.push(
      `${paint('bold', `${labels.path}:`)}${cite(s.path.cite)}\n${hops.map((hop) => `  ${hop}`).join('\n')}`,
    );
  }
  if (s.causes.length > 0) {
    const lines = s.causes.map((cause) => {
      const parts = [plain(cause.symptom), plain(cause.cause)].filter(Boolean).join(' — ');
      const fix = cause.fix ? `; ${labels.fix}: ${plain(cause.fix)}` : '';
      return `  - ${parts}${fix}${cite(cause.cite)}`;
    });
    out.push(`${paint('bold', `${labels.causes}:`)}\n${lines.join('\n')}`);
  }

  const diagnose = body.commands.filter((command) => command.group === 'diagnose');
  const fixes = body.commands.filter((command) => command.group !== 'diagnose');
  const commandBlock = (command: ChatCommand, label: string) => {
    const purpose = command.purpose ? ` ${withoutSafetyTag(command.purpose)}` : '';
    return `${paint('dim', `# ${label}${purpose}${cite(commandCite(body, command))}`)}\n${command.command}`;
  };
  if (diagnose.length > 0) {
    const blocks = diagnose.map((command, i) => commandBlock(command, `${i + 1}. [${labels.readOnly}]`));
    out.push(`${paint('bold', `${labels.diagnose}:`)}\n\n${blocks.join('\n\n')}`);
  }
  if (fixes.length > 0) {
    const blocks = fixes.map((command) => commandBlock(command, `[${safetyLabel(command, lang)}]`));
    out.push(`${paint('yellow', `${labels.fixes}:`)}\n\n${blocks.join('\n\n')}`);
  }

  if (s.related.length > 0) {
    const title = s.kind === 'answer' ? labels.seeAlso : labels.suggestions.replace(/[:：]$/, '');
    const lines = s.related.map(
      (doc) =>
        `  - ${doc.title}${doc.section && doc.section !== doc.title ? ` — ${doc.section}` : ''}${cite(doc.cite)}`,
    );
    out.push(`${paint('bold', `${title}:`)}\n${lines.join('\n')}`);
  }
  if (s.asks.length > 0) {
    out.push(`${paint('bold', labels.needMore)}\n${s.asks.map((ask) => `  - ${ask}`).join('\n')}`);
  }
  if (body.citations.length > 0) {
    const lines = body.citations.map(
      (c, i) => `[${i + 1}] ${c.path}:${c.lines[0]}-${c.lines[1]}${c.heading ? ` — ${c.heading}` : ''}`,
    );
    out.push(`${paint('bold', `${labels.sources}:`)}\n${paint('dim', lines.join('\n'))}`);
  }
  return `${out.join('\n\n')}\n`;
}

/** The citation (1-based) whose lines hold the command's source line, or null. */
export function commandCite(body: ChatBody, command: ChatCommand): number | null {
  const index = body.citations.findIndex(
    (c) =>
      c.path === command.source.path &&
      c.lines[0] <= command.source.line &&
      command.source.line <= c.lines[1],
  );
  return index >= 0 ? index + 1 : null;
}

function cniLine(body: ChatBody, lang: 'zh' | 'en'): string {
  const cni = body.structured.cni;
  if (!cni?.cni) return '';
  const labels = LABELS[lang];
  const head =
    cni.source === 'assumed'
      ? labels.assumedCni(cni.cni, cni.alternatives.length > 0)
      : labels.scopedCni(cni.cni);
  const others = cni.alternatives.map(
    (alt) =>
      `  - ${alt.cni}: ${alt.title}${alt.section && alt.section !== alt.title ? ` — ${alt.section}` : ''} [${alt.cite}]`,
  );
  return [head, ...others].join('\n');
}

/** Markdown emphasis and code marks dropped for a terminal; the words stay as the KB wrote them. */
function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}
