import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { serviceNameOnly } from '../../src/answer/service-not-pod.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: a bare Service name is no pod name', () => {
  it('fills a Service name the report also calls a pod as the Service, not the pod', () => {
    const en =
      'service shop-api on port 8000; pod shop-api cannot curl its own service IP, other pods can (hairpin?)';
    expect(fills(en).get('<pod>')).toBeUndefined();
    expect(fills(en).get('<service-name>')).toBe('shop-api');
    const zh = 'svc foo 对应的 pod foo 都是 Running，但是从别的 pod 里 curl foo 超时';
    expect(fills(zh).get('<pod>')).toBeUndefined();
    expect(fills(zh).get('<service-name>')).toBe('foo');
    const called =
      'I have a service called backend and a pod backend; from the frontend pod curl backend:8080 is refused';
    expect(fills(called).get('<pod>')).toBeUndefined();
    expect(fills(called).get('<service-name>')).toBe('backend');
  });

  it('still fills a generated pod name, or one the report runs kubectl exec in', () => {
    const generated =
      'svc web 没有 endpoints，kubectl describe svc web 显示 Endpoints: <none>，pod web-6d4cf56db6-2xk9v Running';
    expect(fills(generated).get('<pod>')).toBe('web-6d4cf56db6-2xk9v');
    expect(fills(generated).get('<service-name>')).toBe('web');
    const exec =
      'kubectl get svc nginx-svc; kubectl exec nginx-svc -- curl localhost works but the ClusterIP times out';
    expect(fills(exec).get('<pod>')).toBe('nginx-svc');
    const podOnly = 'pod shop-api cannot reach the kube-dns service, nslookup times out';
    expect(fills(podOnly).get('<pod>')).toBe('shop-api');
  });

  it('decides by the Service names, exec’d pods and the generated shape', () => {
    const services = new Set(['web']);
    expect(serviceNameOnly('web', services, new Set(), false)).toBe(true);
    expect(serviceNameOnly('web', services, new Set(['web']), false)).toBe(false);
    expect(serviceNameOnly('web', services, new Set(), true)).toBe(false);
    expect(serviceNameOnly('db', services, new Set(), false)).toBe(false);
  });
});
