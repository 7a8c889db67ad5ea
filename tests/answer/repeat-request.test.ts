import { describe, expect, it } from 'vitest';
import { repeatsRequest, requestUnanswered } from '../../src/answer/repeat-request.js';

describe('repeatsRequest', () => {
  it('is a curl of an address and port left to fill in, on the node or in a pod', () => {
    expect(repeatsRequest('curl -sv -m 3 http://<pod-ip>:<port>/')).toBe(true);
    expect(
      repeatsRequest('kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:<port>/'),
    ).toBe(true);
  });

  it('is not a read of a component endpoint or another program', () => {
    expect(repeatsRequest('curl -s http://127.0.0.1:10256/healthz')).toBe(false);
    expect(
      repeatsRequest("curl -s http://<pod-ip>:9153/metrics | grep -E 'coredns_dns_responses_total'"),
    ).toBe(false);
    expect(repeatsRequest('ip route get <pod-ip>')).toBe(false);
  });
});

describe('requestUnanswered', () => {
  it('reads a Go client timeout on a URL, English or in a Chinese report', () => {
    expect(
      requestUnanswered(
        'failed calling webhook "webhook.cert-manager.io": Post https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=10s: context deadline exceeded',
      ),
    ).toBe(true);
    expect(
      requestUnanswered(
        '探针失败：Get "http://10.0.52.226:8084/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      ),
    ).toBe(true);
  });

  it('does not read an answered request or a timeout without a URL', () => {
    expect(
      requestUnanswered('Get https://10.96.0.1:443/api: x509: certificate signed by unknown authority'),
    ).toBe(false);
    expect(requestUnanswered('Readiness probe failed: connect: connection refused')).toBe(false);
    expect(requestUnanswered('访问 Service 超时，但 Pod IP 可以访问')).toBe(false);
  });
});
