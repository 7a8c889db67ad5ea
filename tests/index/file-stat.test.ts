import { describe, expect, it } from 'vitest';
import { RACY_MS, statSignature } from '../../src/index/file-stat.js';

const NOW = 1_700_000_000_000;
const old = { size: 120, mtimeMs: NOW - 60_000, ctimeMs: NOW - 60_000, ino: 42 };

describe('statSignature', () => {
  it('is the same for the same stat and differs when size, either time or the inode moves', () => {
    const base = statSignature(old, NOW);
    expect(base).not.toBeNull();
    expect(statSignature({ ...old }, NOW)).toBe(base);
    for (const moved of [
      { ...old, size: 121 },
      { ...old, mtimeMs: old.mtimeMs + 1 },
      { ...old, ctimeMs: old.ctimeMs + 0.5 },
      { ...old, ino: 43 },
    ])
      expect(statSignature(moved, NOW)).not.toBe(base);
  });

  it('is null for a file modified or changed within RACY_MS of now, or in the future', () => {
    expect(statSignature({ ...old, mtimeMs: NOW - RACY_MS + 1 }, NOW)).toBeNull();
    expect(statSignature({ ...old, ctimeMs: NOW - 10 }, NOW)).toBeNull();
    expect(statSignature({ ...old, mtimeMs: NOW + 5_000, ctimeMs: NOW + 5_000 }, NOW)).toBeNull();
    expect(
      statSignature({ ...old, mtimeMs: NOW - RACY_MS - 1, ctimeMs: NOW - RACY_MS - 1 }, NOW),
    ).not.toBeNull();
  });
});
