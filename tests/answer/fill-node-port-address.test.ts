import { describe, expect, it } from 'vitest';
import { reachedOnNodePort } from '../../src/answer/node-port-address.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('reachedOnNodePort', () => {
  it('reads an address written with a NodePort as reached on it', () => {
    const mentions = [{ ip: '192.168.1.12', port: 30449 }];
    expect(reachedOnNodePort('192.168.1.12', mentions, [30449])).toBe(true);
  });

  it('keeps an address written as a ClusterIP, and one with another port, as they are', () => {
    const clusterIp = [
      { ip: '10.96.5.5', port: null, clusterIp: true },
      { ip: '10.96.5.5', port: 30080 },
    ];
    expect(reachedOnNodePort('10.96.5.5', clusterIp, [30080])).toBe(false);
    expect(reachedOnNodePort('10.96.5.5', [{ ip: '10.96.5.5', port: 80 }], [30080])).toBe(false);
  });
});

describe('placeholder fills: a "service IP" written with a NodePort is a node’s address', () => {
  it('fills no <cluster-ip> from an address called a service IP but written with the NodePort', () => {
    const en =
      'mongo2 runs on another host (192.168.1.12) with service type NodePort(30449). From the pod of mongo1 I use the other instance with service IP 192.168.1.12:30449, but this IP is not reachable from inside the pod.';
    expect(fills(en).get('<cluster-ip>')).toBeUndefined();
    expect(fills(en).get('<target-ip>')).toBe('192.168.1.12');
    expect(fills(en).get('<port>')).toBe('30449');
    const zh =
      '服务改成 nodeport 了，服务 IP 172.18.0.2:31839 在局域网其他服务器上还是访问不了，集群内部可以访问';
    expect(fills(zh).get('<cluster-ip>')).toBeUndefined();
    expect(fills(zh).get('<target-ip>')).toBe('172.18.0.2');
  });

  it('still fills <cluster-ip> from a service IP written with the Service’s own port, or written as a ClusterIP', () => {
    const en = 'service IP 10.96.12.3:8080 times out from pods, the NodePort 31000 works from outside';
    expect(fills(en).get('<cluster-ip>')).toBe('10.96.12.3');
    const zh = '服务 IP 10.96.12.3:8080 在 pod 里访问超时';
    expect(fills(zh).get('<cluster-ip>')).toBe('10.96.12.3');
    const written = 'ClusterIP 10.96.5.5, nodePort 30080; curl 10.96.5.5:30080 times out';
    expect(fills(written).get('<cluster-ip>')).toBe('10.96.5.5');
  });
});

describe('placeholder fills: a loopback nameserver is no DNS server to query', () => {
  it('leaves <dns-ip> open for dnsmasq’s local upstream and systemd-resolved’s stub', () => {
    const en =
      'kube-dns dnsmasq log: dnsmasq[10]: using nameserver 127.0.0.1#10053 for domain cluster.local, and pods still cannot resolve';
    expect(fills(en).get('<dns-ip>')).toBeUndefined();
    const zh = '节点 /etc/resolv.conf 里 DNS 服务器是 127.0.0.53，coredns 一直 CrashLoopBackOff';
    expect(fills(zh).get('<dns-ip>')).toBeUndefined();
  });

  it('still fills <dns-ip> with an upstream the cluster forwards to', () => {
    expect(
      fills('pods get SERVFAIL for every external name; our upstream DNS server is 10.20.0.2').get(
        '<dns-ip>',
      ),
    ).toBe('10.20.0.2');
    expect(fills('集群外域名都解析失败，上游 DNS 是 223.5.5.5').get('<dns-ip>')).toBe('223.5.5.5');
  });
});
