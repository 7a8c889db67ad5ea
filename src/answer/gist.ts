import type { Chunk, DocRecord } from '../core/types.js';
import { blocks, chunkLines, cutAtSentence } from './source-text.js';

export interface Quote {
  chunk: Chunk;
  start: number;
  end: number;
  quote: string;
}

/** Gists by chunk and length: they depend on nothing else, and chunks never change while a searcher is loaded. */
const gists = new WeakMap<Chunk, Map<number, Quote | null>>();

/** The first prose paragraph (or list) of a chunk, cut at a sentence end within `maxChars`. */
export function gistOf(chunk: Chunk | undefined, maxChars: number): Quote | null {
  if (!chunk) return null;
  let byLength = gists.get(chunk);
  if (!byLength) {
    byLength = new Map();
    gists.set(chunk, byLength);
  }
  let gist = byLength.get(maxChars);
  if (gist === undefined) {
    gist = findGist(chunk, maxChars);
    byLength.set(maxChars, gist);
  }
  return gist;
}

function findGist(chunk: Chunk, maxChars: number): Quote | null {
  const paragraph = blocks(chunkLines(chunk)).find(
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

/** Where to take a gist from when the best hit has none: the doc's overview, else its first chunk with prose. */
export function overviewChunk(doc: DocRecord, exclude: Chunk): Chunk | undefined {
  return (
    doc.chunks.find((chunk) => chunk.kind === 'overview' && chunk !== exclude) ??
    doc.chunks.find((chunk) => chunk !== exclude && chunk.kind !== 'related' && gistOf(chunk, 80) !== null)
  );
}
