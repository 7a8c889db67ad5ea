/**
 * A CNI's runbook of one path (Calico's BGP/IPIP, Flannel's VXLAN) scores less in a report that says a path fails
 * that only runbooks about no particular CNI own: a ClusterIP or the API Service, a NetworkPolicy, outside the
 * cluster (src/retrieve/other-path-cni.ts).
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { failingGenericPaths, otherPathCniFactor } from '../../src/retrieve/other-path-cni.js';

const paths = (focus: string, text = focus) =>
  [...failingGenericPaths(normalizeText(focus), normalizeText(text))].sort();

describe('failingGenericPaths', () => {
  it.each([
    ['Kubernetes Service IP unavailable with calico as network plugin', ['service_clusterip']],
    ['pod 里访问集群IP 不通，换成 pod ip 可以', ['service_clusterip']],
    ['the network policy is not working with calico, the pod should be isolated', ['network_policy']],
    ['ipBlock.cidr does not block connection on the node where the pod is running', ['network_policy']],
    ['配置了网络策略之后 pod 之间还是能互相访问', ['network_policy']],
    ['Pods are not able to communicate outside of the cluster, calico v3.17.1', ['outside']],
    ['Not able to access external IP space with NAToutgoing enabled', ['outside']],
    ['pod 无法访问外网，ping 8.8.8.8 不通', ['outside']],
    ['集群外部无法访问集群内部分配的 vip', ['outside']],
    ['NodePort 30080 只有部署了 pod 的节点能访问', ['outside']],
  ])('%s', (text, expected) => {
    expect(paths(text)).toEqual(expected);
  });

  it.each([
    // The CNI's own datapath: pods on other nodes, a tunnel, BGP.
    'pods on different nodes cannot ping each other, calico bgp',
    'flannel vxlan 跨节点 pod 不通',
    'calicoctl node status 显示 BGP 邻居未建立',
    // A headless Service's records, a node reaching its pods.
    'clusterIP: None service web-0 does not resolve',
    '节点上 curl pod ip 超时，calico',
  ])('none: %s', (text) => {
    expect(paths(text)).toEqual([]);
  });

  it('reads only what fails: a ClusterIP or a dialled API Service elsewhere in the report does not count', () => {
    expect(
      paths(
        'pods on node2 cannot reach pods on node1',
        'service ip works fine, pods on node2 cannot reach pods on node1',
      ),
    ).toEqual([]);
    expect(
      paths(
        'worker node calico pod cannot run properly',
        'worker node calico pod cannot run properly. install-cni: dial tcp 10.96.0.1:443: i/o timeout',
      ),
    ).toEqual([]);
  });
});

describe('otherPathCniFactor', () => {
  const categoryOfDoc = (docPath: string) =>
    ({
      'calico/bgp-ipip.md': 'pod_to_pod_cross_node',
      'kube-ovn/join-network-pod-to-node.md': 'pod_to_external',
      'flannel/vxlan-host-gw.md': 'pod_to_pod_cross_node',
      'cilium/ebpf-datapath.md': 'cni_architecture',
      'diagnostics/kubectl-ko-trace.md': 'diagnostics',
      'service/clusterip-troubleshooting.md': 'service_clusterip',
      'network-policy/networkpolicy-debug.md': 'network_policy',
    })[docPath] ?? null;
  // A runbook's CNI is its folder, except the folders of runbooks about no particular CNI (a tool's how-to counts as
  // Kube-OVN's here: only its category keeps it).
  const cniOfDoc = (docPath: string) =>
    docPath.includes('ko-trace')
      ? 'kube-ovn'
      : docPath.split('/')[0]?.replace(/^(?:service|network-policy)$/, '') || null;
  const factorFor = (
    text: string,
    options: { factor?: number; triggered?: string[]; crossNode?: boolean; headline?: string } = {},
  ) =>
    otherPathCniFactor({
      failing: normalizeText(options.headline ?? text),
      focus: normalizeText(text),
      text: normalizeText(text),
      triggered: new Set(options.triggered ?? []),
      crossNode: options.crossNode ?? false,
      categoryOfDoc,
      cniOfDoc,
      servesServices: (cni) => cni === 'kube-ovn',
      factor: options.factor ?? 0.65,
    });

  it('demotes the path runbooks of a CNI that leaves Services to kube-proxy when a ClusterIP fails', () => {
    const factor = factorFor('Kubernetes Service IP unavailable with calico as network plugin');
    expect(factor?.('calico/bgp-ipip.md')).toBe(0.65);
    expect(factor?.('flannel/vxlan-host-gw.md')).toBe(0.65);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1);
  });

  it('keeps the runbooks of a CNI that builds Services into its datapath (OVN load balancers)', () => {
    const factor = factorFor('kube-ovn 下 pod 访问 svc 的 cluster ip 超时');
    expect(factor?.('kube-ovn/join-network-pod-to-node.md')).toBe(1);
    expect(factor?.('calico/bgp-ipip.md')).toBe(0.65);
  });

  it('keeps a CNI’s whole-datapath runbook and tools’ how-tos', () => {
    const factor = factorFor('网络策略不生效，default deny 之后还是能访问，cilium');
    expect(factor?.('cilium/ebpf-datapath.md')).toBe(1);
    expect(factor?.('diagnostics/kubectl-ko-trace.md')).toBe(1);
    expect(factor?.('calico/bgp-ipip.md')).toBe(0.65);
  });

  it('keeps a runbook whose trigger the report matched (it speaks that runbook’s language)', () => {
    const factor = factorFor(
      'Not able to access external IP space with natOutgoing enabled, IPIPMODE Always',
      {
        triggered: ['calico/bgp-ipip.md'],
      },
    );
    expect(factor?.('calico/bgp-ipip.md')).toBe(1);
    expect(factor?.('flannel/vxlan-host-gw.md')).toBe(0.65);
  });

  it('reads a long report’s headline: a chain or Service type further down is context', () => {
    const report =
      'calico node says running but shows 0/1. felix: cannot program iptables: KUBE-EXTERNAL-SERVICES, KUBE-SERVICES';
    expect(factorFor(report, { headline: 'calico node says running but shows 0/1' })).toBeNull();
    expect(
      factorFor('Blackhole route advised by bgp for my LoadBalancer svc', {
        headline: 'Blackhole route advised by bgp',
      }),
    ).toBeNull();
  });

  it('does not apply when pods on other nodes or other pods fail too, to the CNI’s own path, or at factor 1', () => {
    expect(factorFor('pods on other nodes cannot reach the service ip, calico')).toBeNull();
    expect(
      factorFor('Requests to a cluster IP only get to the pod when it is on the same node', {
        crossNode: true,
      }),
    ).toBeNull();
    expect(factorFor('Pods cannot reach eachother or the kubernetes service ip, calico')).toBeNull();
    expect(
      factorFor('Pods on the worker cannot reach other pods from master, and the internet. k3s'),
    ).toBeNull();
    expect(factorFor('pod 之间不通，也访问不了外网，flannel')).toBeNull();
    expect(factorFor('flannel 的 vxlan，只有 pod 所在的 node 才能访问 svc 的 clusterip')).toBeNull();
    expect(factorFor('calico 跨节点不通，tunl0 没有路由')).toBeNull();
    expect(factorFor('Kubernetes Service IP unavailable', { factor: 1 })).toBeNull();
  });
});
