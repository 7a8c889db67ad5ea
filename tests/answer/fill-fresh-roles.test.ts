import { describe, expect, it } from 'vitest';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { writtenAsPodAddress } from '../../src/answer/pod-address.js';
import { applicationPodInPlay, checkRunInApplicationPod } from '../../src/answer/quoted-add-on-pod.js';
import { asksArpForTarget, clusterIpBefore } from '../../src/answer/virtual-target.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

/** The command as the question fills it. */
function filled(command: string, question: string): string {
  return fillCommand(command, placeholderValues(extractEntities(question))).command;
}

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' listings and logs.
describe('a kubectl AGE cell is no name', () => {
  // https://github.com/canonical/microk8s/issues/948: the pods listing ends `... Running 0 70m` and the services
  // listing's header `NAMESPACE NAME TYPE ...` follows, so `70m` stood before the word `NAMESPACE`.
  const listings = `dns - pod can not resolve the hostname of the pod.
\`\`\`
NAMESPACE            NAME                                        READY   STATUS    RESTARTS   AGE
default              pod/private-image-test-1                    1/1     Running   0          86m
kube-system          pod/coredns-f7867546d-t78kb                 1/1     Running   0          70m


NAMESPACE            NAME                    TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)
kube-system          service/kube-dns        ClusterIP   10.152.183.10    <none>        53/UDP,53/TCP,9153/TCP
\`\`\``;

  it('fills no <namespace> with the age before the next header', () => {
    expect(fills(listings).get('<namespace>')).not.toBe('70m');
    expect(fills('Running 0 6d13h\nNAMESPACE NAME READY').get('<namespace>')).toBeUndefined();
    expect(fills('Running 0 4m52s\nNODE NAME').get('<node-name>')).toBeUndefined();
  });

  it('still fills a namespace written before the word, or one with digits', () => {
    expect(fills('pods in the team42 namespace cannot resolve kubernetes.default').get('<namespace>')).toBe(
      'team42',
    );
    expect(
      fills('kubectl get pods -n team-42 shows the pod cannot reach the service').get('<namespace>'),
    ).toBe('team-42');
    expect(fills('prod2 命名空间的 pod 解析不了 kubernetes.default').get('<namespace>')).toBe('prod2');
  });
});

describe("the port of nslookup's or dig's server address is the resolver's", () => {
  // https://github.com/canonical/microk8s/issues/4459: the answer's address is not reached on the resolver's port 53.
  const nslookup = `When I try to \`curl google.com\` from inside a pod, it fails with "connection reset by peer".
\`\`\`
root@dnsutils:/# nslookup deb.debian.org
Server:		10.152.183.10
Address:	10.152.183.10#53

Non-authoritative answer:
Name:	deb.debian.org.fritz.box
Address: 45.76.93.104
\`\`\``;

  it('fills no <port> from `Address: ip#53`', () => {
    expect(fills(nslookup).get('<port>')).toBeUndefined();
    expect(filled('curl -sv -m 5 http://<target-ip>:<port>', nslookup)).toContain('<port>');
    const zh = 'pod 里 nslookup 返回 SERVER: 10.96.0.10#53(10.96.0.10)，但 curl 外网超时';
    expect(fills(zh).get('<port>')).toBeUndefined();
  });

  it('still fills a port written with its address or a port word', () => {
    expect(fills('dig @10.96.0.10 -p 53 fails; nc -zv 10.96.0.10 port 53 times out').get('<port>')).toBe(
      '53',
    );
    expect(fills('pod 访问 10.96.0.10:53 超时').get('<port>')).toBe('53');
  });
});

describe('an add-on pod quoted beside a check the report runs in an application pod', () => {
  // https://github.com/kubernetes/kubernetes/issues/42645: busybox is the pod that cannot resolve; the kube-dns pod
  // is where the reporter compared, by exec-ing into it.
  const busybox = `busybox cant reach DNS service
\`\`\`
[root@kube-master ~]# kubectl --namespace=kube-system exec -ti kube-dns-2924299975-d2z5z -c kube-dns -- nslookup google.com
Server:    10.18.0.23
Name:      google.com
[root@kube-master ~]# kubectl exec -it busybox cat /etc/resolv.conf
nameserver 10.96.0.10
[root@kube-master ~]# kubectl exec -it busybox -- nslookup kubernetes.default
nslookup: can't resolve 'kubernetes.default'
\`\`\``;
  const zh =
    "busybox 解析不了 kubernetes.default，kube-dns-2924299975-d2z5z 里面 nslookup google.com 是好的，kubectl exec -it busybox -- nslookup kubernetes.default 报 can't resolve";

  it('fills neither <pod> nor <namespace> with the add-on pod or its command’s -n', () => {
    expect(fills(busybox).get('<pod>')).toBeUndefined();
    expect(fills(busybox).get('<namespace>')).toBeUndefined();
    expect(fills(zh).get('<pod>')).toBeUndefined();
  });

  it('keeps the add-on pod when the report runs nothing in an application pod', () => {
    const own =
      'kubectl -n kube-system exec -ti coredns-5c98db65d4-qx4mq -- cat /etc/resolv.conf shows nameserver 127.0.0.53, then coredns-5c98db65d4-qx4mq CrashLoopBackOff';
    expect(fills(own).get('<pod>')).toBe('coredns-5c98db65d4-qx4mq');
  });

  it('reads the pod a command execs into, past its flags', () => {
    expect(checkRunInApplicationPod('kubectl exec -it busybox -- nslookup kubernetes.default')).toBe(true);
    expect(checkRunInApplicationPod('kubectl exec -n shop -c app web-0 -- curl http://api')).toBe(true);
    expect(
      checkRunInApplicationPod(
        'kubectl --namespace=kube-system exec -ti kube-dns-2924299975-d2z5z -c kube-dns -- nslookup google.com',
      ),
    ).toBe(false);
    expect(checkRunInApplicationPod('kubectl logs busybox')).toBe(false);
    expect(applicationPodInPlay('我的 pod web 无法访问 service')).toBe(true);
    expect(
      applicationPodInPlay('kubectl -n kube-system exec calico-node-7xk2p -- birdcl show protocols'),
    ).toBe(false);
  });
});

describe('an ARP probe of a ClusterIP', () => {
  // https://github.com/jupyterhub/zero-to-jupyterhub-k8s/issues/880: the only address is the ClusterIP of a
  // LoadBalancer whose EXTERNAL-IP is still pending; no host answers ARP for a ClusterIP.
  const pending = `I just follow the "Zero to Jupyter" tutorial on AWS EC2. at the last step, the external-ip is pending.
\`\`\`
NAME           TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE
proxy-public   LoadBalancer   100.70.36.147   <pending>     80:31165/TCP   5h
\`\`\``;

  it('leaves arping’s <target-ip> open', () => {
    expect(filled('arping -c 3 -I <iface> <target-ip>', pending)).toBe('arping -c 3 -I <iface> <target-ip>');
    const zh =
      'LoadBalancer 服务 web 的 EXTERNAL-IP 一直 <pending>，web LoadBalancer 10.96.12.7 <pending> 80:30080/TCP';
    expect(filled('arping -c 3 -I <iface> <target-ip>', zh)).toContain('<target-ip>');
  });

  it('still fills arping with an external address, and other checks with the ClusterIP', () => {
    const external = `metallb assigned it but I cannot reach it from outside.
NAME                                    TYPE           CLUSTER-IP        EXTERNAL-IP    PORT(S)
ingress-nginx-ingress-controller        LoadBalancer   10.96.223.203     192.168.1.50   80:30195/TCP`;
    expect(filled('arping -c 3 -I <iface> <target-ip>', external)).toBe(
      'arping -c 3 -I <iface> 192.168.1.50',
    );
    expect(filled('curl -sS -m 3 http://<target-ip>/', pending)).toBe('curl -sS -m 3 http://100.70.36.147/');
    // A load balancer's address written as a VIP or the Service's ingress stays the target of arping.
    const vip =
      'MetalLB L2 模式，LoadBalancer Service web-lb 的 VIP（192.168.10.240）在节点上抓包没有 ARP 响应';
    expect(filled('arping -c 3 -I <iface> <target-ip>', vip)).toBe('arping -c 3 -I <iface> 192.168.10.240');
    const ingress =
      'kubectl describe svc web-lb shows LoadBalancer Ingress: 192.168.179.31, but nothing answers ARP for it';
    expect(filled('arping -c 3 -I <iface> <target-ip>', ingress)).toBe(
      'arping -c 3 -I <iface> 192.168.179.31',
    );
    expect(clusterIpBefore('clusterIP: ')).toBe(true);
    expect(clusterIpBefore('proxy-public   LoadBalancer   ')).toBe(true);
    expect(clusterIpBefore('LoadBalancer Ingress: ')).toBe(false);
    expect(clusterIpBefore('VIP（')).toBe(false);
    expect(asksArpForTarget('arping -c 3 -I eth0 <target-ip>')).toBe(true);
    expect(asksArpForTarget('ip neigh show <target-ip>')).toBe(false);
  });
});

describe('a check run in <pod> toward the pod’s own address', () => {
  const probe = 'kubectl exec -n <namespace> <pod> -- nc -zv -w 3 <target-ip> <port>';
  // https://github.com/projectcalico/calico/issues/9138: the address pinged is the destination pod's, named after it.
  const zh =
    '两个节点之间 pod 不通。在 node1 上的 pod debug（ip 192.192.125.143）里 ping 192.192.134.72 不通，192.192.134.72 是 node2 上的 csi-node-driver-9zbv7';
  const en =
    'kubectl run -i --tty --rm debug --image=busybox --restart=Never -- ping 192.192.134.72 gets no reply. ip: 192.192.134.72 is csi-node-driver-9zbv7, and it is running on node2';
  // https://github.com/squat/kilo/issues/29: the listing row of the pod whose address is pinged.
  const row = `Using a pod running on oci-worker
NAME                        READY   STATUS    RESTARTS   AGE   IP          NODE         NOMINATED NODE   READINESS GATES
my-nginx-74f94c7795-qhlkm   1/1     Running   0          21h   10.42.1.4   oci-worker   <none>           <none>
> ping 10.42.1.4
4 packets transmitted, 0 packets received, 100% packet loss`;

  it('leaves <pod> open where the check reaches <target-ip>', () => {
    expect(filled(probe, zh)).toBe('kubectl exec -n <namespace> <pod> -- nc -zv -w 3 192.192.134.72 <port>');
    expect(filled(probe, en)).toContain('<pod>');
    expect(filled(probe, row)).toContain('<pod>');
  });

  it('keeps <pod> for a check of the pod itself, and for a pod that is the source', () => {
    expect(filled('kubectl describe pod <pod> -n <namespace>', zh)).toContain('csi-node-driver-9zbv7');
    const source = 'pod web-7d9f8b6c5-x2x9q (ip 10.244.1.7) cannot reach 10.244.2.9 on the other node';
    expect(filled(probe, source)).toContain('web-7d9f8b6c5-x2x9q');
  });

  it('reads the address written as the pod’s, and no other', () => {
    expect(writtenAsPodAddress(zh, 'csi-node-driver-9zbv7', '192.192.134.72')).toBe(true);
    expect(writtenAsPodAddress('pod web-0 的 IP 是 10.244.1.7', 'web-0', '10.244.1.7')).toBe(true);
    expect(writtenAsPodAddress(zh, 'csi-node-driver-9zbv7', '192.192.125.143')).toBe(false);
    expect(writtenAsPodAddress('web-0 on node 10.0.0.4 cannot reach 10.244.2.9', 'web-0', '10.244.2.9')).toBe(
      false,
    );
  });
});
