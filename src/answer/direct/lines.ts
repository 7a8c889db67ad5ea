/**
 * Quotable lines of a chunk: prose sentences (a wrapped sentence whole), table rows with their header, the lines
 * of a text block and a shell comment with the command it annotates. Pure.
 */
import type { Chunk } from '../../core/types.js';
import { blocks, chunkLines } from '../source-text.js';

export interface Candidate {
  chunk: Chunk;
  line: number;
  endLine: number;
  quote: string;
  /** Text the candidate is matched on: the quote, its table header and its section headings. */
  context: string;
  weight: number;
  /** A comment with its command: it states the setting the command changes, not the values it is given. */
  settingOnly?: boolean;
  /** That command changes state (its block marks it `# [变更]`): it says how to change the setting, not how to read it. */
  changes?: boolean;
  /** A table row's key: its first cell, when it is a short name (`Vlan`, `ovn-k8s-mp0`, `IPIP`). */
  key?: string;
  /** A table row's header line: what each of its cells is (a troubleshooting table's 症状 | 可能原因 | …). */
  header?: string;
  /**
   * A sentence opening with a pronoun ("它让经过 cni0 的二层帧也走 iptables"): the sentence before it, which names what
   * "it" is (`net.bridge.bridge-nf-call-iptables=1`).
   */
  antecedent?: string;
}

/** A first cell that names what its row is about: one or two words or identifiers, not a sentence. */
const ROW_KEY = /^\|\s*\**`?([A-Za-z][\w.-]*(?:\s[\w.-]+)?)`?\**\s*(?:\||[（(])/;

const SHELL_COMMENT = /^\s*#\s/;
/** kb/README.md: a `# [变更]` comment marks every command from its line to the end of the block as a change. */
const CHANGE_MARK = /^\s*#\s*\[(?:变更|變更|change|mutating)\]/i;
const INLINE_COMMENT = /\S\s+#\s+\S/;

/** Per chunk: its quotable lines (prose sentences, table rows, text-block lines). */
const candidateCache = new WeakMap<Chunk, Candidate[]>();

export function candidatesOf(chunk: Chunk): Candidate[] {
  let cached = candidateCache.get(chunk);
  if (cached) return cached;
  cached = [];
  const source = chunkLines(chunk);
  // The doc title is shared by every line of the doc: it tells none apart.
  const headings = chunk.headingPath.slice(1).join(' ');
  for (const block of blocks(source)) {
    if (block.kind === 'heading') continue;
    if (block.kind === 'fence') {
      // Output, diagrams and the comments of shell blocks can state a value; shell commands do not.
      const shell = /^(?:bash|sh|shell|console|zsh)$/i.test(block.lang);
      const last = block.lines.length - 1;
      let changes = false;
      for (const [i, raw] of block.lines.entries()) {
        if (shell && CHANGE_MARK.test(raw)) changes = true;
        if (i === 0 || i === last || raw.trim() === '') continue;
        if (shell && !SHELL_COMMENT.test(raw)) continue;
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + i,
          quote: raw.trim(),
          context: `${headings} ${raw}`,
          // A config line the author annotated ("health  # :8080/health 存活") says what it sets, as prose does.
          weight: !shell && INLINE_COMMENT.test(raw) ? 1 : 0.5,
        });
        // A comment saying what the command after it changes, and that command ("# 改为 Local 以保留客户端源 IP",
        // `kubectl patch svc ... externalTrafficPolicy":"Local"`): the code line that states a setting's value.
        const next = block.lines[i + 1] ?? '';
        if (!shell || i + 1 >= last || next.trim() === '' || SHELL_COMMENT.test(next)) continue;
        let end = i + 1;
        while (end + 1 < last && /\\\s*$/.test(block.lines[end] ?? '')) end++;
        const quote = block.lines
          .slice(i, end + 1)
          .map((line) => line.trim())
          .join(' ');
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + end,
          quote,
          context: `${headings} ${quote}`,
          // The comment is the author's sentence, as prose is: a text block's other lines are output and diagrams.
          weight: 1,
          settingOnly: true,
          ...(changes ? { changes } : {}),
        });
      }
      continue;
    }
    if (block.kind === 'table') {
      const header = block.lines[0] ?? '';
      for (const [i, raw] of block.lines.entries()) {
        if (i < 2 || raw.trim() === '') continue;
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + i,
          quote: raw.trim(),
          context: `${headings} ${header} ${raw}`,
          weight: 1,
          key: ROW_KEY.exec(raw.trim())?.[1]?.toLowerCase(),
          header,
        });
      }
      continue;
    }
    for (const item of listItems(block.lines, block.start)) {
      let before: string | undefined;
      for (const sentence of sentences(item)) {
        cached.push({
          chunk,
          ...sentence,
          context: `${headings} ${sentence.quote}`,
          weight: 1,
          ...(before !== undefined && REFERS_BACK.test(sentence.quote) ? { antecedent: before } : {}),
        });
        before = sentence.quote;
      }
    }
  }
  candidateCache.set(chunk, cached);
  return cached;
}

/** A sentence that opens with a pronoun standing for what the sentence before names: "它让…", "This lets …". */
const REFERS_BACK =
  /^(?:它|这|這|此|其)(?!些|里|裡|个|個|时|時|样|樣)|^(?:it|this|that)\b(?!\s+(?:is|was)\s+(?:a|an|the)\b)/i;

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** A paragraph's items (list items, or the whole paragraph): their lines, wrapped lines joined to their item. */
function listItems(lines: readonly string[], start: number): Array<Array<{ line: number; text: string }>> {
  const items: Array<Array<{ line: number; text: string }>> = [];
  for (const [i, raw] of lines.entries()) {
    const marker = LIST_MARKER.exec(raw);
    const text = (marker ? raw.slice(marker[0].length) : raw).trim();
    if (text === '') continue;
    const last = items.at(-1);
    if (marker || !last) items.push([{ line: start + i, text }]);
    else last.push({ line: start + i, text });
  }
  return items;
}

const SENTENCE = /[^。！？；!?;]+[。！？；!?;]?/g;
const HAN_END = /\p{Script=Han}|[，。：、（）]$/u;
const HAN_START = /^(?:\p{Script=Han}|[，。：、（）])/u;

/**
 * The sentences of an item, each with the lines it spans: a sentence wrapped over two source lines is quoted
 * whole (its lines joined: without a space between Chinese text, with one between Latin words).
 */
function sentences(item: ReadonlyArray<{ line: number; text: string }>): Array<{
  line: number;
  endLine: number;
  quote: string;
}> {
  let joined = '';
  const starts: number[] = [];
  for (const { text } of item) {
    if (joined !== '' && !(HAN_END.test(joined.at(-1) ?? '') && HAN_START.test(text))) joined += ' ';
    starts.push(joined.length);
    joined += text;
  }
  const lineAt = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index++;
    return item[index]?.line ?? 0;
  };
  const out: Array<{ line: number; endLine: number; quote: string }> = [];
  for (const match of joined.matchAll(SENTENCE)) {
    const quote = match[0].trim();
    if (quote === '') continue;
    const from = match.index + (match[0].length - match[0].trimStart().length);
    out.push({ line: lineAt(from), endLine: lineAt(from + quote.length - 1), quote });
  }
  return out;
}
