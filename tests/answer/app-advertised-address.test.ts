import { describe, expect, it } from 'vitest';
import {
  advertisedAddressExplainedBy,
  uncoveredAdvertisedAddress,
} from '../../src/answer/app-advertised-address.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredAdvertisedAddress: the address an application advertises', () => {
  it.each([
    // Constructed: Kafka's advertised listeners.
    'Kafka clients outside the cluster cannot connect: the broker advertises its pod IP in advertised.listeners and clients get connection refused on 10.244.1.5:9092.',
    // Constructed: Redis Cluster's announce address.
    'Redis cluster nodes keep the old pod IPs after a restart; cluster-announce-ip is set from status.podIP.',
    // Constructed (Chinese): Sentinel.
    'redis sentinel 返回的主节点地址是 pod ip，集群外的客户端连不上，announce-ip 要怎么配？',
    // Constructed: Elasticsearch.
    'Elasticsearch clients outside Kubernetes get the pod addresses from sniffing; network.publish_host is the pod IP.',
    // Real (helm/charts#12876, shortened): the first sentence names the setting beside a NodePort.
    '[incubator/kafka] Improving external broker access for service type NodePort, issue with advertised.listeners. Changing external: enabled: true does NOT set the right advertised.listeners variable to enable clients to connect from outside.',
    // Real (bitnami/charts#28547, shortened): a request to set the advertised listeners behind NodePorts.
    '[bitnami/kafka] Config and Modify Listeners as Desired. We need to configure and modify listeners freely with Kubernetes setup with Nodeport configs: add advertised listeners from different ips.',
  ])('%s → declined', (question) => {
    expect(uncoveredAdvertisedAddress(question, false)).toContain('advertises');
    expect(uncoveredAdvertisedAddress(question, true)).toBeNull();
  });
  it.each([
    // Real (questions.yaml): a headless Service's name, no advertised setting.
    'kafka-0.kafka-headless.mq.svc.cluster.local 返回 NXDOMAIN，service 名能解析',
    // Constructed: the headless name does not resolve, advertised.listeners uses it.
    'kafka-0.kafka-headless does not resolve (NXDOMAIN) from other pods; advertised.listeners=PLAINTEXT://kafka-0.kafka-headless:9092.',
    // Constructed: MetalLB's BGP advertisements, not an application's address.
    'MetalLB route advertisement fails when all peers are listed in the BGPAdvertisement.',
    // Constructed (Chinese): the API server's advertise address.
    'kube-apiserver 的 --advertise-address 配成了内网 IP，节点上 curl 10.96.0.1:443 超时。',
    // Real (reports34.yaml, shortened): the first sentence names the setting and a DNS name.
    '[incubator/kafka] KAFKA_ADVERTISED_LISTENERS Should Use Fully-Qualified DNS Name (*.svc.cluster.local). Services outside of K8s which attempt to resolve K8s DNS by forwarding *.cluster.local DNS requests fail.',
    // Constructed: a NodePort that refuses, the setting only in the body.
    'NodePort 31090 refuses connections from outside the cluster. The chart sets advertised.listeners to the node address.',
  ])('%s → not declined', (question) => {
    expect(uncoveredAdvertisedAddress(question, false)).toBeNull();
  });
  it('is explained by a runbook about such settings', () => {
    expect(advertisedAddressExplainedBy([doc('Headless Service', ['StatefulSet 域名 NXDOMAIN'])])).toBe(
      false,
    );
    expect(advertisedAddressExplainedBy([doc('Kafka advertised.listeners')])).toBe(true);
  });
});
