/**
 * Fills that are the objects the question names, in their role (src/answer/placeholders.ts, fill-roles.ts): a
 * NodePort is not paired with a ClusterIP, an endpoint address is no Service's, a node's labelled address is no
 * target, a Multus default network is no pod, a templated name (`ns-test$i`) is no name.
 */
import { describe, expect, it } from 'vitest';
import {
  codeSpanCommand,
  nodePortsOf,
  promptOnlyHost,
  SERVICE_TYPE_NODEPORT,
  speaksOfNodePort,
} from '../../src/answer/fill-roles.js';
import {
  commandTemplate,
  conversationValues,
  extractEntities,
  fillFromQuestion,
  fillTemplate,
  placeholderValues,
} from '../../src/answer/placeholders.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('a NodePort is not the port of a ClusterIP or pod check', () => {
  const CURL_SVC = 'curl -sS -m 3 http://<cluster-ip>:<port>/';
  const CURL_POD = 'kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/';
  const PATCH =
    'kubectl patch svc <service-name> --type=json -p \'[{"op":"replace","path":"/spec/ports/0/targetPort","value":<port>}]\'';
  const LISTEN = 'ss -lntp | grep <port>';

  it.each([
    'Cluster-IP not working. The only way I can access services is through nodeport: curl http://localhost:31898 works but the cluster-ip 10.152.183.235 is not even pingable.',
    '何时能支持Cilium而不用ipvs。nodeport没有问题，但是 svc ip / pod ip访问不通。cilium pod test：echo-a ClusterIP 10.96.162.232 8080/TCP，echo-b NodePort 10.106.116.86 8080:31313/TCP。',
    'kubectl get svc shows nginx LoadBalancer 10.100.180.152 192.168.16.240 80:31215/TCP; ipvsadm shows TCP prod-01.universe.tf:31215 rr. Is the ClusterIP on kube-ipvs0?',
  ])('leaves <port> open beside the ClusterIP, the pod IP and a targetPort: %s', (question) => {
    expect(fillFromQuestion(CURL_SVC, question).command).toMatch(/^curl -sS -m 3 http:\/\/[\d.]+:<port>\/$/);
    expect(fillFromQuestion(CURL_POD, question).command).toContain(':<port>/');
    expect(fillFromQuestion(PATCH, question).command).toContain('"value":<port>');
    // Where only the port is wanted, the NodePort still fills it.
    expect(fillFromQuestion(LISTEN, question).command).not.toContain('<port>');
  });

  it.each([
    'curl http://10.254.153.216:8080 from a pod on another node: Connection timed out, the cluster-ip works on its own node',
    '从 pod 里 curl clusterip 10.96.45.12:8080 直接 connection refused，pod 都是 running',
    'service ng ClusterIP 10.100.66.78 8080/TCP; kubectl exec curl123 -- curl http://10.100.66.78:8080 hangs',
  ])('fills the Service port beside the ClusterIP: %s', (question) => {
    expect(fillFromQuestion(CURL_SVC, question).command).toMatch(/^curl -sS -m 3 http:\/\/[\d.]+:8080\/$/);
  });
});

describe('the NodePort mark is a named field of the fill values, not a key', () => {
  const NODEPORT_REPORT =
    'cilium pod test：echo-a ClusterIP 10.96.162.232 8080/TCP，echo-b NodePort 10.106.116.86 8080:31313/TCP，nodeport没有问题，svc ip 访问不通';

  it('marks the NodePort to fill and keys only placeholders', () => {
    const values = placeholderValues(extractEntities(NODEPORT_REPORT));
    expect(values.get('<port>')).toBe('31313');
    expect(values.nodePort).toBe('31313');
    expect([...values.keys()].every((key) => /^<[a-z][a-z0-9_-]*>$/.test(key))).toBe(true);
  });

  it('marks no port the question writes as the Service’s own', () => {
    const values = placeholderValues(
      extractEntities('从 pod 里 curl clusterip 10.96.45.12:8080 直接 connection refused'),
    );
    expect(values.get('<port>')).toBe('8080');
    expect(values.nodePort).toBeUndefined();
  });

  it('carries an earlier turn’s NodePort mark with its port into a follow-up', () => {
    const values = conversationValues('what should I check next?', [NODEPORT_REPORT]);
    expect(values.nodePort).toBe('31313');
    const filled = fillTemplate(commandTemplate('curl -sS -m 3 http://<cluster-ip>:<port>/'), values);
    expect(filled.command).toContain(':<port>/');
  });
});

describe('the question speaks of a NodePort beyond the kind of Service', () => {
  it.each([
    'cannot access the service from its NodePort: echo-b NodePort 10.106.116.86 8080:31313/TCP',
    'nodeport没有问题，但是 svc ip 访问不通：echo-b NodePort 10.106.116.86 8080:31313/TCP',
    '通过节点端口访问超时，type: NodePort, 80:30080/TCP',
  ])('in its own words: %s', (question) => {
    expect(speaksOfNodePort(question, SERVICE_TYPE_NODEPORT)).toBe(true);
  });

  it.each([
    'curl http://10.106.116.86:8080 times out; echo-b NodePort 10.106.116.86 8080:31313/TCP',
    'svc 配置 type: NodePort, ports 80:31313/TCP，从 pod 里 curl clusterip 超时',
  ])('only as the kind of Service: %s', (question) => {
    expect(speaksOfNodePort(question, SERVICE_TYPE_NODEPORT)).toBe(false);
  });

  it('reads an in-range port as a NodePort only where the report speaks of one (the second reading)', () => {
    expect(nodePortsOf('only through nodeport: curl http://localhost:31898 works', [31898])).toEqual([31898]);
    expect(nodePortsOf('svc web NodePort 10.96.3.4 80; curl http://10.0.0.5:31898 hangs', [31898])).toEqual(
      [],
    );
    // `type: NodePort,` is set aside by the first reading only: the two readings are not one.
    expect(nodePortsOf('type: NodePort, curl http://10.0.0.5:31898 hangs', [31898])).toEqual([31898]);
    expect(speaksOfNodePort('type: NodePort, curl http://10.0.0.5:31898 hangs', SERVICE_TYPE_NODEPORT)).toBe(
      false,
    );
  });
});

describe('an endpoint address is a backend pod’s, not the Service’s', () => {
  it.each([
    'kube-proxy 为 ipvs 模式，访问cluster ip的流量进入INPUT链后被dnat为endpoints的ip 10.222.0.120，之后响应回不来',
    'traffic to the cluster IP is DNATed to the endpoint IP 10.244.3.7 but the reply never comes back',
  ])('fills no <cluster-ip> with it: %s', (question) => {
    const values = fills(question);
    expect(values.get('<cluster-ip>')).toBeUndefined();
    expect(values.get('<service-ip>')).toBeUndefined();
  });

  it('still reads the one address of a ClusterIP question as the Service’s', () => {
    expect(fills('从 pod 里访问 cluster ip 10.96.12.7 超时').get('<cluster-ip>')).toBe('10.96.12.7');
  });
});

describe('an address labelled as a node’s own is no target', () => {
  it.each([
    'Which source address does egress pick? calicoctl shows addresses 10.100.0.253 (CalicoNodeIP, InternalIP) and 1.2.3.7 (ExternalIP). Default route: default via 1.2.3.1 dev ens3 src 1.2.3.7.',
    '出网源地址不对：节点地址 10.100.0.253（节点 IP），默认路由 default via 1.2.3.1 dev ens3',
  ])('leaves <target-ip> open: %s', (question) => {
    expect(fills(question).get('<target-ip>')).toBeUndefined();
    expect(fills(question).get('<node-ip>')).toBe('10.100.0.253');
  });

  it.each([
    'pod 里 ping 10.100.0.253 不通（对端 pod），同节点正常',
    'ping 10.100.0.253 (the other pod) fails from node-a',
  ])('still targets an address labelled otherwise: %s', (question) => {
    expect(fills(question).get('<target-ip>')).toBe('10.100.0.253');
  });
});

describe('a Multus default network is no pod', () => {
  it.each([
    'macvlan pod cannot reach localdns on the host; pod eth0 10.18.232.6/24, v1.multus-cni.io/default-network: kube-system/macvlan-standalone-vlan2032.',
    'macvlan 的 pod 访问不了宿主机的 localdns，注解 v1.multus-cni.io/default-network: kube-system/macvlan-standalone-vlan2032',
  ])('fills neither <pod> nor <namespace>: %s', (question) => {
    expect(fills(question).get('<pod>')).toBeUndefined();
    expect(fills(question).get('<namespace>')).toBeUndefined();
  });

  it('still reads a pod written as namespace/name', () => {
    expect(fills('pod kube-system/coredns-5d78c9869d-8x2kf 一直 CrashLoopBackOff').get('<pod>')).toBe(
      'coredns-5d78c9869d-8x2kf',
    );
  });
});

describe('a name completed by a shell variable is no name', () => {
  it.each([
    'For each i I create namespace ns-test$i labelled name: test$i and a NetworkPolicy default-deny in it',
    '循环里给每个 i 创建命名空间 ns-test$i，再加一条 default-deny 策略，结果都互通了',
  ])('fills no <namespace>: %s', (question) => {
    expect(fills(question).get('<namespace>')).toBeUndefined();
  });

  it.each([
    'I create namespace ns-test1 with a NetworkPolicy default-deny in it',
    '创建命名空间 ns-test1，再加一条 default-deny 策略',
  ])('still fills a whole name: %s', (question) => {
    expect(fills(question).get('<namespace>')).toBe('ns-test1');
  });
});

describe('nodes given only as the inventory, each with its address', () => {
  it.each([
    '多节点离线部署 从节点 calico-node 容器启动失败。两台主机 master-1（9.134.5.228）和 node-1（9.134.125.34），kubernetes v1.22.10，network plugin: calico。从节点上的 calico-node 容器启动失败。',
    'Offline multi-node install: two hosts master-1 (9.134.5.228) and node-1 (9.134.125.34); calico-node fails to start on the worker.',
  ])('fill no <node-name>: %s', (question) => {
    expect(fills(question).get('<node-name>')).toBeUndefined();
  });

  it.each([
    'two hosts master-1 (9.134.5.228) and node-1 (9.134.125.34); calico-node on node-1 keeps crashing',
    '两台主机 master-1（9.134.5.228）和 node-1（9.134.125.34），节点 node-1 上的 calico-node 一直重启',
    'calico-node on worker-3 (10.0.0.13) keeps crashing with BIRD is not ready',
  ])('still fill the node the report writes again or alone: %s', (question) => {
    expect(fills(question).get('<node-name>')).toMatch(/^(?:node-1|worker-3)$/);
  });
});

describe('a component’s own address or a pod’s own route is no target or host interface', () => {
  it.each([
    'Pod cannot access external network. Cilium status: Devices: enp1s0 10.0.0.5 (Direct Routing). Proxy Status: OK, ip 10.5.0.234, 0 redirects active on ports 10000-20000. Hubble: Ok.',
    'pod 访问不了外网。cilium status 输出：Proxy Status: OK, ip 10.5.0.234, 0 redirects active，Hubble: Ok',
  ])('fills no <target-ip> with cilium’s proxy address: %s', (question) => {
    expect(fills(question).get('<target-ip>')).toBeUndefined();
  });

  it('still targets the address the pod fails to reach beside it', () => {
    const question =
      'pod 里 curl 10.8.0.20 超时。cilium status 输出：Proxy Status: OK, ip 10.5.0.234, 0 redirects active';
    expect(fills(question).get('<target-ip>')).toBe('10.8.0.20');
  });

  it.each([
    'container cannot ping the host ip. In the container: default via 169.254.1.1 dev eth1; 169.254.1.1 dev eth1 scope link. Who answers ARP for 169.254.1.1?',
    '容器里 ping 不通宿主机：default via 169.254.1.1 dev eth1，169.254.1.1 dev eth1 scope link，谁来应答 169.254.1.1 的 ARP？',
  ])('fills no <iface> with the pod’s interface: %s', (question) => {
    expect(fills(question).get('<iface>')).toBeUndefined();
  });

  it('still reads a host route’s device as the host’s', () => {
    expect(
      fills('节点上 10.244.2.0/24 via 10.0.0.12 dev eth1 这条路由丢了，跨节点 pod 不通').get('<iface>'),
    ).toBe('eth1');
  });
});

describe('a pod typed after Chinese punctuation in a kubectl command', () => {
  it.each([
    [
      '最后一步验证dns解析出现问题。kubectl exec busybox -n default -- nslookup kubernetes 报错 NXDOMAIN',
      'busybox',
    ],
    [
      'pod 内无法访问 svc：kubectl exec -it -n las-daemon-create-image image-68f0e27d94890244f60e53d2-rvlvn -- bash 后 curl 没有返回',
      'image-68f0e27d94890244f60e53d2-rvlvn',
    ],
    ['dns fails; kubectl exec busybox -n default -- nslookup kubernetes gives NXDOMAIN', 'busybox'],
  ])('fills <pod>: %s', (question, pod) => {
    expect(fills(question).get('<pod>')).toBe(pod);
  });

  it('still reads prose about kubectl as no pod', () => {
    expect(fills('集群有问题。kubectl exec works but curl times out').get('<pod>')).toBeUndefined();
  });
});

describe('a distribution’s add-on named as a pod is its workload, no pod', () => {
  it('leaves <pod> open for RKE2’s and TKE’s add-on names', () => {
    expect(
      extractEntities('rke2-canal pod logs show: Failed to add route, pods cannot ping each other').pods,
    ).toEqual([]);
    expect(
      extractEntities('tke-auth-api pod cannot reach the apiserver: dial tcp 10.96.0.1:443 i/o timeout').pods,
    ).toEqual([]);
    expect(extractEntities('pod rke2-canal 日志报错：Failed to add route，跨节点 pod 不通').pods).toEqual([]);
  });

  it('leaves <pod> open for Rancher’s agents, written bare', () => {
    expect(
      extractEntities(
        'cattle-cluster-agent pod CrashLoopBackOff. Everything is green except cattle-cluster-agent: Could not resolve host',
      ).pods,
    ).toEqual([]);
    expect(extractEntities('cattle-node-agent 的 pod 一直重启，无法解析 rancher 域名').pods).toEqual([]);
    expect(
      extractEntities('kubectl -n cattle-system logs cattle-cluster-agent-5d8f7c9b6-x2x9q shows a DNS error')
        .pods,
    ).toEqual(['cattle-cluster-agent-5d8f7c9b6-x2x9q']);
  });

  it('still fills a generated pod name of the add-on and other workloads’ names', () => {
    expect(extractEntities('rke2-canal-7xk2p pod logs show: Failed to add route').pods).toEqual([
      'rke2-canal-7xk2p',
    ]);
    expect(extractEntities('pod rke2-canal-7xk2p 日志报错：Failed to add route').pods).toEqual([
      'rke2-canal-7xk2p',
    ]);
    expect(extractEntities('my-app pod cannot reach the db service').pods).toEqual(['my-app']);
  });
});

describe('a host written only in shell prompts is where the reporter typed', () => {
  it('recognises prompt-only hosts', () => {
    expect(promptOnlyHost('root@node1:~# kubectl get pods', 'node1')).toBe(true);
    expect(promptOnlyHost('[root@k8s-master01 ~]# ping 10.244.1.3', 'k8s-master01')).toBe(true);
    expect(promptOnlyHost('root@node1:~# ssh node1 and pods on node1 fail', 'node1')).toBe(false);
    expect(promptOnlyHost('mail me at admin@node1.example.com', 'node1')).toBe(false);
  });

  it('fills the node the question names otherwise before the prompt host', () => {
    const en =
      'root@node1:~# kubectl get pods -o wide shows web-7d9f8b6c5-x2x9q on node2; pods on node2 cannot reach the service 10.96.0.10';
    expect(fills(en).get('<node-name>')).toBe('node2');
    const zh = '[root@k8s-master01 ~]# kubectl get pods -o wide，k8s-node03 上的 pod 无法访问 service';
    expect(fills(zh).get('<node-name>')).toBe('k8s-node03');
  });

  it('still fills the prompt host when the question names no other node', () => {
    expect(fills('[root@k8s-master01 ~]# ping 10.244.1.3 fails').get('<node-name>')).toBe('k8s-master01');
    expect(fills('在 [root@k8s-master01 ~]# 上 ping 10.244.1.3 不通').get('<node-name>')).toBe(
      'k8s-master01',
    );
  });
});

describe('a quoted command’s -n is its own tool’s', () => {
  it('reads the command of the code span a flag is in', () => {
    const text = 'cmd: `netctl net create -t cisco -n data -e vlan` fails';
    expect(codeSpanCommand(text, text.indexOf('data'))).toBe('netctl net create -t cisco -n ');
    expect(codeSpanCommand('pods in `-n payments` fail', 12)).toBeUndefined();
    expect(codeSpanCommand('`ip a` then kubectl -n prod get pods', 23)).toBeUndefined();
  });

  it('fills no namespace from another tool’s -n in a code span', () => {
    const en =
      'I use netctl to create a subnet, cmd: `netctl net create -t cisco -n data -e vlan -p 120 -s 192.168.11.0/24 cisco` but pods on different nodes cannot communicate';
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const zh = '用 `virtctl console -n vm01 myvm` 登录后 ping 不通网关';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('still fills the namespace of a quoted kubectl-like command', () => {
    expect(fills('run `kubectl get pods -l app=web.v2 -n shop` shows web-0 Pending').get('<namespace>')).toBe(
      'shop',
    );
    expect(fills('执行 `helm install x -n monitoring` 后 pod 无法访问').get('<namespace>')).toBe(
      'monitoring',
    );
    expect(fills('pods in `-n payments` cannot reach the api').get('<namespace>')).toBe('payments');
  });
});
