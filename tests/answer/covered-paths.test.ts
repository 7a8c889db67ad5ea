import { describe, expect, it } from 'vitest';
import { COVERED_PATH, namesCoveredPathOrBreak } from '../../src/answer/covered-paths.js';

describe('covered paths a first sentence names beside an uncovered subject', () => {
  it.each([
    'Pods cannot resolve DNS and the webhook fails too',
    'TLS handshake hangs through the tunnel (MTU 1280)',
    'webhook 的 Service 跨节点不通',
    'pods on node-2 cannot reach the webhook pod',
  ])('%s → a covered path', (headline) => {
    expect(COVERED_PATH.test(headline)).toBe(true);
    expect(namesCoveredPathOrBreak(headline)).toBe(true);
  });
  it.each([
    'Ingress returns 502 after a connection timed out',
    'curl 后端超时，ingress 返回 502',
    'dial tcp 10.0.0.5:443: connect: connection refused',
  ])('%s → a broken connection', (headline) => {
    expect(COVERED_PATH.test(headline)).toBe(false);
    expect(namesCoveredPathOrBreak(headline)).toBe(true);
  });
  it.each([
    '502 Bad Gateway - openresty/1.15.8.2',
    'x509: certificate signed by unknown authority',
    'ingress-nginx 返回 503 Service Temporarily Unavailable',
  ])('%s → neither', (headline) => {
    expect(namesCoveredPathOrBreak(headline)).toBe(false);
  });
});
