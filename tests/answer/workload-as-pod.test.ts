import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { workloadNamedAsPod, writtenPodsOf } from '../../src/answer/workload-as-pod.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('workloadNamedAsPod', () => {
  it('knows a name the report writes as a Deployment, StatefulSet or DaemonSet', () => {
    expect(workloadNamedAsPod('the nginx-deployment pod cannot reach the api', 'nginx-deployment')).toBe(
      true,
    );
    expect(workloadNamedAsPod('my-app pod restarts; deployment my-app has 3 replicas', 'my-app')).toBe(true);
    expect(
      workloadNamedAsPod('kubectl rollout restart deploy/order-api, order-api pod 仍然超时', 'order-api'),
    ).toBe(true);
    expect(workloadNamedAsPod('order-api 这个 deployment 的 pod 访问 redis 超时', 'order-api')).toBe(true);
    expect(workloadNamedAsPod('statefulset "mysql" pod mysql cannot resolve its peers', 'mysql')).toBe(true);
  });

  it('does not take a pod’s own name, or a name only written beside other words', () => {
    expect(workloadNamedAsPod('pod web-0 of statefulset web cannot resolve web-1.web', 'web-0')).toBe(false);
    expect(workloadNamedAsPod('the busybox pod cannot resolve kubernetes.default', 'busybox')).toBe(false);
    expect(workloadNamedAsPod('pod my-app-deployer 访问 svc 超时', 'my-app-deployer')).toBe(false);
    expect(workloadNamedAsPod('deployment my-app-v2 rolled out, pod my-app 超时', 'my-app')).toBe(false);
  });
});

describe('placeholder fills: a workload written as a pod', () => {
  it('leaves <pod> open for a Deployment’s name, English and Chinese', () => {
    expect(fills('the nginx-deployment pod cannot reach 10.96.0.1:443').get('<pod>')).toBeUndefined();
    expect(
      fills('my-app pod keeps timing out, deployment my-app has 3 replicas').get('<pod>'),
    ).toBeUndefined();
    expect(fills('order-api 这个 deployment 的 pod order-api 访问 redis 超时').get('<pod>')).toBeUndefined();
  });

  it('still fills a generated or ordinal pod name, and a pod the report presents alone', () => {
    expect(fills('deployment nginx 的 pod nginx-7d9f8b6c5d-x2x9z 访问不了 svc').get('<pod>')).toBe(
      'nginx-7d9f8b6c5d-x2x9z',
    );
    expect(fills('pod web-0 of statefulset web cannot resolve web-1.web').get('<pod>')).toBe('web-0');
    expect(fills('the web-client pod cannot reach 10.96.0.1:443').get('<pod>')).toBe('web-client');
  });
});

describe('placeholder fills: an Ansible run’s host', () => {
  it('reads a playbook’s host as the machine the task ran on, no target', () => {
    const verbose =
      'kubespray fails at Configure Flannel networking\n<192.168.188.178> ESTABLISH SSH CONNECTION FOR USER: pi\n<192.168.188.178> SSH: EXEC ssh -C';
    expect(fills(verbose).get('<target-ip>')).toBeUndefined();
    expect(fills(verbose).get('<node-ip>')).toBe('192.168.188.178');
    const zh =
      'kubespray 安装失败 fatal: [10.0.0.11]: FAILED! => {"msg": "timeout waiting for 10.0.0.12:6443"}';
    expect(fills(zh).get('<target-ip>')).toBe('10.0.0.12');
  });

  it('still takes an address in angle brackets in prose as the target', () => {
    expect(fills('curl <10.0.0.5> times out from the pod').get('<target-ip>')).toBe('10.0.0.5');
  });
});

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' words.
describe('writtenPodsOf', () => {
  // https://github.com/kubernetes/examples/issues/433
  const guestbook =
    'redis slave pods are not able to connect to redis master pod. The redis-master pod was deployed on node-2. `kubectl get pods -o wide`: default redis-master-sgbch 1/1 Running 0 36h 10.36.0.1 node-2; default redis-slave-r7kbk 1/1 Running 0 36h 10.44.0.2 node-1';

  it("finds the pods a workload's name stands for", () => {
    expect(writtenPodsOf(guestbook, 'redis-master')).toEqual(['redis-master-sgbch']);
    expect(
      writtenPodsOf('web 这个 pod 超时；kubectl get po: web-7d4b9c8f6d-x2kqz 1/1 Running', 'web'),
    ).toEqual(['web-7d4b9c8f6d-x2kqz']);
    expect(writtenPodsOf('pod mysql cannot resolve mysql-0 and mysql-1', 'mysql')).toEqual([
      'mysql-0',
      'mysql-1',
    ]);
  });

  it('leaves a name with no pod of it, a longer name and a pod of its own alone', () => {
    expect(writtenPodsOf('cattle-cluster-agent pod CrashLoopBackOff', 'cattle-cluster-agent')).toEqual([]);
    expect(writtenPodsOf('pod redis-master mounts configmap redis-master-config', 'redis-master')).toEqual(
      [],
    );
    expect(writtenPodsOf('web-0 和 web-0-backup 都不通', 'web-0')).toEqual([]);
  });

  it("fills the workload's one written pod, and none of several", () => {
    expect(fills(guestbook).get('<pod>')).toBe('redis-master-sgbch');
    expect(fills('the pod mysql cannot resolve its peers mysql-0 and mysql-1').get('<pod>')).toBeUndefined();
  });
});
