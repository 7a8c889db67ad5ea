/**
 * A report saying a Service answers on its address but not on its name: the DNS runbooks lead among its hits. Not
 * when it says the name resolves, nor for a pod on the host's network, nor for an address that fails by itself.
 */
import { describe, expect, it } from 'vitest';
import { nameNotAddressFirst, statesNameNotAddress } from '../../src/answer/name-not-address.js';
import type { FusedHit, RetrievalResult } from '../../src/retrieve/types.js';

const hit = (path: string, category: string) => ({ doc: { path, category } }) as unknown as FusedHit;
const result = (...hits: FusedHit[]) =>
  ({ hits, abstain: false, confidence: 0.8 }) as unknown as RetrievalResult;
const paths = (led: RetrievalResult | null) => led?.hits.map((h) => h.doc.path);

describe('statesNameNotAddress', () => {
  it.each([
    'Cluster Service name is not responding. Trying to run the curl command with the cluster service name from another pod, is not responding but using the cluster IP (Private IP) it is working.',
    'The ClusterIP provided by redis service can normally connect to the redis service in k8s. If the redis service name cannot connect to the redis service in k8s, why is this',
    'After creating a service, from within cluster I can access it by its IP, but requests by the service name fail.',
    '请问不能用服务名访问服务怎么办？使用 ip 可以，使用服务名称不行',
    '通过 service 名称访问不通，但是通过 clusterIP 可以',
    // "Name resolution isn't working" says the lookup fails, not that it works.
    "Name resolution isn't working. After creating a service, from within cluster I can access it by its VIP, but not its name.",
    'DNS is not working: the service IP answers fine with curl, but by service name the request fails.',
  ])('reads the name failing where the address works: %s', (question) => {
    expect(statesNameNotAddress(question)).toBe(true);
  });

  it.each([
    'The service name resolves to 10.96.0.12 but connecting to it times out; using the pod IP works.',
    'I can reach the pod IP but the ClusterIP times out.',
    'Cluster IP works from the node but not from pods.',
    'A pod with hostNetwork: true cannot reach the service name, the cluster IP works.',
    'nslookup works and returns the ClusterIP, but curl by service name cannot connect.',
    'Service 名称解析正常，但访问 ClusterIP 不通',
    '通过 pod ip 可以访问成功，但是通过 service 的 IP 或者名称无法访问',
    'Can not access Service IP or Service name, but can access Pod IP',
  ])('leaves other reports alone: %s', (question) => {
    expect(statesNameNotAddress(question)).toBe(false);
  });
});

describe('nameNotAddressFirst', () => {
  const question = 'curl with the service name is not responding but using the cluster IP it is working';
  it('puts the DNS runbooks first, keeping their order', () => {
    const led = nameNotAddressFirst(
      question,
      result(
        hit('service/clusterip-troubleshooting.md', 'service_clusterip'),
        hit('dns/headless-service.md', 'dns'),
        hit('dns/coredns.md', 'dns'),
      ),
      'dns',
    );
    expect(paths(led)).toEqual([
      'dns/headless-service.md',
      'dns/coredns.md',
      'service/clusterip-troubleshooting.md',
    ]);
  });

  it('moves nothing when DNS already leads or is not among the hits', () => {
    expect(nameNotAddressFirst(question, result(hit('dns/coredns.md', 'dns')), 'dns')).toBeNull();
    expect(
      nameNotAddressFirst(
        question,
        result(hit('service/clusterip-troubleshooting.md', 'service_clusterip')),
        'dns',
      ),
    ).toBeNull();
  });
});
