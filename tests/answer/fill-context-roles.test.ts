import { describe, expect, it } from 'vitest';
import { describedEndpoint, ipvsRealServer, podWithoutNamespaceFlag } from '../../src/answer/fill-roles.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: an ipvsadm real server is no target', () => {
  it('leaves the target and port open when the only arrows are a table’s backends', () => {
    const table =
      'cannot use the vip to access the nodeport. [root@k8s-m3 ~]# ipvsadm -ln: TCP 172.16.1.7:31481 rr -> 10.244.0.4:80 Masq 1 0 0 -> 10.244.3.3:80 Masq 1 0 0; TCP 10.96.0.10:53 rr -> 10.244.0.2:53 Masq 1 0 0';
    expect(fills(table).get('<target-ip>')).not.toBe('10.244.0.4');
    expect(fills(table).get('<port>')).not.toBe('80');
    const one =
      'NodePort 30080 only answers on one node. ipvsadm -Ln: TCP 10.0.0.21:30080 rr -> 10.244.2.7:80 Masq 1 0 0';
    expect(fills(one).get('<target-ip>')).not.toBe('10.244.2.7');
    expect(fills(one).get('<port>')).not.toBe('80');
    const zh =
      'ipvs 模式下 NodePort 只有部分节点能访问。ipvsadm -Ln 输出: TCP 10.0.0.21:30080 rr -> 172.20.1.5:8080 Masq 1 0 0，其他节点访问 30080 超时';
    expect(fills(zh).get('<target-ip>')).not.toBe('172.20.1.5');
    expect(fills(zh).get('<port>')).not.toBe('8080');
  });

  it('still reads an arrow of a flow or a curl as where traffic goes', () => {
    const flow = 'pod 10.244.1.5 -> 10.244.2.9:8080 times out, the SYN never reaches node2';
    expect(fills(flow).get('<target-ip>')).toBe('10.244.2.9');
    expect(fills(flow).get('<port>')).toBe('8080');
    const zh = '从 pod 访问 -> 10.96.12.34:80 一直超时';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.12.34');
  });

  it('tells a real-server line by its forward method or its scheduler', () => {
    expect(ipvsRealServer('TCP 10.96.0.1:443 rr\n  -> ', ':6443            Masq    1      0')).toBe(true);
    expect(ipvsRealServer('TCP 10.96.0.1:443 rr persistent 10800 -> ', ':6443, next')).toBe(true);
    expect(ipvsRealServer('TCP 10.104.23.47:80 rr -> 100.66.209.194:80 Masq，-> ', ':80 Masq。')).toBe(true);
    expect(ipvsRealServer('curl from pod -> ', ':8080 and it hangs')).toBe(false);
    expect(ipvsRealServer('read udp 10.244.0.72:58074->', ':53: i/o timeout')).toBe(false);
  });
});

describe('placeholder fills: a pod run without a namespace flag', () => {
  it('leaves <namespace> open instead of pairing the pod with another command’s namespace', () => {
    const report =
      'nslookup kubernetes.default is stuck. [root@masterhost ~]# kubectl get pods -n kube-system: kube-dns-v20-jm7x7 3/3 Running 0 2h; kubernetes-dashboard-255567031-7dn4l 1/1 Running 44 11d. kubectl get services -n kube-system: kube-dns 10.254.0.10. kubectl exec -ti busybox1 -- nslookup kubernetes: Server: 10.254.0.10 Address 1: 10.254.0.10 kube-dns.kube-system.svc.cluster.local';
    expect(fills(report).get('<pod>')).toBe('busybox1');
    expect(fills(report).get('<namespace>')).toBeUndefined();
    const zh =
      'kubectl -n kube-system get svc kube-dns 正常，但是 kubectl exec -it dnsutils -- nslookup kubernetes.default 一直超时';
    expect(fills(zh).get('<pod>')).toBe('dnsutils');
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('keeps the namespace when the pod’s own command or the prose gives it', () => {
    const own = 'kubectl exec curl123 curl http://10.100.66.78:8080 -n girish hangs after the NetworkPolicy';
    expect(fills(own).get('<namespace>')).toBe('girish');
    const flag = 'kubectl exec -n prod -it web-0 -- curl -m 3 http://api:8080 times out';
    expect(fills(flag).get('<namespace>')).toBe('prod');
    const prose = '在 namespace payments 里，kubectl exec -it web-0 -- curl http://api:8080 超时';
    expect(fills(prose).get('<namespace>')).toBe('payments');
  });

  it('says which pods a flagless kubectl command runs against', () => {
    expect(podWithoutNamespaceFlag('kubectl exec -ti busybox1 -- nslookup kubernetes', 'busybox1')).toBe(
      true,
    );
    expect(podWithoutNamespaceFlag('kubectl exec -ti -n dev busybox1 -- nslookup x', 'busybox1')).toBe(false);
    expect(
      podWithoutNamespaceFlag('kubectl logs dev/busybox1 and kubectl exec busybox1 -- ls', 'busybox1'),
    ).toBe(false);
    expect(podWithoutNamespaceFlag('the busybox1 pod cannot resolve names', 'busybox1')).toBe(false);
  });
});

describe('placeholder fills: a described Service’s Endpoints are its backends', () => {
  it('takes neither target nor port from the Endpoints field', () => {
    const zh =
      '創建了一個 NodePort 類型 Service，8000 開在哪？kubectl describe svc my-dep: Port: 8000/TCP; TargetPort: 80/TCP; NodePort: 30948/TCP; Endpoints: 10.244.1.2:80,10.244.2.3:80。';
    expect(fills(zh).get('<service-name>')).toBe('my-dep');
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<port>')).toBeUndefined();
    const en =
      'NodePort not reachable from outside. Name: web; Type: NodePort; IP: 10.96.5.5; NodePort: 31000/TCP; Endpoints: 10.244.1.7:8080';
    expect(fills(en).get('<target-ip>')).not.toBe('10.244.1.7');
    expect(fills(en).get('<port>')).not.toBe('8080');
  });

  it('still reads a backend the report curls as the target', () => {
    const curl = 'Endpoints: 10.244.1.7:8080 is listed, but curl 10.244.1.7:8080 from node2 times out';
    expect(fills(curl).get('<target-ip>')).toBe('10.244.1.7');
    expect(fills(curl).get('<port>')).toBe('8080');
  });

  it('tells the Endpoints field from prose about endpoints', () => {
    expect(describedEndpoint('Session Affinity: None; Endpoints: ')).toBe(true);
    expect(describedEndpoint('Endpoints:         10.244.0.36:80,')).toBe(true);
    expect(describedEndpoint('the endpoints are fine, but curl ')).toBe(false);
    expect(describedEndpoint('Endpoints 为空，访问 ')).toBe(false);
  });
});

describe('placeholder fills: a flagless pod’s command ends at full-width punctuation or the next kubectl', () => {
  it('does not give the pod the namespace of a later command in a Chinese report', () => {
    const zh =
      "集群内部名称不能解析, 外部域名可以解析。kubectl exec dnsutils-ds-jpw88 nslookup my-nginx 返回 Server: 10.254.0.2，** server can't find my-nginx.default.svc.cluster.local: SERVFAIL；kubectl exec dnsutils-ds-jpw88 nslookup www.baidu.com. 正常返回 www.a.shifen.com。日志 kubectl logs -n kube-system coredns-8854569d4-m8vxl: reflector.go:134 Failed to list *v1.Service";
    expect(fills(zh).get('<pod>')).toBe('dnsutils-ds-jpw88');
    expect(fills(zh).get('<namespace>')).not.toBe('kube-system');
    const en =
      'kubectl exec busybox nslookup kubernetes times out; kubectl logs -n kube-system coredns-6d4b75cb6d-2xk8p shows i/o timeout';
    expect(podWithoutNamespaceFlag(en, 'busybox')).toBe(true);
  });

  it('still reads the old syntax that puts -n after the in-pod command', () => {
    expect(
      podWithoutNamespaceFlag(
        'kubectl exec curl123 curl http://10.100.66.78:8080 -n girish hangs',
        'curl123',
      ),
    ).toBe(false);
    expect(
      podWithoutNamespaceFlag('kubectl exec web-0 -- ls；kubectl exec -n prod web-0 -- ls', 'web-0'),
    ).toBe(false);
  });
});

describe('placeholder fills: name/namespace as Kube-OVN’s logs write it', () => {
  it('takes the well-known namespace on the right as the namespace, not the pod’s name', () => {
    const zh =
      'kube-ovn-pinger pod里报错为：networkPlugin cni failed to set up pod "kube-ovn-pinger-pnmrs_kube-system" network: request ip return 500 configure nic eth0 for pod kube-ovn-pinger-pnmrs/kube-system failed';
    expect(fills(zh).get('<namespace>')).toBe('kube-system');
    const en = 'configure nic for pod coredns-7f89b7bc75-9xk2p/kube-system failed: no address allocated';
    expect(fills(en).get('<namespace>')).toBe('kube-system');
    expect(fills(en).get('<pod>')).toBe('coredns-7f89b7bc75-9xk2p');
  });

  it('keeps kubectl’s namespace/name order', () => {
    const en = 'kubectl -n kube-system logs pod kube-system/coredns-7f89b7bc75-9xk2p shows i/o timeout';
    expect(fills(en).get('<namespace>')).toBe('kube-system');
    expect(fills(en).get('<pod>')).toBe('coredns-7f89b7bc75-9xk2p');
  });
});

describe('placeholder fills: "in the namespace" before a plain word', () => {
  it('does not read what the namespace’s pods do as its name', () => {
    const en =
      'PODs in the namespace stuck in ContainerCreating status with this status error: plugin type="kube-ovn" failed (add)';
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const also = 'all pods in the namespace hang on DNS lookups after the upgrade';
    expect(fills(also).get('<namespace>')).toBeUndefined();
  });

  it('still reads "in namespace X" and an object-shaped name after "the namespace"', () => {
    expect(fills('the web pod in namespace payments cannot reach api:8080').get('<namespace>')).toBe(
      'payments',
    );
    expect(fills('pods in the namespace team-a cannot reach kube-dns').get('<namespace>')).toBe('team-a');
    expect(fills('pod 在命名空间 payments 里访问 api:8080 超时').get('<namespace>')).toBe('payments');
  });
});

describe('placeholder fills: what follows "in the pod:" is what ran there', () => {
  it('does not read a command run in the pod as its name', () => {
    const en =
      "K8S pods don't reach DNS / Internet. In the pod: apt-get install net-tools gives Err:1 http://deb.debian.org/debian buster/main amd64 net-tools Temporary failure resolving 'deb.debian.org'.";
    expect(fills(en).get('<pod>')).toBeUndefined();
    const node = 'On the worker node: ip-route-check shows no route to 10.244.2.0/24';
    expect(fills(node).get('<node-name>')).toBeUndefined();
  });

  it('still reads a pod field or a pod named after a colon', () => {
    expect(fills('pod: web-7d9f8b6c5-x2x9q cannot reach api:8080').get('<pod>')).toBe('web-7d9f8b6c5-x2x9q');
    expect(fills('出问题的 pod：web-7d9f8b6c5-x2x9q，访问 svc 超时').get('<pod>')).toBe(
      'web-7d9f8b6c5-x2x9q',
    );
  });
});

describe('placeholder fills: pod rows shortened to name, ready and status', () => {
  it('reads several short rows as a listing: only a failing one singles a pod out', () => {
    const zh =
      'coredns解析有问题。kubectl run nginx --image=nginx --expose --port=80，service/nginx created。kubectl get po,svc -n kube-system：pod/calico-node-82kj9 2/2 Running，pod/coredns-868d999555-jtv48 1/1 Running，pod/coredns-868d999555-kkjns 1/1 Running；service/kube-dns ClusterIP 10.68.0.2 53/UDP,53/TCP。';
    expect(fills(zh).get('<pod>')).not.toBe('calico-node-82kj9');
    const en =
      'kubectl get pods: web-7d9f8b6c5-x2x9q 1/1 Running, web-7d9f8b6c5-k8s2p 0/1 CrashLoopBackOff, db-5c4f7d8b9-qq7ls 1/1 Running. The crashing one cannot reach db.';
    expect(fills(en).get('<pod>')).toBe('web-7d9f8b6c5-k8s2p');
  });

  it('still takes a single short row as the pod the report shows', () => {
    expect(
      fills('kubectl get pods: web-7d9f8b6c5-x2x9q 0/1 CrashLoopBackOff; it cannot reach api').get('<pod>'),
    ).toBe('web-7d9f8b6c5-x2x9q');
  });
});

describe('placeholder fills: Calico’s pod gateway 169.254.1.1 is no target', () => {
  it('does not make the gateway seen in a pod’s ARP or route table the target', () => {
    const en =
      'inside the pod, arp -n shows 169.254.1.1 at ee:ee:ee:ee:ee:ee but pods cannot talk to each other';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = 'Pod 内 arp 表里 169.254.1.1 的 MAC 是 ee:ee:ee:ee:ee:ee，pod 之间不通';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('still fills the pod address the report pings beside the gateway', () => {
    const en =
      'ping 10.244.1.5 from pod A times out; ip neigh in the pod shows 169.254.1.1 and 10.244.1.7 REACHABLE';
    expect(fills(en).get('<target-ip>')).toBe('10.244.1.5');
    const zh = 'pod 里 ping 10.244.1.5 不通，ip neigh 看到 169.254.1.1';
    expect(fills(zh).get('<target-ip>')).toBe('10.244.1.5');
  });

  it('keeps the gateway as the target when the report asks for it and gets no answer', () => {
    const en = 'from inside the pod, ping 169.254.1.1 times out and no route works';
    expect(fills(en).get('<target-ip>')).toBe('169.254.1.1');
    const zh = 'cali 网卡上抓包：ARP, Request who-has 169.254.1.1 tell 10.42.0.17，一直没有应答';
    expect(fills(zh).get('<target-ip>')).toBe('169.254.1.1');
  });

  it('reads other link-local addresses as before', () => {
    const metadata = 'pods cannot reach the metadata service: curl 169.254.169.254 times out';
    expect(fills(metadata).get('<target-ip>')).toBe('169.254.169.254');
  });
});

describe('placeholder fills: the API server a `kubeadm join` names is no target', () => {
  it('leaves the target open when the address is only the join command’s', () => {
    const en =
      'kubeadm join preflight errors. root@kube-test:~# kubeadm join 10.37.249.120:6443 --token abc.def --discovery-token-ca-cert-hash sha256:xx then calico-node never becomes ready';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh = '新节点执行 kubeadm join --token abc.def 192.168.1.10:6443 后，节点上的 pod 互相 ping 不通';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('still fills the API server address the report dials', () => {
    const en = 'kubeadm join 10.0.0.5:6443 hangs: dial tcp 10.0.0.5:6443: i/o timeout';
    expect(fills(en).get('<target-ip>')).toBe('10.0.0.5');
    const zh = '节点加入后 pod 访问 10.0.0.5:6443 超时';
    expect(fills(zh).get('<target-ip>')).toBe('10.0.0.5');
  });
});
