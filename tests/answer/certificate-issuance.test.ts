import { describe, expect, it } from 'vitest';
import {
  certificateIssuanceExplainedBy,
  uncoveredCertificateIssuance,
} from '../../src/answer/certificate-issuance.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredCertificateIssuance: a certificate issued through ACME', () => {
  it.each([
    // Real (cert-manager/cert-manager#7544, shortened).
    'Self test of domain without acme ingress ready. Cert manager creates a temporary ingress for the acme challenge but hits it before it is ready and gets 404 instead of 200. ingress-nginx, metallb.',
    // Real (cert-manager/cert-manager#2033, shortened).
    "Certificate status is stuck in FALSE state. I just setup cert-manager with letsencrypt clusterissuer; the challenges are stuck in PENDING: Waiting for http-01 challenge propagation: wrong status code '404'",
    // Real (cert-manager/cert-manager#4075, shortened).
    'Renew certificate keeps in pending state. We changed the ingress controller from Nginx to Kong and changed the class in the ClusterIssuer.',
    // Constructed: Chinese.
    'cert-manager 签发证书一直 pending，letsencrypt 的 http-01 challenge 访问返回 404',
  ])('%s → declined', (question) => {
    expect(uncoveredCertificateIssuance(question, false)).toContain('ACME');
    expect(uncoveredCertificateIssuance(question, true)).toBeNull();
  });
  it.each([
    // Real (reports3.yaml, shortened): a ClusterIP path whose backend is cert-manager's webhook.
    "Can't access pods by service cluster ip except you access from the node where pod in. cert-manager-webhook ClusterIP 10.43.247.15:443",
    // Constructed: an x509 error on a webhook's Service names no ACME issuance.
    'failed calling webhook: Post https://webhook.default.svc:443/mutate: x509: certificate signed by unknown authority',
    // Constructed: a headline about a path, letsencrypt only named in the body.
    'Pods cannot reach the ClusterIP of my ingress controller after the upgrade; we use letsencrypt for TLS',
    // Constructed: Chinese, TLS through a tunnel.
    'vxlan 隧道下 https 请求卡住，TLS 握手超时',
  ])('%s → answered', (question) => {
    expect(uncoveredCertificateIssuance(question, false)).toBeNull();
  });
  it('is explained by a runbook whose topics state ACME issuance', () => {
    expect(
      certificateIssuanceExplainedBy([doc('cert-manager ACME 签发排查', ['http-01 challenge pending'])]),
    ).toBe(true);
    expect(certificateIssuanceExplainedBy([doc('CoreDNS 排查')])).toBe(false);
  });
});
