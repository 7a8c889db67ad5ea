import { describe, expect, it } from 'vitest';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { reportsFailure, splitPasted } from '../../src/retrieve/pasted.js';
import { analyzeQuery, type QueryVocabulary } from '../../src/retrieve/query.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

const lines = (...text: string[]) => text.join('\n');
const keptLines = (text: string) => splitPasted(text).kept.split('\n');

// The lines below are from real reports (kubernetes/kubeadm, labring/sealos, flannel-io/flannel, cilium/cilium,
// easzlab/kubeasz issues), shortened.
describe('splitPasted', () => {
  it('leaves a question of one line alone', () => {
    const text = 'coredns CrashLoopBackOff: dial tcp 10.96.0.1:443: i/o timeout';
    expect(splitPasted(text)).toEqual({ kept: text, pasted: '' });
  });

  it('sets healthy kubectl get output apart and keeps the rows that report a failure', () => {
    const text = lines(
      'Failed to execute iptables-restore: exit status 1 in kube-proxy.',
      ' kubectl get pod --all-namespaces',
      'NAMESPACE     NAME                             READY     STATUS    RESTARTS   AGE',
      'kube-system   etcd-ubuntu                      1/1       Running   0          6d',
      'kube-system   kube-dns-86f4d74b45-pgwb8        0/3       Pending   0          6d',
      'kube-system   kube-proxy-pjnwn                 1/1       Running   0          6d',
    );
    const { kept, pasted } = splitPasted(text);
    expect(kept.split('\n')).toEqual([
      'Failed to execute iptables-restore: exit status 1 in kube-proxy.',
      'kube-system   kube-dns-86f4d74b45-pgwb8        0/3       Pending   0          6d',
    ]);
    expect(pasted).toContain('kube-proxy-pjnwn');
    expect(pasted).toContain('etcd-ubuntu');
  });

  it('keeps log records that report a failure and sets the others apart', () => {
    const text = lines(
      'coredns CrashLoopBackOff',
      'E0722 08:35:38.525354       1 reflector.go:134] Failed to list *v1.Service: Get https://10.96.0.1:443/api/v1/services: dial tcp 10.96.0.1:443: i/o timeout',
      'I1018 17:58:53.517275       1 kube.go:130] Waiting 10m0s for node controller to sync',
      '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df5',
      '[ERROR] plugin/errors: 2 2192187751527556336.8114813596618842181. HINFO: read udp 10.244.58.198:56111->183.60.82.98:53: i/o timeout',
      'Oct 23 12:44:14 ocvm-a1-1 k3s[925]: I1023 12:44:14.211601     925 flannel.go:105] Using interface with name enp0s3',
      '9月 22 08:58:03 localhost.localdomain kube-proxy[4854]: E0922 08:58:03.706102    4854 proxier.go:1950] Failed to list IPVS destinations',
    );
    const kept = keptLines(text);
    expect(kept).toHaveLength(4);
    expect(kept[0]).toBe('coredns CrashLoopBackOff');
    expect(kept.slice(1).every((line) => /timeout|Failed/.test(line))).toBe(true);
    expect(splitPasted(text).pasted).toContain('Waiting 10m0s for node controller');
  });

  it('sets a manifest apart, with its top-level keys, but not a sentence shaped like a key', () => {
    const text = lines(
      'Environment: Kubernetes v1.27.4, containerd 1.7.2, Ubuntu 22.04 LTS.',
      'Pods cant reach eachother or the kubernetes service ip. I installed kubernetes and used calico operator installation.',
      'apiVersion: operator.tigera.io/v1',
      'kind: Installation',
      'metadata:',
      '  name: default',
      'spec:',
      '  calicoNetwork:',
      '    ipPools:',
      '    - name: default-ipv4-ippool',
      '      encapsulation: None',
      'After that i deployed the pods and tried to ping each other, but nothing worked.',
    );
    expect(keptLines(text)).toEqual([
      'Environment: Kubernetes v1.27.4, containerd 1.7.2, Ubuntu 22.04 LTS.',
      'Pods cant reach eachother or the kubernetes service ip. I installed kubernetes and used calico operator installation.',
      'After that i deployed the pods and tried to ping each other, but nothing worked.',
    ]);
  });

  it('sets commands, ip addr, route and ifconfig output apart, and keeps a Chinese sentence', () => {
    const text = lines(
      '您好，部署完之后，pod内部无法ping通其他pod。',
      '[root@node1 home]# cat /run/flannel/subnet.env',
      'FLANNEL_NETWORK=10.244.0.0/16',
      'sudo kubeadm init --pod-network-cidr=10.244.0.0/16',
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    inet 127.0.0.1/8 scope host lo',
      '10.244.104.0/26 via 192.168.6.142 dev tunl0 proto bird onlink',
      'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
      'default         192.168.122.1   0.0.0.0         UG    0      0        0 eth0',
      '# ip addr',
      '.:53',
      'CoreDNS-1.10.1',
    );
    expect(keptLines(text)).toEqual(['您好，部署完之后，pod内部无法ping通其他pod。']);
  });

  it('sets a fenced block apart and keeps its lines that report a failure', () => {
    const text = lines(
      'Pods cannot resolve DNS',
      '```',
      '# nslookup dev-mysql.dev-mysql.svc.cluster.local',
      'Server:    10.96.0.10',
      ';; connection timed out; no servers could be reached',
      '```',
    );
    expect(keptLines(text)).toEqual([
      'Pods cannot resolve DNS',
      ';; connection timed out; no servers could be reached',
    ]);
  });

  it('keeps the question whole when nothing but the paste would be left', () => {
    const text = lines('NAME   READY   STATUS', 'web-1  1/1     Running');
    expect(splitPasted(text)).toEqual({ kept: text, pasted: '' });
  });

  it('keeps prose lines, however many, when nothing is pasted', () => {
    const text = lines('Pods on node-2 cannot reach the API server.', 'Pods on node-1 can.');
    expect(splitPasted(text)).toEqual({ kept: text, pasted: '' });
  });
});

// Reports as a tracker's text view shows them: the pasted lines folded into the reporter's line.
describe('splitPasted on one line', () => {
  it('sets info records apart and keeps error records', () => {
    const text =
      'Kube-DNS not resolving anything but PODs work fine. k8s-1 kube-proxy[3847]: I0811 08:11:45.998041 3847 proxier.go:1018] Syncing iptables rules. Nslookup from POD: ;; connection timed out; no servers could be reached';
    const { kept, pasted } = splitPasted(text);
    expect(pasted).toBe('I0811 08:11:45.998041 3847 proxier.go:1018] Syncing iptables rules.');
    expect(kept).toContain('Kube-DNS not resolving anything');
    expect(kept).toContain('connection timed out');
    const errors =
      'Coredns in k8s is running but not ready. The log of coredns: [WARNING] plugin/kubernetes: starting server with unsynced Kubernetes API [INFO] plugin/ready: Still waiting on: "kubernetes"';
    expect(splitPasted(errors).kept).toContain('[WARNING] plugin/kubernetes: starting server with unsynced');
    expect(splitPasted(errors).pasted).toBe('[INFO] plugin/ready: Still waiting on: "kubernetes"');
  });

  it('sets kubectl headers and ready, running pods apart and keeps failing pods', () => {
    const text =
      'coredns CrashLoopBackOff. NAMESPACE NAME READY STATUS RESTARTS AGE kube-system coredns-5c98db65d4-h6446 0/1 CrashLoopBackOff 13 50m kube-system kube-proxy-rf4fw 1/1 Running 0 21m';
    const { kept, pasted } = splitPasted(text);
    expect(kept).toBe(
      'coredns CrashLoopBackOff. kube-system coredns-5c98db65d4-h6446 0/1 CrashLoopBackOff 13 50m',
    );
    expect(pasted).toContain('kube-proxy-rf4fw 1/1 Running 0 21m');
  });

  it('sets a prompted command, ip addr output and a manifest apart', () => {
    const text =
      'Pods cannot reach the service. $ kubectl -n kube-system logs kube-proxy-7hj4w 2: ens160: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000 link/ether 00:50:56:a2:3c:7e brd ff:ff:ff:ff:ff:ff inet 192.168.1.11/24 brd 192.168.1.255 scope global ens160 apiVersion: apps/v1 kind: Deployment metadata: name: web spec: replicas: 2 Any idea?';
    expect(splitPasted(text).kept).toBe('Pods cannot reach the service. Any idea?');
  });

  // kubernetes/kubernetes and Chinese tracker reports (fills3, fills4 sources), shortened.
  it('sets -o wide pod rows apart with their IP and node, and the namespace before `pod/`', () => {
    const chinese =
      '同一service下 pod相互ping不通. kubectl get pods -o=wide -A: default my-nginx-5f44486bdb-q5dr8 1/1 Running 0 3m59s 172.33.99.2 node2; kube-system coredns-5bf6df8fc6-7t8z6 1/1 Running 0 11h 172.33.99.3 node2; logging fluent-bit-pp62g 1/1 Running 1 11h 172.33.29.2 node1.';
    const { kept, pasted } = splitPasted(chinese);
    expect(kept).toBe('同一service下 pod相互ping不通. kubectl get pods -o=wide -A: ; ; .');
    expect(pasted).toContain('kube-system coredns-5bf6df8fc6-7t8z6 1/1 Running 0 11h 172.33.99.3 node2');
    const english =
      'Cannot access kube-api (with Service-IP) from a pod in default namespace. dev@master:~$ kubectl get all --all-namespaces -o wide: default pod/glusterfs-6lbl7 1/1 Running 0 13h 192.168.56.11 node1; kube-system pod/calico-node-6vvkk 2/2 Running 2 1d 192.168.56.11 node1.';
    expect(splitPasted(english).kept).not.toMatch(/kube-system|calico|node1/);
    // A failing pod keeps its row, where it runs included.
    const failing =
      'Dashboard is throwing error. kubectl get pods --all-namespaces -o wide: kube-system coredns-86c58d9df4-8hdzj 0/1 CrashLoopBackOff 23 11h 172.30.1.2 kslave; kube-system etcd-kmaster 1/1 Running 2 12h 10.0.0.210 kmaster';
    expect(splitPasted(failing).kept).toContain(
      'coredns-86c58d9df4-8hdzj 0/1 CrashLoopBackOff 23 11h 172.30.1.2 kslave',
    );
    expect(splitPasted(failing).kept).not.toContain('etcd-kmaster');
  });

  it('sets ClusterIP rows of kubectl get svc apart and keeps NodePort, LoadBalancer and pending rows', () => {
    const text =
      "can't access the clusterIP. kubectl get svc --all-namespaces: default kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 4d; ingress nginx-ingress-controller LoadBalancer 10.102.43.237 <pending> 80:30875/TCP,443:32672/TCP 2d; kube-system kube-dns ClusterIP 10.96.0.10 <none> 53/UDP,53/TCP 4d. ping 10.96.0.1: 64 bytes from 10.96.0.1";
    const { kept, pasted } = splitPasted(text);
    expect(kept).not.toContain('kube-dns');
    expect(kept).toContain('nginx-ingress-controller LoadBalancer 10.102.43.237 <pending>');
    expect(pasted).toContain('kube-system kube-dns ClusterIP 10.96.0.10 <none> 53/UDP,53/TCP 4d');
    // Without the TYPE column (older kubectl), with a selector.
    const old =
      "can't visit kubernetes-dashboard. kubectl get services --all-namespaces: kube-system kube-dns 192.168.3.10 <none> 53/UDP,53/TCP k8s-app=kube-dns 5h; kube-system kubernetes-dashboard 192.168.3.34 <none> 80/TCP k8s-app=kubernetes-dashboard 5h";
    expect(splitPasted(old).kept).not.toContain('kube-dns');
    const exposed =
      'Service not reachable from speaker node. i can see this: kubernetes ClusterIP 10.96.0.1 <none> 443/TCP 5d22h; nginx LoadBalancer 10.111.74.182 172.19.188.15 80:30958/TCP 108s. 在节点上 curl 172.19.188.15:80 失败';
    expect(splitPasted(exposed).kept).toContain(
      'nginx LoadBalancer 10.111.74.182 172.19.188.15 80:30958/TCP',
    );
    expect(splitPasted(exposed).kept).not.toContain('kubernetes ClusterIP');
  });

  it('sets ping replies apart and keeps the loss counters', () => {
    const english =
      'can not ping some pod ip successlly. [root@offlinetraining-0001 test]# ping 192.168.96.14: 64 bytes from 192.168.96.14: icmp_seq=1 ttl=63 time=0.363 ms. ping 192.168.21.5: 3 packets transmitted, 0 received, 100% packet loss';
    const { kept, pasted } = splitPasted(english);
    // The prompted ping that printed the reply goes with it.
    expect(pasted).toBe(
      '[root@offlinetraining-0001 test]# ping 192.168.96.14:\n64 bytes from 192.168.96.14: icmp_seq=1 ttl=63 time=0.363 ms',
    );
    expect(kept).not.toMatch(/icmp_seq|ttl/);
    expect(kept).toContain('100% packet loss');
    const chinese =
      '新加的节点上 pod 访问外网超时：ping 8.8.8.8: 64 bytes from 8.8.8.8: icmp_seq=1 ttl=57 time=14.5 ms；curl google.com: Could not resolve host: google.com';
    expect(splitPasted(chinese).kept).toBe(
      '新加的节点上 pod 访问外网超时：ping 8.8.8.8: ；curl google.com: Could not resolve host: google.com',
    );
  });

  it('sets shortened rows of ready, running pods apart (name, ready, status)', () => {
    const text =
      'pod kube-flannel-ds CrashLoopBackOff. kubectl get pods -n kube-system: coredns-6d56c8448f-5z5kp 0/1 ContainerCreating; kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9; kube-controller-manager-clx010 1/1 Running 1 (24h ago); kube-proxy-ccrwh 1/1 Running. kubectl logs kube-flannel-ds-5w8v2 -n kube-system.';
    const { kept, pasted } = splitPasted(text);
    expect(pasted).toContain('kube-proxy-ccrwh 1/1 Running');
    expect(pasted).toContain('kube-controller-manager-clx010 1/1 Running 1 (24h ago)');
    expect(kept).toContain('kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9');
    expect(kept).not.toContain('kube-proxy');
  });

  it('sets Ready node rows apart and keeps NotReady ones', () => {
    const text =
      'iptables filter table issue on Fedora 27. kubectl get nodes: cluster1-vm-00.localdomain Ready master 3d v1.9.2; cluster1-vm-01.localdomain NotReady <none> 3d v1.9.2. pods cannot reach the service.';
    const { kept, pasted } = splitPasted(text);
    expect(pasted).toBe('cluster1-vm-00.localdomain Ready master 3d v1.9.2');
    expect(kept).toContain('cluster1-vm-01.localdomain NotReady <none> 3d v1.9.2');
  });

  // Kube-OVN and Calico tracker reports (fills, reports5 sources), shortened.
  it('sets a command after a [user@host dir]# prompt apart, up to the output it introduces', () => {
    const chinese =
      'kube-ovn,controller和 cni的pod处于CrashLoopBackOff状态。[root@master kube-ovn]# kubectl get pod -A: kube-system coredns-7d89d9b6b8-bxh2n 0/1 Pending; etcd-master.novalocal 1/1 Running; kube-apiserver-node02.novalocal 1/1 Running; kube-ovn-controller 和 kube-ovn-cni 的 pod CrashLoopBackOff。';
    const { kept, pasted } = splitPasted(chinese);
    expect(pasted).toContain('[root@master kube-ovn]# kubectl get pod -A:');
    // The failing row stays whole, its namespace included: the command's run ends at its `-A:`.
    expect(kept).toContain('kube-system coredns-7d89d9b6b8-bxh2n 0/1 Pending');
    expect(kept).not.toMatch(/kubectl|root@master/);
    const english =
      'pod ip cannot ping successfully when install canal as k8s network component. Current: [root@host-10-31-3-107 /]# ping 10.244.3.4 gives From 10.31.3.107 icmp_seq=1 Destination Host Unreachable.';
    expect(splitPasted(english).pasted).toBe('[root@host-10-31-3-107 /]# ping 10.244.3.4');
    expect(splitPasted(english).kept).toContain('Destination Host Unreachable');
    // A bracketed prompt followed by prose, not a command, is left alone.
    for (const text of [
      '我在 [root@k8s-master ~]# 下执行 kubectl get pods 一切正常，但 pod 访问 svc 超时',
      'the pod [root@node1 ~]# is where I ran it and the service times out',
    ])
      expect(splitPasted(text)).toEqual({ kept: text, pasted: '' });
  });

  it('sets shortened rows of pods whose names end in a domain apart (etcd-master.novalocal)', () => {
    const text =
      'kube-ovn-controller CrashLoopBackOff无法启动。kubectl get pod -A: etcd-master.novalocal 1/1 Running; kube-controller-manager-master.novalocal 1/1 Running; kube-ovn-controller-795959bc8d-gcnnh 0/1 CrashLoopBackOff 5。';
    const { kept, pasted } = splitPasted(text);
    expect(pasted).toContain('etcd-master.novalocal 1/1 Running');
    expect(pasted).toContain('kube-controller-manager-master.novalocal 1/1 Running');
    expect(kept).not.toContain('novalocal');
    expect(kept).toContain('kube-ovn-controller-795959bc8d-gcnnh 0/1 CrashLoopBackOff 5');
  });

  it('leaves prose that only mentions a command or a status alone', () => {
    for (const text of [
      'kubectl get pods shows every pod Running but curl to the service times out',
      'pod 1/1 Running 但是访问 svc 超时',
      'the kube-dns service is ClusterIP 10.96.0.10 but nslookup from a pod times out',
      'kube-dns 的 ClusterIP 是 10.96.0.10，pod 里 nslookup 超时',
      'the nginx-ingress 1/1 Running pod answers, but the backend times out',
      'ping 大包的时候 1472 bytes from 网关没有回包',
    ])
      expect(splitPasted(text)).toEqual({ kept: text, pasted: '' });
  });
});

describe('reportsFailure', () => {
  it('tells failures from healthy output, iptables chain names included', () => {
    for (const line of [
      'coredns-5c98db65d4-h6446   0/1     CrashLoopBackOff   13         50m',
      '223 packets transmitted, 0 packets received, 100% packet loss',
      'curl: (7) Failed connect to 172.16.126.209:80; Connection timed out',
      'kube-flannel   kube-flannel-ds-7pxql   0/1     CrashLoopBackOff   9 (80s ago)     44m',
      'Oct 23 12:41:48 ocvm-a1-1 k3s[895]: time="2021-10-23T12:41:48Z" level=fatal msg="flannel exited: <nil>"',
      'calico-node-xjk   1/2     Running   0',
    ])
      expect(reportsFailure(line)).toBe(true);
    for (const line of [
      'kube-system   kube-proxy-rf4fw   1/1     Running   0          21m',
      ':KUBE-MARK-DROP - [0:0]',
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-NPX46M4PTMTKRN6Y',
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      'I0412 08:15:02.128746       1 server_others.go:206] "Using iptables Proxier"',
    ])
      expect(reportsFailure(line)).toBe(false);
  });
});

describe('analyzeQuery with pasted output', () => {
  const known = new Set(['pods', 'cannot', 'resolve', 'dns', 'coredns', 'kube-proxy', 'running']);
  const vocabulary: QueryVocabulary = {
    tokenize: (text) => tokenize(text),
    has: (token) => known.has(token),
    alternativesOf: () => [],
  };

  it('adds the words of the paste the KB knows at the pasted weight, below what the reporter wrote', () => {
    const pasted = normalizeText('coredns-5d78c9869d-8x2kq 1/1 Running\nkube-proxy 1/1 Running 7hj4wq');
    const query = analyzeQuery(
      normalizeText('Pods cannot resolve DNS'),
      vocabulary,
      RETRIEVAL_CONFIG,
      pasted,
    );
    expect(query.terms.get('dns')).toBe(1);
    expect(query.terms.get('running')).toBe(RETRIEVAL_CONFIG.query.pastedWeight);
    expect(query.terms.get('kube-proxy')).toBe(RETRIEVAL_CONFIG.query.pastedWeight);
    // A word the KB never uses says nothing.
    expect(query.terms.has('7hj4wq')).toBe(false);
    expect(RETRIEVAL_CONFIG.query.pastedWeight).toBeLessThan(RETRIEVAL_CONFIG.query.bodyWeight);
  });

  it('reads a short report whose body is mostly pasted output as a long one: its headline leads', () => {
    const words = new Set([...known, 'pod', 'ping', '不通', '节点']);
    const withHeadline: QueryVocabulary = { ...vocabulary, has: (token) => words.has(token) };
    // kubernetes/kubeadm: the title, then a listing of which only a failing row stays with the prose.
    const listing = normalizeText(
      lines(
        'kube-system   coredns-5d78c9869d-8x2kq   1/1   Running   0   21m',
        'kube-system   etcd-master                1/1   Running   0   22m',
        'kube-system   kube-apiserver-master      1/1   Running   0   22m',
        'kube-system   kube-proxy-rf4fw           1/1   Running   0   21m',
      ),
    );
    const english = analyzeQuery(
      normalizeText('Pods cannot resolve DNS.\nkube-system calico-node-x7k2p 0/1 Running 3 21m'),
      withHeadline,
      RETRIEVAL_CONFIG,
      listing,
    );
    expect(english.headline).toBe('pods cannot resolve dns');
    expect(english.terms.get('dns')).toBe(1);
    expect(english.terms.get('running')).toBe(RETRIEVAL_CONFIG.query.bodyWeight);
    const chinese = analyzeQuery(
      normalizeText('跨节点 pod 之间 ping 不通。\nkube-system calico-node-x7k2p 0/1 Running 3 21m'),
      withHeadline,
      RETRIEVAL_CONFIG,
      listing,
    );
    expect(chinese.terms.get('不通')).toBe(1);
    expect(chinese.terms.get('running')).toBe(RETRIEVAL_CONFIG.query.bodyWeight);
    // Without a paste, the same two lines are a short question: every word counts in full.
    const short = analyzeQuery(
      normalizeText('跨节点 pod 之间 ping 不通。\nkube-system calico-node-x7k2p 0/1 Running 3 21m'),
      withHeadline,
      RETRIEVAL_CONFIG,
    );
    expect(short.headline).toBeNull();
    expect(short.terms.get('running')).toBe(1);
  });

  it('does not lower a word the reporter also wrote', () => {
    const query = analyzeQuery(
      normalizeText('coredns pods cannot resolve'),
      vocabulary,
      RETRIEVAL_CONFIG,
      normalizeText('coredns 1/1 Running'),
    );
    expect(query.terms.get('coredns')).toBe(1);
  });
});
