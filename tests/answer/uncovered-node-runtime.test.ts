import { describe, expect, it } from 'vitest';
import { nodeRuntimeExplainedBy, uncoveredNodeRuntime } from '../../src/answer/uncovered-node-runtime.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});
const none = () => false;

describe("uncoveredNodeRuntime: the node runtime's PLEG and sandbox image", () => {
  it.each([
    // Real (kubernetes/kubernetes#94829, shortened): a timeout in the headline is the runtime's.
    'pleg unhealthy due to inspect one pod status from docker daemon timeout. The PLEG relist takes 4min, so the node is NotReady.',
    // Real (kubernetes/kubernetes#77728).
    'PLEG is not healthy: pleg was last seen active 3m3.928932625s ago; threshold is 3m0s',
    // Real (kubernetes/kubernetes#90326, shortened): the pull fails on a DNS lookup of the node.
    'K8s initialisation pulls 2 different pause container. failed to get sandbox image "k8s.gcr.io/pause:3.1": dial tcp: lookup k8s.gcr.io on [::1]:53: connect: cannot assign requested address',
    // Real (sealerio/sealer#1485).
    'failed to pull image k8s.gcr.io/pause:3.7. containerd running but with error',
    // Constructed: Chinese.
    '拉取 pause 镜像失败，pod 一直 ContainerCreating',
  ])('%s → declined', (question) => {
    expect(uncoveredNodeRuntime(question, none)).not.toBeNull();
    expect(uncoveredNodeRuntime(question, () => true)).toBeNull();
  });
  it.each([
    // Constructed: PLEG named only in the body of a DNS report.
    'Pods on node-3 cannot resolve kubernetes.default. The kubelet also logs PLEG is not healthy now and then.',
    // Constructed: a pod paused, no image.
    'After I paused the rollout the pods cannot reach the Service',
    // Constructed: Chinese, a path.
    'pod 跨节点 ping 不通，pause 容器是正常运行的',
  ])('%s → not declined', (question) => {
    expect(uncoveredNodeRuntime(question, none)).toBeNull();
  });
  it('is explained by a runbook whose row states the subject', () => {
    const explained = nodeRuntimeExplainedBy([doc('kubelet', ['节点 NotReady，PLEG is not healthy'])]);
    expect(explained("the kubelet's PLEG health (PLEG is not healthy)")).toBe(true);
    expect(explained('pulling the sandbox (pause) image')).toBe(false);
  });
});
