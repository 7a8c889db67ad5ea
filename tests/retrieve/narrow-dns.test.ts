/**
 * The DNS category's narrow runbook (headless Service, of lower priority than the CoreDNS runbook) scores less
 * unless the report names its own case: a trigger of its own, `clusterIP: None`, a StatefulSet pod's DNS name
 * (src/retrieve/narrow-runbook.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  namesHeadlessCase,
  narrowDnsFactor,
  needsStablePodNames,
} from '../../src/retrieve/narrow-runbook.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

describe('namesHeadlessCase', () => {
  it.each([
    'nslookup web-0.nginx.default.svc.cluster.local fails from another pod',
    'The headless service returns no A records for the StatefulSet',
    'spec: clusterIP: None, selector app=db; pods cannot resolve the peers',
    'StatefulSet 的 pod 域名 mysql-1.mysql.db.svc.cluster.local 解析不到',
    '无头服务解析不到后端 pod',
    'SRV 记录查不到，publishNotReadyAddresses 要不要打开',
    'after the pod was recreated, clients keep connecting to the old IP',
    '主节点重建以后，客户端还在连旧的 pod ip',
  ])('%s', (text) => {
    expect(namesHeadlessCase(normalizeText(text))).toBe(true);
  });

  it.each([
    'pods cannot resolve mysql.db.svc.cluster.local, nslookup returns NXDOMAIN',
    'nslookup kubernetes.default.svc.cluster.local times out from every pod',
    'Pod 内域名解析失败，coredns 日志有 SERVFAIL',
    'kubectl get svc shows my-svc ClusterIP 10.96.3.4, curl to it times out',
    'CoreDNS 5 秒延迟，resolv.conf 里 ndots:5',
    'the old node IP still shows in kubectl get nodes -o wide after the NIC change',
  ])('not: %s', (text) => {
    expect(namesHeadlessCase(normalizeText(text))).toBe(false);
  });
});

describe('narrowDnsFactor', () => {
  const docs: Record<string, { category: string; priority: number }> = {
    'dns/coredns.md': { category: 'dns', priority: 50 },
    'dns/headless-service.md': { category: 'dns', priority: 20 },
    'service/kube-proxy.md': { category: 'service_clusterip', priority: 30 },
  };
  const factorFor = (text: string, triggered: string[] = [], factor = 0.7) =>
    narrowDnsFactor({
      text: normalizeText(text),
      triggered: new Set(triggered),
      categoryOfDoc: (docPath) => docs[docPath]?.category ?? null,
      priorityOfDoc: (docPath) => docs[docPath]?.priority ?? 0,
      topDnsPriority: 50,
      factor,
    });

  it('scales only the lower-priority DNS runbook of a report that does not name its case', () => {
    for (const text of [
      'pods cannot resolve mysql.db.svc.cluster.local, nslookup returns NXDOMAIN',
      'Pod 里 nslookup my-svc.default.svc.cluster.local 超时',
    ]) {
      const factor = factorFor(text);
      expect(factor?.('dns/headless-service.md'), text).toBe(0.7);
      expect(factor?.('dns/coredns.md'), text).toBe(1);
      expect(factor?.('service/kube-proxy.md'), text).toBe(1);
    }
  });

  it('leaves it alone when its own trigger matched', () => {
    const factor = factorFor('StatefulSet DNS 不工作', ['dns/headless-service.md']);
    expect(factor?.('dns/headless-service.md')).toBe(1);
  });

  it('does not apply when the report names a headless Service or a StatefulSet pod name, or the factor is 1', () => {
    expect(factorFor('nslookup web-0.nginx.default.svc.cluster.local fails')).toBeNull();
    expect(factorFor('Pod 无法访问 clusterIP: None 的无头服务')).toBeNull();
    expect(factorFor('pods cannot resolve mysql.db.svc.cluster.local', [], 1)).toBeNull();
  });

  it('lifts it when the report states the need for stable pod names without naming the case', () => {
    for (const text of [
      'clickhouse-keeper: unable to discover other nodes, each one only sees itself',
      'the peers are not discoverable after the chart is installed',
      'Java application connection to Redis cluster error unable to resolve pod name',
      'be ip would be changed when reconstruct pod, so doris must refresh it',
      'nacos 的 pod 重启后 ip 会变化，集群里记录的还是旧地址',
    ]) {
      const factor = factorFor(text, ['dns/headless-service.md']);
      expect(factor?.('dns/headless-service.md'), text).toBeGreaterThan(1);
      expect(factor?.('dns/coredns.md'), text).toBe(1);
      expect(factor?.('service/kube-proxy.md'), text).toBe(1);
    }
  });
});

describe('needsStablePodNames', () => {
  it.each([
    'unable to discover other nodes',
    'validators cannot find other peers when running in k8s',
    'the brokers are not discoverable',
    'unable to resolve the pod hostname from the other member',
    'pod ip will be changed after a restart of the pod',
    '重建以后 ip 就变了',
  ])('%s', (text) => {
    expect(needsStablePodNames(normalizeText(text))).toBe(true);
  });

  it.each([
    'pods cannot resolve mysql.db.svc.cluster.local, nslookup returns NXDOMAIN',
    'service discovery with kube-dns is slow',
    'the node ip has changed after the nic was replaced',
    'node ip is changed after a restart of the vm',
    'kubectl get nodes shows the other nodes NotReady',
    'pod 重启后一直 CrashLoopBackOff',
  ])('not: %s', (text) => {
    expect(needsStablePodNames(normalizeText(text))).toBe(false);
  });
});

describe('the headless Service runbook on the bundled KB', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ narrowDns: 1 }));
  });

  it.each([
    'our DNS queries fail: kubectl exec -it test -- nslookup kubernetes prints connection timed out; no servers could be reached',
    'getting this response to DNS queries from the pod: connection timed out; no servers could be reached',
    'DNS 查询超时：nslookup kubernetes 返回 connection timed out',
    'Pod 里 dig 服务域名，返回的 IP 不对',
  ])('cites CoreDNS first when nothing names the headless case: %s', async (question) => {
    expect((await neutral.search(question)).hits[0]?.doc.path).toBe('dns/headless-service.md');
    const result = await searcher.search(question);
    expect(result.hits[0]?.doc.path).not.toBe('dns/headless-service.md');
    const rank = (docPath: string) => {
      const at = result.hits.findIndex((hit) => hit.doc.path === docPath);
      return at === -1 ? result.hits.length : at;
    };
    expect(rank('dns/coredns.md')).toBeLessThan(rank('dns/headless-service.md'));
    // Reordering does not change how sure the answer is.
    expect(result.confidence).toBe((await neutral.search(question)).confidence);
  });

  it.each([
    'nslookup web-0.nginx.default.svc.cluster.local fails from another pod',
    'StatefulSet 的 pod 域名 mysql-1.mysql.db.svc.cluster.local 解析不到',
    'redis 主节点重建以后，客户端还一直连旧 ip',
  ])('still cites it first when the report names its case: %s', async (question) => {
    expect((await searcher.search(question)).hits[0]?.doc.path).toBe('dns/headless-service.md');
  });
});
