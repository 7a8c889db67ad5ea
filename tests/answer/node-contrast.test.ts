import { describe, expect, it } from 'vitest';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { sameNodeWorksOtherFails } from '../../src/answer/node-contrast.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { hitOn, runbook } from './runbook-checks.js';

/** The glossary's topology and node groups, as the glossary's concepts function names them. */
const topology = (text: string) => [
  ...(/same node|同节点|同一节点/i.test(text) ? ['g-same'] : []),
  ...(/other nodes?|different nodes?|跨节点|其他节点/i.test(text) ? ['g-cross'] : []),
  ...(/node|节点/i.test(text) ? ['g-node'] : []),
  ...(/pod/i.test(text) ? ['g-pod'] : []),
];

describe('sameNodeWorksOtherFails', () => {
  it('reads a report saying it works on the same node and fails across nodes (EN and ZH)', () => {
    expect(
      sameNodeWorksOtherFails(
        'From what I can tell, it works for pods that run on the same node as the coredns pod, but not for pods on other nodes.',
      ),
    ).toBe(true);
    expect(sameNodeWorksOtherFails('It only works on the same node, other nodes time out')).toBe(true);
    expect(
      sameNodeWorksOtherFails(
        'Requests to a cluster IP service only get to the pod when it is on the same node, otherwise they timeout.',
      ),
    ).toBe(true);
    expect(sameNodeWorksOtherFails('flannel 集群同节点可以 跨节点不行')).toBe(true);
    expect(sameNodeWorksOtherFails('NodePort 只有pod 所在的物理机节点能通，其他节点不通。')).toBe(true);
    expect(sameNodeWorksOtherFails('只有本节点能访问，其他节点 curl 超时')).toBe(true);
  });

  it('reads the runbook rows stating that contrast', () => {
    expect(sameNodeWorksOtherFails('同节点通、跨节点全部不通，物理网卡上看不到 8472 回包')).toBe(true);
    expect(sameNodeWorksOtherFails('节点访问其他节点上的 Pod 超时，本节点 Pod 正常')).toBe(true);
    expect(sameNodeWorksOtherFails('访问本节点正常、访问其他节点 IP 超时')).toBe(true);
  });

  it('is false for the reverse contrast, for one side only, and for a failing node', () => {
    expect(
      sameNodeWorksOtherFails("Pods can't communicate on the same node, but can on different nodes."),
    ).toBe(false);
    expect(sameNodeWorksOtherFails('同节点 Pod 经 Service 访问另一个 Pod 超时，跨节点正常')).toBe(false);
    expect(sameNodeWorksOtherFails('pods on different nodes cannot ping each other')).toBe(false);
    expect(sameNodeWorksOtherFails('两个 pod 在同一节点上，互相 ping 不通')).toBe(false);
    expect(sameNodeWorksOtherFails('某节点上所有 Pod 探针失败，其他节点正常')).toBe(false);
  });
});

describe('a report stating the same-node / cross-node contrast', () => {
  const flannel = runbook('flannel/vxlan-host-gw.md');
  const hits = [hitOn(flannel, '1. 确认 flannel 组件与子网分配'), hitOn(flannel, '常见问题', 0.95)];
  const CONTRAST_ROW = '同节点通、跨节点全部不通，物理网卡上看不到 8472 回包';
  const answer = (report: string) => {
    const rows = likelyCauses(report, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses, topology);
    const checks = pickCommands(report, hits, rows, DEFAULT_COMPOSE_OPTIONS, topology)
      .filter((c) => c.safety === 'read-only')
      .slice(0, 6)
      .map((c) => c.command);
    return { first: rows[0]?.row.symptom, checks };
  };

  it("ranks the row stating it first and brings its tunnel check among the answer's (EN and ZH)", () => {
    const english = answer(
      'flannel DNS fails from worker node pods. It works for pods that run on the same node as the coredns pod, ' +
        'but not for pods on other nodes. Static address 192.168.0.11/24, gateway 192.168.0.1.',
    );
    expect(english.first).toBe(CONTRAST_ROW);
    expect(english.checks).toContain('tcpdump -i <iface> -nn udp port 8472');
    const chinese = answer('flannel 集群，只有同一节点上的 pod 能互相访问，其他节点的 pod 全部超时');
    expect(chinese.first).toBe(CONTRAST_ROW);
    expect(chinese.checks).toContain('tcpdump -i <iface> -nn udp port 8472');
  });

  it('keeps the tunnel check when the report found another mode a workaround', () => {
    const workaround = answer(
      'k3s on Fedora 33 fail DNS from worker node pod. From what I can tell, it works for pods that run on the same ' +
        'node as the coredns pod, but not for pods on other nodes. Running k3s with --flannel-backend=host-gw solves ' +
        'that problem. Static address 192.168.0.11/24, gateway 192.168.0.1.',
    );
    expect(workaround.first).toBe(CONTRAST_ROW);
    expect(workaround.checks).toContain('tcpdump -i <iface> -nn udp port 8472');
  });

  it('leaves the rows alone when the report states no such contrast', () => {
    const plain = answer('flannel 集群跨节点 pod 之间时通时不通，cni0 和子网看着都正常');
    expect(plain.first).not.toBe(CONTRAST_ROW);
  });
});
