import { describe, expect, it } from 'vitest';
import { appMemberNode } from '../../src/answer/app-member-node.js';
import { extractEntities } from '../../src/answer/placeholders.js';

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' words.
describe("a data store's member called a node", () => {
  it('is no Kubernetes node', () => {
    // https://github.com/elastic/helm-charts/issues/179
    const es =
      'Installing elasticsearch failed with MasterNotDiscoveredException. RemoteTransportException: [elasticsearch-master-0][10.233.92.41:9300][internal:cluster/coordination/join]. The master node elasticsearch-master-1 cannot join the cluster.';
    expect(appMemberNode(es, 'elasticsearch-master-1')).toBe(true);
    expect(extractEntities(es).nodes).toEqual([]);
    const cassandra =
      'Cassandra 的 seed 节点 cassandra-0 正常，节点 cassandra-1 一直无法 gossip，Pod 反复重启';
    expect(appMemberNode(cassandra, 'cassandra-1')).toBe(true);
    expect(extractEntities(cassandra).nodes).toEqual([]);
  });

  it("is no node when a store's word stands before the word node", () => {
    const zh = 'kafka 节点 broker1 连不上 zookeeper，日志里一直报 Connection refused';
    expect(appMemberNode(zh, 'broker1')).toBe(true);
    expect(appMemberNode('the data node es-data-a is missing from the cluster', 'es-data-a')).toBe(true);
  });

  it('keeps hosts, even ones named for the store they run', () => {
    // https://github.com/kubernetes/kubernetes/issues/23618
    const kubelet =
      'kubectl logs chatroom-703e242e43275c569ae1525b244387aa-eekql gives Get https://juliette:10250/containerLogs/default/chatroom-703e242e43275c569ae1525b244387aa-eekql/chatroom: dial tcp: lookup juliette on 10.255.255.1:53: no such host';
    expect(appMemberNode(kubelet, 'juliette')).toBe(false);
    expect(appMemberNode('pods on node kafka01 cannot reach node kafka02', 'kafka01')).toBe(false);
    expect(appMemberNode('the master node k8s-master-1 is NotReady', 'k8s-master-1')).toBe(false);
    expect(appMemberNode('节点 node-3 上的 pod 无法访问', 'node-3')).toBe(false);
  });

  it('keeps a store-named node that a pod row places pods on', () => {
    const listing =
      'kubectl get pods -o wide: web-7d9f8c6b5-abcde 0/1 CrashLoopBackOff 0 5m 10.244.2.7 redis-1 <none> <none>. The pod on node redis-1 cannot reach the service';
    expect(extractEntities(listing).nodes).toContain('redis-1');
  });
});

describe('a node ID of a Redis cluster', () => {
  it('fills no node', () => {
    // https://github.com/bitnami/charts/issues/20395
    const redis =
      '[bitnami/redis-cluster] restart of pod lead to incorrect IP. $ kubectl exec -ti redis-cluster-6 -- redis-cli CLUSTER NODES: feb841b5f1f68b5e4ba20ac7b9f675ea1ad43647 10.4.16.51:6379@16379 slave 10e621ade88fbbceb3b1d9b6080e5c1aaa12115d 0 1698189797000 21 connected';
    expect(extractEntities(redis).nodes).toEqual([]);
    expect(extractEntities(redis).pods).toEqual(['redis-cluster-6']);
  });
});
