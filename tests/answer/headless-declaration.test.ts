import { describe, expect, it } from 'vitest';
import { withoutHeadlessDeclarations } from '../../src/answer/headless-declaration.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('withoutHeadlessDeclarations', () => {
  it('blanks a headless Service’s row cells and spec field, English and Chinese', () => {
    expect(
      withoutHeadlessDeclarations('event-store-svc   ClusterIP   None   <none>   27017/TCP'),
    ).not.toMatch(/ClusterIP/i);
    expect(withoutHeadlessDeclarations('spec: clusterIP: None, ports: 6379')).not.toMatch(/clusterIP/i);
    expect(withoutHeadlessDeclarations('spec.clusterIP: "None"')).not.toMatch(/clusterIP/i);
    expect(withoutHeadlessDeclarations('这个服务的 clusterIP 设置为 None')).not.toMatch(/clusterIP/i);
  });

  it('keeps a ClusterIP that has an address, and the word in prose', () => {
    expect(withoutHeadlessDeclarations('redis ClusterIP 10.96.12.4 <none> 6379/TCP')).toContain('ClusterIP');
    expect(withoutHeadlessDeclarations('curl to the ClusterIP times out, none of the pods answer')).toContain(
      'ClusterIP',
    );
    expect(withoutHeadlessDeclarations('通过 ClusterIP 访问超时')).toContain('ClusterIP');
  });
});

describe('placeholder fills: the address dialled behind a headless Service', () => {
  it('leaves <cluster-ip> open: a headless Service has none, the address is a pod’s', () => {
    const listed = fills(
      'Cannot connect to ReplicaSet from within the cluster. Service event-store-svc ClusterIP None <none> 27017/TCP 51m. ' +
        'My app connects to mongodb://event-store-svc.mongodb.svc.cluster.local:27017 and gets MongoServerSelectionError: ' +
        'connect ECONNREFUSED 10.1.87.44:27017',
    );
    expect(listed.get('<cluster-ip>')).toBeUndefined();
    expect(listed.get('<target-ip>')).toBe('10.1.87.44');
    const spec = fills(
      'redis 用的是 headless service（clusterIP: None），应用连接 redis-0.redis:6379 报 dial tcp 10.244.2.17:6379: connect: connection refused',
    );
    expect(spec.get('<cluster-ip>')).toBeUndefined();
    expect(spec.get('<target-ip>')).toBe('10.244.2.17');
  });

  it('still reads the one address of a report about a Service’s ClusterIP', () => {
    expect(
      fills('curl to the ClusterIP times out: dial tcp 10.96.45.3:8080: i/o timeout, pods are Running').get(
        '<cluster-ip>',
      ),
    ).toBe('10.96.45.3');
    expect(fills('访问 service 的 cluster ip 超时：curl 10.96.45.3:8080 没有响应').get('<cluster-ip>')).toBe(
      '10.96.45.3',
    );
  });
});
