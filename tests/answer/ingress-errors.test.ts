import { describe, expect, it } from 'vitest';
import { ingressErrorExplainedBy, uncoveredIngressError } from '../../src/answer/ingress-errors.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredIngressError: an ingress controller's own 502/503", () => {
  it.each([
    // Real (kubernetes-retired/contrib#2363, shortened).
    'Nginx Ingress Controller throwing 502. I keep seeing 502 errors when i hit certain pages: upstream prematurely closed connection while reading response header from upstream.',
    // Real (scope2.yaml, shortened).
    '502 Bad Gateway Error. Getting the 502 bad gateway error when browsing the URL path http://myapp.example.com/web, however the root / works fine. nginx/1.17.9',
    // Real (scope5.yaml, shortened).
    "nginx-ingress: occasional 503 Service Temporarily Unavailable. I'm experiencing often 503 responses from nginx-ingress-controller.",
    // Constructed: Chinese.
    '通过 ingress 访问服务偶尔返回 503，直接访问服务正常',
  ])('%s → declined', (question) => {
    expect(uncoveredIngressError(question, false)).toContain('ingress');
    expect(uncoveredIngressError(question, true)).toBeNull();
  });
  it.each([
    // Real (fills4.yaml, shortened): a 504, the path behind the controller.
    'Gateway Timeout 504 after 5-10 requests. NGINX Ingress controller 1.0.0, Kubernetes 1.21.4, 2 worker nodes on one VXLAN.',
    // Real (logs.yaml, shortened): a NodePort's 502, no ingress.
    '宿主机休眠后恢复，访问 NodePort 暴露的服务时，直接报 502 Bad Gateway。',
    // Constructed: the backend pod refuses the controller.
    'Ingress returns 502. The nginx log shows connect() failed (111: Connection refused) while connecting to upstream 10.244.1.5:8080.',
    // Real (nginx/kubernetes-ingress#1199, shortened): kube-proxy's health check of a Local Service.
    'Health check endpoints /healthz are constantly Unhealthy in AWS NLB target groups - 503 HTTP error. The ingress controller runs on one node.',
  ])('%s → not declined', (question) => {
    expect(uncoveredIngressError(question, false)).toBeNull();
  });
  it("is explained by a runbook whose row names an ingress's 502", () => {
    expect(ingressErrorExplainedBy([doc('NodePort', ['NodePort 返回 502'])])).toBe(false);
    expect(ingressErrorExplainedBy([doc('Ingress', ['ingress-nginx 返回 502 Bad Gateway'])])).toBe(true);
  });
});
