import { describe, expect, it } from 'vitest';
import { checkTerms, focusTerms, terms } from '../../src/answer/rank-rows.js';

describe('focusTerms: the words that pick the checks', () => {
  it('counts the words of a ruled-out or working clause less', () => {
    const question = "Pods can't reach the internet. It's NOT a DNS problem, same-node traffic is fine";
    const all = terms(question);
    const focus = focusTerms(question);
    expect(focus.get('internet')).toBe(all.get('internet'));
    expect(focus.get('dns')).toBeCloseTo((all.get('dns') ?? 0) * 0.3);
    expect(focus.get('same-node')).toBeCloseTo((all.get('same-node') ?? 0) * 0.3);
  });

  it('is the plain terms when nothing is said to work', () => {
    expect(focusTerms('coredns 解析超时')).toEqual(terms('coredns 解析超时'));
  });
});

describe('checkTerms: a long report', () => {
  // A report opens with its headline (an issue title) and then pastes versions, manifests and logs.
  const report =
    'NodePort works on one node only, the other nodes time out. Cluster set up with kubeadm v1.28 on Ubuntu 22.04, ' +
    'calico v3.26 as the CNI in BGP mode, kube-proxy in iptables mode, three workers and one master; the ' +
    'deployment has two replicas and the service type is NodePort on port 30080.';

  it("counts the words only its body has less than its headline's", () => {
    const all = terms(report);
    const focus = checkTerms(report);
    expect(focus.get('nodeport')).toBe(all.get('nodeport'));
    expect(focus.get('node')).toBe(all.get('node'));
    expect(focus.get('kubeadm')).toBeCloseTo((all.get('kubeadm') ?? 0) * 0.7);
    expect(focus.get('calico')).toBeCloseTo((all.get('calico') ?? 0) * 0.7);
  });

  it('weighs a Chinese report alike', () => {
    const zh =
      'NodePort 只有 pod 所在的节点能通，其他节点不通。集群用 kubeadm 部署，1.22 版本，CNI 是 calico，' +
      'kube-proxy 是 iptables 模式，三台 worker，svc 的 externalTrafficPolicy 是 Cluster，防火墙都已关闭。';
    const all = terms(zh);
    const focus = checkTerms(zh);
    expect(focus.get('nodeport')).toBe(all.get('nodeport'));
    expect(focus.get('节点')).toBe(all.get('节点'));
    expect(focus.get('calico')).toBeCloseTo((all.get('calico') ?? 0) * 0.7);
    expect(focus.get('kubeadm')).toBeCloseTo((all.get('kubeadm') ?? 0) * 0.7);
  });

  it('leaves a short question, and a report whose headline names little, to focusTerms', () => {
    const short = 'NodePort works on one node only. The other nodes time out.';
    expect(checkTerms(short)).toEqual(focusTerms(short));
    const vague = `Help! ${report}`;
    expect(checkTerms(vague)).toEqual(focusTerms(vague));
  });
});

describe('checkTerms: working clauses and the headline together', () => {
  it('keeps both weights: a working clause of the body counts 0.3 × 0.7', () => {
    const report =
      'Pods on worker2 cannot reach the internet. Cluster installed with kubeadm 1.29 on Debian 12, flannel vxlan ' +
      'backend, three nodes behind one NAT gateway, and the node itself is fine: curl from the host works.';
    const all = terms(report);
    const picked = checkTerms(report);
    expect(picked.get('internet')).toBe(all.get('internet'));
    expect(picked.get('kubeadm')).toBeCloseTo((all.get('kubeadm') ?? 0) * 0.7);
    expect(focusTerms(report).get('host')).toBeLessThan(all.get('host') ?? 0);
    expect(picked.get('host')).toBeCloseTo((focusTerms(report).get('host') ?? 0) * 0.7);
  });
});
