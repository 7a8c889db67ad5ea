/**
 * A report shows its cluster's CNI when it carries an identifier only that CNI's runbooks run, even without its
 * name (src/retrieve/cni-evidence.ts).
 */
import { describe, expect, it } from 'vitest';
import { cniEvidence, evidencedCnis, identifiersOf } from '../../src/retrieve/cni-evidence.js';

const RUNBOOKS = [
  {
    path: 'kube-ovn/join-network-pod-to-node.md',
    commands: [
      'kubectl get subnet ovn-default -o yaml',
      'ip addr show ovn0',
      'kubectl -n kube-system logs deploy/kube-ovn-controller',
    ],
  },
  {
    path: 'kube-ovn/geneve-cross-node.md',
    commands: ['kubectl ko vsctl node1 show', 'ovs-vsctl list-ports br-int', 'ip -d link show eth0'],
  },
  {
    path: 'calico/bgp-ipip.md',
    commands: [
      'birdcl -s /var/run/calico/bird.ctl show protocols',
      'ip -d link show tunl0',
      'ip -d link show eth0',
    ],
  },
  {
    path: 'service/clusterip-troubleshooting.md',
    commands: ['kubectl -n kube-system get pods -l k8s-app=kube-proxy', 'ip -d link show eth0'],
  },
  {
    path: 'network-policy/networkpolicy-debug.md',
    commands: ['kubectl -n kube-system get pods -l k8s-app=kube-proxy'],
  },
];
const cniOfDoc = (docPath: string) => {
  const dir = docPath.split('/')[0] ?? '';
  return dir === 'kube-ovn' || dir === 'calico' ? dir : null;
};

describe('identifiersOf', () => {
  it('reads joined words and interface names, not plain words', () => {
    expect([...identifiersOf('ip addr show ovn0; kubectl get subnet ovn-default; bird.ctl')].sort()).toEqual([
      'bird.ctl',
      'ovn-default',
      'ovn0',
    ]);
    expect([...identifiersOf('504 Gateway Time-out 网关超时，子网 subnet 不通')]).toEqual(['time-out']);
  });
});

describe('cniEvidence', () => {
  const evidence = cniEvidence(RUNBOOKS, cniOfDoc, 0);

  it("keeps the identifiers only one CNI's runbooks run", () => {
    expect(evidence.get('ovn-default')).toBe('kube-ovn');
    expect(evidence.get('br-int')).toBe('kube-ovn');
    expect(evidence.get('tunl0')).toBe('calico');
    expect(evidence.get('bird.ctl')).toBe('calico');
  });

  it('drops what several CNIs or generic runbooks run', () => {
    // eth0: every runbook; kube-system: a generic runbook runs it too.
    expect(evidence.has('eth0')).toBe(false);
    expect(evidence.has('kube-system')).toBe(false);
    expect(evidence.has('kube-proxy')).toBe(false);
  });

  it('lets a few generic runbooks run a CNI identifier as an aside', () => {
    const aside = [
      ...RUNBOOKS,
      { path: 'diagnostics/tcpdump-capture.md', commands: ['tcpdump -i tunl0 -nn'] },
    ];
    expect(cniEvidence(aside, cniOfDoc, 0).has('tunl0')).toBe(false);
    expect(cniEvidence(aside, cniOfDoc, 1).get('tunl0')).toBe('calico');
  });
});

describe('evidencedCnis', () => {
  const evidence = cniEvidence(RUNBOOKS, cniOfDoc, 0);

  it('finds the CNI a report shows by its identifiers (English and Chinese)', () => {
    expect(evidencedCnis('Pods in ovn-default cannot reach the node; ovn0 has no address', evidence)).toEqual(
      ['kube-ovn'],
    );
    expect(evidencedCnis('跨节点 pod 不通，tunl0 上抓不到包', evidence)).toEqual(['calico']);
  });

  it('finds none in an application report naming no CNI (English and Chinese)', () => {
    expect(
      evidencedCnis('504 Gateway Time-out from nginx when the upstream pod restarts on eth0', evidence),
    ).toEqual([]);
    expect(evidencedCnis('rabbitmq 集群节点 nodedown，只有在同一个 worker 上才能组成集群', evidence)).toEqual(
      [],
    );
  });
});
