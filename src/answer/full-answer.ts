/** The answer body when retrieval is confident: gist, traffic path, likely causes, commands, related docs. */

import type { CommandRecord } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { type CitationBuilder, mark, pointer } from './citations.js';
import { closeDocs } from './close-docs.js';
import { citeCommand } from './command-citation.js';
import { pickCommands } from './commands.js';
import { directAnswer, leadAsk, onlyOneForm } from './direct.js';
import { doubtfulChecks, doubtLine, doubtOf } from './doubt.js';
import { gistOf, overviewChunk } from './gist.js';
import { diagramHops } from './hops.js';
import { LABELS, type Lang } from './labels.js';
import { forReportCni } from './other-plugin-tool.js';
import { type CommandTemplate, commandTemplate, conversationValues, fillTemplate } from './placeholders.js';
import { likelyCauses } from './rank-rows.js';
import { commandsMarkdown } from './render-commands.js';
import { citeRow, renderCause } from './render-row.js';
import { spelledOut } from './row-shorthand.js';
import { trafficPath } from './traffic-path.js';
import type {
  AnswerParts,
  CausePart,
  ChatCommand,
  CniPart,
  ComposeInput,
  ComposeOptions,
  DocPointer,
  StructuredAnswer,
} from './types.js';
import { placeValueCheck, valueCheck } from './value-check.js';

export function fullAnswer(
  input: ComposeInput,
  builder: CitationBuilder,
  lang: Lang,
  options: ComposeOptions,
): AnswerParts {
  const labels = LABELS[lang];
  const { hits } = input.result;
  const top = hits[0] as FusedHit;
  const doc = top.doc;
  const query = input.query ?? input.question;
  const out: string[] = [];
  const heading = top.chunk.headingPath.at(-1) ?? '';
  const structured: StructuredAnswer = {
    kind: 'answer',
    lang,
    title: doc.title,
    section: heading !== doc.title ? heading : '',
    direct: null,
    gist: null,
    path: null,
    causes: [],
    cni: null,
    related: [],
    asks: [],
  };

  // 1. What the best section says.
  const gist =
    gistOf(top.chunk, options.maxGistChars) ?? gistOf(overviewChunk(doc, top.chunk), options.maxGistChars);
  // The title names the gist's section when the gist comes from the best hit; otherwise the hit is pointed to.
  const gistSection = gist?.chunk === top.chunk && heading && heading !== doc.title ? ` — ${heading}` : '';

  // 0. The question asks for a value: the line that states it leads the answer, before the runbook's title.
  const ask = leadAsk(input.question);
  let valueQuote: string | undefined;
  if (ask) {
    // Only a by-design or an equality line answers a why or why-same ask, and the KB has few: any retrieved runbook
    // may hold it ("10.68 网段 ping 不通正常吗" ranks the node-to-pod runbook first, the Service one lower).
    const factDocs = closeDocs(hits, onlyOneForm(ask) ? 0 : options.otherDocShare);
    // The named CNI's runbook stating the value answers for that CNI; a generic one stating it too answers no better.
    const found =
      (input.namedCniLeads ? directAnswer(query, [doc], ask, input.concepts) : null) ??
      directAnswer(query, factDocs, ask, input.concepts);
    const n = found ? builder.cite(found.chunk, found.line, found.endLine, found.quote) : null;
    if (found && n !== null) {
      out.push(`**${labels.direct}**: ${found.quote}${mark(n)}`);
      structured.direct = { text: found.quote, cite: n };
      if (found.chunk.path === doc.path) valueQuote = found.quote;
    }
  }
  out.push(`**${doc.title}**${gistSection}`);
  if (gist) {
    const n = builder.cite(gist.chunk, gist.start, gist.end, gist.quote);
    if (n !== null) {
      out.push(`${gist.quote}${mark(n)}`);
      structured.gist = { text: gist.quote, cite: n };
    }
  }
  if (!gist || gist.chunk !== top.chunk) {
    const section = builder.citeSection(top.chunk);
    if (section) out.push(`${labels.section}: ${section.label}${mark(section.n)}`);
  }

  // The cluster's CNI: stated when it did not come from the question; when assumed, the other CNIs' runbooks.
  if (input.cni) {
    const cni: CniPart = { cni: input.cni.cni, source: input.cni.source, alternatives: [] };
    const lines: string[] = [];
    for (const { cni: other, hit } of input.cni.alternatives) {
      const section = builder.citeSection(hit.chunk);
      if (!section) continue;
      cni.alternatives.push({
        cni: other,
        title: hit.doc.title,
        path: hit.doc.path,
        section: section.label,
        cite: section.n,
      });
      lines.push(`- ${other}: ${pointer(hit.doc.title, section).slice(2)}`);
    }
    structured.cni = cni;
    if (cni.source === 'assumed')
      out.push([labels.assumedCni(cni.cni ?? '', lines.length > 0), ...lines].join('\n'));
    else if (cni.source !== 'question') out.push(labels.scopedCni(cni.cni ?? ''));
  }

  // 2. The traffic path, when the doc has one.
  const path = trafficPath(doc, hits, options.maxPathLines);
  if (path) {
    const n = builder.cite(path.chunk, path.block.start, path.block.end, path.quote);
    if (n !== null) {
      out.push(`**${labels.path}**${mark(n)}\n\n${path.text}`);
      const format = path.block.lang.toLowerCase() === 'mermaid' ? 'mermaid' : 'text';
      const diagram = path.block.lines.slice(1, -1).join('\n');
      structured.path = { format, diagram, hops: diagramHops(diagram, format), cite: n };
    }
  }

  // Causes and commands come only from docs that scored close to the best one: a weak hit's table is noise.
  const relevant = hits.filter((hit) => hit.doc === doc || hit.score >= top.score * options.relevantShare);

  // 3. Troubleshooting rows that match the question: likely causes.
  const rows = likelyCauses(query, relevant, options.maxCauses, input.concepts);
  for (const { row, doc: rowDoc } of rows) {
    const cause: CausePart | null = citeRow(row, rowDoc, builder);
    if (cause) structured.causes.push(cause);
  }
  if (structured.causes.length > 0) {
    const causeLines = structured.causes.map((cause) => renderCause(cause, labels.fix));
    out.push(`**${labels.causes}**\n\n${causeLines.join('\n')}`);
  }

  // 4. Commands chosen for the question (commands.ts): diagnostics, then fixes.
  let values: ReadonlyMap<string, string> | undefined;
  const commands: ChatCommand[] = [];
  const cites: number[] = [];
  // Never another plugin's tool than the one the report runs (`kubectl ko` for Flannel): it fails on that cluster.
  const picks = forReportCni(
    pickCommands(
      query,
      relevant,
      rows,
      options,
      input.concepts,
      input.cni?.runbook ?? input.crossNodeRunbook,
      input.reportCni,
    ),
    doc,
    input.reportCni,
  );
  // The top runbook's check of the value its direct answer states has a place among the diagnostics.
  const stated = valueQuote === undefined ? undefined : valueCheck(input.question, valueQuote, doc, picks);
  const chosen = (stated ? placeValueCheck(picks, stated, options.maxDiagnose) : picks).slice(
    0,
    options.maxCommands,
  );
  // Which runbook fits is in doubt (doubt.ts): say so, point at the close runbook, and keep only the top one's
  // and the close one's main checks rather than a full page of what may be the wrong runbook's commands.
  const doubt = doubtOf(query, hits, input.concepts);
  const picked = doubt ? doubtfulChecks(chosen, doubt) : chosen;
  if (doubt) {
    const section = builder.citeSection(doubt.runnerUp.chunk);
    if (section) out.push(doubtLine(lang, pointer(doubt.runnerUp.doc.title, section)));
  }
  // A row's shorthand of a check is shown as the runbook spells it out to run (row-shorthand.ts).
  const relevantDocs = [...new Set(relevant.map((hit) => hit.doc))];
  for (const record of spelledOut(picked, relevantDocs)) {
    const cite = citeCommand(record, relevant, builder);
    if (cite === null) continue;
    cites.push(cite);
    const template = templateOf(record);
    // What the conversation names is extracted once, and only when a command has a placeholder to fill.
    if (template.tokens.length > 0) values ??= conversationValues(input.question, input.history ?? []);
    const filled = fillTemplate(template, values ?? NO_VALUES);
    commands.push({
      command: filled.command,
      purpose: record.purpose,
      safety: record.safety,
      group: record.safety === 'read-only' ? 'diagnose' : 'fix',
      fills: filled.fills,
      source: { path: record.source.path, line: record.source.line },
    });
  }
  // Diagnostics (run in order), then fixes in their own group: never "run these N" across both.
  out.push(...commandsMarkdown(commands, cites, lang));

  // 5. Other retrieved docs worth a look (after the commands, as in the answer, so the [n] marks run in order).
  const seeAlso: string[] = [];
  const seen = new Set([doc.path]);
  for (const hit of hits) {
    if (seeAlso.length >= options.maxSeeAlso) break;
    if (seen.has(hit.doc.path)) continue;
    seen.add(hit.doc.path);
    const section = builder.citeSection(hit.chunk);
    if (section) {
      seeAlso.push(pointer(hit.doc.title, section));
      const related: DocPointer = {
        title: hit.doc.title,
        path: hit.doc.path,
        section: section.label,
        cite: section.n,
      };
      structured.related.push(related);
    }
  }

  if (seeAlso.length > 0) out.push(`**${labels.seeAlso}**\n\n${seeAlso.join('\n')}`);
  return { markdown: out.join('\n\n'), abstained: false, commands, structured };
}

const NO_VALUES: ReadonlyMap<string, string> = new Map();

/** Commands split at their placeholders once: records never change while a searcher is loaded. */
const templates = new WeakMap<CommandRecord, CommandTemplate>();

function templateOf(record: CommandRecord): CommandTemplate {
  let template = templates.get(record);
  if (!template) {
    template = commandTemplate(record.command);
    templates.set(record, template);
  }
  return template;
}
