/**
 * ingestKb end to end with real parts: real files, the real parser, the real transformers.js embedder (over the
 * generated tiny model), hnswlib, and the on-disk generation store. Only the failure tests use a fake Embedder.
 */
import {
  appendFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTransformersEmbedder } from '../../src/adapters/transformers-embedder.js';
import { NetkbError } from '../../src/core/errors.js';
import type { Embedder } from '../../src/core/types.js';
import {
  embeddingText,
  type IngestOptions,
  type IngestReport,
  updateIndex,
} from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { currentGeneration, readIndex, readScopes } from '../../src/index/store.js';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { persistedScopesFor, scopeEntries, scopeKey } from '../../src/retrieve/scope.js';
import { writeTinyModel } from '../helpers/tiny-model.js';

// Files are parsed in worker threads: the ingest itself says which files it re-parsed.
let parsed: string[] = [];
async function ingestKb(options: IngestOptions): Promise<IngestReport> {
  const outcome = await updateIndex(options);
  parsed.push(...outcome.parsed);
  return outcome.report;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE_KB = path.resolve(here, '../fixtures/kb-small');
const BUNDLED_GLOSSARY = path.resolve(here, '../../kb/glossary.yaml');
const FIXTURE_DOCS = ['dns/coredns.md', 'pod-to-pod/geneve-cross-node.md', 'service/clusterip.md'];
const SECOND_MODEL_ID = 'netkb-test/tiny-bert-v2';

let tmp: string;
let tiny: Embedder;
/** Same weights as `tiny`, published under another model id. */
let tinyV2: Embedder;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-ingest-kb-'));
  const model = await writeTinyModel(path.join(tmp, 'models'));
  await cp(path.join(model.modelDir, model.modelId), path.join(model.modelDir, SECOND_MODEL_ID), {
    recursive: true,
  });
  const load = (modelId: string) =>
    loadTransformersEmbedder({ modelId, modelDir: model.modelDir, allowRemote: false, queryInstruction: '' });
  tiny = await load(model.modelId);
  tinyV2 = await load(SECOND_MODEL_ID);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  parsed = [];
});

let counter = 0;
/** A private copy of the fixture KB (tests modify it) and a fresh index dir next to it. */
async function workspace(): Promise<{ kbDir: string; indexDir: string }> {
  const dir = path.join(tmp, `ws-${++counter}`);
  const kbDir = path.join(dir, 'kb');
  await cp(FIXTURE_KB, kbDir, { recursive: true });
  return { kbDir, indexDir: path.join(dir, 'index') };
}

/** Wraps an embedder and records every batch of passages it is asked to embed. */
function recording(inner: Embedder): { embedder: Embedder; batches: string[][] } {
  const batches: string[][] = [];
  return {
    batches,
    embedder: {
      modelId: inner.modelId,
      dims: inner.dims,
      embedPassages: (texts, onProgress) => {
        batches.push([...texts]);
        return inner.embedPassages(texts, onProgress);
      },
      embedQuery: (text) => inner.embedQuery(text),
    },
  };
}

/** A deterministic fake: a hashed bag of words (unit length), optionally broken in a chosen way. */
function fakeEmbedder(
  modelId: string,
  dims: number,
  mode: 'ok' | 'reject' | 'wrong-dims' = 'ok',
): Embedder & { calls: number } {
  const vector = (text: string, length: number): Float32Array => {
    const out = new Float32Array(length);
    for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
      let h = 0;
      for (const ch of word) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
      out[h % length] = (out[h % length] ?? 0) + 1;
    }
    out[0] = (out[0] ?? 0) + 0.01;
    const norm = Math.hypot(...out);
    return out.map((v) => v / norm);
  };
  const fake = {
    modelId,
    dims,
    calls: 0,
    async embedPassages(texts: string[]): Promise<Float32Array[]> {
      fake.calls++;
      if (mode === 'reject') throw new Error('embedding backend crashed');
      return texts.map((text) => vector(text, mode === 'wrong-dims' ? dims - 1 : dims));
    },
    async embedQuery(text: string): Promise<Float32Array> {
      return vector(text, dims);
    },
  };
  return fake;
}

function parsedPaths(): string[] {
  return parsed;
}

function chunkCount(index: Awaited<ReturnType<typeof readIndex>>, docPath: string): number {
  return index.docs.find((doc) => doc.path === docPath)?.chunks.length ?? -1;
}

/** Every stored vector must be the embedding of the chunk at the same ordinal (reused vectors included). */
async function expectVectorsAligned(indexDir: string, embedder: Embedder): Promise<void> {
  const index = await readIndex(indexDir);
  const chunks = index.docs.flatMap((doc) => doc.chunks);
  expect(index.vectors).toHaveLength(chunks.length);
  const fresh = await embedder.embedPassages(
    chunks.map((c) => embeddingText(c.title, c.headingPath, c.text)),
  );
  chunks.forEach((chunk, i) => {
    const stored = index.vectors?.[i];
    const expected = fresh[i];
    const maxDiff = Math.max(...(stored ?? []).map((v, d) => Math.abs(v - (expected?.[d] ?? Number.NaN))));
    expect(maxDiff, `vector ${i} (${chunk.id})`).toBeLessThan(1e-5);
  });
}

function reportCore(report: IngestReport) {
  const { took_ms: _took, ...rest } = report;
  return rest;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('incremental ingest', () => {
  it('builds on the first ingest, then reuses every unchanged doc and embeds nothing', async () => {
    const { kbDir, indexDir } = await workspace();
    const first = await ingestKb({ kbDir, indexDir, embedder: tiny });
    expect(reportCore(first)).toMatchObject({ docs: 3, reused_docs: 0, vectors: 'enabled', findings: [] });
    expect(first.chunks).toBeGreaterThanOrEqual(3);
    expect(first.embedded_chunks).toBe(first.chunks);
    expect(first.commands).toBeGreaterThan(0);
    expect(parsedPaths().sort()).toEqual(FIXTURE_DOCS);
    const built = await readIndex(indexDir);
    expect(built.docs.map((doc) => doc.path)).toEqual(FIXTURE_DOCS);
    expect(built.manifest.model).toEqual({ id: tiny.modelId, dims: tiny.dims });
    expect(built.vectors).toHaveLength(first.chunks);
    expect(built.hnsw?.size).toBe(first.chunks);

    parsed = [];
    const { embedder, batches } = recording(tiny);
    const second = await ingestKb({ kbDir, indexDir, embedder });
    expect(reportCore(second)).toEqual({ ...reportCore(first), reused_docs: 3, embedded_chunks: 0 });
    expect(parsedPaths()).toEqual([]);
    expect(batches).toEqual([]);

    // A new mtime alone is not a change: reuse is by content hash.
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(kbDir, 'dns/coredns.md'), later, later);
    const third = await ingestKb({ kbDir, indexDir, embedder });
    expect(third.reused_docs).toBe(3);
    expect(third.embedded_chunks).toBe(0);
    await expectVectorsAligned(indexDir, tiny);
  });

  it('re-parses only a changed file and re-embeds only its chunks', async () => {
    const { kbDir, indexDir } = await workspace();
    const first = await ingestKb({ kbDir, indexDir, embedder: tiny });
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nAlso check the ndots option in resolv.conf.\n');

    parsed = [];
    const { embedder, batches } = recording(tiny);
    const report = await ingestKb({ kbDir, indexDir, embedder });
    expect(parsedPaths()).toEqual(['dns/coredns.md']);
    expect(report.docs).toBe(3);
    expect(report.reused_docs).toBe(2);
    const index = await readIndex(indexDir);
    expect(report.embedded_chunks).toBe(chunkCount(index, 'dns/coredns.md'));
    expect(report.chunks).toBe(first.chunks);
    const embeddedTexts = batches.flat();
    expect(embeddedTexts).toHaveLength(report.embedded_chunks);
    for (const text of embeddedTexts) expect(text.startsWith('CoreDNS 解析失败')).toBe(true);
    expect(embeddedTexts.join('\n')).toContain('ndots');
    await expectVectorsAligned(indexDir, tiny);
  });

  it('reads only files whose stat moved since the manifest recorded it; the content hash decides', async () => {
    const { kbDir, indexDir } = await workspace();
    // A clock a minute ahead: the fixture files are not "just changed", so their stats are recorded.
    const now = () => Date.now() + 60_000;
    const first = await updateIndex({ kbDir, indexDir, embedder: null, now });
    expect(first.read).toBe(3);
    const stats = async () => (await readIndex(indexDir)).manifest.docs.map((doc) => doc.stat);
    expect((await stats()).every((stat) => typeof stat === 'string')).toBe(true);

    const unchanged = await updateIndex({ kbDir, indexDir, embedder: null, now });
    expect(unchanged).toMatchObject({ read: 0, written: false, parsed: [] });

    // Touched, same content: read again (its stat moved), not parsed, nothing written.
    await utimes(path.join(kbDir, 'service/clusterip.md'), new Date(), new Date(Date.now() - 86_400_000));
    const touched = await updateIndex({ kbDir, indexDir, embedder: null, now });
    expect(touched).toMatchObject({ read: 1, written: false, parsed: [] });

    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nAlso check the ndots option in resolv.conf.\n');
    const edited = await updateIndex({ kbDir, indexDir, embedder: null, now });
    // The touched file too: its new stat was not recorded, as nothing was written then.
    expect(edited).toMatchObject({ read: 2, written: true, parsed: ['dns/coredns.md'] });
    expect(await updateIndex({ kbDir, indexDir, embedder: null, now })).toMatchObject({ read: 0 });
    const searcher = await openSearcher(indexDir, { embedder: null });
    expect(
      searcher.docs
        .find((doc) => doc.path === 'dns/coredns.md')
        ?.chunks.some((c) => c.text.includes('ndots')),
    ).toBe(true);
  });

  it('does not record the stat of a file that changed just now (it could change again unseen)', async () => {
    const { kbDir, indexDir } = await workspace();
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nJust edited.\n');
    await updateIndex({ kbDir, indexDir, embedder: null });
    const docs = (await readIndex(indexDir)).manifest.docs;
    expect(docs.find((doc) => doc.path === 'dns/coredns.md')?.stat).toBeUndefined();
    const again = await updateIndex({ kbDir, indexDir, embedder: null });
    expect(again.written).toBe(false);
    expect(again.read).toBeGreaterThanOrEqual(1);
  });

  it("persists the docs' scope entries, reusing unchanged docs' and computing changed ones'", async () => {
    const { kbDir, indexDir } = await workspace();
    const expectScopesOfDocs = async () => {
      const index = await readIndex(indexDir);
      const stored = await readScopes(indexDir, index.generation);
      const fresh = scopeEntries(index.docs, compileGlossary(index.glossary));
      expect(persistedScopesFor(stored, scopeKey(index.glossary), index.docs)).toEqual(fresh);
    };
    await ingestKb({ kbDir, indexDir, embedder: null });
    await expectScopesOfDocs();
    await writeFile(path.join(kbDir, 'dns/coredns.md'), '# Calico 的 DNS 不通\n\nCalico 节点上 DNS 超时。\n');
    await ingestKb({ kbDir, indexDir, embedder: null });
    await expectScopesOfDocs();
  });

  it('writes the records of unchanged docs back byte for byte, and the changed one anew', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: null });
    const linesOf = async () => {
      const generation = await currentGeneration(indexDir);
      const text = await readFile(path.join(indexDir, generation ?? '', 'docs.jsonl'), 'utf8');
      return new Map(
        text
          .trimEnd()
          .split('\n')
          .map((line) => [JSON.parse(line).path as string, line]),
      );
    };
    // Stored records in another (valid) JSON layout, without the summary that would tell them from damage (an
    // index written before summaries): parsed and checked, then written back as stored, they keep it.
    const generationDir = path.join(indexDir, (await currentGeneration(indexDir)) ?? '');
    const live = path.join(generationDir, 'docs.jsonl');
    const stored = await readFile(live, 'utf8');
    await writeFile(live, stored.replace(/^\{/gm, '{ '));
    await rm(path.join(generationDir, 'summary.json'));
    const before = await linesOf();
    for (const line of before.values()) expect(line.startsWith('{ ')).toBe(true);
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nAlso check the ndots option in resolv.conf.\n');
    const report = await ingestKb({ kbDir, indexDir, embedder: null });
    expect(report.reused_docs).toBe(2);
    const after = await linesOf();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [docPath, line] of after) {
      if (docPath === 'dns/coredns.md') expect(line).not.toBe(before.get(docPath));
      else expect(line).toBe(before.get(docPath));
    }
    expect(after.get('dns/coredns.md')).toContain('ndots');
    const index = await readIndex(indexDir);
    expect(index.docs.map((doc) => doc.path)).toEqual([...after.keys()]);
  });

  it('drops a deleted doc and adds a new one, keeping reused vectors aligned', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    // Delete the middle doc (in path order), so the reused vectors after it move to other ordinals.
    await rm(path.join(kbDir, 'pod-to-pod/geneve-cross-node.md'));
    await mkdir(path.join(kbDir, 'mtu'));
    await writeFile(
      path.join(kbDir, 'mtu/large-packets.md'),
      [
        '---',
        'triggers: [大包不通]',
        'category: mtu',
        'priority: 10',
        '---',
        '',
        '# MTU 大包不通',
        '',
        '## 诊断命令',
        '',
        '```bash',
        '# 带 DF 位发大包',
        'ping -M do -s 1472 <target-ip>',
        '```',
        '',
      ].join('\n'),
    );

    parsed = [];
    const report = await ingestKb({ kbDir, indexDir, embedder: tiny });
    expect(parsedPaths()).toEqual(['mtu/large-packets.md']);
    expect(report.docs).toBe(3);
    expect(report.reused_docs).toBe(2);
    const index = await readIndex(indexDir);
    expect(index.docs.map((doc) => doc.path)).toEqual([
      'dns/coredns.md',
      'mtu/large-packets.md',
      'service/clusterip.md',
    ]);
    expect(index.manifest.docs.map((doc) => doc.path)).toEqual(index.docs.map((doc) => doc.path));
    expect(report.embedded_chunks).toBe(chunkCount(index, 'mtu/large-packets.md'));
    expect(index.docs.flatMap((doc) => doc.commands).map((c) => c.command)).toContain(
      'ping -M do -s 1472 <target-ip>',
    );
    expect(index.docs.some((doc) => doc.path.startsWith('pod-to-pod/'))).toBe(false);
    await expectVectorsAligned(indexDir, tiny);
  });

  it('re-embeds everything when the model id changes', async () => {
    const { kbDir, indexDir } = await workspace();
    const first = await ingestKb({ kbDir, indexDir, embedder: tiny });
    const { embedder, batches } = recording(tinyV2);
    parsed = [];
    const report = await ingestKb({ kbDir, indexDir, embedder });
    // Parsing is model-independent, so docs are still reused; their vectors are not.
    expect(report.reused_docs).toBe(3);
    expect(parsedPaths()).toEqual([]);
    expect(report.embedded_chunks).toBe(first.chunks);
    expect(batches.flat()).toHaveLength(first.chunks);
    const index = await readIndex(indexDir);
    expect(index.manifest.model).toEqual({ id: SECOND_MODEL_ID, dims: tinyV2.dims });
    await expectVectorsAligned(indexDir, tinyV2);

    // The old model no longer matches the index: vectors are off, and the reason names both models.
    const stale = await openSearcher(indexDir, { embedder: tiny });
    expect(stale.vectors.enabled).toBe(false);
    if (!stale.vectors.enabled) {
      expect(stale.vectors.reason).toContain(SECOND_MODEL_ID);
      expect(stale.vectors.reason).toContain(tiny.modelId);
    }
  });

  it('re-embeds everything when the dims change under the same model id', async () => {
    const { kbDir, indexDir } = await workspace();
    const first = await ingestKb({ kbDir, indexDir, embedder: tiny });
    const narrow = fakeEmbedder(tiny.modelId, 8);
    const report = await ingestKb({ kbDir, indexDir, embedder: narrow });
    expect(report.embedded_chunks).toBe(first.chunks);
    const index = await readIndex(indexDir);
    expect(index.manifest.model).toEqual({ id: tiny.modelId, dims: 8 });
    expect(index.vectors?.every((v) => v.length === 8)).toBe(true);
    await expectVectorsAligned(indexDir, narrow);
  });

  it('embeds every chunk when the previous index had vectors disabled', async () => {
    const { kbDir, indexDir } = await workspace();
    const off = await ingestKb({
      kbDir,
      indexDir,
      embedder: null,
      vectorsDisabledReason: 'NETKB_VECTORS=off',
    });
    expect(off.vectors).toBe('disabled: NETKB_VECTORS=off');
    expect(off.embedded_chunks).toBe(0);
    const on = await ingestKb({ kbDir, indexDir, embedder: tiny });
    expect(on.reused_docs).toBe(3);
    expect(on.embedded_chunks).toBe(on.chunks);
    await expectVectorsAligned(indexDir, tiny);
  });
});

describe('persisted vectors', () => {
  const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

  it('serve vector-only search with the same model', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    const searcher = await openSearcher(indexDir, { embedder: tiny });
    expect(searcher.vectors).toEqual({ enabled: true, modelId: tiny.modelId, dims: tiny.dims });

    const question = 'nslookup dns timeout: check coredns logs and the upstream dns server';
    const asked = words(question);
    const overlap = (text: string) => [...words(text)].filter((word) => asked.has(word)).length;
    const chunks = searcher.docs.flatMap((doc) => doc.chunks);
    const best = chunks.reduce((a, b) =>
      overlap(embeddingText(b.title, b.headingPath, b.text)) >
      overlap(embeddingText(a.title, a.headingPath, a.text))
        ? b
        : a,
    );
    expect(best.id).toBe('dns/coredns.md#1');

    const result = await searcher.search(question, { only: ['vector'] });
    expect(result.retrievers.vector.status).toBe('ok');
    expect(result.retrievers.trigger.status).toBe('disabled');
    expect(result.retrievers.lexical.status).toBe('disabled');
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits[0]?.chunk.id).toBe(best.id);
    expect(result.hits[0]?.via).toEqual(['vector']);
  });

  it('are disabled, with a reason, when no embedder is given or the index has none', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    const noEmbedder = await openSearcher(indexDir, { embedder: null });
    expect(noEmbedder.vectors.enabled).toBe(false);
    if (!noEmbedder.vectors.enabled) expect(noEmbedder.vectors.reason).toMatch(/\S/);
    const withReason = await openSearcher(indexDir, {
      embedder: null,
      vectorsDisabledReason: 'NETKB_VECTORS=off',
    });
    expect(withReason.vectors).toEqual({ enabled: false, reason: 'NETKB_VECTORS=off' });
    const vectorOnly = await noEmbedder.search('nslookup dns timeout', { only: ['vector'] });
    expect(vectorOnly.hits).toEqual([]);
    expect(vectorOnly.retrievers.vector.status).toBe('disabled');

    await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: 'NETKB_VECTORS=off' });
    const built = await readIndex(indexDir);
    expect(built.manifest.model).toBeNull();
    expect(built.vectors).toBeNull();
    const searcher = await openSearcher(indexDir, { embedder: tiny });
    expect(searcher.vectors).toEqual({ enabled: false, reason: 'NETKB_VECTORS=off' });
  });
});

describe('atomic generations', () => {
  async function snapshot(indexDir: string) {
    const index = await readIndex(indexDir);
    return {
      generation: await currentGeneration(indexDir),
      entries: (await readdir(indexDir)).sort(),
      docs: index.docs,
      manifest: index.manifest,
    };
  }

  it('a failing embedder rejects the ingest and leaves the previous index serving, unchanged', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    const before = await snapshot(indexDir);
    expect(before.generation).toMatch(/^gen-/);
    await appendFile(path.join(kbDir, 'service/clusterip.md'), '\nA changed line.\n');

    const failing = fakeEmbedder('fake/failing', tiny.dims, 'reject');
    const error = await rejection(ingestKb({ kbDir, indexDir, embedder: failing }));
    expect((error as Error).message).toBe('embedding backend crashed');
    expect(failing.calls).toBe(1);
    expect(await snapshot(indexDir)).toEqual(before);
    expect((await openSearcher(indexDir, { embedder: tiny })).vectors.enabled).toBe(true);
  });

  it('a failure while writing the generation removes its temp dir and keeps the previous one', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    const before = await snapshot(indexDir);

    // Claims `dims` but returns shorter vectors: the vector file is written, then the HNSW build throws.
    const broken = fakeEmbedder('fake/wrong-dims', 16, 'wrong-dims');
    const error = await rejection(ingestKb({ kbDir, indexDir, embedder: broken }));
    expect(error).toBeInstanceOf(RangeError);
    const after = await snapshot(indexDir);
    expect(after).toEqual(before);
    expect(after.entries.filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('keeps only the live and the previous generation and leaves no temp files', async () => {
    const { kbDir, indexDir } = await workspace();
    const generations: Array<string | null> = [];
    for (let i = 0; i < 4; i++) {
      await appendFile(path.join(kbDir, 'dns/coredns.md'), `\nEdit ${i}.\n`);
      await ingestKb({ kbDir, indexDir, embedder: tiny });
      generations.push(await currentGeneration(indexDir));
    }
    expect(new Set(generations).size).toBe(4);
    const [, , previous, live] = generations;
    expect((await readdir(indexDir)).sort()).toEqual(['CURRENT', previous, live].sort());
    const liveFiles = (await readdir(path.join(indexDir, live ?? ''))).sort();
    expect(liveFiles).toEqual([
      'docs.jsonl',
      'glossary.json',
      'hnsw.bin',
      'lexical.bin',
      'manifest.json',
      'scopes.json',
      'summary.json',
      'vectors.f32',
    ]);
  });
});

describe('corrupt index', () => {
  // What the next ingest can still reuse: intact doc records (by hash), and vectors when vectors.f32 is whole.
  const reusable = { 'docs.jsonl': 'some', 'manifest.json': 'none', 'vectors.f32': 'records' } as const;
  it.each(Object.keys(reusable) as Array<keyof typeof reusable>)(
    'a truncated %s makes readIndex throw INDEX_CORRUPT; the next ingest rebuilds what is damaged',
    async (file) => {
      const { kbDir, indexDir } = await workspace();
      const first = await ingestKb({ kbDir, indexDir, embedder: tiny });
      const generation = await currentGeneration(indexDir);
      const target = path.join(indexDir, generation ?? '', file);
      const size = (await readFile(target)).length;
      await truncate(target, Math.floor(size / 2) + 1);

      const error = await rejection(readIndex(indexDir));
      expect(error).toBeInstanceOf(NetkbError);
      expect((error as NetkbError).code).toBe('INDEX_CORRUPT');

      parsed = [];
      const rebuilt = await ingestKb({ kbDir, indexDir, embedder: tiny });
      if (reusable[file] === 'none') {
        expect(rebuilt.reused_docs).toBe(0);
        expect(rebuilt.embedded_chunks).toBe(first.chunks);
      } else if (reusable[file] === 'records') {
        expect(rebuilt.reused_docs).toBe(3);
        expect(parsedPaths()).toEqual([]);
        expect(rebuilt.embedded_chunks).toBe(first.chunks);
      } else {
        // The records cut off are re-parsed from their files; the intact ones keep their vectors.
        expect(parsedPaths().length).toBeGreaterThan(0);
        expect(rebuilt.reused_docs + parsedPaths().length).toBe(3);
        expect(rebuilt.embedded_chunks).toBeLessThan(first.chunks);
      }
      expect(await currentGeneration(indexDir)).not.toBe(generation);
      const index = await readIndex(indexDir);
      expect(index.docs.map((doc) => doc.path)).toEqual(FIXTURE_DOCS);
      await expectVectorsAligned(indexDir, tiny);
    },
  );
});

describe('records taken unparsed after an edit', () => {
  it('a record whose line no longer matches its summary is parsed again from its source file', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: tiny });
    const generation = await currentGeneration(indexDir);
    const docsFile = path.join(indexDir, generation ?? '', 'docs.jsonl');
    // Damage that stays valid JSON of the right shape (a record's text changed in place): only its checksum
    // tells; the record must not be carried into the next generation.
    const text = await readFile(docsFile, 'utf8');
    const lines = text.trimEnd().split('\n');
    const at = lines.findIndex((line) => JSON.parse(line).path === 'service/clusterip.md');
    const damaged = (lines[at] ?? '').replace(
      /"text":"(.)/,
      (_, first: string) => `"text":"${first === 'X' ? 'Y' : 'X'}`,
    );
    expect(damaged).not.toBe(lines[at]);
    lines[at] = damaged;
    await writeFile(docsFile, `${lines.join('\n')}\n`);
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nAlso check the ndots option in resolv.conf.\n');

    parsed = [];
    const report = await ingestKb({ kbDir, indexDir, embedder: tiny });
    expect(parsedPaths().sort()).toEqual(['dns/coredns.md', 'service/clusterip.md']);
    expect(report.reused_docs).toBe(1);
    const index = await readIndex(indexDir);
    expect(index.docs.map((doc) => doc.path)).toEqual(FIXTURE_DOCS);
    const fresh = await readFile(path.join(kbDir, 'service/clusterip.md'), 'utf8');
    const clusterip = index.docs.find((doc) => doc.path === 'service/clusterip.md');
    expect(clusterip).toEqual(parseDocument('service/clusterip.md', fresh));
    await expectVectorsAligned(indexDir, tiny);
  });

  it('writes the same generation as parsing every record would (records, summary, lexical index)', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: null });
    const twin = `${indexDir}-twin`;
    await cp(indexDir, twin, { recursive: true });
    // The twin's records have no summary: its next ingest parses them all.
    await rm(path.join(twin, (await currentGeneration(twin)) ?? '', 'summary.json'));
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nAlso check the ndots option in resolv.conf.\n');
    const [unparsed, parsedAll] = [
      await ingestKb({ kbDir, indexDir, embedder: null }),
      await ingestKb({ kbDir, indexDir: twin, embedder: null }),
    ];
    expect(reportCore(unparsed)).toEqual(reportCore(parsedAll));
    for (const file of ['docs.jsonl', 'summary.json', 'lexical.bin', 'scopes.json', 'glossary.json']) {
      const [a, b] = await Promise.all(
        [indexDir, twin].map(async (dir) =>
          readFile(path.join(dir, (await currentGeneration(dir)) ?? '', file)),
        ),
      );
      expect(a?.equals(b as Buffer), file).toBe(true);
    }
  });
});

describe('manifest shape', () => {
  it.each([
    [
      'a doc entry without its hash',
      (m: Record<string, unknown>) => delete (m.docs as Array<Record<string, unknown>>)[0]?.hash,
    ],
    [
      'a negative chunk count',
      (m: Record<string, unknown>) => {
        m.chunks = -1;
      },
    ],
    [
      'a finding with an unknown severity',
      (m: Record<string, unknown>) => {
        m.findings = [{ file: 'a.md', line: 1, severity: 'fatal', code: 'x', message: 'y' }];
      },
    ],
  ])('a manifest with %s makes readIndex throw INDEX_CORRUPT', async (_what, damage) => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: null });
    const target = path.join(indexDir, (await currentGeneration(indexDir)) ?? '', 'manifest.json');
    const manifest = JSON.parse(await readFile(target, 'utf8')) as Record<string, unknown>;
    expect((await readIndex(indexDir)).docs.length).toBe(3);
    damage(manifest);
    await writeFile(target, JSON.stringify(manifest));
    const error = await rejection(readIndex(indexDir));
    expect((error as NetkbError).code).toBe('INDEX_CORRUPT');
  });
});

describe('glossary', () => {
  it('falls back to the bundled kb/glossary.yaml when the KB has none', async () => {
    const { kbDir, indexDir } = await workspace();
    const report = await ingestKb({ kbDir, indexDir, embedder: null });
    expect(report.findings).toEqual([]);
    const bundled = parseGlossary('glossary.yaml', await readFile(BUNDLED_GLOSSARY, 'utf8'));
    expect(bundled.entries.length).toBeGreaterThan(0);
    const index = await readIndex(indexDir);
    expect(index.glossary).toEqual(bundled.entries);
  });

  it('reports a broken KB glossary.yaml with its line and still ingests the docs', async () => {
    const { kbDir, indexDir } = await workspace();
    await writeFile(
      path.join(kbDir, 'glossary.yaml'),
      '# synonyms\n- terms: [pod, 容器]\n- terms: [node, 节点]\n  bad: : x\n',
    );
    const report = await ingestKb({ kbDir, indexDir, embedder: null });
    expect(report.docs).toBe(3);
    expect(report.chunks).toBeGreaterThan(0);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: 'glossary.yaml', line: 4, severity: 'error', code: 'glossary-yaml' }),
    ]);
    const index = await readIndex(indexDir);
    expect(index.docs.map((doc) => doc.path)).toEqual(FIXTURE_DOCS);
    expect(index.manifest.findings).toEqual(report.findings);
  });
});
