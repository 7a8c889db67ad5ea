import { beforeAll, describe, expect, it } from 'vitest';
import { distroDefaultCni } from '../../src/retrieve/distro-cni.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

describe('distroDefaultCni', () => {
  it('reads K3s, k3d, RKE2 and Talos as Flannel when the report names no CNI', () => {
    expect(
      distroDefaultCni(
        'Pods on worker (node that is on different subnet) unable to access network. k3s v0.10.1, agent on another VPS',
        [],
      ),
    ).toBe('flannel');
    expect(
      distroDefaultCni('RKE2 v1.28.12+rke2r1, 3 servers: pods in node-3 are not reachable from node-1', []),
    ).toBe('flannel');
    expect(distroDefaultCni('用 k3d 起了三个节点，跨节点的 pod 互相 ping 不通', [])).toBe('flannel');
    expect(distroDefaultCni('Talos 1.6 cluster on Proxmox, pods on different nodes time out', [])).toBe(
      'flannel',
    );
  });

  it('keeps a CNI the report names, or a default it switched off', () => {
    expect(distroDefaultCni('k3s with calico, pods on other nodes cannot be reached', ['calico'])).toBeNull();
    expect(distroDefaultCni('k3s installed with --flannel-backend=none and Cilium', ['cilium'])).toBeNull();
    expect(
      distroDefaultCni("INSTALL_K3S_EXEC='--flannel-backend=none --disable-network-policy'", []),
    ).toBeNull();
    expect(distroDefaultCni('rke2 config: cni: none, then we applied our own manifests', [])).toBeNull();
    expect(distroDefaultCni('k3s 集群里禁用 flannel 之后跨节点不通', [])).toBeNull();
  });

  it('reads no distribution out of kubeadm, kind or a word that only contains the letters', () => {
    expect(
      distroDefaultCni('kubeadm cluster, 3 nodes, cross-node pods cannot ping each other', []),
    ).toBeNull();
    expect(distroDefaultCni('kind v0.9.0 NodePort connection refused', [])).toBeNull();
    expect(distroDefaultCni('用 kubeadm 搭的集群，不同节点的 pod 不通', [])).toBeNull();
    expect(distroDefaultCni('the mk3s2 image fails to pull', [])).toBeNull();
  });
});

describe('a distribution default CNI on the bundled KB', () => {
  let searcher: KbSearcher;
  beforeAll(() => {
    ({ searcher } = bundledSearchers({}));
  });
  const rankOf = async (question: string, doc: string) =>
    (await searcher.explain(question)).fused.findIndex((hit) => hit.doc === doc);
  const scoreOf = async (question: string, doc: string) =>
    (await searcher.explain(question)).fused.find((hit) => hit.doc === doc)?.score ?? 0;

  it('ranks another CNI runbook below Flannel for a K3s cross-node report', async () => {
    const en =
      'Pods on one node cannot reach pods on the other nodes. k3s v1.25.3+k3s1 on three VMs, installed with the ' +
      'script and no further configuration; pods on the same node talk fine.';
    const zh =
      'k3s 三节点集群，不同节点的 pod 互相 ping 不通，同节点的 pod 正常。用安装脚本装的，没有改任何配置。';
    for (const question of [en, zh]) {
      const flannel = await rankOf(question, 'flannel/vxlan-host-gw.md');
      const calico = await rankOf(question, 'calico/bgp-ipip.md');
      expect(flannel).toBeGreaterThanOrEqual(0);
      expect(calico === -1 || calico > flannel).toBe(true);
    }
  });

  it('leaves a kubeadm report and a K3s report naming Calico as before', async () => {
    const kubeadm =
      'Pods on one node cannot reach pods on the other nodes. kubeadm v1.25.3 on three VMs, installed with the ' +
      'guide and no further configuration; pods on the same node talk fine.';
    const k3sCalico = kubeadm.replace('kubeadm v1.25.3', 'k3s v1.25.3+k3s1 with calico');
    expect(await scoreOf(kubeadm, 'calico/bgp-ipip.md')).toBeGreaterThan(0);
    expect(await rankOf(k3sCalico, 'calico/bgp-ipip.md')).toBe(0);
  });
});
