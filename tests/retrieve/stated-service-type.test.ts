/**
 * A report whose headline (or a short question's failing part) states a NodePort / LoadBalancer Service and names no
 * CNI: the external-access runbook scores more, so a bare "service cannot be reached" (the ClusterIP runbook's
 * trigger) no longer puts the ClusterIP runbook first (src/retrieve/stated-service-type.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/retrieve/normalize.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import {
  cnisServingTypes,
  namedCniServesTypes,
  statedServiceTypeFactor,
  statesExternalServiceType,
} from '../../src/retrieve/stated-service-type.js';
import { bundledSearchers } from './bundled-kb.js';

// A stand-in glossary: the three Service-type groups and ClusterIP's.
const GROUPS: Array<[RegExp, string]> = [
  [/nodeport|node port|节点端口/, 'gNodePort'],
  [/loadbalancer|load balancer|负载均衡器/, 'gLb'],
  [/externaltrafficpolicy|external traffic policy/, 'gEtp'],
  [/clusterip|cluster ip|service ip/, 'gClusterIp'],
];
const groupsOf = (text: string) => GROUPS.filter(([re]) => re.test(text)).map(([, group]) => group);
const typeGroups = new Set(['gNodePort', 'gLb', 'gEtp']);
const categoryOfDoc = (docPath: string) =>
  docPath.includes('nodeport') ? 'service_external' : (docPath.split('/')[0] ?? null);

describe('statesExternalServiceType', () => {
  it.each([
    'nodeport service not reachable from outside the cluster',
    'service类型从clusterip改为nodeport后无法访问',
    'loadbalancer 类型的 service 从集群外访问不了',
    'with externaltrafficpolicy: local the app times out on two of three nodes',
    'curl 192.168.1.20:31080 hangs from my laptop',
  ])('%s', (text) => {
    expect(statesExternalServiceType(normalizeText(text), groupsOf, typeGroups)).toBe(true);
  });

  it.each([
    'service cannot be reached from a pod via its cluster ip',
    'curl 10.96.12.7:80 拒绝连接，service 访问不了',
    // A ClientIP port of a log, above the NodePort range.
    'connection reset from 10.42.0.93:51864',
  ])('not: %s', (text) => {
    expect(statesExternalServiceType(normalizeText(text), groupsOf, typeGroups)).toBe(false);
  });
});

describe('statedServiceTypeFactor', () => {
  const base = {
    text: '',
    groupsOf,
    typeGroups,
    namesCni: false,
    categoryOfDoc,
    factor: 1.3,
  };

  it('lifts the external-access runbook when the headline states the type', () => {
    const factor = statedServiceTypeFactor({
      ...base,
      headline: 'cannot access nodeport service from a node not running the pod',
      focus: 'cannot access nodeport service from a node not running the pod. kubectl get svc ...',
    });
    expect(factor?.('service/nodeport-loadbalancer.md')).toBe(1.3);
    expect(factor?.('service/clusterip-troubleshooting.md')).toBe(1);
  });

  it('reads only the headline of a long report, where a body lists Services of every type', () => {
    expect(
      statedServiceTypeFactor({
        ...base,
        headline: 'unable to access kubernetes services: no route to host',
        focus:
          'unable to access kubernetes services: no route to host. kubectl get svc: web nodeport 10.0.0.5',
        text: 'unable to access kubernetes services: no route to host. kubectl get svc: web nodeport 10.0.0.5',
      }),
    ).toBeNull();
  });

  it('also reads a body sentence in which the reporter exposes a Service of that type (exposed-type.ts)', () => {
    const headline = 'kubernetes: pods ip connection refused';
    const text = `${headline}. i created a nodeport service and exposed the port 30036. when i curl the pod's ip, i got connection refused.`;
    const factor = statedServiceTypeFactor({ ...base, headline, focus: headline, text });
    expect(factor?.('service/nodeport-loadbalancer.md')).toBe(1.3);
  });

  it('leaves a report naming a CNI alone, and a neutral factor', () => {
    const headline = 'overlay 模式下 loadbalancer 类型 service 获取不到源 ip';
    expect(statedServiceTypeFactor({ ...base, headline, focus: headline, namesCni: true })).toBeNull();
    expect(statedServiceTypeFactor({ ...base, headline, focus: headline, factor: 1 })).toBeNull();
  });

  it('reads the failing part of a short question, not its working clause', () => {
    expect(statedServiceTypeFactor({ ...base, headline: null, focus: 'clusterip 访问超时' })).toBeNull();
    expect(
      statedServiceTypeFactor({ ...base, headline: null, focus: 'nodeport 访问超时' })?.(
        'service/nodeport-loadbalancer.md',
      ),
    ).toBe(1.3);
  });
});

describe('namedCniServesTypes / cnisServingTypes', () => {
  const docs = [
    { path: 'calico/bgp-ipip.md', text: 'calico 跨节点：bgp、ipip 与 vxlan，calicoctl node status' },
    {
      path: 'cilium/ebpf-datapath.md',
      text: 'kube-proxy replacement 下 nodeport 与 loadbalancer 由 bpf 处理',
    },
    { path: 'service/nodeport-loadbalancer.md', text: 'nodeport 与 loadbalancer service' },
  ];
  const cniOfDoc = (docPath: string) =>
    docPath.startsWith('calico/') ? 'calico' : docPath.startsWith('cilium/') ? 'cilium' : null;
  const serving = cnisServingTypes(docs, cniOfDoc, groupsOf, typeGroups);

  it('finds the CNIs whose runbooks explain NodePort / LoadBalancer Services, not a generic runbook', () => {
    expect([...serving]).toEqual(['cilium']);
  });

  it('lets a report naming a CNI without such a runbook lift the external-access runbook', () => {
    expect(namedCniServesTypes(['calico'], (cni) => serving.has(cni))).toBe(false);
    expect(namedCniServesTypes(['flannel'], (cni) => serving.has(cni))).toBe(false);
  });

  it('keeps it alone for a CNI whose runbook explains them, or a CNI known but not by name', () => {
    expect(namedCniServesTypes(['cilium'], (cni) => serving.has(cni))).toBe(true);
    expect(namedCniServesTypes(['calico', 'cilium'], (cni) => serving.has(cni))).toBe(true);
    expect(namedCniServesTypes([], (cni) => serving.has(cni))).toBe(true);
  });
});

describe('a report that states a NodePort Service', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    // The failing-destination demotion (failing-destination.ts) and the other-path CNI demotion (other-path-cni.ts)
    // move the same reports: neutral without all three.
    ({ searcher, neutral } = bundledSearchers({
      statedServiceType: 1,
      failingDestination: { lift: 1, demote: 1 },
      otherPathCni: 1,
    }));
  });

  it.each([
    'Service unreachable on the NodePort from outside. The pod service answers on its pod IP 10.244.1.7:8080, the svc maps 8080 to 30016 but requests from my laptop time out.',
    '通过 NodePort 访问 service 超时。pod 的服务在 pod IP 10.244.1.7:8080 上正常，svc 端口 8080 映射到 30016，从外部访问超时。',
  ])('cites the NodePort runbook first where the ClusterIP runbook came first: %s', async (report) => {
    const before = await neutral.search(report);
    expect(before.hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
    const { hits } = await searcher.search(report);
    expect(hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
  });

  it('still cites the ClusterIP runbook for a ClusterIP failure whose body mentions a NodePort', async () => {
    const { hits } = await searcher.search(
      'Pods cannot reach a service by its ClusterIP. Connection to 10.96.40.2:80 is refused from every pod; the same app also has a NodePort service for the ingress, set up last week.',
    );
    expect(hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
  });

  it('still cites the ClusterIP runbook when NodePort works and the ClusterIP fails', async () => {
    const { hits } = await searcher.search(
      '安装完节点后测试 nginx，curl clusterip 不通，curl nodeport 可以通，curl pod ip 也可以通。',
    );
    expect(hits[0]?.doc.path).toBe('service/clusterip-troubleshooting.md');
  });

  it.each([
    'nodeport cannot be accessed from other nodes, calico 3.24 cluster with 3 nodes; only the node with the pod answers on 30080.',
    '其中一个节点的 nodeport 不能访问。集群网络插件是 calico，calico node status 看 BGP peer 都是 Established；只有在 pod 所在节点上 curl 节点IP:30080 才通。',
  ])(
    'cites the NodePort runbook first in a report naming Calico (no NodePort runbook of its own): %s',
    async (report) => {
      // Every word searched as written: "calico 3.24 cluster" is environment wording, whose name alone no longer
      // lifts Calico's runbook (environment-cni.ts); this test is about the stated Service type.
      const options = { cni: 'calico', keepEnvironment: true };
      const before = await neutral.search(report, options);
      expect(before.hits[0]?.doc.path).toBe('calico/bgp-ipip.md');
      const { hits } = await searcher.search(report, options);
      expect(hits[0]?.doc.path).toBe('service/nodeport-loadbalancer.md');
    },
  );

  it('leaves a report naming Cilium, whose runbook explains its own NodePort datapath, as it was', async () => {
    const report =
      'NodePort service not reachable from outside with cilium kube-proxy replacement. curl 192.168.1.11:30080 times out; cilium-dbg service list shows the frontend.';
    const before = await neutral.search(report, { cni: 'cilium' });
    const { hits } = await searcher.search(report, { cni: 'cilium' });
    expect(hits[0]?.doc.path).toBe(before.hits[0]?.doc.path);
    expect(hits[0]?.doc.path).toBe('cilium/ebpf-datapath.md');
  });
});
