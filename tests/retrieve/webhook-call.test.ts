/**
 * The API server failing to call a webhook or an aggregated API at the network is its own reach into the
 * extension's pod; a call failing above the network (a certificate, the webhook's own error) or a webhook that is
 * not the API server's is not read (src/retrieve/webhook-call.ts).
 */
import { describe, expect, it } from 'vitest';
import { extensionCallFails } from '../../src/retrieve/webhook-call.js';

describe('extensionCallFails', () => {
  it.each([
    'Error from server (InternalError): Internal error occurred: failed calling webhook "webhook.triggers.tekton.dev": Post "https://tekton-triggers-webhook.tekton-pipelines.svc:443/defaulting?timeout=10s": dial tcp 10.96.131.37:443: connect: connection refused',
    'failed calling webhook "webhook.cert-manager.io": failed to call webhook: Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": dial tcp 10.97.217.56:443: connect: connection timed out',
    'v1beta1.custom.metrics.k8s.io failed with: failing or missing response from https://10.97.179.122:443/apis/custom.metrics.k8s.io/v1beta1: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    'kubectl get apiservice 显示 v1beta1.metrics.k8s.io False (FailedDiscoveryCheck)，日志里是 context deadline exceeded',
    '创建 Ingress 时调用 webhook 失败：ingress-nginx-controller-admission 连接超时',
    'Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": dial tcp 10.152.183.134:443: connect: connection refused',
    'metrics-server 的 APIService 报 FailedDiscoveryCheck：i/o timeout',
    'Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": no endpoints available for service "ingress-nginx-controller-admission"',
    // The socket's own words for an unreachable network, and an older client's "Unable to connect".
    'Internal error occurred: failed calling admission webhook "gatekeeper.sh": Post https://gatekeeper-webhook-service.gatekeeper-system.svc:443/v1/admit: dial tcp 10.0.0.101:443: connect: network unreachable',
    'failed calling admission webhook "webhook.openkruise.io": Post https://kruise-webhook-service.kruise-system.svc:443/mutate?timeout=30s: Unable to connect',
  ])('%s', (text) => {
    expect(extensionCallFails(text)).toBe(true);
  });

  it.each([
    // Above the network: the certificate, the webhook's own answer.
    'Internal error occurred: failed calling webhook "validate.kyverno.svc-fail": Post "https://kyverno-svc.kyverno.svc:443/validate?timeout=10s": x509: certificate signed by unknown authority',
    'failed calling webhook "vault.hashicorp.com": the server responded with the status code 500',
    '调用 webhook 失败，报错证书过期 x509',
    // Not the API server's call, or no failure at the network.
    'Webhook call failed. Error: DEADLINE_EXCEEDED while working with the Dialogflow C# library',
    'The Mattermost GitLab plugin returns context deadline exceeded for the webhook add command',
    'pod A cannot reach service B: curl http://10.96.5.5:80 times out',
    '从 pod 里 curl 服务的 ClusterIP 10.96.0.20:80 超时，直接访问 pod ip 正常',
    'failed calling webhook "mjuno.kb.io": Post https://k8sbot-webhook-service.k8sbot-system.svc:443/mutate?timeout=30s: x509: certificate signed by unknown authority',
    'Post "https://hooks.slack.com/services/x": dial tcp 3.1.2.3:443: i/o timeout from alertmanager',
  ])('%s', (text) => {
    expect(extensionCallFails(text)).toBe(false);
  });
});
