import { describe, expect, it } from 'vitest';
import { headlineStreamFails } from '../../src/answer/stream-failure.js';

describe('headlineStreamFails: kubectl logs/exec itself failing', () => {
  it.each([
    // Real fr8r/fr8r-ansible#117.
    'kubectl exec is not working',
    // Real kubernetes/kubernetes#58076.
    'kubectl exec commands are all timing out',
    // Real kubernetes-retired/kubernetes-anywhere#337.
    'can not execute command in a container using kubectl exec',
    // Real projectcalico/calico#3765.
    "kubectl can get/describe pods, but kubectl logs and exec don't work",
    // Real (fills6.yaml).
    'coredns部署后无法进入pod',
    // Real unixhot/salt-kubebin#8.
    'kubectl logs podname 没有日志输出',
    // Constructed: Chinese, the command errors.
    'kubectl exec 进容器一直报错',
  ])('%s → the stream fails', (headline) => {
    expect(headlineStreamFails(headline)).toBe(true);
  });
  it.each([
    // Constructed: a probe through the stream is about the probe's path.
    'kubectl exec into busybox and curl the nginx Service times out',
    // Constructed: Chinese, ping through the stream.
    '进入 pod 后 ping 不通外网',
    // Constructed: the application's log shows the failure, not the command.
    'kubectl logs shows the app failed to connect to redis-master:6379',
    // Real kubernetes/kubernetes#120545: a connection from inside a pod, no stream named.
    "'Connection Timed Out' error when executing inside running pod",
    // Constructed: Chinese, the log names the path.
    'kubectl logs 看到 dial tcp 10.96.0.10:53: i/o timeout',
  ])('%s → not the stream', (headline) => {
    expect(headlineStreamFails(headline)).toBe(false);
  });
});
