import { describe, expect, it } from 'vitest';
import {
  staleRegistryAddressExplainedBy,
  uncoveredStaleRegistryAddress,
} from '../../src/answer/stale-registry-address.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredStaleRegistryAddress: the stale address a framework's registry keeps", () => {
  it.each([
    // Real (alibaba/nacos#12761, shortened): one Nacos node hands out the expired pod IP.
    "【问题反馈】部分 nacos node 获取到了过期的 instance IP 数据 We have a nacos cluster with 3 nodes. A Pod on the user's side is restarted, and the Pod IP has changed. The user uses the Nacos client to obtain the Pod IP before the restart from one of the nacos node IPs.",
    // Real (alibaba/spring-cloud-alibaba#1595, shortened, Chinese): the consumer keeps dialling the old IP.
    'k8s内 使用nacos注册中心dubbo provider重启 有几率会导致consumer始终去连旧的ip 导致服务一直不可用。k8s、sca 2.2.1、nacos1.2.1。',
    // Real (alibaba/spring-cloud-alibaba#1119, shortened): consumers keep the old producer IP.
    'In the k8s environment, consumers have been consuming old IPs and cannot establish new links. Every time I restart the producer, the IP of the POD changes, and the consumer still consumes the IP of the old producer.',
    // Real (alibaba/nacos#15599, shortened, Chinese): a zombie instance; the timeouts are its consequence.
    '[Bug] K8s环境下 Nacos 1.4.8 无法剔除已下线的Pod实例（僵尸实例/脏数据）。旧的 Pod IP 依然残留在 Nacos 控制台的服务列表中，网关持续将流量转发给它，导致大量 connection timed out 请求超时报错。',
    // Real (apache/dubbo#12338, shortened, Chinese): another pod reused the old provider IP.
    '请教一个provider复用ip导致的问题。APP1 重启后 ip列表变成了 ip4 5 6，过了几天 APP2 部署 k8s复用了 ip1，导致consumer报错：Tried 3 times of the providers [172.16.8.237:20880] from the registry nacos-headless:8848',
  ])('%s → declined', (question) => {
    expect(uncoveredStaleRegistryAddress(question, false)).toContain('registry');
    expect(uncoveredStaleRegistryAddress(question, true)).toBeNull();
  });
  it.each([
    // Real (reports10.yaml, shortened): a stale DNS pod IP is DNS.
    'After the nodes reboot, services keep querying the old DNS pod IP. The kube-dns pod came back with a new IP, but pods on the node still send their DNS queries to the old pod IP and time out.',
    // Real (kubernetes/kubernetes#67875, shortened): kube-proxy keeps a stale endpoint; no registry is named.
    'kube-proxy does not update iptables upon default/kubernetes change. After deleting one master node, kube-proxy still uses 2 endpoints in iptables including the stale master node IP 182.22.18.176.',
    // Real (reports28.yaml, shortened): Consul clients caching a Service IP they resolved by DNS.
    "Consul clients cache Kubernetes Service IP addresses and don't retry DNS resolution on connection failures (new IPs).",
    // Constructed (Chinese): a registry whose pods time out across nodes; no stale address.
    'nacos 集群跨节点的 pod 之间连接超时，nc -vz 10.244.3.148 8848 Connection timed out。',
    // Real (questions.yaml): an old IP of a Redis master, no registry framework.
    'redis 主节点重建以后，客户端还一直连旧 ip',
    // Constructed: a cloud provider's load balancer, not a registry's provider.
    'After the node was replaced, the cloud provider load balancer still sends traffic to the old node IP.',
    // Constructed: the first sentence names a covered path.
    'Dubbo consumer pods cannot reach provider pods on other nodes (跨节点不通); the registry still lists the old provider IP.',
  ])('%s → not declined', (question) => {
    expect(uncoveredStaleRegistryAddress(question, false)).toBeNull();
  });
  it('is explained by a runbook stating a registry keeping a stale address', () => {
    expect(staleRegistryAddressExplainedBy([doc('Headless Service', ['StatefulSet 域名 NXDOMAIN'])])).toBe(
      false,
    );
    expect(
      staleRegistryAddressExplainedBy([
        doc('Nacos registry', ['consumer keeps the old provider IP after a restart']),
      ]),
    ).toBe(true);
  });
});
