import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readVectors, VectorIndex, writeVectors } from '../adapters/hnsw.js';
import { NetkbError } from '../core/errors.js';
import type { Finding, GlossaryEntry } from '../core/types.js';
import type { ParsedDocument } from '../ingest/document.js';

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

export async function writeIndex(indexDir: string, contents: IndexContents): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  return withWriteLock(indexDir, () => writeGeneration(indexDir, contents));
}

/**
 * One writer at a time per index dir (concurrent ingests would prune each other's generations).
 * A lock left by a process that no longer runs is taken over.
 */
async function withWriteLock<T>(indexDir: string, write: () => Promise<T>): Promise<T> {
  const lock = join(indexDir, '.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
      if (!holderAlive(holder)) await rm(lock, { force: true });
      else if (attempt > 600)
        throw new NetkbError('INTERNAL', `Index ${indexDir} is locked by process ${holder}`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await write();
  } finally {
    await rm(lock, { force: true });
  }
}

function holderAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
    await rename(tmp, join(indexDir, generation));
    const pointer = join(indexDir, `.${CURRENT}.tmp-${generation}`);
    await writeFile(pointer, `${generation}\n`);
    await rename(pointer, join(indexDir, CURRENT));
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await pruneGenerations(indexDir, generation);
  return generation;
}

/** Keeps the live generation and the one before it (a reader may still be loading it). Runs under the write lock. */
async function pruneGenerations(indexDir: string, live: string): Promise<void> {
  const entries = await readdir(indexDir);
  // Generation names start with a base-36 timestamp of equal length, so name order is creation order.
  const generations = entries.filter((name) => name.startsWith('gen-') && name !== live).sort();
  const stale = [
    ...generations.slice(0, -1),
    ...entries.filter((name) => name.startsWith('.tmp-') || name.startsWith(`.${CURRENT}.tmp-`)),
  ];
  await Promise.all(stale.map((name) => rm(join(indexDir, name), { recursive: true, force: true })));
}

export async function currentGeneration(indexDir: string): Promise<string | null> {
  const text = await readFile(join(indexDir, CURRENT), 'utf8').catch(() => null);
  return text?.trim() || null;
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
