import { describe, expect, it } from 'vitest';
import { externalDnsExplainedBy, uncoveredExternalDns } from '../../src/answer/external-dns.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredExternalDns: ExternalDNS's records in a provider", () => {
  it.each([
    // Constructed.
    'external-dns does not create records in Route53. external-dns logs: level=info msg="All records are already up to date" but the A record for app.example.com is never created for my ingress.',
    // Constructed: the controller's credentials.
    'ExternalDNS fails with 403 from Cloudflare API: the TXT ownership records are never written.',
    // Constructed (Chinese).
    'ExternalDNS 不创建 DNS 记录。部署了 external-dns 对接阿里云 DNS，Ingress 的域名一直没有解析记录。',
  ])('%s → declined', (question) => {
    expect(uncoveredExternalDns(question, false)).toContain('ExternalDNS');
    expect(uncoveredExternalDns(question, true)).toBeNull();
  });
  it.each([
    // Real (reports2.yaml, shortened): names outside the cluster, no controller.
    "Problem with resolving hostnames - timeout to external DNS. From a busybox pod nslookup kubernetes.default says can't resolve 'kubernetes.default'.",
    // Real (reports9.yaml, shortened).
    'Random failed DNS lookup issues with internal and external DNS. Inside a pod: nameserver 10.43.0.10.',
    // Constructed: pods resolving the names the controller wrote.
    'Pods cannot resolve app.example.com that external-dns created in Route53; nslookup from the node works.',
    // Constructed (Chinese): pods resolving.
    'Pod 里解析 external-dns 写入的域名超时，coredns 日志有 i/o timeout。',
  ])('%s → not declined', (question) => {
    expect(uncoveredExternalDns(question, false)).toBeNull();
  });
  it('is explained by a runbook about ExternalDNS', () => {
    expect(externalDnsExplainedBy([doc('CoreDNS', ['外部域名解析超时'])])).toBe(false);
    expect(externalDnsExplainedBy([doc('ExternalDNS 记录不同步')])).toBe(true);
  });
});
