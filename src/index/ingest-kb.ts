import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetkbError } from '../core/errors.js';
import { type IngestLimits, ingestLimitsFromEnv } from '../core/ingest-limits.js';
import type { Embedder, Finding, GlossaryEntry } from '../core/types.js';
import { contentHash, type ParsedDocument } from '../ingest/document.js';
import { GLOSSARY_FILE, parseGlossary } from '../ingest/glossary-file.js';
import { checkStructure } from '../ingest/guard.js';
import { lintKb } from '../ingest/lint.js';
import { type CompiledGlossary, compileGlossary } from '../retrieve/glossary.js';
import {
  buildLexicalSnapshot,
  decodeLexicalSnapshot,
  encodeLexicalSnapshot,
  lexicalHeadLength,
  lexicalKey,
  lexicalKeyOf,
  updateLexicalSnapshot,
} from '../retrieve/lexical.js';
import {
  type PersistedScopes,
  persistedScopesFor,
  type ScopeEntries,
  scopeEntries,
  scopeKey,
} from '../retrieve/scope.js';
import { statSignature } from './file-stat.js';
import { scanKb } from './kb-files.js';
import { type ParseOutcome, ParsePool, parseHere } from './parse-pool.js';
import { shareRecordStrings } from './record-schema.js';
import {
  chunkCountOf,
  commandCountOf,
  type IndexedDoc,
  isStoredDoc,
  parsedRecord,
} from './record-summary.js';
import {
  currentGeneration,
  type IndexContents,
  type Manifest,
  readIndex,
  readIndexForIngest,
  readLexical,
  readLexicalHead,
  readScopes,
  type SkippedFile,
  type StoredIndex,
  writeIndex,
} from './store.js';

export interface IngestOptions {
  kbDir: string;
  indexDir: string;
  /** null when vectors are disabled; `vectorsDisabledReason` then says why. */
  embedder: Embedder | null;
  vectorsDisabledReason?: string;
  onEmbedProgress?: (done: number, total: number) => void;
  /**
   * Sees the new findings and the previous generation's before anything is written; throwing aborts the
   * ingest and leaves the previous generation live (a hot reload rejects an edit that breaks a doc).
   */
  beforeWrite?: (findings: Finding[], previousFindings: Finding[]) => void;
  /** Per-file budgets; default: ingestLimitsFromEnv(). */
  limits?: IngestLimits;
  /**
   * Keep the stored records (StoredIndex.records) on the `live` generation returned when nothing was written, to
   * pass them on as they are; else they are dropped with the read.
   */
  liveRecords?: boolean;
  /** The wall clock (epoch ms) that says which files changed too recently to trust their stat; default Date.now. */
  now?: () => number;
  /** Told how long each phase took (benchmarks); phases may overlap (`previous` runs while files are read). */
  onPhase?: (phase: IngestPhase, ms: number) => void;
}

/**
 * When at most this many files need parsing, each at most this long (an edit, not a build), they are parsed on
 * the ingest's own thread instead of starting a worker (its start costs more than the parse). The structural
 * guard keeps such a parse linear: adversarial 64 KB inputs within it parse in about 2 s on a loaded 2-core
 * machine, far below the default time budget; 16 KB keeps that worst case near 0.1 s.
 */
const INLINE_PARSE = { maxFiles: 4, maxChars: 16 * 1024 };

interface PendingParse {
  index: number;
  file: string;
  source: string;
  hash: string;
}

export type IngestPhase = 'previous' | 'files' | 'embed' | 'lint' | 'lexical' | 'scopes' | 'write';

/** The `netkb ingest --json` report (a CLI contract). */
export interface IngestReport {
  docs: number;
  chunks: number;
  commands: number;
  reused_docs: number;
  embedded_chunks: number;
  vectors: string;
  findings: Finding[];
  took_ms: number;
}

/**
 * Builds or updates the index: unchanged files (same content hash) reuse their parsed chunks, and their
 * vectors when the model is the same; everything is written as a new generation, so a failure at any
 * point leaves the previous index serving. When nothing changed at all, nothing is written.
 */
export async function ingestKb(options: IngestOptions): Promise<IngestReport> {
  return (await updateIndex(options)).report;
}

export interface IngestOutcome {
  report: IngestReport;
  /** False when the KB was unchanged and the live generation was kept as it is. */
  written: boolean;
  /** Files parsed by this ingest (new, changed, or whose stored record was invalid), in KB order. */
  parsed: string[];
  /** How many files were read and hashed (the others' stat matched the manifest's). */
  read: number;
  /** When nothing was written: the live generation as read (fully validated), so it need not be read again. */
  live?: StoredIndex;
}

export async function updateIndex(options: IngestOptions): Promise<IngestOutcome> {
  const started = performance.now();
  const phase = phaseClock(options.onPhase);
  const limits = options.limits ?? ingestLimitsFromEnv();
  // The previous generation is read while the KB files are read and hashed: its manifest (read first) says
  // which files changed, so their parsing starts at once, and reused docs are taken once its records are in.
  let announceManifest: (manifest: Manifest | null) => void = () => {};
  const manifestRead = new Promise<Manifest | null>((resolve) => {
    announceManifest = resolve;
  });
  // Whether this ingest will write (a file's content is new, or a doc is gone): then unchanged records are taken as
  // their stored bytes, checked against the generation's summary, not parsed. Decided once the files are stat'ed.
  let decideUnparsed: (unparsed: boolean) => void = () => {};
  const unparsed = new Promise<boolean>((resolve) => {
    decideUnparsed = resolve;
  });
  const previousRead = readPrevious(options.indexDir, announceManifest, unparsed).finally(() => {
    announceManifest(null);
    phase('previous', started);
  });
  previousRead.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  // The live generation's lexical index is read meanwhile too (its bytes, by the thread pool): an edit updates it.
  const lexicalRead = currentGeneration(options.indexDir).then(async (generation) =>
    generation === null ? null : { generation, bytes: await readLexical(options.indexDir, generation) },
  );
  lexicalRead.catch(() => {});
  const listing = await scanKb(options.kbDir);
  const files = listing.files;
  const glossary = await loadGlossary(options.kbDir);
  const manifest = await manifestRead;
  const knownHashes = new Map(manifest?.docs.map((doc) => [doc.path, doc.hash]));
  const knownStats = new Map(manifest?.docs.map((doc) => [doc.path, doc.stat]));
  /** Stat signatures of this ingest's doc files, recorded in the manifest (see statSignature). */
  const fileStats = new Map<string, string>();
  const wallClock = (options.now ?? Date.now)();
  let read = 0;
  const knownSkips = new Map(manifest?.skipped?.map((entry) => [entry.path, entry.hash]));

  // Each file is one unit of failure: read with bounded open files, checked against the structural budgets,
  // parsed in a worker with a time budget. A file over a budget is skipped with an error finding.
  let pool: ParsePool | null = null;
  const slots: Array<IndexedDoc | SkippedFile | null> = new Array(files.length).fill(null);
  const parsedFlags: boolean[] = new Array(files.length).fill(false);
  const transient = new Set<string>();
  /** Files whose hash the manifest knows: reused once the previous records are read (else parsed). */
  const known: Array<{ index: number; hash: string }> = [];
  let reused = 0;
  /** Whether some file's content differs from what the manifest recorded (new, changed, newly too large). */
  let changed = false;
  let previous: StoredIndex<IndexedDoc> | null = null;
  const settle = (i: number, file: string, hash: string, outcome: ParseOutcome) => {
    if ('doc' in outcome) {
      slots[i] = outcome.doc;
      return;
    }
    // A deterministic failure is remembered by content hash; a timeout may be the machine's load: re-tried next time.
    if ('timedOut' in outcome) transient.add(file);
    slots[i] = skippedFile(file, hash, {
      code: 'parse-failed',
      message: `File could not be parsed (${outcome.failure}): file not indexed`,
    });
  };
  const parseInWorker = async ({ index, file, source, hash }: PendingParse) => {
    pool ??= new ParsePool(limits.parseTimeoutMs);
    let outcome = await pool.parse(file, source);
    // Wall-clock budgets meet CPU contention: a timed-out file gets one more try with a triple budget.
    if ('timedOut' in outcome) outcome = await pool.parse(file, source, limits.parseTimeoutMs * 3);
    settle(index, file, hash, outcome);
  };
  /** Files held for parsing on this thread, while they are few and small (null: the worker pool parses all). */
  let held: PendingParse[] | null = [];
  const parse = async (index: number, file: string, source: string, hash: string) => {
    changed = true;
    const unfit = checkStructure(file, source, limits);
    if (unfit) {
      slots[index] = { path: file, hash, finding: unfit };
      return;
    }
    parsedFlags[index] = true;
    const pending = { index, file, source, hash };
    if (held !== null && held.length < INLINE_PARSE.maxFiles && source.length <= INLINE_PARSE.maxChars) {
      held.push(pending);
      return;
    }
    const earlier = held ?? [];
    held = null;
    await Promise.all([...earlier, pending].map(parseInWorker));
  };
  try {
    await forEachLimited(files, limits.openFiles, async (file, i) => {
      const full = join(options.kbDir, file);
      // Synchronous: thousands of unchanged files cost a stat each, and a round trip through the thread pool per
      // file took several times the stat itself (this runs in the build worker when serving).
      const info = statSync(full);
      const size = info.size;
      if (size > limits.maxFileBytes) {
        if (knownSkips.get(file) !== `size:${size}`) changed = true;
        slots[i] = skippedFile(file, `size:${size}`, {
          code: 'file-too-large',
          message: `File is ${size} bytes, over the ${limits.maxFileBytes}-byte limit: file not indexed`,
        });
        return;
      }
      const signature = statSignature(info, wallClock);
      if (signature !== null) fileStats.set(file, signature);
      // The same stat as when the manifest's hash was taken: the same content, not read again.
      const knownHash = knownHashes.get(file);
      if (signature !== null && knownHash !== undefined && knownStats.get(file) === signature) {
        known.push({ index: i, hash: knownHash });
        return;
      }
      const source = await readFile(full, 'utf8');
      read++;
      const hash = contentHash(source);
      if (knownHash === hash || knownSkips.get(file) === hash) {
        known.push({ index: i, hash });
        return;
      }
      await parse(i, file, source, hash);
    });
    const listed = new Set(files);
    const gone = (manifest?.docs ?? []).some((doc) => !listed.has(doc.path));
    decideUnparsed(changed || gone);
    previous = await previousRead;
    const previousDocs = new Map(previous?.docs.map((doc) => [doc.path, doc]));
    const previousSkipped = new Map(previous?.manifest.skipped?.map((entry) => [entry.path, entry]));
    const stale: typeof known = [];
    for (const { index, hash } of known) {
      const file = files[index] as string;
      const old = previousDocs.get(file);
      const oldSkip = previousSkipped.get(file);
      if (old && old.hash === hash) {
        slots[index] = old;
        reused++;
      } else if (oldSkip && oldSkip.hash === hash) slots[index] = oldSkip;
      else stale.push({ index, hash });
    }
    // Known by the manifest but not reusable (a damaged record, an unreadable generation): parsed after all.
    await forEachLimited(stale, limits.openFiles, async ({ index }) => {
      const file = files[index] as string;
      const source = await readFile(join(options.kbDir, file), 'utf8');
      read++;
      await parse(index, file, source, contentHash(source));
    });
    // A handful of small files (an edit): parsing them here costs less than starting a worker. The structural
    // guard (checkStructure) keeps their parse linear; the wall-clock budget applies to worker parses only.
    for (const { index, file, source, hash } of held ?? [])
      settle(index, file, hash, parseHere(file, source));
  } finally {
    decideUnparsed(false); // after a failure: the read (awaited by no one) finishes and is dropped
    await (pool as ParsePool | null)?.close();
  }
  phase('files', started);
  const docs: IndexedDoc[] = [];
  const skipped: SkippedFile[] = [];
  const timedOut: SkippedFile[] = [];
  for (const slot of slots) {
    if (!slot) continue;
    if (!('finding' in slot)) docs.push(slot);
    else if (transient.has(slot.path)) timedOut.push(slot);
    else skipped.push(slot);
  }
  const previousVectorOffsets = vectorOffsets(previous);
  const sameModel =
    options.embedder !== null &&
    previous?.manifest.model?.id === options.embedder.modelId &&
    previous.manifest.model.dims === options.embedder.dims;
  const previousDocs = new Map(previous?.docs.map((doc) => [doc.path, doc]));

  let vectors: Float32Array[] | null = null;
  let embedded = 0;
  if (options.embedder) {
    const embedder = options.embedder;
    vectors = [];
    const pending: Array<{ slot: number; text: string }> = [];
    for (const doc of docs) {
      const offset = previousVectorOffsets.get(doc.path);
      const reusable =
        sameModel && previousDocs.get(doc.path) === doc && offset !== undefined && previous?.vectors;
      const count = chunkCountOf(doc);
      const reusedVectors = reusable ? (previous?.vectors?.slice(offset, offset + count) ?? []) : [];
      if (reusedVectors.length === count && reusedVectors.every(Boolean)) {
        vectors.push(...reusedVectors);
        continue;
      }
      // A stored doc is parsed only here, when some of its chunks need embedding.
      parsedRecord(doc).chunks.forEach((chunk, i) => {
        const reusedVector = reusedVectors[i];
        if (reusedVector) {
          vectors?.push(reusedVector);
        } else {
          pending.push({
            slot: vectors?.length ?? 0,
            text: embeddingText(chunk.title, chunk.headingPath, chunk.text),
          });
          vectors?.push(new Float32Array(0));
        }
      });
    }
    if (pending.length > 0) {
      const fresh = await embedder.embedPassages(
        pending.map((item) => item.text),
        options.onEmbedProgress,
      );
      pending.forEach((item, i) => {
        const vector = fresh[i];
        if (!vector) throw new NetkbError('INTERNAL', 'Embedder returned fewer vectors than texts');
        if (vectors) vectors[item.slot] = vector;
      });
      embedded = pending.length;
    }
    phase('embed', started);
  }

  const findings = [
    ...listing.findings,
    ...docs.flatMap((doc) => doc.findings),
    ...[...skipped, ...timedOut].map((entry) => entry.finding),
    ...glossary.findings,
    ...lintKb(docs),
  ];
  phase('lint', started);
  const vectorStatus = options.embedder
    ? 'enabled'
    : `disabled: ${options.vectorsDisabledReason ?? 'no embedding model configured'}`;
  options.beforeWrite?.(findings, previous?.manifest.findings ?? []);
  const model = options.embedder ? { id: options.embedder.modelId, dims: options.embedder.dims } : null;
  const contents = {
    docs,
    glossary: glossary.entries,
    vectors,
    model,
    vectorStatus,
    findings,
    skipped,
    fileStats,
  };
  // The persisted lexical index must fit too (same tokenizer, glossary and format), else a start would rebuild it.
  const lexicalFits =
    previous?.hasLexical === true &&
    lexicalKeyOf(
      (await readLexicalHead(options.indexDir, previous.generation, lexicalHeadLength)) ?? new Uint8Array(),
    ) === lexicalKey(glossary.entries);
  const written = !(previous && lexicalFits && embedded === 0 && unchanged(previous, contents));
  if (written) {
    // Persist the query-ready lexical index: opening the index then never re-tokenizes the KB.
    const compiled = compileGlossary(glossary.entries);
    const prefetched = await lexicalRead.catch(() => null);
    const lexical = await lexicalSnapshot(
      options.indexDir,
      previous,
      prefetched?.generation === previous?.generation ? prefetched?.bytes : undefined,
      docs,
      glossary.entries,
      compiled,
    );
    phase('lexical', started);
    const scopes = await scopesOf(options.indexDir, previous, docs, glossary.entries, compiled);
    phase('scopes', started);
    await writeIndex(options.indexDir, { ...contents, lexical, scopes, records: previous?.records });
    phase('write', started);
  }
  const report: IngestReport = {
    docs: docs.length,
    chunks: docs.reduce((sum, doc) => sum + chunkCountOf(doc), 0),
    commands: docs.reduce((sum, doc) => sum + commandCountOf(doc), 0),
    reused_docs: reused,
    embedded_chunks: embedded,
    vectors: vectorStatus,
    findings,
    took_ms: Math.round(performance.now() - started),
  };
  const parsed = files.filter((_, i) => parsedFlags[i]);
  if (written || !previous) return { report, written, parsed, read };
  // Nothing written though records were taken unparsed (a changed file that changed nothing indexed): the live
  // generation is read in full for the caller.
  const full = previous.docs.some(isStoredDoc) ? await readPrevious(options.indexDir) : toParsed(previous);
  if (!full) return { report, written, parsed, read };
  if (options.liveRecords) return { report, written, parsed, read, live: full };
  // The stored records were kept only to be written back; the live generation is served without them, and with
  // its repeated strings shared (read with its records, they were not).
  const { records: _records, ...live } = full;
  for (const doc of live.docs) shareRecordStrings(doc);
  return { report, written, parsed, read, live };
}

/** Reports each phase's time since the previous report (or since `started`, for the first). */
function phaseClock(onPhase: IngestOptions['onPhase']): (name: IngestPhase, started: number) => void {
  let last: number | null = null;
  return (name, started) => {
    const now = performance.now();
    // `previous` overlaps the file phase: measured from the start, and not a step of the sequence.
    if (name === 'previous') {
      onPhase?.(name, now - started);
      return;
    }
    onPhase?.(name, now - (last ?? started));
    last = now;
  };
}

/**
 * The lexical index of `docs`: the previous generation's, updated with only the docs that changed, when it was
 * built with the same tokenizer and glossary; else built from scratch.
 */
async function lexicalSnapshot(
  indexDir: string,
  previous: StoredIndex<IndexedDoc> | null,
  /** The previous generation's lexical.bin when already read (undefined: read it here). */
  previousBytes: Uint8Array | null | undefined,
  docs: readonly IndexedDoc[],
  entries: readonly GlossaryEntry[],
  glossary: CompiledGlossary,
): Promise<Uint8Array> {
  const key = lexicalKey(entries);
  const bytes = previous?.hasLexical
    ? (previousBytes ?? (await readLexical(indexDir, previous.generation)))
    : null;
  const old = bytes ? decodeLexicalSnapshot(bytes) : null;
  if (old && old.key === key && previous) {
    const previousRecords = new Map(previous.docs.map((doc) => [doc.path, doc]));
    const unchanged = new Set(
      docs.filter((doc) => previousRecords.get(doc.path) === doc).map((doc) => doc.path),
    );
    // Stored docs are unchanged by construction: their postings are carried over (parsed only if they cannot be).
    const inputs = docs.map((doc) =>
      isStoredDoc(doc) ? { path: doc.path, chunkCount: doc.chunkCount, load: () => parsedRecord(doc) } : doc,
    );
    return encodeLexicalSnapshot(updateLexicalSnapshot(old, inputs, unchanged, glossary));
  }
  return encodeLexicalSnapshot(buildLexicalSnapshot(docs.map(parsedRecord), glossary, key));
}

/** The docs' scope entries: the previous generation's for docs whose record is unchanged, computed for the rest. */
async function scopesOf(
  indexDir: string,
  previous: StoredIndex<IndexedDoc> | null,
  docs: readonly IndexedDoc[],
  entries: readonly GlossaryEntry[],
  glossary: CompiledGlossary,
): Promise<PersistedScopes> {
  const key = scopeKey(entries);
  const before =
    previous && persistedScopesFor(await readScopes(indexDir, previous.generation), key, previous.docs);
  const kept = new Map<IndexedDoc, ScopeEntries[number]>();
  for (const [i, entry] of (before ?? []).entries()) kept.set(previous?.docs[i] as IndexedDoc, entry);
  return {
    key,
    entries: docs.map(
      (doc) => kept.get(doc) ?? (scopeEntries([parsedRecord(doc)], glossary)[0] as ScopeEntries[number]),
    ),
  };
}

/** Whether a fresh build would equal the live generation: same records (by identity), glossary, model, findings. */
function unchanged(previous: StoredIndex<IndexedDoc>, next: IndexContents): boolean {
  const manifest = previous.manifest;
  return (
    !previous.fellBackFrom &&
    previous.invalidRecords === 0 &&
    previous.docs.length === next.docs.length &&
    previous.docs.every((doc, i) => doc === next.docs[i]) &&
    manifest.vectors === next.vectorStatus &&
    JSON.stringify(manifest.model) === JSON.stringify(next.model) &&
    (next.vectors === null) === (previous.vectors === null) &&
    JSON.stringify(previous.glossary) === JSON.stringify(next.glossary) &&
    JSON.stringify(manifest.findings) === JSON.stringify(next.findings) &&
    JSON.stringify(manifest.skipped ?? []) === JSON.stringify(next.skipped ?? [])
  );
}

function skippedFile(path: string, hash: string, problem: { code: string; message: string }): SkippedFile {
  return { path, hash, finding: { file: path, line: 1, severity: 'error', ...problem } };
}

/** Runs `task` over `items` with at most `limit` running at once (bounded open files). */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The bundled domain glossary (kb/glossary.yaml of this package): synonyms are domain facts, not KB facts. */
const BUNDLED_GLOSSARY = fileURLToPath(new URL(`../../kb/${GLOSSARY_FILE}`, import.meta.url));

/** The KB's own glossary.yaml, else the bundled one; findings are reported only for the KB's own file. */
async function loadGlossary(kbDir: string): Promise<{ entries: GlossaryEntry[]; findings: Finding[] }> {
  const own = await readFile(join(kbDir, GLOSSARY_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new NetkbError('INVALID_FILE', `Cannot read ${join(kbDir, GLOSSARY_FILE)}: ${error.message}`);
  });
  if (own !== null) return parseGlossary(GLOSSARY_FILE, own);
  const bundled = await readFile(BUNDLED_GLOSSARY, 'utf8').catch(() => null);
  return { entries: bundled === null ? [] : parseGlossary(GLOSSARY_FILE, bundled).entries, findings: [] };
}

/** What a chunk is embedded as: where it sits (title, headings) and what it says. */
export function embeddingText(title: string, headingPath: readonly string[], text: string): string {
  const context = [title, ...headingPath.filter((heading) => heading !== title)].join(' > ');
  return `${context}\n${text}`.slice(0, 2000);
}

/**
 * The live generation to reuse from, or null. With `unparsed`, unchanged records may come back as stored docs (see
 * readIndexForIngest); without, every doc is parsed.
 */
async function readPrevious(indexDir: string): Promise<StoredIndex | null>;
async function readPrevious(
  indexDir: string,
  onManifest: (manifest: Manifest) => void,
  unparsed: Promise<boolean>,
): Promise<StoredIndex<IndexedDoc> | null>;
async function readPrevious(
  indexDir: string,
  onManifest?: (manifest: Manifest) => void,
  unparsed?: Promise<boolean>,
): Promise<StoredIndex<IndexedDoc> | null> {
  try {
    // Salvage: a damaged record is re-parsed from its source file instead of being reused or failing the ingest.
    if (unparsed) return await readIndexForIngest(indexDir, { onManifest, unparsed });
    return await readIndex(indexDir, { loadHnsw: false, salvage: true, keepRecords: true });
  } catch (error) {
    // Nothing usable to reuse (first ingest, older format, damaged files): build from scratch.
    if (error instanceof NetkbError) return null;
    throw error;
  }
}

/** The generation as parsed documents, when every doc of it is one (read without stored docs). */
function toParsed(index: StoredIndex<IndexedDoc>): StoredIndex | null {
  const docs: ParsedDocument[] = [];
  for (const doc of index.docs) {
    if (isStoredDoc(doc)) return null;
    docs.push(doc);
  }
  return { ...index, docs };
}

/** Where each previous doc's vectors start, by path (the manifest lists docs in vector order). */
function vectorOffsets(index: StoredIndex<IndexedDoc> | null): Map<string, number> {
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const doc of index?.manifest.docs ?? []) {
    offsets.set(doc.path, offset);
    offset += doc.chunks;
  }
  return offsets;
}
