import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedSettings, factAsk } from '../../../src/answer/direct/asking.js';
import {
  assignsSetting,
  carriesTo,
  directAnswer,
  endpointsAsked,
  namesSpelledField,
  portFieldsNamed,
  settingAskedByRole,
  settingsGivenWithValue,
  settingValue,
  turnedOff,
} from '../../../src/answer/direct/pick-line.js';
import { statesSetting } from '../../../src/answer/direct/value-shapes.js';
import { wordForms } from '../../../src/answer/direct/words.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

/** The line a direct answer to `question` quotes from one runbook of a fixture KB. */
/** The NodePort runbook's troubleshooting row on client IPs lost to SNAT, which two fixtures below end with. */
const CLIENT_IP_ROW = [
  '## 常见问题',
  '',
  '| 现象 | 原因 | 检查 | 处理 |',
  '| --- | --- | --- | --- |',
  '| 应用日志里客户端 IP 都是节点 IP | Cluster 策略对外部流量做了 SNAT | `kubectl get svc <service-name> -n <namespace> -o wide` | 改用 Local，或在 L7 使用 X-Forwarded-For / PROXY protocol |',
];

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
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/rows.md': ROWS, 'pod-to-pod/same-node.md': SAME_NODE });
  });
  afterAll(() => own.cleanup());
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

describe('a port bound to the endpoint asked, a setting asked by its name', () => {
  const DNS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# CoreDNS',
    '',
    '集群内 DNS 由 CoreDNS 提供，通过 Service `kube-dns` 暴露，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。',
    '',
    'kubelet 把这个地址写进每个 `dnsPolicy: ClusterFirst` 的 Pod 的 `/etc/resolv.conf`。',
    '',
    '外部域名解析慢时先看 Pod 的 resolv.conf：ndots:5 导致每个名字先查多个 search 域。',
    '',
    '```',
    '.:53 {',
    '    health { lameduck 5s }          # :8080/health 存活',
    '    ready                           # :8181/ready 就绪',
    '    prometheus :9153',
    '}',
    '```',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 所有 Pod 解析超时 `i/o timeout` | kube-dns 无端点 | `kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns` | 修复 CoreDNS Pod |',
    '| hostNetwork Pod 解析不了集群内 Service | dnsPolicy 仍为 ClusterFirst | `kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf` | 设置 `dnsPolicy: ClusterFirstWithHostNet` |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/coredns.md': DNS });
  });
  afterAll(() => own.cleanup());
  const quote = (question: string) => quoteOf(own, 'dns/coredns.md', question);

  it('reads the endpoints a question names whose name the asking clause repeats', () => {
    const question =
      'Health checks and probes for CoreDNS pods: the liveness probe queries the /health endpoint provided by the health plugin. Which port does the CoreDNS health plugin listen on by default?';
    const found = endpointsAsked(question, 'Which port does the CoreDNS health plugin listen on by default');
    expect(found.map((pattern) => pattern.test(':8080/health'))).toEqual([true]);
    expect(found.some((pattern) => pattern.test(':8181/ready'))).toBe(false);
    // A file path is no endpoint, nor an endpoint the asking clause does not name.
    expect(
      endpointsAsked('cat /etc/resolv.conf shows ndots; which port is /metrics on?', 'which port is DNS on'),
    ).toEqual([]);
  });

  it('answers which port serves an endpoint from the line binding a port to it', () => {
    // Real pages: a CoreDNS probes article, a CoreDNS helm chart page.
    expect(
      quote(
        'CoreDNS health and readiness probes are how Kubernetes knows if your DNS service is actually working. The ready plugin indicates whether CoreDNS is ready to serve traffic. Which port does the ready plugin serve /ready on?',
      ),
    ).toContain(':8181/ready');
    expect(
      quote(
        'Health checks and probes for CoreDNS pods: the liveness probe queries the /health endpoint provided by the health plugin. Which port does the CoreDNS health plugin listen on by default?',
      ),
    ).toContain(':8080/health');
  });

  it('answers which value a setting asked by its name takes from a line naming the setting', () => {
    expect(
      quote(
        'coredns 的 K8s DNS 策略：Kubernetes 中 Pod 的 DNS 策略有四种类型。网络配置为 hostNetwork 的 Pod 应该用哪个 dnsPolicy 才能解析集群内的 Service？',
      ),
    ).toContain('ClusterFirstWithHostNet');
  });

  it('answers an amount asked of a named setting from a line stating it with its number', () => {
    // A real post: "Service 与 Pod 的 DNS".
    expect(
      quote(
        'Service 与 Pod 的 DNS：DNS 查询可以使用 Pod 中的 /etc/resolv.conf 展开，kubelet 会为每个 Pod 生成此文件。Pod 的 resolv.conf 里 ndots 默认是多少？',
      ),
    ).toContain('ndots:5');
  });
});

describe('a value asked inside a long report: the endpoint or port the clause names, how to set, whose default', () => {
  const DNS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# CoreDNS',
    '',
    '集群内 DNS 由 CoreDNS（Deployment `coredns`，标签 `k8s-app=kube-dns`）提供，通过 Service `kube-dns` 暴露，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。',
    '',
    '```text',
    '.:53 {',
    '    errors',
    '    health { lameduck 5s }          # :8080/health 存活',
    '    ready                           # :8181/ready 就绪',
    '    prometheus :9153',
    '}',
    '```',
    '',
  ].join('\n');
  const HOST_NETWORK = [
    '---',
    'triggers: [hostNetwork pod 解析失败]',
    'category: host_network',
    '---',
    '',
    '# hostNetwork Pod',
    '',
    '```bash',
    '# 输出 hostNetwork 与 dnsPolicy 两个字段',
    'kubectl get pod <pod> -n <namespace> -o jsonpath=\'{.spec.hostNetwork}{" "}{.spec.dnsPolicy}{"\\n"}\'',
    '```',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| hostNetwork Pod 解析不了 `*.svc.cluster.local` | dnsPolicy 仍为 ClusterFirst，实际用的是节点 resolv.conf | `kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf` | 设置 `dnsPolicy: ClusterFirstWithHostNet` |',
    '',
  ].join('\n');
  const MTU = [
    '---',
    'triggers: [mtu 分片]',
    'category: mtu',
    '---',
    '',
    '# MTU 与分片',
    '',
    '| 封装 | 开销 | 典型 Pod MTU（物理 1500） | 设备 |',
    '| --- | --- | --- | --- |',
    '| VXLAN | 50 字节（IP 20 + UDP 8 + VXLAN 8 + 内层以太网 14） | 1450 | Flannel `flannel.1`（UDP 8472）、Calico `vxlan.calico`（UDP 4789） |',
    '| Geneve | 50 字节 + 选项（OVN 携带 8 字节选项，约 58） | 1400（Kube-OVN、OVN-K 默认预留 100） | Kube-OVN/OVN-K `genev_sys_6081`（UDP 6081） |',
    '| IPIP | 20 字节 | 1480 | Calico `tunl0`（IP 协议 4） |',
    '',
  ].join('\n');
  const NODEPORT = [
    '---',
    'triggers: [nodeport 不通]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '另一个高频问题是“应用看到的客户端 IP 都是节点 IP”：这是 `externalTrafficPolicy: Cluster` 的 SNAT 行为，不是故障。',
    '',
    '| 项目 | externalTrafficPolicy: Cluster（默认） | externalTrafficPolicy: Local |',
    '| --- | --- | --- |',
    '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
    '',
    ...CLIENT_IP_ROW,
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({
      'dns/coredns.md': DNS,
      'host-network/hostnetwork-pods.md': HOST_NETWORK,
      'mtu/mtu-fragmentation.md': MTU,
      'service/nodeport-loadbalancer.md': NODEPORT,
    });
  });
  afterAll(() => own.cleanup());
  const quote = (question: string, file: string) => {
    const doc = own.searcher.doc(file);
    if (!doc) throw new Error(`doc missing: ${file}`);
    const ask = factAsk(question);
    if (!ask) throw new Error(`not read as a fact question: ${question}`);
    return directAnswer(question, [doc], ask)?.quote ?? '';
  };

  it('reads an endpoint the asking clause names by its word, and a port it names, as bound in a line', () => {
    const question = 'Needed some info for the rules to be added in terms of coredns.';
    const named = endpointsAsked(question, 'Which port does the CoreDNS ready endpoint listen on');
    expect(named.some((pattern) => pattern.test('# :8181/ready 就绪'))).toBe(true);
    expect(named.some((pattern) => pattern.test('# :8080/health 存活'))).toBe(false);
    const port = endpointsAsked(question, 'What does CoreDNS serve on port 8181');
    expect(port.some((pattern) => pattern.test('ready    # :8181/ready 就绪'))).toBe(true);
    expect(port.some((pattern) => pattern.test('端口 53/UDP、53/TCP，指标端口 9153'))).toBe(false);
    expect(endpointsAsked(question, 'which port does the CoreDNS ready probe use')).toHaveLength(1);
  });

  it('reads a probe named by what it checks as the endpoint it checks', () => {
    // A real post: jishuzhan.net/article/1701458452980699138 (CoreDNS pods 0/1 Running, readiness probe refused).
    const ready = endpointsAsked('', 'CoreDNS 的就绪探针用的是哪个端口');
    expect(ready.some((pattern) => pattern.test('ready    # :8181/ready 就绪'))).toBe(true);
    expect(ready.some((pattern) => pattern.test('health { lameduck 5s }  # :8080/health 存活'))).toBe(false);
    const live = endpointsAsked('', 'which port does the liveness probe of kube-proxy check');
    expect(live.some((pattern) => pattern.test('curl -s http://127.0.0.1:10256/healthz'))).toBe(true);
    expect(live.some((pattern) => pattern.test('# :8181/ready 就绪'))).toBe(false);
    // A probe named by neither.
    expect(endpointsAsked('', 'which port does the startup probe use')).toEqual([]);
  });

  it('answers the port of an endpoint, or what is on a port, from the line binding them', () => {
    // Real reports: coredns/coredns#3989 (the readiness probe behind a DROP policy), #7869 (ports 8080 and 8181).
    expect(
      quote(
        "Coredns not coming to ready state because of readiness probe failed. I've used IP-tables default policy(input and output chain) as drop. I've tried telnet to the health and ready endpoint: curl http://10.233.121.20:8080/health → Couldn't connect to server. Needed some info for the rules to be added in terms of coredns. Which port does the CoreDNS ready endpoint listen on?",
        'dns/coredns.md',
      ),
    ).toContain(':8181/ready');
    expect(
      quote(
        'coredns 1.12.1 exposing port.containerPort 8080 and 8181. Until Coredns 1.12.0 the deployment used to have only Port 53 and 9153 exposed to node. This caused my deployment to fail as another service was expecting to block 8080 on the node. What does CoreDNS serve on port 8181?',
        'dns/coredns.md',
      ),
    ).toContain(':8181/ready');
  });

  it('answers the port of a probe named by what it checks from the line binding its endpoint', () => {
    // A real post: jishuzhan.net/article/1701458452980699138.
    expect(
      quote(
        'Kubernetes 中 CoreDNS 服务因为ReadinessProbe端口异常，导致服务大面积中断。CoreDNS Pod 都在 0/1 Running 状态，kubectl describe 显示 `Readiness probe failed: connect: connection refused`，CoreDNS 的 Service 中的 Endpoint 为空。CoreDNS 的就绪探针用的是哪个端口？',
        'dns/coredns.md',
      ),
    ).toContain(':8181/ready');
  });

  it('answers how to set a setting from a line that sets it, not a command that only reads it', () => {
    // A real issue: kubernetes/website#3894.
    expect(
      quote(
        'Document how to set dns policy. Could not find any place that doc how to set dns policy in pod spec. For example, we should document how to set dnspolicy when use hostnetwork in pod spec.',
        'host-network/hostnetwork-pods.md',
      ),
    ).toContain('ClusterFirstWithHostNet');
  });

  it('answers a default from the line about what the asking clause names, not another that says default', () => {
    // A real issue: projectcalico/calicoctl#610 (the reporter guesses 1440).
    expect(
      quote(
        'MTU within container not set to be equal to tunnel MTU. MTU of container cali interface should be less or equal to the MTU of tunl0 interface. (I think the default is 1440) What MTU does tunl0 get by default?',
        'mtu/mtu-fragmentation.md',
      ),
    ).toContain('1480');
  });
});

describe('a setting asked by its negation, a default asked by what it does', () => {
  const CALICO = [
    '---',
    'triggers: [calico bgp]',
    'category: pod_to_pod_cross_node',
    '---',
    '',
    '# Calico 跨节点通信：BGP、IPIP 与 VXLAN',
    '',
    '## 概述',
    '',
    'Calico 按 IPPool 给节点分配地址块（默认 `blockSize: 26`，即每块 64 个地址，一个节点可有多块）。',
    '',
    '| 模式 | IPPool 字段 | 隧道设备 / 协议 | 远端路由由谁写 |',
    '| --- | --- | --- | --- |',
    '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` | 无，直接走物理网卡 | BIRD（`proto bird`），节点间 BGP TCP 179 |',
    '| IPIP | `ipipMode: Always` 或 `CrossSubnet` | `tunl0`，IP 协议号 4 | BIRD（`proto bird`，`dev tunl0 onlink`） |',
    '| VXLAN | `vxlanMode: Always` 或 `CrossSubnet` | `vxlan.calico`，UDP 4789，VNI 4096 | Felix（默认不需要 BGP） |',
    '',
    '组件：`calico-node` DaemonSet，容器里跑 Felix 和 BIRD（BGP）。默认是全互联 node-to-node mesh，大集群用 Route Reflector。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'calico/bgp-ipip.md': CALICO });
  });
  afterAll(() => own.cleanup());
  const quote = (question: string) => quoteOf(own, 'calico/bgp-ipip.md', question);

  it('reads what a clause turns off, and what a line sets a setting named after it to', () => {
    expect(turnedOff('要不走 IPIP，IPPool 应该怎么设置')).toEqual(['ipip']);
    expect(turnedOff('How do I disable IPIP in the default pool')).toEqual(['ipip']);
    expect(turnedOff('how do I turn IPIP off')).toEqual(['ipip']);
    expect(turnedOff('which port does the geneve tunnel need without the firewall')).toEqual(['firewall']);
    expect(turnedOff('which IPPool field sets the encapsulation')).toEqual([]);
    // Moving from a mode leaves it: the row of the mode moved from says how it is on (TimeBye/kubeadm-ha).
    expect(turnedOff('calico 从 IPIP 改成纯 BGP（不封装）要改 IPPool 的哪个字段')).toEqual(['ipip']);
    expect(turnedOff('how do I switch from IPIP to plain BGP')).toEqual(['ipip']);
    expect(turnedOff('从这里改成 BGP 要改哪个字段')).toEqual([]);
    expect(turnedOff('I moved to BGP from the default pool')).toEqual([]);
    expect(settingValue('ipip', '| 纯 BGP（无封装） | `ipipMode: Never`、`vxlanMode: Never` |')).toBe('off');
    expect(settingValue('ipip', '| IPIP | `ipipMode: Always` 或 `CrossSubnet` |')).toBe('on');
    expect(
      settingValue('ipip', `calicoctl patch ippool default -p '{"spec":{"ipipMode":"CrossSubnet"}}'`),
    ).toBe('on');
    expect(settingValue('ipip', '| VXLAN | `vxlanMode: Always` |')).toBeNull();
  });

  it('answers how to turn a mode off from the line that sets it off, not the row about the mode', () => {
    // A real report (calico, CALICO_IPV4POOL_IPIP=off and still tunl0 routes): route output shortened.
    expect(
      quote(
        '安装calico插件，指定CALICO_IPV4POOL_IPIP=off，还是走IPIP模式？\n#route -n\n172.20.58.192   192.168.2.248   255.255.255.192 UG 0 0 0 tunl0\n求解，多谢！要不走 IPIP，IPPool 应该怎么设置？',
      ),
    ).toContain('ipipMode: Never');
  });

  it('answers a default asked by what it does from the sentence saying what the default is', () => {
    // A real post (a Calico route-reflector guide); a default said not to be (默认不需要 BGP) states none.
    expect(
      quote(
        'Calico 路由反射模式权威指南。Calico 给出了三种类型的 BGP 互联方案，分别是 Full-mesh、Route reflectors、Top of Rack (ToR)。Calico 默认用的是哪种 BGP 互联方式？',
      ),
    ).toContain('node-to-node mesh');
  });
});

describe('a value asked in one sentence of a real report: a time, the MSS, the setting that is right', () => {
  const CONNTRACK = [
    '---',
    'triggers: [conntrack 表满]',
    'category: diagnostics',
    '---',
    '',
    '# conntrack',
    '',
    '1. 每个新连接的首包在 PREROUTING（本机进程为 OUTPUT）建立未确认条目。',
    '2. 条目在超时后删除：UDP 默认 30 秒（双向有流量后 120 秒以上），kube-proxy 把 TCP ESTABLISHED 超时设为 86400 秒。',
    '',
    '| 参数 / 文件 | 含义 | 典型值 |',
    '| --- | --- | --- |',
    '| `net.netfilter.nf_conntrack_max` | 表的最大条目数 | kube-proxy 按 `maxPerCore` 32768 × CPU 核数设置，最小 131072 |',
    '| `net.netfilter.nf_conntrack_tcp_timeout_established` | TCP 已建立超时 | kube-proxy 设为 86400 |',
    '| `net.netfilter.nf_conntrack_udp_timeout` | UDP 单向超时 | 30 |',
    '',
  ].join('\n');
  const MTU = [
    '---',
    'triggers: [mtu 分片]',
    'category: mtu',
    '---',
    '',
    '# MTU 与分片',
    '',
    '1. 应用按 Pod `eth0` 的 MTU 决定 TCP MSS（MSS = MTU − 40），握手时双方交换 MSS；握手包很小，所以总能成功。',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 跨节点 ping 正常，curl 大页面、TLS 握手卡住 | Pod MTU 没有扣除封装开销（如 VXLAN 下仍为 1500） | `kubectl exec -n <namespace> <pod> -- cat /sys/class/net/eth0/mtu` | 在 CNI 配置中把 MTU 设为 物理 MTU − 开销，然后重建 pod |',
    '',
  ].join('\n');
  const HOST_NETWORK = [
    '---',
    'triggers: [hostNetwork pod 解析失败]',
    'category: host_network',
    '---',
    '',
    '# hostNetwork Pod',
    '',
    '- **DNS**：默认 `dnsPolicy: ClusterFirst` 在 hostNetwork 下会退化为使用节点的 `/etc/resolv.conf`，解析不了 `*.svc.cluster.local`。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| hostNetwork Pod 解析不了 `*.svc.cluster.local` | dnsPolicy 仍为 ClusterFirst，实际用的是节点 resolv.conf | `kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf` | 设置 `dnsPolicy: ClusterFirstWithHostNet` |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({
      'diagnostics/conntrack.md': CONNTRACK,
      'mtu/mtu-fragmentation.md': MTU,
      'host-network/hostnetwork-pods.md': HOST_NETWORK,
    });
  });
  afterAll(() => own.cleanup());

  it('answers how long from the sentence stating the time, not the row of the parameter the report names', () => {
    // A real report (UDP conntrack entries, nf_conntrack_udp_timeout_stream), shortened.
    expect(
      quoteOf(
        own,
        'diagnostics/conntrack.md',
        'If the traffic is both directions, the conntrack table will be updated after 120 sec. The parameter which affects this timeout is nf_conntrack_udp_timeout_stream. How long does a UDP conntrack entry live by default when only one direction has traffic?',
      ),
    ).toContain('UDP 默认 30 秒');
  });

  it('answers the MSS asked with the MTU from the line stating MSS = MTU − 40', () => {
    // A real post (Aliyun SLB, large headers fail through a layer-7 listener), shortened.
    expect(
      quoteOf(
        own,
        'mtu/mtu-fragmentation.md',
        '故事背景：阿里云SLB七层转发，无法传输header（大于1460字节），但是四层却可以正常传输。TCP 的 MSS 和接口 MTU 是什么关系，MTU 1500 时 MSS 是多少？',
      ),
    ).toContain('MSS = MTU − 40');
  });

  it('answers the valid value of a setting asked by name from the line that sets it, not the one stating its default', () => {
    // A real thread (OpenShift admission webhooks called from a hostNetwork kube-apiserver), shortened.
    expect(
      quoteOf(
        own,
        'host-network/hostnetwork-pods.md',
        'The kube-apiserver pod runs with hostNetwork and cannot resolve the webhook service. What is the valid dnsPolicy when hostNetwork: true?',
      ),
    ).toContain('ClusterFirstWithHostNet');
  });
});

describe('a port asked of a field the asking clause names', () => {
  const POLICY = [
    '---',
    'triggers: [networkpolicy 不生效]',
    'category: network_policy',
    '---',
    '',
    '# NetworkPolicy 排查',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 加了 default-deny 后所有域名解析失败 | egress 默认拒绝也拦截了 UDP/TCP 53 | `kubectl get networkpolicy -A` | 添加放行 kube-dns 53 的 egress 策略 |',
    '| 放行了 Service 端口 80 仍然超时 | 策略在 DNAT 后匹配，应写 targetPort 8080 | `kubectl describe networkpolicy -n <namespace>` | 把 ports 改为后端容器端口 |',
    '',
    '## 数据路径',
    '',
    '```text',
    'UDP 10.244.1.10:45321 → 10.96.0.10:53',
    '```',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'network-policy/debug.md': POLICY });
  });
  afterAll(() => own.cleanup());

  it('quotes the line that names the field, not the one with the port number the report repeats', () => {
    // A real report (openshift/origin: the DNS Service on port 53 redirects to targetPort 5353).
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        "The NetPol tests assume that a policy that blocks all egress except to UDP port 53 will still allow DNS. This does not work on OCP because while the DNS Service is on port: 53, it redirects to targetPort: 5353 on the DNS pods. Which port does the egress rule have to allow, the Service port 53 or the DNS pods' targetPort?",
      ),
    ).toContain('targetPort 8080');
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        '出向策略应该放行哪个端口，Service 的 53 还是 Pod 的 targetPort？',
      ),
    ).toContain('targetPort 8080');
    // No field named: the DNS port row.
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        'Which port must the egress rule allow for DNS requests to kube-dns under default-deny?',
      ),
    ).toContain('kube-dns 53');
    expect(portFieldsNamed('Which port must the egress rule allow for DNS requests')).toEqual([]);
    expect(portFieldsNamed("the Service port 53 or the DNS pods' targetPort")).toEqual(['targetPort']);
  });
});

describe('a field asked by what it does, named by the report in a sentence saying the same', () => {
  const NODEPORT = [
    '---',
    'triggers: [externalTrafficPolicy]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 流量路径',
    '',
    '1. Local 策略：只选本节点端点，源 IP 保留；kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`，有本地端点返回 200，否则 503。',
    '',
    '## 常见问题',
    '',
    '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
    '| --- | --- | --- | --- |',
    '| 部分节点的 NodePort 通，部分不通 | externalTrafficPolicy: Local，且不通的节点没有本地 Pod | `curl -sS -m 3 http://<node-ip>:<port>/healthz` | 只通过健康节点访问，或改为 Cluster |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/nodeport.md': NODEPORT });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming that field, not the row sharing more words', () => {
    // A real report (kubernetes/kubernetes, externalTrafficPolicy Local with IPVS).
    expect(
      quoteOf(
        own,
        'service/nodeport.md',
        'ExternalTrafficPolicy: Local does not work for NodePort Services. The load balancing service provides a healthCheckNodePort for checking whether nodes contain pods. Which field tells a layer 4 load balancer which nodes have local endpoints so requests only go to nodes containing pods?',
      ),
    ).toContain('healthCheckNodePort');
    expect(
      quoteOf(
        own,
        'service/nodeport.md',
        'Local 策略下 kube-proxy 提供 healthCheckNodePort 用于检查节点上是否有本地端点。哪个字段告诉负载均衡器哪些节点有本地端点？',
      ),
    ).toContain('healthCheckNodePort');
    // A setting asked by what it does, with no field named in a sentence saying the same: the row that states it.
    expect(
      quoteOf(
        own,
        'service/nodeport.md',
        'Only some nodes answer on the NodePort. Which setting makes only the nodes with a local pod answer the NodePort?',
      ),
    ).toContain('externalTrafficPolicy: Local');
  });
});

describe('a policy asked for by what it keeps', () => {
  const NODEPORT = [
    '---',
    'triggers: [nodeport 不通]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 转发路径',
    '',
    '```text',
    '客户端 203.0.113.7 → 节点 192.168.1.11:30080',
    '  │     POSTROUTING MASQUERADE：源 IP 203.0.113.7 → 192.168.1.11（客户端 IP 丢失）',
    '```',
    '',
    ...CLIENT_IP_ROW,
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/nodeport.md': NODEPORT });
  });
  afterAll(() => own.cleanup());

  it('answers which policy keeps the client IP from the line saying which to use, not a diagram with the IP', () => {
    const quote = quoteOf(
      own,
      'service/nodeport.md',
      'NodePort Service 用哪个外部流量策略才能保留客户端真实 IP？',
    );
    expect(quote).toContain('改用 Local');
  });
});

describe('what a setting costs', () => {
  // kb/service/nodeport-loadbalancer.md's lines: a failure cause, the comparison table, the change command.
  const NODEPORT = [
    '---',
    'triggers: [nodeport 不通]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 概述',
    '',
    '1. `externalTrafficPolicy: Local` 时，被访问的节点上没有本地后端，流量直接被丢弃。',
    '',
    '## 两种策略',
    '',
    '| 项目 | externalTrafficPolicy: Cluster（默认） | externalTrafficPolicy: Local |',
    '| --- | --- | --- |',
    '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
    '| 负载均衡 | 按 Pod 均匀 | 按节点分配，Pod 分布不均时不均衡 |',
    '',
    '```bash',
    '# [变更] 改为 Local 以保留客户端源 IP；没有后端的节点将不再转发，需确保 LB 健康检查生效',
    `kubectl patch svc <service-name> -n <namespace> -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
    '```',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/nodeport.md': NODEPORT });
  });
  afterAll(() => own.cleanup());

  it.each([
    "service doesn't see original source IP of requests. We had to add externalTrafficPolicy: Local to the service definition for that. Reply: this has some other drawbacks. But i'm willing to learn, what would be a reason not to set that?",
    'externalTrafficPolicy 设成 Local 有什么缺点？',
  ])('answers %s from the line stating the cost, not the failure one cluster sees', (question) => {
    expect(quoteOf(own, 'service/nodeport.md', question)).toContain('Pod 分布不均时不均衡');
  });

  it('does not answer a question about the client IP from the cost line', () => {
    expect(
      quoteOf(own, 'service/nodeport.md', 'externalTrafficPolicy: Cluster 时客户端源 IP 是什么？'),
    ).not.toContain('不均衡');
  });
});

describe('what the thing does, for an asker asking whether they got it wrong', () => {
  // kb/dns/headless-service.md's lines.
  const HEADLESS = [
    '---',
    'triggers: [headless service]',
    'category: dns',
    '---',
    '',
    '# Headless Service',
    '',
    '## 原理',
    '',
    'Headless Service（`spec.clusterIP: None`）不分配 ClusterIP，kube-proxy 也不会为它写任何规则。',
    '',
    'CoreDNS 直接把 EndpointSlice 里的 Pod IP 作为多条 A/AAAA 记录返回，客户端自己选择连接哪个 Pod。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it.each([
    'When I get the service details via kubectl get services, the IP address listed for the headless service is the same service cluster IP address. Am I doing something wrong here?',
    'headless service 还是分配了 ClusterIP，是不是我哪里配置错了？',
  ])('answers %s from the line saying what a headless Service gets', (question) => {
    expect(quoteOf(own, 'dns/headless.md', question)).toContain('不分配 ClusterIP');
  });
});

describe('where a forwarding verb sends', () => {
  // kb/dns/coredns.md's lines: the address the kubelet hands out, the upstream forward, the loop row.
  const COREDNS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# CoreDNS',
    '',
    '集群内 DNS 由 CoreDNS（Deployment `coredns`，标签 `k8s-app=kube-dns`）提供，通过 Service `kube-dns`',
    '暴露，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。',
    '',
    '## 可能原因',
    '',
    '1. **上游**：`forward . /etc/resolv.conf` 指向的节点 DNS 不可达或很慢，外部域名返回 SERVFAIL。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| CoreDNS CrashLoopBackOff，日志 `Loop ... detected for zone "."` | 节点 resolv.conf 指向 127.0.0.53（systemd-resolved），forward 指回自身 | `kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100` | kubelet `resolvConf: /run/systemd/resolve/resolv.conf`，或 forward 指向真实上游 |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/coredns.md': COREDNS });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming the place the forwarding goes to, not another address of the runbook', () => {
    // A Chinese Q&A post: the ask is where CoreDNS forwards, not the cluster DNS address.
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        'K8S的Pod为什么可以解析访问集群之外的域名地址？知道Coredns是做K8S集群内解析的。CoreDNS 把非集群内的域名请求转发到哪里？',
      ),
    ).toContain('forward . /etc/resolv.conf');
    // A default asked of the forwarding: the "默认 ClusterIP" line says default, yet states no forwarding.
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        "What is the default name server in CoreDNS? I'm trying to figure out what default DNS name server does CoreDNS use when forwarding requests for names not in its cache.",
      ),
    ).toContain('forward . /etc/resolv.conf');
  });

  it('leaves the choice alone when the clause names where the forwarding goes', () => {
    // "forward back to itself": the place is given; the address that causes it is asked.
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        'Forwarding loop detected in "." zone. Which nameserver address in the node\'s resolv.conf makes CoreDNS forward back to itself?',
      ),
    ).toContain('127.0.0.53');
    const ask = factAsk(
      "Which nameserver address in the node's resolv.conf makes CoreDNS forward back to itself?",
    );
    expect(ask && carriesTo(ask)).toBeNull();
    const toGiven = factAsk('CoreDNS 转发回自身时，节点 resolv.conf 里是哪个地址？');
    expect(toGiven && carriesTo(toGiven)).toBeNull();
  });

  it('reads a line as stating the place only when the place follows the verb', () => {
    const ask = factAsk('CoreDNS 把外部域名转发到哪里？');
    const carries = ask ? carriesTo(ask) : null;
    expect(carries?.('**上游**：`forward . /etc/resolv.conf` 指向的节点 DNS 不可达')).toBe(true);
    expect(carries?.('│ 非 cluster.local 域名 → forward 插件 → 节点 /etc/resolv.conf 里的上游 DNS')).toBe(
      true,
    );
    expect(
      carries?.('节点 resolv.conf 指向 127.0.0.53（systemd-resolved），forward 指回自身 | `kubectl logs` |'),
    ).toBe(false);
    // No sending verb asked: no such test.
    const plain = factAsk('CoreDNS 的 Service 地址是多少？');
    expect(plain && carriesTo(plain)).toBeNull();
  });
});

describe('what a line says something does, for a yes/no question about it', () => {
  const CLUSTERIP = [
    '---',
    'triggers: [service 不通]',
    'category: service',
    '---',
    '',
    '# ClusterIP 排查',
    '',
    '典型环境值：Service CIDR `10.96.0.0/12`（kubeadm 默认），Pod CIDR `10.244.0.0/16`。',
    '',
    '## 常见问题',
    '',
    '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
    '|------|---------|---------|---------|',
    '| 访问 ClusterIP 超时，直连 Pod IP 也超时 | 跨节点 Pod 网络或 NetworkPolicy 拦截 | `kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/` | 按 Pod 网络文档排查 |',
    '| `ping` ClusterIP 不通，但 curl 正常 | iptables 模式的 ClusterIP 是虚拟地址，只处理 Service 端口 | `iptables-save -t nat \\| grep <cluster-ip>` | 属正常现象，用 curl / nc 测试端口 |',
    '',
    '## Headless',
    '',
    '1. CoreDNS 发现 Service 是 headless，按 EndpointSlice 而不是 ClusterIP 作答。',
    '2. 只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/clusterip.md': CLUSTERIP });
  });
  afterAll(() => own.cleanup());

  it('quotes the line saying what it does or does not do', () => {
    // kubernetes/kubernetes: "can not ping clusterIP": the row saying it is a virtual address answers.
    expect(
      quoteOf(
        own,
        'service/clusterip.md',
        'Is the cluterIP support Ping command? In k8s service, every service has an clusterIP. But in 1.4 version, can not "ping clusterIP", can it support in newest k8s?',
      ),
    ).toContain('虚拟地址');
    expect(
      quoteOf(
        own,
        'service/clusterip.md',
        'Pods not selected by headless service. The pods have a readinessProbe with initialDelaySeconds: 30. So my question is: Can a pod be selected by a service before first readiness check pass?',
      ),
    ).toContain('publishNotReadyAddresses');
  });

  it('quotes nothing that shares too little with the question', () => {
    const question = 'Can a DaemonSet pod run on a tainted master node?';
    const ask = factAsk(question);
    const doc = own.searcher.doc('service/clusterip.md');
    if (!ask || !doc) throw new Error('fixture');
    expect(directAnswer(question, [doc], ask)).toBeNull();
  });
});

describe('a yes/no question answered by a line saying it does not, or that it can be tuned', () => {
  const POLICY = [
    '---',
    'triggers: [NetworkPolicy 不生效]',
    'category: network_policy',
    '---',
    '',
    '# NetworkPolicy 排查',
    '',
    '## 概述',
    '',
    '| CNI | 执行位置 | 查看方式 |',
    '| --- | --- | --- |',
    '| Calico | Felix 写 iptables / eBPF | `calicoctl get networkpolicy -A` |',
    '| Flannel（单独） | **不执行**，策略静默无效 | 需 Canal（flannel + Calico 策略） |',
    '',
  ].join('\n');
  const DNS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# CoreDNS 解析失败排查',
    '',
    '## 修复',
    '',
    'Pod 的 resolv.conf 默认 `ndots:5`，search 域有三个。',
    '',
    '`ndots` 可以按工作负载调小，减少外部域名的无效查询：',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 在宿主机加的 iptables 对 Pod 出网不生效 | egress 在网关内完成 SNAT | `ip route` | 改用 local gateway |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'network-policy/debug.md': POLICY, 'dns/coredns.md': DNS });
  });
  afterAll(() => own.cleanup());

  it('quotes the row saying the CNI does not enforce it', () => {
    // flannel-io/flannel: a deny policy under flannel still lets traffic through.
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        'I created a simple NetworkPolicy that would block any traffic from a different namespace. However, it is still reachable. Does flannel enforce NetworkPolicy?',
      ),
    ).toContain('不执行');
    expect(
      quoteOf(own, 'network-policy/debug.md', '单独用 flannel 的话，NetworkPolicy 会不会执行？'),
    ).toContain('不执行');
  });

  it('quotes the line saying a value can be tuned down', () => {
    // k3s-io/k3s: ndots:5 is larger than it needs to be.
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        'ndots is larger than it needs to be: options ndots:5, the biggest relative query has 3 dots. Can ndots be lowered?',
      ),
    ).toContain('可以按工作负载调小');
  });

  it('quotes no row naming a symptom ("不生效") for a yes/no question it does not answer', () => {
    for (const question of [
      'Do iptables rules added on the host apply to pod egress traffic?',
      '在宿主机加的 iptables 规则对 Pod 出网会不会生效？',
    ])
      expect(quoteOf(own, 'dns/coredns.md', question)).not.toContain('不生效');
  });
});

describe('a why question about a behaviour', () => {
  const CLUSTER_IP = [
    '---',
    'triggers: [clusterip ping 不通]',
    'category: service',
    '---',
    '',
    '# ClusterIP Service 不通排查',
    '',
    '## 流量路径',
    '',
    'iptables 模式下 ClusterIP 是虚拟地址，不会响应 ping，只有 Service 端口会被 DNAT 到后端 Pod。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| `ping` ClusterIP 不通，但 curl 正常 | iptables 模式的 ClusterIP 是虚拟地址，只处理 Service 端口 | `iptables-save -t nat \\| grep <cluster-ip>` | 属正常现象，用 curl / nc 测试端口 |',
    '| 只有部分 Pod 访问 ClusterIP 不通 | 节点 kube-proxy 规则未同步 | `kubectl -n kube-system logs <pod>` | 重启该节点 kube-proxy |',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/clusterip.md': CLUSTER_IP });
  });
  afterAll(() => own.cleanup());

  it('leads with the line saying the behaviour is by design', () => {
    expect(
      quoteOf(own, 'service/clusterip.md', "why cann't ping svc, the kubernetes svc can ping access."),
    ).toContain('属正常现象');
    expect(quoteOf(own, 'service/clusterip.md', '为什么 ClusterIP ping 不通，curl 却正常？')).toContain(
      '属正常现象',
    );
  });

  it('leads with no guess at a diagnosis when no line says it is by design', () => {
    // A line saying what only sometimes happens is a guess at the asker's fault, not why it happens.
    expect(quoteOf(own, 'service/clusterip.md', 'Why could not only some pods reach the ClusterIP?')).toBe(
      '',
    );
  });

  it('reads a long report ending in "is X supposed to" as asking the behaviour', () => {
    // kubernetes/minikube#5644, shortened.
    expect(
      quoteOf(
        own,
        'service/clusterip.md',
        'Cannot ping ClusterIP of the service from the cluster. ping 10.97.255.240 -> 100% packet loss. But curl 10.97.255.240 returns Welcome to nginx! Is a ClusterIP supposed to answer ping?',
      ),
    ).toContain('虚拟地址');
  });

  it('leads with the by-design line when asked whether what was seen is normal', () => {
    expect(quoteOf(own, 'service/clusterip.md', 'ping service 的 IP 不通，但是 curl 可以，正常嗎')).toContain(
      '属正常现象',
    );
    expect(
      quoteOf(own, 'service/clusterip.md', "I can't ping the ClusterIP but curl works. Is that expected?"),
    ).toContain('属正常现象');
    expect(
      quoteOf(
        own,
        'service/clusterip.md',
        '进入容器 ping ClusterIP 不通。然后在容器 curl 是正常的 这是为啥？',
      ),
    ).toContain('属正常现象');
  });

  it('leads with no line when what was seen is not what a line says is by design', () => {
    // Only some pods failing is the asker's fault to diagnose; "is that normal" does not make it by design.
    expect(
      quoteOf(own, 'service/clusterip.md', '只有部分 Pod 访问 ClusterIP 超时，其他正常，这正常吗？'),
    ).toBe('');
    // The asker saw curl fail: the row says curl works.
    expect(
      quoteOf(
        own,
        'service/clusterip.md',
        'Is it normal to be unable to curl a ClusterIP from inside a pod?',
      ),
    ).toBe('');
  });

  it('leads with no line saying the behaviour the asker saw does not happen', () => {
    // "为什么这个 ClusterIP 能 ping 通？": "不会响应 ping" and "ping 不通 ... 属正常现象" contradict what was seen.
    expect(quoteOf(own, 'service/clusterip.md', '为什么这个 ClusterIP 能 ping 通？')).toBe('');
    expect(quoteOf(own, 'service/clusterip.md', 'Why does a ClusterIP answer ping under IPVS?')).toBe('');
  });
});

describe('a statement put to be judged true or false', () => {
  const POLICY = [
    '---',
    'triggers: [networkpolicy 不生效]',
    'category: network-policy',
    '---',
    '',
    '# NetworkPolicy 不生效排查',
    '',
    '## 谁来执行策略',
    '',
    '| CNI | 是否执行 NetworkPolicy | 备注 |',
    '| --- | --- | --- |',
    '| Calico | 执行 | 另有 GlobalNetworkPolicy |',
    '| Flannel（单独） | **不执行**，策略静默无效 | 需 Canal（flannel + Calico 策略） |',
    '',
    '策略在 Service DNAT 之后匹配，端口要写 Pod 的 targetPort。',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'network-policy/debug.md': POLICY });
  });
  afterAll(() => own.cleanup());

  it('leads with the line saying whether it does', () => {
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        'Flannel enforces NetworkPolicy. True/False. [ ] True [ ] False',
      ),
    ).toContain('不执行');
    expect(quoteOf(own, 'network-policy/debug.md', 'flannel 会执行 NetworkPolicy，对还是错？')).toContain(
      '不执行',
    );
  });
});

describe('a yes/no question whether something works across a boundary', () => {
  const FLANNEL = [
    '---',
    'triggers: [flannel 跨节点不通]',
    'category: flannel',
    '---',
    '',
    '# Flannel 跨节点通信：VXLAN 与 host-gw',
    '',
    '## 概述',
    '',
    'Flannel 给每个节点从集群网段（`10.244.0.0/16`）切一个子网（默认 `/24`），本节点 Pod 挂在网桥 `cni0` 上。',
    '',
    '- **vxlan + `DirectRouting: true`**：同子网节点走 host-gw 式直连路由，跨子网才用 VXLAN。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| Pod 创建失败 cni0 already has an IP address different from | 节点 podCIDR 变化后残留旧 cni0 | `ip -4 addr show cni0` | 删除 cni0 并重建 pod |',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'flannel/vxlan-host-gw.md': FLANNEL });
  });
  afterAll(() => own.cleanup());

  it('leads with the line saying when it works (flannel-io/flannel#2219)', () => {
    const question =
      "Can flannel be used in a cluster where different nodes are interconnected by IP layer routers? However, what does a 'subnet' mean? Does a subnet mean an IP addresses segment or an Ethernet where different nodes are connected by MAC layer switch?";
    expect(quoteOf(own, 'flannel/vxlan-host-gw.md', question)).toContain('跨子网才用 VXLAN');
  });
});

describe('the option whose value is asked leads', () => {
  const COREDNS = [
    '---',
    'triggers: [coredns 解析失败]',
    'category: dns',
    '---',
    '',
    '# CoreDNS 排查',
    '',
    '集群内 DNS 由 CoreDNS 提供，通过 Service `kube-dns` 暴露，kubeadm 默认 ClusterIP 为 `10.96.0.10`，端口 53/UDP、53/TCP，指标端口 9153。',
    '',
    '## 常见原因',
    '',
    '1. **客户端**：resolv.conf 不对、ndots:5 导致外部域名大量无效查询。',
    '2. **上游**：forward 指向的上游 DNS 不可达。',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/coredns.md': COREDNS });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming the option, not another default of the runbook', () => {
    // k0sproject/k0s#6416, shortened: the ndots line states 5, the ClusterIP line only says 默认.
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        'DNS queries leaking from the cluster. I set all deployments to use ndots: 1 via dnsConfig. What ndots value do pods get by default?',
      ),
    ).toContain('ndots:5');
    expect(quoteOf(own, 'dns/coredns.md', 'Pod 里 ndots 的值默认是多少？')).toContain('ndots:5');
  });

  it('still quotes the default stated when the value of no option is asked', () => {
    expect(
      quoteOf(own, 'dns/coredns.md', 'What is the default ClusterIP of the kube-dns Service?'),
    ).toContain('10.96.0.10');
  });
});

describe('asked what something returns', () => {
  const HEADLESS = [
    '---',
    'triggers: [headless service 解析]',
    'category: dns',
    '---',
    '',
    '# Headless Service 与 StatefulSet Pod DNS',
    '',
    '## 概述',
    '',
    'Headless Service（`spec.clusterIP: None`）不分配 ClusterIP，kube-proxy 也不会为它写任何规则。',
    'CoreDNS 直接把 EndpointSlice 里的 Pod IP 作为多条 A/AAAA 记录返回，客户端自己选择连接哪个 Pod。',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless-service.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it('quotes the line saying what it returns, not the one sharing the most words', () => {
    expect(
      quoteOf(own, 'dns/headless-service.md', 'What does a DNS lookup of a headless Service return?'),
    ).toContain('A/AAAA');
    expect(quoteOf(own, 'dns/headless-service.md', 'headless Service 的域名解析返回什么？')).toContain(
      'A/AAAA',
    );
  });
});

describe('asked why a thing has its number', () => {
  const CALICO_BLOCKS = [
    '---',
    'triggers: [calico ippool]',
    'category: cni',
    '---',
    '',
    '# Calico IPPool',
    '',
    '## 概述',
    '',
    'Calico 按 IPPool 给节点分配地址块（默认 `blockSize: 26`，即每块 64 个地址，一个节点可有多块）。',
    'BGP 会话走 TCP 179，IPIP 用 IP 协议号 4。',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'calico/ippool.md': CALICO_BLOCKS });
  });
  afterAll(() => own.cleanup());

  it('quotes the line stating that number', () => {
    expect(quoteOf(own, 'calico/ippool.md', 'Why is defaultIppoolSize 26, can I change it to 24?')).toContain(
      'blockSize: 26',
    );
    expect(quoteOf(own, 'calico/ippool.md', '为什么 blockSize 默认是 26？')).toContain('blockSize: 26');
  });

  it('quotes no line when none states the number', () => {
    expect(quoteOf(own, 'calico/ippool.md', 'Why is defaultIppoolSize 24?')).toBe('');
  });
});

describe('what a named setting returns', () => {
  const NODEPORT = [
    '---',
    'triggers: [nodeport 不通]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 原理',
    '',
    '4. Local 策略：只选本节点端点，源 IP 保留；kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`，有本地端点返回 200，否则 503。',
    '',
    '## 排查',
    '',
    '```bash',
    '# Local 策略：查询该节点的 kube-proxy 健康检查（<port> 填 healthCheckNodePort）',
    'curl -sS -m 3 http://<node-ip>:<port>/healthz',
    '```',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/nodeport-loadbalancer.md': NODEPORT });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming the setting that says what it returns, not the check that reads it', () => {
    // A real report (openshift keepalived track_script), shortened.
    expect(
      quoteOf(
        own,
        'service/nodeport-loadbalancer.md',
        'the status should be extracted from the JSON response { "localEndpoints": 0 }. What does the healthCheckNodePort return on a node without local endpoints?',
      ),
    ).toContain('有本地端点返回 200，否则 503');
  });
});

describe('an address asked by its role', () => {
  const EGRESS = [
    '---',
    'triggers: [pod 无法访问外网]',
    'category: pod-to-external',
    '---',
    '',
    '# Pod 访问集群外',
    '',
    '## 原理',
    '',
    'Pod 内默认路由指向子网网关 10.16.0.1，报文从 eth0 经 veth 进入宿主机。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 外部服务看到的源 IP 不是预期的出口 IP | 默认按节点 IP 伪装，pod 漂移后源 IP 变化 | `ip route get <target-ip>` | 使用 EgressIP 固定出口 |',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'pod-to-external/egress-internet.md': EGRESS });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming the role (节点 IP) over one writing another address', () => {
    // A real report (pod egress SNAT), shortened.
    expect(
      quoteOf(
        own,
        'pod-to-external/egress-internet.md',
        'when pod in k8s access external service, the snat policy will replace pod ip by node ip. Which source address do outside services see for pod traffic by default?',
      ),
    ).toContain('默认按节点 IP 伪装');
    expect(
      quoteOf(own, 'pod-to-external/egress-internet.md', 'Pod 出集群时外部服务看到的源地址是哪个？'),
    ).toContain('节点 IP 伪装');
  });

  it('does not take a role for the address when a setting is asked too', () => {
    expect(
      quoteOf(
        own,
        'pod-to-external/egress-internet.md',
        'Which setting decides the source address outside services see?',
      ),
    ).not.toContain('默认按节点 IP 伪装');
  });
});

describe('a field the asking clause spells out in words', () => {
  it('is named by a line writing it as one camelCase field', () => {
    expect(
      namesSpelledField(
        'hostNetwork Pod 一般不受策略约束',
        'Does a policy selector match pods with host networking',
      ),
    ).toBe(true);
    expect(
      namesSpelledField(
        '改为 `externalTrafficPolicy: Local` 以保留客户端源 IP',
        'What does the external traffic policy change for the client IP',
      ),
    ).toBe(true);
    expect(namesSpelledField('hostNetwork 的 Pod 使用节点网络栈', '策略能不能匹配 host network 的 Pod')).toBe(
      true,
    );
  });

  it('is not a field written as is, a name joined by punctuation, an endpoint path, or words apart', () => {
    // Written as is: the term already matches it.
    expect(
      namesSpelledField('hostNetwork Pod 一般不受策略约束', 'Does the policy apply to hostNetwork pods'),
    ).toBe(false);
    // "resolv.conf" is a file's name, not `resolvConf` spelled out.
    expect(
      namesSpelledField(
        '| CoreDNS CrashLoopBackOff | 节点 resolv.conf 指向 127.0.0.53 | 设置 kubelet `resolvConf` |',
        'Which resolv.conf option makes every short name be tried against all the search domains first',
      ),
    ).toBe(false);
    // `/proxyMode` is an endpoint, not the mode setting.
    expect(
      namesSpelledField(
        '| 10249 / 10256 端口 | kube-proxy | `/metrics`、`/proxyMode` / `/healthz` |',
        'What proxy mode does kube-proxy use',
      ),
    ).toBe(false);
    // The words must be said together: "host ... network" apart names no field.
    expect(
      namesSpelledField('hostNetwork Pod 一般不受策略约束', 'Which host can reach the pod network'),
    ).toBe(false);
  });
});

describe('a yes/no question naming the field in words: the line about that field', () => {
  const POLICY = [
    '---',
    'triggers: [NetworkPolicy 不生效]',
    'category: network-policy',
    '---',
    '',
    '# NetworkPolicy 排查',
    '',
    '## 语义要点',
    '',
    '- Pod 无法阻止来自**所在节点**的流量（kubelet 探针不受影响）；hostNetwork Pod 一般不受策略约束，它发出的流量源 IP 是节点 IP。',
    '',
    '## 常见问题',
    '',
    '| 症状 | 可能原因 | 诊断命令 | 解决方案 |',
    '|------|---------|---------|---------|',
    "| 写了 deny 策略但流量仍然放行 | CNI 不执行 NetworkPolicy（如单独 flannel） | `kubectl get pods -n kube-system -o wide \\| grep -E 'calico\\|cilium'` | 部署支持策略的 CNI（Canal / Calico / Cilium） |",
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'network-policy/policy.md': POLICY });
  });
  afterAll(() => own.cleanup());

  it('quotes the line naming hostNetwork for "pods with host networking"', () => {
    // projectcalico/calico: a selector does not match host-networked pods; the CNI row shares more of the report.
    expect(
      quoteOf(
        own,
        'network-policy/policy.md',
        'Unable to match pods in a calico network policy, when they have host networking enabled. I am trying to create an egress rule, selector app.kubernetes.io/name == sealed-secrets, egress destination selector k8s-app == kube-apiserver, ports 443. When I apply the network policy, it does not work, and the iptables match is using an empty ipset. Does a policy selector match pods with host networking?',
      ),
    ).toContain('hostNetwork Pod 一般不受策略约束');
  });

  it('still quotes the CNI row when the question asks whether flannel enforces policies', () => {
    expect(
      quoteOf(
        own,
        'network-policy/policy.md',
        'I created a deny NetworkPolicy between namespaces but traffic still passes. Does flannel enforce NetworkPolicy?',
      ),
    ).toContain('CNI 不执行 NetworkPolicy');
  });
});

describe('how to get hold of an address: the line saying when it is kept', () => {
  // kb/service/nodeport-loadbalancer.md's lines on the client IP: the Local policy line that keeps it, the comparison
  // row, a symptom row and a condition that name it more often.
  const KEPT = [
    '---',
    'triggers: [nodeport 不通]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 转发路径',
    '',
    '1. Cluster 策略：任意节点转发，做 SNAT。',
    '2. Local 策略：只选本节点端点，源 IP 保留；没有本地端点的节点丢弃流量。',
    '',
    '| 项目 | Cluster | Local |',
    '| --- | --- | --- |',
    '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
    '',
    ...CLIENT_IP_ROW,
    '',
  ].join('\n');
  const LOST_ONLY = [
    '---',
    'triggers: [ovn nodeport]',
    'category: service',
    '---',
    '',
    '# OVN 网关',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| NodePort 后端看到的源 IP 不是客户端 IP | ETP=Cluster 时 GR 会 SNAT | `ovn-nbctl lr-nat-list GR_<node-name>` | 需要保留源 IP 时设置 `externalTrafficPolicy: Local` |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/nodeport.md': KEPT, 'service/ovn-gateway.md': LOST_ONLY });
  });
  afterAll(() => own.cleanup());

  it.each([
    // caddyserver/ingress#176, shortened.
    'How to get Client IP? I replaced ngnix-ingress with caddy-ingress. My usage scenario requires obtaining the ClientIP, but I did not find the relevant documentation. Did I miss something?',
    '后端服务拿到的都是节点 IP，怎么获取客户端真实 IP？',
  ])('quotes the line saying the source IP is kept, not the symptom row: %s', (question) => {
    expect(quoteOf(own, 'service/nodeport.md', question)).toContain('源 IP 保留');
  });

  it('answers nothing from a runbook whose lines only say the client IP is lost or when to keep it', () => {
    expect(quoteOf(own, 'service/ovn-gateway.md', 'How can I retrieve real client IP?')).toBe('');
  });

  it('still answers a question asking which address the backend sees from the row naming it', () => {
    // Not a how-to-get ask: the role-address lines answer as before.
    expect(
      quoteOf(
        own,
        'service/nodeport.md',
        'Which IP does the backend see as the client IP with the Cluster policy?',
      ),
    ).toContain('节点 IP');
  });
});

describe('a setting asked for by what it does: the line setting it to a value', () => {
  // kb/flannel/vxlan-host-gw.md's lines: the backends, a route sentence naming the VXLAN device, a failure row.
  const FLANNEL = [
    '---',
    'triggers: [flannel 跨节点不通]',
    'category: cni_flannel',
    '---',
    '',
    '# Flannel 跨节点通信：VXLAN 与 host-gw',
    '',
    '## 概述',
    '',
    '- **host-gw**：不封装，直接写 `10.244.2.0/24 via <对端节点 IP>` 路由，要求所有节点二层直连（同一子网），云上一般不可用。',
    '- **vxlan + `DirectRouting: true`**：同子网节点走 host-gw 式直连路由，跨子网才用 VXLAN。',
    '',
    '## 流量路径',
    '',
    '1. 宿主机查路由：VXLAN 模式下远端子网指向 `flannel.1`，下一跳为对端子网的 `.0` 地址（即对端 `flannel.1` 的地址）。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 节点能出网，Pod 不能 | 缺少 MASQUERADE（`--ip-masq=false`） | `iptables -t nat -S POSTROUTING` | 开启出网 SNAT |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'flannel/vxlan-host-gw.md': FLANNEL });
  });
  afterAll(() => own.cleanup());

  it('reads a setting asked by what it does, not one asked by its name', () => {
    expect(settingAskedByRole('Is there a flannel setting that uses direct routes within a subnet')).toBe(
      true,
    );
    expect(settingAskedByRole('哪个参数能让同子网节点走直连路由')).toBe(true);
    expect(settingAskedByRole('Which externalTrafficPolicy value keeps the client source IP')).toBe(false);
    expect(settingAskedByRole('how can I change this value to 0 in CoreDNS')).toBe(false);
  });

  it('reads a line setting a setting the clause describes to a value, not a name alone or a command', () => {
    const clause = 'Is there a flannel setting that uses direct routes within a subnet';
    expect(assignsSetting('vxlan + `DirectRouting: true`：同子网节点走直连路由', clause)).toBe(true);
    expect(assignsSetting('远端子网指向 `flannel.1`，下一跳为 `.0` 地址', clause)).toBe(false);
    // A setting the clause does not describe, a setting stated off, a command's argument, a label.
    expect(assignsSetting('kubelet `resolvConf: /run/systemd/resolve/resolv.conf`', clause)).toBe(false);
    expect(assignsSetting('缺少 MASQUERADE（`--ip-masq=false`）', 'Which flag enables ip masq')).toBe(false);
    expect(assignsSetting('`kubectl logs -l k8s-app=kube-proxy --tail=200`', 'which tail option')).toBe(
      false,
    );
    expect(assignsSetting('标签 `k8s-app=kube-dns`', 'which app label setting')).toBe(false);
  });

  it('quotes the line setting it, not the route sentence sharing more words', () => {
    // A real report: a cluster of two subnets joined by routers, VXLAN slow, host-gw not possible across subnets.
    expect(
      quoteOf(
        own,
        'flannel/vxlan-host-gw.md',
        'vxlan has serious performance degradation within 10Gb network; host-gw almost reaches the limit. But I have a cluster with two subnets connected by routers, no direct L2 connection. Is there a flannel setting that uses direct routes within a subnet and VXLAN across subnets?',
      ),
    ).toContain('DirectRouting: true');
    expect(
      quoteOf(
        own,
        'flannel/vxlan-host-gw.md',
        '两个子网之间靠路由器互通，没有二层直连，vxlan 性能差。flannel 有没有哪个参数能让同子网节点走直连路由、跨子网走 VXLAN 路由？',
      ),
    ).toContain('DirectRouting: true');
  });

  it('leaves a question naming no setting to the words it shares', () => {
    // "Where does the route point": a device asked, not a setting; the route sentence answers.
    expect(
      quoteOf(
        own,
        'flannel/vxlan-host-gw.md',
        'In VXLAN mode, which device does the route to a remote subnet point to?',
      ),
    ).toContain('`flannel.1`');
  });
});

describe('an amount of bytes asked for by its unit', () => {
  // kb/calico/bgp-ipip.md's lines: the failure row saying what to subtract, the sentences writing the bytes added.
  const CALICO = [
    '---',
    'triggers: [calico ipip 大包不通]',
    'category: cni_calico',
    '---',
    '',
    '# Calico BGP 与 IPIP',
    '',
    '## 流量路径',
    '',
    '1. IPIP 模式由 `tunl0` 加 20 字节外层 IP 头；VXLAN 模式由 `vxlan.calico` 加 50 字节外层头。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    '| 大包不通、小包正常，https 不通 http 通 | veth/隧道 MTU 与封装开销不匹配（IPIP 需减 20，VXLAN 减 50） | `ip -d link show tunl0` | 设置 Installation `calicoNetwork.mtu` 或 `veth_mtu`，重建 pod |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'calico/bgp-ipip.md': CALICO });
  });
  afterAll(() => own.cleanup());

  it('quotes the line writing the bytes, not the row of what to subtract sharing more of the report', () => {
    // A real report: pods behind IPIP, large https replies lost, http fine.
    expect(
      quoteOf(
        own,
        'calico/bgp-ipip.md',
        'Calico IPIP模式mtu问题。curl https 只有相同节点的 Pod 能响应，http 协议通，https 协议不通，大包不通。IPIP 封装会在每个包上多加多少字节？',
      ),
    ).toContain('20 字节');
    expect(
      quoteOf(
        own,
        'calico/bgp-ipip.md',
        'Large https responses between nodes hang with calico, http works; MTU mismatch suspected. How many bytes of overhead does IPIP encapsulation add?',
      ),
    ).toContain('20 字节');
  });

  it('leaves an overhead asked without the unit to the words it shares', () => {
    // "应该减多少": what to subtract from the MTU, which the row says.
    expect(
      quoteOf(own, 'calico/bgp-ipip.md', '大包不通、小包正常，https 不通，IPIP 模式下 veth MTU 应该减多少？'),
    ).toContain('需减 20');
  });
});

describe('a setting given with its value: what it does is asked, not the command setting it', () => {
  it.each([
    ['What does externalTrafficPolicy: Local change for the client source IP', 'externaltrafficpolicy'],
    ['ipipMode=Never 之后跨节点的包怎么走', 'ipipmode'],
    ['externalTrafficPolicy 设为 Local 以后后端看到的源 IP 是什么', 'externaltrafficpolicy'],
    ['What happens to SNAT with --masquerade-all=true', '--masquerade-all'],
    ['what does FLANNEL_IPMASQ=true do to pod traffic', 'flannel_ipmasq'],
    ['What happens if I set externalTrafficPolicy to Local', 'externaltrafficpolicy'],
    ['hostNetwork 为 true 时该用哪个 dnsPolicy', 'hostnetwork'],
  ])('reads a setting given with its value: %s', (focus, name) => {
    expect(settingsGivenWithValue(focus)).toEqual([name]);
  });

  it.each([
    'Which setting keeps the client source IP',
    'Note: which port does kube-proxy answer health checks on',
    '问题：客户端 IP 为什么变成节点 IP',
    'What does externalTrafficPolicy do',
    'Which value of the kubelet --hairpin-mode flag should I use',
    'Which CNI plugin maps hostPort to the pod',
    'dnsPolicy 为什么是 Default',
  ])('reads no setting given with its value: %s', (focus) => {
    expect(settingsGivenWithValue(focus)).toEqual([]);
  });

  const POLICY = [
    '---',
    'triggers: [nodeport 源 IP]',
    'category: service',
    '---',
    '',
    '# NodePort 与 LoadBalancer',
    '',
    '## 转发路径',
    '',
    '应用看到的客户端 IP 都是节点 IP：这是 `externalTrafficPolicy: Cluster` 的 SNAT 行为，不是故障。',
    '',
    '1. Local 策略：只选本节点端点，源 IP 保留；kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`。',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 |',
    '| --- | --- | --- |',
    '| 部分节点的 NodePort 通，部分不通 | externalTrafficPolicy: Local，且不通的节点没有本地 Pod | `curl -sS -m 3 http://<node-ip>:<port>/healthz` |',
    '',
    '## 修复',
    '',
    '```bash',
    '# [变更] 改为 Local 以保留客户端源 IP',
    'kubectl patch svc <service-name> -n <namespace> -p \'{"spec":{"externalTrafficPolicy":"Local"}}\'',
    '```',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'service/policy.md': POLICY });
  });
  afterAll(() => own.cleanup());

  it.each([
    'What does externalTrafficPolicy: Local change for the client source IP?',
    'What does setting externalTrafficPolicy to Local change about the client IP?',
  ])(
    'quotes what the case given does to the source, not the command setting it nor the other case: %s',
    (question) => {
      const quote = quoteOf(own, 'service/policy.md', question);
      expect(quote).toContain('源 IP 保留');
      expect(quote).not.toContain('kubectl patch');
    },
  );

  it('quotes the other case when that one is given', () => {
    expect(
      quoteOf(
        own,
        'service/policy.md',
        'What does externalTrafficPolicy: Cluster change for the client source IP?',
      ),
    ).toContain('SNAT');
  });

  it('still quotes the command when asked how to set it', () => {
    expect(
      quoteOf(
        own,
        'service/policy.md',
        'How do I change externalTrafficPolicy to Local to keep the client IP?',
      ),
    ).toContain('kubectl patch');
  });
});
