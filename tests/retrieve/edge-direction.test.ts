/**
 * The way a report's failing traffic crosses the cluster's edge: out (the egress runbook, not an in-cluster hop's) or
 * in (not the egress runbook) (src/retrieve/edge-direction.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EdgeDirectionInput,
  edgeDirection,
  edgeDirectionFactor,
} from '../../src/retrieve/edge-direction.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

const direction = (text: string) => edgeDirection(normalizeText(text));

describe('edgeDirection', () => {
  it.each([
    "my pod can't reach any external IP address",
    'Pods on the new workers are unable to talk to external hosts, every telnet times out',
    'Pods are not able to communicate outside of the cluster',
    'Why does pod traffic leaving the cluster carry the node IP as its source?',
    'the pod cannot ping 1.1.1.1',
    'SNAT of traffic from a pod to the upstream network is broken',
    'pod 访问外网不通',
    '容器里 ping 公网地址没有回包',
    '业务 Pod 访问外部服务超时',
    'pod 出网的源地址没有做 SNAT',
  ])('outbound: %s', (text) => {
    expect(direction(text)).toBe('outbound');
  });

  it.each([
    '从集群外访问 node-04:30443 连不上',
    '集群外部，突然之间无法访问到 Pod 了',
    'the Service exposed on the public IP of the node cannot be reached',
    'clients from outside the cluster time out on my NodePort',
    'the master has a public IP that provides access from the internet',
  ])('inbound: %s', (text) => {
    expect(direction(text)).toBe('inbound');
  });

  it.each([
    // In-cluster paths.
    'pods on different nodes cannot ping each other',
    'pod 访问 ClusterIP 超时',
    // A Service's ExternalIP field is a way in, and with nothing outside named no edge is clear.
    'kube-proxy in IPVS mode with ExternalIP disconnects the workers',
    // A node's own SNAT rules, no pod named.
    '配置 eip 和 snat 之后，宿主机无法访问网络',
    // Private addresses only.
    'the pod cannot reach 192.168.40.35 or 10.1.20.60',
    '节点上 curl pod ip 超时',
  ])('none: %s', (text) => {
    expect(direction(text)).toBeNull();
  });
});

describe('edgeDirectionFactor', () => {
  const categories: Record<string, string> = {
    'pod-to-external/egress-internet.md': 'pod_to_external',
    'kube-ovn/default-vpc-path.md': 'pod_to_external',
    'kube-ovn/join-network-pod-to-node.md': 'pod_to_external',
    'pod-to-pod/same-node.md': 'pod_to_pod_same_node',
    'dns/coredns.md': 'dns',
    'calico/bgp-ipip.md': 'pod_to_pod_cross_node',
    'cilium/ebpf-datapath.md': 'cni_architecture',
  };
  const cniOf = (docPath: string) =>
    ({ kube: 'kube-ovn', calico: 'calico', cilium: 'cilium' })[docPath.split(/[/-]/)[0] ?? ''] ?? null;
  const input = (failing: string, overrides: Partial<EdgeDirectionInput> = {}): EdgeDirectionInput => ({
    failing: normalizeText(failing),
    focus: normalizeText(failing),
    podsFailToo: false,
    cnis: [],
    categoryOfDoc: (docPath) => categories[docPath] ?? null,
    cniOfDoc: cniOf,
    explainsWholeDatapath: (cni) => cni === 'cilium',
    ownWayOut: (cni) => cni === 'kube-ovn',
    factors: { lift: 1.5, demote: 0.7, inbound: 0.7 },
    ...overrides,
  });

  it('outbound, no CNI named: lifts the generic egress runbook, demotes in-cluster hops and CNI runbooks', () => {
    const factor = edgeDirectionFactor(input('pod cannot reach external ip address'));
    expect(factor?.('pod-to-external/egress-internet.md')).toBe(1.5);
    expect(factor?.('pod-to-pod/same-node.md')).toBe(0.7);
    expect(factor?.('dns/coredns.md')).toBe(0.7);
    expect(factor?.('kube-ovn/join-network-pod-to-node.md')).toBe(0.7);
    expect(factor?.('calico/bgp-ipip.md')).toBe(0.7);
  });

  it('outbound with a named CNI: its own way-out runbooks are lifted, its other runbooks keep their score', () => {
    const ovn = edgeDirectionFactor(input('kube-ovn 的 pod 访问外网不通', { cnis: ['kube-ovn'] }));
    expect(ovn?.('kube-ovn/default-vpc-path.md')).toBe(1.5);
    expect(ovn?.('pod-to-external/egress-internet.md')).toBe(1);
    const calico = edgeDirectionFactor(input('calico 下 pod 访问外网不通', { cnis: ['calico'] }));
    expect(calico?.('pod-to-external/egress-internet.md')).toBe(1.5);
    expect(calico?.('calico/bgp-ipip.md')).toBe(1);
  });

  it('outbound: nothing is lifted for a CNI with a whole-datapath runbook or one known only by a feature', () => {
    const cilium = edgeDirectionFactor(input('pod cannot reach the internet', { cnis: ['cilium'] }));
    expect(cilium?.('pod-to-external/egress-internet.md')).toBe(1);
    expect(cilium?.('pod-to-pod/same-node.md')).toBe(0.7);
    const feature = edgeDirectionFactor(input('pod cannot reach the internet', { cnis: null }));
    expect(feature?.('pod-to-external/egress-internet.md')).toBe(1);
  });

  it('inbound: only the generic egress runbook scores less', () => {
    const factor = edgeDirectionFactor(input('从集群外访问 hostPort 8443 连不上'));
    expect(factor?.('pod-to-external/egress-internet.md')).toBe(0.7);
    expect(factor?.('kube-ovn/default-vpc-path.md')).toBe(1);
    expect(factor?.('pod-to-pod/same-node.md')).toBe(1);
  });

  it('leaves DNS reports and reports whose pods fail each other too', () => {
    expect(edgeDirectionFactor(input('pods cannot reach DNS or the internet'))).toBeNull();
    expect(
      edgeDirectionFactor(
        input('internet not working in pods', {
          focus: normalizeText(
            'internet not working in pods: wget says temporary failure in name resolution',
          ),
        }),
      ),
    ).toBeNull();
    expect(edgeDirectionFactor(input('pod 访问外网不通', { podsFailToo: true }))).toBeNull();
  });
});

describe('a report whose pods cannot reach the outside, on the bundled KB', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ edgeDirection: { lift: 1, demote: 1, inbound: 1 } }));
  });

  const report =
    'Keeping the pod IP as source for destinations outside the cluster? Pod traffic sent outside the cluster gets NATted to the node IP address. Can the original address the IPAM gave the pod be kept? Why does traffic leaving the cluster carry the node IP?';

  it('cites the egress runbook first where a Kube-OVN runbook the report never names came first', async () => {
    const before = await neutral.search(report);
    expect(before.hits[0]?.doc.path).toBe('kube-ovn/join-network-pod-to-node.md');
    const { hits } = await searcher.search(report);
    expect(hits[0]?.doc.path).toBe('pod-to-external/egress-internet.md');
  });
});
