/**
 * The Service type a report declares for the Service it reaches (`kubectl expose --type NodePort`, "using the
 * NodePort type", "通过 NodePort 暴露"): its word counts as much as the headline's, wherever it sits
 * (src/retrieve/declared-service-type.ts). A listing or a working path only mentions a type.
 */
import { describe, expect, it } from 'vitest';
import {
  declaredExternalServiceTypes,
  declaresExternalServiceType,
} from '../../src/retrieve/declared-service-type.js';
import { normalizeText } from '../../src/retrieve/normalize.js';

describe('declaresExternalServiceType', () => {
  it.each([
    'I am trying to publish a Service using the NodePort type and I keep getting refused connections',
    'kubectl expose deploy mynginx --type NodePort --port 80; curl localhost:8080 → connection refused',
    'kubectl expose deployment web --type=LoadBalancer --port 80, the external ip stays pending',
    'I have exposed the pod through a LoadBalancer and nobody outside can reach it',
    "I have expose the Kubernetes pod's service by using the NodePort, mapping port 8081 to host port 30016",
    'I have created a NodePort service nginx-test listening on port 80',
    '我通过 NodePort 暴露了 nginx，集群外访问超时',
    'service 类型为 LoadBalancer，外部访问不通',
    '用 NodePort 方式暴露的服务在 master 上访问不了',
  ])('%s', (text) => {
    expect(declaresExternalServiceType(normalizeText(text))).toBe(true);
  });

  it.each([
    // A pasted listing only names every Service's type.
    'kubectl get svc: web NodePort 10.96.3.4 <none> 80:30080/TCP 2d; pods cannot reach 10.96.3.4',
    // A pasted `kubectl describe service` may show a Service beside the failing one.
    'the ClusterIP service fails to detect upstream pods. kubectl describe service: Type: LoadBalancer, Endpoints: <none>',
    // A list of the ways a Service is reached names no one type.
    'kube-proxy rolling update causes service access failure through NodePort/ServiceIP/ServiceName for 3 seconds',
    // A conflict with a type is no way in.
    'aio helm chart deployment hostPort conflicts with LoadBalancer definition; the pod is pending',
    // "Using" a type is not always the way in.
    'targeting that pod with a networkpolicy breaks the NodePort service; please explain that consequence of using NodePort',
    // Only ClusterIP is stated.
    'pods cannot reach the ClusterIP service 10.96.120.15 from another node',
    'ClusterIP 类型的 service 在 pod 里访问超时',
  ])('%s', (text) => {
    expect(declaresExternalServiceType(normalizeText(text))).toBe(false);
  });
});

describe('declaredExternalServiceTypes', () => {
  it('names each declared type once', () => {
    expect(
      declaredExternalServiceTypes(
        normalizeText('kubectl expose deploy a --type NodePort; kubectl expose deploy b --type=NodePort'),
      ),
    ).toEqual(['nodeport']);
    expect(
      declaredExternalServiceTypes(normalizeText('我通过 LoadBalancer 暴露了服务，外部访问超时')),
    ).toEqual(['loadbalancer']);
    expect(declaredExternalServiceTypes(normalizeText('pods cannot reach the kube-dns service'))).toEqual([]);
  });
});
