/** A lookup that failed on one pod's own name, not a Service's or a machine's. */
import { describe, expect, it } from 'vitest';
import { isPodRecordName } from '../../src/answer/pod-record-lookup.js';

describe('isPodRecordName', () => {
  it.each([
    'spark-master-0',
    'kafka-1.kafka-headless',
    'web-0.nginx.default.svc.cluster.local',
    'zk-2.zk-hs.default.svc.cluster.local.',
    'nifinode-6cc66886c7-qmfpj:8080',
    'rabbitmq-1.rabbitmq-nodes.prod.svc',
    'etcd-0.etcd:2380',
    'nifi-0',
  ])('a pod own name: %s', (name) => {
    expect(isPodRecordName(name)).toBe(true);
  });

  it.each([
    'redis-master',
    'nacos-headless',
    'mysql.default.svc.cluster.local',
    'k8s-node-2',
    'worker-1',
    'api-2.example.com',
    'hippo-primary.postgres-operator.svc',
    'backend-x2x9q',
    'web-1.corp',
    '2.internal',
    'kubernetes',
  ])('not a pod own name: %s', (name) => {
    expect(isPodRecordName(name)).toBe(false);
  });
});
