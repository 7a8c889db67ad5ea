import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVectors, VectorIndex, writeVectors } from '../../src/adapters/hnsw.js';
import { NetkbError } from '../../src/core/errors.js';

const DIMS = 8;

/** Deterministic pseudo-random unit vectors. */
function randomVectors(count: number, dims: number, seed = 1): Float32Array[] {
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, rand);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

function axis(dims: number, i: number, scale = 1): Float32Array {
  const v = new Float32Array(dims);
  v[i] = scale;
  return v;
}

async function rejection(promise: Promise<unknown>): Promise<NetkbError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetkbError);
  return err as NetkbError;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-hnsw-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('VectorIndex', () => {
  it('ranks by cosine similarity, best first, labels are ordinals', () => {
    const index = VectorIndex.build(3, [
      Float32Array.from([1, 0, 0]),
      Float32Array.from([0, 1, 0]),
      Float32Array.from([0.7, 0.7, 0]),
      Float32Array.from([0, 0, 5]),
    ]);
    expect(index.size).toBe(4);
    const hits = index.search(Float32Array.from([1, 0.2, 0]), 4);
    expect(hits.map((h) => h.ordinal)).toEqual([0, 2, 1, 3]);
    expect(hits[0]?.score).toBeCloseTo(1 / Math.hypot(1, 0.2), 5);
    expect(hits[3]?.score).toBeCloseTo(0, 5);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });

  it('scores by direction, not length (cosine space)', () => {
    const index = VectorIndex.build(DIMS, [axis(DIMS, 0, 10), axis(DIMS, 1, 0.01)]);
    const [hit] = index.search(axis(DIMS, 1, 3), 1);
    expect(hit?.ordinal).toBe(1);
    expect(hit?.score).toBeCloseTo(1, 5);
  });

  it('finds every vector as its own nearest neighbour', () => {
    const vectors = randomVectors(300, DIMS);
    const index = VectorIndex.build(DIMS, vectors);
    vectors.forEach((v, i) => {
      const [hit] = index.search(v, 1);
      expect(hit?.ordinal).toBe(i);
      expect(hit?.score).toBeCloseTo(1, 4);
    });
  });

  it('clamps k to the index size and returns nothing for k ≤ 0', () => {
    const index = VectorIndex.build(DIMS, randomVectors(5, DIMS));
    expect(index.search(axis(DIMS, 0), 50)).toHaveLength(5);
    expect(index.search(axis(DIMS, 0), 0)).toEqual([]);
    expect(index.search(axis(DIMS, 0), -3)).toEqual([]);
  });

  it('an empty index searches to [] and survives save/load', async () => {
    const index = VectorIndex.build(DIMS, []);
    expect(index.size).toBe(0);
    expect(index.search(axis(DIMS, 0), 10)).toEqual([]);
    const file = path.join(tmp, 'empty.hnsw');
    await index.save(file);
    const loaded = await VectorIndex.load(file, DIMS, 0);
    expect(loaded.size).toBe(0);
    expect(loaded.search(axis(DIMS, 0), 10)).toEqual([]);
  });

  it('save → load gives identical results', async () => {
    const vectors = randomVectors(200, DIMS, 7);
    const index = VectorIndex.build(DIMS, vectors);
    const file = path.join(tmp, 'vectors.hnsw');
    await index.save(file);
    const loaded = await VectorIndex.load(file, DIMS, vectors.length);
    expect(loaded.size).toBe(200);
    for (const query of randomVectors(20, DIMS, 99)) {
      expect(loaded.search(query, 10)).toEqual(index.search(query, 10));
    }
  });

  it('load rejects a missing file and a file that does not match dims or count', async () => {
    const file = path.join(tmp, 'small.hnsw');
    await VectorIndex.build(DIMS, randomVectors(4, DIMS)).save(file);
    expect((await rejection(VectorIndex.load(path.join(tmp, 'nope.hnsw'), DIMS, 4))).code).toBe(
      'INDEX_CORRUPT',
    );
    expect((await rejection(VectorIndex.load(file, DIMS + 1, 4))).code).toBe('INDEX_CORRUPT');
    expect((await rejection(VectorIndex.load(file, DIMS, 5))).code).toBe('INDEX_CORRUPT');
    const truncated = path.join(tmp, 'truncated.hnsw');
    await writeFile(truncated, Buffer.alloc(10));
    expect((await rejection(VectorIndex.load(truncated, DIMS, 4))).code).toBe('INDEX_CORRUPT');
  });

  it('rejects vectors and queries of the wrong length', () => {
    expect(() => VectorIndex.build(DIMS, [new Float32Array(DIMS - 1)])).toThrow(RangeError);
    const index = VectorIndex.build(DIMS, randomVectors(2, DIMS));
    expect(() => index.search(new Float32Array(DIMS + 1), 1)).toThrow(RangeError);
  });
});

describe('writeVectors / readVectors', () => {
  it('round-trips float32 vectors exactly; the file is raw little-endian float32', async () => {
    const vectors = randomVectors(17, DIMS, 3);
    vectors[0]?.set([-0, Number.MIN_VALUE, 3.4e38, -1.5]);
    const file = path.join(tmp, 'vectors.f32');
    await writeVectors(file, vectors);
    expect((await stat(file)).size).toBe(17 * DIMS * 4);
    expect(await readVectors(file, DIMS)).toEqual(vectors);
  });

  it('round-trips an empty list', async () => {
    const file = path.join(tmp, 'none.f32');
    await writeVectors(file, []);
    expect(await readVectors(file, DIMS)).toEqual([]);
  });

  it('throws INDEX_CORRUPT when the size is not a multiple of dims·4', async () => {
    const file = path.join(tmp, 'odd.f32');
    await writeFile(file, Buffer.alloc(DIMS * 4 * 2 + 4));
    const err = await rejection(readVectors(file, DIMS));
    expect(err.code).toBe('INDEX_CORRUPT');
    expect(err.message).toContain(String(DIMS * 4));
  });

  it('throws INDEX_NOT_FOUND for a missing file', async () => {
    expect((await rejection(readVectors(path.join(tmp, 'missing.f32'), DIMS))).code).toBe('INDEX_NOT_FOUND');
  });

  it('writeVectors rejects vectors of mixed length', async () => {
    await expect(
      writeVectors(path.join(tmp, 'mixed.f32'), [new Float32Array(2), new Float32Array(3)]),
    ).rejects.toThrow(RangeError);
  });
});
