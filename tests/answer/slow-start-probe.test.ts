import { describe, expect, it } from 'vitest';
import { uncoveredSlowStartProbe } from '../../src/answer/slow-start-probe.js';

describe('uncoveredSlowStartProbe: a probe giving up on an application that starts slowly', () => {
  it.each([
    // Real treeverse/charts#143 (shortened): startup time and the probe's threshold.
    'Liveness and Readiness probe fail to quickly. When installing the lakefs Chart the lakefs pod seems to take more than 30 seconds to startup. Because of the configured liveness probes (default period of 10s with failureTreshold of 3), the container is terminated before it can finish the startup.',
    // Real kubernetes/kubernetes#27114 (shortened): a long boot time and an initial delay.
    'LivenessProbe should start after ReadinessProbe Succeeded. We are testing with our system that has a long boot time, between 1-3 minutes. We specify initial delay of liveness probe to be 30 seconds, and the pod is killed by the liveness probe.',
    // Real SREGym/SREGym#61: the probe's own timeout is a setting, not a connection timing out.
    'Liveness Probe Too Aggressive. Fault: Liveness probe kills the pod before it fully starts up. initialDelaySeconds: 5 timeoutSeconds: 1. Fix: Increase delay or probe timeout.',
    // Real garden-io/garden#601 (shortened).
    'fix: increase init delay for liveness probe. For services that take a long time to start up, the liveness probe fails and the container is restarted. We should make initialDelaySeconds configurable.',
    // Constructed: Chinese.
    '应用启动很慢，大概要两分钟，liveness 探针的 initialDelaySeconds 只有 30 秒，容器一直被重启。',
  ])('%s → declined', (question) => {
    expect(uncoveredSlowStartProbe(question)).toContain('starts slowly');
  });
  it.each([
    // Real tigera/operator#1601 (shortened): the component starts too quickly, before kube-proxy's rules exist.
    'Pod Calico-node crashing as liveness probe fails. We would like to add an `initialDelaySeconds` to the liveness probe. The calico-node starts too quickly and kube-proxy has not set the iptables fully.',
    // Constructed from kubelet events: the probe times out on its way to the pod.
    'The app takes 40 seconds to start, so we raised initialDelaySeconds to 60, but the readiness probe still fails: Get "http://10.244.1.140:3000/": context deadline exceeded (Client.Timeout exceeded while awaiting headers).',
    // Constructed: a refused connection to the pod's address.
    'Startup is slow (about a minute) and failureThreshold is 3; Readiness probe failed: dial tcp 10.42.0.7:8080: connect: connection refused on every node but one.',
    // Constructed: probe timing named, but no slow start said.
    'Readiness probe fails only on pods scheduled on node-2; initialDelaySeconds is 10 and periodSeconds is 5.',
    // Constructed: Chinese, the probe times out.
    '应用启动慢，已经把 initialDelaySeconds 调到 120，但就绪探针还是超时，节点到 Pod 不通。',
  ])('%s → left to the runbooks', (question) => {
    expect(uncoveredSlowStartProbe(question)).toBeNull();
  });
});
