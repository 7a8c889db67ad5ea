import { describe, expect, it } from 'vitest';
import { notStarted } from '../../src/answer/not-started-pod.js';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';

/** The command as filled from the question. */
function filled(command: string, question: string): string {
  return fillCommand(command, placeholderValues(extractEntities(question))).command;
}

const EXEC_MTU = 'kubectl exec -n <namespace> <pod> -- cat /sys/class/net/eth0/mtu';
const DESCRIBE = 'kubectl describe pod <pod> -n <namespace>';

describe('a pod status whose containers never started', () => {
  it.each([
    'ContainerCreating',
    'Pending',
    'Init:0/1',
    'PodInitializing',
    'ImagePullBackOff',
    'ErrImagePull',
  ])('is not started: %s', (status) => {
    expect(notStarted(status)).toBe(true);
  });

  it.each(['Running', 'CrashLoopBackOff', 'Completed', 'Error', 'Terminating'])(
    'is no such status: %s',
    (status) => {
      expect(notStarted(status)).toBe(false);
    },
  );
});

describe('a check run inside a pod the report shows never started', () => {
  it('leaves the pod and its system namespace open; describe still takes them', () => {
    // Real (reports22.yaml, flannel#1245): CNI pods stuck, coredns never created.
    const question =
      'Stuck at kube-flannel-ds Init:0/1 and kube-proxy containercreating. When I run kubectl get pods -o wide -n kube-system I get: coredns-757f4547d9-g6hd8 0/1 ContainerCreating on k8s-master; kube-flannel-ds-amd64-8qlg9 0/1 Init:0/1 on k8s-master (172.18.3.9); kube-flannel-ds-amd64-4kxqv and kube-flannel-ds-amd64-vtbbm 1/1 Running on k8s-node-01 (172.18.3.15) and k8s-node-02 (172.18.3.16).';
    expect(filled(EXEC_MTU, question)).toBe(EXEC_MTU);
    expect(filled(DESCRIBE, question)).not.toContain('<pod>');
  });

  it('does so in Chinese reports too', () => {
    // Constructed: a pasted `kubectl get pods` row in Chinese prose.
    const question =
      'pod 一直起不来：kubectl get pods 输出 web-7d9f8b6c5d-x2x4z 0/1 ContainerCreating 0 5m，describe 看到 failed to set up sandbox';
    expect(filled('kubectl exec <pod> -- ip addr', question)).toBe('kubectl exec <pod> -- ip addr');
    expect(filled('kubectl describe pod <pod>', question)).toBe('kubectl describe pod web-7d9f8b6c5d-x2x4z');
  });

  it.each([
    // Constructed: a running pod and a crash-looping one are exec'd into as before.
    ['pod web-7d9f8b6c5d-x2x4z 1/1 Running 0 5m cannot reach 10.96.0.1', 'web-7d9f8b6c5d-x2x4z'],
    [
      'coredns-5c98db65d4-qx4mq 0/1 CrashLoopBackOff 7 12m，pod 内解析不了 kubernetes.default',
      'coredns-5c98db65d4-qx4mq',
    ],
  ])('still fills a pod that started: %s', (question, pod) => {
    expect(filled('kubectl exec <pod> -- ip addr', question)).toBe(`kubectl exec ${pod} -- ip addr`);
  });
});
