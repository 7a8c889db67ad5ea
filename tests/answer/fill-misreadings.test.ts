import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: values whose role in the report is not the placeholder’s', () => {
  it('reads a quoted or field-written `namespace/name` after a Service word as that Service, no pod', () => {
    const proxy = 'Error: no endpoints available for service "default/nginx"';
    expect(fills(proxy).get('<pod>')).toBeUndefined();
    expect(fills(proxy).get('<namespace>')).toBe('default');
    const klog = 'kube-proxy: "Skipping service due to cluster IP" service="default/kubernetes" clusterIP=""';
    expect(fills(klog).get('<pod>')).toBeUndefined();
    // The API server's own Service names no namespace of the report's objects.
    expect(fills(klog).get('<namespace>')).toBeUndefined();
    const apiZh =
      'master 节点上 calico-node 起不来，curl https://10.96.0.1 不通，iptables 里 KUBE-SVC-NPX46M4PTMTKRN6Y 的注释是 /* default/kubernetes:https cluster IP */，计数一直是 0';
    expect(fills(apiZh).get('<namespace>')).toBeUndefined();
    expect(fills(apiZh).get('<cluster-ip>') ?? fills(apiZh).get('<target-ip>')).toBe('10.96.0.1');
    const endpoints =
      'I0101 12:00:00 endpoints_controller.go:340] Error syncing endpoints for service "kube-system/kube-dns", retrying';
    expect(fills(endpoints).get('<pod>')).toBeUndefined();
    const key =
      'E0101 controller.go:114] error syncing key="kube-system/coredns": Operation cannot be fulfilled';
    expect(fills(key).get('<pod>')).toBeUndefined();
    const zh =
      'kube-proxy 日志一直报 no endpoints available for service "kube-system/kube-dns"，pod 里解析超时';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    // A pod written that way is still a pod.
    const kubelet =
      'E0101 pod_workers.go:1298] "Error syncing pod, skipping" pod="kube-system/coredns-5d78c9869d-8x2kf"';
    expect(fills(kubelet).get('<pod>')).toBe('coredns-5d78c9869d-8x2kf');
    expect(fills('pod kube-system/coredns 一直 CrashLoopBackOff').get('<pod>')).toBe('coredns');
  });

  it('reads a Host header, an Ingress host or a host curl cannot resolve as a site, no node', () => {
    const header = 'curl -H "Host: my-app.example.com" http://10.0.0.5:30080 returns 404';
    expect(fills(header).get('<node-name>')).toBeUndefined();
    expect(fills(header).get('<target-ip>')).toBe('10.0.0.5');
    const resolve = 'curl: (6) Could not resolve host: registry-1.docker.io from inside pod web-0';
    expect(fills(resolve).get('<node-name>')).toBeUndefined();
    expect(fills(resolve).get('<pod>')).toBe('web-0');
    const ingress =
      'ingress rules: - host: shop-api.example.com path / backend service shop-api port 80; returns 503';
    expect(fills(ingress).get('<node-name>')).toBeUndefined();
    const zh = 'ingress 配置 host: web-01.example.com 访问 404，后端服务 web-svc 正常';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    // A machine written after the word is still a node.
    expect(fills('calico-node on host node-a.example.com fails readiness').get('<node-name>')).toBe(
      'node-a.example.com',
    );
    expect(fills('主机 k8s-node-3 上的 pod 访问不了外网').get('<node-name>')).toBe('k8s-node-3');
  });

  it('takes `-i` as an interface only for capture and link tools', () => {
    const exec = 'kubectl exec -i web-0 -- nslookup kubernetes.default fails';
    expect(fills(exec).get('<iface>')).toBeUndefined();
    expect(fills(exec).get('<pod>')).toBe('web-0');
    const ssh = 'ssh -i key1.pem ubuntu@10.0.0.5 then ping 10.244.1.5 from the node fails';
    expect(fills(ssh).get('<iface>')).toBeUndefined();
    const zh = '用 kubectl exec -i busybox1 -- ping 10.244.2.3 不通';
    expect(fills(zh).get('<iface>')).toBeUndefined();
    expect(fills('tcpdump -i cni0 host 10.244.1.12 shows no reply').get('<iface>')).toBe('cni0');
    // A capture tool's `-i` is read as an interface, also a tunnel's (which fills no `<iface>`, see below).
    expect(extractEntities('在节点上 tcpdump -nn -i flannel.1 抓不到包').ifaces).toEqual(['flannel.1']);
    expect(fills('ping -I ens192 10.0.0.1 works but pods cannot').get('<iface>')).toBe('ens192');
  });

  it('leaves `<iface>` to the reader when the report names only a tunnel device, which carries no encapsulated packet', () => {
    const nodePort =
      "only a few nodes can access the nginx NodePort 31781: curl on 172.16.0.216 is ok, on 172.16.0.237 it fails. ssh 172.16.0.237 'tcpdump -i tunl0'";
    expect(fills(nodePort).get('<iface>')).toBeUndefined();
    expect(fills(nodePort).get('<port>')).toBe('31781');
    const zh = '跨节点 pod ping 不通，在节点上 tcpdump -nn -i flannel.1 抓不到包';
    expect(fills(zh).get('<iface>')).toBeUndefined();
    const cilium =
      'pods on different nodes cannot reach each other, tcpdump -i cilium_vxlan shows the SYN leaving';
    expect(fills(cilium).get('<iface>')).toBeUndefined();
    // The host NIC still fills, also beside a tunnel.
    expect(
      fills('tcpdump -i ens192 port 8472 on both hosts: packets leave host A but never reach host B').get(
        '<iface>',
      ),
    ).toBe('ens192');
    const both = '节点上 tcpdump -i tunl0 能看到请求，tcpdump -i eth0 看不到 ip proto 4 的包';
    expect(fills(both).get('<iface>')).toBe('eth0');
    expect(fills('tcpdump -i cni0 host 10.244.1.12 shows no reply').get('<iface>')).toBe('cni0');
  });

  it('reads the `-n` of a command that only reads a ConfigMap as no namespace of the report’s pod', () => {
    const zh =
      '查看当前子网分配情况：kubectl get nodes -o wide 看各节点 IP，再查 kubectl -n kube-system get cm kube-flannel-cfg -o yaml | grep -A 5 "Network"；登录问题节点 ip addr show cni0';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
    const en =
      'kubectl get configmap kube-proxy -n kube-system -o yaml shows mode: ipvs, yet ipvsadm -ln lists nothing';
    expect(fills(en).get('<namespace>')).toBeUndefined();
    // A command on a pod or workload still gives its namespace, also beside a ConfigMap.
    expect(
      fills('kubectl -n kube-system logs coredns-5c98db65d4-h6446 shows i/o timeout').get('<namespace>'),
    ).toBe('kube-system');
    const both =
      'kubectl -n kube-system annotate --overwrite ConfigMap coredns meta.helm.sh/release-name=coredns; kubectl -n kube-system annotate --overwrite Deployment coredns';
    expect(fills(both).get('<namespace>')).toBe('kube-system');
    expect(
      fills('prod 命名空间的 pod 访问 svc 超时，kubectl -n prod get cm app-config 看过配置没问题').get(
        '<namespace>',
      ),
    ).toBe('prod');
  });

  it('reads syslog’s process id and an image’s version tag as no port', () => {
    const journal =
      'Dec 04 03:57:40 node1 kubelet[31245]: E1204 cni.go:385] Error adding pod: failed to find plugin "calico" in path [/opt/cni/bin]';
    expect(fills(journal).get('<port>')).toBeUndefined();
    expect(fills(journal).get('<node-name>')).toBe('node1');
    const image = 'image: postgres:15 cannot reach the database service from the app';
    expect(fills(image).get('<port>')).toBeUndefined();
    const zh = '镜像 node:18 的 pod 连不上 redis';
    expect(fills(zh).get('<port>')).toBeUndefined();
    const size = 'Calico的IP-in-IP封装：20字节开销，Flannel的VXLAN：50字节开销，tunl0 的 MTU 应该是多少';
    expect(fills(size).get('<port>')).toBeUndefined();
    expect(fills('the probe has timeout: 10s and the pod never becomes ready').get('<port>')).toBeUndefined();
    // A port written the same way is still a port.
    expect(fills('curl redis-master:6379 from the pod times out').get('<port>')).toBe('6379');
    expect(fills('curl nginx:80 from the pod times out').get('<port>')).toBe('80');
    expect(fills('NodePort 31245 不通').get('<port>')).toBe('31245');
  });

  it('reads English compounds and roles after an object word as no name', () => {
    expect(
      fills('I set pod anti-affinity so replicas spread, now pods on different nodes cannot talk').get(
        '<pod>',
      ),
    ).toBeUndefined();
    const scheduler =
      'Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint, 2 node(s) didn’t match pod anti-affinity rules';
    expect(fills(scheduler).get('<pod>')).toBeUndefined();
    expect(
      fills('after enabling node auto-provisioning the new nodes cannot reach the api server').get(
        '<node-name>',
      ),
    ).toBeUndefined();
    expect(
      fills('on the control-plane node kubectl get pods shows coredns Pending').get('<node-name>'),
    ).toBeUndefined();
    expect(fills('控制平面 control-plane 节点上 coredns 一直 Pending').get('<node-name>')).toBeUndefined();
    // Names of that shape stay names.
    expect(fills('pod web-frontend cannot reach the api').get('<pod>')).toBe('web-frontend');
    expect(fills('node kind-control-plane cannot reach kind-worker2').get('<node-name>')).toBe(
      'kind-control-plane',
    );
  });

  it('reads a component or a host daemon after a Chinese node or pod word as no name', () => {
    expect(fills('节点 kube-proxy 日志报错 Failed to list *v1.Service').get('<node-name>')).toBeUndefined();
    expect(fills('节点 firewalld 开着的时候 pod 访问 service 超时').get('<node-name>')).toBeUndefined();
    expect(fills('节点 ipvs 模式下 service 不通').get('<node-name>')).toBeUndefined();
    expect(fills('容器 calico-node 一直重启').get('<pod>')).toBeUndefined();
    expect(fills('node ipvs mode: service 10.96.0.1 times out').get('<node-name>')).toBeUndefined();
    // A machine's name, numbered or plain, after the word is still a node.
    expect(fills('节点 k8s-node1 上 pod 访问 service 超时').get('<node-name>')).toBe('k8s-node1');
    expect(fills('节点 kube-node-3 上 calico-node 一直重启').get('<node-name>')).toBe('kube-node-3');
    expect(fills('节点 master 上的 pod 无法访问外网').get('<node-name>')).toBe('master');
  });

  it('reads the verb before `kind/name` as no object', () => {
    const svc = 'kubectl port-forward svc/grafana 3000:80 -n monitoring gives error: unable to forward port';
    expect(fills(svc).get('<service-name>')).toBe('grafana');
    const pod = 'kubectl port-forward pod/web-0 8080:80 fails with "error upgrading connection"';
    expect(fills(pod).get('<pod>')).toBe('web-0');
    // A name before the word, with no slash, is still that object.
    expect(fills('the nginx-0 pod cannot reach the api').get('<pod>')).toBe('nginx-0');
  });

  it('reads a control-plane static pod’s name as its node’s, not a node', () => {
    const en = 'etcd-master1 and kube-apiserver-master1 are Running but pods on other nodes get no IP';
    expect(fills(en).get('<node-name>')).toBe('master1');
    const zh = 'kube-apiserver-k8s-master-01 日志报 etcd 连接超时';
    expect(fills(zh).get('<node-name>')).toBe('k8s-master-01');
    expect(fills('kube-controller-manager-node-2 一直重启').get('<node-name>')).toBe('node-2');
    // A node whose name only contains such a word is the node.
    expect(fills('node etcd-node-1 is NotReady').get('<node-name>')).toBe('etcd-node-1');
  });

  it('reads the address a pasted NAT rule rewrites to as no target', () => {
    const listing =
      'iptables -t nat -L KUBE-SEP-XYZ -n: DNAT tcp -- 0.0.0.0/0 0.0.0.0/0 /* default/web:http */ tcp to:10.244.2.9:8080; but curl 10.96.44.12:80 from node-2 hangs';
    expect(fills(listing).get('<target-ip>')).toBe('10.96.44.12');
    expect(fills(listing).get('<port>')).toBe('80');
    const save =
      '-A KUBE-SEP-ABCDEF -p tcp -m tcp -j DNAT --to-destination 10.244.1.5:80; 从 pod 里 curl 10.96.100.10 一直卡住';
    expect(fills(save).get('<target-ip>')).toBe('10.96.100.10');
    const snat = 'SNAT --to-source 192.168.1.50 on host worker1; pod 10.244.1.8 cannot reach 8.8.8.8';
    expect(fills(snat).get('<src-ip>')).toBe('10.244.1.8');
    // An address the report connects to is still the target.
    expect(fills('curl to 10.244.2.9:8080 from another pod times out').get('<target-ip>')).toBe('10.244.2.9');
  });

  it('reads a control plane’s VIP as no Service address', () => {
    const en =
      'kubelet: Failed to connect to apiserver https://lb.k8s.local:6443: dial tcp 192.168.0.100:6443: connect: no route to host; keepalived VIP 192.168.0.100 on master-1';
    expect(fills(en).get('<service-ip>')).toBeUndefined();
    expect(fills(en).get('<target-ip>')).toBe('192.168.0.100');
    const kubeVip =
      'the kube-vip-k8s-master-01 pod holds the control plane VIP 192.168.1.100 but arping from another host gets no reply';
    expect(fills(kubeVip).get('<service-ip>')).toBeUndefined();
    const zh = 'keepalived 的 VIP 192.168.10.200 漂移到 master2 后 kubectl 连不上';
    expect(fills(zh).get('<service-ip>')).toBeUndefined();
    // A Service's VIP is still the Service's address.
    expect(
      fills('MetalLB assigned the VIP 192.168.1.240 to service nginx but it is not reachable').get(
        '<service-ip>',
      ),
    ).toBe('192.168.1.240');
    expect(fills('service VIP 10.96.0.10 not reachable from pods').get('<service-ip>')).toBe('10.96.0.10');
    expect(fills('服务的 VIP 10.96.0.10 在 pod 里访问不通').get('<service-ip>')).toBe('10.96.0.10');
  });

  it('reads the source of a flow arrow as no target', () => {
    const loop = 'coredns 一直重启，日志 plugin/loop: Loop (127.0.0.1:34567 -> :53) detected for zone "."';
    expect(fills(loop).get('<target-ip>')).toBeUndefined();
    expect(fills(loop).get('<port>')).toBeUndefined();
    expect(fills(loop).get('<src-ip>')).toBe('127.0.0.1');
    // An arrow between two addresses and an address the report connects to are still read as before.
    const read =
      '[ERROR] plugin/errors: 2 example.com. A: read udp 10.244.0.3:45678->8.8.8.8:53: i/o timeout';
    expect(fills(read).get('<target-ip>')).toBe('8.8.8.8');
    expect(fills(read).get('<src-ip>')).toBe('10.244.0.3');
    expect(fills('curl -> 10.244.0.5:8080 times out').get('<target-ip>')).toBe('10.244.0.5');
  });

  it('reads a quoted name before another object’s word by the word before it', () => {
    const flannel =
      'flannel 报错：Error registering network: failed to acquire lease: node "k8s-node3" pod cidr not assigned';
    expect(fills(flannel).get('<pod>')).toBeUndefined();
    expect(fills(flannel).get('<node-name>')).toBe('k8s-node3');
    const en = 'Error registering network: failed to acquire lease: node "worker" pod cidr not assigned';
    expect(fills(en).get('<pod>')).toBeUndefined();
    // A quoted name before its own word is still that object.
    expect(fills('the "web-0" pod cannot reach the api').get('<pod>')).toBe('web-0');
    expect(fills('“shop” 命名空间里的 pod 解析失败').get('<namespace>')).toBe('shop');
  });

  it('reads a list of nodes with their addresses in brackets as the inventory', () => {
    const zh =
      '集群节点：k8s-master01（10.0.0.11）、k8s-node01（10.0.0.21）、k8s-node02（10.0.0.22）。k8s-node01 上的 pod 无法 ping 通 k8s-node02 上的 pod 10.244.2.5';
    expect(fills(zh).get('<node-name>')).toBe('k8s-node01');
    const en = 'nodes: master1 (10.0.0.11), worker1 (10.0.0.21), worker2 (10.0.0.22); DNS fails everywhere';
    expect(fills(en).get('<node-name>')).toBeUndefined();
    // Two nodes, each with its address, are the two ends of a path.
    expect(
      fills('pods on worker2 (10.0.0.22) cannot reach pods on worker1 (10.0.0.21)').get('<node-name>'),
    ).toBe('worker2');
    expect(fills('节点：k8s-node01（10.0.0.21）上的 pod 访问外网超时').get('<node-name>')).toBe('k8s-node01');
  });

  it('reads an address the report says answers as the comparison, no target', () => {
    const en =
      'hostPort 8080 on pod web-0 is not reachable on node 192.168.1.20:8080 while the pod itself answers on 10.244.1.9:8080';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    expect(fills(en).get('<node-ip>')).toBe('192.168.1.20');
    const responds = 'the NodePort responds on 10.0.0.5 but curl 10.0.0.6:30080 hangs';
    expect(fills(responds).get('<target-ip>')).toBe('10.0.0.6');
    // An address that no longer answers is what fails.
    expect(fills('the service never answers on 10.96.0.10 from pods').get('<target-ip>')).toBe('10.96.0.10');
    expect(fills('after the upgrade coredns no longer responds on 10.96.0.10').get('<target-ip>')).toBe(
      '10.96.0.10',
    );
  });

  it('reads a node the report says things work on as the comparison, wherever it is written', () => {
    const en =
      'scp /etc/kubernetes/admin.conf root@node-2:/root/.kube/config and then kubectl get nodes works on node-2 but pods on node-3 cannot resolve DNS';
    expect(fills(en).get('<node-name>')).toBe('node-3');
    expect(fills('DNS works on worker1 but not on worker2').get('<node-name>')).toBe('worker2');
    expect(fills('curl works fine from pod web-0 but times out from pod web-1').get('<pod>')).toBe('web-1');
    // A node things do not work on is the one that fails.
    expect(fills('DNS does not work on worker1, it works fine on worker2').get('<node-name>')).toBe(
      'worker1',
    );
    expect(fills('it never works on node-4 after a reboot').get('<node-name>')).toBe('node-4');
  });

  it('reads the name after 服务名 as the Service', () => {
    const zh =
      '使用 kubeadm 搭建，svc 类型 ClusterIP，服务名 user-center，命名空间 mall，pod 里 curl user-center:8080 超时';
    expect(fills(zh).get('<service-name>')).toBe('user-center');
    expect(fills('服务名称: order-api，访问超时').get('<service-name>')).toBe('order-api');
    // Not a plain English word after the Chinese word, nor a name before it.
    expect(fills('服务名 ipvs 模式下解析不到').get('<service-name>')).toBeUndefined();
  });
});

describe('placeholder fills: an Open vSwitch port number is no TCP/UDP port', () => {
  it('does not take ovs-dpctl’s `port N: <iface>` or OpenFlow’s in_port/output as <port>', () => {
    const dpctl =
      'Kube-OVN pods on node2 time out. ovs-dpctl show: system@ovs-system: port 0: ovs-system (internal) port 7: veth1234abcd';
    expect(fills(dpctl).get('<port>')).toBeUndefined();
    const zh =
      'ovs-dpctl show 输出 port 7: genev_sys_6081 (geneve: packet_type=ptap, dst_port=6081)，跨节点 pod 不通';
    expect(extractEntities(zh).ports).not.toContain(7);
    const flows =
      'ovs-ofctl dump-flows br-int 里 in_port=12 的流表 actions=output:15 没有命中，pod 之间 ping 不通';
    expect(extractEntities(flows).ports).toEqual([]);
  });

  it('still reads a port written before a colon and prose', () => {
    expect(fills('curl to port 8080: connection refused from the pod').get('<port>')).toBe('8080');
    expect(fills('service port 80: web1 times out').get('<port>')).toBe('80');
    expect(fills('Service 的 port 80: 访问超时').get('<port>')).toBe('80');
  });
});

describe('placeholder fills: the fields of a pasted log line or URL keep their own roles', () => {
  it('reads nginx’s `client:` as the source and its quoted `host:` as a site, the upstream as the target', () => {
    const nginx =
      '2018/12/29 16:02:02 [error] 206#206: *342 connect() failed (111: Connection refused) while connecting to upstream, client: 223.65.108.109, server: open.example.com, request: "GET /actuator/health HTTP/1.1", upstream: "http://10.36.0.1:8888/actuator/health", host: "open.example.com"';
    expect(fills(nginx).get('<target-ip>')).toBe('10.36.0.1');
    expect(fills(nginx).get('<src-ip>')).toBe('223.65.108.109');
    expect(fills(nginx).get('<node-name>')).toBeUndefined();
    const zh = 'ingress 日志 client: 10.0.0.8，访问 10.96.0.12:80 超时';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.0.12');
    expect(fills(zh).get('<src-ip>')).toBe('10.0.0.8');
    const json =
      '504 from ingress: {"proxyUpstreamName":"default-keycloak-http","upstreamAddr":"10.244.1.51:8080","status":"499","remoteIp":"10.244.2.1"}';
    expect(fills(json).get('<target-ip>')).toBe('10.244.1.51');
    expect(fills(json).get('<src-ip>')).toBe('10.244.2.1');
    expect(fills('日志 remote_addr=10.0.0.9，upstream 10.244.1.5:80 超时').get('<src-ip>')).toBe('10.0.0.9');
    // "the remote IP" in prose is where the report goes.
    expect(fills('the remote IP 8.8.8.8 is unreachable from the pod').get('<target-ip>')).toBe('8.8.8.8');
    // A quoted machine name after the word is still a node, and an address after a plain "to" still the target.
    expect(fills('calico-node on host "k8s-node-3" is not ready').get('<node-name>')).toBe('k8s-node-3');
    expect(fills('节点 "node-a.example.com" 上的 pod 不通').get('<node-name>')).toBe('node-a.example.com');
    expect(fills('curl to 10.0.0.5:8080 times out').get('<target-ip>')).toBe('10.0.0.5');
  });

  it('takes no object from a URL’s query parameters', () => {
    const registry =
      'Get "http://hub.test.com/service/token?account=CI-Robot&scope=repository%3Aci&service=harbor-registry": net/http: request canceled';
    expect(fills(registry).get('<service-name>')).toBeUndefined();
    const zh = '注册失败 http://nacos:8848/nacos/v1/ns/instance?ip=10.0.0.1&namespace=dev-env 返回 500';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
    // The same words written as a field or in a command still name objects.
    expect(fills('service=order-api returns 503 through the ingress').get('<service-name>')).toBe(
      'order-api',
    );
    expect(fills('kubectl get pods --namespace=dev-env 里 pod 不通').get('<namespace>')).toBe('dev-env');
  });

  it('reads the number after a manifest’s, template’s or playbook’s file name as a line, no port', () => {
    const ansible =
      'TASK [Configure Flannel networking.] task path: /home/pi/roles/tasks/master-setup.yml:32 fails';
    expect(extractEntities(ansible).ports).toEqual([]);
    const helm = 'Error: parse error at (mychart/templates/service.yaml:12): function "x" not defined';
    expect(extractEntities(helm).ports).toEqual([]);
    const zh = 'helm 安装报错 values.json:45 之后 pod 访问 svc 超时';
    expect(extractEntities(zh).ports).toEqual([]);
    // A host's port is still a port.
    expect(fills('curl http://web.example.com:8080 times out from the pod').get('<port>')).toBe('8080');
  });

  it('reads a `per-` compound before the Service word as a description, no name', () => {
    expect(
      fills('the per-broker service that strimzi creates is not reachable').get('<service-name>'),
    ).toBeUndefined();
    expect(fills('per-node 服务 无法访问').get('<service-name>')).toBeUndefined();
    expect(fills('the kafka-broker service is not reachable').get('<service-name>')).toBe('kafka-broker');
  });
});
