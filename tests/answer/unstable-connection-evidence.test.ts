import { describe, expect, it } from 'vitest';
import { uncoveredUnstatedFailure } from '../../src/answer/unstated-failure.js';

describe('uncoveredUnstatedFailure: a connection that is not stable or a lookup that fails is a stated failure', () => {
  it.each([
    // Real (a public report, not in an eval set): the connection between MongoDB's pods is said to be unstable.
    'MongoDB in Kubernetes. I am setting up MongoDB sharded cluster in kubernetes with all three roles (config, router, shard). I am doing static configuration for mongodb in kubernetes, i.e one service and one pod for each role. so basically I have three PODs and three Services (with static calico IPs). The issue is connection is not stable when I try to connect to each of the server.',
    // Real (reports32.yaml): the peers' names do not resolve, said in the reporter's words.
    'Validators cannot discover P2P peers when running as `StatefulSet` in k8s. In a multi-node scenario, when a validator is started having configured under `p2p.persistent_peers` and `p2p.seeds` a list of nodes, the DNS lookup fails. Steps to reproduce: Run 3 validators in k8s as statefulset. Actual behaviour: The DNS lookup fails.',
    // Constructed: the record a member needs is not ready yet.
    'Cassandra seeds never join after a rollout. The StatefulSet starts cassandra-0 and cassandra-1 with the seed list from the chart; the second member gives up because the DNS record is not ready when it starts.',
    // Constructed (Chinese): the connection to a peer keeps dropping.
    '部署 kafka 集群后消息偶尔丢失。三个 broker 以 StatefulSet 方式部署在 k8s 中，生产者日志显示到 broker-1 的连接不稳定，时断时续，重启后又恢复一段时间。',
  ])('%s → left to the runbooks', (question) => {
    expect(uncoveredUnstatedFailure(question)).toBeNull();
  });

  it.each([
    // Constructed: DNS named only as a setting of the application, nothing failing.
    'Chart renders the wrong replica count. I set replicaCount: 3 and a custom dnsConfig with ndots 2 in values.yaml, but helm template still renders one replica and the upgrade keeps the old StatefulSet spec; the operator logs only show the reconcile loop.',
    // Constructed: "stable" describes a release, not a connection.
    'Backup job stays in Pending after upgrade to the stable chart. The stable release of the backup chart creates a CronJob whose pods stay Pending with FailedScheduling because the PVC is not bound; the storage class is local-path.',
    // Constructed (Chinese): a volume that cannot be mounted.
    '升级后备份任务一直 Pending。备份 chart 升级到稳定版本后，CronJob 创建的 pod 一直 Pending，事件显示 PVC 未绑定，存储类是 local-path，日志里没有别的报错。',
  ])('%s → still declined', (question) => {
    expect(uncoveredUnstatedFailure(question)).toContain('never states');
  });
});
