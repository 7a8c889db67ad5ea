import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainedShare, pickCommands, routingInDoubt, variantKey } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { checkTerms, likelyCauses, termsWithConcepts } from '../../src/answer/rank-rows.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit } from '../../src/retrieve/types.js';

// Real runbooks of the bundled KB, parsed as ingest parses them.
const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

function hitOn(doc: DocRecord, heading: string, score = 1): FusedHit {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === heading);
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  return { chunk, doc, score, via: ['lexical'], matchedTriggers: [] };
}

/** Every command picked (checks and fixes), as `path: command`. */
function picked(question: string, hits: FusedHit[]): string[] {
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS).map(
    (c) => `${c.source.path}: ${c.command}`,
  );
}

function diagnostics(question: string, hit: FusedHit): string[] {
  const hits = [hit];
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS)
    .filter((c) => c.safety === 'read-only')
    .map((c) => c.command);
}

describe('variantKey', () => {
  it('names the same check on another target alike', () => {
    const tcp = variantKey('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>');
    expect(tcp).toBe('kubectl ko trace tcp');
    expect(variantKey('kubectl ko trace <namespace>/<pod> <cluster-ip> tcp <port>')).toBe(tcp);
    expect(variantKey('kubectl ko trace node//<node-name> <pod-ip> tcp <port>')).toBe(tcp);
    expect(variantKey('ip route get <pod-ip>')).toBe(variantKey('ip route get <target-ip>'));
    // The wrapped command of `kubectl exec … --` is what runs.
    expect(
      variantKey('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local'),
    ).toBe('nslookup kubernetes.default.svc.cluster.local');
  });

  it('tells different checks apart', () => {
    expect(variantKey('kubectl ko trace <namespace>/<pod> <target-ip> icmp')).not.toBe(
      variantKey('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>'),
    );
    expect(variantKey('kubectl ko nbctl lr-policy-list ovn-cluster')).not.toBe(
      variantKey('kubectl ko nbctl lr-route-list ovn-cluster'),
    );
    expect(variantKey('ip route get <target-ip> from <pod-ip> iif ovn0')).not.toBe(
      variantKey('ip route get <target-ip>'),
    );
    expect(variantKey('iptables -S FORWARD')).not.toBe(variantKey('iptables -S OUTPUT'));
  });

  it('gives no key when too little is left to call two commands one check', () => {
    expect(
      variantKey('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/'),
    ).toBeUndefined();
    expect(variantKey('conntrack -L -d <target-ip>')).toBeUndefined();
  });
});

describe('pickCommands', () => {
  it('ranks a variant of a check already chosen after checks of other kinds', () => {
    const trace = runbook('diagnostics/kubectl-ko-trace.md');
    const picked = diagnostics(
      'kube-ovn 的 pod 访问另一个 pod 的 tcp 端口超时，用 kubectl ko trace 模拟',
      hitOn(trace, '1. Kube-OVN：kubectl ko trace'),
    );
    expect(picked[0]).toBe('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>');
    // Not three TCP traces to three targets first: the ICMP and ARP traces test other things.
    const firstThree = picked.slice(0, 3).map((command) => variantKey(command));
    expect(firstThree.filter((key) => key === 'kubectl ko trace tcp')).toHaveLength(1);
    expect(picked).toContain('kubectl ko trace <namespace>/<pod> <target-ip> icmp');
  });

  it("keeps the runbook's other checks of a stated cause when the one its row names scores far above them", () => {
    const vpc = runbook('kube-ovn/default-vpc-path.md');
    const question = 'kube-ovn 集群里 pod 出不了外网，节点本身能上网，出口网卡上抓包看到源地址是 pod ip';
    const picked = diagnostics(
      question,
      hitOn(vpc, '3. 检查出口节点内核（分布式为 Pod 所在节点，集中式为网关节点）'),
    );
    // The row "节点能上网，Pod 不能；出口网卡抓到源地址是 Pod IP" names the SNAT check: it comes first.
    expect(picked[0]).toBe('iptables -t nat -L OVN-POSTROUTING -nv');
    // Far under it, but not under the runner-up: the policy route a node's pods leave by (29000).
    expect(picked).toContain('kubectl ko nbctl lr-policy-list ovn-cluster | grep 29000');
    expect(picked).toHaveLength(DEFAULT_COMPOSE_OPTIONS.maxDiagnose);
  });

  it("leaves out another runbook's check that scores far under the best one, and keeps one that comes close", () => {
    const probe = runbook('node-to-pod/host-to-pod-generic.md');
    const service = runbook('service/clusterip-troubleshooting.md');
    // A probe refused by the pod itself: the Service runbook's row "访问 ClusterIP 立即 connection refused" shares
    // words with it, but its check (the Service's endpoints) is not about a probe, which goes to the pod directly.
    const refused = picked(
      'kubelet 的存活探针一直报 connect: connection refused，pod 里的进程明明在跑，是网络的问题吗',
      [hitOn(probe, '1. 读懂探针报错与 Pod 状态'), hitOn(service, '常见问题', 0.85)],
    );
    expect(refused.length).toBeGreaterThanOrEqual(DEFAULT_COMPOSE_OPTIONS.minCommands);
    expect(refused.every((line) => line.startsWith(`${probe.path}: `))).toBe(true);
    expect(refused).toContain(`${probe.path}: kubectl exec -n <namespace> <pod> -- ss -lntp`);

    // A pod calling its own Service: the same-node runbook's hairpin check is as much to the point as the top one's.
    const sameNode = runbook('pod-to-pod/same-node.md');
    const hairpin = picked(
      'A pod times out when it calls its own Service; other pods reach the Service fine. Is hairpin mode off on the bridge?',
      [hitOn(service, '5. Hairpin 与 Service CIDR'), hitOn(sameNode, '常见问题', 0.85)],
    );
    expect(hairpin[0]).toBe(`${service.path}: grep -H . /sys/class/net/cni0/brif/*/hairpin_mode`);
    expect(hairpin).toContain(`${sameNode.path}: bridge -d link show`);
  });

  it('offers a fix only for a cause the runbook states, not for a row that shares a word or two', () => {
    const flannel = runbook('flannel/vxlan-host-gw.md');
    const table = hitOn(flannel, '常见问题');
    const fixes = (question: string) => {
      const rows = likelyCauses(question, [table], DEFAULT_COMPOSE_OPTIONS.maxCauses);
      return pickCommands(question, [table], rows, DEFAULT_COMPOSE_OPTIONS)
        .filter((c) => c.safety !== 'read-only')
        .map((c) => `${c.source.path}: ${c.command}`);
    };
    // The row "Pod 创建失败 cni0 already has an IP address different from" is what the report says: its fix applies.
    expect(
      fixes(
        '新建的 pod 一直 ContainerCreating，事件里报 failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24',
      ),
    ).toEqual([`${flannel.path}: ip link delete cni0`]);
    expect(
      fixes(
        'Pods stuck in ContainerCreating: failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24',
      ),
    ).toEqual([`${flannel.path}: ip link delete cni0`]);
    // Cross-node pings failing with nothing seen on cni0 share "cni0" (and little else) with that row: deleting the
    // bridge is no fix for them.
    expect(fixes('flannel 跨节点的 pod 互相 ping 不通，在 cni0 上抓不到对端的包')).toEqual([]);
    expect(fixes("flannel: pods on two nodes can't ping each other, tcpdump on cni0 shows nothing")).toEqual(
      [],
    );
  });
});

describe('routing in doubt', () => {
  const flannel = runbook('flannel/vxlan-host-gw.md');
  const sameNode = runbook('pod-to-pod/same-node.md');
  const flannelTerms = new Set(
    flannel.chunks.flatMap((c) => [
      ...termsWithConcepts(`${c.headingPath.join(' ')} ${c.text}`, undefined).keys(),
    ]),
  );
  const short =
    'Pods stuck in ContainerCreating: failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';
  // The same failure in a longer report: most of its words (the reset, the versions) are in no runbook.
  const long =
    'Pods stuck in ContainerCreating after I reset the worker with kubeadm reset and joined it again to the cluster (Ubuntu 20.04, Kubernetes 1.18.6, docker 19.03): failed to set bridge addr: "cni0" already has an IP address different from 10.244.2.1/24';

  it("measures the share of the question's weighted terms a runbook's text holds", () => {
    expect(explainedShare(checkTerms(short), flannelTerms)).toBeGreaterThanOrEqual(0.55);
    expect(explainedShare(checkTerms(long), flannelTerms)).toBeLessThan(0.55);
    expect(explainedShare([], flannelTerms)).toBe(1);
    expect(
      explainedShare(
        [
          ['cni0', 2],
          ['kubeadm', 3],
        ],
        new Set(['cni0']),
      ),
    ).toBeCloseTo(0.4);
  });

  it('is in doubt only with a close runner-up and a top runbook explaining little of the question', () => {
    expect(routingInDoubt(0.65, 0.4)).toBe(true);
    expect(routingInDoubt(0.6, 0.54)).toBe(true);
    expect(routingInDoubt(0.5, 0.4)).toBe(false);
    expect(routingInDoubt(0.95, 0.55)).toBe(false);
  });

  it('leaves out the fix of a runbook that may be the wrong one', () => {
    const table = hitOn(flannel, '常见问题');
    const fixes = (question: string, runnerUpScore: number) =>
      picked(question, [
        table,
        hitOn(sameNode, '1. 确认两个 Pod 在同一节点并看清地址', runnerUpScore),
      ]).filter((c) => c.endsWith('ip link delete cni0'));
    // A runner-up at 0.65 of the top hit, under 0.9: not contested, so the short report keeps the row's fix.
    expect(fixes(short, 0.65)).toEqual([`${flannel.path}: ip link delete cni0`]);
    // The long report with no close runner-up keeps it too.
    expect(fixes(long, 0.5)).toEqual([`${flannel.path}: ip link delete cni0`]);
    // Both: which runbook fits is in doubt, and deleting the bridge is left out.
    expect(fixes(long, 0.65)).toEqual([]);
  });
});
