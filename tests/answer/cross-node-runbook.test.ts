import { describe, expect, it } from 'vitest';
import { crossNodeCniRunbook, saysCrossNodeFails } from '../../src/answer/cross-node-runbook.js';
import type { FusedHit } from '../../src/retrieve/types.js';
import { checksWithCniRunbook, hitOn, ofDoc, runbook } from './runbook-checks.js';

const coredns = runbook('dns/coredns.md');
const nodeport = runbook('service/nodeport-loadbalancer.md');
const flannel = runbook('flannel/vxlan-host-gw.md');
const calico = runbook('calico/bgp-ipip.md');
const hostToPod = runbook('node-to-pod/host-to-pod-generic.md');
const tcpdump = runbook('diagnostics/tcpdump-capture.md');

const dnsHit = hitOn(coredns, '1. 检查 CoreDNS 与 kube-dns Service');
const nodeportHit = hitOn(nodeport, '1. 检查 Service 与端口分配');
const flannelHit = hitOn(flannel, '常见问题', 0.6);
const calicoHit = hitOn(calico, '常见问题', 0.6);
const hostToPodHit = hitOn(hostToPod, '常见问题');

const COREDNS_OTHER_NODE =
  'Why only start one coredns? I have two worker nodes and use flannel. If coredns is deployed on worker node2, ' +
  'busybox on worker node1 cannot resolve kubernetes addresses; pods on different nodes cannot communicate.';
const NODEPORT_OTHER_NODE_ZH = 'Calico 集群，NodePort 只有 pod 所在节点能访问，其他节点访问超时';

describe('saysCrossNodeFails', () => {
  it('reads a report saying traffic between nodes fails (EN and ZH)', () => {
    expect(saysCrossNodeFails(COREDNS_OTHER_NODE)).toBe(true);
    expect(saysCrossNodeFails(NODEPORT_OTHER_NODE_ZH)).toBe(true);
    expect(saysCrossNodeFails('cannot access nodeport service from non pod running node. Calico.')).toBe(
      true,
    );
  });

  it('is false for a report failing on every node or within one node', () => {
    expect(saysCrossNodeFails('CoreDNS pods crash with i/o timeout to 10.96.0.1:443 on every node')).toBe(
      false,
    );
    expect(saysCrossNodeFails('同一节点上的 pod 通过 Service 访问自己超时')).toBe(false);
  });
});

describe('crossNodeCniRunbook', () => {
  it("names the report CNI's runbook when a Service or DNS runbook leads a cross-node report", () => {
    expect(crossNodeCniRunbook([dnsHit, flannelHit], COREDNS_OTHER_NODE, 'flannel', ofDoc)).toBe(
      flannel.path,
    );
    expect(crossNodeCniRunbook([nodeportHit, calicoHit], NODEPORT_OTHER_NODE_ZH, 'calico', ofDoc)).toBe(
      calico.path,
    );
  });

  it('names none without the cross-node clause, a known CNI, its runbook, or a Service/DNS runbook leading', () => {
    const dnsOnly = 'DNS resolution with k3s is broken: nslookup kubernetes returns NXDOMAIN';
    expect(crossNodeCniRunbook([dnsHit, flannelHit], dnsOnly, 'flannel', ofDoc)).toBeUndefined();
    expect(crossNodeCniRunbook([dnsHit, flannelHit], COREDNS_OTHER_NODE, undefined, ofDoc)).toBeUndefined();
    expect(crossNodeCniRunbook([dnsHit, calicoHit], COREDNS_OTHER_NODE, 'flannel', ofDoc)).toBeUndefined();
    // The CNI's own runbook leads already; a path runbook leads with its own tunnel checks; a tool's is about the tool.
    expect(crossNodeCniRunbook([flannelHit, dnsHit], COREDNS_OTHER_NODE, 'flannel', ofDoc)).toBeUndefined();
    expect(
      crossNodeCniRunbook([hostToPodHit, flannelHit], COREDNS_OTHER_NODE, 'flannel', ofDoc),
    ).toBeUndefined();
    const toolHit: FusedHit = { ...hitOn(tcpdump, '概述'), score: 1 };
    expect(crossNodeCniRunbook([toolHit, flannelHit], COREDNS_OTHER_NODE, 'flannel', ofDoc)).toBeUndefined();
  });
});

describe("pickCommands with the report CNI's runbook of a cross-node report", () => {
  it("gives the check of the CNI runbook's row stating the contrast a place (flannel: UDP 8472)", () => {
    const hits = [dnsHit, flannelHit];
    const picked = checksWithCniRunbook(COREDNS_OTHER_NODE, hits, flannel.path).filter(
      (c) => c.source.path === flannel.path,
    );
    expect(picked.map((c) => c.command)).toEqual(['tcpdump -i <iface> -nn udp port 8472']);
  });

  it("gives the CNI runbook's best first check a place when no row of it states the contrast (Calico)", () => {
    const hits = [nodeportHit, calicoHit];
    const picked = checksWithCniRunbook(NODEPORT_OTHER_NODE_ZH, hits, calico.path);
    expect(picked.filter((c) => c.source.path === calico.path)).toHaveLength(1);
    expect(
      checksWithCniRunbook(NODEPORT_OTHER_NODE_ZH, hits).some((c) => c.source.path === calico.path),
    ).toBe(false);
  });
});
