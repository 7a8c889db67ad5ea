/**
 * Builds the `/v1/chat` answer from retrieval results. Pure, deterministic and extractive: every sentence of
 * the answer is copied from a retrieved doc and cites the exact lines it came from; no model writes text.
 */
import type { Chunk, CommandRecord, DocRecord, Safety, TroubleshootingRow } from '../core/types.js';
import { foldText } from '../retrieve/normalize.js';
import type { FusedHit, RetrievalResult, RetrieverName } from '../retrieve/types.js';
import { extractEntities, type Fill, fillCommand, placeholderValues } from './placeholders.js';
import {
  type Block,
  blocks,
  type ChunkLines,
  chunkLines,
  lineAt,
  linesContain,
  squash,
} from './source-text.js';

export interface Citation {
  /** Relative to the KB root. */
  path: string;
  title: string;
  /** Nearest heading at or above the cited lines ('' when the doc has none there). */
  heading: string;
  /** 1-based inclusive file lines; they contain the cited text. */
  lines: [number, number];
  score: number;
  via: RetrieverName[];
  matched_triggers: string[];
}

export interface ChatCommand {
  command: string;
  purpose: string;
  safety: Safety;
  fills: Fill[];
  source: { path: string; line: number };
}

/** The `POST /v1/chat` 200 body (also `netkb ask --json`). */
export interface ChatBody {
  id: string;
  conversation_id: string;
  answer: string;
  abstained: boolean;
  confidence: number;
  citations: Citation[];
  commands: ChatCommand[];
  retrievers: RetrievalResult['retrievers'];
  took_ms: number;
}

/** A quote from the source and the citation (index into `citations`) whose lines contain it. */
export interface Evidence {
  citation: number;
  quote: string;
}

export interface Composed {
  body: ChatBody;
  /** What each citation backs up; not sent to clients, used by tests and debugging. */
  evidence: Evidence[];
}

export interface ComposeInput {
  /** This turn's question as the user wrote it. */
  question: string;
  result: RetrievalResult;
  /** The text retrieval ran on, when it differs (follow-ups prepend earlier questions). */
  query?: string;
  /** Earlier questions of the conversation, oldest first: names they gave still fill placeholders. */
  history?: readonly string[];
  id: string;
  conversationId: string;
  tookMs: number;
}

export interface ComposeOptions {
  maxCommands: number;
  /** When the hit sections and matched rows give fewer, the best doc's other read-only commands fill up to this. */
  minCommands: number;
  maxCauses: number;
  /** Other retrieved docs pointed to under the main answer. */
  maxSeeAlso: number;
  /** Docs suggested when abstaining. */
  maxSuggestions: number;
  /** Longest gist quoted, in characters (cut at a sentence end when possible). */
  maxGistChars: number;
  /** Longest traffic-path diagram inlined, in lines. */
  maxPathLines: number;
  /** Other docs contribute causes and commands when their hit scores at least this share of the best hit. */
  relevantShare: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  maxCommands: 10,
  minCommands: 4,
  maxCauses: 3,
  maxSeeAlso: 2,
  maxSuggestions: 3,
  maxGistChars: 280,
  maxPathLines: 30,
  relevantShare: 0.35,
};

export type Lang = 'zh' | 'en';

/** Chinese labels for questions with Chinese characters, English otherwise. */
export function languageOf(text: string): Lang {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

export const LABELS = {
  zh: {
    path: '流量路径',
    causes: '可能原因',
    fix: '处理',
    commands: '建议命令（只读在前，变更操作已标注）',
    mutating: '变更',
    sources: '来源',
    runCommands: (total: number, mutating: number) =>
      `按顺序执行下面 ${total} 条命令：只读命令在前${mutating > 0 ? `，最后 ${mutating} 条会变更状态（已标注），执行前确认影响` : ''}。`,
    seeAlso: '其他相关文档',
    section: '相关章节',
    abstain: (confidence: number) => `没有找到足够确定的答案（置信度 ${confidence.toFixed(2)}）。`,
    suggestions: '可能相关的文档：',
    noDocs: '知识库里没有与这个问题相关的文档。',
    needMore: '补充以下信息可以帮助定位：',
    askCni: '使用的是哪个 CNI（Kube-OVN、Calico、Cilium、Flannel、OVN-Kubernetes……）？',
    askEnds: '源和目的分别是什么（Pod / 节点 / Service / 集群外地址，IP 和端口）？',
    askSymptom:
      '具体现象是什么（超时、connection refused、no route to host、DNS 解析失败、丢包），报错原文？',
    askRephrase: '换个说法描述问题，或贴出报错原文和相关命令输出。',
  },
  en: {
    path: 'Traffic path',
    causes: 'Likely causes',
    fix: 'fix',
    commands: 'Commands (read-only first, state-changing ones marked)',
    mutating: 'changes state',
    sources: 'Sources',
    runCommands: (total: number, mutating: number) =>
      `Run the ${total} command${total === 1 ? '' : 's'} below in order: read-only first` +
      `${mutating > 0 ? `; the last ${mutating} change${mutating === 1 ? 's' : ''} state (marked), check the impact first` : ''}.`,
    seeAlso: 'Also relevant',
    section: 'Relevant section',
    abstain: (confidence: number) =>
      `I could not find a confident answer (confidence ${confidence.toFixed(2)}).`,
    suggestions: 'Closest documents:',
    noDocs: 'The knowledge base has no document about this.',
    needMore: 'This information would help:',
    askCni: 'Which CNI is the cluster using (Kube-OVN, Calico, Cilium, Flannel, OVN-Kubernetes, ...)?',
    askEnds: 'What are the source and destination (pod / node / service / outside address, IPs and ports)?',
    askSymptom:
      'What is the symptom (timeout, connection refused, no route to host, DNS failure, packet loss) and the exact error?',
    askRephrase: 'Rephrase the question, or paste the exact error and the output of the commands you ran.',
  },
} as const;

export function composeAnswer(
  input: ComposeInput,
  options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS,
): Composed {
  const lang = languageOf(input.question);
  const builder = new CitationBuilder(input.result.hits);
  const answer =
    input.result.abstain || input.result.hits.length === 0
      ? abstainAnswer(input, builder, lang, options)
      : fullAnswer(input, builder, lang, options);
  return {
    body: {
      id: input.id,
      conversation_id: input.conversationId,
      answer: answer.markdown,
      abstained: answer.abstained,
      confidence: round(input.result.confidence, 3),
      citations: builder.citations,
      commands: answer.commands,
      retrievers: input.result.retrievers,
      took_ms: round(input.tookMs, 2),
    },
    evidence: builder.evidence,
  };
}

// --- citations ---------------------------------------------------------------------------------------------------

/** Collects citations in order of first use; only chunks of retrieved docs can be cited. */
class CitationBuilder {
  readonly citations: Citation[] = [];
  readonly evidence: Evidence[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly hitByChunk = new Map<string, FusedHit>();
  private readonly bestHitByDoc = new Map<string, FusedHit>();

  constructor(hits: readonly FusedHit[]) {
    for (const hit of hits) {
      if (!this.hitByChunk.has(hit.chunk.id)) this.hitByChunk.set(hit.chunk.id, hit);
      if (!this.bestHitByDoc.has(hit.doc.path)) this.bestHitByDoc.set(hit.doc.path, hit);
    }
  }

  /**
   * Cites `quote` at file lines start..end of `chunk`. Returns the 1-based marker number, or null when the
   * quote is not really in those lines or the chunk's doc was not retrieved (then the statement is dropped).
   */
  cite(chunk: Chunk, start: number, end: number, quote: string): number | null {
    const hit = this.hitByChunk.get(chunk.id) ?? this.bestHitByDoc.get(chunk.path);
    if (!hit || quote.trim() === '') return null;
    if (!linesContain(chunkLines(chunk), start, end, quote)) return null;
    const key = `${chunk.path}:${start}-${end}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.citations.length;
      this.byKey.set(key, index);
      this.citations.push({
        path: chunk.path,
        title: hit.doc.title,
        heading: chunk.headingPath.at(-1) ?? '',
        lines: [start, end],
        score: round(hit.score, 4),
        via: [...hit.via],
        matched_triggers: [...hit.matchedTriggers],
      });
    }
    if (!this.evidence.some((item) => item.citation === index && item.quote === quote)) {
      this.evidence.push({ citation: index, quote });
    }
    return index + 1;
  }

  /**
   * Cites a section by its first line: the heading when the chunk starts with it, else its first words.
   * Returns the marker and the label to show (the label is the quoted text).
   */
  citeSection(chunk: Chunk): { n: number; label: string } | null {
    const source = chunkLines(chunk);
    const first = (source.lines[0] ?? '').trim();
    const heading = chunk.headingPath.at(-1) ?? '';
    const label = heading && squash(first).includes(squash(heading)) ? heading : cutAtSentence(first, 80);
    const n = this.cite(chunk, source.first, source.first, label);
    return n === null ? null : { n, label };
  }
}

function mark(n: number | null): string {
  return n === null ? '' : ` [${n}]`;
}

// --- full answer ---------------------------------------------------------------------------------------------------

interface AnswerParts {
  markdown: string;
  abstained: boolean;
  commands: ChatCommand[];
}

function fullAnswer(
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

  // 1. What the best section says.
  const heading = top.chunk.headingPath.at(-1) ?? '';
  const gist =
    gistOf(top.chunk, options.maxGistChars) ?? gistOf(overviewChunk(doc, top.chunk), options.maxGistChars);
  // The title names the gist's section when the gist comes from the best hit; otherwise the hit is pointed to.
  const gistSection = gist?.chunk === top.chunk && heading && heading !== doc.title ? ` — ${heading}` : '';
  out.push(`**${doc.title}**${gistSection}`);
  if (gist) {
    const n = builder.cite(gist.chunk, gist.start, gist.end, gist.quote);
    if (n !== null) out.push(`${gist.quote}${mark(n)}`);
  }
  if (!gist || gist.chunk !== top.chunk) {
    const section = builder.citeSection(top.chunk);
    if (section) out.push(`${labels.section}: ${section.label}${mark(section.n)}`);
  }

  // 2. The traffic path, when the doc has one.
  const path = trafficPath(doc, hits, options.maxPathLines);
  if (path) {
    const n = builder.cite(path.chunk, path.block.start, path.block.end, path.quote);
    if (n !== null) out.push(`**${labels.path}**${mark(n)}\n\n${path.block.lines.join('\n')}`);
  }

  // Causes and commands come only from docs that scored close to the best one: a weak hit's table is noise.
  const relevant = hits.filter((hit) => hit.doc === doc || hit.score >= top.score * options.relevantShare);

  // 3. Troubleshooting rows that match the question: likely causes.
  const rows = likelyCauses(query, relevant, options.maxCauses);
  const causeLines: string[] = [];
  for (const { row, doc: rowDoc } of rows) {
    const rendered = renderRow(row, rowDoc, builder, labels.fix);
    if (rendered) causeLines.push(rendered);
  }
  if (causeLines.length > 0) out.push(`**${labels.causes}**\n\n${causeLines.join('\n')}`);

  // 4. Other retrieved docs worth a look (cited before the commands so the answer's [n] marks run in order).
  const seeAlso: string[] = [];
  const seen = new Set([doc.path]);
  for (const hit of hits) {
    if (seeAlso.length >= options.maxSeeAlso) break;
    if (seen.has(hit.doc.path)) continue;
    seen.add(hit.doc.path);
    const section = builder.citeSection(hit.chunk);
    if (section) seeAlso.push(pointer(hit.doc.title, section));
  }

  // 5. Commands: those in the hit sections, then the matched rows' linked ones; read-only first.
  const values = fillValues(input.question, input.history ?? []);
  const picked = pickCommands(relevant, rows, options.maxCommands, options.minCommands);
  const commands: ChatCommand[] = [];
  for (const record of picked) {
    if (citeCommand(record, relevant, builder) === null) continue;
    const filled = fillCommand(record.command, values);
    commands.push({
      command: filled.command,
      purpose: record.purpose,
      safety: record.safety,
      fills: filled.fills,
      source: { path: record.source.path, line: record.source.line },
    });
  }
  // The commands themselves are in `commands` (rendered after the answer); the answer says how to run them.
  if (commands.length > 0) {
    const mutating = commands.filter((command) => command.safety === 'mutating').length;
    out.push(labels.runCommands(commands.length, mutating));
  }

  if (seeAlso.length > 0) out.push(`**${labels.seeAlso}**\n\n${seeAlso.join('\n')}`);
  return { markdown: out.join('\n\n'), abstained: false, commands };
}

/** `- **Doc title** — Section [n]`. */
function pointer(title: string, section: { n: number; label: string }): string {
  return `- **${title}**${section.label !== title ? ` — ${section.label}` : ''}${mark(section.n)}`;
}

// --- gist ----------------------------------------------------------------------------------------------------------

interface Quote {
  chunk: Chunk;
  start: number;
  end: number;
  quote: string;
}

/** The first prose paragraph (or list) of a chunk, cut at a sentence end within `maxChars`. */
function gistOf(chunk: Chunk | undefined, maxChars: number): Quote | null {
  if (!chunk) return null;
  const source = chunkLines(chunk);
  const paragraph = blocks(source).find(
    (block) => block.kind === 'paragraph' && /[\p{L}\p{N}]/u.test(block.lines.join('')),
  );
  if (!paragraph) return null;
  const lines: string[] = [];
  let length = 0;
  let end = paragraph.start;
  for (const [i, line] of paragraph.lines.entries()) {
    const text = i === 0 ? line.trim() : line.trimEnd();
    if (length > 0 && length + text.length > maxChars) break;
    lines.push(text);
    length += text.length;
    end = paragraph.start + i;
    if (length >= maxChars) break;
  }
  let quote = lines.join('\n');
  if (quote.length > maxChars) quote = cutAtSentence(quote, maxChars);
  return { chunk, start: paragraph.start, end, quote };
}

function cutAtSentence(text: string, maxChars: number): string {
  const head = text.slice(0, maxChars);
  const stop = Math.max(...['。', '！', '？', '；', '. ', '; '].map((mark) => head.lastIndexOf(mark)));
  return stop > maxChars / 3 ? head.slice(0, stop + 1).trimEnd() : head.trimEnd();
}

function overviewChunk(doc: DocRecord, exclude: Chunk): Chunk | undefined {
  return (
    doc.chunks.find((chunk) => chunk.kind === 'overview' && chunk !== exclude) ??
    doc.chunks.find((chunk) => chunk !== exclude && chunk.kind !== 'related' && gistOf(chunk, 80) !== null)
  );
}

// --- traffic path ------------------------------------------------------------------------------------------------------

interface PathQuote {
  chunk: Chunk;
  block: Block;
  quote: string;
}

/** The doc's traffic-path diagram: the first diagram-like fenced block of its `traffic_path` section. */
function trafficPath(doc: DocRecord, hits: readonly FusedHit[], maxLines: number): PathQuote | null {
  const pathChunks = doc.chunks.filter((chunk) => chunk.kind === 'traffic_path');
  const hitIds = new Set(hits.map((hit) => hit.chunk.id));
  pathChunks.sort((a, b) => Number(hitIds.has(b.id)) - Number(hitIds.has(a.id)));
  for (const chunk of pathChunks) {
    const block = blocks(chunkLines(chunk)).find(
      (b) => b.kind === 'fence' && !/^(?:bash|sh|shell|console|zsh|yaml|yml|json)$/i.test(b.lang),
    );
    if (!block || block.lines.length > maxLines + 2) continue;
    const inner = block.lines.slice(1, -1).find((line) => line.trim() !== '');
    if (inner) return { chunk, block, quote: inner.trim() };
  }
  return null;
}

// --- likely causes -------------------------------------------------------------------------------------------------------

const LATIN_STOP = new Set(
  'the is are was to of in on at for from by with and or not no how why what when which can could does do did it this that my i a an'.split(
    ' ',
  ),
);
const HAN_STOP = new Set([
  '怎么',
  '什么',
  '为什',
  '是不',
  '不是',
  '一直',
  '如何',
  '可以',
  '问题',
  '这个',
  '那个',
  '的时',
  '时候',
  '还是',
  '就是',
  '为啥',
]);

const termCache = new WeakMap<object, Map<string, number>>();

/** Weighted terms: Chinese character bigrams (weight 1) and Latin words (longer = more specific). */
function terms(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const normalized = foldText(text);
  for (const [run] of normalized.matchAll(/\p{Script=Han}+|[a-z0-9][a-z0-9_.\-/]*[a-z0-9]|[a-z0-9]/gu)) {
    if (/^\p{Script=Han}/u.test(run)) {
      if (run.length === 1) continue;
      for (let i = 0; i + 2 <= run.length; i++) {
        const bigram = run.slice(i, i + 2);
        if (!HAN_STOP.has(bigram)) out.set(bigram, 1);
      }
      continue;
    }
    if (run.length < 2 || LATIN_STOP.has(run)) continue;
    out.set(run, Math.min(3, 0.5 + run.length / 3));
    for (const part of run.split(/[-_./]+/)) {
      if (part.length >= 2 && part !== run && !LATIN_STOP.has(part))
        out.set(part, Math.min(2, 0.5 + part.length / 4));
    }
  }
  return out;
}

function rowTerms(row: TroubleshootingRow): Map<string, number> {
  let cached = termCache.get(row);
  if (!cached) {
    cached = terms(`${row.symptom} ${row.cause}`);
    termCache.set(row, cached);
  }
  return cached;
}

interface RankedRow {
  row: TroubleshootingRow;
  doc: DocRecord;
  score: number;
}

/** Troubleshooting rows of the top docs, ranked by overlap with the question (the top doc counts most). */
function likelyCauses(query: string, hits: readonly FusedHit[], max: number): RankedRow[] {
  const wanted = terms(query);
  const docs: DocRecord[] = [];
  for (const hit of hits) if (!docs.includes(hit.doc) && docs.length < 3) docs.push(hit.doc);
  const hitChunks = new Set(hits.map((hit) => hit.chunk.id));
  const ranked: RankedRow[] = [];
  docs.forEach((doc, rank) => {
    const docFactor = rank === 0 ? 1 : 0.6;
    for (const row of doc.troubleshooting) {
      const have = rowTerms(row);
      let overlap = 0;
      for (const [term, weight] of wanted) if (have.has(term)) overlap += weight;
      if (overlap > 0 && hitChunks.has(row.chunkId)) overlap += 0.5;
      ranked.push({ row, doc, score: overlap * docFactor });
    }
  });
  ranked.sort((a, b) => b.score - a.score || a.row.source.line - b.row.source.line);
  const best = ranked[0]?.score ?? 0;
  const matched = ranked.filter((item) => item.score >= 1.5 && item.score >= best * 0.4).slice(0, max);
  if (matched.length > 0) return matched;
  // The best hit is the troubleshooting table itself but no row shares words with the question: show its first rows.
  const top = hits[0];
  if (top?.chunk.kind !== 'troubleshooting') return [];
  return top.doc.troubleshooting
    .filter((row) => row.chunkId === top.chunk.id)
    .slice(0, Math.min(2, max))
    .map((row) => ({ row, doc: top.doc, score: 0 }));
}

/** `- **symptom** — cause；处理：fix [n]`, quoting the raw table cells so the citation is exact. */
function renderRow(
  row: TroubleshootingRow,
  doc: DocRecord,
  builder: CitationBuilder,
  fixLabel: string,
): string | null {
  const chunk = doc.chunks.find((c) => c.id === row.chunkId) ?? chunkAtLine(doc, row.source.line);
  if (!chunk) return null;
  const source = chunkLines(chunk);
  const line = lineAt(source, row.source.line);
  if (line === undefined) return null;
  const cells = splitRow(line);
  const symptom = rawCell(cells, row.symptom, line);
  const cause = rawCell(cells, row.cause, line);
  const fix = rawCell(cells, row.fix, line);
  if (!symptom) return null;
  let n: number | null = null;
  for (const quote of [symptom, cause, fix]) {
    if (quote) n = builder.cite(chunk, row.source.line, row.source.line, quote) ?? n;
  }
  if (n === null) return null;
  const unpipe = (cell: string) => cell.replace(/\\\|/g, '|');
  const parts = [`- **${unpipe(symptom)}**`];
  if (cause) parts.push(` — ${unpipe(cause)}`);
  if (fix) parts.push(`；${fixLabel}：${unpipe(fix)}`);
  return `${parts.join('')}${mark(n)}`;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The raw markdown of the cell whose plain text is `plain` (or `plain` itself when it is in the line verbatim). */
function rawCell(cells: string[], plain: string, line: string): string | null {
  if (!plain) return null;
  const flat = (text: string) => squash(text.replace(/\\(.)/g, '$1').replace(/[`*_]/g, ''));
  const target = flat(plain);
  const raw = cells.find((cell) => flat(cell) === target);
  if (raw) return raw;
  return squash(line).includes(squash(plain)) ? plain : null;
}

function chunkAtLine(doc: DocRecord, line: number): Chunk | undefined {
  return doc.chunks.find((chunk) => chunk.lines[0] <= line && line <= chunk.lines[1]);
}

// --- commands --------------------------------------------------------------------------------------------------------

function normalizeCommand(command: string): string {
  return command.replace(/\s+/g, ' ').trim();
}

/** Commands in the hit sections (best hit first), then the matched rows' ones, then fill-up; deduplicated, read-only first. */
function pickCommands(
  hits: readonly FusedHit[],
  rows: readonly RankedRow[],
  max: number,
  minCommands: number,
): CommandRecord[] {
  const picked: CommandRecord[] = [];
  const seen = new Set<string>();
  const add = (record: CommandRecord | undefined) => {
    if (!record) return;
    const key = normalizeCommand(record.command);
    if (seen.has(key)) return;
    seen.add(key);
    picked.push(record);
  };
  const seenChunks = new Set<string>();
  for (const hit of hits) {
    if (seenChunks.has(hit.chunk.id)) continue;
    seenChunks.add(hit.chunk.id);
    for (const record of hit.doc.commands) if (record.chunkId === hit.chunk.id) add(record);
  }
  for (const { row, doc } of rows) {
    for (const command of row.commands) add(doc.commands.find((record) => record.command === command));
  }
  // Too few (the best hit is prose, say): the best doc's other read-only commands, in document order.
  const best = hits[0]?.doc;
  for (const record of best?.commands ?? []) {
    if (picked.length >= minCommands) break;
    if (record.safety === 'read-only') add(record);
  }
  // Stable: read-only ones keep their order and come first; mutating ones go last.
  const ordered = [
    ...picked.filter((c) => c.safety === 'read-only'),
    ...picked.filter((c) => c.safety !== 'read-only'),
  ];
  return ordered.slice(0, max);
}

/** Cites the fenced block (or table row) a command comes from. */
function citeCommand(
  record: CommandRecord,
  hits: readonly FusedHit[],
  builder: CitationBuilder,
): number | null {
  const doc = hits.find((hit) => hit.doc.path === record.source.path)?.doc;
  if (!doc) return null;
  const chunk = doc.chunks.find((c) => c.id === record.chunkId) ?? chunkAtLine(doc, record.source.line);
  if (!chunk) return null;
  const source = chunkLines(chunk);
  const line = record.source.line;
  const block = blocks(source).find((b) => b.start <= line && line <= b.end);
  const [start, end] = block?.kind === 'fence' ? [block.start, block.end] : [line, line];
  const quote = commandQuote(record.command, source, start, end);
  return quote === null ? null : builder.cite(chunk, start, end, quote);
}

/** The longest word prefix of the command's first line found in the lines (continuations differ from the source). */
function commandQuote(command: string, source: ChunkLines, start: number, end: number): string | null {
  const words = (command.split('\n')[0] ?? '').split(/\s+/).filter(Boolean);
  for (let n = words.length; n >= 1; n--) {
    const quote = words.slice(0, n).join(' ');
    if (linesContain(source, start, end, quote)) return quote;
  }
  return null;
}

// --- placeholders ------------------------------------------------------------------------------------------------------

/** This turn's names first; earlier turns fill what this one does not name. */
function fillValues(question: string, history: readonly string[]): Map<string, string> {
  const values = placeholderValues(extractEntities(question));
  for (const earlier of [...history].reverse()) {
    for (const [placeholder, value] of placeholderValues(extractEntities(earlier))) {
      if (!values.has(placeholder)) values.set(placeholder, value);
    }
  }
  return values;
}

// --- abstaining --------------------------------------------------------------------------------------------------------

const CNI_WORDS =
  /kube-?ovn|calico|cilium|flannel|ovn-?k(?:8s|ubernetes)?\b|ovnk|weave|antrea|canal|kindnet|terway|multus|kube-router|vpc-cni|aws-node/i;
const SYMPTOM_WORDS =
  /超时|超時|不通|拒绝|拒絕|refused|reset|重置|no route|unreachable|timeout|timed out|丢包|丟包|loss|drop|nxdomain|解析|resolve|失败|失敗|fail|error|报错|報錯|延迟|延遲|latency|慢|slow|卡住|hang|断|斷|flaky|间歇|間歇|pending|crash|502|503|504/i;
const ENDPOINT_WORDS =
  /pod|容器|node|节点|節點|宿主|host|service|svc|服务|服務|clusterip|nodeport|loadbalancer|ingress|外网|外網|公网|公網|internet|external|集群外|dns|coredns|apiserver|kubelet/gi;

function abstainAnswer(
  input: ComposeInput,
  builder: CitationBuilder,
  lang: Lang,
  options: ComposeOptions,
): AnswerParts {
  const labels = LABELS[lang];
  const out: string[] = [labels.abstain(input.result.confidence)];
  const suggestions: string[] = [];
  const seen = new Set<string>();
  for (const hit of input.result.hits) {
    if (suggestions.length >= options.maxSuggestions) break;
    if (seen.has(hit.doc.path)) continue;
    seen.add(hit.doc.path);
    const section = builder.citeSection(hit.chunk);
    if (section) suggestions.push(pointer(hit.doc.title, section));
  }
  out.push(suggestions.length > 0 ? `${labels.suggestions}\n\n${suggestions.join('\n')}` : labels.noDocs);

  const text = [...(input.history ?? []), input.question].join(' ');
  const entities = extractEntities(text);
  const named = entities.ips.length + entities.pods.length + entities.nodes.length + entities.services.length;
  const endpoints = new Set((text.match(ENDPOINT_WORDS) ?? []).map((word) => word.toLowerCase()));
  const asks: string[] = [];
  if (!CNI_WORDS.test(text)) asks.push(labels.askCni);
  if (named + endpoints.size < 2) asks.push(labels.askEnds);
  if (!SYMPTOM_WORDS.test(text)) asks.push(labels.askSymptom);
  if (asks.length === 0) asks.push(labels.askRephrase);
  out.push(`${labels.needMore}\n\n${asks.map((ask) => `- ${ask}`).join('\n')}`);
  return { markdown: out.join('\n\n'), abstained: true, commands: [] };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
