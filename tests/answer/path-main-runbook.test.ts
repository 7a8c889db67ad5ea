/**
 * The runbooks of the path an application's pasted connection error names, that path's main runbook first: a
 * Service's name that times out is the ClusterIP runbook's matter before kube-proxy's, unless the report speaks
 * kube-proxy's language (one of its triggers matched).
 */
import { describe, expect, it } from 'vitest';
import { categoryMainRunbook, mainRunbookFirst, runbookFirst } from '../../src/answer/path-main-runbook.js';

const CLUSTER_IP = { path: 'service/clusterip-troubleshooting.md', priority: 50 };
const KUBE_PROXY = { path: 'service/kube-proxy-iptables-ipvs.md', priority: 30 };
const hit = (doc: { path: string; priority: number }, id: string, matchedTriggers: string[] = []) => ({
  id,
  doc,
  matchedTriggers,
});
const order = (hits: ReadonlyArray<{ id: string }>) => hits.map((h) => h.id);

describe('mainRunbookFirst', () => {
  it('puts the main runbook first when BM25 put a narrower one before it (no trigger matched)', () => {
    // "500 msg: java.net.SocketTimeoutException: connect timed out ... nacos.default.svc.cluster.local:8848":
    // the stack trace's words match kube-proxy's steps first.
    const hits = [hit(KUBE_PROXY, 'kp-1'), hit(KUBE_PROXY, 'kp-2'), hit(CLUSTER_IP, 'cip-1')];
    expect(order(mainRunbookFirst(hits))).toEqual(['cip-1', 'kp-1', 'kp-2']);
  });

  it("keeps each runbook's hits in their own order", () => {
    const hits = [
      hit(KUBE_PROXY, 'kp-1'),
      hit(CLUSTER_IP, 'cip-1'),
      hit(KUBE_PROXY, 'kp-2'),
      hit(CLUSTER_IP, 'cip-2'),
    ];
    expect(order(mainRunbookFirst(hits))).toEqual(['cip-1', 'cip-2', 'kp-1', 'kp-2']);
  });

  it("keeps the report's order when it speaks the other runbook's language (English trigger)", () => {
    // "Service times out since we switched kube-proxy to ipvs mode: dial tcp redis:6379: i/o timeout"
    const hits = [hit(KUBE_PROXY, 'kp-1', ['ipvs mode']), hit(CLUSTER_IP, 'cip-1')];
    expect(order(mainRunbookFirst(hits))).toEqual(['kp-1', 'cip-1']);
  });

  it("keeps the report's order when it speaks the other runbook's language (Chinese trigger)", () => {
    // "切换到 ipvs 模式后 pod 访问 redis:6379 连接超时"
    const hits = [hit(KUBE_PROXY, 'kp-1', ['ipvs 模式']), hit(CLUSTER_IP, 'cip-1')];
    expect(order(mainRunbookFirst(hits))).toEqual(['kp-1', 'cip-1']);
  });

  it("puts the main runbook first when both runbooks' triggers matched", () => {
    // "svc 访问超时, kube-proxy 用的 ipvs 模式": the main runbook's own trigger matched too.
    const hits = [hit(KUBE_PROXY, 'kp-1', ['ipvs 模式']), hit(CLUSTER_IP, 'cip-1', ['svc 访问超时'])];
    expect(order(mainRunbookFirst(hits))).toEqual(['cip-1', 'kp-1']);
  });

  it('leaves hits of one runbook and no hits as they are', () => {
    expect(order(mainRunbookFirst([hit(CLUSTER_IP, 'a'), hit(CLUSTER_IP, 'b')]))).toEqual(['a', 'b']);
    expect(mainRunbookFirst([])).toEqual([]);
  });
});

describe('categoryMainRunbook', () => {
  const docs = [
    { path: 'dns/headless-service.md', category: 'dns', priority: 20 },
    { path: 'dns/coredns.md', category: 'dns', priority: 50 },
    { ...KUBE_PROXY, category: 'service_clusterip' },
    { ...CLUSTER_IP, category: 'service_clusterip' },
    { path: 'README.md', category: null, priority: 0 },
  ];

  it("is the category's doc of highest priority", () => {
    expect(categoryMainRunbook(docs, 'service_clusterip')).toBe(CLUSTER_IP.path);
    expect(categoryMainRunbook(docs, 'dns')).toBe('dns/coredns.md');
  });

  it('is null for a category without docs', () => {
    expect(categoryMainRunbook(docs, 'service_external')).toBeNull();
  });
});

describe('runbookFirst', () => {
  it('puts the named runbook first and keeps each group in order', () => {
    const hits = [{ doc: { path: 'dns/coredns.md' } }, { doc: { path: 'dns/headless-service.md' } }];
    expect(runbookFirst(hits, 'dns/headless-service.md').map((hit) => hit.doc.path)).toEqual([
      'dns/headless-service.md',
      'dns/coredns.md',
    ]);
    expect(runbookFirst(hits, 'dns/absent.md')).toEqual(hits);
  });
});
