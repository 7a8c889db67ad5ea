import { describe, expect, it } from 'vitest';
import {
  clusterNameUnresolved,
  isClusterName,
  readsPodResolvConf,
} from '../../src/answer/cluster-name-unresolved.js';
import { corednsReadOnlyChecks } from '../helpers/coredns-checks.js';

describe('isClusterName', () => {
  it('is a Service short name, its namespace form or a name under svc / cluster.local', () => {
    expect(isClusterName('gateway')).toBe(true);
    expect(isClusterName('loki.monitoring')).toBe(true);
    expect(isClusterName('zk-0.zk-hs.pulsar.svc.cluster.local')).toBe(true);
    expect(isClusterName('redis-master.default.svc')).toBe(true);
  });

  it('is not a name outside the cluster or a host-network name', () => {
    expect(isClusterName('www.google.com')).toBe(false);
    expect(isClusterName('registry.example.io')).toBe(false);
    expect(isClusterName('node1.corp.internal')).toBe(false);
    expect(isClusterName('api.eu-west-1.amazonaws.com')).toBe(false);
  });
});

describe('clusterNameUnresolved', () => {
  it('is a report saying a name inside the cluster fails to resolve', () => {
    expect(
      clusterNameUnresolved(
        'The "gateway" hostname is not resolved. I invoke the function from within a python function using an HTTP call to http://gateway:8080/function/sentiment.',
      ),
    ).toBe(true);
    expect(clusterNameUnresolved('app 启动报错：getaddrinfo ENOTFOUND redis，域名解析失败')).toBe(true);
    expect(
      clusterNameUnresolved(
        'broker log: java.net.UnknownHostException: zk-0.zk-hs.pulsar.svc.cluster.local: Name or service not known',
      ),
    ).toBe(true);
  });

  it('is not a failing name outside the cluster, nor a report with no failed lookup', () => {
    expect(
      clusterNameUnresolved(
        'curl: (6) Could not resolve host: www.google.com; dial tcp: lookup www.google.com: no such host',
      ),
    ).toBe(false);
    expect(clusterNameUnresolved('Pod 访问 ClusterIP 10.96.0.10:53 超时，nslookup 一直 timed out')).toBe(
      false,
    );
    expect(clusterNameUnresolved('Service loki:3100 connect: no route to host')).toBe(false);
  });
});

describe('readsPodResolvConf', () => {
  it('is the read of a client pod’s resolv.conf, not the kubelet’s or the node’s', () => {
    expect(readsPodResolvConf('kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf')).toBe(true);
    expect(readsPodResolvConf('grep -i resolvConf /var/lib/kubelet/config.yaml')).toBe(false);
    expect(readsPodResolvConf('cat /etc/resolv.conf')).toBe(false);
  });
});

describe('pickCommands with a name inside the cluster failing', () => {
  const checks = corednsReadOnlyChecks();
  const resolvConf = 'kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf';

  it('reads the client pod’s resolv.conf when a Service name does not resolve', () => {
    expect(
      checks(
        'The "gateway" hostname is not resolved. I invoke the function from within a python function using an HTTP call to http://gateway:8080, and get Name or service not known.',
      ),
    ).toContain(resolvConf);
    expect(
      checks('应用日志报 getaddrinfo ENOTFOUND redis，集群内域名解析失败，CoreDNS Pod 都是 Running'),
    ).toContain(resolvConf);
  });

  it('keeps the CoreDNS logs a loop report’s row names', () => {
    const picked = checks(
      'CoreDNS CrashLoopBackOff, logs say Loop (127.0.0.1:55953 -> :53) detected for zone "."; apps print getaddrinfo ENOTFOUND redis',
    );
    expect(picked).toContain('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100');
  });
});
