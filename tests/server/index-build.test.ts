import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbeddingConfig } from '../../src/core/config.js';
import { buildIndexInWorker } from '../../src/server/index-build.js';

const KB = path.resolve(import.meta.dirname, '../fixtures/kb-chat');
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
