/** The persisted lexical index (lexical.bin): restored at open, same answers as a fresh build, rebuilt when unusable. */
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateIndex } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { currentGeneration, readIndex, readLexical } from '../../src/index/store.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../../kb');
const QUESTIONS = [
  'pod 访问 node 的 6443 不通',
  'coredns 解析超时',
  'cross-node ping fails after enabling geneve',
  'kubeclt get pods 报错',
];

let tmp: string;
let indexDir: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-lexical-'));
  const kbDir = path.join(tmp, 'kb');
  await cp(KB, kbDir, { recursive: true });
  indexDir = path.join(tmp, 'index');
  await updateIndex({ kbDir, indexDir, embedder: null });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const summary = async (searcher: KbSearcher, question: string) => {
  await searcher.search(question); // warm-up: a cold first question under heavy load can meet the time budget
  const result = await searcher.search(question);
  expect(result.overBudget).toBe(false);
  return {
    ids: result.hits.map((hit) => hit.chunk.id),
    scores: result.hits.map((hit) => hit.score),
    confidence: result.confidence,
  };
};

describe('persisted lexical index', () => {
  it('restores to the same rankings, scores and confidence as a fresh build', async () => {
    const index = await readIndex(indexDir);
    expect(index.hasLexical).toBe(true);
    const snapshot = await readLexical(indexDir, index.generation);
    const data = {
      docs: index.docs,
      glossary: index.glossary,
      vector: null,
      vectorStatus: { enabled: false as const, reason: 'test' },
    };
    const restored = new KbSearcher({ ...data, lexical: snapshot });
    const fresh = new KbSearcher(data);
    for (const question of QUESTIONS)
      expect(await summary(restored, question)).toEqual(await summary(fresh, question));
  });

  it('an incremental ingest updates it with only the changed docs, to the same results as a fresh build', async () => {
    const kbDir = path.join(tmp, 'kb');
    await appendFile(
      path.join(kbDir, 'dns/coredns.md'),
      '\n## 补充\n\ncoredns 的 forward 插件超时也会导致解析超时。\n',
    );
    await rm(path.join(kbDir, 'mtu'), { recursive: true, force: true });
    const { parsed } = await updateIndex({ kbDir, indexDir, embedder: null });
    expect(parsed).toEqual(['dns/coredns.md']);
    const index = await readIndex(indexDir);
    const snapshot = await readLexical(indexDir, index.generation);
    const data = {
      docs: index.docs,
      glossary: index.glossary,
      vector: null,
      vectorStatus: { enabled: false as const, reason: 'test' },
    };
    const updated = new KbSearcher({ ...data, lexical: snapshot });
    const fresh = new KbSearcher(data);
    for (const question of [...QUESTIONS, 'forward 插件超时', 'mtu 大包不通']) {
      const [a, b] = [await summary(updated, question), await summary(fresh, question)];
      expect(a.ids).toEqual(b.ids);
      for (const [i, score] of a.scores.entries()) expect(score).toBeCloseTo(b.scores[i] ?? Number.NaN, 9);
      expect(a.confidence).toBeCloseTo(b.confidence, 9);
    }
  });

  it('a damaged or stale lexical.bin is rebuilt from the docs, never trusted', async () => {
    const generation = (await currentGeneration(indexDir)) ?? '';
    const file = path.join(indexDir, generation, 'lexical.bin');
    const good = await readFile(file);
    const expected = await summary(await openSearcher(indexDir, { embedder: null }), QUESTIONS[0] ?? '');
    const opensLikeBefore = async (bytes: Uint8Array | string) => {
      await writeFile(file, bytes);
      expect(await summary(await openSearcher(indexDir, { embedder: null }), QUESTIONS[0] ?? '')).toEqual(
        expected,
      );
    };
    await opensLikeBefore('{"key": "stale", "docs": 3');
    await opensLikeBefore(good.subarray(0, good.length >> 1)); // truncated
    // A posting that points past the last chunk.
    const outOfRange = Buffer.from(good);
    outOfRange.writeUInt32LE(0xfffffff0, outOfRange.length - 4);
    await opensLikeBefore(outOfRange);
    // Another glossary's key.
    const header = good.readUInt32LE(4);
    const json = JSON.parse(good.subarray(8, 8 + header).toString('utf8'));
    const otherKey = Buffer.from(JSON.stringify({ ...json, key: 'x'.repeat(json.key.length) }));
    expect(otherKey.length).toBe(header);
    await opensLikeBefore(Buffer.concat([good.subarray(0, 8), otherKey, good.subarray(8 + header)]));
    await writeFile(file, good);
  });

  it('after an incremental ingest (only the edited doc re-tokenized), lexical.bin equals a fresh build byte for byte', async () => {
    const kbDir = path.join(tmp, 'kb');
    const index = await readIndex(indexDir);
    const incremental = await readLexical(indexDir, index.generation);
    const freshDir = path.join(tmp, 'fresh');
    await updateIndex({ kbDir, indexDir: freshDir, embedder: null });
    const fresh = await readIndex(freshDir);
    expect(Buffer.from(incremental ?? [])).toEqual(
      Buffer.from((await readLexical(freshDir, fresh.generation)) ?? []),
    );
  });
});
