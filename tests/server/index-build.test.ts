import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbeddingConfig } from '../../src/core/config.js';
import { readIndex } from '../../src/index/store.js';
import { buildIndexInWorker } from '../../src/server/index-build.js';
import { DOCS_MESSAGES_IN_FLIGHT } from '../../src/server/index-build-protocol.js';

const KB = path.resolve(import.meta.dirname, '../fixtures/kb-chat');
const BUNDLED_KB = path.resolve(import.meta.dirname, '../../kb');
const EMBEDDING: EmbeddingConfig = {
  enabled: false,
  modelId: 'none',
  modelDir: undefined,
  cacheDir: undefined,
  allowRemote: false,
};
const threads = () => readdirSync('/proc/self/task').length;
const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-build-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('index builds in a worker thread', () => {
  it('the worker ends by itself once it has sent the index (it is not terminated)', async () => {
    const before = threads();
    let exitCode: number | null = null;
    const built = await buildIndexInWorker(
      {
        kbDir: KB,
        indexDir: path.join(tmp, 'index'),
        embedding: EMBEDDING,
        mode: 'start',
        rejectNewErrors: false,
      },
      undefined,
      (code) => {
        exitCode = code;
      },
    );
    expect(built.docs.length).toBeGreaterThan(0);
    // Terminating a finished worker is left for 10 s later: it must have ended by itself well before that.
    const deadline = Date.now() + 5_000;
    while (exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(exitCode).toBe(0);
    expect(threads()).toBeLessThanOrEqual(before);
  });

  it('streamed one doc per message, acked in turn, the index arrives whole and in order, and the worker ends', async () => {
    const indexDir = path.join(tmp, 'streamed');
    const request = {
      kbDir: BUNDLED_KB,
      indexDir,
      embedding: EMBEDDING,
      mode: 'start' as const,
      rejectNewErrors: false,
    };
    const whole = await buildIndexInWorker(request);
    let exitCode: number | null = null;
    const streamed = await buildIndexInWorker({ ...request, docsPerMessage: 1 }, undefined, (code) => {
      exitCode = code;
    });
    // More messages than the worker may send ahead of acks: it had to wait for them.
    expect(streamed.docs.length).toBeGreaterThan(DOCS_MESSAGES_IN_FLIGHT * 2);
    expect(streamed.generation).toBe(whole.generation);
    expect(streamed.docs).toEqual(whole.docs);
    expect(streamed.scopes).toEqual(whole.scopes);
    expect(streamed.docs).toEqual((await readIndex(indexDir)).docs);
    const deadline = Date.now() + 5_000;
    while (exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(exitCode).toBe(0);
  }, 120_000);

  it('a cancelled build is stopped', async () => {
    const abort = new AbortController();
    const building = buildIndexInWorker(
      {
        kbDir: KB,
        indexDir: path.join(tmp, 'cancelled'),
        embedding: EMBEDDING,
        mode: 'start',
        rejectNewErrors: false,
      },
      abort.signal,
    );
    abort.abort();
    await expect(building).rejects.toThrow('index build cancelled');
  });
});
