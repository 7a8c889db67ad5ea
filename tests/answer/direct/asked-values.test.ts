import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { namesInterface, namesPortField } from '../../../src/answer/direct/value-shapes.js';
import { wordForms } from '../../../src/answer/direct/words.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('factAsk: a value stated and then asked about, a choice, a bridge or a mask', () => {
  it.each([
    // Asking to explain the value the report just stated (real Calico report; a Chinese asker's form).
    [
      "I've upgrade from 0.8.0 to 0.9.0. Finally i found that the default gateway in my container was 169.254.1.1. Could anyone make some explanation for that?",
      ['ip', 'addr'],
      ['169.254.1.1'],
    ],
    ['升级后容器里的默认网关变成了 169.254.1.1。这是什么意思？', ['ip', 'addr'], ['169.254.1.1']],
  ])('%s', (question, kinds, values) => {
    const ask = factAsk(question);
    expect(ask?.kinds).toEqual(kinds);
    expect(ask?.values).toEqual(values);
  });

  it.each([
    // No value stated before, or the question asks why or for help, not what the value is.
    'My containers became unconnected after the upgrade. Could anyone make some explanation for that?',
    'Finally i found that the default gateway in my container was 169.254.1.1. Could anyone help me?',
    '容器里的默认网关是 169.254.1.1。为什么访问外网不通？',
    // "这是什么情况" asks what went wrong; the subnet is asked by the next sentence (real Flannel report).
    '初始化的日志显示 Setting Pod CIDR -> 10.244.0.0/24。这是什么情况呢？flannel 给每个节点分的子网默认多大？',
  ])('asks nothing to explain: %s', (question) => {
    expect(factAsk(question)?.values).toBeUndefined();
  });

  it.each([
    // A yes/no question followed by the other choice asks between them (real Chinese report; its English form).
    [
      'export K8SHA_CALICO_REACHABLE_IP=192.168.60.1 这个IP是我们服务器的网关地址吗？还是calico自用的IP和内网环境无关？',
      'ip',
    ],
    ["Is 10.96.0.10 the node's gateway address? Or an address calico uses for itself?", 'ip'],
    // A bridge is an interface (real Flannel report's wording, and in Chinese).
    ['cni0 or cbr0? I want to use the name cbr0. Which bridge does flannel put the pods on?', 'iface'],
    ['flannel 把 pod 挂在哪个网桥上？', 'iface'],
    // A mask is a CIDR's size.
    ['Flannel 默认给每个节点分配的掩码是多少', 'cidr'],
    ['What netmask does flannel give each node by default?', 'cidr'],
  ])('%s', (question, kind) => {
    expect(factAsk(question)?.kinds).toContain(kind);
  });

  it.each([
    // A yes/no question alone asks no value; nor does a statement about a bridge.
    'pod 能 ping 通网关吗？',
    'Can the pod reach its gateway? It times out.',
    'flannel 的 cni0 网桥上没有 pod 的 veth，跨节点不通。',
  ])('asks no value: %s', (question) => {
    expect(factAsk(question)).toBeNull();
  });
});

describe('value shapes: a port by its field, an interface by its kind', () => {
  it('a Service port field names a port; ordinary words ending in "port" do not', () => {
    expect(namesPortField('kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`')).toBe(true);
    expect(namesPortField('声明 containerPort 后调度器才能发现冲突')).toBe(true);
    expect(namesPortField('Calico does not support IPIP on Azure; export the config first')).toBe(false);
    expect(namesPortField('NodePort 在每个节点上暴露 Service')).toBe(false);
  });

  it('an interface named by its kind', () => {
    expect(namesInterface('本节点 Pod 挂在 Linux 网桥 `cni0` 上')).toBe(true);
    expect(namesInterface('the `flannel.1` device carries VXLAN')).toBe(true);
    expect(namesInterface('CNI 插件 `flannel` 读取它去调用 `bridge` 插件')).toBe(false);
  });

  it('"reachable" is read as a form of "reach" (`can-reach`)', () => {
    expect(wordForms('reachable')).toContain('reach');
  });
});

const doc = (title: string, category: string, body: string[]) =>
  ['---', `triggers: [${title}]`, `category: ${category}`, '---', '', `# ${title}`, '', ...body, ''].join(
    '\n',
  );

describe('directAnswer: the line that states the value asked', () => {
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({
      'service/lb.md': doc('LoadBalancer 与 NodePort', 'service', [
        '## 概述',
        '',
        'NodePort 在每个节点的 `节点IP:nodePort`（默认范围 30000-32767）上暴露 Service。',
        '',
        'Local 策略下 kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`，有本地端点返回 200，否则 503。',
      ]),
      'service/kube-proxy.md': doc('kube-proxy', 'service', [
        '## 端口',
        '',
        'kube-proxy 的指标端口为 10249，自身健康检查为 `:10256/healthz`。',
        '',
        '每个 Service 的 `targetPort` 是后端 Pod 的端口。',
      ]),
      'flannel/vxlan.md': doc('Flannel VXLAN', 'flannel', [
        '## 概述',
        '',
        'Flannel 给每个节点从集群网段（kubeadm 常用 `10.244.0.0/16`）切一个子网（取自 `node.spec.podCIDR`），本节点 Pod 挂在 Linux 网桥 `cni0`（网关为子网 `.1`）上。',
        '',
        'flanneld 写出 `/run/flannel/subnet.env`，CNI 插件 `flannel` 读取它去调用 `bridge` 插件。',
      ]),
      'flannel/subnet.md': doc('Flannel 子网', 'flannel', [
        '## 子网',
        '',
        'Flannel 从集群网段（kubeadm 常用 `10.244.0.0/16`）给节点分配子网。',
        '',
        '每个节点的子网默认为 `/24`，由 `SubnetLen` 决定。',
      ]),
      'calico/ipip.md': doc('Calico IPIP', 'calico', [
        '## 概述',
        '',
        'Pod 内默认网关是一个假地址 `169.254.1.1`，由宿主机侧 veth 开启 proxy ARP 应答。',
        '',
        '跨节点路由形如 `10.244.2.0/26 via 192.168.1.11 dev tunl0`，网关为对端节点 IP。',
        '',
        'Pod 发往任何目的都先 ARP `169.254.1.1`，宿主机侧 `caliA` 用自身 MAC（`ee:ee:ee:ee:ee:ee`）代答。',
      ]),
    });
  });
  afterAll(async () => {
    await own?.cleanup();
  });

  it.each([
    // A Service's port asked for by what it does: the line naming the field (real Kubernetes report; Chinese form).
    [
      'service/lb.md',
      "On which port does kube-proxy answer the load balancer's health checks for an externalTrafficPolicy: Local service?",
      'healthCheckNodePort',
    ],
    ['service/lb.md', 'Local 策略的 Service，kube-proxy 在哪个端口上提供 healthz？', 'healthCheckNodePort'],
    // A daemon's port is a number, not a Service's field.
    ['service/kube-proxy.md', 'kube-proxy 的指标是在哪个端口上暴露的？', '10249'],
    // The bridge the pods are on: the line naming it as a bridge, not the plugin called `bridge`.
    ['flannel/vxlan.md', 'Which bridge does flannel put the pods on?', '`cni0`'],
    ['flannel/vxlan.md', 'flannel 把 pod 挂在哪个网桥上？', '`cni0`'],
    // The mask: the prefix length stated alone.
    ['flannel/subnet.md', 'Flannel 默认给每个节点分配的子网掩码是多少', '`/24`'],
    // The value stated and asked about: the line that states it, not another gateway.
    [
      'calico/ipip.md',
      'Finally i found that the default gateway in my container was 169.254.1.1. Could anyone make some explanation for that?',
      '169.254.1.1',
    ],
    ['calico/ipip.md', '容器里的默认网关是 169.254.1.1。这是什么意思？', '169.254.1.1'],
    // An address asked of an interface: the address, not the line naming the interface.
    ['calico/ipip.md', '宿主机上 cali 网卡是用哪个 MAC 地址代答这个 ARP 的？', 'ee:ee:ee:ee:ee:ee'],
  ])('%s: %s', (docPath, question, stated) => {
    expect(quoteOf(own, docPath, question)).toContain(stated);
  });

  it('a value asked to explain that no line states is not answered by another', () => {
    expect(
      quoteOf(
        own,
        'calico/ipip.md',
        'The default gateway in my container was 10.1.2.3. Could anyone make some explanation for that?',
      ),
    ).toBe('');
  });
});
