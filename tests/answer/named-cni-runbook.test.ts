import { describe, expect, it } from 'vitest';
import { namedCniRunbook } from '../../src/answer/named-cni-runbook.js';
import type { FusedHit } from '../../src/retrieve/types.js';
import { checksWithCniRunbook, hitOn, ofDoc, runbook } from './runbook-checks.js';

const coredns = runbook('dns/coredns.md');
const nodeport = runbook('service/nodeport-loadbalancer.md');
const cilium = runbook('cilium/ebpf-datapath.md');
const calico = runbook('calico/bgp-ipip.md');
const trace = runbook('diagnostics/kubectl-ko-trace.md');
const sameNode = runbook('pod-to-pod/same-node.md');
const hostToPod = runbook('node-to-pod/host-to-pod-generic.md');
const flannel = runbook('flannel/vxlan-host-gw.md');

const dnsHit = hitOn(coredns, '1. 检查 CoreDNS 与 kube-dns Service');
const ciliumHit = hitOn(cilium, '1. 整体健康状态', 0.7);
const calicoHit = hitOn(calico, '常见问题', 0.6);

describe('namedCniRunbook', () => {
  it("names the CNI's architecture runbook when a runbook about no CNI leads", () => {
    expect(namedCniRunbook([dnsHit, calicoHit, ciliumHit], 'cilium', ofDoc)).toBe('cilium/ebpf-datapath.md');
  });

  it('names no runbook of one path of a CNI, nor one when a CNI or a tool leads', () => {
    // Calico's BGP/IPIP runbook is about traffic between nodes, not a DNS report in a Calico cluster.
    expect(namedCniRunbook([dnsHit, calicoHit, ciliumHit], 'calico', ofDoc)).toBeUndefined();
    // The CNI's own runbook leads: its checks are the answer's already.
    expect(namedCniRunbook([ciliumHit, dnsHit], 'cilium', ofDoc)).toBeUndefined();
    // A tool's runbook leads: the question asks about the tool.
    const traceHit: FusedHit = { ...hitOn(trace, '概述'), score: 1 };
    expect(namedCniRunbook([traceHit, ciliumHit], 'cilium', ofDoc)).toBeUndefined();
    // The named CNI has no runbook among the hits.
    expect(namedCniRunbook([dnsHit, calicoHit], 'cilium', ofDoc)).toBeUndefined();
  });

  it("names the CNI's runbook of the leading runbook's path: pod to pod, on one node or across nodes", () => {
    // "when the network interface bound to flannel disappears and resumes, ..." led by the same-node runbook.
    const flannelHit = hitOn(flannel, '概述', 0.97);
    expect(namedCniRunbook([hitOn(sameNode, '概述'), flannelHit], 'flannel', ofDoc)).toBe(flannel.path);
    // "Host reboot, connectivity lost ... calico": the same, for Calico's BGP/IPIP runbook.
    expect(namedCniRunbook([hitOn(sameNode, '概述'), calicoHit], 'calico', ofDoc)).toBe(calico.path);
  });

  it('names no runbook of another path than the leading one', () => {
    // A node-to-pod report (probes, curl from the node) in a Flannel cluster: Flannel's runbook is about pod to pod.
    const flannelHit = hitOn(flannel, '概述', 0.9);
    expect(namedCniRunbook([hitOn(hostToPod, '概述'), flannelHit], 'flannel', ofDoc)).toBeUndefined();
    // Nor in a DNS report.
    expect(namedCniRunbook([dnsHit, flannelHit], 'flannel', ofDoc)).toBeUndefined();
  });
});

describe("pickCommands with the named CNI's runbook", () => {
  it("gives the CNI's check of its datapath a place in a DNS report (English)", () => {
    const report =
      'CoreDNS service is not reachable from within the cluster. A new k3s cluster was deployed on-prem with ' +
      'Cilium CNI; after cilium was deployed the CoreDNS service was not reachable from other pods.';
    const hits = [dnsHit, ciliumHit];
    const without = checksWithCniRunbook(report, hits);
    expect(without.some((c) => c.source.path === cilium.path)).toBe(false);
    const withCni = checksWithCniRunbook(report, hits, cilium.path);
    expect(withCni.filter((c) => c.source.path === cilium.path).map((c) => c.command)).toEqual([
      'cilium status --wait',
    ]);
    expect(withCni).toHaveLength(without.length);
  });

  it('does so in a NodePort report too (Chinese)', () => {
    const report = 'kind 集群用 cilium 替代 kube-proxy 之后，NodePort 服务从节点 IP 访问不通';
    const hits = [hitOn(nodeport, '常见问题'), ciliumHit];
    const picked = checksWithCniRunbook(report, hits, cilium.path).filter(
      (c) => c.source.path === cilium.path,
    );
    expect(picked).toHaveLength(1);
  });

  it("gives Flannel's check a place in a pod-to-pod report led by the same-node runbook", () => {
    const report =
      'when the network interface bound to flannel disappears and resumes, the bridge of flannel will not be ' +
      'recovered and pods cannot reach each other';
    const hits = [hitOn(sameNode, '概述'), hitOn(flannel, '概述', 0.97)];
    const picked = checksWithCniRunbook(report, hits, flannel.path).filter(
      (c) => c.source.path === flannel.path,
    );
    expect(picked).toHaveLength(1);
  });
});
