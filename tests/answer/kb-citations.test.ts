import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeAnswer } from '../../src/answer/compose.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { Searcher } from '../../src/retrieve/types.js';
import { headingAbove, plain } from './source-check.js';

/**
 * The citation contract on the bundled KB with every eval question: cited lines contain the cited text, the
 * heading is the nearest one above (read from the file independently), and only retrieved docs are cited.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const KB = path.join(ROOT, 'kb');
const QUESTIONS = path.join(ROOT, 'tests/eval/questions.yaml');
describe('answers on the bundled kb/ cite exactly', () => {
  let tmp: string;
  let searcher: Searcher;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-chat-kb-'));
    await ingestKb({ kbDir: KB, indexDir: tmp, embedder: null, vectorsDisabledReason: 'test' });
    searcher = await openSearcher(tmp, { embedder: null, vectorsDisabledReason: 'test' });
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('for every eval question', async () => {
    const entries = parse(readFileSync(QUESTIONS, 'utf8')) as Array<{ question: string }>;
    const sources = new Map<string, string>();
    const read = (file: string) => {
      let text = sources.get(file);
      if (text === undefined) {
        text = readFileSync(path.join(KB, file), 'utf8');
        sources.set(file, text);
      }
      return text;
    };
    let citations = 0;
    for (const { question } of entries) {
      const result = await searcher.search(question);
      const { body, evidence } = composeAnswer({ question, result, id: 'a', conversationId: 'c', tookMs: 0 });
      const retrieved = new Set(result.hits.map((hit) => hit.doc.path));
      if (body.abstained) expect(body.commands, question).toEqual([]);
      body.citations.forEach((citation, i) => {
        const where = `${question} → [${i + 1}] ${citation.path}:${citation.lines.join('-')}`;
        expect(retrieved.has(citation.path), where).toBe(true);
        const source = read(citation.path);
        const cited = plain(
          source
            .split('\n')
            .slice(citation.lines[0] - 1, citation.lines[1])
            .join('\n'),
        );
        const quotes = evidence.filter((item) => item.citation === i);
        expect(quotes.length, where).toBeGreaterThan(0);
        for (const { quote } of quotes) expect(cited, where).toContain(plain(quote));
        expect(citation.heading, where).toBe(headingAbove(source, citation.lines[0]));
        citations++;
      });
      const firstMutating = body.commands.findIndex((c) => c.safety === 'mutating');
      if (firstMutating >= 0)
        expect(body.commands.slice(firstMutating).every((c) => c.safety === 'mutating')).toBe(true);
    }
    expect(citations).toBeGreaterThan(entries.length);
  });
});
