import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { confidentFact, directAnswer, factAsk } from '../../src/answer/direct.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

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
