import { describe, expect, it } from 'vitest';
import { saysPodReachesItself, selfAccessUnstated } from '../../src/answer/self-access.js';

describe('saysPodReachesItself', () => {
  it('reads a pod reaching itself through its own Service, in English and Chinese', () => {
    for (const text of [
      'Pod unable to reach itself through a service.',
      'pods cannot access themselves via their Service IP',
      'pods cannot access its own cluster-ip if there is only one pod behind the cluster-ip',
      "Can't use service IP from inside the pod that backs the service.",
      'to support hairpin mode: pod can not access the service backed by itself',
      '记一次问题排查:为什么在POD无法通过Service访问自己?',
      'Pod 通过自己的 Service 访问自己超时',
      'Pod 访问指向自己的 Service 失败',
      '应用调自己的 svc 地址（回环访问自己）超时',
      '[oc cluster up] Unable to connect to a clusterIP service from the pod backing the service.',
      'curl to the ClusterIP hangs when run inside the container running the service',
      "Can't access its own svc name from pod.",
      'Why does a pod time out when it calls its own Service?',
    ])
      expect(saysPodReachesItself(text), text).toBe(true);
  });

  it('does not read a client reaching another pod, or "itself"/自己 in other senses', () => {
    for (const text of [
      '[Airflow] k8s executor fails to spin up worker pods due to timeout to web service',
      "Pod can't access clusterip service for another pod with endpoint on the same node",
      'The service itself is fine, the pod itself is Running, but curl times out.',
      'The problem resolved itself after a reboot of the node.',
      '我部署了自己的服务，通过 svc 访问超时，直接访问 pod ip 正常',
      'k8s 服务访问。查看 dashboard 的 endpoint、SVC 和 pod 都正常',
      // A Service per member, not a pod calling itself.
      'Each member is a Deployment with its own Service (mongodb-0-service port 27017), and the replica set is unreachable.',
      'The pod running the service is Ready, but clients on other pods time out.',
      '每个成员都有自己的 Service，连接字符串里的地址访问不到',
    ])
      expect(saysPodReachesItself(text), text).toBe(false);
  });
});

describe('selfAccessUnstated', () => {
  // Whether the one row of that symptom is among those the report leaves unstated.
  const unstated = (symptom: string, query: string) => selfAccessUnstated([{ symptom }], query).length === 1;
  const row = 'Pod 通过自己的 Service 访问自己超时';
  it('holds for a self-access row and a report not saying the pod reaches itself', () => {
    expect(unstated(row, 'curl my-svc.prod:80 hangs from a pod, hitting the pod ip directly works')).toBe(
      true,
    );
    expect(unstated(row, 'servcie 偶尔请求失败，一半成功一半超时')).toBe(true);
  });

  it('does not hold when the report says so too, or for a row of another premise', () => {
    expect(unstated(row, 'Pod unable to connect to itself via service.')).toBe(false);
    expect(unstated(row, 'Hairpin nat does not work. There is a single pod and a service')).toBe(false);
    expect(unstated('访问 ClusterIP 立即 `connection refused`', 'curl my-svc.prod:80 hangs from a pod')).toBe(
      false,
    );
  });
});
