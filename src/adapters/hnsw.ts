/**
 * Approximate nearest-neighbour index over chunk embeddings (hnswlib-node, cosine space), plus a raw float32
 * file format for the vectors themselves so a re-ingest can reuse embeddings of unchanged chunks.
 */
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HierarchicalNSW as HnswIndex } from 'hnswlib-node';
import { NetkbError } from '../core/errors.js';

// hnswlib-node is a CommonJS native addon; require() keeps the named export reliable under NodeNext.
const { HierarchicalNSW } = createRequire(import.meta.url)('hnswlib-node') as typeof import('hnswlib-node');

/**
 * Graph degree. 16 is hnswlib's recommended default for 100–1000-d embeddings: recall ≥ 0.99 at KB scale
 * (thousands to tens of thousands of chunks) with ~M·2·4 bytes of links per element on top of the vector.
 */
const M = 16;
/**
 * Build-time candidate list. 200 buys a well-connected graph; build cost is linear in it, and a KB of 10k
 * chunks still builds in seconds. Not stored in the file, so it only matters at build time.
 */
const EF_CONSTRUCTION = 200;
/**
 * Query-time candidate list (hnswlib's default of 10 is too low for good recall). Searches use max(EF, k):
 * hnswlib cannot return more than `ef` neighbours.
 */
const EF_SEARCH = 100;
/** Fixed seed: the same vectors always build the same graph (reproducible index files and rankings). */
const RANDOM_SEED = 100;

export interface VectorHit {
  /** Position of the vector in the array the index was built from. */
  ordinal: number;
  /** Cosine similarity, 1 = same direction. */
  score: number;
}

function checkDims(vector: Float32Array, dims: number, what: string): void {
  if (vector.length !== dims)
    throw new RangeError(`${what} has ${vector.length} dims, the index has ${dims}`);
}

export class VectorIndex {
  readonly dims: number;
  readonly #index: HnswIndex;
  readonly #size: number;

  private constructor(dims: number, index: HnswIndex, size: number) {
    this.dims = dims;
    this.#index = index;
    this.#size = size;
  }

  /** Builds an index whose labels are the ordinals of `vectors`. */
  static build(dims: number, vectors: Float32Array[]): VectorIndex {
    if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`invalid dims ${dims}`);
    const index = new HierarchicalNSW('cosine', dims);
    index.initIndex({
      maxElements: vectors.length,
      m: M,
      efConstruction: EF_CONSTRUCTION,
      randomSeed: RANDOM_SEED,
    });
    vectors.forEach((vector, ordinal) => {
      checkDims(vector, dims, `vector ${ordinal}`);
      index.addPoint(Array.from(vector), ordinal);
    });
    return new VectorIndex(dims, index, vectors.length);
  }

  get size(): number {
    return this.#size;
  }

  /** Up to `k` nearest vectors, best first. */
  search(query: Float32Array, k: number): VectorHit[] {
    checkDims(query, this.dims, 'query');
    const n = Math.min(Math.floor(k), this.#size);
    if (n <= 0) return [];
    this.#index.setEf(Math.max(EF_SEARCH, n));
    const { neighbors, distances } = this.#index.searchKnn(Array.from(query), n);
    const hits = neighbors.map((ordinal, i) => ({ ordinal, score: 1 - (distances[i] ?? 1) }));
    // hnswlib already returns nearest first; sort anyway so the contract does not rest on that detail.
    return hits.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  }

  /** Writes the index atomically (temp file + rename). */
  async save(file: string): Promise<void> {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await this.#index.writeIndex(tmp);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /**
   * Reads an index written by `save`. `dims` and `count` come from the index metadata and are checked
   * against the file header, because hnswlib itself happily loads a file built with other dimensions.
   * @throws NetkbError('INDEX_CORRUPT') when the file is missing, unreadable or does not match.
   */
  static async load(file: string, dims: number, count: number): Promise<VectorIndex> {
    const header = await readHnswHeader(file);
    if (header.count !== count || header.dataBytes !== dims * 4) {
      throw new NetkbError(
        'INDEX_CORRUPT',
        `Vector index ${file} holds ${header.count} vectors of ${header.dataBytes / 4} dims, expected ${count} of ${dims}`,
      );
    }
    const index = new HierarchicalNSW('cosine', dims);
    try {
      await index.readIndex(file);
    } catch (cause) {
      throw new NetkbError('INDEX_CORRUPT', `Vector index ${file} could not be read`, { cause });
    }
    if (index.getCurrentCount() !== count) {
      throw new NetkbError(
        'INDEX_CORRUPT',
        `Vector index ${file} holds ${index.getCurrentCount()} vectors, expected ${count}`,
      );
    }
    return new VectorIndex(dims, index, count);
  }
}

/**
 * The first six size_t fields of hnswlib's saveIndex(): offsetLevel0, max_elements, cur_element_count,
 * size_data_per_element, label_offset, offsetData. label_offset - offsetData is the vector size in bytes.
 */
async function readHnswHeader(file: string): Promise<{ count: number; dataBytes: number }> {
  let buf: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      buf = Buffer.alloc(48);
      const { bytesRead } = await handle.read(buf, 0, 48, 0);
      if (bytesRead < 48) throw new Error(`file is only ${bytesRead} bytes long`);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new NetkbError('INDEX_CORRUPT', `Vector index ${file} could not be read`, { cause });
  }
  const field = (i: number): number => Number(buf.readBigUInt64LE(i * 8));
  return { count: field(2), dataBytes: field(4) - field(5) };
}

/** Writes vectors as one raw little-endian float32 array (count = file size / (dims · 4)), atomically. */
export async function writeVectors(file: string, vectors: Float32Array[]): Promise<void> {
  const dims = vectors[0]?.length ?? 0;
  const buf = Buffer.alloc(vectors.length * dims * 4);
  vectors.forEach((vector, i) => {
    checkDims(vector, dims, `vector ${i}`);
    vector.forEach((v, d) => {
      buf.writeFloatLE(v, (i * dims + d) * 4);
    });
  });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, buf);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Reads a file written by `writeVectors`.
 * @throws NetkbError('INDEX_NOT_FOUND') when the file does not exist, NetkbError('INDEX_CORRUPT') when its
 * size is not a whole number of `dims`-float vectors.
 */
export async function readVectors(file: string, dims: number): Promise<Float32Array[]> {
  if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`invalid dims ${dims}`);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new NetkbError(
      missing ? 'INDEX_NOT_FOUND' : 'INDEX_CORRUPT',
      `Vector file ${file} could not be read`,
      {
        cause,
      },
    );
  }
  const stride = dims * 4;
  if (buf.length % stride !== 0) {
    throw new NetkbError(
      'INDEX_CORRUPT',
      `Vector file ${file} is ${buf.length} bytes, not a multiple of ${stride} (${dims} float32 dims)`,
    );
  }
  const out: Float32Array[] = [];
  for (let offset = 0; offset < buf.length; offset += stride) {
    const vector = new Float32Array(dims);
    for (let d = 0; d < dims; d++) vector[d] = buf.readFloatLE(offset + d * 4);
    out.push(vector);
  }
  return out;
}
