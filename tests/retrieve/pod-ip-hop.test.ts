/**
 * A report whose failing hop is a node reaching a pod's IP (the API server's proxy, a kubelet probe, a curl of the pod
 * IP on a node) and that states no failing lookup or ClusterIP: the host → pod runbooks score more, the ClusterIP /
 * kube-proxy and DNS runbooks less, even when the report says "service" for the application or names the dashboard
 * or kube-dns as what it tried to reach (src/retrieve/pod-ip-hop.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failingPodIpHop, podIpHopFactor, podIpHopFails } from '../../src/retrieve/pod-ip-hop.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

describe('podIpHopFails', () => {
  it.each([
    // The API server's proxy dials the pod IP from the control-plane host.
    "kubectl proxy to the grafana service gives 503: Error: 'dial tcp 10.244.3.7:3000: i/o timeout' Trying to reach: 'http://10.244.3.7:3000/'",
    "打开 dashboard 报错 Error: 'dial tcp 172.30.2.4:8443: getsockopt: connection refused' Trying to reach: 'https://172.30.2.4:8443/'",
    // A kubelet probe whose connection fails.
    'Readiness probe failed: Get "http://10.42.0.12:8080/ready": dial tcp 10.42.0.12:8080: i/o timeout',
    'The liveness and readiness probes of my web service keep failing with connection refused, the app answers from inside the pod',
    '升级后所有 Pod 的就绪探针超时，容器里 curl localhost 正常',
    // A curl or ping of the pod IP run on a node.
    'On node2 curl to the pod IP 10.244.2.9:80 times out, from other pods it answers',
    '在节点上 curl pod ip 一直超时，pod 里的服务是正常的',
  ])('%s', (text) => {
    expect(podIpHopFails(text)).toBe(true);
  });

  it.each([
    // A ClusterIP is in question: that hop may be the failing one.
    'On node2 curl to the pod IP works but the cluster IP 10.96.4.4:80 times out',
    '在节点上访问 pod ip 超时，访问 service ip 也超时',
    // A name lookup fails: DNS is a hop of its own.
    "Error: 'dial tcp 10.244.1.5:80: i/o timeout' Trying to reach: 'http://10.244.1.5:80/', and nslookup my-svc fails: no servers could be reached",
    // A probe failing on the component's own state, not on a connection.
    'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.0.0.2',
    'CoreDNS 就绪探针失败，日志里 plugin/ready 还没准备好',
    // A pod IP failing from another pod: no node is the client.
    'pod a cannot reach the pod ip of pod b, the connection times out',
    // Nothing fails on a pod IP.
    'curl my-service.default.svc.cluster.local from a pod returns connection refused',
  ])('not: %s', (text) => {
    expect(podIpHopFails(text)).toBe(false);
  });
});

describe('podIpHopFactor', () => {
  const categoryOfDoc = (docPath: string) =>
    ({
      'node-to-pod/host-to-pod-generic.md': 'node_to_pod',
      'kube-ovn/node-to-pod-ovn0.md': 'node_to_pod',
      'service/clusterip-troubleshooting.md': 'service_clusterip',
      'service/kube-proxy-iptables-ipvs.md': 'service_clusterip',
      'dns/coredns.md': 'dns',
      'pod-to-pod/same-node.md': 'pod_to_pod_same_node',
    })[docPath] ?? null;
  const cniOfDoc = (docPath: string) => (docPath.startsWith('kube-ovn/') ? 'kube-ovn' : null);
  const report =
    'Readiness probe failed: Get "http://10.42.0.12:8080/ready": dial tcp 10.42.0.12:8080: i/o timeout';
  const factors = { lift: 1.5, demote: 0.65 };

  const hasOwnNodeToPod = (cni: string) => cni === 'kube-ovn';
  const unknown = { known: [], hasOwnNodeToPod };
  const calico = { known: ['calico'], hasOwnNodeToPod };
  const kubeOvn = { known: ['kube-ovn'], hasOwnNodeToPod };
  const nodeCurl = '在主机上 ping 这个 Pod 的 IP 也不通，calico-kube-controllers 连不上 kube-apiserver';

  it('lifts the generic host → pod runbook and lowers the ClusterIP, kube-proxy and DNS ones', () => {
    const factor = podIpHopFactor(report, categoryOfDoc, cniOfDoc, unknown, factors);
    expect(factor?.('node-to-pod/host-to-pod-generic.md')).toBe(1.5);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(0.65);
    expect(factor?.('service/kube-proxy-iptables-ipvs.md')).toBe(0.65);
    expect(factor?.('dns/coredns.md')).toBe(0.65);
    expect(factor?.('pod-to-pod/same-node.md')).toBe(1);
  });

  it("does not lift a CNI's own host → pod runbook when that CNI is not the report's", () => {
    expect(
      podIpHopFactor(report, categoryOfDoc, cniOfDoc, unknown, factors)?.('kube-ovn/node-to-pod-ovn0.md'),
    ).toBe(1);
    expect(
      podIpHopFactor(report, categoryOfDoc, cniOfDoc, calico, factors)?.('kube-ovn/node-to-pod-ovn0.md'),
    ).toBe(1);
  });

  it("lifts the report's CNI's own host → pod runbook instead of the generic one", () => {
    const factor = podIpHopFactor(report, categoryOfDoc, cniOfDoc, kubeOvn, factors);
    expect(factor?.('node-to-pod/host-to-pod-generic.md')).toBe(1);
    expect(factor?.('kube-ovn/node-to-pod-ovn0.md')).toBe(1.5);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(0.65);
  });

  it('lifts the generic runbook for a failing probe on a CNI without a host → pod runbook of its own', () => {
    const probe = 'readiness probes time out only on the dual-nic nodes, calico';
    expect(
      podIpHopFactor(probe, categoryOfDoc, cniOfDoc, calico, factors)?.('node-to-pod/host-to-pod-generic.md'),
    ).toBe(1.5);
    const 探针 = 'calico 集群升级后所有 Pod 的就绪探针超时，容器里 curl localhost 正常';
    expect(
      podIpHopFactor(探针, categoryOfDoc, cniOfDoc, calico, factors)?.('node-to-pod/host-to-pod-generic.md'),
    ).toBe(1.5);
  });

  it("leaves a node's own curl or ping of a pod IP beside a named CNI to that CNI's runbooks", () => {
    expect(
      podIpHopFactor(
        nodeCurl,
        categoryOfDoc,
        cniOfDoc,
        calico,
        factors,
      )?.('node-to-pod/host-to-pod-generic.md'),
    ).toBe(1);
    const curl = 'On node2 curl to the pod IP 10.244.2.9:80 times out, the cluster runs Cilium';
    expect(
      podIpHopFactor(
        curl,
        categoryOfDoc,
        cniOfDoc,
        { known: ['cilium'], hasOwnNodeToPod },
        factors,
      )?.('node-to-pod/host-to-pod-generic.md'),
    ).toBe(1);
  });

  it('keeps every host → pod runbook a candidate but the generic one when the CNI is known but not by name', () => {
    const factor = podIpHopFactor(report, categoryOfDoc, cniOfDoc, { known: null, hasOwnNodeToPod }, factors);
    expect(factor?.('node-to-pod/host-to-pod-generic.md')).toBe(1);
    expect(factor?.('kube-ovn/node-to-pod-ovn0.md')).toBe(1.5);
  });

  it('leaves other reports and neutral factors alone', () => {
    expect(
      podIpHopFactor('pods cannot resolve kubernetes.default', categoryOfDoc, cniOfDoc, unknown, factors),
    ).toBeNull();
    expect(podIpHopFactor(report, categoryOfDoc, cniOfDoc, unknown, { lift: 1, demote: 1 })).toBeNull();
  });
});

describe('failingPodIpHop', () => {
  it.each([
    [
      'Readiness probe failed: Get "http://10.42.0.12:8080/ready": dial tcp 10.42.0.12:8080: i/o timeout',
      'probe',
    ],
    ['升级后所有 Pod 的就绪探针超时，容器里 curl localhost 正常', 'probe'],
    ['On node2 curl to the pod IP 10.244.2.9:80 times out, from other pods it answers', 'node'],
    ['在节点上 curl pod ip 一直超时，pod 里的服务是正常的', 'node'],
    [
      'Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": dial tcp 10.96.12.7:443: i/o timeout',
      'extension',
    ],
    ['pod a cannot reach the pod ip of pod b, the connection times out', null],
  ])('%s', (text, hop) => {
    expect(failingPodIpHop(text)).toBe(hop);
  });
});

describe('a report of a node failing to reach a pod IP that says "service"', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ podIpHop: { lift: 1, demote: 1 } }));
  });

  const report =
    'Unable to reach the service running in my pod from its own node. On node1: curl -v 10.244.1.8:8080 to the pod IP fails with Connection timed out, the readiness checks of the pod fail too. On another node in the cluster the same curl gets a response.';

  it('cites the host → pod runbook first instead of the ClusterIP one', async () => {
    const before = await neutral.search(report);
    expect(before.hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
    const { hits } = await searcher.search(report);
    expect(hits[0]?.doc.path).toBe('node-to-pod/host-to-pod-generic.md');
  });

  it('still cites the ClusterIP runbook when the Service IP fails', async () => {
    const { hits } = await searcher.search(
      'On node1 curl to the service cluster IP 10.96.7.7:8080 times out, curl to the pod IP 10.244.1.8:8080 answers.',
    );
    expect(hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
  });
});
