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
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readVectors, VectorIndex, writeVectors } from '../adapters/hnsw.js';
import { NetkbError } from '../core/errors.js';
import type { Finding, GlossaryEntry } from '../core/types.js';
import type { ParsedDocument } from '../ingest/document.js';
import { type LockOptions, withLock } from './lock.js';

/**
 * On-disk layout of an index directory:
 *   CURRENT            name of the live generation (replaced atomically by rename)
 *   gen-<id>/          one complete index: manifest.json, docs.json, glossary.json, and vectors.f32 + hnsw.bin when enabled
 * A generation is written under a temp name and renamed into place before CURRENT moves, so readers
 * only ever see complete generations, and a failed ingest leaves the previous one serving.
 */
export const INDEX_FORMAT_VERSION = 1;

export const ManifestSchema = Type.Object({
  format: Type.Integer(),
  created_at: Type.String(),
  vectors: Type.String(),
  model: Type.Union([Type.Object({ id: Type.String(), dims: Type.Integer({ minimum: 1 }) }), Type.Null()]),
  docs: Type.Array(
    Type.Object({ path: Type.String(), hash: Type.String(), chunks: Type.Integer({ minimum: 0 }) }),
  ),
  chunks: Type.Integer({ minimum: 0 }),
  findings: Type.Array(
    Type.Object({
      file: Type.String(),
      line: Type.Integer(),
      severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
});
export type Manifest = Static<typeof ManifestSchema>;

export interface StoredIndex {
  manifest: Manifest;
  docs: ParsedDocument[];
  glossary: GlossaryEntry[];
  /** One vector per chunk in docs order, when vectors are enabled. */
  vectors: Float32Array[] | null;
  hnsw: VectorIndex | null;
  generation: string;
}

export interface IndexContents {
  docs: ParsedDocument[];
  glossary: GlossaryEntry[];
  vectors: Float32Array[] | null;
  model: { id: string; dims: number } | null;
  vectorStatus: string;
  findings: Finding[];
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
      docs: contents.docs.map((doc) => ({ path: doc.path, hash: doc.hash, chunks: doc.chunks.length })),
      chunks: contents.docs.reduce((sum, doc) => sum + doc.chunks.length, 0),
      findings: contents.findings,
    };
    await writeFile(join(tmp, 'docs.json'), JSON.stringify(contents.docs));
    await writeFile(join(tmp, 'glossary.json'), JSON.stringify(contents.glossary));
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

/** Loads the live generation. Throws INDEX_NOT_FOUND, INDEX_VERSION or INDEX_CORRUPT. */
export async function readIndex(
  indexDir: string,
  options: { loadHnsw?: boolean } = {},
): Promise<StoredIndex> {
  const generation = await currentGeneration(indexDir);
  if (!generation)
    throw new NetkbError('INDEX_NOT_FOUND', `No index in ${indexDir}: run \`netkb ingest\` first`);
  const dir = join(indexDir, generation);
  let manifestRaw: unknown;
  let docs: ParsedDocument[];
  let glossary: GlossaryEntry[];
  try {
    manifestRaw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    docs = JSON.parse(await readFile(join(dir, 'docs.json'), 'utf8')) as ParsedDocument[];
    glossary = JSON.parse(await readFile(join(dir, 'glossary.json'), 'utf8')) as GlossaryEntry[];
  } catch (cause) {
    throw new NetkbError('INDEX_CORRUPT', `Index generation ${generation} in ${indexDir} is unreadable`, {
      cause,
    });
  }
  if ((manifestRaw as { format?: unknown })?.format !== INDEX_FORMAT_VERSION) {
    throw new NetkbError('INDEX_VERSION', `Index in ${indexDir} has another format: re-run \`netkb ingest\``);
  }
  if (!Value.Check(ManifestSchema, manifestRaw) || !Array.isArray(docs) || !Array.isArray(glossary)) {
    throw new NetkbError('INDEX_CORRUPT', `Index manifest in ${indexDir} does not match its schema`);
  }
  const manifest = manifestRaw;
  const consistent =
    docs.length === manifest.docs.length &&
    docs.every(
      (doc, i) => doc.path === manifest.docs[i]?.path && doc.chunks?.length === manifest.docs[i]?.chunks,
    );
  if (!consistent)
    throw new NetkbError('INDEX_CORRUPT', `Index in ${indexDir}: docs.json does not match its manifest`);
  let vectors: Float32Array[] | null = null;
  let hnsw: VectorIndex | null = null;
  if (manifest.model) {
    vectors = await readVectors(join(dir, 'vectors.f32'), manifest.model.dims);
    if (vectors.length !== manifest.chunks) {
      throw new NetkbError(
        'INDEX_CORRUPT',
        `Index in ${indexDir} has ${vectors.length} vectors for ${manifest.chunks} chunks`,
      );
    }
    if (options.loadHnsw !== false)
      hnsw = await VectorIndex.load(join(dir, 'hnsw.bin'), manifest.model.dims, vectors.length);
  }
  return { manifest, docs, glossary, vectors, hnsw, generation };
}
