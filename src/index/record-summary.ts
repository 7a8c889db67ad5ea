/**
 * The summary of a generation's doc records (summary.json beside docs.jsonl): per record, the checksum and length
 * of its docs.jsonl line and what an ingest needs of an unchanged doc besides its line (command count, findings,
 * links). An ingest that writes a new generation after an edit takes unchanged records as their bytes, checked
 * against the summary, instead of parsing every record: a line whose checksum does not match is treated as a
 * damaged record (its doc is parsed again from its source file). Derived data: a missing or invalid summary only
 * means the records are parsed as before. Pure (no I/O).
 */
import { crc32 } from 'node:zlib';
import { type Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { NetkbError } from '../core/errors.js';
import type { ParsedDocument } from '../ingest/document.js';
import { FindingSchema, isConsistentDoc } from './record-schema.js';

/** Bump when the summary's meaning changes: an older summary is then ignored (the records are parsed). */
export const SUMMARY_FORMAT = 1;

const SummaryEntrySchema = Type.Object({
  path: Type.String({ minLength: 1 }),
  hash: Type.String({ minLength: 1 }),
  /** CRC-32 of the record's docs.jsonl line (without its newline). */
  crc: Type.Integer({ minimum: 0 }),
  /** Byte length of that line. */
  bytes: Type.Integer({ minimum: 0 }),
  commands: Type.Integer({ minimum: 0 }),
  findings: Type.Array(FindingSchema),
  links: Type.Array(Type.Object({ target: Type.String(), line: Type.Integer({ minimum: 0 }) })),
});
export type SummaryEntry = Static<typeof SummaryEntrySchema>;

const SummarySchema = Type.Object({
  format: Type.Literal(SUMMARY_FORMAT),
  docs: Type.Array(SummaryEntrySchema),
});
export type RecordSummary = Static<typeof SummarySchema>;
const summaryCheck = TypeCompiler.Compile(SummarySchema);

/**
 * A doc read back unchanged as its stored record, not parsed: its line's bytes, its chunk count (from the
 * manifest) and its summary entry. Written back as it is; `parsedRecord` parses it where its content is needed.
 */
export interface StoredDoc extends SummaryEntry {
  chunkCount: number;
  record: Uint8Array;
}

/** A doc of an ingest: parsed (new, changed, or read back in full), or a stored record taken as it is. */
export type IndexedDoc = ParsedDocument | StoredDoc;

export function isStoredDoc(doc: IndexedDoc): doc is StoredDoc {
  return 'record' in doc;
}

export function chunkCountOf(doc: IndexedDoc): number {
  return isStoredDoc(doc) ? doc.chunkCount : doc.chunks.length;
}

export function commandCountOf(doc: IndexedDoc): number {
  return isStoredDoc(doc) ? doc.commands : doc.commands.length;
}

/** The checksum of a docs.jsonl line as the summary records it. */
export function lineChecksum(line: Uint8Array): number {
  return crc32(line);
}

/** The summary entry of `doc`, whose docs.jsonl line is `line` (a stored doc's own entry: its line is its record). */
export function summaryEntryOf(doc: IndexedDoc, line: Uint8Array): SummaryEntry {
  if (isStoredDoc(doc)) {
    const { path, hash, crc, bytes, commands, findings, links } = doc;
    return { path, hash, crc, bytes, commands, findings, links };
  }
  return {
    path: doc.path,
    hash: doc.hash,
    crc: lineChecksum(line),
    bytes: line.byteLength,
    commands: doc.commands.length,
    findings: doc.findings,
    links: doc.links,
  };
}

/**
 * The summary's entries when `raw` (summary.json as parsed) is a valid summary of the records the manifest lists
 * (same paths and hashes, in order); else null (an older format, damage, another generation's).
 */
export function summaryEntries(
  raw: unknown,
  manifestDocs: ReadonlyArray<{ path: string; hash: string }>,
): SummaryEntry[] | null {
  if (!summaryCheck.Check(raw)) return null;
  const { docs } = raw;
  if (docs.length !== manifestDocs.length) return null;
  const fits = docs.every(
    (entry, i) => entry.path === manifestDocs[i]?.path && entry.hash === manifestDocs[i]?.hash,
  );
  return fits ? docs : null;
}

/**
 * Each record as a stored doc when its line has the length and checksum its summary entry recorded, else null
 * (missing or damaged: parsed again from its source). `chunkCounts`: the manifest's, in the same order.
 */
export function storedDocs(
  lines: readonly Uint8Array[],
  entries: readonly SummaryEntry[],
  chunkCounts: readonly number[],
): Array<StoredDoc | null> {
  return entries.map((entry, i) => {
    const line = lines[i];
    const chunkCount = chunkCounts[i];
    if (line === undefined || chunkCount === undefined || line.byteLength !== entry.bytes) return null;
    if (lineChecksum(line) !== entry.crc) return null;
    return { ...entry, chunkCount, record: line };
  });
}

/** The parsed document: a stored doc's record parsed and checked (its bytes matched their checksum). */
export function parsedRecord(doc: IndexedDoc): ParsedDocument {
  if (!isStoredDoc(doc)) return doc;
  let value: unknown = null;
  try {
    value = JSON.parse(new TextDecoder().decode(doc.record));
  } catch {
    // reported below
  }
  const fits =
    isConsistentDoc(value) &&
    value.path === doc.path &&
    value.hash === doc.hash &&
    value.chunks.length === doc.chunkCount;
  if (!fits) throw new NetkbError('INDEX_CORRUPT', `The stored record of ${doc.path} is invalid`);
  return value as ParsedDocument;
}
