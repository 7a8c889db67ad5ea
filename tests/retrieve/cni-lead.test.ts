import { describe, expect, it } from 'vitest';
import { genericBeforeUnshownCni, namesCniWord } from '../../src/retrieve/cni-lead.js';

interface Hit {
  doc: string;
  score: number;
}

const cniOfDoc = (doc: string) =>
  doc.startsWith('cilium/') ? 'cilium' : doc.startsWith('ovn-kubernetes/') ? 'ovn-kubernetes' : null;
const hits: Hit[] = [
  { doc: 'cilium/ebpf-datapath.md', score: 1 },
  { doc: 'service/clusterip-troubleshooting.md', score: 0.95 },
  { doc: 'dns/headless-service.md', score: 0.5 },
];
const base = {
  hits,
  docOf: (hit: Hit) => hit.doc,
  scoreOf: (hit: Hit) => hit.score,
  cniOfDoc,
  cniShown: false,
  longReport: true,
  withinDocs: 2,
  minShare: 0.9,
};
const order = (result: Hit[]) => result.map((hit) => hit.doc);

describe('genericBeforeUnshownCni', () => {
  it('puts a close generic runbook first when the report shows no CNI', () => {
    const report = "awx endpoint doesn't get an IP: `kubectl get endpoints awx` shows <none>";
    expect(order(genericBeforeUnshownCni({ ...base, report }))).toEqual([
      'service/clusterip-troubleshooting.md',
      'cilium/ebpf-datapath.md',
      'dns/headless-service.md',
    ]);
  });

  it('keeps the CNI runbook first when the report names the CNI or shows it', () => {
    expect(
      order(
        genericBeforeUnshownCni({ ...base, report: 'cilium endpoint list 里 endpoint 状态是 not-ready' }),
      )[0],
    ).toBe('cilium/ebpf-datapath.md');
    expect(
      order(genericBeforeUnshownCni({ ...base, cniShown: true, report: '节点上 endpoint 不健康' }))[0],
    ).toBe('cilium/ebpf-datapath.md');
  });

  it('keeps the order for short questions and for a generic runbook far behind', () => {
    expect(
      order(genericBeforeUnshownCni({ ...base, longReport: false, report: 'endpoint 没有 IP' }))[0],
    ).toBe('cilium/ebpf-datapath.md');
    const far = [hits[0] as Hit, { doc: 'service/clusterip-troubleshooting.md', score: 0.6 }];
    expect(order(genericBeforeUnshownCni({ ...base, hits: far, report: 'the endpoint has no IP' }))[0]).toBe(
      'cilium/ebpf-datapath.md',
    );
  });
});

describe('namesCniWord', () => {
  it('reads a word of the CNI name, not "kube"', () => {
    expect(
      namesCniWord('OVN manual installation: the service network is not reachable', 'ovn-kubernetes'),
    ).toBe(true);
    expect(namesCniWord('安装 OVN 之后 pod 不通', 'kube-ovn')).toBe(true);
    expect(namesCniWord('kubernetes service has no endpoints', 'ovn-kubernetes')).toBe(false);
    expect(namesCniWord('kube-proxy 规则没有生成', 'kube-ovn')).toBe(false);
  });
});
