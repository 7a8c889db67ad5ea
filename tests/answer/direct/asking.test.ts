import { describe, expect, it } from 'vitest';
import {
  asksToObtain,
  asksWhatReturns,
  factAsk,
  leadAsk,
  settingsAskedByName,
  settingsNamedAround,
  subjectAsked,
} from '../../../src/answer/direct/asking.js';

describe('factAsk: does the question ask for a value, and which kind', () => {
  it.each([
    ['kube-ovn 跨节点 geneve 隧道需要在安全组放行哪个 udp 端口', ['port'], false],
    ['nodeport 默认端口范围是多少', ['port', 'cidr'], true],
    ['what is the default service cidr of a kubeadm cluster', ['cidr'], true],
    ['what MTU should the pod interface get with a vxlan overlay', ['mtu'], false],
    ['ovn-cluster 路由器默认路由下一跳是什么', ['ip'], true],
    ['process on the node curls a service ip, which interface does it leave through', ['iface'], false],
    // A name asked for ("叫什么", "什么名字"): the kind is the thing named (a Chinese report's gate question).
    ['启用 IPIP 后 Calico 创建的隧道接口叫什么？', ['iface'], false],
    ['flannel 的 vxlan 网卡叫什么名字', ['iface'], false],
    // Real reports: the value is asked in one clause of a long text that also asks how or why.
    // ...and "how to configure it" asks for the setting that changes it.
    [
      'port 179 is already used by frr on the host. Which port does calico use for BGP and how to configure it?',
      ['port', 'setting'],
      false,
    ],
    ['Why do my pods time out? What is the ports needed for calico between vlans', ['port'], false],
    ['节点上多了 100.64.0.2 这个地址，这个网段是从哪来的', ['cidr'], false],
    // How to change a setting asks for the setting (and its value): real askers' phrasings.
    ['how could i modify the mtu of the pod interface', ['mtu', 'setting'], false],
    [
      'How to adjust the 179 port of bird in the Calico service deployed through Helm?',
      ['port', 'setting'],
      false,
    ],
    [
      'Currently the default IP block range is /26 like below. Is there any way to change this? Such as change it to /24.',
      ['cidr', 'setting'],
      true,
    ],
    ['kube-ovn 的 pod mtu 怎么修改', ['mtu', 'setting'], false],
    // A mode or method asked for is a setting's value; "how many" asks for a number (real reports); "by default"
    // in a question asks for the default.
    ['Which IP autodetection method does calico/node use by default?', ['addr', 'setting'], true],
    ['kube-proxy 用的是哪种模式', ['setting'], false],
    ['How many conntrack entries per CPU core does kube-proxy allow by default?', ['count'], true],
    ['how many bytes does vxlan take from the MTU', ['mtu', 'overhead'], false],
    // Only a default asked: the line that states it.
    ['Can you tell me when IPVS replaced IPTables as default proxy mode?', ['setting'], true],
    ['能默认使用ipvs吗？', ['default'], true],
    // Which file, which address, where configured.
    [
      'When I log into the worker nodes, I find /etc/flannel/subnet.env. Where does flannel write subnet.env?',
      ['path'],
      false,
    ],
    ['What is the default cluster DNS IP of kubeadm?', ['addr'], true],
    ['calico 用哪个网卡是在哪里配置的', ['iface', 'path'], false],
    // What to open between the nodes asks for ports (a real Calico report's wording).
    [
      'The security group only allows TCP 22 and 6443. What else do I need to open between the nodes?',
      ['port'],
      false,
    ],
    // "and" joining two things asked keeps them in one clause.
    [
      'There are iptables rules set by Calico to drop VXLAN packets. What VXLAN ID and port does Calico use?',
      ['port', 'count'],
      false,
    ],
    [
      'it is strange that the podSubnet is bigger than the serviceSubnet per default. Maybe the default is wrong?',
      ['cidr', 'default'],
      true,
    ],
    // A setting asked for by what it is (setting, option, 参数) or by its camelCase name.
    ['Which dnsPolicy should a hostNetwork pod use to resolve cluster services?', ['setting'], false],
    ['In IPVS mode every node replies to ARP. Which kube-proxy setting must be enabled?', ['setting'], false],
    ['kube-proxy 用 ipvs 模式时要打开哪个参数？', ['setting'], false],
    // The bytes an encapsulation takes, and a file asked for by its name.
    ['How many bytes does Kube-OVN subtract from the NIC MTU for the pod MTU?', ['mtu', 'overhead'], false],
    ['Which resolv.conf should the kubelet use instead?', ['path'], false],
    // A default stated in the report is the setup; the setting asked for by its name or its form (real reports).
    [
      'Crossplane with hostNetwork: true cannot resolve, because the kubernetes default dnsPolicy (ClusterFirst) falls back to Default for pods in the hostNetwork. Which dnsPolicy should a hostNetwork pod use?',
      ['setting'],
      false,
    ],
    [
      'BGP not established with 192.168.10.172. I have 2 NICs. Which calico-node environment variable chooses the interface?',
      ['iface', 'setting'],
      false,
    ],
    ['calico-node 用哪个环境变量选择网卡？', ['iface', 'setting'], false],
    ['Which externalTrafficPolicy value keeps the client source IP?', ['addr', 'setting'], false],
    ['what value should externalTrafficPolicy have to preserve the client IP', ['addr', 'setting'], false],
    // A clause that starts asking asks for the default without its question mark.
    ['what mode is kube-proxy running in by default', ['setting'], true],
    // A default asked about what the sentence before states.
    [
      'The default pool is 10.96.0.0/12 in our calico.yaml. Is there a way to change it?',
      ['cidr', 'setting'],
      true,
    ],
    // Real value questions worded unlike the tuning set (tests/eval/facts2.yaml): protocols, a namespace, the
    // interface a role names, a timeout, a limit, a value asked by the one given, a yes/no about an identifier.
    ['What protocols does Calico use between nodes?', ['port'], false],
    ['Which namespace is calico-node in when Calico is installed with the operator?', ['namespace'], false],
    ['Which namespace does the current kube-flannel.yml deploy into?', ['namespace'], false],
    ['Which interface gets the .2 address of the node subnet?', ['iface'], false],
    ['What is that UDP conntrack timeout by default?', ['duration'], true],
    ['What is the default conntrack max per core that kube-proxy uses?', ['count'], true],
    ['kube-proxy 启动时设置的 nf_conntrack_max 默认值是多少？', ['count'], true],
    // A file named by its path is where the value is, not what is asked.
    ['文件 /etc/kubernetes/kubelet-conf.yml中 clusterDNS 的值 10.0.0.10 需要改为多少？', ['addr'], false],
    ['哪个文件 /etc/kubernetes/kubelet-conf.yml 里配置 clusterDNS？', ['path'], false],
    // An option of a file is asked, not the file (a real kubernetes report); the file itself still is.
    [
      'almost all queries ending in ec2.internal are bogus (search ec2.local in /etc/resolv.conf). Which resolv.conf option makes every short name be tried against all the search domains first?',
      ['setting'],
      false,
    ],
    // A change that names no value is not asked beside a value that is (a real Kube-OVN report); alone it is.
    [
      'How to configure hosts to support underlay subnets? Where does kubeovn apply the 2025 tag?',
      ['iface', 'path'],
      false,
    ],
    ['How to configure hosts to support underlay subnets?', ['setting'], false],
    // How to read a value asks for it (kubernetes/kubeadm#655).
    [
      'I deployed with kubeProxy config mode: ipvs. Do you know how to check the proxy mode of kube-proxy? How do I check the mode is ipvs or not?',
      ['setting'],
      false,
    ],
    ['怎么查看 pod 的 MTU？', ['mtu'], false],
    [
      'In linux and vxlan mode, check whether the vni serial number of different devices can be different?',
      ['count'],
      false,
    ],
    ['What mode does kube-proxy use when mode is empty?', ['setting'], true],
    ['What is the default name server in CoreDNS?', ['addr', 'path'], true],
    ['How can i get rid of kube-proxy?', ['setting'], false],
    ['Which port does the health plugin serve /health on?', ['port'], false],
    // A Chinese clause that asks without naming what: the rest of its sentence names it.
    ['容器、docker0、flannel这三者MTU应该一致，使用VXLAN的话应该是多少？', ['mtu'], false],
    // A subnet asked about the default namespace: the namespace is named, not asked.
    [
      'which is default subnet when custom subnet attached default namespace? Expected: default subnet always is ovn-default.',
      ['cidr'],
      true,
    ],
  ])('%s → %j', (question, kinds, wantsDefault) => {
    expect(factAsk(question)).toMatchObject({ kinds, wantsDefault });
  });

  it('reads the asking part of a Chinese sentence, not the premise before its comma', () => {
    const ask = factAsk(
      '既然用户空间和iptables模式似乎都在节点上创建了iptables规则，那么有什么可靠的方法可以找出kube proxy默认使用的代理模式吗？',
    );
    expect(ask).toMatchObject({ kinds: ['setting'], wantsDefault: true });
    expect(ask?.focus).toBe('那么有什么可靠的方法可以找出kube proxy默认使用的代理模式吗');
  });

  it('reads "when it is empty" as asking the default', () => {
    expect(factAsk('What mode does kube-proxy use when mode is empty?')?.wantsDefault).toBe(true);
    expect(factAsk('不配置 mode 时 kube-proxy 用哪种模式？')?.wantsDefault).toBe(true);
    expect(factAsk('Which mode does kube-proxy use with IPVS kernel modules loaded?')?.wantsDefault).toBe(
      false,
    );
  });

  it('skips the headings of an issue template', () => {
    const ask = factAsk(
      'should set default proxyMode in kube-proxy componentConfig. What happened: no default value for proxyMode in kube-proxy componentconfig. What mode does kube-proxy use when mode is empty?',
    );
    expect(ask?.focus).toBe('What mode does kube-proxy use when mode is empty');
  });

  it('takes "by default ..." and a described default as the setup, not as what is asked', () => {
    const ask = factAsk(
      'By default flannel uses the default gateway interface; on Virtualbox that is eth0 with 10.0.2.15 everywhere. ' +
        'Which flannel option picks the interface for inter-host traffic?',
    );
    expect(ask?.kinds).toEqual(['iface', 'setting']);
    expect(ask?.focus).toBe('Which flannel option picks the interface for inter-host traffic');
  });

  it.each([
    'kube-ovn 为啥 pod 的 mtu 是 1400 不是 1500',
    'how do i check if genev_sys_6081 is up',
    '跨节点 pod 不通怎么排查端口',
    'coredns 解析失败',
    'what is the difference between shared and local gateway mode',
    'Why is the MTU 1400 on my pods? It should be 1450.',
    'pods in the default namespace cannot reach the service',
    'the default route is missing on node-3, pods cannot reach the internet',
    'how do I troubleshoot drops on port 6081',
    '怎么排查 MTU 问题',
    'after I changed the mtu the pods still fail, how do I check it?',
    'which pod is failing the health check',
    'which pod should I open a shell in on that node',
    // A default, "which" or "where" in a statement ask for no value (real reports).
    'Default MTU for CNI plugin is not right. My worker nodes have MTU=1446.',
    'IP_AUTODETECTION_METHOD always need change when default first-found',
    'SSH to any node on port 32022 should work, but only port 32022 of the node where the pod is deployed accepts the connection.',
    'the speaker failed as it tries to bind on port 8080, which is a port that kubespray has a nginx-proxy listen on.',
    "I haven't changed the default Corefile configuration. What are the possibilities which might cause this?",
    // "where" relating a clause, an issue template's heading, a negated "disable" (real reports).
    'Can only curl a service, using node-port and node ip, where POD is running. curl http://x.y.z.54:30822 works',
    'What happened: no default value for proxyMode in kube-proxy componentconfig',
    '如何在不禁用firewalld的情况下使用Flannel',
    // How to check something that names no value is a procedure.
    'How do I check that pods on different nodes can reach each other?',
    '怎么查看 calico-node 为什么没有 Ready？',
    // "叫什么" that asks no name of a value's kind.
    '我也不知道这个报错叫什么，pod 之间就是不通',
  ])('%s → not a fact question', (question) => {
    expect(factAsk(question)).toBeNull();
  });

  it('reads Chinese measure-word interrogatives and "to where" as asking for a value', () => {
    // Real posts: "哪块" asks which of the interfaces, "转发到哪里" where a request is sent.
    expect(factAsk('ClusterIP 被加到哪块 Dummy 网卡上？')?.kinds).toEqual(['iface']);
    expect(factAsk('CoreDNS 把非集群内的域名请求转发到哪里？')?.kinds).toContain('path');
    // The premise that asks why, with no value asked, asks no value: only why a behaviour happens, which only a line
    // saying it is by design answers.
    const premise = factAsk('K8S的Pod为什么可以解析访问集群之外的域名地址？');
    expect(premise?.kinds).toEqual(['behaviour']);
    expect(premise?.why).toBe(true);
  });

  // Real posts that ask for a value indirectly: a yes/no question at the end of a long report, and a "what should I
  // ask to open" after the setup.
  it.each([
    [
      // https://github.com/projectcalico/calico/issues/7178
      'Calico node failed to start because ports `5473` and `179` were not open. I opened them and now nodes report ready. But I am not sure the overlay will work. Are there are other host ports that need to be open for calico to work?',
      ['port'],
      'Are there are other host ports that need to be open for calico to work',
    ],
    [
      // https://github.com/projectcalico/calicoctl/issues/1092
      'I want to deploy K8S+Calico to a group of machines which are isolated by physical firewall. What ports should I request the firewall team to open, so the pods on these K8S nodes can communicate with each other?',
      ['port'],
      'What ports should I request the firewall team to open',
    ],
  ])('reads an indirect value question inside a report: %s', (question, kinds, focus) => {
    expect(factAsk(question)).toMatchObject({ kinds, focus });
  });

  it('reads "有如下几个" as listing, not asking how many, and "未指定" as asking the default', () => {
    // A real post: segmentfault.com/a/1190000042626274.
    const ask = factAsk(
      'Pod 的 DNS 策略有如下几个：Default、ClusterFirst、ClusterFirstWithHostNet、None。注意，这里有个坑可能会搞错。如果未明确指定 dnsPolicy，默认使用的是哪个策略？',
    );
    expect(ask?.kinds).toEqual(['setting']);
    expect(ask?.focus).not.toContain('如下几个');
    expect(ask?.wantsDefault).toBe(true);
    expect(factAsk('不指定 mode 时 kube-proxy 用的是哪个模式？')?.wantsDefault).toBe(true);
    // Still asked: how many.
    expect(factAsk('集群里一共有几个 CoreDNS 副本？')?.kinds).toEqual(['count']);
    expect(factAsk('下面这几个参数都要改吗')).toBeNull();
  });

  it('reads traditional Chinese as the simplified the asking words are written in', () => {
    // 預設 is what the runbooks call 默认; 哪個 and 埠 ask for a port as 哪个 and 端口 do. These phrasings are
    // written for the test: no real traditional-Chinese value question was found in the searchable sources.
    expect(factAsk('請問 calico 預設的 MTU 是多少？')).toMatchObject({ kinds: ['mtu'], wantsDefault: true });
    expect(factAsk('flannel vxlan 用哪個埠？')?.kinds).toEqual(['port']);
    expect(factAsk('kube-proxy 預設是什麼模式？')).toMatchObject({ kinds: ['setting'], wantsDefault: true });
    // A simplified 文件 (a file) stays a file: it is not read as a Taiwan 文件 (a document).
    expect(factAsk('哪个文件 /etc/kubernetes/kubelet-conf.yml 里配置 clusterDNS？')?.focus).toContain('文件');
  });

  it.each([
    // A statement that states a default asks nothing, in traditional Chinese too (zh-TW pages):
    // https://cloud-dot-devsite-v2-prod.appspot.com/vpc/docs/mtu?hl=zh-tw
    '虛擬私有雲 (VPC) 網路預設使用 1,460 位元組的 MTU。',
    // https://ithelp.ithome.com.tw/articles/10375186
    'Kubernetes 預設可能會用 /24 或 /16 當 Pod 與 Service 的範圍。',
    // A why-question about a firewall rule (https://github.com/flannel-io/flannel/issues/710).
    'Why I had to run `iptabels -I INPUT -s 10.211.55.0/24`, Then the flannel can access each other?',
  ])('%s → no value asked', (question) => {
    expect(factAsk(question)).toBeNull();
  });

  it('reads an amount asked of a named thing as a number', () => {
    expect(factAsk('Pod 的 resolv.conf 里 ndots 默认是多少？')).toMatchObject({
      kinds: ['count'],
      wantsDefault: true,
    });
    expect(factAsk('how much is ndots set to in a pod resolv.conf?')?.kinds).toContain('count');
    // A byte count asked stays an overhead.
    expect(factAsk('vxlan 封装要减去多少字节')?.kinds).toEqual(['overhead']);
  });

  it('reads which setting is asked for by its own name', () => {
    expect(
      settingsAskedByName('网络配置为 hostNetwork 的 Pod 应该用哪个 dnsPolicy 才能解析集群内的 Service'),
    ).toEqual(['dnsPolicy']);
    expect(settingsAskedByName('Which externalTrafficPolicy value keeps the client source IP')).toEqual([
      'externalTrafficPolicy',
    ]);
    // A real thread (OpenShift webhooks from a hostNetwork apiserver): three words between the interrogative and it.
    expect(settingsAskedByName('What is the valid dnsPolicy when hostNetwork: true')).toEqual(['dnsPolicy']);
    // A setting only mentioned, or a kind of setting asked, names none.
    expect(settingsAskedByName('kube-proxy 用的是哪种模式')).toEqual([]);
    expect(
      settingsAskedByName('pods with hostNetwork use dnsPolicy ClusterFirst, which port is DNS on'),
    ).toEqual([]);
  });

  it('reads a default the report states before asking as its own account, one stated after as what is meant', () => {
    // A real post (a Service proxy-mode article): the report says ipvs is the default, then asks what it is.
    const ask = factAsk(
      '容器编排系统k8s之Service资源。在k8s上service代理模式有三种，早期的k8s版本(1.1之前包含1.1的版本)默认的代理模式为userspace，后面的版本(1.11起)默认代理模式为ipvs，如果对应ipvs的模块没有加载，它会自动降级为iptables。kube-proxy 不配置 mode 时默认用的是哪种代理模式？',
    );
    expect(ask).toMatchObject({
      wantsDefault: true,
      focus: 'kube-proxy 不配置 mode 时默认用的是哪种代理模式',
    });
    // The expected result written after the question says which default is meant.
    expect(
      factAsk('Which is the default subnet for pods? Expected: the default subnet is ovn-default.')?.focus,
    ).toContain('the default subnet is ovn-default');
  });

  it('reads a yes/no question that starts "am I", "can I" about a kind of value as asking for it', () => {
    // A real thread (flannel's pod network CIDR): only the question naming a kind of value asks.
    const ask = factAsk(
      'Can I specify a specific pod-network CIDR for flannel besides 10.244.0.0/16. Should we use a different pod network besides flannel? can I do this with flannel? Am I tied to certain CIDRs? Is this a kubeadm thing?',
    );
    expect(ask).toMatchObject({ kinds: ['cidr'], focus: 'Am I tied to certain CIDRs' });
    // Not in a statement, nor when it names no kind of value.
    expect(factAsk('Am I tied to certain CIDRs.')).toBeNull();
    expect(factAsk('Can I do this with flannel?')).toBeNull();
  });

  it('reads "how long" and 多久 as asking for a time, a "which" that relates a clause as asking nothing', () => {
    // A real report (UDP conntrack entries and a stream timeout): the statement naming the parameter asks nothing.
    expect(
      factAsk(
        'When only one direction has traffic, the conntrack table will be updated after 120 sec. The parameter which affects this timeout is nf_conntrack_udp_timeout_stream. How long does a UDP conntrack entry live by default when only one direction has traffic?',
      ),
    ).toEqual({
      kinds: ['duration'],
      wantsDefault: true,
      focus: 'How long does a UDP conntrack entry live by default when only one direction has traffic',
    });
    expect(
      factAsk('dmesg 里一直 nf_conntrack: table full, dropping packet。UDP 的 conntrack 条目默认多久过期？'),
    ).toMatchObject({
      kinds: ['duration'],
      wantsDefault: true,
    });
    // "which" after a noun and before a verb relates a clause: a statement, not a question.
    expect(
      factAsk(
        'The node which handles the VXLAN port 4789 traffic is node2. Pods on node1 cannot reach it, why?',
      ),
    ).toBeNull();
  });

  it('reads "where" after a noun in a statement put as a question as relating a clause, not asking', () => {
    // A real report (kubernetes/kubernetes#100247): whether the policy blocks is asked, not a CIDR nor a place.
    expect(
      factAsk(
        'ipBlock.cidr does not block connection on the node where the pod is running? I have a 1.20.4 cluster with calico (3.18) vxlan network.',
      ),
    ).toBeNull();
    expect(factAsk('Traffic is dropped on the node which runs the calico-node pod?')).toBeNull();
    // A clause asking by its interrogative, or ending on it, still asks.
    expect(factAsk('kube-proxy listens where?')).toMatchObject({ kinds: expect.arrayContaining(['path']) });
    expect(factAsk('flannel uses which port?')).toMatchObject({ kinds: ['port'] });
    expect(factAsk('Where does the pod send traffic for the node where it runs?')).not.toBeNull();
  });

  it('reads a statement\'s "…, which works/uses …" after a comma as relating to the noun before it', () => {
    // A real report (kind on Docker Desktop): the gateway address "which works on Linux runners" asks nothing.
    expect(
      factAsk(
        'cluster message pod→host reply is unreachable on Docker Desktop (macOS/Windows): kind bridge gateway is the VM, not the host. The CI kind rung uses the kind Docker-network bridge gateway (e.g. 172.22.0.1) as that address, which works on Linux runners where Docker is native and the bridge gateway routes to the host. From inside a kind pod: nc -z 172.22.0.1 8155 -> not reachable.',
      ),
    ).toBeNull();
    expect(
      factAsk(
        'kind 集群把 bridge 网关 172.22.0.1 当作宿主机地址, which works on Linux runners。在 macOS 上 pod 访问 172.22.0.1:8155 不通。',
      ),
    ).toBeNull();
    // A question after it still asks; so does a statement that starts with "which" and a clause that asks with it.
    expect(
      factAsk(
        'We use the bridge gateway 172.22.0.1 as the host address, which works on Linux. Which address reaches the host from a pod on macOS?',
      )?.kinds,
    ).toContain('addr');
    expect(
      factAsk(
        '宿主机地址用 bridge 网关 172.22.0.1, which works on Linux。macOS 上 pod 应该用哪个地址访问宿主机？',
      )?.kinds,
    ).toContain('addr');
    expect(factAsk('Pods time out on port 8472, which port does flannel use for VXLAN')?.kinds).toContain(
      'port',
    );
  });

  it('reads the MSS asked as an overhead of the MTU, and "where can I get" a plugin as asking no value', () => {
    // A real post (Aliyun SLB, MSS and PMTU): the MSS is the MTU less the headers.
    expect(factAsk('TCP 的 MSS 和接口 MTU 是什么关系，MTU 1500 时 MSS 是多少？')?.kinds).toContain(
      'overhead',
    );
    // A real report (hostPort needs the portmap plugin): where to download it is no value a runbook states.
    expect(
      factAsk(
        'A pod with hostPort is not reachable on the node port. Where can I get this plugin? Which CNI plugin maps hostPort to the pod?',
      )?.focus,
    ).toBe('Which CNI plugin maps hostPort to the pod');
    expect(factAsk('这个 CNI 插件的二进制文件从哪里下载？')).toBeNull();
    expect(factAsk('Where can I download the calico-node image?')).toBeNull();
    // Where a value is, is still asked.
    expect(factAsk('Where does flannel write the subnet file?')?.kinds).toContain('path');
  });

  it('reads a question that follows pasted output without a full stop as a clause of its own', () => {
    // A real report (flannel with cbr0 and cni0): ifconfig output, then the question.
    expect(
      factAsk(
        'ifconfig\ncbr0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet6 fe80::b823:d3ff:fe5b:8b0c  prefixlen 64  scopeid 0x20<link> Which interface does flannel use for VXLAN?',
      )?.focus,
    ).toBe('Which interface does flannel use for VXLAN');
  });

  it('reads the choices offered after the asking clause as part of what it asks', () => {
    // A real report (openshift/origin: NetPol tests and the DNS targetPort 5353).
    const asked = factAsk(
      "This does not work on OCP because while the DNS Service is on port: 53, it redirects to targetPort: 5353 on the DNS pods. Which port does the egress rule have to allow, the Service port 53 or the DNS pods' targetPort?",
    );
    expect(asked?.kinds).toEqual(['port']);
    expect(asked?.focus).toBe(
      "Which port does the egress rule have to allow the Service port 53 or the DNS pods' targetPort",
    );
    expect(factAsk('出向策略应该放行哪个端口，Service 的 53 还是 Pod 的 targetPort？')?.focus).toBe(
      '出向策略应该放行哪个端口 Service 的 53 还是 Pod 的 targetPort',
    );
    // A clause after the ask that offers no choice, or a statement, is not part of it.
    expect(factAsk('Which port does the egress rule have to allow, as I already opened 53?')?.focus).toBe(
      'Which port does the egress rule have to allow',
    );
    expect(
      factAsk('Which port does kube-dns listen on? We tried the Service port 53, or the pod port, both fail.')
        ?.focus,
    ).toBe('Which port does kube-dns listen on');
  });

  it('reads a field asked by what it does as the one the report names in a sentence saying the same', () => {
    const around = (question: string) => {
      const ask = factAsk(question);
      if (!ask) throw new Error(`not read as a fact question: ${question}`);
      return settingsNamedAround(question, ask);
    };
    // A real report (kubernetes/kubernetes, externalTrafficPolicy Local with IPVS).
    expect(
      around(
        'ExternalTrafficPolicy: Local does not work for NodePort Services. The load balancing service provides a healthCheckNodePort for checking whether nodes contain pods. Which field tells a layer 4 load balancer which nodes have local endpoints so requests only go to nodes containing pods?',
      ),
    ).toEqual(['healthCheckNodePort']);
    expect(
      around(
        'LoadBalancer 服务提供 healthCheckNodePort 用于检查节点上是否有本地 Pod。哪个字段告诉负载均衡器哪些节点上有本地 Pod？',
      ),
    ).toEqual(['healthCheckNodePort']);
    // A setting or mode asked by what it does is a value, not a field the report names.
    expect(
      around(
        'Exposing a frontend service via a nodePort or Kubernetes Loadbalancer service hides the real source IP of clients. Which Service setting keeps the client source IP?',
      ),
    ).toEqual([]);
    expect(
      around(
        'should set default proxyMode in kube-proxy componentConfig. What mode does kube-proxy use when mode is empty?',
      ),
    ).toEqual([]);
    // A field the report names in a sentence about something else.
    expect(
      around(
        'I set externalTrafficPolicy to Local yesterday. Which field tells a layer 4 load balancer which nodes have local endpoints?',
      ),
    ).toEqual([]);
  });
});

describe('a policy asked for is a setting', () => {
  it.each([
    // cnych/qikqiak.com#156: the policy is asked; the client IP it keeps is context.
    ['NodePort Service 用哪个外部流量策略才能保留客户端真实 IP？'],
    ['Which traffic policy should the NodePort service use to keep the client IP?'],
    ['DNS 策略应该用哪个？'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toContain('setting');
  });

  it('does not read a setting into a question that names no policy, nor a policy that is not asked', () => {
    expect(factAsk('NodePort Service 后端 Pod 看到的客户端 IP 是哪个？')?.kinds).not.toContain('setting');
    expect(factAsk('Which client IP does the pod see behind a NodePort?')?.kinds).not.toContain('setting');
  });
});

describe('a yes/no question about what something does asks for the line that states it', () => {
  it.each([
    // kubernetes/kubernetes: the answer is the line saying only Ready endpoints are published, unless ...
    [
      'Pods not selected by headless service. The pods it should select have a readinessProbe with initialDelaySeconds: 30. So my question is: Can a pod be selected by a service before first readiness check pass?',
    ],
    ['Is the cluterIP support Ping command? In k8s service, every service has an clusterIP.'],
    ['Does kube-proxy SNAT the traffic a NodePort receives from outside the cluster?'],
    ['Service 的 ClusterIP 会响应 ping 吗？'],
    ['Does a ClusterIP answer ping?'],
    ['headless service 会不会给没 Ready 的 pod 建 DNS 记录？'],
    // kubernetes/minikube: a long report ending in "is X supposed to ...".
    [
      'Cannot ping ClusterIP of the service from the cluster. ping 10.97.255.240 -> 100% packet loss. But curl 10.97.255.240 returns Welcome to nginx! Is a ClusterIP supposed to answer ping?',
    ],
    ['Are headless Services meant to return one A record per ready pod?'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['behaviour']);
  });

  it.each([
    // The asker's own cluster, people, or a rhetorical question: no runbook line states that.
    ['only pods on worker3 can not reach any service, is kube-proxy on that node broken?'],
    ['Is coredns misconfigured in the kubespray v2.21.0? The service always times out'],
    ['Can anyone help me? pods can not reach the service'],
    ['Is my iptables rule wrong?'],
    // Whether the asker's own pod is supposed to do something is a diagnosis; so is asking people.
    ['Is my pod supposed to reach the ClusterIP? It times out.'],
    ['Is anyone supposed to answer this issue?'],
    ['Can the pod reach its gateway? It times out.'],
    ['pod 能 ping 通网关吗？'],
    ['pod 之间不通，有人遇到过吗？'],
    ['代码里特别注明了 DO NOT add ovn dns/lb to node switch，这样从node不就无法访问service了吗？'],
    ['calico networkpolicy ipblock 白名单不生效，这里策略有什么特殊配置吗？'],
    // A statement is no question.
    ['a pod can be selected by a service before its readiness check passes.'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });

  it('asks the value, not the behaviour, when a clause asks for a value too', () => {
    expect(factAsk('Can a pod reach the ClusterIP? Which port does the service listen on?')?.kinds).toEqual([
      'port',
    ]);
  });
});

describe('a default deny or a means asked about is a yes/no question about what something does', () => {
  it.each([
    // kubernetes/website: the deny-all policy is the setup; whether it also blocks DNS is asked.
    [
      'Applying a default deny-all egress policy will break DNS resolution. Does a default deny-all egress policy also block DNS?',
    ],
    ['默认拒绝的 egress 策略也会拦 DNS 吗？'],
    // A title asks without its question mark; whether a setting is the means of something.
    ['解决pod ip改变的问题。是通过hostnetwork 这个参数来固定pod的ip吗'],
    ['是靠 iptables 来转发 ClusterIP 的流量吗？'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['behaviour']);
  });

  it.each([
    // A default asked for is still a value.
    ['What is the default MTU of flannel.1?', 'mtu'],
    ['calico 默认的 IPIP 模式是什么？', 'setting'],
  ])('%s', (question, kind) => {
    expect(factAsk(question)?.kinds).toContain(kind);
  });

  it.each([
    // A cause asked about, a means stated, or a report's statement: not what something does.
    ['是由于flannel的限制吗？'],
    ['我是通过 hostNetwork 来部署 ingress 的。'],
    ['The default deny-all egress policy blocks DNS in our cluster.'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });
});

describe('asking why two things are the same asks for the line saying one equals the other', () => {
  it.each([
    // kubernetes/dns: a nodelocaldns pod's IP is the node's.
    ['nodelocaldns podIp same as hostIp. Hi, why is the pod IP of nodelocadns same as the IP of node?'],
    ['为什么 pod 的 IP 和节点 IP 是同一个？'],
    // The sameness is stated first, then its cause asked back.
    [
      '安装完flannel，查看结果，发现ip与node是同一个地址，如下所示：kube-flannel-ds-2pwbk 1/1 Running 192.168.31.150 192.168.31.150。请教大神这个是什么原因？',
    ],
    [
      'You can see `aws-node-mrdfk` and `kube-proxy-fvg6t` has the same ip address with the worker node `10.0.135.147`. Wondering how could be duplicated. Is it a bug?',
    ],
    // Whether the sameness is normal asks why it is so.
    [
      'kubectl get pod -o wide shows my hostNetwork pod with IP 192.168.1.10. Is it normal that the pod IP equals the node IP?',
    ],
    ['我的 hostNetwork pod IP 和 node IP 是同一个地址，这是正常的吗？'],
    ['pod 的 IP 等于节点 IP，符合预期吗？'],
  ])('%s', (question) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.same).toBe(true);
    expect(ask?.why).toBeUndefined();
  });

  it.each([
    // Why something failed, a sameness stated with no cause asked, or a cause asked of nothing said to be the same.
    ['why is my pod slow to resolve names?'],
    ['The pod IP is the same as the node IP and it works.'],
    ['pod 和 node 的 IP 是同一个。'],
    ['pod 访问 service 超时。请教大神这个是什么原因？'],
    // Whether a behaviour is normal, with nothing said to be the same: a by-design ask.
    ['抓包看到 length 65000 的包，比 mtu 大很多，正常吗'],
    ['kubelet probe requests come from 100.64.0.3, is that expected?'],
  ])('%s', (question) => {
    expect(factAsk(question)?.same).toBeUndefined();
  });
});

describe('a why question about a behaviour asks for the line that says it is by design', () => {
  it.each([
    // kubernetes/kubernetes#62986: a title asks without its question mark.
    ["why cann't ping svc, the kubernetes svc can ping access, others cannot."],
    ["Why can't I ping the ClusterIP of a service?"],
    ['为什么 ClusterIP ping 不通，curl 却正常？'],
    ['Why does a ClusterIP answer ping under IPVS?'],
    ['kubectl get svc 显示 ClusterIP 10.96.240.115。为什么这个 ClusterIP 能 ping 通？'],
    // Why a thing must or should be so, and a long Chinese subject before its verb.
    ['Why must Calico use VXLAN rather than IPIP on Azure?'],
    ['Why should kube-proxy run with strictARP for MetalLB?'],
    ['为什么 hostNetwork 模式下的 Pod 访问 Service 的 ClusterIP 会超时？'],
    // Whether an address is given at all.
    ['I run ingress-nginx on bare metal. Why is no external load balancer IP assigned?'],
    ["Why isn't an external IP allocated to the ingress Service?"],
    ['为什么 LoadBalancer 的外部 IP 一直分配不到？'],
  ])('%s', (question) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.why).toBe(true);
  });

  it('says whether the asker saw the behaviour happen', () => {
    expect(factAsk('为什么这个 ClusterIP 能 ping 通？')?.affirmed).toBe(true);
    expect(factAsk('Why does a ClusterIP answer ping under IPVS?')?.affirmed).toBe(true);
    expect(factAsk("Why can't I ping the ClusterIP of a service?")?.affirmed).toBeUndefined();
    expect(factAsk('为什么 ClusterIP ping 不通？')?.affirmed).toBeUndefined();
  });

  it.each([
    // Why something is slow or went wrong, or a request to people: not whether something can happen.
    ['why is my pod so slow to resolve names?'],
    ['Why can anyone not help with this?'],
    ['为什么会这样？'],
    // A why in the middle of a statement asks nothing.
    ['I do not know why it can not reach the service.'],
  ])('%s', (question) => {
    expect(factAsk(question)?.why).toBeUndefined();
  });
});

describe('asking whether what was just said is normal asks for the line that says it is by design', () => {
  it.each([
    // Report-like: what the asker saw, then whether that is normal.
    ['抓包看到 length 65000 的包，比 mtu 大很多，正常吗', '65000'],
    ['ping service 的 IP 不通，但是 curl 可以，正常嗎', 'curl'],
    ['SERVICE_CIDR="10.68.0.0/16"。10.68 网段 ping 不通正常吗？', 'ping'],
    ['tcpdump 里的包长度远大于 MTU，这是正常现象吗？', 'MTU'],
    [
      'kube-ovn: app logs show kubelet probe requests coming from 100.64.0.3, is that expected?',
      '100.64.0.3',
    ],
    [
      'I see packets of length 65000 in tcpdump, bigger than the MTU. Is this the expected behavior?',
      '65000',
    ],
    // A why that refers back to what was just said: the sentence before says what.
    ['进入容器 ping service 不通。然后在容器 curl 是正常的 这是为啥？', 'ping'],
  ])('%s', (question, seen) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.why).toBe(true);
    expect(ask?.focus).toContain(seen);
    // The asking words are not what the line is picked by.
    expect(ask?.focus).not.toMatch(/正常吗|正常嗎|expected|为啥/);
  });

  it('says whether the asker saw it happen', () => {
    expect(factAsk('抓包看到 length 65000 的包，比 mtu 大很多，正常吗')?.affirmed).toBe(true);
    expect(factAsk('ping service 的 IP 不通，但是 curl 可以，正常嗎')?.affirmed).toBeUndefined();
  });

  it.each([
    // A statement that something works normally asks nothing.
    ['metrics-server 是正常的，但是 log 里面有几个错误。'],
    ['The pods are running normally and the service is expected to answer on port 80.'],
    // Why something went wrong, asked by what: a diagnosis, not whether it is by design.
    ['pod 无法访问 service，请问这是什么原因？'],
    ['为什么会这样？'],
  ])('%s', (question) => {
    expect(factAsk(question)?.why).toBeUndefined();
  });
});

describe('a statement put to be judged true or false asks whether something does it', () => {
  it.each([
    ['Calico networks can enforce network policies. True/False. [ ] True [ ] False', 'network policies'],
    ['kube-proxy in iptables mode SNATs pod-to-ClusterIP traffic: true or false?', 'SNATs'],
    ['flannel 支持 NetworkPolicy，对还是错？', 'NetworkPolicy'],
  ])('%s', (question, statement) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain(statement);
    expect(ask?.focus).not.toMatch(/true|false|对还是错/i);
  });

  it.each([
    // A setting's value asked between two: not a statement to judge.
    ['Should natOutgoing be true or false for my pool?'],
    ['I set natOutgoing to true or false, nothing changes. Pods cannot reach the internet.'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });
});

describe('words a yes/no question does not ask with', () => {
  it('reads "where" after a noun in a yes/no question as relating, not asking (flannel-io/flannel#2219)', () => {
    expect(
      factAsk(
        'Can flannel be used in a cluster where different nodes are interconnected by IP layer routers?',
      )?.kinds,
    ).toEqual(['behaviour']);
    // A question that asks with "where" still asks for a place.
    expect(factAsk('Where does flannel write its subnet file?')?.kinds).toContain('path');
  });

  it('reads "what does a \'subnet\' mean" as asking what a word means, not for a value', () => {
    expect(factAsk("However, what does a 'subnet' mean?")).toBeNull();
    expect(factAsk('what does the subnet mean?')).toBeNull();
    // Of a value just stated, "what does this mean" still asks to explain it.
    expect(
      factAsk('the default gateway in my container was 169.254.1.1. What does this mean?')?.values,
    ).toEqual(['169.254.1.1']);
  });
});

describe('the option whose value is asked, named before the word value', () => {
  it.each([
    // k0sproject/k0s: the report states ndots:1 it set, then asks the default.
    [
      'DNS queries leaking from the cluster. ndots being set to 5 by default is what causes this. I set all deployments to use ndots: 1 via dnsConfig. What ndots value do pods get by default?',
      'ndots',
    ],
    ['Which hairpin-mode value does the kubelet use?', 'hairpin-mode'],
    ['Pod 里 ndots 的值默认是多少？', 'ndots'],
  ])('%s', (question, subject) => {
    const ask = factAsk(question);
    expect(ask).not.toBeNull();
    expect(subjectAsked(ask?.focus ?? '')).toBe(subject);
  });

  it.each([
    // "Service setting" names what the setting belongs to; "default value" names no option; no value asked.
    'Which Service setting keeps the client source IP?',
    'What default value does it use?',
    'What does a DNS lookup of a headless Service return?',
    '默认值是多少？',
  ])('names no option: %s', (question) => {
    expect(subjectAsked(question)).toBeNull();
  });

  it('asks for a number or a code-formatted setting when no kind of value is named', () => {
    expect(factAsk('What ndots value do pods get by default?')?.kinds).toEqual(['count', 'setting']);
  });
});

describe('asking what something returns asks the behaviour a line states', () => {
  it.each([
    // kubernetes/kubernetes#7476, shortened.
    'DNS for headless services. Doing a DNS lookup for a headless service should return multiple A records at least. What does a DNS lookup of a headless Service return?',
    'headless Service 的域名解析返回什么？',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['behaviour']);
  });

  it.each([
    // What the asker's own command returned is a diagnosis; a statement asks nothing.
    'What does my curl return? It hangs.',
    'A DNS lookup of a headless Service returns one A record per pod.',
  ])('asks no behaviour: %s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });
});

describe('asking why a thing has the number it has asks for the line stating it', () => {
  it.each([
    // projectcalico/calico#5186, shortened.
    [
      'Support custom blockSize during flannel -> calico migration. Current: ippool blocksize is 26. Why is defaultIppoolSize 26, can I change it to 24?',
      '26',
    ],
    ['为什么 blockSize 默认是 26？', '26'],
    // The thing named in more than one word.
    ['flannel.1 shows mtu 1450 while eth0 is 1500. why is the flannel.1 MTU 1450?', '1450'],
    ['为什么 calico 的 tunl0 MTU 是 1480？', '1480'],
    // The number it was expected to have, after "and not" / "而不是"; a possessive in the thing's name.
    [
      "Inner Docker default bridge MTU is 1500 while workspace interface MTU is 1450. Why is the pod's eth0 MTU 1450 and not 1500?",
      '1450',
    ],
    ['Why is the tunl0 MTU 1480 instead of 1500?', '1480'],
    ['为什么 pod 的 MTU 是 1450 而不是 1500？', '1450'],
  ])('%s', (question, value) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['count']);
    expect(ask?.values).toEqual([value]);
  });

  it.each([
    // What went wrong with a port, or no number: a diagnosis, not a stated value.
    'Why is port 80 not reachable from other nodes?',
    'Why is the MTU wrong?',
    '为什么 80 端口不通？',
    'Why is the pod on port 8080 not reachable from node 2?',
    '为什么 pod 访问 10.96.0.10 超时？',
    // A number compared with another in a failure is no value to explain.
    'Why is port 8080 not 80 reachable from node 2?',
  ])('asks no number: %s', (question) => {
    expect(factAsk(question)?.values).toBeUndefined();
  });
});

describe('asking who takes the part of an address asks for the line that states that address', () => {
  it.each([
    // projectcalico/calico#2129-like report: the ask is the last sentence of a long thread.
    [
      'container cannot ping the host ip. In the container: default via 169.254.1.1 dev eth1. I guess the cali interface should be assigned 169.254.1.1, but it was not, why? Who answers ARP for 169.254.1.1?',
      '169.254.1.1',
    ],
    ['Pod 里默认网关是 169.254.1.1，宿主机上没有这个地址。谁来应答 169.254.1.1 的 ARP？', '169.254.1.1'],
  ])('%s', (question, value) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['addr']);
    expect(ask?.values).toEqual([value]);
  });

  it.each([
    // Asking people, or naming no address: no line is asked for.
    'Who can help me reach 10.0.0.1?',
    'Who knows why 10.96.0.1 times out?',
    '有谁遇到过 10.96.0.10 超时的问题？',
    'Who answers ARP in calico?',
  ])('asks nothing: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('a why or how in a bracketed aside', () => {
  it('reads a why or how in a bracketed aside as a remark, not what the clause asks', () => {
    // A real report (Chinese blog thread on dnsPolicy), shortened.
    const ask = factAsk(
      '否则将使用默认值 ClusterFirst，其效果等同于 Default。（我也不知道为什么要这样专门配置一下，估计认为用户使用 host 网络）hostNetwork 的 Pod 用默认 ClusterFirst 时到底用哪个 resolv.conf？',
    );
    expect(ask?.kinds).toEqual(['path']);
    // Not in brackets: the why is what is asked.
    expect(factAsk('我也不知道为什么 hostNetwork 的 Pod 要用哪个 resolv.conf？')).toBeNull();
  });
});

describe('"should X ..." and "when does X return" ask what something does', () => {
  it.each([
    // A real thread (Calico): the reply's "which use ICMP" relates a clause; the asker's last sentence asks.
    "Reply: Kubernetes services are TCP / UDP only, so commands like ping which use ICMP won't work if you're targeting a Service IP address. Asker: thank you, telnet works. Should a Service IP answer ping?",
    // kubernetes/kubernetes, shortened.
    'querying service wont show pods. dig returns one A record 10.107.214.96. When does the service name return pod IPs?',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['behaviour']);
  });

  it.each([
    // The asker's own plan: a diagnosis or advice, not what something does.
    'What is the recommended approach without using load-balancers? Would I just point to a single node ip address on the cluster?',
    'Should I use ipvs?',
    'Should we upgrade first?',
  ])('asks no behaviour: %s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });

  it('asks what a named setting returns as well as the setting', () => {
    const ask = factAsk(
      'the status should be extracted from the JSON response. What does the healthCheckNodePort return on a node without local endpoints?',
    );
    expect(ask?.kinds).toEqual(['setting', 'behaviour']);
  });
});

describe('asking which way traffic goes asks the behaviour a line states', () => {
  it.each([
    // A real thread (flannel DirectRouting), shortened: the networks named are context, the way taken is asked.
    [
      'vxlan支持directrouting选项，当节点处于同网段时，通过硬件网卡路由直接转发。DirectRouting 打开后同网段和跨网段分别怎么走？',
    ],
    ['pod 访问 service 的流量走哪条路？'],
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['behaviour']);
  });

  it.each([
    // How to get it working, and a statement: no way asked.
    '跨节点 pod 不通，这个网络怎么走通？',
    'DirectRouting 打开后同网段走直连路由。',
  ])('asks no behaviour: %s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });
});

describe("an issue template's expected behaviour, when the report asks nothing else", () => {
  it('reads "What you expected to happen: X should Y" as asking whether Y is by design', () => {
    // kubernetes/kubernetes, shortened.
    const ask = factAsk(
      "Can't ping service in same kubernetes namespace. Ping is not working but http works fine. What you expected to happen: Ping should answer. Kubernetes v1.9.0.",
    );
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.why).toBe(true);
  });

  it.each([
    // An expectation without "should", or no template: the report asks nothing. (A failed ping to a Service is read
    // as asking why on its own: service-ping.test.ts.)
    'Curl to the pod times out. What you expected to happen: curl works. Kubernetes v1.9.0.',
    'Curl to the pod times out. Curl should answer.',
  ])('asks nothing: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });

  it('keeps the question the report asks over what it expects', () => {
    const ask = factAsk(
      'What you expected to happen: DNS should resolve. Which port does CoreDNS serve its metrics on?',
    );
    expect(ask?.kinds).toEqual(['port']);
  });
});

describe('asking how to get hold of a value it names asks for it', () => {
  it.each([
    // caddyserver/ingress#176, shortened.
    'How to get Client IP? I replaced ngnix-ingress with caddy-ingress. My usage scenario requires obtaining the ClientIP, but I did not find the relevant documentation. Did I miss something?',
    "When I try to get the client IP address in the application I am getting cluster's node IP. How can I retrieve real client IP?",
    '后端服务拿到的都是节点 IP，怎么获取客户端真实 IP？',
    '如何保留客户端源 IP？',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['addr']);
  });

  it.each([
    // How to get something done, or somewhere, names no value.
    'The pods on node2 cannot reach the service. How to get it working again?',
    'How do I get to the node from my laptop?',
    '怎么获取帮助？',
    // A statement that gets the client IP asks nothing.
    'The app gets the client IP from X-Forwarded-For.',
  ])('asks no value: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('how to get an address other than the client one, or how to see one', () => {
  it.each([
    // Reading a value, not getting hold of it: "see" is a check.
    'how do i see which join ip node-02 got',
    // No runbook line says how the pod IP is had.
    'How do I get the pod IP from inside the container',
    '怎么获取 Pod 的 IP',
  ])('is not getting the client address: %s', (clause) => {
    expect(asksToObtain(clause)).toBe(false);
  });

  it.each(['How do I get the pod IP from inside the container?', '怎么获取 Pod 的 IP？'])(
    'asks no value: %s',
    (question) => {
      expect(factAsk(question)).toBeNull();
    },
  );

  it.each(['How can I retrieve real client IP', '如何保留客户端源 IP', 'how to preserve the source address'])(
    'is getting the client address: %s',
    (clause) => {
      expect(asksToObtain(clause)).toBe(true);
    },
  );
});

describe('asking what a setting costs asks for its drawback', () => {
  it.each([
    "We had to add externalTrafficPolicy: Local for that. It seemed like a no-brainer to me. But i'm willing to learn, what would be a reason not to set that?",
    'Is there a reason not to set externalTrafficPolicy: Local?',
    'Any drawbacks of externalTrafficPolicy Local?',
    'externalTrafficPolicy 设成 Local 有什么缺点？',
    '把 Service 改成 Local 策略有什么坏处？',
  ])('reads %s as asking for a drawback', (question) => {
    expect(factAsk(question)?.kinds).toContain('drawback');
  });
  it.each([
    'What is the reason for this error?',
    'Reply: this has some other drawbacks.',
    'externalTrafficPolicy: Local 的缺点我已经知道了。',
  ])('does not read %s (a diagnosis, or a drawback stated, not asked) as asking for one', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('drawback');
  });
});

describe('asking whether the asker got it wrong asks whether the thing works as seen', () => {
  it.each([
    [
      "I expected it to be set to the pod's IP address. When I get the service details via kubectl get services, the IP address listed for the headless service is the same service cluster IP address. Am I doing something wrong here?",
      'headless service',
    ],
    ['headless service 还是分配了 clusterIP，是不是我哪里配置错了？', 'headless service'],
    [
      'I set the clusterIP of the kube-dns Service by hand. Could this have something to do with not using KubeDNS?',
      'KubeDNS',
    ],
  ])('reads %s as a yes/no question about what was seen', (question, seen) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain(seen);
    expect(ask?.why).toBeUndefined();
  });
  it.each([
    'Am I doing anything wrong?',
    'I can access the service by pod ip but not able to access it from my local browser using node ip & port. Am I doing anything wrong?',
    '从节点访问 nodeport 超时，是不是我哪里配置错了？',
  ])('does not read %s (nothing seen, or a failure to diagnose) as one', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('wanting the client address, in a question, asks how it is had', () => {
  it.each([
    // A real ingress report: the want is in the title, the ask is how to configure.
    'when server hope get client IP, how configure the haproxy-ingress for? My tenant have a server, It want get http/tcp client IP. What should I do configure the haproxy-ingress?',
    'We need to keep the source IP of our users, any idea?',
    '我想在后端拿到客户端源 IP，怎么办？',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['addr']);
  });
  it.each([
    'I need to get the pod IP inside the container, how?',
    '想要获取 pod IP 怎么办？',
    // Wanting it in a statement asks nothing.
    'The app wants to get the client IP from X-Forwarded-For.',
  ])('asks no value: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('asking whether there is a way to do something asks what the thing does', () => {
  it.each([
    // A real flannel report: "this ability" is what the sentence before said flannel lacks.
    [
      'k8s support network-policies, but network-policies are not affect on the flannel CNI. any way to provide this ability?',
      'flannel CNI',
    ],
    ['Is there a way to make flannel drop traffic to one pod?', 'flannel drop'],
    ['有没有办法让 flannel 执行 NetworkPolicy？', 'flannel 执行'],
    ['能否让 flannel 拦截 Pod 之间的流量？', 'flannel 拦截'],
  ])('%s', (question, said) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain(said);
  });
  it.each([
    // "this" is a failure, or another question: a diagnosis is asked, not what something does.
    'The readiness probe failed with no such host. Is there any way to fix this?',
    'curl works from the pod. Why they behave different? Is there any way to do this?',
    '探针访问 service 一直超时。有没有办法解决这个？',
    // Asking people, and a statement.
    'Is there any way you can help me?',
    'There is no way to make flannel enforce policies.',
  ])('asks no value: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('asking how to make a thing use a value it names asks for the setting', () => {
  it.each([
    // A real CoreDNS thread: both :53/metrics and :9153/metrics are scraped.
    '两个target都符合要求。怎么才能让prometheus只采集9153端口？',
    'How can I make flannel use port 8472 only?',
    'How do I get coredns to listen on port 5353?',
  ])('%s', (question) => {
    expect(factAsk(question)?.kinds).toEqual(['port', 'setting']);
  });
  it.each([
    // Making it work names no value: a diagnosis.
    '怎么才能让 pod 访问通 service？',
    'How can I make the pod reach the service?',
    '怎么才能让它正常工作？',
  ])('asks no value: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('asksWhatReturns: what something returns, or whether it returns something', () => {
  it.each([
    'What does a DNS lookup of a headless Service return',
    'headless Service 的域名解析返回什么',
    // A yes/no ask about what it returns (real report: a StatefulSet's clients and a headless Service).
    "Does a headless Service's DNS name return a record for every pod",
    'headless Service 的域名会返回每个 Pod 的 IP 吗',
  ])('%s', (focus) => {
    expect(asksWhatReturns(focus)).toBe(true);
  });

  it.each([
    // The asker's own command, and whether what was seen is expected (real report: not-Ready pods in DNS).
    'what did my curl return',
    'does my query return the pod IPs',
    "Should a headless service's DNS name return pods that are not Ready",
    '我的 dig 返回了两个地址，正常吗',
  ])('%s → not asked', (focus) => {
    expect(asksWhatReturns(focus)).toBe(false);
  });
});

describe('a report that states its setup or asks the cause asks no value', () => {
  it.each([
    // "which" after a noun in a statement relates what follows to it (real reports: NodePort from one node only,
    // an external load balancer, a network policy).
    'Current: only can access nodeport service from node ip which POD runs',
    'For load balancing service we use external loadBalancer which sends traffic to NodePort',
    'The pod of service nginx-test is scheduled on node002 which ip address is 172.16.126.209',
    'I have deployed a simple policy on pod A which just accepts ingress TCP traffic from pod B',
    // Asking the cause is asking for a diagnosis, though the words hold 是什么 / 在哪.
    '防火墙已经关闭，端口有监听，请问是什么原因呢？',
    '服务启动以后，master 不能访问 svc，worker 可以，这个是什么原因？',
    '重启后 pod 访问 service 超时，请指点一下问题出在哪里',
  ])('%s → no value asked', (question) => {
    expect(leadAsk(question)).toBeNull();
  });

  it('which runbook leads still follows the looser reading: a value word names what the report is about', () => {
    expect(factAsk('防火墙已经关闭，端口有监听，请问是什么原因呢？')?.kinds).toContain('port');
    expect(factAsk('Current: only can access nodeport service from node ip which POD runs')).not.toBeNull();
  });

  it.each([
    // Still asked: "which" starting a question, or after a word that asks indirectly; a value beside a cause.
    ['Which port does flannel use for VXLAN?', 'port'],
    ['I want to know which port the VXLAN backend uses', 'port'],
    ['请问 calico IPIP 模式的 MTU 是多少？', 'mtu'],
    ['flannel 用的 VXLAN 端口是什么？', 'port'],
  ])('%s → asks %s', (question, kind) => {
    expect(leadAsk(question)?.kinds).toContain(kind);
  });
});

describe('a condition set off before the main clause asks no value (the lead)', () => {
  it.each([
    // Real reports: a relative "which" or a "default" inside the condition is the setup, not the ask.
    'In my opion, if the docker has a default route which point to the cni0 gateway, is there any need to do SNAT?',
    'When create pod with annotation ovn.kubernetes.io/logical_switch which is join, Kube-ovn can not do cmdADD succeeded.',
    '如果 Pod 走的是默认路由，宿主机为什么还要做 SNAT？',
  ])('%s → no value asked', (question) => {
    expect(leadAsk(question)).toBeNull();
  });

  it.each([
    // The main clause after the condition still asks; a "when" asking the time, or a condition not set off, too.
    ['If I use externalTrafficPolicy Local, which port does the health check listen on?', 'port'],
    ['When using IPVS which interface holds the ClusterIP?', 'iface'],
    ['如果用 VXLAN，MTU 应该设多少？', 'mtu'],
    ['If the default block is /26, how do I change it?', 'cidr'],
  ])('%s → asks %s', (question, kind) => {
    expect(leadAsk(question)?.kinds).toContain(kind);
  });
});

describe('"default" inside a name asks for no default', () => {
  it.each([
    'When create pod with annotation attachnet.default.ovn.kubernetes.io/logical_switch: join, Kube-ovn fails',
    'the address set $ovn.default.node1_ip4 is empty on node1, what to do',
    'default-ipv4-ippool 里的地址用完了，怎么办',
  ])('%s → no default asked', (question) => {
    expect(leadAsk(question)?.kinds ?? []).not.toContain('default');
    expect(leadAsk(question)?.wantsDefault ?? false).toBe(false);
  });

  it.each([
    ['What is the default MTU of calico vxlan?', 'mtu'],
    ['kube-ovn 默认子网是哪个？', 'cidr'],
  ])('%s → still a default asked', (question, kind) => {
    expect(leadAsk(question)?.kinds).toContain(kind);
    expect(leadAsk(question)?.wantsDefault).toBe(true);
  });
});

describe('asking which traffic, or when, the source is rewritten asks the rule', () => {
  it.each([
    'With masqueradeAll false, which packets sent to a Service get SNAT?',
    'Which traffic does kube-proxy masquerade?',
    'When does kube-proxy masquerade traffic sent to a ClusterIP?',
    '哪些流量会被 kube-proxy SNAT？',
    'kube-proxy 什么时候会做 masquerade？',
  ])('%s → a behaviour asked', (question) => {
    expect(leadAsk(question)?.kinds).toContain('behaviour');
  });

  it.each([
    // A condition, a cause, or a rewrite only stated: no rule asked.
    'When I curl the service, the source ip is SNATed, why?',
    'The source IP is masqueraded to the node IP after the upgrade.',
    'When does the pod get its IP address?',
    '什么时候发布新版本？',
  ])('%s → no rewrite rule asked', (question) => {
    expect(leadAsk(question)?.kinds ?? []).not.toContain('behaviour');
  });
});

describe('an ask of only the rewrite rule is marked so only the rule answers it', () => {
  it('which packets get SNAT asks only the rule', () => {
    expect(leadAsk('With masqueradeAll false, which packets sent to a Service get SNAT?')?.rule).toBe(true);
  });
  it.each([
    '集群内 Pod 访问 ClusterIP 时源地址会不会被改？',
    'Which port does flannel use for VXLAN?',
    'Which traffic does kube-proxy masquerade, and which port does the health check use?',
  ])('%s → not only the rule', (question) => {
    expect(leadAsk(question)?.rule).toBeUndefined();
  });
});

describe('a value asked by what to set it to, with the case it is asked under', () => {
  it.each([
    ['hostNetwork 的 Pod 要解析服务域名，dnsPolicy 应该设置成什么？', ['setting']],
    ['MTU 应该改成什么？', ['mtu']],
    ['要关掉 IPIP 的话，IPPool 的 ipipMode 要设置成什么？', ['setting']],
  ])('reads "设置成什么" as asking the value: %s', (question, kinds) => {
    expect(factAsk(question)?.kinds).toEqual(kinds);
  });

  it.each(['设置成功了，但是 Pod 还是不通。', '我把 MTU 改成 1450 了，还是不通。'])(
    'reads no value asked: %s',
    (question) => {
      expect(factAsk(question)).toBeNull();
    },
  );

  it('takes the case the clause before sets as asked too', () => {
    expect(
      factAsk(
        '宿主机 /etc/resolv.conf 配置为 search openstack。hostNetwork: true 的 Pod 仍需要解析 Kubernetes 服务域名时，dnsPolicy 应该设置成什么？',
      )?.focus,
    ).toBe('hostNetwork: true 的 Pod 仍需要解析 Kubernetes 服务域名时 dnsPolicy 应该设置成什么');
    expect(factAsk('When pods use hostNetwork, which dnsPolicy do they need?')?.focus).toContain(
      'When pods use hostNetwork',
    );
  });

  it('does not take a statement before the asking clause as its case', () => {
    expect(factAsk('I use flannel with vxlan, which MTU should the pods get?')?.focus).not.toContain(
      'I use flannel',
    );
  });

  it('reads "left empty" as asking the default', () => {
    expect(factAsk('Which mode does kube-proxy run in when mode is left empty?')?.wantsDefault).toBe(true);
    expect(factAsk('Which mode does kube-proxy run in when IPVS modules are loaded?')?.wantsDefault).toBe(
      false,
    );
  });
});

describe('a value asked in a statement, or "设为什么", is asked', () => {
  it.each([
    ["I'd like to know the default MTU of flannel vxlan.", 'mtu'],
    ['想知道 flannel 默认的 MTU。', 'mtu'],
    ['Could you tell me the service CIDR kubeadm picks', 'cidr'],
    ['hostNetwork 的 Pod 的 dnsPolicy 应该设为什么？', 'setting'],
  ])('%s', (question, kind) => {
    const ask = leadAsk(question);
    expect(ask?.kinds).toContain(kind);
    expect(ask?.why).toBeUndefined();
  });

  it.each([
    ['Please let me know if you need more logs about the MTU.'],
    ["I'm wondering if this is an MTU bug."],
  ])('asks nothing: %s', (question) => {
    expect(leadAsk(question)).toBeNull();
  });

  it('reads "改为什么还是不通" as a why, not a value', () => {
    expect(leadAsk('MTU 改为什么还是不通？')?.why).toBe(true);
  });
});

describe('asking what a named thing is for asks what it does, not a value of the kind its name holds', () => {
  it.each([
    'What is clusterCIDR used for in kube-proxy?',
    'What does clusterCIDR do in kube-proxy?',
    'kube-proxy 的 clusterCIDR 是干什么用的',
    'strictARP 的作用是什么？',
  ])('a purpose ask: %s', (question) => {
    expect(factAsk(question)).toMatchObject({ kinds: ['behaviour'], purpose: true });
  });

  it.each(['What clusterCIDR does kube-proxy use by default?', 'kube-proxy 的 clusterCIDR 是多少？'])(
    'a value ask: %s',
    (question) => {
      const ask = factAsk(question);
      expect(ask?.purpose).toBeUndefined();
      expect(ask?.kinds).toContain('cidr');
    },
  );
});

describe('a statement tagged "right?" or "对吧？" asks to check the value it gives', () => {
  it.each<[string, string, string]>([
    ['the kube-proxy healthz port is 10256, right?', 'port', '10256'],
    ['tunl0 的 MTU 是 1480，对吧？', 'mtu', '1480'],
    ['flannel 的 vxlan 端口是 8472，是吗？', 'port', '8472'],
  ])('%s', (question, kind, value) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toContain(kind);
    expect(ask?.checked).toEqual([value]);
  });

  it.each([
    // A failure, the asker's own address, or no value: nothing to check.
    'pod 访问 10.96.0.10 超时，对吧？',
    'My pod IP is 10.244.1.5, right?',
    'I use flannel, right?',
  ])('%s', (question) => {
    expect(factAsk(question)?.checked).toBeUndefined();
  });
});

describe('a question that is only the thing and the kind of its value asks for that value', () => {
  it.each<[string, string]>([
    ['kube-proxy metrics port?', 'port'],
    ['coredns 的 metrics 端口？', 'port'],
    ['I run flannel 0.22 on three nodes. kube-ovn join subnet?', 'cidr'],
  ])('%s', (question, kind) => {
    expect(factAsk(question)?.kinds).toContain(kind);
  });

  it.each([
    // The asker's own thing, a failure, or a phrase that is part of a longer sentence.
    'my pod port?',
    'Pods cannot reach each other on port?',
    '集群 Pod 网段，跨节点不通？',
    'Pod 网段，必须是 /16 段地址，为什么？',
  ])('%s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('asking how the application behind a Service comes to see the client address', () => {
  it.each([
    // mercedes-benz/sechub#2816, shortened.
    'How can the server behind the Service see the real client IP',
    'Is there a way for the backend pods to see the original client IP',
    'how can the pod see the client IP',
    // kubernetes/ingress-nginx#2796, with its ask restated.
    'How can nginx-ingress log the real client IP',
    '如何让 nginx 日志里看到真实客户端 IP',
    '怎么才能让后端服务拿到用户的真实 IP',
  ])('is getting the client address: %s', (clause) => {
    expect(asksToObtain(clause)).toBe(true);
  });

  it.each([
    // The asker reading a value, not the backend seeing its client.
    'How can I see the source IP in tcpdump',
    'how do I see which IP the pod has',
    // Another address than the client's.
    'How can the pod see its own node IP',
    '如何让 Pod 看到节点 IP',
  ])('is not getting the client address: %s', (clause) => {
    expect(asksToObtain(clause)).toBe(false);
  });

  it('leads the answer of an application report that asks it', () => {
    const ask = leadAsk(
      "Server Helm Chart: Enable logging of client IPs. Situation: Currently when running on Kubernetes, the SecHub server always sees the load balancer's IP as client IP. How can the server behind the Service see the real client IP?",
    );
    expect(ask?.kinds).toEqual(['addr']);
    expect(ask && asksToObtain(ask.focus)).toBe(true);
  });
});

describe('asking what would follow from a case asks no value', () => {
  it.each([
    // MicrosoftDocs/azure-docs#21369, shortened: the yes/no question after it is what is asked.
    'Need clarity on Docker Bridge Address. What if 172.17.0.1/16 is conflicting with one of our internal network ip address space?',
    'What happens if the pod CIDR overlaps with the node network?',
    'and what would happen if I set the MTU to 1500?',
    '如果 Pod 网段和公司内网冲突会怎样？',
    '要是 service 网段跟 VPC 重叠了怎么办？',
  ])('%s', (question) => {
    expect(leadAsk(question)).toBeNull();
  });

  it.each([
    ['What is the default pod CIDR?', ['cidr']],
    ['What port does flannel use if the vxlan backend is on?', ['port']],
    ['如果用 vxlan 模式，flannel 用哪个端口？', ['port']],
  ])('still asks a value: %s', (question, kinds) => {
    expect(leadAsk(question)?.kinds).toEqual(kinds);
  });
});

describe('a value asked anywhere in a long report, in a form without an interrogative', () => {
  it.each<[string, string]>([
    // A title naming the kind first, then the report.
    [
      'Port for flannel vxlan? We run three nodes on OpenStack with security groups between them. Pods on the same node talk fine but pods across nodes time out.',
      'port',
    ],
    ['MTU for calico IPIP? pods on different nodes hang on big transfers, small curls work.', 'mtu'],
    [
      'BGP peering stuck in Connect. calicoctl node status shows Connect for every peer; the nodes are in different VPCs. Port for BGP?',
      'port',
    ],
    // A polite lead or 呢 after the problem.
    ['flannel 跨节点 pod 不通，节点之间有防火墙，只放行了 22 和 6443，请问 flannel vxlan 的端口？', 'port'],
    ['flannel 的端口我查到是 8472。calico vxlan 模式也有防火墙的问题，那 calico 的端口呢？', 'port'],
    // Asking people whether they know it.
    [
      'Pods on different nodes cannot talk after we enabled the host firewall. iptables -L shows INPUT policy DROP. Does anyone know the port flannel vxlan uses?',
      'port',
    ],
    ['升级之后跨节点不通了，安全组只放行了 TCP。有人知道 flannel 的 vxlan 端口吗？', 'port'],
    // How a value should compare with another.
    [
      'Node NIC MTU is 1500 but kube-ovn pods come up with MTU 1400. Large scp transfers stall. Should the pod MTU be lower than the NIC MTU?',
      'mtu',
    ],
  ])('%s', (question, kind) => {
    expect(leadAsk(question)?.kinds).toContain(kind);
  });

  it.each([
    // Why, or how to fix: a diagnosis or a procedure.
    'Port for nodeport is blocked? we cannot reach 30080 from outside. How do I fix it?',
    'Support for port ranges in NetworkPolicy? we need to allow 30000-32767 to a pod.',
    'Pods on different nodes cannot talk. Does anyone know how to fix the MTU?',
    'Pods on different nodes cannot talk. Does anyone know the reason the port is blocked?',
    '跨节点不通，有人知道为什么吗？',
    'Why should the pod MTU be lower than the NIC MTU?',
    // The asker's own state put as a yes/no question.
    'Is the pod MTU lower than the NIC MTU on your nodes?',
  ])('%s', (question) => {
    const ask = leadAsk(question);
    expect(ask === null || !ask.kinds.some((kind) => ['port', 'mtu', 'cidr'].includes(kind))).toBe(true);
  });

  it.each<[string, string]>([
    ['Large transfers stall between nodes with flannel vxlan. What should I set FLANNEL_MTU to?', 'mtu'],
    ['calico pods hang on large transfers with vxlan. what should veth_mtu be set to?', 'mtu'],
  ])('a setting named by the kind of value it holds: %s', (question, kind) => {
    expect(leadAsk(question)?.kinds).toContain(kind);
  });

  it('a yes/no question about a field named like a value asks no CIDR', () => {
    const question =
      'We have a NetworkPolicy with an ipBlock for 10.0.0.0/8 and traffic from pods still gets through. Does ipBlock.cidr match pod IPs?';
    expect(leadAsk(question)?.kinds ?? []).not.toContain('cidr');
  });
});
