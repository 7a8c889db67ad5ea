/**
 * Which kind of Service address a report's failing request goes to: a NodePort / LoadBalancer / client outside the
 * cluster (the external-access runbook) or a ClusterIP / Service name / client in a pod (the ClusterIP runbook), and
 * nothing when the report names both or neither (src/retrieve/failing-destination.ts).
 */
import { describe, expect, it } from 'vitest';
import { failingDestination, failingDestinationFactor } from '../../src/retrieve/failing-destination.js';

describe('failingDestination', () => {
  it.each([
    'unable to access nginx service from external, curl http://$external_ip:$node_port fails',
    'curl http://192.168.49.2:31080 times out from my laptop',
    'the loadbalancer service stays pending and its external-ip is never assigned',
    '从集群外部访问 nodeport 服务不通',
    '通过节点 ip 加端口访问服务超时',
  ])('external: %s', (text) => {
    expect(failingDestination(text)).toBe('external');
  });

  it.each([
    'unable to communicate, dial tcp 10.43.0.1:443: i/o timeout',
    'my pod can not telnet to the kubernetes service: telnet 10.0.0.1 443 connection refused',
    "can't connect to a service ip from the service's pod",
    'curl my-svc.default.svc.cluster.local returns connection refused',
    'pod 内访问 service 的集群 ip 不通',
    '容器里 curl 服务 ip 超时',
  ])('clusterip: %s', (text) => {
    expect(failingDestination(text)).toBe('clusterip');
  });

  it.each([
    // Both kinds named: the words decide.
    'nodeport works from outside but the cluster ip times out from a pod',
    'nodeport 可以访问，但是 集群 ip 不通',
    // Neither kind: a pod IP, a name lookup, a node's own state.
    'pod a cannot reach pod b on another node',
    'coredns pods are crashlooping after the upgrade',
    '跨节点 pod 之间 ping 不通',
    // An ephemeral client port is no NodePort, 10.96.0.10 is not the API Service's address.
    'connection from 10.42.0.93:51864 reset by peer',
  ])('neither: %s', (text) => {
    expect(failingDestination(text)).toBeNull();
  });
});

describe('failingDestinationFactor', () => {
  const categories: Record<string, string> = {
    'service/clusterip-troubleshooting.md': 'service_clusterip',
    'service/kube-proxy-iptables-ipvs.md': 'service_clusterip',
    'service/nodeport-loadbalancer.md': 'service_external',
    'calico/bgp-ipip.md': 'pod_to_pod',
  };
  const categoryOf = (docPath: string) => categories[docPath] ?? null;
  const factors = { lift: 1.2, demote: 0.8 };

  it('lifts the external runbook and demotes the ClusterIP ones for a NodePort', () => {
    const factor = failingDestinationFactor('curl node-0:31005 is refused', categoryOf, factors);
    expect(factor?.('service/nodeport-loadbalancer.md')).toBe(1.2);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(0.8);
    expect(factor?.('calico/bgp-ipip.md')).toBe(1);
  });

  it('lifts the ClusterIP runbooks and demotes the external one for a ClusterIP', () => {
    const factor = failingDestinationFactor('dial tcp 10.96.0.1:443: i/o timeout', categoryOf, factors);
    expect(factor?.('service/kube-proxy-iptables-ipvs.md')).toBe(1.2);
    expect(factor?.('service/nodeport-loadbalancer.md')).toBe(0.8);
    expect(factor?.('calico/bgp-ipip.md')).toBe(1);
  });

  it('is null when the destination is not clear or the factors are neutral', () => {
    expect(failingDestinationFactor('pod a cannot reach pod b', categoryOf, factors)).toBeNull();
    expect(
      failingDestinationFactor('dial tcp 10.96.0.1:443: i/o timeout', categoryOf, { lift: 1, demote: 1 }),
    ).toBeNull();
  });
});
