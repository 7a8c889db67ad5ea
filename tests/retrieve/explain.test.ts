/**
 * `netkb explain` / `"explain": true` on the bundled KB: the explanation shows each step with the figures the
 * search really used (its fused ranking and confidence are the search's), and says why it answered or abstained.
 * Regenerate the terminal golden file with `UPDATE_GOLDEN=1 npx vitest run tests/retrieve/explain.test.ts`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExplanation } from '../../src/cli/render-explain.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { buildApp } from '../../src/server/app.js';

const root = resolve(import.meta.dirname, '../..');
const QUESTION = 'calcio bgp peer 建不起来，跨节点 pod 不通，同节点正常';
let indexDir: string;
let searcher: KbSearcher;
let app: FastifyInstance;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'netkb-explain-'));
  await ingestKb({ kbDir: join(root, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'test' });
  searcher = await openSearcher(indexDir, { embedder: null });
  app = await buildApp({ searcher: () => searcher });
});
afterAll(async () => {
  await app.close();
  await rm(indexDir, { recursive: true, force: true });
});

describe('explain on the bundled KB', () => {
  it('shows normalization, typo correction, the working-path clause, tokens and glossary groups', async () => {
    const e = await searcher.explain(QUESTION);
    expect(e.normalized).toBe('calcio bgp peer建不起来,跨节点pod不通,同节点正常');
    expect(e.corrected).toBe('calico bgp peer建不起来,跨节点pod不通,同节点正常');
    expect(e.working).toBe('同节点正常');
    expect(e.terms.find((t) => t.term === '正常')?.weight).toBe(0.3);
    expect(e.tokens).toEqual(expect.arrayContaining(['calico', 'bgp', 'peer', 'pod']));
    expect(e.glossary.find((g) => g.terms.includes('bgp peer'))?.terms).toContain('bgp邻居');
    expect(e.glossary.find((g) => g.terms.includes('calico'))?.exclusive).toBe('cni');
  });

  it('lists each retriever’s candidates and the fused ranking the search returned', async () => {
    const e = await searcher.explain(QUESTION);
    const result = await searcher.search(QUESTION);
    expect(e.triggers?.[0]).toEqual({
      doc: 'calico/bgp-ipip.md',
      score: expect.any(Number),
      matched: ['calico bgp peer'],
    });
    expect(e.lexical?.[0]?.doc).toBe('calico/bgp-ipip.md');
    expect(e.lexical?.length).toBe(10);
    expect(e.vector).toBeNull(); // vectors are off in this index
    expect(e.fused.map((h) => [h.doc, h.lines])).toEqual(result.hits.map((h) => [h.doc.path, h.chunk.lines]));
    expect(e.fused[0]).toMatchObject({
      rank: 1,
      via: ['trigger', 'lexical'],
      matched_triggers: ['calico bgp peer'],
    });
    expect(e.fused[0]?.coverage).toBeGreaterThan(0.9);
    expect(e.confidence.combined).toBeCloseTo(result.confidence, 2);
    expect(e.confidence.trigger).toBeGreaterThan(0.8);
    expect(e.abstained).toBe(false);
    expect(e.reason).toMatch(/^Confidence 1 ≥ 0\.5 .*answered from calico\/bgp-ipip\.md\.$/);
  });

  it('says why an off-topic question abstained', async () => {
    const e = await searcher.explain('红烧肉怎么做才好吃');
    expect(e.abstained).toBe(true);
    expect(e.triggers).toEqual([]);
    expect(e.confidence.combined).toBeLessThan(0.5);
    expect(e.reason).toMatch(/below 0\.5|No retriever found a candidate/);
  });

  it('renders the terminal view (golden file)', async () => {
    const text = renderExplanation(QUESTION, await searcher.explain(QUESTION));
    const golden = join(root, 'tests/fixtures/golden/explain/calico-bgp.txt');
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, text);
    expect(text).toBe(await readFile(golden, 'utf8'));
  });
});

describe('"explain": true in the chat body', () => {
  const chat = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/v1/chat',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('adds the explanation only when asked, for the same answer', async () => {
    const plain = (await chat({ message: QUESTION })).json();
    expect(plain.explain).toBeUndefined();
    const response = await chat({ message: QUESTION, explain: true });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.citations.map((c: { path: string }) => c.path)).toEqual(
      plain.citations.map((c: { path: string }) => c.path),
    );
    expect(body.explain.fused[0].doc).toBe(body.citations[0].path);
    expect(body.explain.reason).toContain('answered from calico/bgp-ipip.md');
    expect((await chat({ message: QUESTION, explain: 'yes' })).statusCode).toBe(400);
  });
});
