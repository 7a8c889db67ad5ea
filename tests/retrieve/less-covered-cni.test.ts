import { beforeAll, describe, expect, it } from 'vitest';
import { lessCoveredCniFactor } from '../../src/retrieve/less-covered-cni.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

const cniOfDoc = (docPath: string) => (docPath.startsWith('kube-ovn/') ? 'kube-ovn' : null);
const coverage = (shares: Record<string, number>) => (docPath: string) => shares[docPath] ?? 0;

describe('lessCoveredCniFactor', () => {
  const candidates = ['kube-ovn/join-network-pod-to-node.md', 'host-network/hostnetwork-pods.md'];

  it('demotes a CNI runbook covering far less of the report than a generic one, when no CNI is known', () => {
    const factor = lessCoveredCniFactor({
      cniKnown: false,
      candidates,
      coverage: coverage({
        'kube-ovn/join-network-pod-to-node.md': 0.17,
        'host-network/hostnetwork-pods.md': 0.49,
      }),
      cniOfDoc,
      share: 0.6,
      factor: 0.5,
    });
    expect(factor?.('kube-ovn/join-network-pod-to-node.md')).toBe(0.5);
    expect(factor?.('host-network/hostnetwork-pods.md')).toBe(1);
  });

  it('leaves a CNI runbook that covers nearly as much, a known CNI, and a field of CNI runbooks alone', () => {
    const close = coverage({
      'kube-ovn/join-network-pod-to-node.md': 0.4,
      'host-network/hostnetwork-pods.md': 0.49,
    });
    const input = { candidates, coverage: close, cniOfDoc, share: 0.6, factor: 0.5 };
    expect(
      lessCoveredCniFactor({ ...input, cniKnown: false })?.('kube-ovn/join-network-pod-to-node.md'),
    ).toBe(1);
    expect(lessCoveredCniFactor({ ...input, cniKnown: true })).toBeNull();
    expect(
      lessCoveredCniFactor({
        ...input,
        cniKnown: false,
        candidates: ['kube-ovn/join-network-pod-to-node.md'],
      }),
    ).toBeNull();
  });
});

describe('the bundled KB: a report naming no CNI does not open on a CNI runbook it barely covers', () => {
  let searcher: KbSearcher;
  let neutral: KbSearcher;
  beforeAll(() => {
    ({ searcher, neutral } = bundledSearchers({ lessCoveredCni: { factor: 1, share: 1 } }));
  });
  const top = async (s: KbSearcher, text: string) => (await s.search(text)).hits[0]?.doc.path;

  it.each(['dubbo 服务部署在容器中，注册的是容器 IP，集群外部访问不了，希望能注册宿主机 IP 或指定 IP 端口'])(
    '%s',
    async (text) => {
      expect(await top(neutral, text)).toMatch(/^kube-ovn\//);
      expect(await top(searcher, text)).not.toMatch(/^kube-ovn\//);
    },
  );

  it.each([
    'Kube-OVN 集群里 dubbo 的 pod 访问宿主机 IP 上的注册中心端口不通',
    'with kube-ovn, pods cannot reach a port on the host IP of their own node',
    // No CNI named, but the CNI runbook covers the report about as well as any: its lead is not incidental.
    'Pods cannot access services listening on the node IP (kubelet port, node-exporter), other traffic is fine',
  ])('not: %s', async (text) => {
    expect(await top(searcher, text)).toBe(await top(neutral, text));
  });
});
