import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadWithCategoryMain } from '../../src/answer/category-doc.js';
import { answerChat } from '../../src/answer/chat.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const SHARE = DEFAULT_COMPOSE_OPTIONS.otherDocShare;
// k3s-io/k3s#1527: NXDOMAIN for a service name; the Headless Service runbook's NXDOMAIN row ranks it first.
const K3S_NXDOMAIN =
  "DNS resolution with k3s cluster is broken. DNS resolution does not work within the cluster at all. Deploy vanilla k3s (v1.17.3+k3s1) on Ubuntu 16.04, run a busybox pod and nslookup kubernetes: Server 10.43.0.10, ** server can't find kubernetes.default.svc.cluster.local: NXDOMAIN.";
// labring/sealos#720: no name resolves in any pod.
const SEALOS_DNS =
  'DNS问题: pod DNS无法正常工作。运行环境 - Docker版本: containerd - Kubernetes版本 : kube1.20.tar.gz - 操作系统: ubuntu18 - 集群规模: 1master 4node。pod 无法解析任何域名包括svc。安装成功未做任何操作。看到很多关于dns的issue。';

describe("a category's main runbook leads over its narrower one the question does not name", () => {
  let index: FixtureIndex;
  beforeAll(async () => {
    index = await buildFixtureIndex(KB);
  });
  afterAll(() => index.cleanup());

  it('moves the CoreDNS runbook before the Headless Service one for a general DNS failure', async () => {
    for (const question of [K3S_NXDOMAIN, SEALOS_DNS]) {
      const result = await index.searcher.search(question);
      expect(result.hits[0]?.doc.path).toBe('dns/headless-service.md');
      const led = leadWithCategoryMain(result, SHARE);
      expect(led.hits[0]?.doc.path).toBe('dns/coredns.md');
      expect(led.hits).toHaveLength(result.hits.length);
      const { body } = await answerChat(
        { searcher: index.searcher, conversations: new ConversationStore() },
        { message: question },
      );
      expect(body.citations[0]?.path).toBe('dns/coredns.md');
    }
  });

  it('keeps the narrower runbook when the question matched one of its trigger phrases', async () => {
    for (const question of [
      'headless service: web-0.nginx.default.svc.cluster.local returns NXDOMAIN, the service name resolves',
      'StatefulSet 的 web-0 解析不到，服务名能解析',
    ]) {
      const result = await index.searcher.search(question);
      expect(result.hits[0]?.doc.path).toBe('dns/headless-service.md');
      expect(leadWithCategoryMain(result, SHARE)).toBe(result);
    }
  });

  it('leaves runbooks of one CNI to CNI scoping', async () => {
    const result = await index.searcher.search(K3S_NXDOMAIN);
    const cniOf = (docPath: string) => (docPath.startsWith('dns/headless') ? 'some-cni' : null);
    expect(leadWithCategoryMain(result, SHARE, cniOf)).toBe(result);
  });
});
