/**
 * Names that stand for a group of objects fill no one object's placeholder (src/answer/group-names.ts,
 * placeholders.ts): a quoted nickname before a plural object word (`we'll call these "toolbox" pods`), and a
 * component's workload name typed where kubectl matches pods by prefix (`kubectl describe pod calico-node`).
 */
import { describe, expect, it } from 'vitest';
import { quotedGroupName, quotedStateWord } from '../../src/answer/group-names.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('a quoted name before a plural object word names a group, not one pod or node', () => {
  it.each([
    'A goldpinger pod gets in crashloopbackoff: readiness probe failed. But I am able to create pods (we\'ll call these "toolbox" pods) in the same network; the toolbox pods can listen on port 8085.',
    'Our "canary" pods cannot resolve kubernetes.default while the rest work fine.',
    '我们的 "toolbox" pods 都能互相访问，但是 goldpinger 的 readiness probe 一直超时。',
  ])('leaves <pod> unfilled: %s', (question) => {
    expect(fills(question).get('<pod>')).toBeUndefined();
  });

  it('leaves <node-name> unfilled for a quoted group of nodes', () => {
    expect(
      fills('Pods on our "edge" nodes cannot reach the ClusterIP 10.96.0.10.').get('<node-name>'),
    ).toBeUndefined();
  });

  it.each([
    ['The "toolbox" pod cannot reach 10.0.0.5 on port 8080.', 'toolbox'],
    ['名为 "web-0" 的 pod 访问 10.96.0.10 超时。', 'web-0'],
    ['"web-0" 的 pod 无法解析域名', 'web-0'],
  ])('still fills one quoted pod: %s', (question, pod) => {
    expect(fills(question).get('<pod>')).toBe(pod);
  });

  it('reads what follows the closing quote', () => {
    const text = 'these "toolbox" pods and the "web-0" pod';
    expect(quotedGroupName(text, text.indexOf('toolbox'), 'toolbox')).toBe(true);
    expect(quotedGroupName(text, text.indexOf('web-0'), 'web-0')).toBe(false);
  });
});

describe('a component typed after `kubectl describe pod` names all its pods, not one', () => {
  it.each([
    'Liveness probe failed: calico/node is not ready: Felix is not live. kubectl describe pod calico-node | grep failed: Warning Unhealthy 50m kubelet, w4r008 Liveness probe failed.',
    'DNS 解析失败，kubectl describe pod coredns -n kube-system 显示 Readiness probe failed: HTTP probe failed with statuscode: 503',
    'kubectl get pod kube-proxy -n kube-system shows nothing useful, Services time out.',
  ])('leaves <pod> unfilled: %s', (question) => {
    expect(fills(question).get('<pod>')).toBeUndefined();
  });

  it.each([
    ['kubectl describe pod web-0 -n prod shows Readiness probe failed: connection refused', 'web-0'],
    ['kubectl describe pod calico-node-x7k2p -n kube-system 显示 Felix is not live', 'calico-node-x7k2p'],
    ['kubectl describe pod busybox 显示 nslookup kubernetes.default 超时', 'busybox'],
  ])('still fills one typed pod: %s', (question, pod) => {
    expect(fills(question).get('<pod>')).toBe(pod);
  });
});

describe('a quoted past participle before the object word is a state, no name', () => {
  it('reads "deactivated", "cordoned", "failed" as states', () => {
    expect(quotedStateWord('deactivated')).toBe(true);
    expect(quotedStateWord('cordoned')).toBe(true);
    expect(quotedStateWord('failed')).toBe(true);
  });
  it('keeps nouns and object-shaped names', () => {
    expect(quotedStateWord('seed')).toBe(false);
    expect(quotedStateWord('toolbox')).toBe(false);
    expect(quotedStateWord('worker-red')).toBe(false);
    expect(quotedStateWord('node1')).toBe(false);
  });
  it('fills no node from it, and still fills a quoted name', () => {
    expect(
      fills('Kubernetes marks pods on "deactivated" node as NodeLost, then traffic stops').get('<node-name>'),
    ).toBeUndefined();
    expect(fills('the "seed" node cannot reach the api server').get('<node-name>')).toBe('seed');
  });
});
