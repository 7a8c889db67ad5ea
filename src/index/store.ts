import { randomBytes } from 'node:crypto';
import {
  type FileHandle,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { readVectors, VectorIndex, writeVectors } from '../adapters/hnsw.js';
import { NetkbError } from '../core/errors.js';
import type { Finding, GlossaryEntry } from '../core/types.js';
import type { ParsedDocument } from '../ingest/document.js';
import type { PersistedScopes } from '../retrieve/scope.js';
import { type LockOptions, withLock } from './lock.js';
import { FindingSchema, isConsistentDoc, isGlossary, shareRecordStrings } from './record-schema.js';
import {
  chunkCountOf,
  type IndexedDoc,
  isStoredDoc,
  type RecordSummary,
  type StoredDoc,
  SUMMARY_FORMAT,
  type SummaryEntry,
  storedDocs,
  summaryEntries,
  summaryEntryOf,
} from './record-summary.js';

/**
 * On-disk layout of an index directory:
 *   CURRENT            name of the live generation (replaced atomically by rename)
 *   gen-<id>/          one complete index: manifest.json, docs.jsonl (one parsed doc per line), glossary.json,
 *                      lexical.bin and scopes.json (derived, query-ready), summary.json (derived: each record's
 *                      line checksum and what an ingest needs of it, see record-summary.ts), and vectors.f32 +
 *                      hnsw.bin when enabled
 * A generation is written under a temp name and renamed into place before CURRENT moves, so readers
 * only ever see complete generations, and a failed ingest leaves the previous one serving.
 */
export const INDEX_FORMAT_VERSION = 2;

export const ManifestSchema = Type.Object({
  format: Type.Integer(),
  created_at: Type.String(),
  vectors: Type.String(),
  model: Type.Union([Type.Object({ id: Type.String(), dims: Type.Integer({ minimum: 1 }) }), Type.Null()]),
  docs: Type.Array(
    Type.Object({
      path: Type.String(),
      hash: Type.String(),
      chunks: Type.Integer({ minimum: 0 }),
      /**
       * The file's stat signature when it was read (size, times, inode): an incremental ingest trusts `hash` for a
       * file whose stat still matches, without reading it. Absent when the file had just changed (racy).
       */
      stat: Type.Optional(Type.String()),
    }),
  ),
  chunks: Type.Integer({ minimum: 0 }),
  findings: Type.Array(FindingSchema),
  /** Files left out by a per-file budget, by content hash: an unchanged one is not re-tried. */
  skipped: Type.Optional(
    Type.Array(Type.Object({ path: Type.String(), hash: Type.String(), finding: FindingSchema })),
  ),
});
export type Manifest = Static<typeof ManifestSchema>;

/** Compiled once: a manifest lists every doc (5,000 docs: ~2 MB); the interpreted check took several times longer. */
const manifestCheck = TypeCompiler.Compile(ManifestSchema);

export interface StoredIndex<Doc extends IndexedDoc = ParsedDocument> {
  manifest: Manifest;
  /** With `unparsed` (an ingest's read): unchanged records may be stored docs, taken as their bytes. */
  docs: Doc[];
  glossary: GlossaryEntry[];
  /** One vector per chunk in docs order, when vectors are enabled. */
  vectors: Float32Array[] | null;
  hnsw: VectorIndex | null;
  generation: string;
  /** Set when CURRENT was unusable and an older complete generation was loaded instead. */
  fellBackFrom?: { generation: string | null; reason: string };
  /** Salvage mode only: records that failed validation and were left out. */
  invalidRecords: number;
  /** Whether the generation has a persisted lexical index (lexical.bin). */
  hasLexical: boolean;
  /**
   * With `keepRecords`: each doc's record as stored (its docs.jsonl line, without the newline). Such docs' repeated
   * strings are not shared (see shareRecordStrings): they are a working set, not what a searcher keeps.
   */
  records?: ReadonlyMap<ParsedDocument, Buffer>;
}

export interface SkippedFile {
  path: string;
  hash: string;
  finding: Finding;
}

export interface IndexContents {
  /** Stored docs (record-summary.ts) are written as their stored records. */
  docs: IndexedDoc[];
  glossary: GlossaryEntry[];
  vectors: Float32Array[] | null;
  model: { id: string; dims: number } | null;
  vectorStatus: string;
  findings: Finding[];
  skipped?: SkippedFile[];
  /** The query-ready lexical index of `docs` (src/retrieve/postings-codec.ts), persisted as lexical.bin. */
  lexical?: Uint8Array;
  /** Stored records of docs read back unchanged (StoredIndex.records): written as they are, not re-serialized. */
  records?: ReadonlyMap<ParsedDocument, Buffer>;
  /** The docs' scope entries (src/retrieve/scope.ts), persisted as scopes.json so a start need not compute them. */
  scopes?: PersistedScopes;
  /** Each doc file's stat signature by path (Manifest docs' `stat`), where it can be trusted next time. */
  fileStats?: ReadonlyMap<string, string>;
}

const CURRENT = 'CURRENT';

export async function writeIndex(
  indexDir: string,
  contents: IndexContents,
  lockOptions?: LockOptions,
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  // One writer at a time per index dir (concurrent ingests would prune each other's generations).
  return withLock(indexDir, () => writeGeneration(indexDir, contents), lockOptions);
}

async function writeGeneration(indexDir: string, contents: IndexContents): Promise<string> {
  const generation = `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const tmp = join(indexDir, `.tmp-${generation}`);
  await mkdir(tmp);
  try {
    const manifest: Manifest = {
      format: INDEX_FORMAT_VERSION,
      created_at: new Date().toISOString(),
      vectors: contents.vectorStatus,
      model: contents.model,
      docs: contents.docs.map((doc) => {
        const stat = contents.fileStats?.get(doc.path);
        const entry = { path: doc.path, hash: doc.hash, chunks: chunkCountOf(doc) };
        return stat === undefined ? entry : { ...entry, stat };
      }),
      chunks: contents.docs.reduce((sum, doc) => sum + chunkCountOf(doc), 0),
      findings: contents.findings,
      skipped: contents.skipped ?? [],
    };
    const stored = new Map<object, Uint8Array>(contents.records);
    for (const doc of contents.docs) if (isStoredDoc(doc)) stored.set(doc, doc.record);
    const summary: SummaryEntry[] = [];
    await writeLines(join(tmp, DOCS_FILE), contents.docs, stored, WRITE_BATCH, (i, line) => {
      summary.push(summaryEntryOf(contents.docs[i] as IndexedDoc, line));
    });
    await writeFile(
      join(tmp, SUMMARY_FILE),
      JSON.stringify({ format: SUMMARY_FORMAT, docs: summary } satisfies RecordSummary),
    );
    await writeFile(join(tmp, 'glossary.json'), JSON.stringify(contents.glossary));
    if (contents.lexical !== undefined) await writeFile(join(tmp, LEXICAL_FILE), contents.lexical);
    if (contents.scopes !== undefined)
      await writeFile(join(tmp, SCOPES_FILE), JSON.stringify(contents.scopes));
    if (contents.vectors && contents.model) {
      await writeVectors(join(tmp, 'vectors.f32'), contents.vectors);
      await VectorIndex.build(contents.model.dims, contents.vectors).save(join(tmp, 'hnsw.bin'));
    }
    // The manifest goes last: a generation without one is incomplete by construction.
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
    // Durable before visible: the files and their directory reach the disk before any rename points at them.
    await syncTree(tmp);
    await rename(tmp, join(indexDir, generation));
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const previous = await currentGeneration(indexDir);
  try {
    await pointCurrentAt(indexDir, generation);
  } catch (error) {
    await rm(join(indexDir, generation), { recursive: true, force: true });
    throw error;
  }
  await pruneGenerations(indexDir, generation, previous);
  return generation;
}

/** Replaces CURRENT by rename; a CURRENT that is not a file (a directory) is damage and is removed first. */
async function pointCurrentAt(indexDir: string, generation: string): Promise<void> {
  const current = join(indexDir, CURRENT);
  const info = await lstat(current).catch(() => null);
  if (info && !info.isFile()) await rm(current, { recursive: true, force: true });
  const pointer = join(indexDir, `.${CURRENT}.tmp-${generation}`);
  await writeFile(pointer, `${generation}\n`);
  await syncPath(pointer);
  await syncPath(indexDir); // the generation's rename
  await rename(pointer, current);
  await syncPath(indexDir); // CURRENT's rename
}

/**
 * Keeps the live generation and the one live before it (a reader may still be loading it); removes every
 * other generation (orphans of failed attempts included) and temp files. Runs under the write lock.
 */
async function pruneGenerations(indexDir: string, live: string, previous: string | null): Promise<void> {
  const entries = await readdir(indexDir);
  const stale = entries.filter(
    (name) =>
      (name.startsWith('gen-') && name !== live && name !== previous) ||
      name.startsWith('.tmp-') ||
      name.startsWith(`.${CURRENT}.tmp-`),
  );
  await Promise.all(stale.map((name) => rm(join(indexDir, name), { recursive: true, force: true })));
}

export async function currentGeneration(indexDir: string): Promise<string | null> {
  const text = await readFile(join(indexDir, CURRENT), 'utf8').catch(() => null);
  const name = text?.trim();
  // Only a generation name: a damaged pointer must not make us read or prune outside the index dir.
  return name && /^gen-[\w-]+$/.test(name) ? name : null;
}

/** fsyncs every file under `dir`, then `dir` itself. */
async function syncTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => syncPath(join(dir, entry.name))),
  );
  await syncPath(dir);
}

/** fsync of a file or directory. Platforms that cannot open a directory for sync (Windows) skip it. */
export async function syncPath(path: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

export interface ReadIndexOptions {
  loadHnsw?: boolean;
  /**
   * Keep the valid records of a damaged generation instead of failing (incremental ingest re-parses the rest
   * from their source files). The manifest itself must still be valid.
   */
  salvage?: boolean;
  /** When the live generation is unusable, load the newest older complete one (serve, ask). */
  fallback?: boolean;
  /** Keep each doc's stored record (StoredIndex.records), so an unchanged doc can be written back as it is. */
  keepRecords?: boolean;
  /** Told the manifest as soon as it is read and valid, before the doc records are read. */
  onManifest?: (manifest: Manifest) => void;
}

export interface ReadForIngestOptions {
  /** Told the manifest as soon as it is read and valid, before the doc records are read. */
  onManifest?: (manifest: Manifest) => void;
  /**
   * Resolves true when the caller needs unchanged records only to write them back and to know their summary (an
   * ingest that will write a new generation): records are then checked against the generation's summary.json by
   * checksum and kept as stored docs, unparsed; a record whose checksum does not match is left out (invalid).
   * False, or a generation without a usable summary: every record is parsed and validated.
   */
  unparsed: Promise<boolean>;
}

/**
 * The live generation as an incremental ingest reads it: as `readIndex` with `salvage` and `keepRecords` (no HNSW
 * graph), except that unchanged records may be stored docs (see `unparsed`).
 */
export async function readIndexForIngest(
  indexDir: string,
  options: ReadForIngestOptions,
): Promise<StoredIndex<IndexedDoc>> {
  const generation = await currentGeneration(indexDir);
  if (!generation)
    throw new NetkbError('INDEX_NOT_FOUND', `No index in ${indexDir}: run \`netkb ingest\` first`);
  return readGeneration(indexDir, generation, {
    loadHnsw: false,
    salvage: true,
    keepRecords: true,
    ...options,
  });
}

/**
 * Loads the live generation, validated deeply (manifest, every doc record, glossary, vector count).
 * Throws INDEX_NOT_FOUND, INDEX_VERSION or INDEX_CORRUPT; with `fallback`, an older complete generation is
 * loaded instead when there is one (the result says so in `fellBackFrom`).
 */
export async function readIndex(indexDir: string, options: ReadIndexOptions = {}): Promise<StoredIndex> {
  const generation = await currentGeneration(indexDir);
  if (!options.fallback) {
    if (!generation)
      throw new NetkbError('INDEX_NOT_FOUND', `No index in ${indexDir}: run \`netkb ingest\` first`);
    return readGeneration(indexDir, generation, options) as Promise<StoredIndex>;
  }
  let failure: unknown = null;
  if (generation) {
    try {
      return (await readGeneration(indexDir, generation, options)) as StoredIndex;
    } catch (error) {
      if (!(error instanceof NetkbError) || error.code === 'INDEX_NOT_FOUND') throw error;
      failure = error;
    }
  }
  const older = (await readdir(indexDir).catch(() => [] as string[]))
    .filter((name) => name.startsWith('gen-') && name !== generation)
    .sort()
    .reverse();
  for (const candidate of older) {
    try {
      const index = (await readGeneration(indexDir, candidate, options)) as StoredIndex;
      const reason = failure instanceof Error ? failure.message : 'CURRENT names no generation';
      return { ...index, fellBackFrom: { generation, reason } };
    } catch (error) {
      if (!(error instanceof NetkbError)) throw error;
    }
  }
  if (failure) throw failure;
  throw new NetkbError('INDEX_NOT_FOUND', `No index in ${indexDir}: run \`netkb ingest\` first`);
}

/** Without `unparsed`, every doc is a parsed document (what `readIndex` returns). */
async function readGeneration(
  indexDir: string,
  generation: string,
  options: ReadIndexOptions & { unparsed?: Promise<boolean> },
): Promise<StoredIndex<IndexedDoc>> {
  const dir = join(indexDir, generation);
  const corrupt = (what: string, cause?: unknown) =>
    new NetkbError('INDEX_CORRUPT', `Index generation ${generation} in ${indexDir}: ${what}`, { cause });
  let manifestRaw: unknown;
  let lines: Buffer[];
  let glossaryRaw: unknown;
  try {
    manifestRaw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (cause) {
    throw corrupt('files are missing or unreadable', cause);
  }
  if ((manifestRaw as { format?: unknown })?.format !== INDEX_FORMAT_VERSION) {
    throw new NetkbError('INDEX_VERSION', `Index in ${indexDir} has another format: re-run \`netkb ingest\``);
  }
  if (!manifestCheck.Check(manifestRaw)) throw corrupt('manifest does not match its schema');
  const manifest = manifestRaw;
  options.onManifest?.(manifest);
  try {
    lines = await readLines(join(dir, DOCS_FILE));
    glossaryRaw = JSON.parse(await readFile(join(dir, 'glossary.json'), 'utf8'));
  } catch (cause) {
    throw corrupt('files are missing or unreadable', cause);
  }
  if (!isGlossary(glossaryRaw)) throw corrupt('glossary.json does not match its schema');
  const chunkSum = manifest.docs.reduce((sum, doc) => sum + doc.chunks, 0);
  if (chunkSum !== manifest.chunks) throw corrupt('manifest chunk counts do not add up');
  if (lines.length !== manifest.docs.length && !options.salvage)
    throw corrupt(`${DOCS_FILE} holds ${lines.length} records for ${manifest.docs.length} docs`);
  const docs: IndexedDoc[] = [];
  const records = options.keepRecords ? new Map<ParsedDocument, Buffer>() : undefined;
  let invalidRecords = 0;
  // Strings are shared only in docs that are kept (served); with `keepRecords` the docs are an ingest's working set.
  const share = !options.keepRecords;
  const stored =
    options.unparsed && (await options.unparsed) ? await readStoredDocs(dir, manifest, lines) : null;
  if (stored) {
    for (const doc of stored) {
      if (doc) docs.push(doc);
      else invalidRecords++;
    }
  }
  if (!stored)
    manifest.docs.forEach((entry, i) => {
      const line = lines[i];
      const doc = parseRecord(line, share);
      const valid =
        doc !== null &&
        doc.path === entry.path &&
        doc.hash === entry.hash &&
        doc.chunks.length === entry.chunks;
      if (valid) {
        docs.push(doc);
        if (records && line) records.set(doc, line);
      } else if (options.salvage) invalidRecords++;
      else throw corrupt(`record ${i + 1} of ${DOCS_FILE} (${entry.path}) is invalid`);
    });
  let vectors: Float32Array[] | null = null;
  let hnsw: VectorIndex | null = null;
  if (manifest.model) {
    try {
      vectors = await readVectors(join(dir, 'vectors.f32'), manifest.model.dims);
    } catch (cause) {
      if (!options.salvage) throw corrupt('vectors.f32 is unreadable', cause);
    }
    if (vectors && vectors.length !== manifest.chunks) {
      if (!options.salvage) throw corrupt(`${vectors.length} vectors for ${manifest.chunks} chunks`);
      vectors = null;
    }
    if (vectors && options.loadHnsw !== false)
      hnsw = await VectorIndex.load(join(dir, 'hnsw.bin'), manifest.model.dims, vectors.length);
  }
  const hasLexical = await stat(join(dir, LEXICAL_FILE)).then(
    (info) => info.isFile(),
    () => false,
  );
  const index: StoredIndex<IndexedDoc> = {
    manifest,
    docs,
    glossary: glossaryRaw,
    vectors,
    hnsw,
    generation,
    invalidRecords,
    hasLexical,
  };
  return records ? { ...index, records } : index;
}

const DOCS_FILE = 'docs.jsonl';
const LEXICAL_FILE = 'lexical.bin';
const SCOPES_FILE = 'scopes.json';
const SUMMARY_FILE = 'summary.json';

/**
 * The generation's records as stored docs where their lines match summary.json (null per damaged record), or null
 * when it has no usable summary (then they are parsed).
 */
async function readStoredDocs(
  dir: string,
  manifest: Manifest,
  lines: readonly Buffer[],
): Promise<Array<StoredDoc | null> | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, SUMMARY_FILE), 'utf8'));
  } catch {
    return null;
  }
  const entries = summaryEntries(raw, manifest.docs);
  if (!entries) return null;
  return storedDocs(
    lines,
    entries,
    manifest.docs.map((doc) => doc.chunks),
  );
}

/**
 * The generation's persisted scope entries as parsed JSON (check them with persistedScopesFor), or null when it
 * has none or they cannot be read: derived data, recomputed from the docs when unusable.
 */
export async function readScopes(indexDir: string, generation: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(indexDir, generation, SCOPES_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The generation's persisted lexical index (its bytes), or null when it has none or it cannot be read: it is
 * derived data, checked against the docs by the searcher, and rebuilt from them when unusable.
 */
export async function readLexical(indexDir: string, generation: string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(join(indexDir, generation, LEXICAL_FILE));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return null;
  }
}

/**
 * The first `length(first8)` bytes of the generation's lexical index: enough to read its header (format, key)
 * without reading the file. `length` says how many bytes the header takes, from the first 8.
 */
export async function readLexicalHead(
  indexDir: string,
  generation: string,
  length: (first8: Uint8Array) => number | null,
): Promise<Uint8Array | null> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(join(indexDir, generation, LEXICAL_FILE), 'r');
    const first8 = new Uint8Array(8);
    if ((await handle.read(first8, 0, 8, 0)).bytesRead < 8) return null;
    const size = length(first8);
    if (size === null || size > 64 * 1024 * 1024) return null;
    const head = new Uint8Array(size);
    return (await handle.read(head, 0, size, 0)).bytesRead === size ? head : null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

function parseRecord(line: Buffer | undefined, share: boolean): ParsedDocument | null {
  if (line === undefined) return null;
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    if (!isConsistentDoc(value)) return null;
    return share ? shareRecordStrings(value) : value;
  } catch {
    return null;
  }
}

/**
 * One JSON record per line, written in batches of about WRITE_BATCH bytes (one system call each): no single string
 * holds the whole KB. A record found in `stored` is written as stored (a doc read back unchanged), not serialized
 * again.
 */
export async function writeLines(
  file: string,
  records: readonly object[],
  stored?: ReadonlyMap<object, Uint8Array>,
  batchBytes = WRITE_BATCH,
  /** Told each record's line as written (without its newline), in order. */
  onLine?: (index: number, line: Uint8Array) => void,
): Promise<void> {
  const out = await open(file, 'w');
  try {
    let batch: Uint8Array[] = [];
    let bytes = 0;
    for (const [i, record] of records.entries()) {
      const line = stored?.get(record) ?? Buffer.from(JSON.stringify(record));
      onLine?.(i, line);
      for (const part of [line, NEWLINE]) {
        batch.push(part);
        bytes += part.byteLength;
      }
      if (bytes >= batchBytes) {
        await writeAll(out, batch);
        batch = [];
        bytes = 0;
      }
    }
    await writeAll(out, batch);
  } finally {
    await out.close();
  }
}

/** How many bytes of records writeLines hands to one write. */
const WRITE_BATCH = 4 * 1024 * 1024;

/** writev until every buffer is written (a write may be partial). */
async function writeAll(out: FileHandle, buffers: Uint8Array[]): Promise<void> {
  let pending = buffers.filter((buffer) => buffer.byteLength > 0);
  while (pending.length > 0) {
    // At most IOV_MAX (1024 on Linux) buffers per call.
    const slice = pending.slice(0, 1024);
    let { bytesWritten } = await out.writev(slice);
    let used = 0;
    while (used < slice.length && bytesWritten >= (slice[used] as Uint8Array).byteLength) {
      bytesWritten -= (slice[used] as Uint8Array).byteLength;
      used++;
    }
    const rest = pending.slice(used);
    if (bytesWritten > 0 && rest.length > 0) rest[0] = (rest[0] as Uint8Array).subarray(bytesWritten);
    pending = rest;
  }
}

const NEWLINE = new Uint8Array([0x0a]);

/** The lines of a JSONL file as views of its bytes, so the file may exceed the largest string V8 can hold. */
async function readLines(file: string): Promise<Buffer[]> {
  const buffer = await readFile(file);
  const lines: Buffer[] = [];
  let start = 0;
  for (;;) {
    const end = buffer.indexOf(0x0a, start);
    if (end < 0) break;
    lines.push(buffer.subarray(start, end));
    start = end + 1;
  }
  if (start < buffer.length) lines.push(buffer.subarray(start));
  return lines;
}
