/** The persisted lexical index (lexical.json): restored at open, same answers as a fresh build, rebuilt when unusable. */
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('a damaged or stale lexical.json is rebuilt from the docs, never trusted', async () => {
    const generation = (await currentGeneration(indexDir)) ?? '';
    const expected = await summary(await openSearcher(indexDir, { embedder: null }), QUESTIONS[0] ?? '');
    await writeFile(path.join(indexDir, generation, 'lexical.json'), '{"key": "stale", "docs": 3');
    expect(await summary(await openSearcher(indexDir, { embedder: null }), QUESTIONS[0] ?? '')).toEqual(
      expected,
    );
    await writeFile(
      path.join(indexDir, generation, 'lexical.json'),
      JSON.stringify({ key: 'other-glossary', docs: [] }),
    );
    expect(await summary(await openSearcher(indexDir, { embedder: null }), QUESTIONS[0] ?? '')).toEqual(
      expected,
    );
  });
});
