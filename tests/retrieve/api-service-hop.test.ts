/**
 * A report whose failing operation is a TCP connection to the API Service's ClusterIP (`dial tcp 10.96.0.1:443: i/o
 * timeout`) and that states no failing name lookup: the DNS runbooks score less, so the Service runbooks come first
 * even when CoreDNS or a dashboard is the client that logs it (src/retrieve/api-service-hop.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiServiceHopFactor,
  apiServiceHopFails,
  serviceIpHopFails,
} from '../../src/retrieve/api-service-hop.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

describe('apiServiceHopFails', () => {
  it.each([
    'Kubernetes dashboard: dial tcp 10.96.0.1:443: i/o timeout. The dashboard pod fails to talk to the API server.',
    'coredns CrashLoopBackOff: Failed to list *v1.Endpoints: Get https://172.19.0.1:443/api/v1/endpoints: dial tcp 172.19.0.1:443: i/o timeout',
    'calico-kube-controllers 日志报错 dial tcp 10.233.0.1:443: connect: no route to host',
    'coredns 一直重启，日志里是 dial tcp 10.43.0.1:443: connect: connection refused',
    'metrics-server 连不上 172.20.0.1:443，一直超时',
  ])('%s', (text) => {
    expect(apiServiceHopFails(normalizeText(text))).toBe(true);
  });

  it.each([
    // A name lookup fails too: DNS is a failing hop of its own.
    'nslookup kubernetes.default fails with connection timed out; coredns log: dial tcp 10.96.0.1:443: i/o timeout',
    'pods cannot resolve names: SERVFAIL; coredns logs dial tcp 10.96.0.1:443: i/o timeout',
    'Pod 内域名解析失败，coredns 日志 dial tcp 10.96.0.1:443: i/o timeout',
    'curl: (6) Could not resolve host: api.svc; coredns: Get https://10.96.0.1:443/version: dial tcp 10.96.0.1:443: i/o timeout',
    'The domain name github.com cannot be resolved in the pod; coredns logs dial tcp 10.96.0.1:443: i/o timeout',
    'the registry host failed to resolve; kube-dns: Get https://10.96.0.1:443/api: dial tcp 10.96.0.1:443: i/o timeout',
    // No API Service address, or nothing failing to connect to it.
    'coredns log: dial udp 10.96.0.10:53: i/o timeout',
    'env of the pod: KUBERNETES_PORT=tcp://10.43.0.1:443 and the DNS pod restarts',
    'kubectl get svc: default kubernetes ClusterIP 10.96.0.1 443/TCP, 10.96.0.1:443 answers from every pod',
  ])('not: %s', (text) => {
    expect(apiServiceHopFails(normalizeText(text))).toBe(false);
  });
});

describe('serviceIpHopFails', () => {
  // The failing part (focus) says a ClusterIP cannot be reached; brokenPath is query.ts reportsBrokenPath of it.
  const fails = (text: string) => serviceIpHopFails(normalizeText(text), normalizeText(text), true);

  it.each([
    'edge node cannot access the service with clusterip; kube-proxy and coredns are not scheduled on the edge node',
    'I cannot curl the service IP 10.96.12.7:8080 from a pod, kube-dns is running fine',
    '从 Pod 里访问集群IP 10.254.0.20:80 不通，coredns 正常运行',
    'Pod 访问 service ip 超时，kube-dns 的 pod 都是 Running',
  ])('%s', (text) => {
    expect(fails(text)).toBe(true);
  });

  it.each([
    // A lookup fails: DNS is a failing hop of its own.
    'pods cannot reach the cluster-ip of kube-dns and nslookup kubernetes.default fails: no servers could be reached',
    'Pod 访问 service ip 不通，而且域名解析失败，coredns 日志有 SERVFAIL',
    // A headless Service has no ClusterIP to reach: its records are the DNS runbooks' matter.
    'StatefulSet web-0 cannot be reached through the headless service (clusterIP: None)',
    'Pod 无法访问 clusterIP: None 的无头服务',
    // No ClusterIP named.
    'pods on node-2 cannot reach coredns pods on node-1',
  ])('not: %s', (text) => {
    expect(fails(text)).toBe(false);
  });

  it('needs a broken path', () => {
    const text = normalizeText('What is the cluster-ip of kube-dns by default?');
    expect(serviceIpHopFails(text, text, false)).toBe(false);
  });
});

describe('apiServiceHopFactor', () => {
  const categoryOfDoc = (docPath: string) => docPath.split('/')[0] ?? null;
  const report = 'coredns log: dial tcp 10.96.0.1:443: i/o timeout';

  it('scales only DNS runbooks', () => {
    const factor = apiServiceHopFactor(report, categoryOfDoc, 0.8);
    expect(factor?.('dns/coredns.md')).toBe(0.8);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1);
  });

  it('scales DNS runbooks for any Service ClusterIP hop the caller found', () => {
    const factor = apiServiceHopFactor(
      'edge node cannot access the service with clusterip',
      categoryOfDoc,
      0.8,
      true,
    );
    expect(factor?.('dns/coredns.md')).toBe(0.8);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1);
  });

  it('demotes DNS harder and lifts the ClusterIP runbooks when CoreDNS was pulled by its name', () => {
    const factor = apiServiceHopFactor(report, categoryOfDoc, 0.8, false, { dns: 0.55, service: 1.4 });
    expect(factor?.('dns/coredns.md')).toBe(0.55);
    expect(factor?.('service_clusterip/kube-proxy-iptables-ipvs.md')).toBe(1.4);
    expect(factor?.('host_network/hostnetwork-pods.md')).toBe(1);
  });

  it('lifts nothing when the hop does not fail or a lookup fails too', () => {
    const pulled = { dns: 0.55, service: 1.4 };
    expect(
      apiServiceHopFactor('kube-dns pod is Pending on a new node', categoryOfDoc, 0.8, false, pulled),
    ).toBeNull();
    expect(
      apiServiceHopFactor(`${report}; 容器内域名解析失败`, categoryOfDoc, 0.8, false, pulled),
    ).toBeNull();
  });

  it('leaves a lookup failure and a neutral factor alone', () => {
    expect(apiServiceHopFactor(`${report}; nslookup google.com: NXDOMAIN`, categoryOfDoc, 0.8)).toBeNull();
    expect(apiServiceHopFactor(report, categoryOfDoc, 1)).toBeNull();
  });
});

describe('a CoreDNS or dashboard report of the API Service address timing out', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    // The API server reach lift (api-server-reach.ts) is off in both: this shows the DNS demotion alone.
    ({ searcher, neutral } = bundledSearchers({ apiServiceDns: 1, apiServerReach: { lead: 1, other: 1 } }));
  });

  const dashboard =
    'Kubernetes dashboard: dial tcp 10.96.0.1:443: i/o timeout. The kubernetes-dashboard pod fails to talk to the API server through the kubernetes Service: dial tcp 10.96.0.1:443: i/o timeout (kubelet logs attached).';

  const rank = (hits: { doc: { path: string } }[], docPath: string) =>
    hits.findIndex((hit) => hit.doc.path === docPath);

  it('ranks the ClusterIP runbook above CoreDNS, which no longer comes first', async () => {
    const before = await neutral.search(dashboard);
    expect(before.hits[0]?.doc.path).toBe('dns/coredns.md');
    const { hits } = await searcher.search(dashboard);
    expect(hits[0]?.doc.path).not.toBe('dns/coredns.md');
    expect(rank(hits, 'service/clusterip-troubleshooting.md')).toBeLessThan(rank(hits, 'dns/coredns.md'));
  });

  it('with the plain demotion only, CoreDNS named as the client still came first', async () => {
    const { neutral: plain } = bundledSearchers({
      apiServicePulledDns: { dns: 0.8, service: 1 },
      apiServerReach: { lead: 1, other: 1 },
    });
    const { hits } = await plain.search(
      'kube-dns pod keeps restarting on the new cluster: it cannot reach the API server, dial tcp 10.96.0.1:443: connect: no route to host',
    );
    expect(hits[0]?.doc.path).toBe('dns/coredns.md');
  });

  it.each([
    'kube-dns pod keeps restarting on the new cluster: it cannot reach the API server, dial tcp 10.96.0.1:443: connect: no route to host',
    'coredns 一直起不来，日志：Get https://10.96.0.1:443/api/v1/services: dial tcp 10.96.0.1:443: connect: no route to host',
  ])('cites the ClusterIP runbook first when CoreDNS only logs the failing hop: %s', async (text) => {
    const { hits } = await searcher.search(text);
    expect(hits[0]?.doc.category).toBe('service_clusterip');
  });

  it.each([
    'Pods time out pinging the kube-dns service ClusterIP 10.96.0.10 and the coredns pods are in CrashLoopBackOff',
    'coredns 一直 CrashLoopBackOff，Pod 里 ping 不通 coredns 的 service ip 10.254.0.2',
  ])('leaves CoreDNS first when the unreachable ClusterIP is kube-dns itself: %s', async (text) => {
    const { hits } = await searcher.search(text);
    expect(hits[0]?.doc.path).toBe('dns/coredns.md');
  });

  it('still cites CoreDNS first when names fail to resolve', async () => {
    const { hits } = await searcher.search(
      'CoreDNS 解析失败：Pod 内 nslookup kubernetes.default 超时，coredns 日志 dial tcp 10.96.0.1:443: i/o timeout',
    );
    expect(hits[0]?.doc.path).toBe('dns/coredns.md');
  });
});
