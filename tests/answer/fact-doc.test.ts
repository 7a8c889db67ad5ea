import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { clauseToSearch, leadWithClauseDoc } from '../../src/answer/clause-doc.js';
import { leadWithDoc } from '../../src/answer/close-docs.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { factAsk } from '../../src/answer/direct.js';
import { leadWithFactDoc } from '../../src/answer/fact-doc.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
// A real question (kubeovn/kube-ovn#2854): the default subnet's name is stated by the Kube-OVN default-VPC runbook,
// while the words "default", "subnet", "namespace" rank Flannel's runbook first.
const ASKS_VALUE =
  "which is default subnet when custom subnet attached default namespace? Expected: default subnet always is ovn-default. Actual: create subnet A designated with default namespace, the pod's ip is allocated in subnet A.";

describe('a question asking for a value is answered from the runbook that states it', () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(KB);
  });
  afterAll(() => index.cleanup());

  it('moves the stating runbook first when it scored close to the top one', async () => {
    const result = await index.searcher.search(ASKS_VALUE);
    expect(result.hits[0]?.doc.path).toBe('flannel/vxlan-host-gw.md');
    const led = leadWithFactDoc(ASKS_VALUE, ASKS_VALUE, result, DEFAULT_COMPOSE_OPTIONS.otherDocShare);
    expect(led.hits[0]?.doc.path).toBe('kube-ovn/default-vpc-path.md');
    expect(led.hits).toHaveLength(result.hits.length);
  });

  it('leaves questions that ask for no value, and top runbooks that state it, as they were', async () => {
    const symptom = await index.searcher.search('cross-node ping fails after enabling geneve');
    expect(leadWithFactDoc('cross-node ping fails after enabling geneve', '', symptom, 0.8)).toBe(symptom);
    const question = 'kube-ovn 跨节点 geneve 隧道需要在安全组放行哪个 udp 端口';
    const stated = await index.searcher.search(question);
    expect(leadWithFactDoc(question, question, stated, 0.8)).toBe(stated);
  });

  it('leaves the runbook of the report first when it only asks whether what was seen is normal', async () => {
    // A NodePort report that ends asking whether the Service range not answering ping is normal: the by-design line
    // (ClusterIP runbook) answers that aside; the NodePort runbook's checks answer the report.
    const question =
      '用 https://NodeIP:NodePort 访问 dashboard 打不开（三个 master）。浏览器报错连接被重置。flannel 内网也 ping 不通。SERVICE_CIDR="10.68.0.0/16"，CLUSTER_CIDR="172.20.0.0/16"，172.20 网段能通，10.68 网段不行。端口在监听。10.68 网段 ping 不通正常吗？';
    const result = await index.searcher.search(question);
    expect(result.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
    expect(
      leadWithFactDoc(
        question,
        question,
        result,
        DEFAULT_COMPOSE_OPTIONS.otherDocShare,
        index.searcher.concepts,
      ),
    ).toBe(result);
  });

  it('looks further down when the top runbook states no value of the kind asked', async () => {
    // projectcalico/calicoctl#415: the question names Calico, whose runbook ranks first but states no cloud's MTU;
    // the MTU runbook, further down, states GCE's.
    const question =
      'calico IP-in-IP tunnel device uses incorrect MTU in GCE. The tunl0 device uses MTU 1480 unconditionally. In GCE, the network MTU is 1460, so the correct MTU for the tunl0 device is 1440 in this environment. What is the network MTU on GCE?';
    // Searched as an answer searches it: the CNI the question names scopes the search.
    const result = await index.searcher.search(question, { cni: 'calico' });
    expect(result.hits[0]?.doc.path).toBe('calico/bgp-ipip.md');
    const mtu = result.hits.find((hit) => hit.doc.path === 'mtu/mtu-fragmentation.md');
    expect(mtu?.score).toBeLessThan((result.hits[0]?.score ?? 0) * DEFAULT_COMPOSE_OPTIONS.otherDocShare);
    const led = leadWithFactDoc(
      question,
      question,
      result,
      DEFAULT_COMPOSE_OPTIONS.otherDocShare,
      index.searcher.concepts,
    );
    expect(led.hits[0]?.doc.path).toBe('mtu/mtu-fragmentation.md');
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: question },
    );
    expect(body.structured.direct?.text).toContain('GCE 默认 1460');
  });

  it('looks further down when the top runbook does not state the setting whose value is asked', async () => {
    // kubernetes/kubernetes#23322: the Service runbook ranks first and states the CNI's hairpinMode; the same-node
    // runbook, further down, states kubelet's --hairpin-mode value.
    const question =
      'kubelet: Incorrect fallback to hairpin-mode. I have an issue with connecting to PODs itself via service ip. In kubelet output I have the message: Hairpin mode set to "promiscuous-bridge" but configureCBR0 is false, falling back; but hairpin_mode for the interfaces is 0. Which kubelet --hairpin-mode value lets a pod reach itself through its own Service?';
    const result = await index.searcher.search(question);
    expect(result.hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
    const led = leadWithFactDoc(question, question, result, DEFAULT_COMPOSE_OPTIONS.otherDocShare);
    expect(led.hits[0]?.doc.path).toBe('pod-to-pod/same-node.md');
    // projectcalico/calico#2072: WireGuard's row is the setup the report names; the MTU setting is what it asks.
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      {
        message:
          'How to setup MTU for tunnel - guide in docs does not work? How do I set the MTU? I followed the guide and I still get tunnel MTU at 1440 (larger than my wireguard MTU 1420).',
      },
    );
    expect(body.structured.direct?.text).toContain('calicoNetwork');
  });

  it("keeps the named CNI's runbook first when it states the asked value too", async () => {
    // A Calico user's question (wjhsh.net): Calico's runbook and the generic same-node one both state 169.254.1.1;
    // the generic one's table of every CNI must not take a Calico question off Calico's runbook.
    const question =
      'calico网络 pod 网关 default via 169.254.1.1 dev eth0。169.254.1.1是默认的网关,但是整个网络中没有一张网卡是这个地址。Calico 下 Pod 的默认网关是哪个地址？';
    const result = await index.searcher.search(question, { cni: 'calico' });
    expect(result.hits[0]?.doc.path).toBe('calico/bgp-ipip.md');
    const ofCalico = (p: string) => p.startsWith('calico/');
    const share = DEFAULT_COMPOSE_OPTIONS.otherDocShare;
    const concepts = index.searcher.concepts;
    // Without the CNI named, the generic runbook's row would lead; named, Calico's runbook stays.
    expect(leadWithFactDoc(question, question, result, share, concepts).hits[0]?.doc.path).toBe(
      'pod-to-pod/same-node.md',
    );
    expect(leadWithFactDoc(question, question, result, share, concepts, ofCalico)).toBe(result);
    const ask = factAsk(question);
    const clause = clauseToSearch(question, ask);
    if (!ask || !clause) throw new Error('a value is asked');
    // A clause search ranking the generic runbook first (as the clause alone, without the report around it, does).
    const generic = result.hits.find((hit) => hit.doc.path === 'pod-to-pod/same-node.md')?.doc;
    if (!generic) throw new Error('the generic runbook is retrieved');
    const clauseResult = leadWithDoc(result, generic);
    expect(leadWithClauseDoc(question, result, clauseResult, ask, concepts)?.hits[0]?.doc.path).toBe(
      'pod-to-pod/same-node.md',
    );
    expect(leadWithClauseDoc(question, result, clauseResult, ask, concepts, ofCalico)).toBeNull();
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: question },
    );
    expect(body.citations[0]?.path).toBe('calico/bgp-ipip.md');
    expect(body.structured.direct?.text).toContain('169.254.1.1');
    // The GCE MTU case above: Calico's runbook states no such MTU, so the MTU runbook still leads even when named.
    const gce =
      'calico IP-in-IP tunnel device uses incorrect MTU in GCE. The tunl0 device uses MTU 1480 unconditionally. In GCE, the network MTU is 1460, so the correct MTU for the tunl0 device is 1440 in this environment. What is the network MTU on GCE?';
    const gceResult = await index.searcher.search(gce, { cni: 'calico' });
    expect(leadWithFactDoc(gce, gce, gceResult, share, concepts, ofCalico).hits[0]?.doc.path).toBe(
      'mtu/mtu-fragmentation.md',
    );
  });

  it("gives that runbook's commands and CNI, not the first-ranked one's", async () => {
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: ASKS_VALUE },
    );
    expect(body.structured.direct?.text).toContain('ovn-default');
    expect(body.citations[0]?.path).toBe('kube-ovn/default-vpc-path.md');
    expect(body.commands.length).toBeGreaterThan(0);
    for (const command of body.commands) expect(command.source.path).not.toMatch(/^flannel\//);
    expect(body.structured.cni?.cni).toBe('kube-ovn');
  });
});
