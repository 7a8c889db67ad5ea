import { describe, expect, it } from 'vitest';
import { alreadyRan, checkProgram, ranProbes } from '../../src/answer/already-ran.js';

const programs = (question: string) => [...ranProbes(question).keys()];

describe('ranProbes', () => {
  it('finds a probe written as run, with its argument and what it gave', () => {
    expect(
      programs(
        "I can access the two pods by pod ip (curl 10.16.0.3:5000 returns 10.16.0.3), but I can not access the service's clusterIp:port: curl 10.10.82.20:5555 gives Failed connect to 10.10.82.20:5555; timeout.",
      ),
    ).toEqual(['curl']);
    expect(
      programs(
        '请求pod所在的物理机 curl -iv 10.203.98.71:30013 返回200，其他节点 curl 10.203.98.72:30013 Connection timed out。',
      ),
    ).toEqual(['curl']);
    expect(
      programs('Inside the pod: curl google.com gives curl: (6) Could not resolve host: google.com'),
    ).toEqual(['curl']);
    expect(programs('在 pod 里 nslookup kubernetes.default 超时，ping 8.8.8.8 是通的')).toEqual([
      'nslookup',
      'ping',
    ]);
  });

  it('finds none where a tool is only named or asked about', () => {
    expect(programs('Can I use tcpdump to see where the packets to the service are dropped?')).toEqual([]);
    expect(programs('OVN-K 節點上 curl clusterIP 超時，pod 裡訪問正常')).toEqual([]);
    expect(programs('探针报 connect: connection refused 是网络问题吗')).toEqual([]);
    // `curl` inside another word or path is no run of it.
    expect(programs('the image yauritux/busybox-curl -- sh')).toEqual([]);
  });
});

describe('kubectl listings a report pasted', () => {
  it('are the verb and kind it listed, short names and `all` read as the kinds', () => {
    expect(
      programs(
        'the logs of coredns have errors:\n[root@host8c ~]# kubectl get po -A -owide\nNAMESPACE NAME READY',
      ),
    ).toEqual(['kubectl get pods']);
    expect(
      programs(
        'kubectl get pods -A 显示所有 Pod 均为 Running 且 Ready (1/1)；kubectl get ep frontend 显示 Endpoints 存在且 IP 正确（如 10.244.104.23:8080）。',
      ),
    ).toEqual(['kubectl get pods', 'kubectl get endpoints']);
    expect(
      programs('dev@master:~$ kubectl get all --all-namespaces -o wide: default pod/deploy-heketi'),
    ).toEqual(['kubectl get pods', 'kubectl get services']);
  });

  it('spare a listing reading fields the pasted table did not show', () => {
    const en = ranProbes(
      '$ kubectl get nodes -o wide\nNAME STATUS ROLES AGE VERSION INTERNAL-IP\nnode1 Ready <none> 3d v1.28.2 10.0.0.11',
    );
    expect(
      alreadyRan('kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR', en),
    ).toBe(false);
    expect(alreadyRan("kubectl get nodes -o jsonpath='{.items[*].spec.podCIDRs}'", en)).toBe(false);
    // The same plain listing is still the one the report ran.
    expect(alreadyRan('kubectl get nodes -o wide', en)).toBe(true);
    const zh = ranProbes('执行 kubectl get no 显示两个节点都是 Ready，但跨节点 pod 互相 ping 不通');
    expect(alreadyRan('kubectl get nodes -o yaml', zh)).toBe(false);
    expect(alreadyRan('kubectl get nodes', zh)).toBe(true);
    // A report that itself read the fields has run that check.
    const read = ranProbes("我跑了 kubectl get nodes -o jsonpath='{.items[*].spec.podCIDR}' 结果为空");
    expect(
      alreadyRan('kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR', read),
    ).toBe(true);
  });

  it('make the same listing a check already run, and no other', () => {
    const ran = ranProbes('[root@host8c ~]# kubectl get po -A -owide');
    expect(alreadyRan('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide', ran)).toBe(true);
    expect(
      alreadyRan("kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'", ran),
    ).toBe(false);
    expect(alreadyRan('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100', ran)).toBe(false);
    // A listing inside `$(…)` only finds the pod to exec into: the check is what runs there.
    expect(
      alreadyRan(
        'kubectl -n kube-system exec $(kubectl -n kube-system get pod -l k8s-app=cilium -o name) -- cilium-dbg status',
        ran,
      ),
    ).toBe(false);
    // `kubectl exec` is no listing, and naming kubectl is no run of it.
    expect(programs('在 pod 里 kubectl exec -it busybox -- sh 之后 ping 不通')).toEqual([]);
  });
});

describe('alreadyRan', () => {
  it('is the same probe on the same kind of address, or on any when the report names none of known role', () => {
    const ran = ranProbes('curl 10.10.82.20:5555 gives Failed connect to 10.10.82.20:5555; timeout');
    expect(
      alreadyRan('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:<port>/', ran),
    ).toBe(true);
    expect(alreadyRan('iptables-save -t nat | grep <cluster-ip>', ran)).toBe(false);
    expect(alreadyRan('tcpdump -i any -nn host <pod-ip> and port <port>', ran)).toBe(false);
  });

  it('is another check on another kind of address', () => {
    // The report curled the Service's ClusterIP; a curl of a node's address tests something else.
    const ran = ranProbes(
      "service svc-web-1 ClusterIP 10.10.82.20 port 5555/TCP. I can not access the service's clusterIp:port: curl 10.10.82.20:5555 gives Failed connect to 10.10.82.20:5555; timeout.",
    );
    expect([...(ran.get('curl') ?? [])]).toEqual(['service']);
    expect(alreadyRan('curl -sS -m 3 http://<cluster-ip>:<port>/', ran)).toBe(true);
    expect(alreadyRan('curl -sS -m 3 http://<node-ip>:<port>/healthz', ran)).toBe(false);
    // The same in Chinese: `svc 的 ClusterIP 10.96.12.7`.
    const zh = ranProbes('svc 的 ClusterIP 10.96.12.7 不通，在节点上 curl 10.96.12.7:80 超时');
    expect(alreadyRan('curl -sS -m 3 http://<cluster-ip>:<port>/', zh)).toBe(true);
    expect(alreadyRan('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/', zh)).toBe(
      false,
    );
  });
});

describe('checkProgram', () => {
  it('is the program a check runs, inside `kubectl exec … --` and past sudo', () => {
    expect(checkProgram('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/')).toBe(
      'curl',
    );
    expect(checkProgram('sudo tcpdump -i <iface> -nn udp port 8472')).toBe('tcpdump');
    expect(checkProgram("iptables-save -t nat | grep -E 'KUBE-NODEPORTS'")).toBe('iptables-save');
  });
});
