/** Cites the source of a suggested command: its fenced block, or the table row it sits in. */
import type { Chunk, CommandRecord, DocRecord } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import type { CitationBuilder } from './citations.js';
import { chunkOf } from './doc-index.js';
import { blocks, type ChunkLines, chunkLines, linesContain } from './source-text.js';

interface CommandQuote {
  chunk: Chunk;
  start: number;
  end: number;
  quote: string;
}

/** Per command record (always looked up in its own doc): what to cite, or null when it cannot be quoted. */
const quoteCache = new WeakMap<CommandRecord, CommandQuote | null>();

/** Cites the fenced block (or table row) a command comes from; null when its doc was not retrieved. */
export function citeCommand(
  record: CommandRecord,
  hits: readonly FusedHit[],
  builder: CitationBuilder,
): number | null {
  const doc = hits.find((hit) => hit.doc.path === record.source.path)?.doc;
  if (!doc) return null;
  let quote = quoteCache.get(record);
  if (quote === undefined) {
    quote = findQuote(record, doc);
    quoteCache.set(record, quote);
  }
  return quote === null ? null : builder.cite(quote.chunk, quote.start, quote.end, quote.quote);
}

function findQuote(record: CommandRecord, doc: DocRecord): CommandQuote | null {
  const chunk = chunkOf(doc, record.chunkId, record.source.line);
  if (!chunk) return null;
  const source = chunkLines(chunk);
  const line = record.source.line;
  const block = blocks(source).find((b) => b.start <= line && line <= b.end);
  const [start, end] = block?.kind === 'fence' ? [block.start, block.end] : [line, line];
  const quote = commandQuote(record.command, source, start, end);
  return quote === null ? null : { chunk, start, end, quote };
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
