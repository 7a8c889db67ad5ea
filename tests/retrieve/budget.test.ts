/** The work budget per question (issue 19, item 1): bounded terms, bounded expansions, a time budget. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/document.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { withinPostingsBudget } from '../../src/retrieve/postings.js';
import { KbSearcher } from '../../src/retrieve/searcher.js';
import { buildSpellingCorrector } from '../../src/retrieve/spelling.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KB = path.resolve(here, '../fixtures/kb-small');
const FILES = ['dns/coredns.md', 'pod-to-pod/geneve-cross-node.md', 'service/clusterip.md'];
const docs = FILES.map((file) => parseDocument(file, readFileSync(path.join(KB, file), 'utf8')));
const disabled = { enabled: false as const, reason: 'test' };

function randomWords(count: number): string {
  let seed = 7;
  const next = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 6 + Math.floor(next() * 25) }, () =>
      String.fromCharCode(97 + Math.floor(next() * 26)),
    ).join(''),
  ).join(' ');
}

describe('work budget per question', () => {
  it('corrects at most maxFixes unknown words per question', () => {
    const vocabulary = new Map([
      ['kubectl', 3],
      ['coredns', 2],
      ['service', 1],
    ]);
    expect(buildSpellingCorrector(vocabulary).correct('kubeclt coredsn servcie')).toBe(
      'kubectl coredns service',
    );
    // A fresh corrector: words corrected before are cached, and a cached correction costs nothing.
    expect(buildSpellingCorrector(vocabulary).correct('kubeclt coredsn servcie', 2)).toBe(
      'kubectl coredns servcie',
    );
  });

  it('a 2,000-character random-word question still answers, within the term budget, not cut', async () => {
    const searcher = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled });
    const question = `coredns 解析超时 ${randomWords(200)}`.slice(0, 2000);
    const result = await searcher.search(question);
    expect(result.overBudget).toBe(false);
    expect(result.retrievers.lexical.status).toBe('ok');
    expect(result.hits[0]?.doc.path).toBe('dns/coredns.md');
  });

  it('keeps only the first maxQueryTerms distinct terms', async () => {
    const config = { ...RETRIEVAL_CONFIG, budget: { ...RETRIEVAL_CONFIG.budget, maxQueryTerms: 2 } };
    const searcher = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled }, config);
    // The topic words come after two unknown words: with a budget of 2 terms they are never looked at.
    const result = await searcher.search('zzzqx yyyqw coredns 解析超时');
    expect(result.hits.every((hit) => hit.doc.path !== 'dns/coredns.md' || hit.via.length === 0)).toBe(true);
  });

  it('past the time budget, retrievers not yet started are skipped and the result says so', async () => {
    const config = { ...RETRIEVAL_CONFIG, budget: { ...RETRIEVAL_CONFIG.budget, timeMs: -1 } };
    const searcher = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled }, config);
    const result = await searcher.search('coredns 解析超时');
    expect(result.overBudget).toBe(true);
    expect(result.retrievers.trigger.status).toBe('ok');
    expect(result.retrievers.lexical.status).toBe('over_budget');
    // What there is: the trigger hit, without the lexical evidence.
    expect(result.hits.every((hit) => !hit.via.includes('lexical'))).toBe(true);
  });

  it('counts the time budget from when the question arrived, shared by all its searches', async () => {
    const searcher = new KbSearcher({ docs, glossary: [], vector: null, vectorStatus: disabled });
    const fresh = await searcher.search('coredns 解析超时', { startedAt: performance.now() });
    expect(fresh.overBudget).toBe(false);
    // A later search of a question that already spent its budget (e.g. another CNI's runbook) is cut.
    const late = await searcher.search('coredns 解析超时', {
      startedAt: performance.now() - RETRIEVAL_CONFIG.budget.timeMs - 1,
    });
    expect(late.overBudget).toBe(true);
    expect(late.retrievers.lexical.status).toBe('over_budget');
  });
});

describe('withinPostingsBudget', () => {
  const terms = [
    { term: 'kubectl', postings: 900 },
    { term: 'geneve', postings: 40 },
    { term: 'pods', postings: 700 },
    { term: 'mtu', postings: 60 },
  ];

  it('keeps every term, in order, when their postings fit', () => {
    expect(withinPostingsBudget(terms, 1700)).toEqual(terms);
  });

  it('leaves out the most common terms first until the rest fit, keeping the order', () => {
    expect(withinPostingsBudget(terms, 1000).map((t) => t.term)).toEqual(['geneve', 'pods', 'mtu']);
    expect(withinPostingsBudget(terms, 500).map((t) => t.term)).toEqual(['geneve', 'mtu']);
    expect(withinPostingsBudget(terms, 0)).toEqual([]);
  });
});
