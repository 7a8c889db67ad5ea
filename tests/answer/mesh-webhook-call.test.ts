/**
 * A service mesh named only as the owner of a webhook the API server failed to reach at the network is a node
 * reaching a pod; the mesh's own traffic and a call failing above the network are not (src/answer/mesh-webhook-call.ts).
 */
import { describe, expect, it } from 'vitest';
import { meshOnlyOwnsFailedCall } from '../../src/answer/mesh-webhook-call.js';

describe('meshOnlyOwnsFailedCall', () => {
  it.each([
    'Sidecar injection stopped working after the node pool upgrade. Error creating: Internal error occurred: failed calling webhook "sidecar-injector.istio.io": Post https://istiod.istio-system.svc:443/inject?timeout=30s: context deadline exceeded',
    'Linkerd control plane pods are not created: failed calling webhook "linkerd-proxy-injector.linkerd.io": Post "https://linkerd-proxy-injector.linkerd.svc:443/?timeout=10s": dial tcp 10.96.57.101:443: i/o timeout',
    '开启 istio 注入后 Deployment 起不来，事件里是 failed calling webhook "namespace.sidecar-injector.istio.io": dial tcp 10.96.3.4:443: connect: connection refused',
    'kubectl apply 一个 VirtualService 报错：调用 webhook 超时（validation.istio.io）',
  ])('%s', (text) => {
    expect(meshOnlyOwnsFailedCall(text)).toBe(true);
  });

  it.each([
    // The mesh's own datapath.
    'Istio sidecar returns 503 upstream connect error or disconnect/reset before headers between two services',
    'envoy 代理后服务之间调用超时，istio-proxy 日志里 upstream_reset_before_response_started',
    // The call failed above the network: the certificate, the webhook's own answer.
    'failed calling webhook "sidecar-injector.istio.io": Post https://istiod.istio-system.svc:443/inject: x509: certificate signed by unknown authority',
    '调用 webhook 失败（sidecar-injector.istio.io），报错证书过期 x509',
    // A webhook's timeout setting only.
    'How do I raise the timeoutSeconds of the istio sidecar injector webhook (?timeout=10s) in the helm chart?',
  ])('%s', (text) => {
    expect(meshOnlyOwnsFailedCall(text)).toBe(false);
  });
});
