/**
 * Failing DNS resolution in the reporters' words ("DNS resolution does not work", "pod DNS无法正常工作") and slow
 * name resolution ("DNS 解析缓慢", "dns resolution is slow") is the CoreDNS runbook's (its rows on ndots:5,
 * the 5-second conntrack race and a slow upstream): the glossary reads the whole phrase as one group, so the DNS
 * words before it are not read as the DNS group alone, and the runbook's trigger names it. End to end on the bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});
const TRIGGER = 'DNS 解析慢';
const FAILING = 'DNS 解析失败';

async function lead(question: string, trigger = TRIGGER) {
  const result = await searcher.search(question);
  const top = result.hits[0];
  return {
    abstain: result.abstain,
    doc: top?.doc.path,
    matched: result.hits.some((hit) => hit.matchedTriggers.includes(trigger)),
  };
}

describe('slow DNS resolution leads with the CoreDNS runbook', () => {
  it('answers a Chinese report of slow resolution (KubeOperator issue)', async () => {
    const zh = await lead('DNS 解析缓慢。KubeOperator 版本 2.1.54。多master情况下，dns 解析有点慢。');
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect((await lead('集群内 pod 的域名解析很慢，偶尔要等好几秒')).matched).toBe(true);
  });

  it('answers the English wordings', async () => {
    expect(await lead('DNS resolution is slow in every pod after the upgrade')).toEqual({
      abstain: false,
      doc: 'dns/coredns.md',
      matched: true,
    });
    expect((await lead('Slow DNS lookups from pods in the default namespace')).matched).toBe(true);
  });

  it('is not matched by failing resolution, nor by a slow path that is not name resolution', async () => {
    expect((await lead('DNS 解析失败，pod 里 nslookup kubernetes.default 报 NXDOMAIN')).matched).toBe(false);
    expect((await lead('pod 访问外部网站很慢，ping 延迟正常')).matched).toBe(false);
    expect((await lead('NodePort service is slow to respond from outside the cluster')).matched).toBe(false);
  });
});

describe("failing DNS resolution, written whole, matches the CoreDNS runbook's trigger", () => {
  it('matches the English wordings (k3s issue)', async () => {
    const en = await lead(
      'DNS resolution with k3s cluster is broken. DNS resolution does not work within the cluster at all. ' +
        "Run a busybox pod and nslookup kubernetes: server can't find kubernetes.default.svc.cluster.local: NXDOMAIN.",
      FAILING,
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect((await lead('After the upgrade DNS is not working in any pod', FAILING)).matched).toBe(true);
  });

  it('matches the Chinese wordings', async () => {
    const zh = await lead(
      'DNS问题: pod DNS无法正常工作。集群规模: 1master 4node。pod 无法解析任何域名包括svc。',
      FAILING,
    );
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect((await lead('新建的 pod 里域名解析失败', FAILING)).matched).toBe(true);
  });

  it('is not matched by resolving one pod by name, nor by a name that does not resolve without the DNS words', async () => {
    expect(
      (
        await lead(
          'Cannot resolve pod ip address (MicroK8s). nslookup of the StatefulSet pod name fails',
          FAILING,
        )
      ).matched,
    ).toBe(false);
    expect((await lead('busybox 测试容器使用域名去访问 nginx 的 svc，无法解析', FAILING)).matched).toBe(
      false,
    );
  });

  it('matches where it fails written between the subject and the failure (calico issue)', async () => {
    const en = await lead(
      "DNS resolution from pods does not work: `Can't find xxxxx.xxx: No answer`. Pod to pod connection works.",
      FAILING,
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect(
      (await lead('DNS resolution inside pods is not working after the node reboot', FAILING)).matched,
    ).toBe(true);
    expect((await lead('DNS 在 pod 里解析失败，nslookup 报 SERVFAIL', FAILING)).matched).toBe(true);
  });

  it('is not matched by a slow or working resolution from pods', async () => {
    expect(
      (await lead('DNS resolution from pods is slow, every lookup takes 5 seconds', FAILING)).matched,
    ).toBe(false);
    expect((await lead('DNS 在 pod 里解析正常，但是访问 svc 超时', FAILING)).matched).toBe(false);
  });
});

describe('a DNS failure named as a noun, and the resolver\'s "Temporary failure in name resolution"', () => {
  it('matches a headline naming a DNS failure (Rancher issue)', async () => {
    const en = await lead(
      'Clusterwide DNS failure after editing existing cluster and add cloud provider configuration. Rancher ' +
        'versions: rancher/rancher: v2.0.3; kubernetes: 1.10.3-rancher2-1; Docker version 18.03.1-ce; kernel 4.14.',
      FAILING,
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect((await lead('After the node reboot DNS failed in every pod', FAILING)).matched).toBe(true);
    expect((await lead('DNS fails in every pod since the node was rebooted', FAILING)).matched).toBe(true);
    expect(
      (await lead('DNS resolution fails for every Service name after the upgrade', FAILING)).matched,
    ).toBe(true);
  });

  it("matches the resolver's error string in a report that never says DNS fails", async () => {
    const en = await lead(
      'Pods on the newly added nodes cannot reach services by name. ping kubernetes → ping: kubernetes: ' +
        'Temporary failure in name resolution. Only the first two worker nodes work. Versions: Rancher v2.0.8',
      FAILING,
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
  });

  it('matches the Chinese wording', async () => {
    const zh = await lead('集群升级以后 DNS 故障，所有 pod 都无法解析 svc 的域名', FAILING);
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect((await lead('新节点上的 pod DNS 失败，老节点正常', FAILING)).matched).toBe(true);
  });

  it('is not matched by a failure that is not name resolution, nor by DNS that works', async () => {
    expect(
      (
        await lead(
          'Clusterwide network failure after adding a cloud provider, pods cannot ping each other',
          FAILING,
        )
      ).matched,
    ).toBe(false);
    expect((await lead('DNS 正常，但是 pod 访问 service 的 ClusterIP 失败', FAILING)).matched).toBe(false);
  });
});

describe("the upstream DNS server is the CoreDNS runbook's forward path", () => {
  const UPSTREAM = '上游 DNS';

  it('matches an upstream outage however the words are ordered (OpenShift report)', async () => {
    const en = await lead(
      'Requests take 2 seconds when the DNS upstream is down. We cut off the upstream in a test cluster and every ' +
        'curl from a pod to an external URL got slow, later failed.',
      UPSTREAM,
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect(
      (await lead('Is the upstream DNS server reachable from the CoreDNS pods?', UPSTREAM)).matched,
    ).toBe(true);
  });

  it('matches the Chinese wording', async () => {
    const zh = await lead('上游DNS 故障以后，pod 里解析外部域名要等好几秒才返回', UPSTREAM);
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
  });

  it('is not matched by an upstream that is not a DNS server', async () => {
    expect(
      (await lead('nginx ingress: upstream timed out while reading response header', UPSTREAM)).matched,
    ).toBe(false);
    expect((await lead('ingress 的上游服务返回 502，pod 之间访问正常', UPSTREAM)).matched).toBe(false);
  });
});
