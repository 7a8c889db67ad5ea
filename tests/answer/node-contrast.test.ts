import { describe, expect, it } from 'vitest';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { crossNodeFails, sameNodeFails, sameNodeWorksOtherFails } from '../../src/answer/node-contrast.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { hitOn, runbook } from './runbook-checks.js';

/** The glossary's topology and node groups, as the glossary's concepts function names them. */
const topology = (text: string) => [
  ...(/same node|同节点|同一节点/i.test(text) ? ['g-same'] : []),
  ...(/other nodes?|different nodes?|跨节点|其他节点/i.test(text) ? ['g-cross'] : []),
  ...(/node|节点/i.test(text) ? ['g-node'] : []),
  ...(/pod/i.test(text) ? ['g-pod'] : []),
];

/** The likely-cause rows a report gets from `hits`, and its read-only checks in order. */
const answerOn = (hits: Parameters<typeof likelyCauses>[1]) => (report: string) => {
  const rows = likelyCauses(report, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses, topology);
  const checks = pickCommands(report, hits, rows, DEFAULT_COMPOSE_OPTIONS, topology)
    .filter((c) => c.safety === 'read-only')
    .map((c) => c.command);
  return { rows: rows.map((r) => r.row.symptom), checks };
};

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

  it('reads the node the backend runs on against the master or every other node (EN and ZH)', () => {
    expect(
      sameNodeWorksOtherFails(
        'Running curl "localhost:30634" on the nodeport on the master times out, while on the node the pod runs on curl "localhost:30634" works correctly.',
      ),
    ).toBe(true);
    expect(
      sameNodeWorksOtherFails(
        "Pods responding just on the node they are running in. I can't target every node on the nodeport.",
      ),
    ).toBe(true);
    expect(
      sameNodeWorksOtherFails(
        'ping 192.168.155.193 from the master gives 100% packet loss; on the node itself it answers.',
      ),
    ).toBe(true);
    expect(
      sameNodeWorksOtherFails(
        'The NodePort service only answers on the node where its pod runs, not on all the other nodes.',
      ),
    ).toBe(true);
    expect(sameNodeWorksOtherFails('在 pod 所在节点 curl NodePort 正常，在主节点 curl 超时')).toBe(true);
    expect(sameNodeWorksOtherFails('本节点访问 NodePort 可以，其余节点访问不通')).toBe(true);
  });

  it('is false when the master or every node is named on one side only', () => {
    expect(sameNodeWorksOtherFails('curl to the NodePort times out on the master and on every node')).toBe(
      false,
    );
    expect(sameNodeWorksOtherFails('The master node cannot reach pods, the workers answer fine')).toBe(false);
    expect(sameNodeWorksOtherFails('主节点上的 pod 无法访问外网')).toBe(false);
    expect(sameNodeWorksOtherFails('所有节点都能访问 NodePort，只有 LoadBalancer IP 超时')).toBe(false);
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

describe('sameNodeFails', () => {
  it('reads a report saying traffic within one node fails (EN and ZH)', () => {
    expect(
      sameNodeFails('DNS resolution failed when there is app Pod and the coredns Pod on the same node'),
    ).toBe(true);
    expect(
      sameNodeFails('one pod cannot access clusterIP of another pod that running on the same node.'),
    ).toBe(true);
    expect(sameNodeFails("Pods can't communicate on the same node, but can on different nodes.")).toBe(true);
    expect(sameNodeFails('同一節點 pod 直連 IP 正常，走 service 到同節點的後端就超時')).toBe(true);
  });

  it('reads the runbook rows stating it', () => {
    expect(sameNodeFails('同节点 Pod 经 Service 访问另一个 Pod 超时，跨节点正常')).toBe(true);
    expect(sameNodeFails('同节点直连 Pod IP 通，经 Service 访问同节点后端超时')).toBe(true);
    expect(sameNodeFails('同节点通、跨节点全部不通，物理网卡上看不到 8472 回包')).toBe(false);
  });

  it('is false when traffic across nodes fails too, or only works on the same node', () => {
    expect(sameNodeFails('It only works on the same node, other nodes time out')).toBe(false);
    expect(sameNodeFails('pods cannot reach pods on the same node nor on other nodes, all time out')).toBe(
      false,
    );
    expect(sameNodeFails('同节点 pod 不通，跨节点也不通')).toBe(false);
    expect(sameNodeFails('pods on different nodes cannot ping each other')).toBe(false);
  });
});

describe('crossNodeFails', () => {
  it('reads a report saying traffic between nodes fails outright (EN and ZH)', () => {
    expect(crossNodeFails('Cross-Node Pod to Pod Communication failing. RKE2 v1.31.9, 3 nodes')).toBe(true);
    expect(crossNodeFails('pods on different nodes cannot ping each other')).toBe(true);
    expect(crossNodeFails('Networking issue: traffic between nodes times out')).toBe(true);
    expect(crossNodeFails('集群跨节点 pod 之间全部不通')).toBe(true);
    expect(crossNodeFails('新增节点上的 pod 访问其他节点的 pod 超时')).toBe(true);
    expect(crossNodeFails('no networking between pods on separate physical servers')).toBe(true);
    expect(crossNodeFails('两台不同机器上的 pod 之间 ping 不通')).toBe(true);
  });

  it('reads a node named as one not running the backend pod as the other side (EN and ZH)', () => {
    expect(crossNodeFails('cannot access nodeport service from non pod running node')).toBe(true);
    expect(crossNodeFails('The NodePort times out on nodes without the pod')).toBe(true);
    expect(crossNodeFails('a node that does not run the pod cannot reach the service')).toBe(true);
    expect(crossNodeFails('从没有 pod 的节点访问 NodePort 超时')).toBe(true);
    expect(crossNodeFails('pod 不在的节点上访问 svc 不通')).toBe(true);
    // Saying nothing fails there, or that the node runs the pod, is not that contrast.
    expect(crossNodeFails('nodes without the pod answer the NodePort fine')).toBe(false);
    expect(crossNodeFails('the node running the pod times out on its own NodePort')).toBe(false);
    expect(crossNodeFails('没有 pod 的节点访问 NodePort 正常')).toBe(false);
  });

  it('reads the full contrast too, whose working side it does not need', () => {
    expect(crossNodeFails('It works on the same node, but pods on other nodes time out')).toBe(true);
  });

  it('is false when traffic within one node fails too, or only now and then', () => {
    expect(crossNodeFails('pods cannot reach pods on the same node nor on other nodes, all time out')).toBe(
      false,
    );
    expect(crossNodeFails('同节点 pod 不通，跨节点也不通')).toBe(false);
    expect(crossNodeFails('pods on different nodes intermittently fail to connect')).toBe(false);
    expect(crossNodeFails('flannel 集群跨节点 pod 之间时通时不通')).toBe(false);
  });

  it('is false when only the master or every node is named, or nothing fails', () => {
    expect(crossNodeFails('NodePort 服务在主节点 curl 超时')).toBe(false);
    expect(crossNodeFails('curl on every node times out')).toBe(false);
    expect(crossNodeFails('pods on different nodes can ping each other')).toBe(false);
    expect(crossNodeFails('跨节点 pod 访问正常')).toBe(false);
  });
});

describe('a report saying traffic within one node fails', () => {
  const clusterIp = runbook('service/clusterip-troubleshooting.md');
  const sameNode = runbook('pod-to-pod/same-node.md');
  // The Service runbook leads such a report; the same-node runbook, whose row states it, scores well under it.
  const hits = [
    hitOn(clusterIp, '常见问题'),
    hitOn(clusterIp, '4. 在客户端所在节点检查规则', 0.83),
    hitOn(sameNode, '常见问题', 0.63),
  ];
  const answer = answerOn(hits);

  it("brings the second runbook's row stating it and its bridge netfilter check (EN and ZH)", () => {
    const english = answer(
      'one pod cannot access clusterIP of another pod that running on the same node. tcpdump on cni0 shows only SYN retries.',
    );
    expect(english.rows).toContain('同节点直连 Pod IP 通，经 Service 访问同节点后端超时');
    expect(english.checks).toContain('sysctl net.bridge.bridge-nf-call-iptables');
    const chinese = answer('同一节点上的 pod 通过 ClusterIP 访问本节点的后端超时');
    expect(chinese.checks).toContain('sysctl net.bridge.bridge-nf-call-iptables');
  });

  it('leaves the answer to the Service runbook when the report states no node at all', () => {
    const plain = answer(
      'one pod cannot access the clusterIP of another pod. tcpdump on cni0 shows only SYN retries.',
    );
    expect(plain.checks).not.toContain('sysctl net.bridge.bridge-nf-call-iptables');
  });
});

describe('a report stating the same-node / cross-node contrast', () => {
  const flannel = runbook('flannel/vxlan-host-gw.md');
  const hits = [hitOn(flannel, '1. 确认 flannel 组件与子网分配'), hitOn(flannel, '常见问题', 0.95)];
  const CONTRAST_ROW = '同节点通、跨节点全部不通，物理网卡上看不到 8472 回包';
  const answer = (report: string) => {
    const { rows, checks } = answerOn(hits)(report);
    return { first: rows[0], checks: checks.slice(0, 6) };
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

  it("brings the NodePort row's rule check when only the backend's node answers", () => {
    const nodePort = runbook('service/nodeport-loadbalancer.md');
    const nodeHits = [hitOn(nodePort, '1. 检查 Service 与端口分配'), hitOn(nodePort, '常见问题', 0.95)];
    const NODE_ROW = 'NodePort 只有后端所在节点能访问，其他节点访问超时';
    const rowsOf = (report: string) =>
      likelyCauses(report, nodeHits, DEFAULT_COMPOSE_OPTIONS.maxCauses, topology).map((r) => r.row.symptom);
    expect(
      rowsOf(
        'Unable to reach the node port, services time out. curl localhost:30634 on the master times out, while on ' +
          'the node the pod runs on curl localhost:30634 works correctly.',
      )[0],
    ).toBe(NODE_ROW);
    expect(rowsOf('NodePort 服务：在 pod 所在节点 curl 正常，在主节点 curl 超时')[0]).toBe(NODE_ROW);
    expect(rowsOf('NodePort 服务在主节点 curl 超时')[0]).not.toBe(NODE_ROW);
  });

  it('ranks that row first for a report saying only that traffic between nodes fails (EN and ZH)', () => {
    const english = answer(
      'Pod networking broken: pods cannot ping pods on other nodes. RKE2 with flannel vxlan, 3 nodes.',
    );
    expect(english.first).toBe(CONTRAST_ROW);
    expect(english.checks).toContain('tcpdump -i <iface> -nn udp port 8472');
    const chinese = answer('flannel 集群新加的节点上，pod 访问其他节点的 pod 全部超时');
    expect(chinese.first).toBe(CONTRAST_ROW);
  });

  it('ranks that row for a report sharing no word with it but the contrast', () => {
    const rows = likelyCauses(
      'no networking between pods on separate physical servers',
      hits,
      DEFAULT_COMPOSE_OPTIONS.maxCauses,
      () => [],
    );
    expect(rows.map((r) => r.row.symptom)).toContain(CONTRAST_ROW);
  });

  it('leaves the rows alone when the report states no such contrast', () => {
    const plain = answer('flannel 集群跨节点 pod 之间时通时不通，cni0 和子网看着都正常');
    expect(plain.first).not.toBe(CONTRAST_ROW);
  });
});

describe('a report saying a pod reaches itself through its own Service', () => {
  const clusterIp = runbook('service/clusterip-troubleshooting.md');
  const hits = [hitOn(clusterIp, '常见问题'), hitOn(clusterIp, '4. 在客户端所在节点检查规则', 0.83)];
  const SELF_ROW = 'Pod 通过自己的 Service 访问自己超时';
  const answer = answerOn(hits);

  it('ranks the row stating that premise among the causes and brings its hairpin check (EN and ZH)', () => {
    const english = answer(
      '[oc cluster up] Unable to connect to a clusterIP service from the pod backing the service. ' +
        'curl -v cakephp-mysql-persistent:8080 from inside the pod hangs; other pods reach the service fine.',
    );
    expect(english.rows).toContain(SELF_ROW);
    expect(english.checks).toContain('grep -H . /sys/class/net/cni0/brif/*/hairpin_mode');
    const chinese = answer('应用调自己的 svc 地址（回环访问自己）超时，调别的 svc 没事');
    expect(chinese.rows).toContain(SELF_ROW);
  });

  it('leaves that row out for a report whose client is another pod', () => {
    const other = answer(
      'Each member is a Deployment with its own Service, and the client pod cannot connect to mongodb-0-service:27017.',
    );
    expect(other.checks).not.toContain('grep -H . /sys/class/net/cni0/brif/*/hairpin_mode');
  });
});
