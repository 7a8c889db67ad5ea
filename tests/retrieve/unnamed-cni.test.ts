/**
 * A long report that shows no CNI: a CNI's own runbook matched by generic words (firewall, 节点, timeout) scores
 * less than a generic runbook (src/retrieve/unnamed-cni.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import {
  cniFeatureGroups,
  unnamedCniBesideGenericFactor,
  unnamedCniFactor,
} from '../../src/retrieve/unnamed-cni.js';
import { bundledSearchers } from './bundled-kb.js';

const JOIN = 'kube-ovn/join-network-pod-to-node.md';
const CLUSTERIP = 'service/clusterip-troubleshooting.md';
const OVN0 = 'kube-ovn/node-to-pod-ovn0.md';
const HOST_TO_POD = 'node-to-pod/host-to-pod-generic.md';

describe('unnamedCniFactor', () => {
  const cniOfDoc = (docPath: string) => (docPath.startsWith('kube-ovn/') ? 'kube-ovn' : null);
  const base = { namesCni: false, longReport: true, cniOfDoc, factor: 0.85 };

  it('scales only the CNI runbooks of a long report showing no CNI', () => {
    const factor = unnamedCniFactor(base);
    expect(factor?.(JOIN)).toBe(0.85);
    expect(factor?.(CLUSTERIP)).toBe(1);
  });

  it('leaves a report showing a CNI and a short question alone', () => {
    expect(unnamedCniFactor({ ...base, namesCni: true })).toBeNull();
    expect(unnamedCniFactor({ ...base, longReport: false })).toBeNull();
    expect(unnamedCniFactor({ ...base, factor: 1 })).toBeNull();
  });
});

describe('unnamedCniBesideGenericFactor', () => {
  const cniOfDoc = (docPath: string) => (docPath.startsWith('kube-ovn/') ? 'kube-ovn' : null);
  const categoryOf = (docPath: string) =>
    docPath === OVN0 || docPath === HOST_TO_POD ? 'node_to_pod' : 'pod_to_external';
  const base = {
    namesCni: false,
    longReport: true,
    cniOfDoc,
    categoryOf,
    categories: new Set(['node_to_pod']),
    factor: 0.7,
  };

  it('scales a CNI runbook of a listed category only, never the generic one', () => {
    const factor = unnamedCniBesideGenericFactor(base);
    expect(factor?.(OVN0)).toBe(0.7);
    expect(factor?.(HOST_TO_POD)).toBe(1);
    expect(factor?.(JOIN)).toBe(1);
  });

  it('leaves a report naming a CNI, a short question and an empty category list alone', () => {
    expect(unnamedCniBesideGenericFactor({ ...base, namesCni: true })).toBeNull();
    expect(unnamedCniBesideGenericFactor({ ...base, longReport: false })).toBeNull();
    expect(unnamedCniBesideGenericFactor({ ...base, categories: new Set() })).toBeNull();
    expect(unnamedCniBesideGenericFactor({ ...base, factor: 1 })).toBeNull();
  });
});

describe('cniFeatureGroups', () => {
  const cniOfDoc = (docPath: string) => (docPath.startsWith('kube-ovn/') ? 'kube-ovn' : null);
  const doc = (path: string, topic: string[], body: string[] = []) => ({
    path,
    topic: new Set(topic),
    body: new Set([...topic, ...body]),
  });

  it('takes a group only one CNI runbook is about, seldom used elsewhere', () => {
    const docs = [
      doc('kube-ovn/underlay.md', ['underlay', 'nic'], ['vlan']),
      doc('mtu/mtu.md', ['mtu'], ['underlay', 'nic']),
      doc('service/clusterip.md', ['service', 'vlan'], ['nic']),
      doc('dns/coredns.md', ['dns'], ['nic']),
    ];
    const features = cniFeatureGroups(docs, cniOfDoc, 1);
    expect(features.get('underlay')).toBe('kube-ovn');
    // In a generic runbook's topic: not a feature.
    expect(features.has('vlan')).toBe(false);
    // In three other runbooks' text: a word everyone uses.
    expect(features.has('nic')).toBe(false);
    // Only generic runbooks are about it.
    expect(features.has('mtu')).toBe(false);
  });

  it('never takes a basic Kubernetes object or component, whatever a CNI runbook is about', () => {
    // Kube-OVN's join network runbook is about pods reaching the API server ("pod 连不上 apiserver").
    const docs = [doc('kube-ovn/join.md', ['join', 'apiserver']), doc('dns/coredns.md', ['dns'])];
    const basic = (group: string) => group === 'apiserver';
    const features = cniFeatureGroups(docs, cniOfDoc, 1, basic);
    expect(features.has('apiserver')).toBe(false);
    expect(features.get('join')).toBe('kube-ovn');
    // Without the mark it would count.
    expect(cniFeatureGroups(docs, cniOfDoc, 1).get('apiserver')).toBe('kube-ovn');
  });
});

describe('a CNI runbook in a report that names no CNI', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ unnamedCni: 1 }));
  });

  const ratio = async (question: string, doc: string) => {
    const score = async (s: KbSearcher) =>
      (await s.explain(question, { topK: 100 })).fused.find((hit) => hit.doc === doc)?.score ?? 0;
    const [scaled, plain] = [await score(searcher), await score(neutral)];
    expect(plain).toBeGreaterThan(0);
    return scaled / plain;
  };

  const english =
    'Pods on a newly added worker node time out when calling a service. The new node joined the cluster and is ' +
    'Ready, but every request from its pods to the service backend on the other nodes times out while pods on the ' +
    'old nodes get answers; the firewall on the hosts was checked and iptables looks the same on all nodes.';
  const chinese =
    '新加的节点上 pod 访问 service 超时。新节点加入集群后状态是 Ready，但是这个节点上的 pod 访问其他节点上的后端一直超时，' +
    '老节点上的 pod 访问同一个 service 正常，宿主机防火墙已经关闭，iptables 规则看起来和其他节点一样。';

  it('scales the CNI runbook in English and Chinese reports, never the generic one', async () => {
    for (const report of [english, chinese]) {
      expect(await ratio(report, JOIN)).toBeCloseTo(RETRIEVAL_CONFIG.scopeFactor.unnamedCni, 2);
      expect(await ratio(report, CLUSTERIP)).toBeCloseTo(1, 2);
    }
  });

  it('leaves the CNI runbook alone when the report or its paste names a CNI', async () => {
    expect(await ratio(english.replace('the cluster', 'the calico cluster'), JOIN)).toBeCloseTo(1, 2);
    expect(await ratio(`${chinese} 集群用的是 Kube-OVN。`, JOIN)).toBeCloseTo(1, 2);
  });

  it('leaves the CNI runbook alone when the report names its CNI by a feature only that CNI has', async () => {
    const underlay =
      'Pods in the underlay subnet cannot reach a service. The new node joined the cluster and is Ready, but every ' +
      'request from its pods to the service backend on the other nodes times out; the firewall was checked.';
    const replacement =
      '新加的节点上 pod 访问 service 超时。集群开了 kube-proxy replacement 模式，新节点加入集群后状态是 Ready，但是这个' +
      '节点上的 pod 访问其他节点上的后端一直超时，宿主机防火墙已经关闭。';
    expect(await ratio(underlay, JOIN)).toBeCloseTo(1, 2);
    expect(await ratio(replacement, JOIN)).toBeCloseTo(1, 2);
  });

  it('scales the CNI runbook when the report names only the API server every cluster has', async () => {
    const english =
      'Pods on a newly added worker node time out when calling the kube-apiserver. The new node joined the cluster ' +
      'with kubeadm join and is Ready, but every request from its pods to the API server and to services on the ' +
      'other nodes times out; the firewall on the hosts was checked and iptables looks the same on all nodes.';
    const chinese =
      '新加节点上的 pod 访问 apiserver 超时。新节点加入集群后状态是 Ready，但是这个节点上的 pod 访问 kube-apiserver ' +
      '和其他节点上的 service 后端一直超时，宿主机防火墙已经关闭，iptables 规则看起来和其他节点一样。';
    for (const report of [english, chinese]) {
      expect(await ratio(report, JOIN)).toBeCloseTo(RETRIEVAL_CONFIG.scopeFactor.unnamedCni, 2);
    }
    // Kube-OVN's own features still name it.
    expect(
      await ratio(english.replace('on all nodes', 'on all nodes and the join subnet routes via ovn0'), JOIN),
    ).toBeCloseTo(1, 2);
    expect(await ratio(`${chinese} join 子网的路由也在。`, JOIN)).toBeCloseTo(1, 2);
  });

  it('scales the CNI runbook in a report that states no broken path, in English and Chinese', async () => {
    const probe =
      'Router liveness probe failures. Any advice for debugging the next time we see it would be appreciated: the ' +
      'router pods restart every few hours after their liveness probes on port 1936 fail, then come back on their own.';
    const egress =
      '希望支持固定的出口 IP。Pod 访问集群外的数据库时源地址是所在节点的 IP，因为公司防火墙的策略要求白名单，' +
      '节点会扩缩容，所以想让某个命名空间的 pod 出去时都用同一个源地址。';
    for (const report of [probe, egress]) {
      expect(await ratio(report, JOIN)).toBeCloseTo(RETRIEVAL_CONFIG.scopeFactor.unnamedCni, 2);
    }
  });

  it("leaves the CNI runbook alone when the report carries one of the CNI's own identifiers", async () => {
    expect(await ratio(`${english} The pods are in ovn-default.`, JOIN)).toBeCloseTo(1, 2);
    expect(await ratio(`${chinese} 节点上 tunl0 的地址也在。`, JOIN)).toBeCloseTo(1, 2);
  });

  it("leaves a short question and a report naming the CNI's features alone", async () => {
    expect(await ratio('pod 访问宿主机端口超时', JOIN)).toBeCloseTo(1, 2);
    const install =
      'The join subnet of the cluster overlaps our office network. We planned the ovn0 addresses before the ' +
      'install and want to change the JOIN_CIDR now that pods and nodes are running with the default settings.';
    expect(await ratio(install, JOIN)).toBeCloseTo(1, 2);
  });
});

describe('a CNI node-to-pod runbook beside the generic one, in a report that names no CNI', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({
      unnamedCniBesideGeneric: { factor: 1, categories: ['node_to_pod'] },
    }));
  });

  const fused = async (s: KbSearcher, question: string) => (await s.explain(question, { topK: 100 })).fused;
  const ratio = async (question: string, doc: string) => {
    const score = async (s: KbSearcher) =>
      (await fused(s, question)).find((hit) => hit.doc === doc)?.score ?? 0;
    const [scaled, plain] = [await score(searcher), await score(neutral)];
    expect(plain).toBeGreaterThan(0);
    return scaled / plain;
  };

  const english =
    'Readiness probe keeps failing on one deployment. Every few minutes the kubelet marks the pod unready: ' +
    'Readiness probe failed: Get http://10.42.3.17:8080/ready: context deadline exceeded (Client.Timeout exceeded ' +
    'while awaiting headers). A curl to the same URL from inside the container answers at once.';
  const chinese =
    '存活探针一直失败导致 pod 被反复重启。kubelet 事件里是 Liveness probe failed: dial tcp 10.42.3.17:8080: i/o timeout，' +
    '但是进到容器里 curl 同一个地址马上就有返回，应用本身没有问题，只是 kubelet 探测不到。';

  it("scales Kube-OVN's ovn0 runbook in English and Chinese probe reports, never the generic one", async () => {
    for (const report of [english, chinese]) {
      expect(await ratio(report, OVN0)).toBeCloseTo(
        RETRIEVAL_CONFIG.scopeFactor.unnamedCniBesideGeneric.factor,
        2,
      );
      expect(await ratio(report, HOST_TO_POD)).toBeCloseTo(1, 2);
    }
  });

  it('leaves the ovn0 runbook alone when the report names Kube-OVN or is a short question', async () => {
    expect(await ratio(`${english} The cluster runs Kube-OVN.`, OVN0)).toBeCloseTo(1, 2);
    expect(await ratio(`${chinese} 集群网络插件是 kube-ovn。`, OVN0)).toBeCloseTo(1, 2);
    expect(await ratio('readiness probe 超时', OVN0)).toBeCloseTo(1, 2);
  });
});
