/** Renders a likely cause (a troubleshooting-table row) as a cited list item. */
import type { Chunk, DocRecord, TroubleshootingRow } from '../core/types.js';
import { type CitationBuilder, mark } from './citations.js';
import { chunkOf } from './doc-index.js';
import { chunkLines, lineAt, squash } from './source-text.js';
import type { CausePart } from './types.js';

interface RowQuotes {
  chunk: Chunk;
  /** The raw markdown cells to quote; cause and fix are null when empty or not found in the row's line. */
  symptom: string;
  cause: string | null;
  fix: string | null;
}

/** Per row (which always comes with its own doc): the cells to quote, or null when the row cannot be found. */
const rowQuoteCache = new WeakMap<TroubleshootingRow, RowQuotes | null>();

function rowQuotes(row: TroubleshootingRow, doc: DocRecord): RowQuotes | null {
  let quotes = rowQuoteCache.get(row);
  if (quotes === undefined) {
    quotes = findRowQuotes(row, doc);
    rowQuoteCache.set(row, quotes);
  }
  return quotes;
}

function findRowQuotes(row: TroubleshootingRow, doc: DocRecord): RowQuotes | null {
  const chunk = chunkOf(doc, row.chunkId, row.source.line);
  if (!chunk) return null;
  const line = lineAt(chunkLines(chunk), row.source.line);
  if (line === undefined) return null;
  const cells = splitRow(line);
  const symptom = rawCell(cells, row.symptom, line);
  if (!symptom) return null;
  return { chunk, symptom, cause: rawCell(cells, row.cause, line), fix: rawCell(cells, row.fix, line) };
}

/** Cites a row's raw table cells (so the citation is exact); null when the row cannot be quoted. */
export function citeRow(row: TroubleshootingRow, doc: DocRecord, builder: CitationBuilder): CausePart | null {
  const quotes = rowQuotes(row, doc);
  if (!quotes) return null;
  const { chunk, symptom, cause, fix } = quotes;
  const line = row.source.line;
  let n = builder.cite(chunk, line, line, symptom);
  if (cause) n = builder.cite(chunk, line, line, cause) ?? n;
  if (fix) n = builder.cite(chunk, line, line, fix) ?? n;
  if (n === null) return null;
  return {
    symptom: unpipe(symptom),
    cause: cause ? unpipe(cause) : '',
    fix: fix ? unpipe(fix) : '',
    cite: n,
  };
}

/** `- **symptom** — cause；处理：fix [n]`. */
export function renderCause(cause: CausePart, fixLabel: string): string {
  let text = `- **${cause.symptom}**`;
  if (cause.cause) text += ` — ${cause.cause}`;
  if (cause.fix) text += `；${fixLabel}：${cause.fix}`;
  return `${text}${mark(cause.cite)}`;
}

function unpipe(cell: string): string {
  return cell.replace(/\\\|/g, '|');
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
  const target = flat(plain);
  const raw = cells.find((cell) => flat(cell) === target);
  if (raw) return raw;
  return squash(line).includes(squash(plain)) ? plain : null;
}

/** A cell's text without markdown escapes and emphasis, whitespace removed. */
function flat(text: string): string {
  return squash(text.replace(/\\(.)/g, '$1').replace(/[`*_]/g, ''));
}
