import { describe, expect, it } from 'vitest';
import {
  certificateVerificationExplainedBy,
  uncoveredCertificateVerification,
} from '../../src/answer/certificate-verification.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredCertificateVerification: a certificate a client refuses', () => {
  it.each([
    // Real (reports2.yaml, shortened): an image pull.
    'Failed to pull image x509: certificate signed by unknown authority while creating a deployment using kubectl apply -f. The worker node cannot pull from our registry.',
    // Real (scope.yaml, shortened): the control plane's certificates expired.
    'version 1.7.2 x509: certificate has expired. kubeadm version 1.7.2. apiserver.crt x509: certificate has expired. How to update master and node certificates?',
    // Real (scope.yaml, shortened; Chinese).
    'docker登陆harbor 出现x509：certificate signed by unknown authority。docker的版本18.09，harbor版本v1.10.1，helm部署。',
    // Constructed: a kubelet's serving certificate without IP SANs.
    "metrics-server certificate error: unable to fetch metrics from node node-1: x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs.",
    // Constructed (Chinese): in the reporter's own words.
    '集群证书过期了，kubectl 报证书已过期，怎么续期 apiserver 的证书？',
  ])('%s → declined', (question) => {
    expect(uncoveredCertificateVerification(question, false)).toContain('certificate');
    expect(uncoveredCertificateVerification(question, true)).toBeNull();
  });
  it.each([
    // Real (facts7.yaml, shortened): the Service range the certificate must name.
    'Missing --service-cluster-ip-range flag in kube-apiserver.service causes certificate validation failures. Pods fail to connect to the Kubernetes API: x509: certificate is valid for 127.0.0.1, 10.32.0.1, but not 10.0.0.1.',
    // Real (reports13.yaml, shortened; Chinese): DNS fails, no refused certificate quoted.
    'coredns 报证书问题跟其他issues中的错误不同。现象: 集群内部名称不能解析, 外部域名可以解析。',
    // Constructed: a TLS handshake timing out on a path (MTU).
    'TLS handshake times out through the tunnel with MTU 1280: x509 errors never show, the ClientHello is lost.',
    // Constructed: x509 quoted under a headline about a path.
    'Pods cannot reach the API server from node-2. Logs show x509: certificate signed by unknown authority once, then i/o timeout.',
  ])('%s → not declined', (question) => {
    expect(uncoveredCertificateVerification(question, false)).toBeNull();
  });
  it('is explained by a runbook that quotes a refused certificate', () => {
    expect(certificateVerificationExplainedBy([doc('MTU', ['TLS 握手卡住'])])).toBe(false);
    expect(
      certificateVerificationExplainedBy([doc('证书', ['x509: certificate signed by unknown authority'])]),
    ).toBe(true);
  });
});
