import { describe, expect, it } from 'vitest';
import {
  answeredAfter,
  backendPortsOf,
  dnsForwardTarget,
  dnsQueryServer,
  dnsRoleBefore,
  failsRightAfter,
  namespaceOfService,
  ownAddress,
  saysReached,
  socketPairSource,
} from '../../src/answer/address-roles.js';
import { extractEntities, fillFromQuestion, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: a DNS server the cluster forwards to is no target', () => {
  it('leaves the target open when the only addresses are a Corefile’s forward list', () => {
    const en =
      'Microk8s pod has no internet access. iptables -P FORWARD ACCEPT has no effect. The CoreDNS Corefile has forward . 8.8.8.8 8.8.4.4.';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh =
      'pod 里解析外部域名全部失败，coredns 的 Corefile 里 forward . 223.5.5.5 114.114.114.114，集群内域名正常';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('fills the DNS server, not the target, from an upstream named with a copula', () => {
    const en = 'pods get SERVFAIL for every external name; our upstream DNS server is 10.20.0.2';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<dns-ip>')).toBe('10.20.0.2');
    const zh = 'pod 内 nslookup baidu.com 超时，上游 DNS 是 223.5.5.5';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<dns-ip>')).toBe('223.5.5.5');
  });

  it('still takes a DNS server the report tries, or the address it fails on beside the forward list', () => {
    const tried =
      'CoreDNS Corefile forward . 8.8.8.8 8.8.4.4; pods have no internet access, ping 1.1.1.1 fails';
    expect(fills(tried).get('<target-ip>')).toBe('1.1.1.1');
    const log =
      'coredns 报错 read udp 10.244.1.3:38821->114.114.114.114:53: i/o timeout，upstream DNS server 是 114.114.114.114';
    expect(fills(log).get('<target-ip>')).toBe('114.114.114.114');
  });

  it('reads the forward list and the upstream’s copula only', () => {
    expect(dnsForwardTarget('Corefile: forward . ')).toBe(true);
    expect(dnsForwardTarget('forward . 8.8.8.8 ')).toBe(true);
    expect(dnsForwardTarget('iptables -P FORWARD ACCEPT, then ping ')).toBe(false);
    expect(dnsForwardTarget('port-forward to ')).toBe(false);
    expect(dnsRoleBefore('the upstream DNS server is ')).toBe(true);
    expect(dnsRoleBefore('DNS 服务器为 ')).toBe(true);
    expect(dnsRoleBefore('nginx upstream timed out connecting to ')).toBe(false);
    expect(dnsRoleBefore('pods reach ')).toBe(false);
  });
});

describe('placeholder fills: a machine’s own address is where it is, no target', () => {
  it('fills the node address, not the target, from a named node’s address in a log', () => {
    const en =
      'ovn-controller: subnet ovn-default cidr 10.1.0.0/16 conflict with node v2-master address 10.1.0.17';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<node-ip>')).toBe('10.1.0.17');
    const zh = 'kube-ovn-cni 报错：节点 k8s-node2 的 IP 是 10.0.0.12，子网冲突';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<node-ip>')).toBe('10.0.0.12');
  });

  it('sets aside the reporter’s own machine and a command’s host', () => {
    const mine =
      'metallb ip is not accessible from the host machine. My windows 10 host machine ip address 192.168.165.117. My IPaddress on virtualbox ubuntu 23 machine 192.168.165.230.';
    expect(fills(mine).get('<target-ip>')).toBeUndefined();
    const beside = 'My host IP is 192.168.1.5, the LoadBalancer 192.168.1.240 times out from it';
    expect(fills(beside).get('<target-ip>')).toBe('192.168.1.240');
    const zh = '本机 IP 为 10.0.0.5，访问 LoadBalancer 10.0.0.240 超时';
    expect(fills(zh).get('<target-ip>')).toBe('10.0.0.240');
    const route =
      'nodes in the same cidr still use tunl0. route -n on 192.168.122.69: default via 192.168.122.1 dev ens8; 172.22.73.0/26 via 192.168.122.70 dev tunl0';
    expect(fills(route).get('<target-ip>')).toBeUndefined();
    const labelled =
      'vm-1 (public-ip: 10.85.81.165): master; vm-2 (public-ip: 10.85.81.166): worker. pods cannot ping each other';
    expect(fills(labelled).get('<target-ip>')).toBeUndefined();
  });

  it('still takes a named node’s address the report tries, and a pod’s own address', () => {
    expect(ownAddress('pods cannot reach node worker2 address ')).toBe(false);
    expect(ownAddress('无法访问节点 node2 的 IP ')).toBe(false);
    expect(ownAddress('My pod IP ')).toBe(false);
    expect(ownAddress('my service ip is ')).toBe(false);
    expect(ownAddress('conflict with node v2-master address ')).toBe(true);
    expect(ownAddress('My host IP is ')).toBe(true);
    expect(ownAddress('ip route on ')).toBe(true);
    expect(ownAddress('the pod on ')).toBe(false);
    const tried = 'From pod web-0 I cannot reach node worker2 address 10.0.0.5, kubectl logs times out';
    expect(fills(tried).get('<target-ip>')).toBe('10.0.0.5');
  });
});

describe('placeholder fills: an address the report says it reaches is the comparison', () => {
  it('leaves the target open when the only address is one the pod can reach', () => {
    const en =
      'IllPod cannot ping any other pod, the same applies the other direction. IllPod CAN ping 8.8.8.8.';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = 'pod 之间跨节点不通，但是 pod 可以 ping 通 114.114.114.114。';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('takes the failing address beside one answered by a web page', () => {
    const en =
      'I can access the kubernetes master: curl 192.168.162.206 → Welcome to nginx! But I can’t access the LoadBalancer IP 192.168.0.240 from my laptop.';
    expect(fills(en).get('<target-ip>')).toBe('192.168.0.240');
  });

  it('keeps an address that fails elsewhere in the sentence or the report', () => {
    const sentence = 'I can ping 10.244.1.5 from the node but not from the pod';
    expect(fills(sentence).get('<target-ip>')).toBe('10.244.1.5');
    const twice = 'the container can’t ping 8.8.8.8; the host the containers are on can ping 8.8.8.8.';
    expect(fills(twice).get('<target-ip>')).toBe('8.8.8.8');
    const zh = '节点上可以 ping 通 10.244.2.7，pod 里 ping 10.244.2.7 不通';
    expect(fills(zh).get('<target-ip>')).toBe('10.244.2.7');
  });

  it('reads a can-verb and an answered request only', () => {
    expect(saysReached('IllPod CAN ping ', '.')).toBe(true);
    expect(saysReached('I cannot ping ', '.')).toBe(false);
    expect(saysReached('I can not ping ', '.')).toBe(false);
    expect(saysReached('I can’t ping ', '.')).toBe(false);
    expect(saysReached('I can ping ', ' from node1 but it fails from node2.')).toBe(false);
    expect(saysReached('I can ping ', ' but not 10.0.0.9.')).toBe(true);
    expect(answeredAfter(' → Welcome to nginx!')).toBe(true);
    expect(answeredAfter(':8080 returns HTTP/1.1 200 OK')).toBe(true);
    expect(answeredAfter(' → curl: (7) Failed to connect')).toBe(false);
  });
});

describe('placeholder fills: the role word after an access verb, and a failure said right after the address', () => {
  it('takes a gateway, an upstream or the API server the report tries as the target', () => {
    const gateway = 'From pod 10.244.1.5 I ping the gateway 192.168.1.1 and it fails';
    expect(fills(gateway).get('<target-ip>')).toBe('192.168.1.1');
    const zh = 'pod 10.244.1.5 访问网关 10.244.1.1 不通';
    expect(fills(zh).get('<target-ip>')).toBe('10.244.1.1');
    const upstream = 'coredns pod 10.244.0.3 cannot reach upstream 8.8.8.8; kube-dns svc 10.96.0.10';
    expect(fills(upstream).get('<target-ip>')).toBe('8.8.8.8');
  });

  it('still reads a gateway in a route or named without a verb as where traffic goes through', () => {
    const route =
      'pods lose connectivity; default via 192.168.1.1 dev eth0, pod 10.244.1.5 can’t reach 10.244.2.8';
    expect(fills(route).get('<target-ip>')).toBe('10.244.2.8');
    const zh = '节点网关 172.16.0.1，pod 10.244.1.5 访问 10.96.0.1:443 超时';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.0.1');
  });

  it('takes the address of a host the report tries, written in brackets after its name', () => {
    const zh = '容器内访问 apt 源 mirrors.aliyun.com (120.77.166.30) 超时，nameserver 10.96.0.10';
    expect(fills(zh).get('<target-ip>')).toBe('120.77.166.30');
    const en = 'pods cannot connect to registry.example.com (10.20.30.40), nameserver 10.96.0.10 answers';
    expect(fills(en).get('<target-ip>')).toBe('10.20.30.40');
  });

  it('takes an address said to fail right after it over a later undirected one', () => {
    const en = 'API server address 10.0.0.10:6443 unreachable from pods; pod IP 10.244.1.9';
    expect(fills(en).get('<target-ip>')).toBe('10.0.0.10');
    const zh = '10.96.0.10 不通，pod IP 10.244.1.9，节点 192.168.1.5';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.0.10');
    const source = 'pod 10.244.1.5 can’t reach 10.244.2.8';
    expect(fills(source).get('<target-ip>')).toBe('10.244.2.8');
  });

  it('sets aside a control plane’s VIP the report does not try', () => {
    const en = 'HA cluster with keepalived VIP 192.168.0.100; pods cannot resolve any name';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = '三台 master 用 keepalived 的 VIP 10.0.0.100 做高可用，pod 里 DNS 解析失败';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    const tried = 'kubelet cannot reach the keepalived VIP 192.168.0.100:6443';
    expect(fills(tried).get('<target-ip>')).toBe('192.168.0.100');
  });
});

describe('placeholder fills: a Service’s or a pod’s own port is not opened on a node', () => {
  const nodeCheck = 'kubectl exec -n <namespace> <pod> -- nc -zv -w 3 <node-ip> <port>';
  const serviceCheck = 'kubectl exec -n <namespace> <pod> -- nc -zv -w 3 <target-ip> <port>';

  it('leaves the port open beside a node address when it is the Service’s port of a PORT(S) cell', () => {
    const en =
      'svc my-app NodePort 10.96.1.2 8080:31313/TCP; from node 192.168.1.10 curl 10.96.1.2:8080 fails';
    expect(fillFromQuestion(nodeCheck, en).command).toContain('192.168.1.10 <port>');
    expect(fillFromQuestion(serviceCheck, en).command).toContain('10.96.1.2 8080');
    const zh = 'pod web-0 的容器端口 8080，在节点 192.168.1.10 上 curl 10.244.1.5:8080 超时';
    expect(fillFromQuestion(nodeCheck, zh).command).toContain('192.168.1.10 <port>');
  });

  it('still fills a NodePort, or a port a hostNetwork pod opens on the node', () => {
    const nodePort =
      'NodePort service web, port 80 targetPort 8080 nodePort 30080; curl 192.168.1.10:30080 times out';
    expect(fillFromQuestion(nodeCheck, nodePort).command).toContain('30080');
    const host =
      'ingress pod with hostNetwork: true, containerPort: 8080; node ip 192.168.1.10, curl 192.168.1.10:8080 fails';
    expect(fillFromQuestion(nodeCheck, host).command).toContain('192.168.1.10 8080');
  });

  it('reads the ports of a cell and of a backend field only', () => {
    expect(backendPortsOf('web NodePort 10.96.1.2 8080:31313/TCP', [8080, 31313], [31313])).toEqual([8080]);
    expect(backendPortsOf('targetPort: 9376', [9376], [])).toEqual([9376]);
    expect(backendPortsOf('curl 10.96.1.2:8080 fails', [8080], [])).toEqual([]);
    expect(backendPortsOf('hostPort: 8080, containerPort: 8080', [8080], [])).toEqual([]);
  });
});

describe('placeholder fills: a Service check looks in the Service’s own namespace', () => {
  const serviceCheck = 'kubectl get endpoints <service-name> -n <namespace>';
  const podCheck = 'kubectl exec -n <namespace> <pod> -- nslookup <service-name>';

  it('fills the namespace the report gives the Service, not the pod’s, in a check of the Service alone', () => {
    const zh = '命名空间 dev 下的 pod web-7d9f8b6c5d-x2x4k 访问 default 命名空间的服务 mysql 超时';
    expect(fillFromQuestion(serviceCheck, zh).command).toBe('kubectl get endpoints mysql -n default');
    expect(fillFromQuestion(podCheck, zh).command).toContain('-n dev web-7d9f8b6c5d-x2x4k');
    const en =
      'pod web-7d9f8b6c5d-x2x4k in namespace dev gets i/o timeout from svc/mysql; curl mysql.db.svc.cluster.local:3306 hangs';
    // Read only from the Service's DNS name, the namespace is left open rather than given the pod's.
    expect(fillFromQuestion(serviceCheck, en).command).toBe('kubectl get endpoints mysql -n <namespace>');
  });

  it('keeps the one namespace when the report gives the Service none of its own, or the same', () => {
    const same = 'pod web-7d9f8b6c5d-x2x4k in namespace dev cannot reach svc/mysql';
    expect(fillFromQuestion(serviceCheck, same).command).toBe('kubectl get endpoints mysql -n dev');
    const dns =
      'pod web-7d9f8b6c5d-x2x4k in namespace dev: curl svc/mysql at mysql.dev.svc.cluster.local hangs';
    expect(fillFromQuestion(serviceCheck, dns).command).toBe('kubectl get endpoints mysql -n dev');
    const only = 'Service test-svc, port 80; curl test-svc.default.svc.cluster.local from another pod hangs';
    expect(fillFromQuestion(serviceCheck, only).command).toBe(
      'kubectl get endpoints test-svc -n <namespace>',
    );
  });

  it('reads a Service’s DNS name and a Chinese namespace before the Service only', () => {
    expect(namespaceOfService('curl mysql.db.svc.cluster.local', 'mysql')).toEqual({
      namespace: 'db',
      fromDns: true,
    });
    expect(namespaceOfService('命名空间 prod 的服务 api 超时', 'api')).toEqual({
      namespace: 'prod',
      fromDns: false,
    });
    expect(namespaceOfService('pod in namespace prod cannot reach service api', 'api')).toBeUndefined();
    expect(namespaceOfService('curl my-mysql.db.svc.cluster.local', 'mysql')).toBeUndefined();
  });
});

describe('placeholder fills: the local end of a socket pair is the client', () => {
  it('reads an address and port before an arrow to another address and port as the source', () => {
    expect(socketPairSource(true, '->10.96.0.1:443: i/o timeout')).toBe(true);
    expect(socketPairSource(true, ' → 223.5.5.5:53 超时')).toBe(true);
    expect(socketPairSource(false, '->10.96.0.1:443')).toBe(false);
    expect(socketPairSource(true, ' -> pod web-0 fails')).toBe(false);
    expect(socketPairSource(true, ': connect: connection refused')).toBe(false);
  });

  it('fills the server after the arrow and its port, not the client’s ephemeral port', () => {
    const en = 'kubectl logs fails: dial tcp 10.244.1.5:51234->10.96.0.1:443: i/o timeout';
    const enFills = fills(en);
    expect(enFills.get('<target-ip>')).toBe('10.96.0.1');
    expect(enFills.get('<port>')).toBe('443');
    expect(enFills.get('<src-ip>')).toBe('10.244.1.5');
    const zh =
      'coredns 日志一直报错：read udp 10.244.0.72:58074->223.5.5.5:53: i/o timeout，外部域名解析失败';
    const zhFills = fills(zh);
    expect(zhFills.get('<target-ip>')).toBe('223.5.5.5');
    expect(zhFills.get('<port>')).toBe('53');
  });

  it('still fills the port of an address the report dials without a pair', () => {
    const en = 'the pod logs dial tcp 10.96.0.1:443: i/o timeout';
    expect(fills(en).get('<target-ip>')).toBe('10.96.0.1');
    expect(fills(en).get('<port>')).toBe('443');
  });
});

describe('placeholder fills: "X 无法访问 Y" names X as the one that tries', () => {
  it('reads a failure verb with an object after it as said of the object', () => {
    expect(failsRightAfter(' 无法访问 10.96.0.1:443')).toBe(false);
    expect(failsRightAfter(' 连不上外网')).toBe(false);
    expect(failsRightAfter(' 无法访问，pod 里 curl 超时')).toBe(true);
    expect(failsRightAfter(' 不通')).toBe(true);
    expect(failsRightAfter(' timed out from pods')).toBe(true);
  });

  it('fills the address after the verb as the target, the one before as the source', () => {
    const zh = '节点 192.168.1.11 上的 pod 10.244.2.3 无法访问 10.96.0.1:443';
    const zhFills = fills(zh);
    expect(zhFills.get('<target-ip>')).toBe('10.96.0.1');
    expect(zhFills.get('<src-ip>')).toBe('10.244.2.3');
    const en = 'pod 10.244.2.3 cannot reach 10.96.0.1:443';
    expect(fills(en).get('<target-ip>')).toBe('10.96.0.1');
  });

  it('keeps an address said unreachable on its own as the target', () => {
    expect(fills('10.96.0.1:443 无法访问，pod 里 curl 超时').get('<target-ip>')).toBe('10.96.0.1');
  });
});

describe('placeholder fills: a resolver said to forward, or queried by nslookup/dig, is the DNS server', () => {
  it('fills the DNS server, not the target, from a forward said in prose', () => {
    const en = 'pods cannot resolve external names; coredns forwards to 8.8.8.8 and lookups time out';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<dns-ip>')).toBe('8.8.8.8');
    const zh = 'pod 里解析外部域名超时，CoreDNS 转发到 114.114.114.114';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<dns-ip>')).toBe('114.114.114.114');
  });

  it('fills the server argument of nslookup and dig as the DNS server', () => {
    const en = 'kubectl exec busybox -- nslookup kubernetes.default 10.96.0.10 times out';
    expect(fills(en).get('<dns-ip>')).toBe('10.96.0.10');
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = '在 pod 里 dig @169.254.20.10 kubernetes.default.svc.cluster.local 超时';
    expect(fills(zh).get('<dns-ip>')).toBe('169.254.20.10');
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('still reads a queried ClusterIP as the Service’s address', () => {
    const en =
      'nslookup kubernetes.default 10.96.0.10 from the node times out, but from pods DNS via the service IP works';
    expect(fills(en).get('<dns-ip>')).toBe('10.96.0.10');
    expect(fills(en).get('<cluster-ip>')).toBe('10.96.0.10');
    const zh = '在节点上 dig @10.96.0.10 kubernetes.default 超时，pod 里通过 service ip 解析正常';
    expect(fills(zh).get('<dns-ip>')).toBe('10.96.0.10');
    expect(fills(zh).get('<cluster-ip>')).toBe('10.96.0.10');
  });

  it('keeps an address pinged or curled beside a query as the target', () => {
    const en = 'nslookup works, but curl 10.96.45.12:8080 from the pod times out';
    expect(fills(en).get('<target-ip>')).toBe('10.96.45.12');
    const zh = 'pod 内 ping 8.8.8.8 不通，coredns 日志正常';
    expect(fills(zh).get('<target-ip>')).toBe('8.8.8.8');
  });

  it('reads the forward verb of a resolver and the query tools’ server argument only', () => {
    expect(dnsForwardTarget('coredns forwards to ')).toBe(true);
    expect(dnsForwardTarget('dnsmasq is forwarding queries to ')).toBe(true);
    expect(dnsForwardTarget('CoreDNS 转发到 ')).toBe(true);
    expect(dnsForwardTarget('the node forwards traffic to ')).toBe(false);
    expect(dnsForwardTarget('kubectl port-forward to ')).toBe(false);
    expect(dnsQueryServer('nslookup kubernetes.default ')).toBe(true);
    expect(dnsQueryServer('dig @')).toBe(true);
    expect(dnsQueryServer('dig +short example.com @')).toBe(true);
    expect(dnsQueryServer('nslookup ')).toBe(false);
    expect(dnsQueryServer('ping ')).toBe(false);
  });
});
