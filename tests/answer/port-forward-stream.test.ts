import { describe, expect, it } from 'vitest';
import { portForwardExplainedBy, uncoveredPortForward } from '../../src/answer/port-forward-stream.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredPortForward: kubectl port-forward breaking in its own stream', () => {
  it.each([
    // Real (kubernetes/kubernetes#74551, shortened).
    'kubectl port-forward broken pipe. After 30-60s I get E0225 15:20:06.212139 portforward.go:363] error copying from remote stream to local connection: write: broken pipe',
    // Real (kubernetes/client-go#624, shortened).
    'port-forward error copying data. Sometimes we get portforward.go:385] error copying from local connection to remote stream: read tcp4 127.0.0.1:3306->127.0.0.1:59041',
    // Real (kubernetes/kubernetes#78446, shortened).
    "kubectl port-forward doesn't properly recover from interrupted connection errors. It logs error creating forwarding stream for port 8000 -> 8000: Timeout occured",
    // Real (rancher/rancher#14391, shortened).
    'kubectl port-forward fails with "lost connection to pod" after a few requests',
    // Constructed: Chinese, the kubelet's helper missing.
    'kubectl 端口转发报错：unable to do port forwarding: socat not found',
  ])('%s → declined', (question) => {
    expect(uncoveredPortForward(question, false)).toBe('kubectl port-forward');
    expect(uncoveredPortForward(question, true)).toBeNull();
  });
  it.each([
    // Constructed: port-forward pasted to show the pod answers; the Service is the subject.
    'NodePort 30080 times out but port-forward works: Forwarding from 127.0.0.1:8080 -> 80, Handling connection for 8080',
    // Constructed: a port-forward error quoted under a headline about DNS.
    'Pods cannot resolve kubernetes.default. Earlier kubectl port-forward also said lost connection to pod.',
    // Constructed: Kube-OVN's DNAT "port forward" rule, no kubectl error.
    'vpc-nat-gw port forward rule does not work: curl eip:8080 times out',
    // Constructed: Chinese, 端口转发 of a router, no kubectl error.
    '路由器端口转发到 NodePort 30080 不通',
  ])('%s → not declined', (question) => {
    expect(uncoveredPortForward(question, false)).toBeNull();
  });
  it("is explained by a runbook whose row names port-forward's errors", () => {
    expect(portForwardExplainedBy([doc('ClusterIP', ['Service 不通'])])).toBe(false);
    expect(portForwardExplainedBy([doc('kubectl', ['lost connection to pod'])])).toBe(true);
  });
});
