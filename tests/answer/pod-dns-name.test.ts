import { describe, expect, it } from 'vitest';
import { namesPodDnsName, podDnsNames } from '../../src/answer/pod-dns-name.js';

describe('podDnsNames', () => {
  it('finds a StatefulSet pod DNS name a report pastes', () => {
    expect(
      podDnsNames(
        'Cannot open channel to 2 at election address zk-1.zk-headless.default.svc.cluster.local:3888 java.net.UnknownHostException',
      ),
    ).toEqual([{ pod: 'zk-1', service: 'zk-headless' }]);
    expect(
      namesPodDnsName(
        'nacos 集群无法相互通信 Unable to resolve host nacos-1.nacos-headless.test-middleware.svc.cluster.local',
      ),
    ).toBe(true);
    expect(namesPodDnsName('lookup kafka-0.kafka-headless on 10.96.0.10:53: no such host')).toBe(true);
    expect(namesPodDnsName('redis-node-2.redis-hl 解析不到，集群节点互相连不上')).toBe(true);
    expect(namesPodDnsName('api-pers-zoo-1.capi.svc.cluster.local: UnknownHostException')).toBe(true);
    expect(
      podDnsNames(
        'pkg/netutil: failed resolving host etcd-0.etcd:2380 (lookup etcd-0.etcd on 10.16.0.10:53: no such host)',
      ),
    ).toEqual([
      { pod: 'etcd-0', service: 'etcd' },
      { pod: 'etcd-0', service: 'etcd' },
    ]);
    expect(
      namesPodDnsName('/ # nslookup web-0.nginx\n;; connection timed out; no servers could be reached'),
    ).toBe(true);
  });

  it('is not a Service name, a node host name, an outside name or a version', () => {
    expect(
      namesPodDnsName('dial tcp: lookup my-harbor-redis on 10.96.0.10:53: read: connection refused'),
    ).toBe(false);
    expect(namesPodDnsName('failed to req API:boat-nacos.default.svc.cluster.local:8848')).toBe(false);
    expect(namesPodDnsName('node ip-10-0-1-5.ec2.internal is NotReady')).toBe(false);
    expect(namesPodDnsName('Could not resolve host: api-2.example.com')).toBe(false);
    expect(namesPodDnsName('升级到 calico-3.26.1 之后 coredns 解析超时')).toBe(false);
    expect(namesPodDnsName('pod web-0 在 node-1.lab 上无法访问 service')).toBe(false);
    expect(namesPodDnsName('dial tcp: lookup node-2.example.com on 10.96.0.10:53: no such host')).toBe(false);
    expect(
      namesPodDnsName('nslookup kubernetes.default 解析超时，coredns-5d78c9869d-abcde 日志报 i/o timeout'),
    ).toBe(false);
  });
});
