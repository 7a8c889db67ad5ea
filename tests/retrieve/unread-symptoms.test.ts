/**
 * Symptoms real reports write in words the runbooks state otherwise: "Clusterwide DNS failure" is the CoreDNS
 * runbook's "DNS 解析失败", "cannot ping outside network" is the egress runbook's 外网, and flannel's own log string
 * "failed to add vxlanRoute" names the route its VXLAN runbook checks. End to end on the bundled KB.
 */
import { describe, expect, it } from 'vitest';
import { bundledSearchers } from './bundled-kb.js';

const { searcher } = bundledSearchers({});

async function lead(question: string, trigger?: string) {
  const result = await searcher.search(question);
  return {
    abstain: result.abstain,
    doc: result.hits[0]?.doc.path,
    matched: trigger === undefined ? null : result.hits.some((hit) => hit.matchedTriggers.includes(trigger)),
  };
}

describe('"DNS failure" is failing DNS resolution', () => {
  it('answers the English wording from the CoreDNS runbook (real rancher/rancher#14385)', async () => {
    const en = await lead(
      'Clusterwide DNS failure after editing existing cluster and add cloud provider configuration. Rancher v2.0.3; kubernetes 1.10.3; Docker 18.03.1-ce; hosts on vSphere.',
      'DNS 解析失败',
    );
    expect(en).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
    expect(
      (await lead('We see a DNS resolution failure in every pod after the upgrade', 'DNS 解析失败')).matched,
    ).toBe(true);
  });

  it('answers the Chinese wording the same way', async () => {
    const zh = await lead('修改云提供商配置后，所有 pod 的 DNS 解析失败', 'DNS 解析失败');
    expect(zh).toEqual({ abstain: false, doc: 'dns/coredns.md', matched: true });
  });

  it('is not matched by a failure that is not the DNS one, nor by DNS failover', async () => {
    expect(
      (await lead('DNS works; the failure is a TCP reset from the database pod', 'DNS 解析失败')).matched,
    ).toBe(false);
    expect(
      (await lead('configure DNS failover between two upstream resolvers', 'DNS 解析失败')).matched,
    ).toBe(false);
    expect((await lead('DNS 正常，失败的是访问数据库的 TCP 连接', 'DNS 解析失败')).matched).toBe(false);
  });
});

describe('"outside network" is the network outside the cluster (外网)', () => {
  it('ranks the egress runbook first for the English wording (real moby/moby#38647)', async () => {
    expect((await lead('my docker cannot ping outside network eg. 8.8.8.8. in k8s')).doc).toBe(
      'pod-to-external/egress-internet.md',
    );
  });

  it('ranks it first for the Chinese wording too', async () => {
    expect((await lead('pod 里 ping 不通外网 8.8.8.8')).doc).toBe('pod-to-external/egress-internet.md');
  });

  it('does not pull a pod-to-pod report on the same node to the egress runbook', async () => {
    expect((await lead('two pods on the same node cannot ping each other')).doc).not.toBe(
      'pod-to-external/egress-internet.md',
    );
    expect((await lead('同一节点上的两个 pod 互相 ping 不通')).doc).not.toBe(
      'pod-to-external/egress-internet.md',
    );
  });
});

describe("flannel's vxlanRoute log string", () => {
  it('answers the report from the flannel runbook (real flannel-io/flannel#844)', async () => {
    const en = await lead(
      'Pod cannot ping each other in multi-host scenario - failed to add vxlanRoute (XXX -> X.Y.0.0): invalid argument',
    );
    expect(en).toMatchObject({ abstain: false, doc: 'flannel/vxlan-host-gw.md' });
  });

  it('answers the Chinese report the same way', async () => {
    const zh = await lead(
      '跨节点 pod 之间 ping 不通，flanneld 日志报 failed to add vxlanRoute: invalid argument',
    );
    expect(zh).toMatchObject({ abstain: false, doc: 'flannel/vxlan-host-gw.md' });
  });

  it('does not read a vxlan report without it as flannel when Calico is named', async () => {
    expect((await lead('calico vxlan 模式下跨节点 pod 不通，vxlan.calico 设备存在')).doc).toBe(
      'calico/bgp-ipip.md',
    );
  });
});

describe('"cannot ping the outside network" signals the egress runbook', () => {
  // A report of a pod that cannot reach the internet often says it by the ping it tried. The egress runbook is not
  // about ping, so the phrase is one of its signals: matched as a trigger, but not part of its topic.
  it('answers, not abstains, on the English report (real moby/moby#38647)', async () => {
    expect(await lead('my docker cannot ping outside network eg. 8.8.8.8. in k8s', 'ping 外网')).toEqual({
      abstain: false,
      doc: 'pod-to-external/egress-internet.md',
      matched: true,
    });
    expect(
      (await lead('busybox pod: ping external network 1.1.1.1 gets no reply', 'ping 外网')).matched,
    ).toBe(true);
  });

  it('answers the Chinese wording the same way', async () => {
    expect(await lead('容器里 ping 外网一直不通，curl 也超时', 'ping 外网')).toEqual({
      abstain: false,
      doc: 'pod-to-external/egress-internet.md',
      matched: true,
    });
  });

  it('is not matched by a ping between pods or to a node', async () => {
    expect((await lead('pods on different nodes cannot ping each other', 'ping 外网')).matched).toBe(false);
    expect((await lead('跨节点 pod 互相 ping 不通，ping 节点 IP 可以', 'ping 外网')).matched).toBe(false);
  });
});

describe('"outbound network connection" signals the egress runbook', () => {
  // Reports ask for outbound connections from a pod in these words; the runbook says 出网 / 访问外网. The phrase is a
  // signal (matched as a trigger, kept out of the topic), so "egress network policy" reports are not pulled to it.
  it('answers, not abstains, on the English report (real microk8s question)', async () => {
    expect(
      await lead(
        'enable outbound network from within a pod. How does one enable outbound network connections initiated from within a running pod? (microk8s)',
        'outbound network connection',
      ),
    ).toEqual({ abstain: false, doc: 'pod-to-external/egress-internet.md', matched: true });
  });

  it('matches the Chinese wording', async () => {
    expect(await lead('如何开启 pod 内发起的出站网络连接？(microk8s)', '出站网络连接')).toEqual({
      abstain: false,
      doc: 'pod-to-external/egress-internet.md',
      matched: true,
    });
  });

  it('is not matched by an egress NetworkPolicy report', async () => {
    const en = await lead(
      'add an egress network policy targeting the sample app, with a default deny',
      'outbound network connection',
    );
    expect(en.matched).toBe(false);
    expect((await lead('配置了 egress 网络策略后 pod 的出站流量被拦截', '出站网络连接')).matched).toBe(false);
  });
});
