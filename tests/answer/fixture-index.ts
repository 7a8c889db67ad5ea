import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import type { Searcher } from '../../src/retrieve/types.js';

export const FIXTURE_KB = path.resolve(import.meta.dirname, '../fixtures/kb-chat');

export interface FixtureIndex {
  kbDir: string;
  indexDir: string;
  searcher: Searcher;
  cleanup: () => Promise<void>;
}

/** A real index of `kbDir` (default tests/fixtures/kb-chat) built with `ingestKb` (vectors disabled), opened for search. */
export async function buildFixtureIndex(kbDir = FIXTURE_KB): Promise<FixtureIndex> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-chat-'));
  const indexDir = path.join(tmp, 'index');
  await ingestKb({ kbDir, indexDir, embedder: null, vectorsDisabledReason: 'disabled in tests' });
  const searcher = await openSearcher(indexDir, {
    embedder: null,
    vectorsDisabledReason: 'disabled in tests',
  });
  return { kbDir, indexDir, searcher, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

/** An index of a temporary KB holding `files` (path → markdown); its cleanup removes that KB too. */
export async function indexOwnKb(files: Record<string, string>): Promise<FixtureIndex> {
  const kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-own-kb-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.join(kbDir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(kbDir, file), text);
  }
  const index = await buildFixtureIndex(kbDir);
  return {
    ...index,
    cleanup: async () => {
      await index.cleanup();
      await rm(kbDir, { recursive: true, force: true });
    },
  };
}

/**
 * `searcher`, except that a search of the whole `report` comes back under the abstention threshold at `confidence`, as
 * a long report's pasted context makes it (only an unscoped search when `unscopedOnly`: a search within one category
 * of runbooks keeps its own result).
 */
export function underThreshold(
  searcher: Searcher,
  report: string,
  confidence: number,
  unscopedOnly = false,
): Searcher {
  const search: Searcher['search'] = async (text, options) => {
    const result = await searcher.search(text, options);
    const whole = text === report && !(unscopedOnly && options?.category);
    return whole ? { ...result, confidence, abstain: true } : result;
  };
  return Object.assign(Object.create(searcher), { search }) as Searcher;
}

/**
 * A first-turn answer over the bundled KB to a report whose whole search comes back under the threshold (confidence
 * 0.3): whether it abstained and its first cited runbook. Call at a test file's top level: it builds the index once
 * for the file and removes it after.
 */
export function answersUnderThreshold(): (report: string) => Promise<{ abstained: boolean; first?: string }> {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(path.resolve(import.meta.dirname, '../../kb'));
  });
  afterAll(() => index.cleanup());
  return async (report) => {
    const { body } = await answerChat(
      { searcher: underThreshold(index.searcher, report, 0.3), conversations: new ConversationStore() },
      { message: report },
    );
    return { abstained: body.abstained, first: body.citations[0]?.path };
  };
}
