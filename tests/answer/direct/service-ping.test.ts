import { describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { failedServicePing } from '../../../src/answer/direct/service-ping.js';

describe('a report that a ping to a Service address got nothing back', () => {
  it.each([
    // https://github.com/cilium/cilium/issues/14341
    'Pods can ping pod IPs but not cluster IPs even with policyenforcement disabled. We are able to ping from one pod directly to another pod IP.',
    'MetalLB assigned IP does not respond to ping? The service TCP connection (postgres) works fine.',
    'Actual Result: Ping on cluster ip does not work. It is not reachable.',
    'Pod Service IP not able to ping from outside the cluster.',
    'Cannot ping ClusterIP of the service from the cluster.',
    "why cann't ping svc, the kubernetes svc can ping access, others cannot",
    '为什么你的 ping 命令无法探测到 Service？',
    '按照 1.11.x 安装 k8s-ha 集群，发现宿主机上无法ping通cluster-ip',
    'k8s svc(服务)的地址本来就ping不通的。',
    'nginx ClusterIP 10.97.255.240 <none> 80/TCP 10m\n$ ping 10.97.255.240\n10 packets transmitted, 0 packets received, 100% packet loss',
    // https://github.com/kubernetes-retired/kubeadm-dind-cluster/issues/140
    '/ # ping kubernetes.default.svc\nPING kubernetes.default.svc (10.96.0.1): 56 data bytes\n5 packets transmitted, 0 packets received, 100% packet loss',
  ])('fires: %s', (report) => {
    expect(failedServicePing(report)).not.toBeNull();
  });

  it.each([
    // the ping works
    '为什么这个 ClusterIP 能 ping 通？',
    'ping 10.96.0.1\n64 bytes from 10.96.0.1: icmp_seq=0 ttl=251 time=10.7 ms',
    // a pod, a node or an outside address is pinged
    'pod cannot ping other pod on another node',
    'Cannot ping node IP from pod',
    "Kubernetes Pod can't ping external IP.",
    '从 pod 里 ping 不通外网',
    '同一service下 pod相互ping不通',
    "Can't ping services or pods.",
    'ping 10.244.1.5 100% packet loss; nginx ClusterIP 10.96.3.4 80/TCP',
    // the Service itself fails too: the path is broken
    'Unable to ping node port cluster ip, services time out.',
    'I can ping the cluster IP but curl to the service does not work',
    // https://github.com/metallb/metallb/issues/2214
    "MetalLB assigns an IP Address to a Nginx Ingress Controller but the site cannot be reached I can't ping this address",
    "nslookup: can't resolve 'kubernetes.default'. ping 10.3.0.10 -c 3\n3 packets transmitted, 0 packets received, 100% packet loss",
    'Service 访问超时，ping ClusterIP 也不通',
    // IPVS mode binds the address on kube-ipvs0, where it does answer
    'kubernetes 1.27 version can not ping cluster ip, i use ipvs module',
  ])('does not fire: %s', (report) => {
    expect(failedServicePing(report)).toBeNull();
  });
});

describe('the ask a failed ping to a Service address makes', () => {
  it('asks why, of a report that asks nothing else', () => {
    const ask = factAsk(
      'Pods can ping pod IPs but not cluster IPs even with policyenforcement disabled. We have Cilium 1.9.1 deployed via Helm.',
    );
    expect(ask?.why).toBe(true);
    expect(ask?.kinds).toContain('behaviour');
  });

  it('asks why along with a question about that address', () => {
    const ask = factAsk(
      'K8s Svc 详解：为什么你的 ping 命令无法探测到 Service？使用 ping 命令尝试探测一个 Service 的 IP 地址时，却发现无法 ping 通。ClusterIP 到底是什么样的地址？',
    );
    expect(ask?.why).toBe(true);
  });

  it.each([
    'I exec into a pod and run ping kubernetes.default.svc.cluster.local:\nPING kubernetes.default.svc.cluster.local (10.96.0.1): 56 data bytes\n5 packets transmitted, 0 packets received, 100% packet loss\ncurl -k https://kubernetes.default.svc works fine. Is this expected?',
    '在 pod 里执行 ping nginx.default.svc.cluster.local，结果 5 packets transmitted, 0 received, 100% packet loss，这是正常的吗？',
  ])('adds the failed ping to a report that asks whether what it saw is expected: %s', (report) => {
    const ask = factAsk(report);
    expect(ask?.why).toBe(true);
    expect(ask?.affirmed).toBeUndefined();
    expect(ask?.focus).toMatch(/不通（Service 地址）/);
  });

  it.each([
    // a ping to a pod: a real path fault, whatever the report asks
    'ping 10.244.1.5 from the node gives 100% packet loss. Is this expected?',
    // the Service itself fails too
    '在 pod 里 ping nginx.default.svc 100% packet loss，curl 也超时，这是正常的吗？',
  ])('adds no ping clause to a by-design ask that is not about a Service ping: %s', (report) => {
    expect(factAsk(report)?.focus ?? '').not.toMatch(/Service 地址|ClusterIP）/);
  });

  it('leaves a question about something else alone', () => {
    const ask = factAsk(
      "I can't ping the cluster IP of my service. Which UDP port does flannel use for VXLAN?",
    );
    expect(ask?.why).toBeUndefined();
    expect(ask?.kinds).toContain('port');
  });
});
