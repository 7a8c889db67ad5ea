import type { Chunk, CommandRecord, DocRecord } from '../core/types.js';

/** Lookups into one doc, built on first use: docs never change while a searcher is loaded. */
interface DocIndex {
  /** First chunk with each id. */
  chunkById: Map<string, Chunk>;
  /** The commands of each chunk, in document order. */
  commandsByChunk: Map<string, CommandRecord[]>;
  /** First command record with each exact command text. */
  commandByText: Map<string, CommandRecord>;
}

const indexes = new WeakMap<DocRecord, DocIndex>();

function docIndex(doc: DocRecord): DocIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = { chunkById: new Map(), commandsByChunk: new Map(), commandByText: new Map() };
    for (const chunk of doc.chunks) if (!index.chunkById.has(chunk.id)) index.chunkById.set(chunk.id, chunk);
    for (const record of doc.commands) {
      const list = index.commandsByChunk.get(record.chunkId);
      if (list) list.push(record);
      else index.commandsByChunk.set(record.chunkId, [record]);
      if (!index.commandByText.has(record.command)) index.commandByText.set(record.command, record);
    }
    indexes.set(doc, index);
  }
  return index;
}

/** The chunk with this id, else the one holding the file line. */
export function chunkOf(doc: DocRecord, chunkId: string, line: number): Chunk | undefined {
  return (
    docIndex(doc).chunkById.get(chunkId) ??
    doc.chunks.find((chunk) => chunk.lines[0] <= line && line <= chunk.lines[1])
  );
}

const NO_COMMANDS: readonly CommandRecord[] = [];

/** The doc's commands that sit in this chunk, in document order. */
export function commandsInChunk(doc: DocRecord, chunkId: string): readonly CommandRecord[] {
  return docIndex(doc).commandsByChunk.get(chunkId) ?? NO_COMMANDS;
}

/** The doc's first command record with exactly this text. */
export function commandByText(doc: DocRecord, command: string): CommandRecord | undefined {
  return docIndex(doc).commandByText.get(command);
}
