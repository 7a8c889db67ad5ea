import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/adapters/hnsw.js';
import {
  defaultQueryInstruction,
  type EmbedderOptions,
  loadTransformersEmbedder,
} from '../../src/adapters/transformers-embedder.js';
import { NetkbError } from '../../src/core/errors.js';
import type { Embedder } from '../../src/core/types.js';
import { writeTinyModel } from '../helpers/tiny-model.js';

const SHARED_MODELS = '/work/shared/models';
const REAL_MODEL_ID = 'Xenova/bge-small-zh-v1.5';

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function expectSameVector(a: Float32Array | undefined, b: Float32Array | undefined): void {
  expect(a).toBeDefined();
  expect(b).toBeDefined();
  expect(a?.length).toBe(b?.length);
  const maxDiff = Math.max(0, ...(a ?? []).map((v, i) => Math.abs(v - (b?.[i] ?? Number.NaN))));
  expect(maxDiff).toBeLessThan(1e-5);
}

/** Resolves to the thrown NetkbError (fails the test if the promise resolves or throws something else). */
async function loadError(opts: EmbedderOptions): Promise<NetkbError> {
  const err: unknown = await loadTransformersEmbedder(opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetkbError);
  return err as NetkbError;
}

let tmp: string;
let tiny: { modelId: string; modelDir: string; dims: number };
let embedder: Embedder;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-embedder-'));
  tiny = await writeTinyModel(path.join(tmp, 'models'));
  embedder = await loadTransformersEmbedder({
    modelId: tiny.modelId,
    modelDir: tiny.modelDir,
    allowRemote: false,
    queryInstruction: '为这个句子生成表示以用于检索相关文章：',
  });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('loadTransformersEmbedder with the generated tiny model', () => {
  it('reports the model id and the dims of the model output', () => {
    expect(embedder.modelId).toBe(tiny.modelId);
    expect(embedder.dims).toBe(tiny.dims);
  });

  it('returns unit-length vectors of `dims` floats', async () => {
    const [a, b] = await embedder.embedPassages(['pod cannot ping node', '跨节点网络不通']);
    const q = await embedder.embedQuery('dns timeout');
    for (const v of [a, b, q]) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v?.length).toBe(tiny.dims);
      expect(Math.sqrt(dot(v ?? new Float32Array(), v ?? new Float32Array()))).toBeCloseTo(1, 5);
    }
  });

  it('lowercases text first: upper- and lowercase input embed identically', async () => {
    const [upper, lower] = await embedder.embedPassages([
      'Pod Cannot PING Across Nodes',
      'pod cannot ping across nodes',
    ]);
    expectSameVector(upper, lower);
    expectSameVector(
      await embedder.embedQuery('CoreDNS Timeout'),
      await embedder.embedQuery('coredns timeout'),
    );
  });

  it('prefixes queries with the instruction, passages get none', async () => {
    const text = 'geneve tunnel mtu';
    const [passage] = await embedder.embedPassages([text]);
    const query = await embedder.embedQuery(text);
    expect(dot(passage ?? new Float32Array(), query)).toBeLessThan(0.999);

    const [prefixed] = await embedder.embedPassages([`为这个句子生成表示以用于检索相关文章：${text}`]);
    expectSameVector(query, prefixed);
  });

  it('an empty queryInstruction makes queries and passages embed alike', async () => {
    const plain = await loadTransformersEmbedder({ ...tiny, allowRemote: false, queryInstruction: '' });
    const [passage] = await plain.embedPassages(['service endpoints']);
    expectSameVector(await plain.embedQuery('service endpoints'), passage);
  });

  it('batches passages: batchSize 2 over 5 texts equals embedding one by one, with progress after each batch', async () => {
    const batched = await loadTransformersEmbedder({ ...tiny, allowRemote: false, batchSize: 2 });
    const texts = [
      'pod',
      'node to node tunnel is down',
      'dns',
      'kube-proxy iptables rules for clusterip',
      '集群内服务访问超时',
    ];
    const progress: Array<[number, number]> = [];
    const all = await batched.embedPassages(texts, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(all).toHaveLength(5);
    for (const [i, text] of texts.entries()) {
      const [single] = await batched.embedPassages([text]);
      expectSameVector(all[i], single);
    }
  });

  it('embeds an empty list without calling the model or onProgress', async () => {
    const calls: number[] = [];
    expect(await embedder.embedPassages([], (done) => calls.push(done))).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('texts that share words are more similar than unrelated texts', async () => {
    const [a, b, c, d, e] = await embedder.embedPassages([
      'pod cannot ping pod on another node through the geneve tunnel',
      'ping between pods on different nodes fails, check the geneve tunnel',
      'coredns lookup timeout for external domain names',
      '跨节点容器网络不通',
      '跨节点网络不通，检查隧道',
    ]);
    const sim = (x?: Float32Array, y?: Float32Array): number =>
      dot(x ?? new Float32Array(), y ?? new Float32Array());
    expect(sim(a, b)).toBeGreaterThan(sim(a, c) + 0.2);
    expect(sim(d, e)).toBeGreaterThan(sim(d, c) + 0.2);
  });

  it('also loads the non-quantized file (onnx/model.onnx)', async () => {
    const full = await loadTransformersEmbedder({ ...tiny, allowRemote: false, quantized: false });
    const [a] = await full.embedPassages(['mtu']);
    const [b] = await embedder.embedPassages(['mtu']);
    expectSameVector(a, b);
  });

  it('offline without modelDir reads the download cache (same <dir>/<modelId> layout)', async () => {
    const cached = await loadTransformersEmbedder({
      modelId: tiny.modelId,
      cacheDir: tiny.modelDir,
      allowRemote: false,
      queryInstruction: '',
    });
    expect(cached.dims).toBe(tiny.dims);
  });
});

describe('end to end: tiny-model embeddings in a VectorIndex', () => {
  it('retrieves the passage sharing the most words with the query first', async () => {
    // No instruction here: in a bag-of-words model a 19-character prefix would dominate every query vector
    // (the real BGE model was trained with it; the tiny one cannot learn to discount it).
    const embedder = await loadTransformersEmbedder({ ...tiny, allowRemote: false, queryInstruction: '' });
    const passages = [
      'coredns pods crashloopbackoff after upgrade',
      'pod cannot reach service clusterip through kube-proxy',
      'geneve tunnel mtu too large drops packets between nodes',
      'calico bgp peer down on node',
      'ovn0 interface missing on host',
      'nodeport traffic is dropped by the firewall',
      'ipam pool leak: pods get no ip address',
      'network policy blocks egress to external dns',
      '跨节点网络不通，检查隧道',
      'tcpdump on veth to trace icmp packets',
    ];
    const vectors = await embedder.embedPassages(passages);
    const index = VectorIndex.build(embedder.dims, vectors);
    expect(index.size).toBe(passages.length);

    const expectTop = async (query: string, expected: number): Promise<void> => {
      const hits = index.search(await embedder.embedQuery(query), 3);
      expect(hits).toHaveLength(3);
      expect(hits[0]?.ordinal, `top hit for "${query}"`).toBe(expected);
    };
    await expectTop('Packets dropped between nodes: geneve tunnel MTU', 2);
    await expectTop('ovn0 interface missing', 4);
    await expectTop('pod cannot reach clusterip service', 1);
    await expectTop('跨节点网络不通', 8);
  });
});

// "Fails fast": an error instead of a wait (a download, a retry); a wait would run into the test timeout.
describe('MODEL_UNAVAILABLE', () => {
  it('fails fast when the model folder has a tokenizer and config but no ONNX weights', async () => {
    let modelDir = SHARED_MODELS;
    if (!existsSync(path.join(SHARED_MODELS, REAL_MODEL_ID, 'tokenizer.json'))) {
      // Fallback: a copy of the tiny model with its weights removed.
      modelDir = path.join(tmp, 'no-weights');
      await writeTinyModel(modelDir);
      await rm(path.join(modelDir, tiny.modelId, 'onnx'), { recursive: true });
    }
    const modelId = modelDir === SHARED_MODELS ? REAL_MODEL_ID : tiny.modelId;
    const err = await loadError({ modelId, modelDir, allowRemote: false });
    expect(err.code).toBe('MODEL_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.message).toContain(modelId);
    expect(err.message).toContain(path.join(modelDir, modelId));
    expect(err.message).toContain('onnx/model_quantized.onnx');
    expect(err.message).not.toContain('\n');
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('fails fast for a model id that is not in the folder', async () => {
    const err = await loadError({
      modelId: 'nobody/no-such-model',
      modelDir: tiny.modelDir,
      allowRemote: false,
    });
    expect(err.code).toBe('MODEL_UNAVAILABLE');
    expect(err.message).toContain('nobody/no-such-model');
    expect(err.message).toContain('not found locally');
  });

  it('fails fast with neither a local folder nor remote downloads', async () => {
    const err = await loadError({ modelId: REAL_MODEL_ID, allowRemote: false });
    expect(err.code).toBe('MODEL_UNAVAILABLE');
    expect(err.message).toContain('remote downloads disabled');
    expect(err.message).toContain('no local folder');
  });

  it('fails at load time (not later) when the ONNX file is garbage', async () => {
    const modelDir = path.join(tmp, 'garbage');
    const { modelId } = await writeTinyModel(modelDir);
    await writeFile(path.join(modelDir, modelId, 'onnx', 'model_quantized.onnx'), 'this is not a protobuf');
    const err = await loadError({ modelId, modelDir, allowRemote: false });
    expect(err.code).toBe('MODEL_UNAVAILABLE');
  });
});

describe('defaultQueryInstruction', () => {
  it('knows the BGE v1.5 instructions and defaults to none', () => {
    expect(defaultQueryInstruction('Xenova/bge-small-zh-v1.5')).toBe(
      '为这个句子生成表示以用于检索相关文章：',
    );
    expect(defaultQueryInstruction('Xenova/bge-base-en-v1.5')).toBe(
      'Represent this sentence for searching relevant passages: ',
    );
    expect(defaultQueryInstruction('Xenova/all-MiniLM-L6-v2')).toBe('');
  });
});
