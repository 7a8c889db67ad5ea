import { describe, expect, it } from 'vitest';
import { uncoveredWebhookCall } from '../../src/answer/admission-webhook.js';

describe('uncoveredWebhookCall: the API server failing to call a webhook above the network', () => {
  it.each([
    // Real (scope.yaml, shortened): a CRD's conversion webhook returning a bad response.
    'Unable to list AuthConfigs due to conversion webhook error. kubectl get authconfigs returns Error from server: conversion webhook for authorino.kuadrant.io/v1beta1, Kind=AuthConfig failed: 0-length response with status code 200.',
    // Real (kyverno/kyverno#3300, shortened): the webhook's certificate is refused.
    'Webhook server: x509: certificate signed by unknown authority. Internal error occurred: failed calling webhook "validate.kyverno.svc-fail": Post "https://kyverno-svc.kyverno.svc:443/validate?timeout=10s": x509: certificate signed by unknown authority.',
    // Constructed: a timeout quoted beside a certificate error still fails above the network.
    'Webhook broken after cert rotation: failed calling webhook "webhook.cert-manager.io": x509: certificate has expired; earlier tries ended in context deadline exceeded.',
    // Constructed (Chinese): the webhook call fails with a certificate error.
    'webhook 证书过期：调用 webhook 失败，x509: certificate has expired or is not yet valid。',
  ])('%s → declined', (question) => {
    expect(uncoveredWebhookCall(question)).toContain('webhook');
  });
  it.each([
    // Real (doubt.yaml, shortened): the call times out, a control-plane node not reaching the webhook pod.
    'Documenting "context deadline exceeded" errors relating to the webhook. Also having this issue, with k3s: Error from server (InternalError): error when creating "lstage.yaml": Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post https://cert-manager-webhook.kube-system.svc:443/mutate?timeout=30s: context deadline exceeded.',
    // Real (cert-manager/cert-manager#4453, shortened): refused at the network.
    'failed calling webhook. Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post "https://cert-manager-webhook.cert-manager.svc:443/mutate?timeout=10s": dial tcp 10.152.183.134:443: connect: connection refused.',
    // Constructed: the webhook's Service has no endpoints, a path the Service runbooks follow.
    'Webhook down after upgrade: Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": no endpoints available for service "ingress-nginx-controller-admission".',
    // Constructed (Chinese): the webhook call times out.
    '部署 Deployment 时调用 webhook 失败，kyverno 的 webhook 调用超时，Pod 一直建不出来。',
    // Real (reports3.yaml, shortened): a ClusterIP path to the webhook's pods, no failed call quoted.
    "Can't access pods by service cluster ip except you access from the node where pod in. k3s v1.17.5: cert-manager-webhook ClusterIP 10.43.247.15:443 in namespace cert-manager; curl -k https://10.43.247.15:443 from the master times out.",
    // Real (scope3.yaml, shortened): the first sentence is about an injector, not a webhook (left to other rules).
    'Sidecar Injector Service Unavailable. No pod deployed through sidecar-injector. Replicaset shows Error creating: Internal error occurred: failed calling admission webhook "sidecar-injector.istio.io".',
    // Constructed: a DNS path named beside the webhook.
    'Pods cannot resolve DNS and the webhook fails too: failed calling webhook "validate.nginx.ingress.kubernetes.io": x509: certificate signed by unknown authority.',
    // Constructed (Chinese): the webhook named, no failed call quoted.
    'webhook 的 Service 跨节点不通，只有 Pod 所在节点能访问。',
  ])('%s → not declined', (question) => {
    expect(uncoveredWebhookCall(question)).toBeNull();
  });
});
