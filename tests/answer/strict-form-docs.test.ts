import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { clauseToSearch } from '../../src/answer/clause-doc.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { factAsk, onlyOneForm } from '../../src/answer/direct.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
// Why questions asked among pasted ping output: the output's words (PING, bytes, packet loss, ttl) rank the MTU
// runbook first, while the asking clause alone names the Service runbook, whose row says it is by design.
const WHY_PING_EN =
  "why cann't ping svc, the kubernetes svc can ping, others cannot. ping web.shop.svc.cluster.local: PING (10.233.41.7) 56(84) bytes of data, 5 packets transmitted, 0 received, 100% packet loss, time 4093ms. ping kubernetes.default.svc.cluster.local: PING (10.233.0.1) 56(84) bytes of data, 64 bytes from 10.233.0.1: icmp_seq=1 ttl=244 time=4.73 ms, rtt min/avg/max/mdev = 4.730/4.730/4.730/0.000 ms.";
const WHY_PING_ZH =
  '为什么 ping 不通 svc？ping web.shop.svc.cluster.local 输出 PING (10.233.41.7) 56(84) bytes of data，5 packets transmitted, 0 received, 100% packet loss, time 4093ms；ping kubernetes.default.svc.cluster.local 输出 64 bytes from 10.233.0.1: icmp_seq=1 ttl=244 time=4.73 ms，rtt min/avg/max/mdev = 4.730/4.730/4.730/0.000 ms。';

describe('only lines of one form answer a why or why-same ask', () => {
  it('holds for why and why-same asks, not for value asks', () => {
    const why = factAsk(WHY_PING_EN);
    const same = factAsk('为什么 pod 的 IP 和节点 IP 是同一个？');
    const value = factAsk('Which port does kube-proxy serve /healthz on?');
    if (!why || !same || !value) throw new Error('each asks');
    expect(onlyOneForm(why)).toBe(true);
    expect(onlyOneForm(same)).toBe(true);
    expect(onlyOneForm(value)).toBe(false);
  });

  it("searches a long report's why clause on its own, as a value clause", () => {
    expect(clauseToSearch(WHY_PING_EN, factAsk(WHY_PING_EN))).toBe("why cann't ping svc");
    expect(clauseToSearch(WHY_PING_ZH, factAsk(WHY_PING_ZH))).toBe('为什么 ping 不通 svc');
    // A why question with little around it is answered as it is; one asking for no behaviour is no ask at all.
    const short = '为什么 ping 不通 service 的 ClusterIP？';
    expect(clauseToSearch(short, factAsk(short))).toBeNull();
    const lost =
      'Why does my pod lose its IP after the node reboots? I tried restarting kubelet twice already.';
    expect(clauseToSearch(lost, factAsk(lost))).toBeNull();
  });
});

describe('the runbook saying a behaviour is by design answers a why question in a long report', () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(KB);
  });
  afterAll(() => index.cleanup());

  const ask = (message: string) =>
    answerChat({ searcher: index.searcher, conversations: new ConversationStore() }, { message });

  it('leads with the by-design row of the runbook the why clause retrieves (EN and ZH)', async () => {
    for (const message of [WHY_PING_EN, WHY_PING_ZH]) {
      const result = await index.searcher.search(message);
      expect(result.hits[0]?.doc.path).toBe('mtu/mtu-fragmentation.md');
      const { body } = await ask(message);
      expect(body.structured.direct?.text).toContain('属正常现象');
      expect(body.citations[0]?.path).toBe('service/clusterip-troubleshooting.md');
    }
  });

  it('takes the by-design row of any retrieved runbook, not only of those close to the top one', async () => {
    const message =
      'NodePort 方式访问 dashboard 打不开，提示 HTTP ERROR。SERVICE_CIDR="10.68.0.0/16"，CLUSTER_CIDR="172.20.0.0/16"，172.20 网段能通，10.68 的不行。端口是在的。10.68 网段 ping 不通正常吗？';
    const { body } = await ask(message);
    expect(body.structured.direct?.text).toContain('属正常现象');
  });

  it('gives no lead when no runbook says the behaviour is by design', async () => {
    for (const message of [
      "why can't my pods resolve external names? nslookup google.com: ;; connection timed out; no servers could be reached. cat /etc/resolv.conf: nameserver 10.96.0.10 search default.svc.cluster.local options ndots:5",
      '为什么 pod 访问外网超时？curl -m 5 https://example.com 报 curl: (28) Connection timed out after 5001 milliseconds，节点上 curl 正常，集群用的 flannel vxlan。',
    ]) {
      const { body } = await ask(message);
      expect(body.structured.direct).toBeNull();
    }
  });
});
