/**
 * A report stating which kind of Service address fails keeps the answer on that Service runbook: a row of the other
 * Service runbook sharing more of its words does not move it (src/answer/stated-destination.ts).
 */
import { describe, expect, it } from 'vitest';
import { leavesStatedDestination, statedDestination } from '../../src/answer/stated-destination.js';

describe('statedDestination', () => {
  it.each([
    [
      '创建port和targetPort不一样的loadbalacner service时，外部访问不了服务。从集群外访问http://<lb ip>:8080失败，原因是lb svc pod里面配置iptables nat规则错误。',
      'external',
    ],
    [
      'Connection refused on exposed port. I am trying to publish a Service using the NodePort type and we I try to access the service I keep getting refused connections.',
      'external',
    ],
    [
      'NodePort service not reachable from outside the cluster. The pods are running and endpoints exist.',
      'external',
    ],
    [
      "can't access the clusterIP. kubectl get svc --all-namespaces shows the service with its endpoints.",
      'clusterip',
    ],
    ['pod 内访问 cluster ip 超时，节点上 curl 是通的。', 'clusterip'],
  ])('reads the stated address: %s', (question, kind) => {
    expect(statedDestination(question)).toBe(kind);
  });

  it.each([
    'kubernetes service failing to find upstreams. After a few rollouts of a deployment, the service fails to deliver.',
    'Pods on different nodes cannot ping each other; we use flannel vxlan.',
    'NodePort works from outside but the ClusterIP does not answer from a pod.',
    '访问web-service报错。web-service 和 account-service 都是 NodePort 类型的 Service。',
  ])('reads no single stated address: %s', (question) => {
    expect(statedDestination(question)).toBeNull();
  });
});

describe('leavesStatedDestination', () => {
  const external =
    'Connection refused on exposed port. I am trying to publish a Service using the NodePort type.';
  const clusterIp = "can't access the clusterIP. kubectl get svc shows the service with its endpoints.";

  it('keeps a report stating an external address on the external-access runbook', () => {
    expect(leavesStatedDestination(external, 'service_external', 'service_clusterip')).toBe(true);
  });

  it('keeps a report stating a ClusterIP on the ClusterIP runbooks', () => {
    expect(leavesStatedDestination(clusterIp, 'service_clusterip', 'service_external')).toBe(true);
  });

  it('lets a row move the answer toward the stated address, or to another path', () => {
    expect(leavesStatedDestination(clusterIp, 'service_external', 'service_clusterip')).toBe(false);
    expect(leavesStatedDestination(external, 'service_external', 'network_policy')).toBe(false);
    expect(leavesStatedDestination(external, 'service_external', 'service_external')).toBe(false);
  });

  it('lets a row move a report that states no address', () => {
    expect(
      leavesStatedDestination(
        'kubernetes service failing to find upstreams. After a few rollouts the service fails.',
        'service_external',
        'service_clusterip',
      ),
    ).toBe(false);
  });

  it('keeps a report whose pods cannot reach the API server on the ClusterIP runbooks', () => {
    const calicoLog =
      "Calico can't connect to API. After fresh installation errors in calico-kube-controllers: dial tcp 10.233.0.1:443: connect: connection refused.";
    const suspected =
      'Pods on Worker Node Timeout When Communicating with API Server. Any pod on the worker node that attempts to communicate with the API server experiences a timeout. I suspect that the issue might be related to CoreDNS.';
    expect(leavesStatedDestination(calicoLog, 'service_clusterip', 'cni_architecture')).toBe(true);
    expect(leavesStatedDestination(suspected, 'service_clusterip', 'dns')).toBe(true);
  });

  it('lets a row move an API server report that blames another hop, or one not on a ClusterIP runbook', () => {
    const lookup =
      'Pod unable to reach kube API: i/o timeout, and nslookup kubernetes.default fails with no such host.';
    const policy =
      'Pods cannot reach the API server (dial tcp 10.96.0.1:443: i/o timeout) after we applied a default-deny NetworkPolicy.';
    expect(leavesStatedDestination(lookup, 'service_clusterip', 'dns')).toBe(false);
    expect(leavesStatedDestination(policy, 'service_clusterip', 'network_policy')).toBe(false);
    expect(
      leavesStatedDestination('dial tcp 10.96.0.1:443: i/o timeout from a pod', 'dns', 'service_clusterip'),
    ).toBe(false);
  });
});
