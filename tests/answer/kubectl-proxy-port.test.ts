import { describe, expect, it } from 'vitest';
import { kubectlProxyPort } from '../../src/answer/kubectl-proxy-port.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('kubectlProxyPort', () => {
  it('knows kubectl proxy’s local port, English and Chinese', () => {
    expect(
      kubectlProxyPort(
        'kubectl proxy: Starting to serve on 127.0.0.1:8001. http://localhost:8001/ui gives an error',
        8001,
      ),
    ).toBe(true);
    expect(
      kubectlProxyPort(
        '访问 http://localhost:8001/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/ 返回 503',
        8001,
      ),
    ).toBe(true);
  });

  it('does not take an app’s port on the loopback, or the port written elsewhere', () => {
    expect(kubectlProxyPort('inside the pod curl http://localhost:8001/healthz works', 8001)).toBe(false);
    expect(
      kubectlProxyPort('localhost:8001/api works, but the service port 8001 on 10.96.3.4 times out', 8001),
    ).toBe(false);
    expect(kubectlProxyPort('容器内 curl 127.0.0.1:9000/api/health 正常', 9000)).toBe(false);
  });
});

describe('placeholder fills: kubectl proxy’s port', () => {
  it('leaves <port> open for the local proxy port', () => {
    expect(
      fills(
        'kubectl proxy no endpoints for service. http://localhost:8001/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/ returns no endpoints available for service "kubernetes-dashboard"',
      ).get('<port>'),
    ).toBeUndefined();
  });

  it('fills the port the proxied Service fails on', () => {
    expect(
      fills(
        "curl http://localhost:8001/api/v1/proxy/namespaces/kube-system/services/kubernetes-dashboard/ -> Error: 'dial tcp 10.244.89.2:9090: getsockopt: connection timed out'",
      ).get('<port>'),
    ).toBe('9090');
  });
});
