/** The cluster's CNI: configured (`--cni`), per request (`{"cni"}`), from the question or the conversation, or assumed. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatBody } from '../../src/answer/types.js';
import { ingestKb } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import type { Searcher } from '../../src/retrieve/types.js';
import { buildApp } from '../../src/server/app.js';
import { bundledSearcher } from '../retrieve/bundled-kb.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
let tmp: string;
let searcher: Searcher;
let app: FastifyInstance;
let configured: FastifyInstance;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-cni-'));
  const indexDir = path.join(tmp, 'index');
  await ingestKb({ kbDir: KB, indexDir, embedder: null, vectorsDisabledReason: 'disabled in tests' });
  searcher = await openSearcher(indexDir, { embedder: null, vectorsDisabledReason: 'disabled in tests' });
  app = await buildApp({ searcher: () => searcher });
  configured = await buildApp({ searcher: () => searcher, cni: 'calico' });
}, 120_000);

afterAll(async () => {
  await app.close();
  await configured.close();
  await rm(tmp, { recursive: true, force: true });
});

async function chat(target: FastifyInstance, payload: Record<string, unknown>) {
  const response = await target.inject({
    method: 'POST',
    url: '/v1/chat',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
  return { status: response.statusCode, body: response.json() as ChatBody & { error?: { code: string } } };
}

const otherCniDocs = (body: ChatBody, cni: string) =>
  body.citations.filter((c) => {
    const about = searcher.cni?.ofDoc(c.path);
    return about !== null && about !== undefined && about !== cni;
  });

describe('CNI scope', () => {
  it('knows the glossary CNIs and which docs are about one', () => {
    expect(searcher.cni?.names).toEqual(['kube-ovn', 'ovn-kubernetes', 'calico', 'cilium', 'flannel']);
    expect(searcher.cni?.ofDoc('calico/bgp-ipip.md')).toBe('calico');
    expect(searcher.cni?.ofDoc('dns/coredns.md')).toBeNull();
  });

  it('assumes the top doc’s CNI when none is known, and names the other CNIs’ runbooks', async () => {
    const { status, body } = await chat(app, { message: '跨节点 pod 之间 ping 不通' });
    expect(status).toBe(200);
    const cni = body.structured.cni;
    expect(cni?.source).toBe('assumed');
    expect(cni?.cni).toBe(searcher.cni?.ofDoc(body.citations[0]?.path ?? ''));
    expect(cni?.alternatives.length).toBeGreaterThan(0);
    for (const alternative of cni?.alternatives ?? []) {
      expect(alternative.cni).not.toBe(cni?.cni);
      expect(searcher.cni?.ofDoc(alternative.path)).toBe(alternative.cni);
      expect(body.citations[alternative.cite - 1]?.path).toBe(alternative.path);
    }
    expect(body.answer).toContain(`按 ${cni?.cni} 回答`);
  });

  it('a CNI named in the request scopes the answer: no other CNI’s doc is cited', async () => {
    const { status, body } = await chat(app, { message: '跨节点 pod 之间 ping 不通', cni: 'calico' });
    expect(status).toBe(200);
    expect(body.structured.cni).toEqual({ cni: 'calico', source: 'request', alternatives: [] });
    // Ranked as if the question named calico: its runbook is cited (a generic doc may come first).
    expect(body.citations.map((c) => c.path)).toContain('calico/bgp-ipip.md');
    expect(otherCniDocs(body, 'calico')).toEqual([]);
  });

  it('one CNI named in the question scopes the answer like a request CNI: vxlan does not pull in Flannel', async () => {
    // A real report (projectcalico/calico, reports4.yaml): before, Flannel's VXLAN runbook came first.
    const message =
      'Pod to pod cannot communicate when on different node. My setup involving 6 worker node spread across 3 subnet, 2 worker node on each subnet. If i enable calico wireguard and vxlan encapsulation then pod to pod communication work on all the subnet, but if i disable wireguard and vxlan encapsulation then pod to pod communication between subnet failed but same subnet working.';
    const { status, body } = await chat(app, { message });
    expect(status).toBe(200);
    expect(body.structured.cni).toEqual({ cni: 'calico', source: 'question', alternatives: [] });
    expect(body.citations[0]?.path).toBe('calico/bgp-ipip.md');
    expect(otherCniDocs(body, 'calico')).toEqual([]);
  });

  it('the deployment’s CNI scopes every answer; a request CNI overrides it', async () => {
    const first = await chat(configured, { message: '跨节点 pod 之间 ping 不通' });
    expect(first.body.structured.cni?.source).toBe('configured');
    expect(otherCniDocs(first.body, 'calico')).toEqual([]);
    const other = await chat(configured, { message: '跨节点 pod 之间 ping 不通', cni: 'Flannel' });
    expect(other.body.structured.cni).toEqual({ cni: 'flannel', source: 'request', alternatives: [] });
    expect(other.body.citations[0]?.path).toBe('flannel/vxlan-host-gw.md');
  });

  it('400 BAD_REQUEST for a CNI the glossary does not know', async () => {
    const { status, body } = await chat(app, { message: '跨节点 pod 之间 ping 不通', cni: 'weave' });
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BAD_REQUEST');
  });

  it('a follow-up that adds only a detail keeps the conversation’s CNI and topic', async () => {
    const first = await chat(app, { message: 'calico 集群 coredns 解析超时' });
    expect(first.body.structured.cni?.cni).toBe('calico');
    const next = await chat(app, {
      message: '只在 node-05 上的 pod 有这个问题',
      conversation_id: first.body.conversation_id,
    });
    expect(next.body.structured.cni).toMatchObject({ cni: 'calico', source: 'conversation' });
    expect(next.body.citations[0]?.path).toBe(first.body.citations[0]?.path);
    expect(otherCniDocs(next.body, 'calico')).toEqual([]);
    const filled = next.body.commands.flatMap((c) => c.fills.map((f) => f.value));
    if (next.body.commands.some((c) => c.command.includes('node-05') || c.fills.length > 0))
      expect(filled.every((value) => value === 'node-05')).toBe(true);
  });

  it('a cached answer has the CNI scope a computed one has (named, assumed, configured, per request)', async () => {
    // The other CNIs' runbooks are found by searches a busy machine may cut at the time budget; with no budget to
    // speak of, the two answers differ only if the cache changes them.
    const unhurried = bundledSearcher({
      ...RETRIEVAL_CONFIG,
      budget: { ...RETRIEVAL_CONFIG.budget, timeMs: 600_000 },
    });
    const caching = await buildApp({ searcher: () => unhurried });
    const cachingConfigured = await buildApp({ searcher: () => unhurried, cni: 'calico' });
    const uncached = await buildApp({ searcher: () => unhurried, cache: false });
    const uncachedConfigured = await buildApp({ searcher: () => unhurried, cache: false, cni: 'calico' });
    const strip = ({ id: _id, conversation_id: _c, took_ms: _t, retrievers: _r, ...rest }: ChatBody) => rest;
    try {
      for (const [cached, computed, payload] of [
        [caching, uncached, { message: 'cilium 跨节点 pod 之间 ping 不通' }],
        [caching, uncached, { message: '跨节点 pod 之间 ping 不通' }],
        [caching, uncached, { message: '跨节点 pod 之间 ping 不通', cni: 'flannel' }],
        [cachingConfigured, uncachedConfigured, { message: '跨节点 pod 之间 ping 不通' }],
        [cachingConfigured, uncachedConfigured, { message: 'cilium 跨节点 pod 之间 ping 不通' }],
      ] as const) {
        await chat(cached, payload);
        const fromCache = await chat(cached, payload);
        const fromScratch = await chat(computed, payload);
        expect(fromCache.status).toBe(200);
        expect(fromCache.body.structured.cni).toBeDefined();
        expect(strip(fromCache.body)).toEqual(strip(fromScratch.body));
      }
    } finally {
      for (const server of [caching, cachingConfigured, uncached, uncachedConfigured]) await server.close();
    }
  });
});
