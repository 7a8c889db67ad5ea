/** docs.jsonl is written in batches: whatever the batch size, the file holds every record on its own line, in order. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeLines } from '../../src/index/store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('writeLines', () => {
  it.each([1, 7, 64, 4 * 1024 * 1024])(
    'writes stored and serialized records in order (batch %i bytes)',
    async (batch) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'netkb-lines-'));
      dirs.push(dir);
      const records = Array.from({ length: 40 }, (_, i) => ({ path: `doc-${i}.md`, text: '网络'.repeat(i) }));
      // Every third record as stored in another valid layout: written as stored, not serialized again.
      const stored = new Map(
        records
          .filter((_, i) => i % 3 === 0)
          .map((record) => [record as object, Buffer.from(`{ "path": ${JSON.stringify(record.path)} }`)]),
      );
      const file = path.join(dir, 'docs.jsonl');
      await writeLines(file, records, stored, batch);
      const expected = records
        .map((record, i) => (i % 3 === 0 ? `{ "path": "${record.path}" }` : JSON.stringify(record)))
        .join('\n');
      expect(await readFile(file, 'utf8')).toBe(`${expected}\n`);
    },
  );

  it('writes an empty file for no records', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netkb-lines-'));
    dirs.push(dir);
    await writeLines(path.join(dir, 'docs.jsonl'), []);
    expect(await readFile(path.join(dir, 'docs.jsonl'), 'utf8')).toBe('');
  });
});
