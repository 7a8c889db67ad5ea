import { describe, expect, it } from 'vitest';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { serviceDnsNamespaces, splitNamespaces } from '../../src/answer/split-namespaces.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('split namespaces: a client’s namespace and a Service’s', () => {
  it('leaves <namespace> open when the client and the Service are in different namespaces', () => {
    const written =
      'My frontend pod in namespace web cannot reach the postgres service in namespace db: psql: could not translate host name "postgres.db" to address.';
    expect(fills(written).get('<namespace>')).toBeUndefined();
    const dns =
      'The app in namespace shop fails to connect to redis-master.cache.svc.cluster.local:6379 with connection refused.';
    expect(fills(dns).get('<namespace>')).toBeUndefined();
    expect(fills(dns).get('<port>')).toBe('6379');
    const zh =
      'dev 命名空间的应用访问 mysql.db.svc.cluster.local:3306 一直超时，同一个命名空间里的服务都正常。';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('still fills a check of the Service with the namespace written for it', () => {
    const values = placeholderValues(
      extractEntities(
        'Pods in namespace web time out calling service orders in namespace shop, kubectl get svc orders -n shop shows a ClusterIP.',
      ),
    );
    expect(values.get('<namespace>')).toBeUndefined();
    expect(fillCommand('kubectl get endpoints <service-name> -n <namespace>', values).command).toBe(
      'kubectl get endpoints orders -n shop',
    );
    expect(fillCommand('kubectl get pods -n <namespace> --show-labels', values).command).toBe(
      'kubectl get pods -n <namespace> --show-labels',
    );
  });

  it('keeps one namespace, and a named pod’s namespace beside another', () => {
    expect(
      fills('In namespace test: Service nginx with port 80 is not reachable from busybox.').get(
        '<namespace>',
      ),
    ).toBe('test');
    expect(
      fills('kubectl exec -n dev client-0 -- curl redis.prod.svc.cluster.local:6379 times out').get(
        '<namespace>',
      ),
    ).toBe('dev');
    expect(fills('prod 命名空间里的 pod 访问不了 svc payment，连接超时。').get('<namespace>')).toBe('prod');
  });

  it('reads one Service written in two namespaces as a contrast, not two ends', () => {
    const chart =
      "Helm chart servicenames need to include k8s namespace. ping wandering-butterfly-cp-kafka.default.svc.cluster.local: unknown host. BUT: PING wandering-butterfly-cp-kafka.egeria.svc.cluster.local works. here we deployed to the namespace 'egeria'";
    expect(serviceDnsNamespaces(chart)).toEqual([]);
    expect(fills(chart).get('<namespace>')).toBe('egeria');
  });

  it('does not count a namespace label’s value or the cluster’s own Services', () => {
    expect(
      splitNamespaces(
        'frontend 命名空间中的 Pod 只允许来自 env=prod 命名空间的流量',
        ['frontend', 'prod'],
        false,
      ),
    ).toBe(false);
    expect(
      serviceDnsNamespaces('nslookup kubernetes.default.svc.cluster.local fails in namespace web'),
    ).toEqual([]);
    expect(
      splitNamespaces(
        'pod in namespace web: nslookup kubernetes.default.svc.cluster.local times out',
        ['web'],
        false,
      ),
    ).toBe(false);
  });
});
