/**
 * A search's confidence is the best of the runbooks its answer draws on (the top doc and every doc scoring at least
 * `closeDocShare` of it): a near-tie does not abstain because the runbook that ranked first covers less of the
 * question than the one just behind it. Pure logic with stub docs, then real questions on the bundled KB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listKbFiles } from '../../src/index/kb-files.js';
import { parseDocument } from '../../src/ingest/document.js';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { closeDocsConfidence, higherConfidence } from '../../src/retrieve/confidence.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { KbSearcher, type SearcherData } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

const hit = (docPath: string, score: number) => ({ doc: { path: docPath }, score });

describe('closeDocsConfidence', () => {
  const parts: Record<string, { combined: number }> = {
    'a.md': { combined: 0.4 },
    'b.md': { combined: 0.7 },
    'c.md': { combined: 0.9 },
  };
  const partsOf = (docPath: string) => parts[docPath] ?? { combined: 0 };

  it('is the top doc’s when no other doc scores close to it', () => {
    expect(closeDocsConfidence([hit('a.md', 1), hit('b.md', 0.79)], 0.8, partsOf)).toBe(parts['a.md']);
  });

  it('is a close doc’s when it is higher, the best of every close doc', () => {
    const hits = [hit('a.md', 1), hit('a.md', 0.95), hit('b.md', 0.9), hit('c.md', 0.8), hit('c.md', 0.5)];
    expect(closeDocsConfidence(hits, 0.8, partsOf)).toBe(parts['c.md']);
    expect(closeDocsConfidence(hits, 0.85, partsOf)).toBe(parts['b.md']);
  });

  it('never goes below the top doc’s, and is null without hits', () => {
    expect(closeDocsConfidence([hit('c.md', 1), hit('a.md', 0.99)], 0.8, partsOf)).toBe(parts['c.md']);
    expect(closeDocsConfidence([], 0.8, partsOf)).toBeNull();
  });
});

describe('higherConfidence', () => {
  // A doc factor that only reorders (this other runbook fits better) must not lower how sure the answer is.
  it('is the ranking’s own confidence unless the unfactored ranking’s is higher', () => {
    expect(higherConfidence({ combined: 0.7 }, { combined: 0.4 })).toEqual({ combined: 0.7 });
    expect(higherConfidence({ combined: 0.45 }, { combined: 0.8 })).toEqual({ combined: 0.8 });
  });

  it('takes whichever exists when one ranking has no hits', () => {
    expect(higherConfidence(null, { combined: 0.6 })).toEqual({ combined: 0.6 });
    expect(higherConfidence({ combined: 0.6 }, null)).toEqual({ combined: 0.6 });
    expect(higherConfidence(null, null)).toBeNull();
  });
});

describe('confidence of real questions on the bundled KB', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const KB = path.resolve(here, '../../kb');
  let data: SearcherData;
  let searcher: KbSearcher;
  let topOnly: KbSearcher;
  beforeAll(async () => {
    const files = (await listKbFiles(KB)).filter((file) => file.endsWith('.md') && file !== 'README.md');
    const docs = files.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
    const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
    data = { docs, glossary: entries, vector: null, vectorStatus: { enabled: false, reason: 'test' } };
    searcher = new KbSearcher(data);
    // The same KB, confidence from the top doc alone (no other doc scores twice the top one).
    topOnly = new KbSearcher(data, { ...RETRIEVAL_CONFIG, closeDocShare: 2 });
  });

  it('answers a packet-tracing question the top runbook covers less of than a close one (English)', async () => {
    const question = 'how do I simulate a packet from pod default/web-5c9 to 10.16.0.9 tcp 443 through ovn';
    const [alone, close] = [await topOnly.search(question), await searcher.search(question)];
    expect(alone.abstain).toBe(true);
    expect(close.abstain).toBe(false);
    expect(close.confidence).toBeGreaterThan(alone.confidence);
    // The ranking is the same: only how sure the answer is changes.
    expect(close.hits.map((h) => h.chunk.id)).toEqual(alone.hits.map((h) => h.chunk.id));
  });

  it('is at least the top runbook’s confidence, higher when a close runbook covers more (Chinese)', async () => {
    const question = '怎么模拟一个从 pod 发往 10.16.0.9 tcp 443 的数据包，看它在 ovn 里走到哪一步';
    const [alone, close] = [await topOnly.search(question), await searcher.search(question)];
    expect(close.hits[0]?.doc.path).toBe(alone.hits[0]?.doc.path);
    expect(close.confidence).toBeGreaterThan(alone.confidence);
  });

  it('still abstains on questions outside networking, in English and Chinese', async () => {
    for (const question of [
      'how do I resize a persistent volume claim that is bound to a storage class',
      '怎么给 deployment 配置 HPA 按 CPU 自动扩缩容',
    ]) {
      expect((await searcher.search(question)).abstain, question).toBe(true);
    }
  });
});

describe('a doc factor reorders runbooks without lowering confidence (bundled KB)', () => {
  // A strong stated-Service-type demotion stands in for any reordering factor: the NodePort runbook, the one these
  // reports match best, no longer comes first, yet how sure the answer is stays what it was without the factor.
  let demoted: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ neutral: demoted } = bundledSearchers({ statedServiceType: 0.05 }));
    ({ neutral } = bundledSearchers({ statedServiceType: 1 }));
  });

  it.each([
    'curl to NodePort 30080 on the node IP times out from outside the cluster',
    'LoadBalancer service external IP stays pending',
    'NodePort 服务只能在 pod 所在节点访问',
    '用 curl 访问 NodePort 30080 没有响应',
  ])('%s', async (question) => {
    const [low, plain] = [await demoted.search(question), await neutral.search(question)];
    expect(plain.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
    expect(low.hits[0]?.doc.path).not.toBe('service/nodeport-loadbalancer.md');
    expect(low.confidence).toBe(plain.confidence);
  });

  it('still abstains on an out-of-scope question the factor touches nothing of', async () => {
    const question = 'how do I resize a persistent volume claim that is bound to a storage class';
    expect((await demoted.search(question)).abstain).toBe(true);
  });
});
