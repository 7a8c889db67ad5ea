import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import {
  askedSettings,
  confidentFact,
  directAnswer,
  factAsk,
  hasKindWords,
  kindMask,
  statesSetting,
  wordForms,
} from '../../src/answer/direct.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

describe('factAsk: does the question ask for a value, and which kind', () => {
  it.each([
    ['kube-ovn 跨节点 geneve 隧道需要在安全组放行哪个 udp 端口', ['port'], false],
    ['nodeport 默认端口范围是多少', ['port', 'cidr'], true],
    ['what is the default service cidr of a kubeadm cluster', ['cidr'], true],
    ['what MTU should the pod interface get with a vxlan overlay', ['mtu'], false],
    ['ovn-cluster 路由器默认路由下一跳是什么', ['ip'], true],
    ['process on the node curls a service ip, which interface does it leave through', ['iface'], false],
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
  ])('%s → not a fact question', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('direct answers on a real index', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(async () => {
    await fixture.cleanup();
  });

  it('reads the asking clause of a long report: the value it asks for, not the words around it', () => {
    const ask = factAsk(
      'We run kube-ovn on three nodes and pods on different nodes cannot ping each other. ' +
        'The cloud security group only allows TCP. Which udp port does the geneve tunnel need?',
    );
    expect(ask?.kinds).toEqual(['port']);
    expect(ask?.focus).toBe('Which udp port does the geneve tunnel need');
  });

  it('finds the sentence that states the port, quoted exactly', () => {
    const doc = fixture.searcher.doc('kube-ovn/geneve.md');
    expect(doc).toBeDefined();
    const question = 'geneve 隧道用哪个 udp 端口';
    const found = directAnswer(
      question,
      doc ? [doc] : [],
      factAsk(question) ?? { kinds: [], wantsDefault: false, focus: '' },
    );
    expect(found?.quote).toContain('UDP 6081');
    expect(found?.line).toBe(16);
  });

  it('matches the asking words to the line through glossary concepts (blocked ↔ 拦截)', () => {
    const doc = fixture.searcher.doc('kube-ovn/geneve.md');
    if (!doc) throw new Error('fixture doc missing');
    const question = 'which udp port is being blocked?';
    const ask = factAsk(question);
    if (!ask) throw new Error('not read as a fact question');
    const concepts = (text: string) => (/blocked|拦截/.test(text) ? ['g-block'] : []);
    // The row that says the port is blocked (拦截 UDP 6081) shares the concept with the question: it scores more.
    const plain = directAnswer(question, [doc], ask);
    const withConcepts = directAnswer(question, [doc], ask, concepts);
    expect(withConcepts?.line).toBe(61);
    expect(withConcepts?.score ?? 0).toBeGreaterThan(plain?.score ?? 0);
  });

  it('is confident about a line that states the asked value in the asking words, not about a loose match', () => {
    const doc = fixture.searcher.doc('kube-ovn/geneve.md');
    if (!doc) throw new Error('fixture doc missing');
    expect(confidentFact('kube-ovn 跨节点全部不通，安全组或防火墙要放行哪个 udp 端口', doc)?.quote).toContain(
      '6081',
    );
    expect(confidentFact('which port does mysql listen on', doc)).toBeNull();
    expect(confidentFact('geneve 隧道为什么不通', doc)).toBeNull();
  });

  it('leads the answer with it and cites its line', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: 'kube-ovn geneve 隧道要在防火墙放行哪个 udp 端口' },
    );
    const direct = body.structured.direct;
    expect(direct?.text).toContain('6081');
    const citation = body.citations[(direct?.cite ?? 0) - 1];
    expect(citation?.path).toBe('kube-ovn/geneve.md');
    expect(body.answer.split('\n\n')[0]).toContain(direct?.text ?? '-');
  });

  it('quotes a sentence wrapped over two source lines whole, citing both lines', async () => {
    const kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-direct-'));
    const own = await (async () => {
      await mkdir(path.join(kbDir, 'flannel'));
      await writeFile(
        path.join(kbDir, 'flannel/iface.md'),
        [
          '---',
          'triggers: [flannel 选错网卡]',
          'category: pod_to_pod_cross_node',
          '---',
          '',
          '# Flannel 网卡选择',
          '',
          '## 概述',
          '',
          'Flannel 默认使用宿主机默认路由所在的网卡承载跨节点流量，多网卡时在 DaemonSet',
          '参数中用 `--iface=<网卡>` 指定跨节点流量走的网卡。',
          '',
        ].join('\n'),
      );
      return buildFixtureIndex(kbDir);
    })();
    try {
      const { body } = await answerChat(
        { searcher: own.searcher, conversations: new ConversationStore() },
        { message: 'flannel 多网卡时用哪个参数指定跨节点流量走的网卡？' },
      );
      const direct = body.structured.direct;
      expect(direct?.text).toContain('多网卡时在 DaemonSet 参数中用 `--iface=<网卡>`');
      expect(body.citations[(direct?.cite ?? 0) - 1]?.lines).toEqual([10, 11]);
    } finally {
      await own.cleanup();
      await rm(kbDir, { recursive: true, force: true });
    }
  });

  it('finds values by their shape: a listen address, a protocol number, a namespace, a time, a config line', async () => {
    const kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-direct-'));
    const own = await (async () => {
      await mkdir(path.join(kbDir, 'dns'));
      await writeFile(
        path.join(kbDir, 'dns/values.md'),
        [
          '---',
          'triggers: [coredns 解析失败]',
          'category: dns',
          '---',
          '',
          '# 集群网络取值',
          '',
          '## 概述',
          '',
          '集群内 DNS 由 CoreDNS 提供，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。',
          '',
          '**上游**：`forward . /etc/resolv.conf` 指向的节点 DNS 不可达或很慢，外部域名返回 SERVFAIL。',
          '',
          '```',
          '.:53 {',
          '    errors',
          '    health { lameduck 5s }          # :8080/health 存活',
          '    ready                           # :8181/ready 就绪',
          '}',
          '```',
          '',
          '## 其他组件',
          '',
          '条目在超时后删除：UDP 默认 30 秒，kube-proxy 把 TCP ESTABLISHED 超时设为 86400 秒。',
          '',
          'flanneld 以 DaemonSet `kube-flannel-ds` 运行在 `kube-flannel` 命名空间（老版本在 `kube-system`）。',
          '',
          '| 现象 | 原因 | 处理 |',
          '| --- | --- | --- |',
          '| IPIP 模式跨节点不通 | 云安全组/防火墙不放行 IP 协议 4 | 放行 IPIP 协议 |',
          '',
        ].join('\n'),
      );
      return buildFixtureIndex(kbDir);
    })();
    try {
      const doc = own.searcher.doc('dns/values.md');
      if (!doc) throw new Error('doc missing');
      const quote = (question: string) => {
        const ask = factAsk(question);
        if (!ask) throw new Error(`not read as a fact question: ${question}`);
        return directAnswer(question, [doc], ask)?.quote;
      };
      // Real questions (k3s, kubernetes, flannel and calico trackers).
      expect(
        quote(
          'I found that coredns is listening on 80 port instead on 8080. Which port does the CoreDNS health check listen on?',
        ),
      ).toContain(':8080/health');
      expect(quote('What is that UDP conntrack timeout by default?')).toContain('UDP 默认 30 秒');
      expect(quote('Which namespace does the current kube-flannel.yml deploy into?')).toContain(
        '`kube-flannel` 命名空间',
      );
      expect(quote('What protocols does Calico use between nodes?')).toContain('IP 协议 4');
      // A directive's path is stated (`forward . /etc/resolv.conf`), unlike a path in a shell command.
      expect(quote('coredns 上游 forward 的文件在哪？')).toContain('`forward . /etc/resolv.conf`');
    } finally {
      await own.cleanup();
      await rm(kbDir, { recursive: true, force: true });
    }
  });

  it('quotes the comment and command that set a setting, of the asked form, but not for its default', async () => {
    const kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-direct-'));
    const own = await (async () => {
      await mkdir(path.join(kbDir, 'service'));
      await writeFile(
        path.join(kbDir, 'service/source-ip.md'),
        [
          '---',
          'triggers: [客户端源 IP 丢失]',
          'category: service_external',
          '---',
          '',
          '# 客户端源 IP',
          '',
          '## 概述',
          '',
          '应用看到的客户端 IP 都是节点 IP：这是 `externalTrafficPolicy: Cluster`（默认）的 SNAT 行为。',
          '',
          '节点地址由 `NODE_IP_DETECTION` 环境变量选择网卡，默认 `first-found`。',
          '',
          'kubelet 的上游 DNS 见下表。',
          '',
          '| 现象 | 处理 |',
          '| --- | --- |',
          '| 日志 `loop detected` | kubelet `resolvConf: /run/systemd/resolve/resolv.conf` |',
          '',
          '## 修复',
          '',
          '```bash',
          '# [变更] 改为 Local 以保留客户端源 IP',
          'kubectl patch svc <service-name> -p \'{"spec":{"externalTrafficPolicy":"Local"}}\'',
          '# [变更] 通过 operator 指定节点地址探测网卡',
          'kubectl patch installation default --type=merge \\',
          '  -p \'{"spec":{"nodeAddressAutodetection":{"interface":"eth0"}}}\'',
          '```',
          '',
        ].join('\n'),
      );
      return buildFixtureIndex(kbDir);
    })();
    const ask = async (message: string) =>
      (await answerChat({ searcher: own.searcher, conversations: new ConversationStore() }, { message })).body
        .structured.direct?.text ?? '';
    try {
      // The code line that states the value, with the comment that says what it does.
      expect(await ask('Which externalTrafficPolicy value keeps the client source IP?')).toContain(
        '改为 Local 以保留客户端源 IP',
      );
      // An environment variable asked for: the line naming one, not a command setting a camelCase field.
      expect(await ask('Which environment variable chooses the interface for the node address?')).toContain(
        'NODE_IP_DETECTION',
      );
      // The default asked for: the line that states it, not a change.
      expect(await ask('Which externalTrafficPolicy does a Service use by default?')).toContain(
        'externalTrafficPolicy: Cluster',
      );
      // A setting with a path as its value states that path.
      expect(await ask('loop detected. Which resolv.conf should the kubelet use?')).toContain(
        '/run/systemd/resolve/resolv.conf',
      );
    } finally {
      await own.cleanup();
      await rm(kbDir, { recursive: true, force: true });
    }
  });

  it('gives no direct answer to a question that asks for no value', async () => {
    const { body } = await answerChat(
      { searcher: fixture.searcher, conversations: new ConversationStore() },
      { message: 'geneve 隧道不通，跨节点丢包' },
    );
    expect(body.structured.direct).toBeNull();
  });
});

describe('hasKindWords', () => {
  it('tells whether a term has a word of one of the given kinds', () => {
    expect(hasKindWords('端口', kindMask(['port']))).toBe(true);
    expect(hasKindWords('mtu', kindMask(['port']))).toBe(false);
    expect(hasKindWords('mtu', kindMask(['port', 'mtu']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['ip']))).toBe(true);
    expect(hasKindWords('网关', kindMask(['iface', 'cidr']))).toBe(false);
    expect(hasKindWords('kubectl', kindMask(['port', 'mtu', 'iface', 'cidr', 'ip', 'addr', 'path']))).toBe(
      false,
    );
  });

  it('is false for no kinds', () => {
    expect(hasKindWords('端口', 0)).toBe(false);
  });

  it('answers the same whichever kinds were asked of the term before', () => {
    const terms = ['接口', 'subnet', 'interface', 'gateway', '网段', 'pool', 'how many bytes', 'where'];
    const masks = [kindMask(['iface']), kindMask(['cidr', 'ip']), kindMask(['path', 'overhead', 'iface'])];
    // The same terms twice over (a trailing space or two changes no pattern's match), asked in opposite orders.
    const forward = terms.map((term) => masks.map((mask) => hasKindWords(`${term} `, mask)));
    const backward = terms.map((term) =>
      [...masks]
        .reverse()
        .map((mask) => hasKindWords(`${term}  `, mask))
        .reverse(),
    );
    const all = masks.reduce((union, mask) => union | mask, 0);
    const combined = terms.map((term) => hasKindWords(`${term}   `, all));
    expect(backward).toEqual(forward);
    expect(combined).toEqual(forward.map((row) => row.some(Boolean)));
    const fresh = forward;
    expect(fresh.map((row) => row.some(Boolean))).toEqual([true, true, true, true, true, true, true, true]);
  });
});

describe('which of several lines stating values answers', () => {
  const ROWS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# DNS 与 Underlay 取值',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| CoreDNS CrashLoopBackOff，日志 `Loop ... detected` | 节点 resolv.conf 指向 127.0.0.53（systemd-resolved） | `kubectl -n kube-system logs -l k8s-app=kube-dns` | kubelet `resolvConf: /run/systemd/resolve/resolv.conf` |',
    '| 外部域名解析慢，CoreDNS QPS 很高 | ndots:5 导致每个名字先查多个 search 域 | `kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf` | 使用 FQDN 或调小 ndots |',
    '| Pod 通过自己的 Service 访问自己超时 | 网桥未开启 hairpin | `grep -H . /sys/class/net/cni0/brif/*/hairpin_mode` | CNI 配置 `hairpinMode: true` 并重建 Pod |',
    '',
    '## Underlay 资源',
    '',
    '| 资源 | 作用 | 效果 |',
    '| --- | --- | --- |',
    '| `ProviderNetwork` | 选定承载 Underlay 的宿主机网卡（物理口、bond 或 VLAN 子接口） | 每个节点建 OVS 网桥 `br-provider`，把网卡挂上去 |',
    '| `Vlan` | 绑定 VLAN ID 和 ProviderNetwork；id 为 0 表示不打 tag | 逻辑交换机上的 localnet 端口带 tag，物理网卡端口的 `trunks` 包含该 VLAN |',
    '',
    '## MTU',
    '',
    '| 封装 | 开销 | Pod MTU |',
    '| --- | --- | --- |',
    '| VXLAN | 50 字节 | 1450 |',
    '| WireGuard | 60 字节 | 1440 |',
    '',
    '```bash',
    '# [变更] Calico operator 安装：把 Pod/隧道 MTU 设为 1450；只对新建 pod 生效',
    'kubectl patch installation.operator.tigera.io default --type merge -p \'{"spec":{"calicoNetwork":{"mtu":1450}}}\'',
    '```',
    '',
  ].join('\n');
  const SAME_NODE = [
    '---',
    'triggers: [同节点 pod 不通]',
    'category: pod_to_pod_same_node',
    '---',
    '',
    '# 同节点 Pod 通信',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| Pod 访问指向自己的 Service 失败 | 网桥端口未开启 hairpin（kubelet hairpin-mode / CNI hairpinMode） | `bridge -d link show` | 在 CNI 配置中开启 `hairpinMode: true` 或 kubelet `--hairpin-mode=hairpin-veth` |',
    '',
  ].join('\n');
  let kbDir: string;
  let own: FixtureIndex;
  beforeAll(async () => {
    kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-direct-'));
    await mkdir(path.join(kbDir, 'dns'));
    await mkdir(path.join(kbDir, 'pod-to-pod'));
    await writeFile(path.join(kbDir, 'dns/rows.md'), ROWS);
    await writeFile(path.join(kbDir, 'pod-to-pod/same-node.md'), SAME_NODE);
    own = await buildFixtureIndex(kbDir);
  });
  afterAll(async () => {
    await own.cleanup();
    await rm(kbDir, { recursive: true, force: true });
  });
  const quote = (question: string, paths: string[]) => {
    const docs = paths.map((p) => {
      const doc = own.searcher.doc(p);
      if (!doc) throw new Error(`doc missing: ${p}`);
      return doc;
    });
    const ask = factAsk(question);
    if (!ask) throw new Error(`not read as a fact question: ${question}`);
    return directAnswer(question, docs, ask)?.quote ?? '';
  };

  it('weighs the file an option belongs to less than what the option does', () => {
    // kubernetes/kubernetes#19634: "resolv.conf" names whose option is asked; the search domains say which.
    expect(
      quote(
        "almost all queries ending in ec2.internal are bogus (search ec2.local in /etc/resolv.conf); we're sending approximately 40 bad queries/second. Which resolv.conf option makes every short name be tried against all the search domains first?",
        ['dns/rows.md'],
      ),
    ).toContain('ndots:5');
    // The file itself asked for: the line that states it.
    expect(quote('loop detected. Which resolv.conf should the kubelet use?', ['dns/rows.md'])).toContain(
      'resolvConf: /run/systemd/resolve/resolv.conf',
    );
  });

  it('answers the value of a setting the question names from a line stating that setting, in that form', () => {
    // kubernetes/kubernetes#23322: the first runbook's row is about the CNI's hairpinMode, not kubelet's flag.
    const question =
      'kubelet: Incorrect fallback to hairpin-mode. I have an issue with connecting to PODs itself via service ip. Which kubelet --hairpin-mode value lets a pod reach itself through its own Service?';
    expect(quote(question, ['dns/rows.md', 'pod-to-pod/same-node.md'])).toContain(
      '--hairpin-mode=hairpin-veth',
    );
    // Not naming the flag, the first runbook's row answers.
    expect(
      quote('Pod 通过自己的 Service 访问自己超时，CNI 要开启哪个参数？', [
        'dns/rows.md',
        'pod-to-pod/same-node.md',
      ]),
    ).toContain('`hairpinMode: true`');
  });

  it('reads which settings a value is asked of, and which lines state them with a value', () => {
    expect(askedSettings('Which kubelet --hairpin-mode value lets a pod reach itself')).toEqual([
      '--hairpin-mode',
    ]);
    expect(askedSettings('clusterDNS 的值 10.0.0.10 需要改为多少')).toEqual(['clusterDNS']);
    expect(askedSettings('Which dnsPolicy should a hostNetwork pod use?')).toEqual([]);
    expect(statesSetting(['--hairpin-mode'], 'kubelet `--hairpin-mode=hairpin-veth`')).toBe(true);
    expect(statesSetting(['externalTrafficPolicy'], `-p '{"spec":{"externalTrafficPolicy":"Local"}}'`)).toBe(
      true,
    );
    expect(statesSetting(['--hairpin-mode'], 'CNI 配置 `hairpinMode: true`')).toBe(false);
    expect(statesSetting(['--hairpin-mode'], '（kubelet hairpin-mode / CNI hairpinMode）')).toBe(false);
  });

  it('prefers the row whose key the question names, more when the asking clause names it', () => {
    // kubeovn/kube-ovn#3830: the report's "vlan tagging" names the `Vlan` row, which says where the tag goes.
    expect(
      quote(
        "How to configure hosts to support underlay subnets? Where does kubeovn apply the 2025 tag? I noticed the br-test123 bridge didn't apply any vlan tagging, and I couldn't find any tagging at the interface in the net namespace or at the ovs bridge.",
        ['dns/rows.md'],
      ),
    ).toContain('localnet 端口带 tag');
    // Named in the asking clause, the key counts more than the words of another row's cells.
    expect(quote('Which tunnel MTU does WireGuard need?', ['dns/rows.md'])).toContain('| WireGuard |');
  });

  it('matches a word in another form and across languages', () => {
    expect(wordForms('masquerades')).toContain('masquerade');
    expect(wordForms('domains')).toContain('domain');
    expect(wordForms('enabled')).toContain('enable');
    expect(wordForms('forwarding')).toContain('forward');
    expect(wordForms('docs')).toEqual([]);
    expect(wordForms('class')).toEqual([]);
  });
});
