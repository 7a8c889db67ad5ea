/**
 * Generation store hygiene: orphan generations are pruned (also when CURRENT was damaged into a directory), and
 * every file and directory is fsynced before CURRENT is renamed to point at a new generation.
 */
import { appendFile, cp, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { currentGeneration, readIndex } from '../../src/index/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE_KB = path.resolve(here, '../fixtures/kb-small');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-store-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
async function workspace(): Promise<{ kbDir: string; indexDir: string }> {
  const root = path.join(tmp, `ws-${counter++}`);
  const kbDir = path.join(root, 'kb');
  await cp(FIXTURE_KB, kbDir, { recursive: true });
  return { kbDir, indexDir: path.join(root, 'index') };
}

describe('generation store', () => {
  it('heals a CURRENT that is a directory and leaves no orphan generation', async () => {
    const { kbDir, indexDir } = await workspace();
    await mkdir(path.join(indexDir, 'CURRENT', 'junk'), { recursive: true });
    for (let i = 0; i < 3; i++) {
      await appendFile(path.join(kbDir, 'dns/coredns.md'), `\nEdit ${i}.\n`);
      await ingestKb({ kbDir, indexDir, embedder: null });
    }
    const live = await currentGeneration(indexDir);
    expect(live).not.toBeNull();
    expect((await readIndex(indexDir)).docs.length).toBe(3);
    const generations = (await readdir(indexDir)).filter((name) => name.startsWith('gen-'));
    expect(generations).toHaveLength(2);
    expect(generations).toContain(live);
  });

  it('prunes orphan generations left by failed attempts, keeping the live and the previous one', async () => {
    const { kbDir, indexDir } = await workspace();
    await ingestKb({ kbDir, indexDir, embedder: null });
    const previous = await currentGeneration(indexDir);
    // Orphans as a crashed or failed attempt leaves them: complete-looking, newer than the live one.
    for (const name of ['gen-zzzzzzzz-00000001', 'gen-zzzzzzzz-00000002'])
      await mkdir(path.join(indexDir, name));
    await mkdir(path.join(indexDir, '.tmp-gen-crashed'));
    await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nEdit.\n');
    await ingestKb({ kbDir, indexDir, embedder: null });
    const live = await currentGeneration(indexDir);
    expect((await readdir(indexDir)).sort()).toEqual(['CURRENT', live, previous].sort());
  });

  it.runIf(process.platform === 'linux')(
    'fsyncs every file of the generation and the index directory before CURRENT is renamed',
    async () => {
      const { kbDir, indexDir } = await workspace();
      await ingestKb({ kbDir, indexDir, embedder: null });
      const handle = await open(path.join(indexDir, 'CURRENT'), 'r');
      const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
      await handle.close();
      const synced: string[] = [];
      const realSync = proto.sync;
      const spy = vi.spyOn(proto, 'sync').mockImplementation(async function (this: { fd: number }) {
        const { readlinkSync } = await import('node:fs');
        synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
        return realSync.call(this);
      });
      try {
        await appendFile(path.join(kbDir, 'dns/coredns.md'), '\nEdit.\n');
        await ingestKb({ kbDir, indexDir, embedder: null });
      } finally {
        spy.mockRestore();
      }
      const live = (await currentGeneration(indexDir)) ?? '';
      const names = synced.map((file) => path.relative(indexDir, file).replace(/^\.tmp-/, ''));
      for (const file of ['docs.jsonl', 'glossary.json', 'manifest.json'])
        expect(names).toContain(path.join(live, file));
      expect(names).toContain(live);
      expect(names).toContain(`.CURRENT.tmp-${live}`);
      expect(names.filter((name) => name === '')).toHaveLength(2);
    },
  );
});
