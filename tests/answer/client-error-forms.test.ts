/**
 * Client libraries' forms of a failed connection that put the host away from the socket's words: the name that did
 * not resolve or the host that was not reached, and what failedConnection / failedPath make of it. A server that
 * answered, the reporter's own machine, or an error naming no host give none.
 */
import { describe, expect, it } from 'vitest';
import { clientErrorForms } from '../../src/answer/client-error-forms.js';
import { failedConnection, failedPath, pastesConnectError } from '../../src/answer/failed-connection.js';

describe('clientErrorForms', () => {
  it.each([
    // Python requests / urllib3: the pool's host and port, then the socket's errno.
    [
      "requests.exceptions.ConnectionError: HTTPConnectionPool(host='api-svc', port=8000): Max retries exceeded with url: /health (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
      { kind: 'connect', host: 'api-svc', port: '8000' },
    ],
    [
      "HTTPConnectionPool(host='polyaxon-api', port=80): Max retries exceeded with url: /api/v1/ (Caused by NewConnectionError('<...>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution',))",
      { kind: 'resolve', host: 'polyaxon-api', port: null },
    ],
    // libpq's older form: the host after the socket's words.
    [
      'psql: could not connect to server: Connection refused\n\tIs the server running on host "postgres" (10.96.7.7) and accepting\n\tTCP/IP connections on port 5432?',
      { kind: 'connect', host: 'postgres', port: '5432' },
    ],
    // busybox wget, both forms.
    [
      "wget: can't connect to remote host (10.98.157.122): Connection timed out",
      { kind: 'connect', host: '10.98.157.122', port: null },
    ],
    ["wget: unable to resolve host address 'web-svc'", { kind: 'resolve', host: 'web-svc', port: null }],
    // StackExchange.Redis.
    [
      'RedisConnectionException: It was not possible to connect to the redis server(s). UnableToConnect on redis-svc:6379/Interactive',
      { kind: 'connect', host: 'redis-svc', port: '6379' },
    ],
    // A Go lookup whose query to the DNS Service got no answer: the name, not the DNS server's address.
    [
      'dial tcp: lookup my-harbor-redis on 10.96.0.10:53: read udp 10.244.1.125:38276->10.96.0.10:53: i/o timeout',
      { kind: 'resolve', host: 'my-harbor-redis', port: null },
    ],
    // .NET's resolver words before the host:port in brackets.
    [
      'System.Net.Http.HttpRequestException: Name or service not known (api-svc:80)',
      { kind: 'resolve', host: 'api-svc', port: null },
    ],
  ])('%s', (text, expected) => {
    expect(clientErrorForms(text)[0]).toEqual(expected);
  });

  it.each([
    // A server that answered: no form of a failed connection.
    "HTTPConnectionPool(host='api-svc', port=8000): Read timed out. (read timeout=10)",
    'psql: FATAL: password authentication failed for user "app"',
    // No host in the error.
    'SQLSTATE[HY000] [2002] Connection refused',
    '连接超时，请检查网络',
  ])('none in %s', (text) => {
    expect(clientErrorForms(text)).toEqual([]);
  });
});

describe('failedConnection reads the forms', () => {
  it.each([
    [
      "pod in kubernetes: HTTPConnectionPool(host='api.default.svc.cluster.local', port=80): Max retries exceeded with url: / (Caused by NewConnectionError('<...>: Failed to establish a new connection: [Errno -2] Name or service not known'))",
      'resolve',
      'api.default.svc.cluster.local',
      'resolve',
    ],
    [
      'Pod 里 psql 报错：could not connect to server: Connection timed out Is the server running on host "pg-svc" (10.96.3.3) and accepting TCP/IP connections on port 5432?',
      'connect',
      'pg-svc:5432',
      'service',
    ],
    [
      'grafana 启动失败：dial tcp: lookup grafana.monitoring.svc on 10.96.0.10:53: read udp 10.244.1.3:45678->10.96.0.10:53: i/o timeout',
      'resolve',
      'grafana.monitoring.svc',
      'resolve',
    ],
    [
      'SocketError: Failed to open TCP connection to api-svc:3000 (getaddrinfo: Name or service not known)',
      'resolve',
      'api-svc',
      'resolve',
    ],
  ])('%s', (text, kind, target, path) => {
    const failed = failedConnection(text);
    expect(failed).toEqual({ kind, target });
    expect(failed && failedPath(failed)).toBe(path);
  });

  it.each([
    // The reporter's own machine names no path of the network.
    "HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /api/v1/pods (Caused by NewConnectionError('<...>: Failed to establish a new connection: [Errno 111] Connection refused'))",
    'connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused',
  ])('none for %s', (text) => {
    expect(failedConnection(text)).toBeNull();
  });
});

describe('pastesConnectError', () => {
  it.each([
    'Or this error message. `Connection to node 1003 could not be established. Broker may not be available.`',
    'Error: connect ECONNREFUSED 10.96.5.5:6379',
    'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure',
    'Pod 中访问 redis 连接被拒绝',
  ])('%s', (text) => {
    expect(pastesConnectError(text)).toBe(true);
  });

  it.each([
    // A server that refused the client's credentials: the connection was made.
    "Connection refused by server: Access denied for user 'root'@'10.244.0.10' (using password: YES)",
    'Readiness probe failed: 172.30.120.224:5432 - rejecting connections',
    '应用启动很慢，日志里没有报错',
  ])('not %s', (text) => {
    expect(pastesConnectError(text)).toBe(false);
  });
});
