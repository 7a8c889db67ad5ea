import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('the object or address the question says works is the comparison, not what fails', () => {
  it('reads "works / answers / is fine on, at, from" before a name and before an address the same way', () => {
    // An address after "is fine from" works: the other one is the source that fails.
    const ip = extractEntities('curl to the ClusterIP is fine from 10.0.0.5 but times out from 10.0.0.6');
    expect(ip.ips.find((m) => m.ip === '10.0.0.5')?.works).toBe(true);
    expect(ip.ips.find((m) => m.ip === '10.0.0.6')?.works).toBeUndefined();
    // A node after "answers on" works: the node that fails fills.
    expect(fills('the DNS query answers on node-2 but times out on node-3').get('<node-name>')).toBe(
      'node-3',
    );
    expect(fills('DNS 查询 answers on node-2，但在 node-3 上超时').get('<node-name>')).toBe('node-3');
    // Not when the question says it does not work there.
    expect(fills('it does not work on node-2').get('<node-name>')).toBe('node-2');
  });
});

describe('one list of units: a size, a duration or a count after a number is no port', () => {
  it('reads the units the same way after a port word and after a bare number', () => {
    // A count after `端口`: `3 台` is how many machines, so 6443 is the one port.
    expect(fills('访问 6443 端口 3 台 node 都超时').get('<port>')).toBe('6443');
    // A size after a bare well-known number, in traditional Chinese too.
    expect(fills('CoreDNS 回應 53 字節 後就斷了').get('<port>')).toBeUndefined();
    expect(fills('the reply is cut after 443 bytes').get('<port>')).toBeUndefined();
    // A duration after `port N`.
    expect(fills('port 443 sec timeout on every retry').get('<port>')).toBeUndefined();
    // A word that starts like a unit is no unit: `K3S_TOKEN` after `:6443`.
    expect(
      fills('curl -sfL https://get.k3s.io | K3S_URL=https://myserver:6443 K3S_TOKEN=XXX sh -').get('<port>'),
    ).toBe('6443');
  });
});

describe('the object in the failing clause wins over one said to work (real reports, shortened)', () => {
  it('fills the Service written with the port that fails, not the one that works', () => {
    // easzlab/kubeasz#146
    const kubeasz =
      'nodeport 访问问题。测试部署了两个项目 nginx 及一个我们自己的项目，nginx 三个节点使用 ip+port 访问都没问题，自己的项目则只有一个节点可以访问。kubectl get pod,svc -n hspro：svc/nginx NodePort 10.68.64.226 80:36988/TCP，svc/resource-saas NodePort 10.68.31.247 8380:25477/TCP。curl 192.168.0.76:25477（无法访问），curl 192.168.0.78:25477（可以访问，实际 pod 运行在该节点）。';
    expect(fills(kubeasz).get('<service-name>')).toBe('resource-saas');
    expect(fills(kubeasz).get('<port>')).toBe('25477');
    const en =
      'kubectl get svc -n shop: svc/api NodePort 10.96.10.1 <none> 80:30080/TCP, svc/web NodePort 10.96.10.2 <none> 80:30081/TCP. curl 192.168.1.10:30080 works, curl 192.168.1.10:30081 times out';
    expect(fills(en).get('<service-name>')).toBe('web');
    // No port written with either Service: the first named stays.
    expect(
      fills('svc/api and svc/web both time out: curl 192.168.1.10:30081 hangs').get('<service-name>'),
    ).toBe('api');
  });

  it('fills the node whose pods fail, not nodes said to be reachable or fine', () => {
    // rancher/rke2#6567
    const rke2 =
      'The pods in node-1 and node-2 are reachable from all 3 nodes, but pods in node-3 are not reachable from node-1 and node-2.';
    expect(fills(rke2).get('<node-name>')).toBe('node-3');
    expect(fills('node-1 上正常，node-3 上的 pod 访问 10.96.0.1 超时').get('<node-name>')).toBe('node-3');
    // Not reachable is no comparison.
    expect(fills('node-1 is not reachable from node-3').get('<node-name>')).toBe('node-1');
  });
});

describe('words and names in an object word’s place that name no object of that kind', () => {
  it('takes no adverb or outcome after a kubectl command for a pod or node', () => {
    const en =
      'Restarted kubelet on node; kubectl delete node successful; kubectl get pods still shows pod terminating';
    expect(fills(en).get('<pod>')).toBeUndefined();
    expect(fills(en).get('<node-name>')).toBeUndefined();
    expect(fills('重启 kubelet 之后 kubectl get pods still 显示 Terminating').get('<pod>')).toBeUndefined();
    expect(fills('kubectl get pods web-0 shows Terminating for an hour').get('<pod>')).toBe('web-0');
  });

  it('takes no logical switch for a node', () => {
    // kubeovn/kube-ovn#53
    expect(
      fills('为什么不给node switch加上loadBalancer呢？从 node 访问不了 service').get('<node-name>'),
    ).toBeUndefined();
    expect(fills('node worker-3 上的 pod 访问不了 service').get('<node-name>')).toBe('worker-3');
  });

  it('takes no Service DNS name for a node', () => {
    const istio =
      'VirtualService my-virtualservice hosts service-1.mynamespace.svc.cluster.local with weights 90 and 10, traffic never reaches v2';
    expect(fills(istio).get('<node-name>')).toBeUndefined();
    expect(fills('kubelet on host node-a.example.com is NotReady').get('<node-name>')).toBe(
      'node-a.example.com',
    );
  });

  it('takes no ingress default backend or Multus network for a pod', () => {
    const ingress =
      'ingress annotations: default-backend: default/bcp-hybris-https-lb, backend-protocol: HTTPS; every path returns 404';
    expect(fills(ingress).get('<pod>')).toBeUndefined();
    const multus =
      '网关 statefulset 加了注解 k8s.v1.cni.cncf.io/networks: default/vswitchexternal1,default/vswitchinternal 之后 pod 还是没有 net1';
    expect(fills(multus).get('<pod>')).toBeUndefined();
    expect(
      fills('failed to get net-attach-def kube-system/subnetexternal: not found').get('<pod>'),
    ).toBeUndefined();
    expect(fills('pod default/nginx-7d9f8b6c5-x2x9q keeps CrashLoopBackOff').get('<pod>')).toBe(
      'nginx-7d9f8b6c5-x2x9q',
    );
  });

  it('takes no short node word that is part of the host name the question writes', () => {
    const listing =
      '$ kubectl get po -o wide | grep worker-5 prometheus-blackbox-7bd4db7d6f-64ntz 1/1 Running 1 (3h12m ago) 20h 10.244.1.207 k8s-worker-5.pacific-textiles.com <none> <none>';
    expect(fills(listing).get('<node-name>')).toBeUndefined();
    expect(fills('pods on node-1 and node-10 cannot reach the ClusterIP').get('<node-name>')).toBe('node-1');
  });

  it('takes no interface from the output of a command run inside a pod', () => {
    // kubernetes/kubernetes#16836
    const busybox =
      "kubedns nslookup: can't resolve 'kubernetes.default'. kubectl exec busybox -- ifconfig: eth0 inet addr 172.17.33.2 Mask 255.255.255.0 MTU 1472.";
    expect(fills(busybox).get('<iface>')).toBeUndefined();
    expect(
      fills('kubectl exec -it web-0 -- ip addr 看到 eth0 的 mtu 是 1450，跨节点访问超时').get('<iface>'),
    ).toBeUndefined();
    expect(
      fills('kubectl exec web-0 -- curl 10.96.0.1 times out; tcpdump -i eth0 on the node shows nothing').get(
        '<iface>',
      ),
    ).toBe('eth0');
  });

  it('takes no Service from a name written only in the rows of a listing', () => {
    // kubernetes/kubernetes (hostnames example): a pod row's NODE cell right before "SVC state:".
    const rows =
      'POD state: hostnames-2923313648-840kr 1/1 Running 0 6m 10.96.0.6 k8s-2 hostnames-2923313648-q23qk 1/1 Running 0 6m 10.96.176.10 k8s-3 SVC state: NAME CLUSTER-IP EXTERNAL-IP PORT(S) AGE hostnames 10.101.51.169 none 80/TCP 8m';
    expect(fills(rows).get('<service-name>')).toBeUndefined();
    const zh =
      'dashboard 访问超时。kubectl -n kube-system get svc：service/calico-typha ClusterIP 10.106.84.71 <none> 5473/TCP；service/kube-dns ClusterIP 10.96.0.10 <none> 53/UDP';
    expect(fills(zh).get('<service-name>')).toBeUndefined();
    // One row the report pastes is its Service.
    expect(
      fills('kubectl get svc：nginx LoadBalancer 10.233.28.24 <pending> 80:30453/TCP，一直 pending').get(
        '<service-name>',
      ),
    ).toBe('nginx');
  });

  it("takes no interface from a pod's own route", () => {
    expect(
      fills('calico网络 pod 网关 default via 169.254.1.1 dev eth0。169.254.1.1是默认的网关').get('<iface>'),
    ).toBeUndefined();
    expect(
      fills(
        'calico 容器 A 的默认路由 `default via 169.254.1.1 dev eth0`，从路由表可以知道 169.254.1.1 是容器的默认网关',
      ).get('<iface>'),
    ).toBeUndefined();
    expect(
      fills(
        'inside the pod, ip route shows default via 169.254.1.1 dev eth0 and the gateway does not answer ARP',
      ).get('<iface>'),
    ).toBeUndefined();
    // A node's route keeps its device.
    expect(fills('节点路由 default via 10.0.0.1 dev eth0，pod 出不了外网').get('<iface>')).toBe('eth0');
    expect(
      fills('pods cannot reach the internet, node route default via 192.168.1.1 dev ens192').get('<iface>'),
    ).toBe('ens192');
  });
});
