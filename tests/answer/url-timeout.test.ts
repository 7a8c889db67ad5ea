/**
 * A Go HTTP client's timeout on the URL it requested names the connection that failed: the URL's host and port. A
 * server's own answer on the URL (a status code, EOF) names none.
 */
import { describe, expect, it } from 'vitest';
import { failedConnection, failedPath } from '../../src/answer/failed-connection.js';
import { urlTimeouts } from '../../src/answer/url-timeout.js';

describe('urlTimeouts', () => {
  it.each([
    // An ingress controller listing its gateway's upstreams through the admin Service.
    [
      'failed to list upstreams: Get http://apisix-admin:9180/apisix/admin/upstreams: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      ['apisix-admin:9180'],
    ],
    // A pasted fragment that starts after the method; the scheme's port when the URL gives none.
    [
      'Context deadline on my webhook. `https://webhook.cosign-system.svc/mutations?timeout=30s": net/http: request canceled while waiting for connection`',
      ['webhook.cosign-system.svc:443'],
    ],
    // Quoted, its quotes escaped, and a context deadline.
    [
      'error="Post \\"http://loki.monitoring.svc.cluster.local:3100/loki/api/v1/push\\": context deadline exceeded"',
      ['loki.monitoring.svc.cluster.local:3100'],
    ],
    // Chinese report around the same client error.
    [
      'grafana 连接 prometheus 超时：Post "http://prometheus-server.monitoring:9090/api/v1/query": context deadline exceeded',
      ['prometheus-server.monitoring:9090'],
    ],
  ])('%s', (text, targets) => {
    expect(urlTimeouts(text)).toEqual(targets);
  });

  it.each([
    // The server answered: a status code, not a timeout.
    'Get http://apisix-admin:9180/apisix/admin/upstreams: 401 Unauthorized',
    // A connection that ended after it was made.
    'Post "https://minio.storage.svc:9000/bucket": EOF',
    // A timeout with no URL beside it.
    'application refresh context deadline exceeded after 30s',
    // 中文：没有 URL 的超时。
    '请求超时：context deadline exceeded，没有地址',
  ])('none in %s', (text) => {
    expect(urlTimeouts(text)).toEqual([]);
  });
});

describe('failedConnection with a URL timeout', () => {
  it('names the Service the URL goes to', () => {
    const failed = failedConnection(
      'request help: Client.Timeout exceeded while awaiting headers. Get http://apisix-admin:9180/apisix/admin/upstreams: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    );
    expect(failed).toEqual({ kind: 'connect', target: 'apisix-admin:9180' });
    expect(failed && failedPath(failed)).toBe('service');
  });

  it("names no path of the network for the reporter's own machine", () => {
    expect(
      failedConnection(
        'Get "http://localhost:8080/openapi/v2?timeout=32s": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
      ),
    ).toBeNull();
  });

  it('names a kubelet port, which is no Service path', () => {
    const failed = failedConnection(
      'Failed to scrape node err=Get https://node-219:10250/stats/summary?only_cpu_and_memory=true: context deadline exceeded',
    );
    expect(failed).toEqual({ kind: 'connect', target: 'node-219:10250' });
    expect(failed && failedPath(failed)).toBeNull();
  });

  it('reads no ISO timestamp as a host', () => {
    expect(
      failedConnection(
        '[2024-01-10T07:33:29.308378Z ERROR replication] transport error: tcp connect error: Connection refused (os error 111)',
      ),
    ).toBeNull();
  });
});
