import type { Chunk } from '../core/types.js';

/**
 * Line-level access to a chunk's source slice. `chunk.text` is the file's lines `chunk.lines[0]..[1]` joined
 * and trimmed; a chunk starts at a heading or block line (never blank), so text line i is file line lines[0] + i.
 */
export interface ChunkLines {
  chunk: Chunk;
  /** Raw source lines of the chunk, `\r` removed. */
  lines: string[];
  /** File line of `lines[0]`. */
  first: number;
  /**
   * Memoized `blocks()`, and by line range (see `rangeKey`) the squashed lines and the `linesContain` answers:
   * chunks never change while a searcher is loaded, and every quote checked against them is KB text.
   */
  blocks?: Block[];
  squashed: Map<number, string>;
  contains: Map<number, Map<string, boolean>>;
}

const cache = new WeakMap<Chunk, ChunkLines>();

export function chunkLines(chunk: Chunk): ChunkLines {
  let cached = cache.get(chunk);
  if (!cached) {
    cached = {
      chunk,
      lines: chunk.text.split('\n').map((line) => line.replace(/\r$/, '')),
      first: chunk.lines[0],
      squashed: new Map(),
      contains: new Map(),
    };
    cache.set(chunk, cached);
  }
  return cached;
}

/** The source line at a file line number, or undefined when the chunk does not hold it. */
export function lineAt(source: ChunkLines, fileLine: number): string | undefined {
  return source.lines[fileLine - source.first];
}

export interface Block {
  kind: 'fence' | 'paragraph' | 'table' | 'heading';
  /** File lines, 1-based inclusive. */
  start: number;
  end: number;
  /** The block's raw lines. */
  lines: string[];
  /** Fence language (`text`, `mermaid`, `bash`), '' when none. */
  lang: string;
}

const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;

/** Splits a chunk's lines into top-level blocks (headings, fenced code, tables, prose paragraphs and lists). */
export function blocks(source: ChunkLines): Block[] {
  source.blocks ??= splitBlocks(source);
  return source.blocks;
}

function splitBlocks(source: ChunkLines): Block[] {
  const out: Block[] = [];
  const { lines, first } = source;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const close = new RegExp(`^\\s{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j] ?? '')) j++;
      const end = Math.min(j, lines.length - 1);
      out.push({
        kind: 'fence',
        start: first + i,
        end: first + end,
        lines: lines.slice(i, end + 1),
        lang: fence[2] ?? '',
      });
      i = end + 1;
      continue;
    }
    if (HEADING.test(line)) {
      out.push({ kind: 'heading', start: first + i, end: first + i, lines: [line], lang: '' });
      i++;
      continue;
    }
    const isTable = line.trimStart().startsWith('|');
    let j = i + 1;
    while (j < lines.length) {
      const next = lines[j] ?? '';
      if (next.trim() === '' || FENCE_OPEN.test(next) || HEADING.test(next)) break;
      if (next.trimStart().startsWith('|') !== isTable) break;
      j++;
    }
    out.push({
      kind: isTable ? 'table' : 'paragraph',
      start: first + i,
      end: first + j - 1,
      lines: lines.slice(i, j),
      lang: '',
    });
    i = j;
  }
  return out;
}

/** Whitespace-insensitive form used to check that a quote really is in the cited lines. */
export function squash(text: string): string {
  return text.replace(/\\\|/g, '|').replace(/\s+/g, '');
}

/** True when `quote` occurs in the given file lines of the chunk. */
export function linesContain(source: ChunkLines, start: number, end: number, quote: string): boolean {
  const range = rangeKey(source, start, end);
  if (range < 0) return false;
  let answers = source.contains.get(range);
  if (!answers) {
    answers = new Map();
    source.contains.set(range, answers);
  }
  let found = answers.get(quote);
  if (found === undefined) {
    const text = squashedLines(source, range, start, end);
    found = text !== '' && text.includes(squash(quote));
    answers.set(quote, found);
  }
  return found;
}

/** A number naming the file lines start..end when the chunk holds them all, else -1 (nothing to quote there). */
function rangeKey(source: ChunkLines, start: number, end: number): number {
  const from = start - source.first;
  const to = end - source.first;
  const count = source.lines.length;
  return 0 <= from && from <= to && to < count ? from * count + to : -1;
}

function squashedLines(source: ChunkLines, range: number, start: number, end: number): string {
  let text = source.squashed.get(range);
  if (text === undefined) {
    text = squash(source.lines.slice(start - source.first, end - source.first + 1).join('\n'));
    source.squashed.set(range, text);
  }
  return text;
}

const SENTENCE_ENDS = ['。', '！', '？', '；', '. ', '; '];

/** `text` cut to `maxChars`, at the last sentence end when there is one past the first third. */
export function cutAtSentence(text: string, maxChars: number): string {
  const head = text.slice(0, maxChars);
  let stop = -1;
  for (const end of SENTENCE_ENDS) stop = Math.max(stop, head.lastIndexOf(end));
  return stop > maxChars / 3 ? head.slice(0, stop + 1).trimEnd() : head.trimEnd();
}
