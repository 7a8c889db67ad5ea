/** An application's "nodes" (replica-set members, brokers, seeds) are pods, not Kubernetes nodes. */
import { describe, expect, it } from 'vitest';
import {
  appMemberNodes,
  namesMembersByOrdinal,
  withAppMemberNodes,
} from '../../src/retrieve/app-member-nodes.js';
import { namesHeadlessCase } from '../../src/retrieve/narrow-runbook.js';
import { normalizeText } from '../../src/retrieve/normalize.js';

const reads = (text: string) => appMemberNodes(normalizeText(text));

describe('appMemberNodes', () => {
  it.each([
    'I think Node cannot connect to each others. mongo-1 is PRIMARY and mongo-2 is STARTUP and mongo-0 not reachable/healthy, I think the connection having a problem.',
    'Postgres replicas bootstrap error: I got 3 separate statefulset instances instead of 3 nodes for an instance. Two of the instances are trying to bootstrap themselves using one primary but they cannot connect; the leader is running, the replica is stopped.',
    "cassandra nodes refuse to come up. Seed provider couldn't lookup host cassandra-0.cassandra.jaeger.svc.cluster.local",
    'Could not auto-cluster with node. Peer nodes we can cluster with: rabbit@rabbitmq-cluster-0.rabbitmq-cluster-headless, rabbit@rabbitmq-cluster-1.rabbitmq-cluster-headless',
    'k8s部署Nacos出现节点连接失败 failed to report new info to target node : nacos-2.nacos-headless.default.svc.cluster.local:8848',
  ])('%s', (text) => {
    expect(reads(text)).toBe(true);
  });

  it.each([
    // Kubernetes nodes: a node name, "the node", kubectl get nodes, kubelet, BGP peers.
    'Pod can only be accessed on its running node. NAME READY uy08-07 uy05-13 uy02-07',
    'Kube-DNS not resolving anything but PODs work fine. k8s-1 kube-proxy[3847]: Syncing iptables rules. k8s-2 kube-proxy',
    'calico apply bgpPeer Error. scope: node, node: slave2, peerIP: 172.30.30.6, node: slave3',
    'Nodes are missing some peer route entries (kube-router): Processing bgp route advertisement',
    'Pods on different nodes cannot communicate (flannel/vxlan). k3s installed on master and worker nodes',
    'redis always connecting to itself. I create redis cluster in kubernetes. 3 nodes 6 redis-server, every node 2 redis-server',
    'kafka-0 and kafka-1 cannot reach each other after the node reboot, kubectl get nodes shows Ready',
    // No "node" word at all.
    'mongo-0 and mongo-1 are primary and secondary but replication does not work',
    '节点之间 pod 无法通信',
  ])('not: %s', (text) => {
    expect(reads(text)).toBe(false);
  });
});

describe('namesMembersByOrdinal', () => {
  it('reads two ordinals of one stem, or a per-pod name', () => {
    expect(namesMembersByOrdinal(normalizeText('mongo-0, mongo-1'))).toBe(true);
    expect(namesMembersByOrdinal(normalizeText('zk-0.zk-hs:2888'))).toBe(true);
    expect(
      namesMembersByOrdinal(
        normalizeText(
          'Cannot open channel to 3 at election address zookeeper-3/172.30.134.85:3888, zookeeper-2',
        ),
      ),
    ).toBe(true);
  });
  it('does not read host names, regions or a single replica', () => {
    expect(namesMembersByOrdinal(normalizeText('node-1 and node-2 are NotReady'))).toBe(false);
    expect(namesMembersByOrdinal(normalizeText('ip-10-20-145-110.eu-west-1.compute.internal'))).toBe(false);
    expect(namesMembersByOrdinal(normalizeText('k8s-1.novalocal joined, k8s-2 too'))).toBe(false);
    expect(namesMembersByOrdinal(normalizeText('uy08-07 uy08-08'))).toBe(false);
    expect(namesMembersByOrdinal(normalizeText('redis-master-0 is the only pod'))).toBe(false);
  });
  it('lets the headless runbook answer StatefulSet members', () => {
    expect(namesHeadlessCase('mongo-1 is primary, mongo-2 is startup and mongo-0 not reachable')).toBe(true);
    expect(namesHeadlessCase('pod nginx-7d9f8b-x2x cannot resolve my-svc')).toBe(false);
  });
});

describe('withAppMemberNodes', () => {
  it('weighs the node words down only when the nodes are members', () => {
    const terms = new Map([
      ['node', 1],
      ['g0', 1],
      ['connect', 1],
    ]);
    const members = normalizeText('Node cannot connect to each other: mongo-0, mongo-1, mongo-2');
    expect([...withAppMemberNodes(terms, members, ['node', 'g0'], 0.1)]).toEqual([
      ['node', 0.1],
      ['g0', 0.1],
      ['connect', 1],
    ]);
    const machines = normalizeText('Node cannot connect to each other: node-1, node-2');
    expect(withAppMemberNodes(terms, machines, ['node', 'g0'], 0.1)).toBe(terms);
  });
});
