import { describe, expect, it } from 'vitest';
import { readsServiceEndpoints, serviceConnectionFails } from '../../src/answer/service-endpoints.js';

describe('serviceConnectionFails', () => {
  it('reads a client error of a connection to a Service by its cluster name (EN and ZH)', () => {
    expect(
      serviceConnectionFails(
        'promtail can not push: Post http://loki:3100/api/prom/push: dial tcp 10.102.196.130:3100: connect: no route to host',
      ),
    ).toBe(true);
    expect(
      serviceConnectionFails(
        'java.net.SocketTimeoutException: connect timed out. failed to req API:nacos.default.svc.cluster.local:8848/nacos/v1/ns/instance/list',
      ),
    ).toBe(true);
    expect(
      serviceConnectionFails(
        "ERROR 2003 (HY000): Can't connect to MySQL server on 'my-sql-mysql.default.svc.cluster.local' (111)",
      ),
    ).toBe(true);
    expect(serviceConnectionFails('pod 里访问 mysql.prod.svc.cluster.local:3306 报 connection refused')).toBe(
      true,
    );
  });

  it('reads nothing from a name that does not resolve, a bare address, the own machine or no error', () => {
    expect(serviceConnectionFails('dial tcp: lookup redis-master on 10.96.0.10:53: no such host')).toBe(
      false,
    );
    expect(serviceConnectionFails('Error: dial tcp 10.96.0.1:443: i/o timeout')).toBe(false);
    expect(serviceConnectionFails('curl http://localhost:8080 connection refused')).toBe(false);
    expect(serviceConnectionFails('跨节点的 pod 之间 ping 不通，同节点正常')).toBe(false);
  });
});

describe('readsServiceEndpoints', () => {
  it('is a listing of the endpoints of the report’s own Service', () => {
    expect(
      readsServiceEndpoints(
        'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o wide',
      ),
    ).toBe(true);
    expect(readsServiceEndpoints('kubectl get endpoints <service-name> -n <namespace>')).toBe(true);
  });

  it('is not the DNS add-on’s endpoints, a describe, or a read of the Service itself', () => {
    expect(
      readsServiceEndpoints(
        'kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns',
      ),
    ).toBe(false);
    expect(
      readsServiceEndpoints(
        'kubectl describe endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>',
      ),
    ).toBe(false);
    expect(readsServiceEndpoints('kubectl get svc <service-name> -n <namespace> -o wide')).toBe(false);
  });
});
