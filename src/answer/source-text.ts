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
  /** Memoized `blocks()` and squashed line ranges: chunks never change while a searcher is loaded. */
  blocks?: Block[];
  squashed: Map<string, string>;
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
  const key = `${start}:${end}`;
  let text = source.squashed.get(key);
  if (text === undefined) {
    const slice = source.lines.slice(start - source.first, end - source.first + 1);
    text = slice.length === end - start + 1 ? squash(slice.join('\n')) : '';
    source.squashed.set(key, text);
  }
  return text !== '' && text.includes(squash(quote));
}
