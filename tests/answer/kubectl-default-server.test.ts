import { describe, expect, it } from 'vitest';
import { kubectlDefaultServer } from '../../src/answer/kubectl-default-server.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('kubectlDefaultServer', () => {
  it('reads kubectl’s fallback server when it has no kubeconfig', () => {
    const en =
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
    expect(kubectlDefaultServer(en, 8080)).toBe(true);
    const zh =
      'kubectl get pods 报错：couldn\'t get current server API group list: Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused';
    expect(kubectlDefaultServer(zh, 8080)).toBe(true);
  });

  it('leaves an application’s 8080 alone', () => {
    expect(kubectlDefaultServer('curl localhost:8080 inside the pod is refused', 8080)).toBe(false);
    const kubelet =
      'kubelet: Failed to update status for pod "_()": Get http://127.0.0.1:8080/api/v1/namespaces/kube-system/pods/kube-apiserver-172.17.4.99: dial tcp 127.0.0.1:8080: connection refused';
    expect(kubectlDefaultServer(kubelet, 8080)).toBe(false);
    expect(kubectlDefaultServer('The connection to the server 127.0.0.1:6443 was refused', 6443)).toBe(false);
    const both =
      'The connection to the server localhost:8080 was refused. 另外 pod 里 curl 10.96.3.3:8080 超时';
    expect(kubectlDefaultServer(both, 8080)).toBe(false);
  });
});

describe('placeholder fills: kubectl’s fallback server port is no port to check', () => {
  it('leaves the port open', () => {
    expect(
      fills(
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
      ).get('<port>'),
    ).toBeUndefined();
    const zh =
      'kubectl get pods 报错：E0203 12:18:37.125802   21129 memcache.go:265] couldn\'t get current server API group list: Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused';
    expect(fills(zh).get('<port>')).toBeUndefined();
  });

  it('still fills a port the report tries', () => {
    const en =
      'The connection to the server localhost:8080 was refused. Also curl 10.96.3.3:8080 from pod web-1 times out';
    expect(fills(en).get('<port>')).toBe('8080');
  });
});
