/**
 * When the API server on a control-plane node fails to call a webhook's or an aggregated API's pod, a probe of the
 * pod's IP run on the node repeats its call and one run inside a pod does not (src/answer/caller-node-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { apiServerCallerFails, callerCheckOf } from '../../src/answer/caller-node-check.js';

describe('callerCheckOf', () => {
  it.each([
    ['curl -sv -m 3 http://<pod-ip>:<port>/', 'node'],
    ['kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:443/', 'pod'],
    ['kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:443/', 'pod'],
    ['curl -s http://127.0.0.1:10256/healthz', null],
    ['ip route get <pod-ip>', null],
    ['kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o wide', null],
  ])('%s', (command, kind) => {
    expect(callerCheckOf(command)).toBe(kind);
  });
});

describe('apiServerCallerFails', () => {
  it('reads the API server failing to call a webhook or an aggregated API at the network', () => {
    expect(
      apiServerCallerFails(
        'Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": dial tcp 10.152.183.134:443: connect: connection refused',
      ),
    ).toBe(true);
    expect(apiServerCallerFails('metrics-server 的 APIService 报 FailedDiscoveryCheck：i/o timeout')).toBe(
      true,
    );
  });

  it('does not read a pod calling a Service, nor a webhook rejected by its certificate', () => {
    expect(
      apiServerCallerFails('从 pod 里 curl 服务的 ClusterIP 10.96.0.20:80 超时，直接访问 pod ip 正常'),
    ).toBe(false);
    expect(
      apiServerCallerFails(
        'failed calling webhook "mjuno.kb.io": Post https://k8sbot-webhook-service.k8sbot-system.svc:443/mutate?timeout=30s: x509: certificate signed by unknown authority',
      ),
    ).toBe(false);
  });
});
