import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { DOUBT_COMMANDS, doubtfulChecks, doubtOf } from '../../src/answer/doubt.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

// Real runbooks of the bundled KB, parsed as ingest parses them.
const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

function hitOn(doc: DocRecord, heading: string, score = 1, matchedTriggers: string[] = []): FusedHit {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === heading);
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  return { chunk, doc, score, via: ['lexical'], matchedTriggers };
}

function result(hits: FusedHit[]): RetrievalResult {
  return {
    hits,
    confidence: 0.9,
    abstain: false,
    retrievers: {
      trigger: { hits: 0, took_ms: 0, status: 'ok' },
      lexical: { hits: hits.length, took_ms: 0, status: 'ok' },
      vector: { hits: 0, took_ms: 0, status: 'disabled' },
    },
    took_ms: 1,
  };
}

const flannel = runbook('flannel/vxlan-host-gw.md');
const sameNode = runbook('pod-to-pod/same-node.md');
const egress = runbook('pod-to-external/egress-internet.md');
const mtu = runbook('mtu/mtu-fragmentation.md');

// Real reports (tests/eval/doubt.yaml, reports sets): most words of the long ones are in no runbook.
const longEn =
  'Pods stuck in ContainerCreating after I reset the worker with kubeadm reset and joined it again to the cluster (Ubuntu 20.04, Kubernetes 1.18.6, docker 19.03): failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';
const shortEn =
  'Pods stuck in ContainerCreating: failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';
const longZh =
  '将 Kubernetes 集群网络插件从 Calico 更换为 Cilium（overlay 模式，VXLAN）后，从自建数据中心的节点访问云上某节点的大资源 Pod 时，总是出现丢包现象。经过多次复现，确认丢包仅发生在跨主机节点访问时。';
const shortZh = '跨节点 Pod 之间 ping 不通，flannel.1 上抓不到 8472 端口的包';

describe('doubt about the top runbook', () => {
  it('is raised by a runner-up close to the top hit when the top runbook explains little of the report', () => {
    const en = doubtOf(longEn, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.85)]);
    expect(en?.runnerUp.doc).toBe(sameNode);
    expect(en?.explained).toBeLessThan(0.55);
    const zh = doubtOf(longZh, [hitOn(egress, '常见问题', 1), hitOn(mtu, '常见问题', 0.9)]);
    expect(zh?.runnerUp.doc).toBe(mtu);
  });

  it('is not raised by a runner-up well under the top hit, nor when the top runbook explains the report', () => {
    expect(doubtOf(longEn, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.65)])).toBeNull();
    expect(doubtOf(shortEn, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.95)])).toBeNull();
    expect(doubtOf(shortZh, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.95)])).toBeNull();
  });

  it('is settled by a trigger phrase of the top runbook the report matches', () => {
    const hits = [hitOn(egress, '常见问题', 1, ['Pod 无法访问外网']), hitOn(mtu, '常见问题', 0.9)];
    expect(doubtOf(longZh, hits)).toBeNull();
  });

  it("keeps only the close runbooks' checks, at most a few", () => {
    const doubt = doubtOf(longEn, [
      hitOn(flannel, '常见问题', 1),
      hitOn(sameNode, '常见问题', 0.85),
      hitOn(egress, '常见问题', 0.5),
    ]);
    if (!doubt) throw new Error('expected doubt');
    expect(doubt.close).toEqual([flannel, sameNode]);
    const picked = [
      ...flannel.commands.slice(0, 3),
      ...egress.commands.slice(0, 2),
      ...sameNode.commands.slice(0, 3),
    ];
    const kept = doubtfulChecks(picked, doubt);
    expect(kept).toHaveLength(DOUBT_COMMANDS);
    expect(kept.every((c) => c.source.path === flannel.path || c.source.path === sameNode.path)).toBe(true);
    expect(kept.slice(0, 3)).toEqual(flannel.commands.slice(0, 3));
  });
});

describe('an answer in doubt', () => {
  const compose = (question: string, hits: FusedHit[]) =>
    composeAnswer({ question, result: result(hits), id: 'a', conversationId: 'c', tookMs: 1 });

  it('says so, points at the close runbook and gives fewer checks (English)', () => {
    const doubtful = compose(longEn, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.85)]);
    expect(doubtful.body.answer).toContain('Not sure this is the right runbook');
    expect(doubtful.body.answer).toContain(sameNode.title);
    expect(doubtful.body.commands.length).toBeLessThanOrEqual(DOUBT_COMMANDS);
    const clear = compose(longEn, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.5)]);
    expect(clear.body.answer).not.toContain('Not sure this is the right runbook');
  });

  it('says so in Chinese for a Chinese report, and not for one the top runbook explains', () => {
    const doubtful = compose(longZh, [hitOn(egress, '常见问题', 1), hitOn(mtu, '常见问题', 0.9)]);
    expect(doubtful.body.answer).toContain('不确定是否是这份手册');
    expect(doubtful.body.answer).toContain(mtu.title);
    expect(doubtful.body.commands.every((c) => [egress.path, mtu.path].includes(c.source.path))).toBe(true);
    const clear = compose(shortZh, [hitOn(flannel, '常见问题', 1), hitOn(sameNode, '常见问题', 0.95)]);
    expect(clear.body.answer).not.toContain('不确定是否是这份手册');
  });
});
