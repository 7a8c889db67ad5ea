import { describe, expect, it } from 'vitest';
import { uncoveredWebhookCall, webhookCallExplainedBy } from '../../src/answer/admission-webhook.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredWebhookCall: the API server failing to call a webhook', () => {
  it.each([
    // Real (doubt.yaml, shortened).
    'Documenting "context deadline exceeded" errors relating to the webhook. Also having this issue, with k3s: Error from server (InternalError): error when creating "lstage.yaml": Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post https://cert-manager-webhook.kube-system.svc:443/mutate?timeout=30s: context deadline exceeded.',
    // Real (doubt.yaml, shortened; Chinese).
    'Internal error occurred: failed calling webhook "webhook.cert-manager.io": Post https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=10s: context deadline exceeded。参考您的文章，在make deploy步骤出现如下错误，请问各位大神有碰到过吗。',
    // Real (scope.yaml, shortened): a CRD's conversion webhook.
    'Unable to list AuthConfigs due to conversion webhook error. kubectl get authconfigs returns Error from server: conversion webhook for authorino.kuadrant.io/v1beta1, Kind=AuthConfig failed: 0-length response with status code 200.',
    // Constructed: Chinese, in the reporter's own words.
    '部署 Deployment 时调用 webhook 失败，kyverno 的 webhook 调用超时，Pod 一直建不出来。',
  ])('%s → declined', (question) => {
    expect(uncoveredWebhookCall(question, false)).toContain('webhook');
    expect(uncoveredWebhookCall(question, true)).toBeNull();
  });
  it.each([
    // Real (reports3.yaml, shortened): a ClusterIP path to the webhook's pods, no failed call quoted.
    "Can't access pods by service cluster ip except you access from the node where pod in. k3s v1.17.5: cert-manager-webhook ClusterIP 10.43.247.15:443 in namespace cert-manager; curl -k https://10.43.247.15:443 from the master times out.",
    // Real (scope3.yaml, shortened): the first sentence is about an injector, not a webhook (left to other rules).
    'Sidecar Injector Service Unavailable. No pod deployed through sidecar-injector. Replicaset shows Error creating: Internal error occurred: failed calling admission webhook "sidecar-injector.istio.io".',
    // Constructed: a DNS path named beside the webhook.
    'Pods cannot resolve DNS and the webhook fails too: failed calling webhook "validate.nginx.ingress.kubernetes.io": dial tcp: lookup ingress-nginx-controller-admission.ingress-nginx.svc on 10.96.0.10:53: read udp: i/o timeout.',
    // Constructed (Chinese): the webhook named, no failed call quoted.
    'webhook 的 Service 跨节点不通，只有 Pod 所在节点能访问。',
  ])('%s → not declined', (question) => {
    expect(uncoveredWebhookCall(question, false)).toBeNull();
  });
  it('is explained by a runbook about webhook calls', () => {
    expect(webhookCallExplainedBy([doc('ClusterIP 不通', ['curl ClusterIP 超时'])])).toBe(false);
    expect(webhookCallExplainedBy([doc('API server 调用 webhook 超时')])).toBe(true);
  });
});
