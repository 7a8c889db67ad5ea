/**
 * A report saying a clustered application's member cannot join or form its cluster beside its members' pod DNS names
 * or a headless Service (src/answer/member-join.ts): a failure of a covered path, not one the report never states.
 */
import { describe, expect, it } from 'vitest';
import { statesMemberJoinFailure } from '../../src/answer/member-join.js';
import { uncoveredUnstatedFailure } from '../../src/answer/unstated-failure.js';

const CASSANDRA =
  'After the VM Reboot ... After the reboot of VM with statefulset ,cassandra it is not able to join the cluster and erroring with the below error . ... `INFO [HANDSHAKE-cassandra-0.cassandra.default.svc.cluster.local/10.244.2.13] Handshaking version with cassandra-0.cassandra.default.svc.cluster.local/10.244.2.13` ... `Exception (java.lang.RuntimeException) encountered during startup: Unable to gossip with any seeds` ...';

describe('statesMemberJoinFailure', () => {
  it.each([
    CASSANDRA,
    'Could not auto-cluster with node. Deploying the RabbitMQ cluster in OpenShift 3.9: `Peer nodes we can cluster with: rabbit@rabbitmq-cluster-1.rabbitmq-cluster.development.svc.cluster.local`',
    'Failed to use consul as autocluster provider in a k8s environment. `kind: Service` `metadata: name: consul` `clusterIP: None` `- "-retry-join=consul-0.consul.$(NAMESPACE).svc.cluster.local"`',
    'The zookeeper members cannot form a quorum: server.1=zk-0.zk-headless.kafka.svc.cluster.local:2888:3888',
    'StatefulSet 部署的 etcd 无法组成集群，peer 地址是 etcd-0.etcd-headless.default.svc.cluster.local:2380',
    'nacos 集群成员互相找不到，cluster.conf 里是 nacos-0.nacos-headless.default.svc.cluster.local:8848',
    // Two members of one StatefulSet by their ordinal names.
    '[incubator/elasticsearch] The `master` nodes cannot form a cluster as they cannot see each other; each master node can only see itself (i.e., `my-es-test-elasticsearch-master-0` sees only `my-es-test-elasticsearch-master-0`, etc.). `[my-es-test-elasticsearch-master-2] using discovery type [zen]`',
    'The mongo replica members cannot see each other: mongo-0 is PRIMARY and mongo-1, mongo-2 stay in STARTUP.',
  ])('%s', (question) => {
    expect(statesMemberJoinFailure(question)).toBe(true);
  });

  it.each([
    // A member failure with no in-cluster name or headless Service: nothing shows the path.
    'Fails to discover master and form cluster **Chart version:** 7.3.0 ... `minimumMasterNodes: 2` ...',
    'consul members not joining in kubernetes cluster: Consul members were not able to join the cluster.',
    // One ordinal name only, or machines by their numbers: not two members of a StatefulSet.
    'The elasticsearch pods cannot form a cluster; es-master-0 logs a zen discovery timeout.',
    'node-1 and node-2 cannot see each other after the upgrade; pods on them fail to reach each other.',
    'k8s-master-1 and k8s-master-2 failed to join the cluster after the etcd restore.',
    // A node joining the Kubernetes cluster itself.
    'worker node can not join the cluster with `kubeadm join`; the service is `clusterIP: None`.',
    // Members named, but no failure to join: the application's own state.
    '[bitnami/etcd] pod rejoin fails after removing old member: http://test-etcd-0.test-etcd-headless.default.svc.cluster.local:2379 is listed twice',
    'How do I set the replica set hosts to mongo-0.mongo.default.svc.cluster.local:27017?',
    'etcd 成员 etcd-0.etcd-headless.default.svc.cluster.local 的数据目录权限错误',
  ])('%s', (question) => {
    expect(statesMemberJoinFailure(question)).toBe(false);
  });
});

describe('a member join failure beside its members names is a network report', () => {
  it('is not a failure never stated as a network one', () => {
    expect(uncoveredUnstatedFailure(CASSANDRA)).toBeNull();
  });
});
