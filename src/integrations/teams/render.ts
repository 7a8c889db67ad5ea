/**
 * The structured answer (`ChatBody.structured` with its commands and citations) rendered as a Teams reply: a
 * Bot Framework message carrying one Adaptive Card 1.4. Pure: the same body and options give the same message.
 * Commands are exact monospace text with the safety label outside it. An answer that would exceed Teams'
 * message size loses its lowest-ranked parts first (see `TRIM_STEPS`); a command is dropped whole, never cut.
 */
import { LABELS } from '../../answer/labels.js';
import type { ChatBody, ChatCommand, Citation, StructuredAnswer } from '../../answer/types.js';
import {
  changesState,
  citationLine,
  commandCite,
  commandGroups,
  hopList,
  purposeText,
} from '../chat/answer-parts.js';
import { CHAT_LABELS } from '../chat/labels.js';
import { inlinePlain, markdownToPlain, reflowParagraphs, truncate } from '../chat/plain-text.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type Container,
  monospaceLines,
  type OpenUrlAction,
  TEAMS_MAX_REPLY_BYTES,
  type TeamsMessage,
  teamsMessage,
  textBlock,
} from './adaptive-card.js';
import { HELP, TEAMS_LABELS } from './labels.js';

export interface TeamsRenderOptions {
  /** Base URL of netkb's web pages (`NETKB_PUBLIC_URL`): sources and "view runbook" link to the doc view. */
  publicUrl?: string | null;
  /** Largest serialized reply in bytes (default: Teams' limit with a margin). */
  maxBytes?: number;
}

/** How much of each part is shown; the trimming loop lowers these until the reply fits. */
interface Limits {
  related: number;
  causes: number;
  commands: number;
  hops: number;
  /** Longest quoted text (direct answer, gist, table cells), in characters. */
  textChars: number;
}

const FULL: Limits = {
  related: Number.POSITIVE_INFINITY,
  causes: Number.POSITIVE_INFINITY,
  commands: Number.POSITIVE_INFINITY,
  hops: Number.POSITIVE_INFINITY,
  textChars: 4000,
};

/** Each step makes the reply smaller than the one before; the first that fits is sent. */
function* trimSteps(body: ChatBody): Generator<Limits> {
  const s = body.structured;
  const limits: Limits = {
    ...FULL,
    related: s.related.length,
    causes: s.causes.length,
    commands: body.commands.length,
    hops: hopList(s.path ?? { format: 'text', diagram: '', hops: [], cite: 1 }).hops.length,
  };
  yield { ...limits };
  // Lowest rank first: other runbooks, then the last causes and commands (fixes come last in the order).
  while (limits.related > 0) {
    limits.related--;
    yield { ...limits };
  }
  while (limits.causes > 1 || limits.commands > 1) {
    if (limits.causes > 1) limits.causes--;
    if (limits.commands > 1) limits.commands--;
    yield { ...limits };
  }
  for (const chars of [1500, 600, 200]) {
    limits.textChars = chars;
    yield { ...limits };
  }
  for (const hops of [6, 3, 0]) {
    limits.hops = Math.min(limits.hops, hops);
    yield { ...limits };
  }
  limits.causes = 0;
  yield { ...limits };
  limits.commands = 0;
  yield { ...limits };
}

/** The reply for one answer (answer, clarify or abstain). */
export function renderTeamsReply(body: ChatBody, options: TeamsRenderOptions = {}): TeamsMessage {
  const maxBytes = options.maxBytes ?? TEAMS_MAX_REPLY_BYTES;
  let last: TeamsMessage | null = null;
  let first = true;
  for (const limits of trimSteps(body)) {
    last = renderWith(body, limits, options.publicUrl ?? null, !first);
    first = false;
    if (Buffer.byteLength(JSON.stringify(last)) <= maxBytes) return last;
  }
  return last as TeamsMessage;
}

/** The reply to a mention without a question. */
export function renderTeamsHelp(): TeamsMessage {
  const card: AdaptiveCard = {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: [HELP.title, ...HELP.lines].join('\n'),
    body: [
      textBlock(HELP.title, { size: 'medium', weight: 'bolder' }),
      ...HELP.lines.map((line) =>
        line.startsWith('@')
          ? { type: 'Container' as const, style: 'emphasis' as const, items: monospaceLines(line) }
          : textBlock(line),
      ),
    ],
  };
  return teamsMessage(card, HELP.title);
}

/** `https://netkb.example/docs/<path>#L12-L30`: the web page's doc view of a citation. */
export function docUrl(publicUrl: string, citation: Pick<Citation, 'path' | 'lines'>): string {
  // Parentheses too: the URL also ends a markdown link in the sources list.
  const path = citation.path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
  return `${publicUrl}/docs/${path}#L${citation.lines[0]}-L${citation.lines[1]}`;
}

function renderWith(
  body: ChatBody,
  limits: Limits,
  publicUrl: string | null,
  trimmed: boolean,
): TeamsMessage {
  const s = body.structured;
  const cited = new Set<number>();
  const cite = (n: number) => {
    cited.add(n);
    return ` [${n}]`;
  };
  const elements =
    s.kind === 'answer' ? answerElements(body, limits, cite) : unsureElements(body, limits, cite);
  if (trimmed) elements.push(textBlock(TEAMS_LABELS[s.lang].trimmed, { isSubtle: true, size: 'small' }));
  const sources = [...cited]
    .sort((a, b) => a - b)
    .flatMap((n) => {
      const citation = body.citations[n - 1];
      return citation ? [{ n, citation }] : [];
    });
  if (sources.length > 0) {
    elements.push(heading(LABELS[s.lang].sources));
    elements.push(
      ...sources.map(({ n, citation }) =>
        textBlock(
          publicUrl
            ? `[${n}] [${escapeLinkText(citationLine(citation))}](${docUrl(publicUrl, citation)})`
            : `[${n}] ${citationLine(citation)}`,
          { size: 'small', spacing: 'none' },
        ),
      ),
    );
  }
  const card: AdaptiveCard = {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: fallbackText(
      body,
      limits,
      sources.map((x) => x.n),
    ),
    lang: s.lang === 'zh' ? 'zh' : 'en',
    body: elements,
  };
  const actions = openUrlActions(body, publicUrl);
  if (actions.length > 0) card.actions = actions;
  return teamsMessage(card, summaryLine(s));
}

function answerElements(body: ChatBody, limits: Limits, cite: (n: number) => string): CardElement[] {
  const s = body.structured;
  const labels = LABELS[s.lang];
  const chat = CHAT_LABELS[s.lang];
  const out: CardElement[] = [textBlock(plainLine(s.title), { size: 'large', weight: 'bolder' })];
  if (s.section)
    out.push(textBlock(`${labels.section}: ${plainLine(s.section)}`, { isSubtle: true, spacing: 'none' }));
  if (s.cni?.cni) {
    if (s.cni.source === 'assumed' && s.cni.alternatives.length > 0) {
      const others = s.cni.alternatives.map((a) => `${a.cni}: ${plainLine(a.title)}${cite(a.cite)}`);
      out.push(textBlock(`${chat.assumedCni(s.cni.cni)} ${others.join('; ')}`, { color: 'warning' }));
    } else {
      out.push(textBlock(chat.cni(s.cni.cni), { isSubtle: true, spacing: 'small' }));
    }
  }
  if (s.direct) {
    out.push(
      textBlock(`${quoted(s.direct.text, limits.textChars)}${cite(s.direct.cite)}`, { weight: 'bolder' }),
    );
  }
  if (s.gist) out.push(textBlock(`${quoted(s.gist.text, limits.textChars)}${cite(s.gist.cite)}`));

  if (s.path && limits.hops > 0) {
    const { hops, more } = hopList(s.path, limits.hops);
    if (hops.length > 0) {
      out.push(heading(`${labels.path}${cite(s.path.cite)}`));
      out.push(codeBox(hops.join('\n'), 'emphasis'));
      if (more > 0) out.push(textBlock(chat.moreHops(more), { isSubtle: true, spacing: 'none' }));
    }
  }

  const causes = s.causes.slice(0, limits.causes);
  if (causes.length > 0) {
    out.push(heading(labels.causes));
    for (const c of causes) {
      const what = [c.symptom, c.cause].filter(Boolean).map((cell) => plainCell(cell, limits.textChars));
      out.push(textBlock(`- ${what.join(' — ')}${cite(c.cite)}`, { spacing: 'small' }));
      if (c.fix) {
        out.push(
          textBlock(`${chat.fixPrefix}: ${plainCell(c.fix, limits.textChars)}`, {
            isSubtle: true,
            spacing: 'none',
          }),
        );
      }
    }
  }

  const { diagnose, fix } = commandGroups(body);
  const shown = [...diagnose, ...fix].slice(0, limits.commands);
  const shownDiagnose = diagnose.filter((c) => shown.includes(c));
  const shownFix = fix.filter((c) => shown.includes(c));
  if (shownDiagnose.length > 0) {
    out.push(heading(chat.diagnose));
    for (const command of shownDiagnose) out.push(...commandElements(body, command, cite));
  }
  if (shownFix.length > 0) {
    out.push(heading(chat.fixes, 'attention'));
    for (const command of shownFix) out.push(...commandElements(body, command, cite));
  }

  const related = s.related.slice(0, limits.related);
  if (related.length > 0) {
    out.push(heading(labels.seeAlso));
    for (const r of related) {
      const section = r.section ? ` — ${plainLine(r.section)}` : '';
      out.push(textBlock(`- ${plainLine(r.title)}${section}${cite(r.cite)}`, { spacing: 'none' }));
    }
  }
  return out;
}

/** Abstain and clarify: the notice, what would help, the closest runbooks. */
function unsureElements(body: ChatBody, limits: Limits, cite: (n: number) => string): CardElement[] {
  const s = body.structured;
  const labels = LABELS[s.lang];
  const chat = CHAT_LABELS[s.lang];
  const out: CardElement[] = [
    textBlock(s.kind === 'abstain' ? chat.dontKnow : chat.clarify, { size: 'large', weight: 'bolder' }),
    textBlock(plainLine(s.title), { spacing: 'small' }),
  ];
  if (s.asks.length > 0) {
    out.push(heading(labels.needMore));
    out.push(...s.asks.map((ask) => textBlock(`- ${plainLine(ask)}`, { spacing: 'none' })));
  }
  const related = s.related.slice(0, limits.related);
  if (related.length > 0) {
    out.push(heading(labels.suggestions));
    for (const r of related) {
      const section = r.section ? ` — ${plainLine(r.section)}` : '';
      out.push(textBlock(`- ${plainLine(r.title)}${section}${cite(r.cite)}`, { spacing: 'none' }));
    }
  }
  return out;
}

/** Label (safety, purpose, source mark) outside the monospace box, so copying the box copies only the command. */
function commandElements(body: ChatBody, command: ChatCommand, cite: (n: number) => string): CardElement[] {
  const chat = CHAT_LABELS[body.structured.lang];
  const mutating = changesState(command);
  const label = mutating ? `**${chat.changesState}**` : `**${chat.readOnly}**`;
  const n = commandCite(body, command);
  const purpose = plainLine(purposeText(command));
  const out: CardElement[] = [
    textBlock(`${label}${purpose ? ` · ${purpose}` : ''}${n ? cite(n) : ''}`, {
      spacing: 'medium',
      ...(mutating ? { color: 'attention' as const } : {}),
    }),
    codeBox(command.command, mutating ? 'attention' : 'emphasis'),
  ];
  if (command.fills.length > 0) {
    const fills = command.fills.map((f) => `${f.placeholder} → ${f.value}`).join(', ');
    out.push(
      textBlock(TEAMS_LABELS[body.structured.lang].filled(fills), {
        isSubtle: true,
        size: 'small',
        spacing: 'none',
      }),
    );
  }
  return out;
}

function codeBox(text: string, style: 'emphasis' | 'attention'): Container {
  return { type: 'Container', style, spacing: 'small', items: monospaceLines(text) };
}

function heading(text: string, color?: 'attention'): CardElement {
  return textBlock(text, {
    weight: 'bolder',
    spacing: 'medium',
    separator: true,
    ...(color ? { color } : {}),
  });
}

/** KB markdown (hard-wrapped paragraphs, inline code, emphasis) as card text: one paragraph per line. */
function quoted(markdown: string, maxChars: number): string {
  const plain = markdownToPlain(reflowParagraphs(markdown))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
  return truncate(plain, maxChars);
}

function plainCell(markdown: string, maxChars: number): string {
  return truncate(plainLine(markdown), maxChars);
}

function plainLine(markdown: string): string {
  return inlinePlain(markdown).replace(/\s+/g, ' ').trim();
}

/** Markdown link text: brackets would end the link early. */
function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

/** "View runbook" for the top source; a non-answer opens its closest runbooks instead. */
function openUrlActions(body: ChatBody, publicUrl: string | null): OpenUrlAction[] {
  if (!publicUrl) return [];
  const s = body.structured;
  const labels = TEAMS_LABELS[s.lang];
  if (s.kind === 'answer') {
    const top = body.citations[0];
    return top ? [{ type: 'Action.OpenUrl', title: labels.viewRunbook, url: docUrl(publicUrl, top) }] : [];
  }
  return s.related.slice(0, 3).flatMap((r) => {
    const citation = body.citations[r.cite - 1];
    return citation
      ? [
          {
            type: 'Action.OpenUrl' as const,
            title: labels.open(truncate(plainLine(r.title), 40)),
            url: docUrl(publicUrl, citation),
          },
        ]
      : [];
  });
}

function summaryLine(s: StructuredAnswer): string {
  const chat = CHAT_LABELS[s.lang];
  if (s.kind === 'answer') return truncate(plainLine(s.title), 200);
  return s.kind === 'abstain' ? chat.dontKnow : chat.clarify;
}

/** The answer as plain text for clients without card support: the same parts the card shows. */
function fallbackText(body: ChatBody, limits: Limits, sources: number[]): string {
  const s = body.structured;
  const chat = CHAT_LABELS[s.lang];
  const lines: string[] = [summaryLine(s)];
  if (s.kind !== 'answer') lines.push(plainLine(s.title), ...s.asks.map((a) => `- ${plainLine(a)}`));
  if (s.direct) lines.push(quoted(s.direct.text, limits.textChars).replace(/\n\n/g, '\n'));
  if (s.gist) lines.push(quoted(s.gist.text, limits.textChars).replace(/\n\n/g, '\n'));
  const { diagnose, fix } = commandGroups(body);
  for (const command of [...diagnose, ...fix].slice(0, limits.commands)) {
    lines.push(`[${changesState(command) ? chat.changesState : chat.readOnly}] ${command.command}`);
  }
  for (const n of sources) {
    const citation = body.citations[n - 1];
    if (citation) lines.push(`[${n}] ${citationLine(citation)}`);
  }
  return lines.join('\n');
}
