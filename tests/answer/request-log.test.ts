import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { requestLogClient } from '../../src/answer/request-log.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('requestLogClient', () => {
  it('reads the client that starts a common log format line', () => {
    expect(requestLogClient('nginx logs:\n', ' - - [02/Apr/2022:05:36:03 +0000] "GET / HTTP/1.1" 200')).toBe(
      true,
    );
    expect(requestLogClient('portal | ', ' - admin [02/Apr/2022:05:36:03 +0000] "POST /c/login"')).toBe(true);
  });

  it('reads uvicorn’s client and Tornado’s bracketed requester', () => {
    expect(requestLogClient('\nINFO:     ', ':57238 - "GET /api/v2/dags HTTP/1.1" 200 OK')).toBe(true);
    expect(requestLogClient('400 POST /hub/spawn/ablekh (ablekh@', ') 28.32ms')).toBe(true);
    expect(requestLogClient('Uncaught exception GET /hub/user/admin/ (', ')')).toBe(true);
    expect(requestLogClient('503 GET /hub/user/jupyter/tree? (jupyter@::ffff:', ') 36.62ms')).toBe(true);
    expect(requestLogClient('302 GET /hub/ (@', ') 0.80ms')).toBe(true);
    expect(requestLogClient('[pid: 126|app: 0|req: 4/22] ', ' () {36 vars in 428 bytes}')).toBe(true);
  });

  it('leaves addresses the report tries alone', () => {
    expect(requestLogClient('curl ', ':8080 - connection refused')).toBe(false);
    expect(requestLogClient('访问 ', ':6379 超时')).toBe(false);
    // A date in brackets after an address in prose is no access log line.
    expect(requestLogClient('the pod cannot reach ', ' since [02/Apr/2022]')).toBe(false);
    expect(requestLogClient('ping (', ')')).toBe(false);
  });
});

describe('placeholder fills: an access log’s requester is no target', () => {
  it('leaves the target and port open when the only addresses are clients of an access log', () => {
    const en =
      'Harbor push returns 502 Bad Gateway. The nginx pod logs:\n172.18.188.205 - - [02/Apr/2022:05:36:03 +0000] "GET / HTTP/1.1" 200 0 "" "kube-probe/1.23"\n172.20.153.104 - - [02/Apr/2022:05:36:11 +0000] "GET / HTTP/1.1" 200 0 "" "Go-http-client/1.1"';
    expect(fills(en).get('<target-ip>')).toBeUndefined();
    const zh =
      'Airflow 页面打不开任务日志，api-server 日志如下：\nINFO:     192.168.97.1:57238 - "GET /api/v2/dags/x/dagRuns HTTP/1.1" 200 OK\nConnectionRefusedError: [Errno 111] Connection refused';
    expect(fills(zh).get('<target-ip>')).toBeUndefined();
    expect(fills(zh).get('<port>')).toBeUndefined();
  });

  it('still fills the address the report tries beside an access log', () => {
    const en =
      'JupyterHub cannot reach the user pod: curl 10.244.2.7:8888 times out.\n[W 2019-08-22 04:11:09.193 JupyterHub log:158] 400 POST /hub/spawn/ablekh (ablekh@10.244.1.1) 28.32ms';
    expect(fills(en).get('<target-ip>')).toBe('10.244.2.7');
    expect(fills(en).get('<port>')).toBe('8888');
    const zh =
      'Pod 访问 10.96.5.5:8080 超时，nginx 日志：10.244.1.3 - - [02/Apr/2022:05:36:03 +0000] "GET / HTTP/1.1" 504';
    expect(fills(zh).get('<target-ip>')).toBe('10.96.5.5');
  });
});
