import { describe, expect, it } from 'vitest';
import {
  addOnNamespace,
  componentListings,
  dnsQueryClient,
  dnsQueryQuotes,
  healthyComponentPod,
  versionBefore,
} from '../../src/answer/fill-roles.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: a setting’s value is no object name', () => {
  it('does not take a label’s or a flag’s boolean as the node', () => {
    const selector =
      'Pods on different nodes cannot talk when the master is behind NAT. I deploy echo-devel in namespace echo with nodeSelector worker: "true" and the pod on the master cannot reach it.';
    expect(fills(selector).get('<node-name>')).toBeUndefined();
    const zh = '给 worker 节点打了标签，nodeSelector 写的 worker: "true"，调度上去的 pod 访问不了 service';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    const none = 'flannel 跨节点不通，节点 "none" 上没有 flannel.1 的 fdb 表项';
    expect(fills(none).get('<node-name>')).toBeUndefined();
  });

  it('still takes a quoted node name after the object word', () => {
    expect(fills('pods on worker "gpu-2" cannot reach the kube-dns service').get('<node-name>')).toBe(
      'gpu-2',
    );
    expect(fills('节点 "node-7" 上的 pod 访问不了 service').get('<node-name>')).toBe('node-7');
  });
});

describe('placeholder fills: a look at a system component’s pods', () => {
  const policy =
    "Flannel namespace NetworkPolicy. I've created two pods in different namespaces and a NetworkPolicy that should block traffic from other namespaces, but it is still reachable. kubectl get pods -n kube-system | grep flannel -> kube-flannel-62xbw ...; networkpolicy deny-cross-namespace, POD-SELECTOR <none>.";
  const logs =
    'nodelocaldns gives FORMERR for some external queries. Application pods have 169.254.25.10 as nameserver. kubectl logs -l k8s-app=nodelocaldns -n kube-system: 10.233.127.89:32952 - 63993 "AAAA IN registry-1.docker.io. udp 38 false 512" FORMERR qr,rd 38.';
  const zh =
    '业务 pod 之间的 NetworkPolicy 不生效。kubectl get pod -n kube-system -l k8s-app=calico-node 看到 calico-node-x7kq2 都是 1/1 Running；策略 deny-all 在业务命名空间里';

  it('does not fill the namespace or pod of the application from the component’s listing', () => {
    expect(fills(policy).get('<namespace>')).toBeUndefined();
    expect(fills(policy).get('<pod>')).toBeUndefined();
    expect(fills(logs).get('<namespace>')).toBeUndefined();
    expect(fills(zh).get('<namespace>')).toBeUndefined();
    expect(fills(zh).get('<pod>')).toBeUndefined();
  });

  it('still fills them when the listing shows the component failing, or the namespace is the application’s', () => {
    const failing =
      'flannel pods crash after the upgrade. kubectl get pods -n kube-system | grep flannel -> kube-flannel-ds-2xkwt 0/1 CrashLoopBackOff 12';
    expect(fills(failing).get('<namespace>')).toBe('kube-system');
    expect(fills(failing).get('<pod>')).toBe('kube-flannel-ds-2xkwt');
    const app =
      'kubectl get pods -n prod -l app=web | grep web -> web-7d9f8b6c5-x2x9q 1/1 Running; it cannot reach redis';
    expect(fills(app).get('<namespace>')).toBe('prod');
    const direct =
      'coredns 一直重启：kubectl -n kube-system logs coredns-5644d7b6d9-8xz7q 显示 plugin/loop 检测到循环';
    expect(fills(direct).get('<namespace>')).toBe('kube-system');
  });

  it('spans a selector or grep command in a system namespace, up to the end of its clause', () => {
    const text =
      'kubectl get pods -n kube-system | grep calico -> calico-node-x7kq2; then kubectl get pods -n prod';
    const [span, ...more] = componentListings(text);
    expect(more).toHaveLength(0);
    expect(text.slice(span?.[0], span?.[1])).toBe(
      'kubectl get pods -n kube-system | grep calico -> calico-node-x7kq2',
    );
    expect(componentListings('kubectl get pods -n kube-system -o wide')).toHaveLength(0);
    expect(componentListings('kubectl get pods -n shop -l app=cart')).toHaveLength(0);
    expect(
      componentListings(
        'kubectl get pods -n kube-system -l k8s-app=calico-node: calico-node-8chkg 1/2 Running',
      ),
    ).toHaveLength(0);
    expect(
      componentListings(
        'kubectl get pods -n kube-system -l k8s-app=calico-node: calico-node-8chkg 2/2 Running',
      ),
    ).toHaveLength(1);
  });
});

describe('placeholder fills: CoreDNS’s query log', () => {
  it('reads the logged client as where the query came from, and its numbers as no ports', () => {
    const report =
      'nodelocaldns gives FORMERR. kubectl logs -l k8s-app=nodelocaldns -n kube-system: 10.233.127.89:32952 - 63993 "AAAA IN registry-1.docker.io. udp 38 false 512" FORMERR qr,rd 38; 10.233.127.89:38391 - 25110 "A IN registry-1.docker.io. udp 38 false 512" FORMERR qr,rd 38.';
    const values = fills(report);
    expect(values.get('<port>')).toBeUndefined();
    expect(values.get('<target-ip>')).toBeUndefined();
    const zh =
      '解析 kubernetes.default 一直 NXDOMAIN，coredns 日志：[INFO] 10.244.0.1:39758 - 54934 "AAAA IN kubernetes.default.svc.cluster.local. udp 54 false 512" NXDOMAIN qr,aa,rd 147 0.0001s';
    expect(fills(zh).get('<port>')).toBeUndefined();
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
  });

  it('still reads a query an application sends to the DNS server', () => {
    const values = fills(
      'nslookup from the pod times out: dig @10.96.0.10 -p 53 kubernetes.default, udp 53 to 10.96.0.10:53 is dropped',
    );
    expect(values.get('<port>')).toBe('53');
    expect(dnsQueryClient(' - 63993 "AAAA IN registry-1.docker.io. udp 38 false 512"')).toBe(true);
    expect(dnsQueryClient(': i/o timeout')).toBe(false);
    expect(dnsQueryQuotes('"A IN example.com. udp 29 false 512"')).toHaveLength(1);
    expect(dnsQueryQuotes('"A IN example.com" timed out')).toHaveLength(0);
  });
});

describe('placeholder fills: an add-on’s running pod beside an application pod', () => {
  it('fills the application pod, not the CNI’s or proxy’s pod the report shows running', () => {
    const en =
      'Pods cannot reach the orders service. calico-node-7xk2p is 1/1 Running on every node, and the app pod web-7d9f8b6c5-x2x9q times out on curl.';
    expect(fills(en).get('<pod>')).toBe('web-7d9f8b6c5-x2x9q');
    const zh = 'kube-proxy-8mzkd 日志正常，业务 pod web-7d9f8b6c5-x2x9q 访问 svc 一直超时';
    expect(fills(zh).get('<pod>')).toBe('web-7d9f8b6c5-x2x9q');
  });

  it('keeps the add-on’s pod when the report shows it failing, or names no other pod', () => {
    const failing =
      'calico-node-7xk2p 0/1 CrashLoopBackOff on node-2; web-7d9f8b6c5-x2x9q there cannot reach the service';
    expect(fills(failing).get('<pod>')).toBe('calico-node-7xk2p');
    const unready =
      'BGP peer not established. calico-node-8chkg 1/2 Running on node-3, and web-7d9f8b6c5-x2x9q there cannot reach pods on node-1';
    expect(fills(unready).get('<pod>')).toBe('calico-node-8chkg');
    const zh = 'calico-node-7xk2p 一直重启，web-7d9f8b6c5-x2x9q 也访问不了 svc';
    expect(fills(zh).get('<pod>')).toBe('calico-node-7xk2p');
    const alone =
      'kubectl logs -n kube-system cilium-7xk2p shows: level=warning msg="Unable to update ipcache map"';
    expect(fills(alone).get('<pod>')).toBe('cilium-7xk2p');
    expect(healthyComponentPod('web-7d9f8b6c5-x2x9q is Running', 'web-7d9f8b6c5-x2x9q')).toBe(false);
  });
});

describe('placeholder fills: a four-part version is no address', () => {
  it('does not fill a release written with v or after "version" as an address', () => {
    expect(
      fills('After upgrading to Cilium v1.14.2.1 pod to pod traffic drops').get('<target-ip>'),
    ).toBeUndefined();
    expect(fills('升级到 版本 v1.12.0.3 之后 pod 之间不通').get('<target-ip>')).toBeUndefined();
    expect(versionBefore('Version: ')).toBe(true);
  });

  it('still fills an address after curl -v or a plain word', () => {
    expect(fills('curl -v 10.254.153.216:8080 times out from the pod').get('<target-ip>')).toBe(
      '10.254.153.216',
    );
    expect(fills('升级后 pod 里 ping 10.16.0.5 不通').get('<target-ip>')).toBe('10.16.0.5');
    expect(versionBefore('curl -v ')).toBe(false);
  });
});

describe('placeholder fills: the namespace an add-on was installed into', () => {
  it('does not pair the application Service with the add-on’s namespace', () => {
    const en =
      'Service type LoadBalancer stays <pending>. kubectl get svc: my-app LoadBalancer 10.96.45.12 <pending> 80:31234/TCP. MetalLB is installed with helm in namespace metallb-system, IPAddressPool default-pool 192.168.1.240-192.168.1.250.';
    expect(fills(en).get('<service-name>')).toBe('my-app');
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const zh = 'MetalLB 用 helm 安装在 metallb-system 命名空间，svc web-lb 一直 pending';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('keeps it for the add-on’s own objects, alone, or given by a plain -n', () => {
    const own =
      'helm install nginx ingress-nginx/ingress-nginx --namespace ingress-nginx; service ingress-nginx-controller gets no external IP';
    expect(fills(own).get('<namespace>')).toBe('ingress-nginx');
    const alone =
      'helm install nginx ingress-nginx/ingress-nginx --namespace ingress-nginx --set controller.hostNetwork=true, the controller pod does not start';
    expect(fills(alone).get('<namespace>')).toBe('ingress-nginx');
    const flag =
      'kubectl get svc grafana -n monitoring: grafana NodePort 10.96.112.113 3000:31735/TCP; nc from a node times out';
    expect(fills(flag).get('<namespace>')).toBe('monitoring');
    expect(addOnNamespace('installed in namespace prod', 'prod', ['web'])).toBe(false);
  });
});
