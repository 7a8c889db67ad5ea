import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { focusTerms } from '../../src/answer/rank-rows.js';
import { bestSymptomOverlap, leadWithSymptomRow, matchedTriggers } from '../../src/answer/symptom-doc.js';
import { bundledSearchers } from '../retrieve/bundled-kb.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const SHARE = DEFAULT_COMPOSE_OPTIONS.otherDocShare;
// The NodePort runbook's troubleshooting row "应用日志里客户端 IP 都是节点 IP", in traditional Chinese and other words.
const CLIENT_IP = '後端應用拿到的客戶端 IP 全是節點 IP';
// feiskyer/kubernetes-handbook#122: a NodePort service not reachable on the public IP; "公网" ranks the egress
// runbook first, while the NodePort runbook has the row for it. Retrieval now reads the exposed Service as traffic
// coming in (edge-direction.ts) and ranks the NodePort runbook first itself; without that factor the row moves it.
const NODEPORT_PUBLIC_IP =
  'service暴露的端口使用公网ip无法访问。做到部署node节点那一步，暂时master和node都在一台上，根据教程创建了一个nginx的service试一下集群是否可用：example-service NodePort 10.30.92.37 80:30109/TCP，Endpoints 172.30.29.2:80,172.30.29.3:80。使用curl 10.30.92.37可以得到nginx的响应。';
// kubeovn/kube-ovn#2735: an underlay (VLAN) pod cannot reach ClusterIP services; the generic ClusterIP runbook's
// rows match the words, but the report is about Kube-OVN's underlay datapath.
const KUBE_OVN_UNDERLAY =
  'vlan模式部署，pod无法访问ClusterIP类型发布的SVC服务。pod直接使用物理vlan网络地址，创建了一个nginx的deployment和ClusterIP的svc；busybox测试容器使用域名去访问nginx的svc，dns域名无法解析，无法访问到coredns的svc地址，ping这个服务svc的地址也无法通信。kube-ovn 1.11.3';
// ovn-kubernetes/ovn-kubernetes#2392: the NodePort runbook's trigger phrase matches and retrieval ranks it first;
// the ClusterIP runbook's row "connection refused" matches more words, but is no reason to leave it.
const HOST_TO_NODEPORT =
  'Host to nodeport service traffic does not work. I deployed ovn-kubernetes from commit a96572f5; 3 node k8s cluster, 1 control-plane and 2 workers. I have created a simple nginx nodeport service backed by a single endpoint (externalTrafficPolicy set to Cluster): nginx-clusterip NodePort 10.96.218.105 80:31266/TCP. When trying to access the nodeport service from host it fails with connection refused.';

describe('a runbook whose troubleshooting row states the reported symptom leads the answer', () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(KB);
  });
  afterAll(() => index.cleanup());

  it('moves a close runbook first when one of its symptom cells matches the question clearly better', async () => {
    const { neutral } = bundledSearchers({ edgeDirection: { lift: 1, demote: 1, inbound: 1 } });
    expect((await index.searcher.search(NODEPORT_PUBLIC_IP)).hits[0]?.doc.path).toBe(
      'service/nodeport-loadbalancer.md',
    );
    for (const [question, ranked, led] of [
      [NODEPORT_PUBLIC_IP, 'pod-to-external/egress-internet.md', 'service/nodeport-loadbalancer.md'],
    ] as const) {
      const result = await neutral.search(question);
      expect(result.hits[0]?.doc.path).toBe(ranked);
      const moved = leadWithSymptomRow(question, result, SHARE, neutral.concepts);
      expect(moved.hits[0]?.doc.path).toBe(led);
      expect(moved.hits).toHaveLength(result.hits.length);
    }
  });

  it('keeps the runbook first that retrieval already ranks first for its symptom', async () => {
    // The glossary makes the NodePort runbook's 客户端源 IP the client IP the question asks about.
    const result = await index.searcher.search(CLIENT_IP);
    expect(result.hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
    expect(leadWithSymptomRow(CLIENT_IP, result, SHARE, index.searcher.concepts)).toBe(result);
  });

  it('leaves the ranking alone when the top runbook holds the best symptom or no row matches enough', async () => {
    for (const question of [
      'cross-node ping fails after enabling geneve',
      'coredns 解析很慢，偶尔 5 秒超时',
    ]) {
      const result = await index.searcher.search(question);
      expect(leadWithSymptomRow(question, result, SHARE, index.searcher.concepts)).toBe(result);
    }
  });

  it('does not read the host names a report writes as its symptom', async () => {
    // The hostNetwork runbook's row "hostNetwork Pod 解析不了 *.svc.cluster.local" shares only the words of the full
    // name the reporter used; the report is a short name failing to resolve from an ordinary pod.
    const question =
      '"nslookup k8sbook" does not work. instead I had to use "nslookup k8sbook.default.svc.cluster.local" while running on docker desktop';
    const result = await index.searcher.search(question);
    expect(result.hits[0]?.doc.path).toBe('dns/coredns.md');
    expect(leadWithSymptomRow(question, result, SHARE, index.searcher.concepts).hits[0]?.doc.path).toBe(
      'dns/coredns.md',
    );
    // A report that says hostNetwork still has that row's own subject.
    const hostNetwork =
      'A hostNetwork: true pod cannot resolve redis.default.svc.cluster.local, nslookup fails there but works in other pods';
    const own = await index.searcher.search(hostNetwork);
    const led = leadWithSymptomRow(hostNetwork, own, SHARE, index.searcher.concepts);
    expect(led.hits[0]?.doc.path).toBe('host-network/hostnetwork-pods.md');
  });

  it('measures a symptom cell by the weight of the question terms it holds, failing clauses first', async () => {
    const nodeport = index.searcher.docs.find((doc) => doc.path === 'service/nodeport-loadbalancer.md');
    const clusterip = index.searcher.docs.find((doc) => doc.path === 'service/clusterip-troubleshooting.md');
    if (!nodeport || !clusterip) throw new Error('bundled runbooks missing');
    const wanted = focusTerms(CLIENT_IP, index.searcher.concepts);
    expect(bestSymptomOverlap(nodeport, wanted, index.searcher.concepts)).toBeGreaterThan(
      1.5 * bestSymptomOverlap(clusterip, wanted, index.searcher.concepts),
    );
    expect(bestSymptomOverlap(nodeport, new Map(), index.searcher.concepts)).toBe(0);
  });

  it('keeps the runbook of the CNI the question names first', async () => {
    const result = await index.searcher.search(KUBE_OVN_UNDERLAY, { cni: 'kube-ovn' });
    expect(result.hits[0]?.doc.path).toBe('kube-ovn/underlay.md');
    // The rule alone would leave the underlay runbook...
    const moved = leadWithSymptomRow(KUBE_OVN_UNDERLAY, result, SHARE, index.searcher.concepts);
    expect(moved.hits[0]?.doc.path).not.toBe('kube-ovn/underlay.md');
    // ...but an answer to a question naming Kube-OVN keeps it.
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: KUBE_OVN_UNDERLAY },
    );
    expect(body.citations[0]?.path).toBe('kube-ovn/underlay.md');
  });

  it('keeps a top runbook whose trigger phrase the question matched, unless the other matched more of its own', async () => {
    const result = await index.searcher.search(HOST_TO_NODEPORT, { cni: 'ovn-kubernetes' });
    const top = result.hits[0];
    expect(top?.doc.path).toBe('service/nodeport-loadbalancer.md');
    if (!top) throw new Error('no hit');
    expect(matchedTriggers(result.hits, top.doc)).toBeGreaterThan(0);
    expect(leadWithSymptomRow(HOST_TO_NODEPORT, result, SHARE, index.searcher.concepts)).toBe(result);
    const { body } = await answerChat(
      { searcher: index.searcher, conversations: new ConversationStore() },
      { message: HOST_TO_NODEPORT },
    );
    expect(body.citations[0]?.path).toBe('service/nodeport-loadbalancer.md');
  });

  it('counts the distinct trigger phrases a doc matched over all its hits', () => {
    const [nodeport, clusterip] = [
      'service/nodeport-loadbalancer.md',
      'service/clusterip-troubleshooting.md',
    ].map((file) => index.searcher.docs.find((doc) => doc.path === file));
    if (!nodeport || !clusterip) throw new Error('bundled runbooks missing');
    const hit = (doc: typeof nodeport, triggers: string[]) => ({
      chunk: doc.chunks[0] as (typeof doc.chunks)[number],
      doc,
      score: 1,
      via: [],
      matchedTriggers: triggers,
    });
    const hits = [
      hit(nodeport, ['nodeport not reachable']),
      hit(clusterip, ['service connection refused']),
      hit(nodeport, ['nodeport not reachable', 'nodeport timeout']),
    ];
    expect(matchedTriggers(hits, nodeport)).toBe(2);
    expect(matchedTriggers(hits, clusterip)).toBe(1);
    expect(matchedTriggers([], nodeport)).toBe(0);
  });
});
