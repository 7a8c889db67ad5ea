/**
 * A report pasting a resolver's error on a name fails at the lookup: the DNS runbooks among its hits lead. Not a pod
 * on the host's network, nor a report whose error is not a lookup's.
 */
import { describe, expect, it } from 'vitest';
import { lookupFirst } from '../../src/answer/lookup-first.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

const HEADLESS = 'dns/headless-service.md';
const hit = (path: string, category: string) => ({ doc: { path, category } }) as unknown as FusedHit;
const result = (...hits: FusedHit[]) =>
  ({ hits, abstain: false, confidence: 0.8 }) as unknown as RetrievalResult;
const serviceFirst = result(
  hit('service/clusterip-troubleshooting.md', 'service_clusterip'),
  hit('dns/coredns.md', 'dns'),
);
const paths = (led: RetrievalResult | null) => led?.hits.map((h) => h.doc.path);

describe('lookupFirst', () => {
  it.each([
    'psql: error: could not translate host name "hippo-primary.postgres-operator.svc" to address: Name or service not known',
    'Replicate request to nifinode-6cc66886c7-qmfpj:8080 failed: java.net.UnknownHostException: nifinode-6cc66886c7-qmfpj',
    'worker 日志：Error -3 connecting to netbox-redis-master:6379. Try again.',
  ])('leads with the DNS runbooks: %s', (question) => {
    expect(paths(lookupFirst(question, serviceFirst, 'dns', HEADLESS))).toEqual([
      'dns/coredns.md',
      'service/clusterip-troubleshooting.md',
    ]);
  });

  it('leaves a refused connection, a hostNetwork pod and a DNS-led answer as they are', () => {
    expect(
      lookupFirst('dial tcp 10.0.0.9:6379: connect: connection refused', serviceFirst, 'dns', HEADLESS),
    ).toBeNull();
    expect(
      lookupFirst(
        'DaemonSet with hostNetwork: true gets `lookup etcd: no such host`',
        serviceFirst,
        'dns',
        HEADLESS,
      ),
    ).toBeNull();
    const dnsFirst = result(hit('dns/coredns.md', 'dns'));
    expect(
      lookupFirst('java.net.UnknownHostException: kafka-0.kafka-headless', dnsFirst, 'dns', HEADLESS),
    ).toBeNull();
  });

  it.each([
    'spark worker: java.net.UnknownHostException: spark-master-0: Name or service not known',
    'kafka-1.kafka-headless: Name or service not known',
    'Replicate request to nifinode-6cc66886c7-qmfpj:8080 failed: java.net.UnknownHostException: nifinode-6cc66886c7-qmfpj',
    'zookeeper 日志报 zk-2.zk-hs.default.svc.cluster.local 无法解析',
  ])('leads with the headless Service runbook for a pod own name: %s', (question) => {
    const coreDnsFirst = result(
      hit('dns/coredns.md', 'dns'),
      hit('service/clusterip-troubleshooting.md', 'service_clusterip'),
      hit(HEADLESS, 'dns'),
    );
    expect(paths(lookupFirst(question, coreDnsFirst, 'dns', HEADLESS))).toEqual([
      HEADLESS,
      'dns/coredns.md',
      'service/clusterip-troubleshooting.md',
    ]);
  });

  it('keeps CoreDNS first for a Service name or a node name', () => {
    const coreDnsFirst = result(hit('dns/coredns.md', 'dns'), hit(HEADLESS, 'dns'));
    expect(
      lookupFirst(
        'dial tcp: lookup redis-master on 10.96.0.10:53: no such host',
        coreDnsFirst,
        'dns',
        HEADLESS,
      ),
    ).toBeNull();
    expect(
      lookupFirst('kubelet: lookup k8s-node-2 on 10.0.0.2:53: no such host', coreDnsFirst, 'dns', HEADLESS),
    ).toBeNull();
    expect(
      lookupFirst('nacos 报错 mysql.default.svc.cluster.local 无法解析', coreDnsFirst, 'dns', HEADLESS),
    ).toBeNull();
  });

  describe("the API server's Service name failing", () => {
    const headlessFirst = result(hit(HEADLESS, 'dns'), hit('dns/coredns.md', 'dns'), hit('x/y.md', 'other'));
    const erlang =
      '[error] Failed to lock with peer discovery backend rabbit_peer_discovery_k8s: "{failed_connect,[{to_address,{\\"kubernetes.default\\",443}},\\n {inet,[inet],nxdomain}]}" [info] Will try to lock connecting to nodes [\'rabbit@mq-0.mq-headless.default.svc.cluster.local\']';

    it('leads with the cluster DNS runbook over the headless one', () => {
      expect(paths(lookupFirst(erlang, headlessFirst, 'dns', HEADLESS, 'dns/coredns.md'))).toEqual([
        'dns/coredns.md',
        HEADLESS,
        'x/y.md',
      ]);
      expect(
        paths(
          lookupFirst(
            'java.net.UnknownHostException: kubernetes.default.svc: 未知的名称或服务',
            headlessFirst,
            'dns',
            HEADLESS,
            'dns/coredns.md',
          ),
        ),
      ).toEqual(['dns/coredns.md', HEADLESS, 'x/y.md']);
    });

    it("leaves a headless Service's own name, and another Service's, to the headless runbook", () => {
      expect(
        lookupFirst(
          'lookup nacos-hs on 10.43.0.10:53: no such host',
          headlessFirst,
          'dns',
          HEADLESS,
          'dns/coredns.md',
        ),
      ).toBeNull();
      expect(
        lookupFirst(
          'java.net.UnknownHostException: es-discovery',
          headlessFirst,
          'dns',
          HEADLESS,
          'dns/coredns.md',
        ),
      ).toBeNull();
    });
  });
});
