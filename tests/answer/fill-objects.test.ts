import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: the objects the report names, in their roles', () => {
  it('reads the size after a pinged address as ping’s reply, no port', () => {
    const zh =
      'kubectl get svc -n test：nginx-app-svc ClusterIP 10.96.240.115 8090/TCP。ping 10.96.240.115：64 bytes from 10.96.240.115: icmp_seq=1 ttl=64 time=0.045 ms，为什么 ClusterIP 能 ping 通？';
    expect(fills(zh).get('<port>')).toBeUndefined();
    expect(fills(zh).get('<cluster-ip>')).toBe('10.96.240.115');
    // A port written with the address stays one.
    expect(fills('pod 里访问 10.96.240.115：8090 超时').get('<port>')).toBe('8090');
    expect(fills('curl 10.96.0.10:8080 from the pod times out').get('<port>')).toBe('8080');
  });

  it('reads an address ping got replies from as working, the comparison beside the one that fails', () => {
    const en =
      "why cann't ping svc, the kubernetes svc can ping access, others cannot. ping alpaca-pxc.default.svc.cluster.local: PING (10.233.37.69) 56(84) bytes of data, 4 packets transmitted, 0 received, 100% packet loss. ping kubernetes.default.svc.cluster.local: PING (10.233.0.1), 64 bytes from kubernetes.default.svc.cluster.local (10.233.0.1): icmp_seq=1 ttl=244 time=4.73 ms.";
    expect(fills(en).get('<target-ip>')).toBe('10.233.37.69');
    const zh =
      'pod 里 ping web.default.svc.cluster.local 不通：PING web.default.svc.cluster.local (10.96.3.4) 56(84) bytes of data，100% packet loss；ping kube-dns.kube-system.svc.cluster.local 正常：64 bytes from kube-dns.kube-system.svc.cluster.local (10.96.0.10): icmp_seq=1';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.3.4');
    // The one address pinged is still the report's, replies or not.
    const alone =
      'ping 10.96.240.115：64 bytes from 10.96.240.115: icmp_seq=1 ttl=64，为什么这个 ClusterIP 能 ping 通？';
    expect(fills(alone).get('<target-ip>')).toBe('10.96.240.115');
  });

  it('reads a name followed by a container’s fields as that container, no pod', () => {
    const zh =
      'hostNetwork 与 hostPort 端口冲突。DaemonSet（监控采集Agent）hostNetwork: true，容器 log-agent containerPort: 80；普通 Pod（Web应用）容器 web-app containerPort: 8080，hostPort: 80。';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    const en =
      'The DaemonSet uses hostNetwork: true with container log-agent containerPort: 80, and pod web-0 fails with bind: address already in use';
    expect(fills(en).get('<pod>')).toBe('web-0');
    expect(
      fills('the pod nginx-host has containerPort 80 and hostPort 80, curl to the pod IP works').get('<pod>'),
    ).toBe('nginx-host');
  });

  it('reads the NodePort of a Service’s PORT(S) cell as a port the report names', () => {
    const en =
      'Host to nodeport service traffic does not work: nginx-clusterip NodePort 10.96.218.105 80:31266/TCP. When trying to access the nodeport from the host it times out';
    expect(fills(en).get('<port>')).toBe('31266');
    expect(
      fills('svc 是 NodePort：my-svc NodePort 10.96.5.6 8080:30888/TCP，从外部访问节点不通').get('<port>'),
    ).toBe('30888');
    // Beside the Service's port written apart, neither is more the one that fails than the other.
    const both =
      'cannot access a nginx service from its NodePort. Deployment nginx-deployment (containerPort 80) and Service nginx-svc of type NodePort, port 80; kubectl get svc shows nginx-svc NodePort 10.43.112.32 80:32136/TCP.';
    expect(fills(both).get('<port>')).toBeUndefined();
  });

  it('reads a described pod that finished (`Status: Succeeded`) as no object of the report', () => {
    const en =
      'curl: (7) Failed to connect to helloworld-go.default.mydomain.com port 80: Connection refused. kubectl describe pods istio-security-post-install-1.5.1-gldz9: Namespace: istio-system, Node: gke-awear-mini-default-pool-15a06374-ddf1/10.132.0.21, Status: Succeeded, IP: 10.60.1.12, Controlled By: Job/istio-security-post-install-1.5.1.';
    for (const placeholder of ['<pod>', '<namespace>', '<pod-ip>', '<node-name>', '<node-ip>'])
      expect(fills(en).get(placeholder), placeholder).toBeUndefined();
    expect(fills(en).get('<port>')).toBe('80');
    const zh =
      '访问 web 服务超时。kubectl describe pod db-migrate-7xk2p -n prod：Status: Succeeded，IP: 10.244.3.9，Controlled By: Job/db-migrate';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    expect(fills(zh).get('<pod-ip>')).toBeUndefined();
    // A running pod's dump still names it.
    const running =
      'kubectl describe pod web-5d9c7b6f4-x2kqz -n prod: Status: Running, IP: 10.244.3.9; curl to it from another node times out';
    expect(fills(running).get('<pod>')).toBe('web-5d9c7b6f4-x2kqz');
    expect(fills(running).get('<pod-ip>')).toBe('10.244.3.9');
  });

  it('reads an error word after a Service word as no Service’s name', () => {
    expect(fills('访问 web 服务 connection refused，pod 都是 running').get('<service-name>')).toBeUndefined();
    expect(fills('调用 order 服务 timeout，endpoints 正常').get('<service-name>')).toBeUndefined();
    expect(fills('访问 nginx-svc 服务超时').get('<service-name>')).toBe('nginx-svc');
    expect(fills('the service nginx-svc times out from pods on node-2').get('<service-name>')).toBe(
      'nginx-svc',
    );
  });

  it('reads the interface Kube-OVN configures `for pod ns/name` as the pod’s, no host NIC', () => {
    const en =
      'networkPlugin cni failed to set up pod "kube-ovn-pinger-pnmrs_kube-system" network: plugin type="kube-ovn" failed (add): RPC failed; request ip return 500 configure nic eth0 for pod kube-ovn-pinger-pnmrs/kube-system failed: permission denied';
    expect(fills(en).get('<iface>')).toBeUndefined();
    const zh =
      'kube-ovn-cni 日志：configure nic eth0 for pod web-0/default failed: file exists，pod 一直 ContainerCreating';
    expect(fills(zh).get('<iface>')).toBeUndefined();
    expect(
      fills('the host nic eth0 for pods traffic has mtu 1450 and cross-node ping fails').get('<iface>'),
    ).toBe('eth0');
  });

  it('reads the ephemeral port of an OVSDB peer `tcp:ip:port` as the client’s, no port', () => {
    const en =
      '/var/log/ovn/ovsdb-server-sb.log: reconnect|ERR|tcp:192.168.1.5:44922: no response to inactivity probe after 5 seconds, disconnecting';
    expect(fills(en).get('<port>')).toBeUndefined();
    const zh =
      'ovn-northd 日志：jsonrpc|WARN|tcp:10.0.0.12:51234: receive error: Connection reset by peer，之后 pod 网络不通';
    expect(fills(zh).get('<port>')).toBeUndefined();
    // The databases' own ports are what a client connects to.
    const sb = 'kube-ovn-controller crashes: CheckSbIsLeader: failed to connect to "tcp:127.0.0.1:6642"';
    expect(fills(sb).get('<port>')).toBe('6642');
  });

  it('reads a number before `port [name]` as no port', () => {
    expect(
      fills('kube-ovn-pinger logs: ovn.go:84] 90 port [XXXXX] not exist in sb-bindings').get('<port>'),
    ).toBeUndefined();
    expect(fills('the 8080 port of the pod is not reachable from other nodes').get('<port>')).toBe('8080');
    expect(fills('节点上 30080 端口不通').get('<port>')).toBe('30080');
  });

  it('reads an address written after an interface name as that interface’s own, no target', () => {
    const en =
      'cilium-dbg status: KubeProxyReplacement: True [enp0s4 10.4.1.6 (Direct Routing)], Cilium: Ok. Cilium health is not started';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = '两台主机 A: cni0 10.244.1.1，B: cni0 10.244.2.1，跨节点 pod 互相 ping 不通';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    // A tool's interface flag sends to the address after it.
    expect(fills('arping -I eth0 10.0.1.1 gets no reply from the MetalLB speaker').get('<target-ip>')).toBe(
      '10.0.1.1',
    );
    expect(fills('节点上 ping -I eth0 10.0.0.5 不通').get('<target-ip>')).toBe('10.0.0.5');
    // A NIC's address in prose is its node's, which the report tries.
    const nodes = "node1 eth0 192.168.1.10 can't reach node2 eth0 192.168.1.11 after the upgrade";
    expect(fills(nodes).get('<target-ip>')).toBe('192.168.1.11');
    expect(
      fills('升级后 node1 的 eth0 192.168.1.10 访问 node2 eth0 192.168.1.11 超时').get('<target-ip>'),
    ).toBe('192.168.1.11');
    expect(
      fills('Cilium status: Devices: enp1s0 10.0.0.5 (Direct Routing). pods cannot reach the internet').get(
        '<target-ip>',
      ),
    ).toBeUndefined();
  });

  it('reads the address after ARP’s `tell` as the asker and the one after `who-has` as sought', () => {
    const en =
      'tcpdump -i cali3019089d1df: ARP, Request who-has 169.254.1.1 tell 172.26.214.172, no reply ever comes';
    expect(fills(en).get('<target-ip>')).toBe('169.254.1.1');
    expect(fills(en).get('<src-ip>')).toBe('172.26.214.172');
    const zh = '在主机上抓容器的包：ARP, Request who-has 169.254.1.1 tell 10.42.0.17 一直没有应答';
    expect(fills(zh).get('<target-ip>')).toBe('169.254.1.1');
  });

  it('fills no address with a loopback one, and keeps its port', () => {
    const en =
      "cannot get hubble status: failed to connect to 'localhost:4245': dial tcp 127.0.0.1:4245: connect: connection refused";
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<port>')).toBe('4245');
    const zh = 'kafka 的 Pod 通过127.0.0.1:2181连接Zookeeper失败';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<port>')).toBe('2181');
    expect(fills('pod 里 curl 10.96.0.1:443 超时').get('<target-ip>')).toBe('10.96.0.1');
  });

  it('takes of several failing listed pods the one the report also names in its own words', () => {
    const en =
      'pod kube-flannel-ds CrashLoopBackOff. kubectl get pods -n kube-system: coredns-6d56c8448f-5z5kp 0/1 ContainerCreating; coredns-6d56c8448f-mldqr 0/1 ContainerCreating; kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9; kube-flannel-ds-v26b9 0/1 CrashLoopBackOff 9; kube-proxy-ccrwh 1/1 Running.';
    expect(fills(en).get('<pod>')).toBe('kube-flannel-ds-5w8v2');
    expect(fills(en).get('<namespace>')).toBe('kube-system');
    const zh =
      'flannel 一直重启。kubectl get pods -n kube-system: coredns-6d56c8448f-5z5kp 0/1 ContainerCreating; kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9; kube-proxy-ccrwh 1/1 Running. kubectl logs kube-flannel-ds-5w8v2 -n kube-system 显示 pod cidr not assigned';
    expect(fills(zh).get('<pod>')).toBe('kube-flannel-ds-5w8v2');
    // Named nowhere else, the first failing row stays first.
    const none =
      'pods stuck. kubectl get pods -n kube-system: coredns-6d56c8448f-5z5kp 0/1 ContainerCreating; kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9; kube-proxy-ccrwh 1/1 Running.';
    expect(fills(none).get('<pod>')).toBe('coredns-6d56c8448f-5z5kp');
  });

  it('reads two node names around an ellipsis as an inventory', () => {
    const en =
      'NodePort not reachable. Masters 172.16.126.202-204, nodes node001 172.16.126.208 ... node008 172.16.126.215. The pod is scheduled on node002 which ip address is 172.16.126.209.';
    expect(fills(en).get('<node-name>')).toBe('node002');
    const zh = '节点 worker01 10.0.0.11 … worker09 10.0.0.19，worker03 上的 pod 访问不了 service';
    expect(fills(zh).get('<node-name>')).toBe('worker03');
    expect(fills("pods on worker2 can't reach pods on worker1").get('<node-name>')).toBe('worker2');
  });

  it('reads the API server’s own `kubernetes` Service row as incidental unless the report tries its address', () => {
    const zh =
      '同一service下 pod相互ping不通。kubectl get service -A: default kubernetes ClusterIP 10.254.0.1.';
    expect(fills(zh).get('<cluster-ip>')).toBeUndefined();
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    const en =
      'pods on different nodes cannot ping each other. kubectl get svc: kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 5d';
    expect(fills(en).get('<cluster-ip>')).toBeUndefined();
    expect(fills(en).get('<service-name>')).toBeUndefined();
    const tried =
      'kube-proxy ipvs mode cannot access clusterip:port after node reboot. kubectl get svc | grep kubernetes: kubernetes ClusterIP 192.168.0.1 443/TCP. curl 192.168.0.1:443 fails';
    expect(fills(tried).get('<cluster-ip>')).toBe('192.168.0.1');
    const triedZh =
      '重启节点后 kubectl get svc 显示 kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 5d，pod 里 curl -k https://10.96.0.1 超时';
    expect(fills(triedZh).get('<cluster-ip>')).toBe('10.96.0.1');
    expect(fills(triedZh).get('<service-name>')).toBe('kubernetes');
  });
});
