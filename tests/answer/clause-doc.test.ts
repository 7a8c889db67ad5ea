import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { clauseToSearch, leadWithClauseDoc } from '../../src/answer/clause-doc.js';
import { topDocs } from '../../src/answer/close-docs.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { factAsk } from '../../src/answer/direct.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
// A real question (gurubase kube-proxy healthz page) in a report's framing: pasted output and what was tried. The
// ping output and the names of what was restarted rank the MTU and CoreDNS runbooks above kube-proxy's.
const HEALTHZ =
  'What Does Kube-Proxy Healthz Check with Cluster Policy? The healthz endpoint is a health check mechanism that kube-proxy exposes to ensure that it is functioning correctly. Which port does kube-proxy serve /healthz on?';
const FRAMED = [
  'Hi, I have a small cluster set up with kubeadm.',
  '$ kubectl get nodes -o wide',
  'NAME      STATUS   ROLES           AGE   VERSION',
  'node-1    Ready    control-plane   12d   v1.28.3',
  '$ ping -c 2 node-2',
  '64 bytes from node-2: icmp_seq=1 ttl=64 time=0.412 ms',
  HEALTHZ,
  'I tried restarting kube-proxy and coredns but nothing changed. Any help is appreciated.',
].join('\n');

describe('the asking clause of a long report is searched on its own', () => {
  it('only when the message says much more than the clause', () => {
    expect(clauseToSearch(FRAMED, factAsk(FRAMED))).toBe('Which port does kube-proxy serve /healthz on');
    // A question alone, and a question with one sentence around it, are answered as they are.
    const short = 'kube-ovn 跨节点 geneve 隧道需要在安全组放行哪个 udp 端口';
    expect(clauseToSearch(short, factAsk(short))).toBeNull();
    const why =
      'Why does my pod lose its IP after the node reboots? I tried restarting kubelet twice already.';
    expect(clauseToSearch(why, factAsk(why))).toBeNull();
    // A procedure asked (a static IP for a pod with multus), however long the report: the whole report decides.
    const how =
      'how to set static ip address for pod in openshift v3.11. My multus version is v3.2. NetworkAttachmentDefinition manager-network: type macvlan, master eth0, ipam type static.';
    expect(factAsk(how)).not.toBeNull();
    expect(clauseToSearch(how, factAsk(how))).toBeNull();
  });
});

describe('the runbook the asking clause retrieves leads a long report', () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(KB);
  });
  afterAll(() => index.cleanup());

  it("moves the clause's runbook first when the message ranks it among its top few", async () => {
    const result = await index.searcher.search(FRAMED);
    const docs = topDocs(result, 5).map((doc) => doc.path);
    expect(docs[0]).not.toBe('service/kube-proxy-iptables-ipvs.md');
    expect(docs).toContain('service/kube-proxy-iptables-ipvs.md');
    const ask = factAsk(FRAMED);
    const clause = clauseToSearch(FRAMED, ask);
    if (!ask || !clause) throw new Error('a value is asked');
    const clauseResult = await index.searcher.search(clause);
    const led = leadWithClauseDoc(FRAMED, result, clauseResult, ask, index.searcher.concepts);
    expect(led?.hits[0]?.doc.path).toBe('service/kube-proxy-iptables-ipvs.md');
    expect(led?.hits).toHaveLength(result.hits.length);
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: FRAMED },
    );
    expect(body.structured.direct?.text).toContain('10256');
  });

  it("leaves the message's top runbook when it states the value as well as the clause's", async () => {
    // projectcalico/calicoctl#1579: the clause alone, searched within Calico, ranks Calico's runbook first, but the
    // egress runbook the whole report ranks first states natOutgoing.
    const question =
      'how to configure nat-outgoing in calico 2.1? In calico 2.0 there was ippool.yaml to configure nat-outgoing: true. There is no mention of NAT on the node configuration doc site. Which IP pool setting makes pod traffic to the outside get NATed?';
    const ask = factAsk(question);
    const clause = clauseToSearch(question, ask);
    if (!ask || !clause) throw new Error('a value is asked');
    const result = await index.searcher.search(question, { cni: 'calico' });
    const clauseResult = await index.searcher.search(clause, { cni: 'calico' });
    expect(result.hits[0]?.doc.path).toBe('pod-to-external/egress-internet.md');
    expect(clauseResult.hits[0]?.doc.path).toBe('calico/bgp-ipip.md');
    expect(leadWithClauseDoc(question, result, clauseResult, ask, index.searcher.concepts)).toBeNull();
  });

  it('leaves the result alone when the clause search abstains', async () => {
    const result = await index.searcher.search(FRAMED);
    const ask = factAsk(FRAMED);
    if (!ask) throw new Error('a value is asked');
    const clauseResult = await index.searcher.search('Which port does kube-proxy serve /healthz on');
    expect(leadWithClauseDoc(FRAMED, result, { ...clauseResult, abstain: true }, ask)).toBeNull();
    expect(
      leadWithClauseDoc(FRAMED, { ...result, abstain: true }, { ...clauseResult, abstain: true }, ask),
    ).toBeNull();
  });

  it('answers a report under the threshold from the runbook its asking clause finds confidently', async () => {
    const result = await index.searcher.search(FRAMED);
    const ask = factAsk(FRAMED);
    if (!ask) throw new Error('a value is asked');
    const clauseResult = await index.searcher.search('Which port does kube-proxy serve /healthz on');
    expect(clauseResult.abstain).toBe(false);
    const led = leadWithClauseDoc(
      FRAMED,
      { ...result, abstain: true },
      clauseResult,
      ask,
      index.searcher.concepts,
    );
    expect(led?.abstain).toBe(false);
    expect(led?.hits[0]?.doc.path).toBe('service/kube-proxy-iptables-ipvs.md');
    expect(led?.confidence).toBe(result.confidence);
  });

  it('answers a Chinese report the same way, and only from a runbook the report ranks among its top few', async () => {
    // Constructed: pasted node listing and what was tried around one asking clause.
    const question =
      '集群升级以后一直有问题，下面是环境。kubectl get nodes: node1 Ready v1.28.3; node2 Ready v1.28.3。日志里看到很多 warning，重启过 kubelet。kube-proxy 的 healthz 端口是多少？';
    const ask = factAsk(question);
    const clause = clauseToSearch(question, ask);
    if (!ask || !clause) throw new Error('a value is asked');
    const result = await index.searcher.search(question);
    const clauseResult = await index.searcher.search(clause);
    expect(clauseResult.abstain).toBe(false);
    const led = leadWithClauseDoc(
      question,
      { ...result, abstain: true },
      clauseResult,
      ask,
      index.searcher.concepts,
    );
    expect(led?.abstain).toBe(false);
    expect(led?.hits[0]?.doc.path).toBe('service/kube-proxy-iptables-ipvs.md');
    // The same clause over a report whose own runbooks are all others': the report is not about what it asks.
    const elsewhere = {
      ...result,
      abstain: true,
      hits: result.hits.filter((hit) => hit.doc.path !== 'service/kube-proxy-iptables-ipvs.md'),
    };
    expect(leadWithClauseDoc(question, elsewhere, clauseResult, ask, index.searcher.concepts)).toBeNull();
  });
});
