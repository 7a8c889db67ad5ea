/**
 * A report's failing sentence names a path by its two ends ("the pod cannot be accessed from the host", "Pod to
 * service connectivity lost"): that path's runbooks answer a report the whole of which retrieval is unsure of. A
 * sentence naming no two ends the runbooks follow, or opening as the consequence of a cause stated elsewhere, does not.
 */
import { describe, expect, it } from 'vitest';
import { opensWithConsequence, statedPath } from '../../src/answer/stated-path.js';
import { answersUnderThreshold } from './fixture-index.js';

describe('statedPath', () => {
  it.each([
    // Real (kubernetes-sigs/kind report): the host cannot reach a pod.
    ['However, the pod cannot be accessed from the host.', 'nodeToPod'],
    // Real (canonical/microk8s report, headline): pods lost their Services.
    ['Pod to service connectivity lost after upgrade to microk8s snap version 1.18.8', 'service'],
    // Real (projectcalico report, body): pods on two nodes.
    [
      'Current Behavior: All traffic between pods across nodes is dropped (with the exception of ICMP).',
      'crossNode',
    ],
    // Real (cilium report headline): pods and pods, no node named.
    ['Pod to pod intermittent connection issues with ipam:eni and IPsec enabled', 'podToPod'],
    ['Readiness probe timed out on pods of one node only', 'nodeToPod'],
    ['DNS resolution from pods does not work', 'dns'],
    ['Slow connect via NodePort from outside the cluster', 'serviceExternal'],
    ["Can't reach internet from pod / container", 'external'],
    // Chinese.
    ['升级之后 pod 跨节点 ping 不通', 'crossNode'],
    ['容器无法访问外网', 'external'],
    ['宿主机上访问不了 pod', 'nodeToPod'],
    ['pod 访问 service 的 ClusterIP 不通', 'service'],
  ])('reads the path of %s', (sentence, expected) => {
    expect(statedPath(sentence)).toBe(expected);
  });

  it.each([
    // No pod and no Service: a machine outside Kubernetes (real cBio/cbio-cluster report).
    'Network unreachable from node02',
    // An application's own name is not a Service (real seata report): no ends of a path left.
    'io.seata.common.exception.FrameworkException: can not connect to services-server.',
    // A pod and a registry mirror: no end the runbooks follow.
    'The runner pod cannot connect to the registry mirror.',
    // Chinese: the job scheduler, not a path.
    '执行器连接不上调度中心',
  ])('reads no path in %s', (sentence) => {
    expect(statedPath(sentence)).toBeNull();
  });
});

describe('opensWithConsequence', () => {
  it.each([
    // Real (aws report): the ENI lost its address, the pods' failure follows.
    'Due to this pods associated to the ens which does not have IP cannot connect to the api running outside the cluster.',
    'As a result the pods cannot reach each other.',
    '因此 pod 无法访问外网。',
  ])('reads a consequence in %s', (sentence) => {
    expect(opensWithConsequence(sentence)).toBe(true);
  });

  it.each([
    'However, the pod cannot be accessed from the host.',
    'Thusfar the pods cannot reach each other.',
    '新加的节点上的 pod 无法访问其他节点上的 pod。',
  ])('reads none in %s', (sentence) => {
    expect(opensWithConsequence(sentence)).toBe(false);
  });
});

const answer = answersUnderThreshold();

describe('a report under the threshold whose failing sentence names the two ends of a path', () => {
  it('is answered from its own runbook of that path (the host cannot reach a pod)', async () => {
    const report =
      "can't visit pod. After I created the cluster through kind, I deployed an nginx pod. However, the pod cannot be accessed from the host. kind v0.11.1 go1.16.4 linux/amd64.";
    expect(await answer(report)).toEqual({ abstained: false, first: 'node-to-pod/host-to-pod-generic.md' });
  });

  it('still abstains when that sentence is the consequence of a cause the report states', async () => {
    const report =
      'Missing ENS IP causing to failed pods and no network connectivity. One of the worker nodes has no ip on one of its enis. Due to this pods associated to the ens cannot connect to the api running outside the cluster. When I manually set the ip the pods started working.';
    expect((await answer(report)).abstained).toBe(true);
  });

  it('still abstains when the runbook of that path is about a CNI the report does not name', async () => {
    const report =
      'ChecksumOffloadBroken autodetection does not detect all cases. Expected: pod-to-pod communication across nodes works. Current Behavior: All traffic between pods across nodes is dropped (with the exception of ICMP). VMware recommends to change the VXLAN port.';
    expect((await answer(report)).abstained).toBe(true);
  });
});
