import { beforeAll, describe, expect, it } from 'vitest';
import { type CniTerm, environmentReader, withEnvironmentTerms } from '../../src/retrieve/environment-cni.js';
import type { KbSearcher } from '../../src/retrieve/searcher.js';
import { bundledSearchers } from './bundled-kb.js';

const TERMS: CniTerm[] = [
  ['kube-ovn', 'kube-ovn'],
  ['kubeovn', 'kube-ovn'],
  ['calico', 'calico'],
  ['calicoctl', 'calico'],
  ['cilium', 'cilium'],
  ['flannel', 'flannel'],
  ['canal', 'flannel'],
].map(([term, cni]) => ({ term: term ?? '', cni: cni ?? '' }));
const readEnvironment = environmentReader(TERMS);

describe('environmentReader', () => {
  it('reads a CNI named only in a version, image or role span as the setting, and takes the span out', () => {
    const version = readEnvironment(
      'Network policy demo fails. kubernetes 1.24.4, calico v3.24.1, ipipmode crosssubnet. busybox cannot wget nginx',
    );
    expect(version.cnis).toEqual(['calico']);
    expect(version.text).not.toMatch(/calico/i);
    expect(version.text).toContain('busybox cannot wget nginx');
    expect(
      readEnvironment('a 1.20.4 cluster with 2 worker nodes with calico (3.18) vxlan network').cnis,
    ).toEqual(['calico']);
    expect(
      readEnvironment('Service IP unavailable with calico as network plugin. kube-proxy is running'),
    ).toEqual({
      text: 'Service IP unavailable with as network plugin. kube-proxy is running',
      cnis: ['calico'],
      names: ['calico'],
    });
    expect(
      readEnvironment('Bare metal, kubespray, network plugin Calico. errors after install').cnis,
    ).toEqual(['calico']);
    expect(
      readEnvironment('images calico/node:v3.4.1 and coredns:1.2.6; new pods cannot resolve').cnis,
    ).toEqual(['calico']);
  });

  it('reads Chinese environment lines the same way', () => {
    expect(readEnvironment('K8S 版本 = v1.14.1，flannel 版本 = v0.11.0。CoreDNS 起不来')).toEqual({
      text: 'K8S 版本 = v1.14.1， 版本 = v0.11.0。CoreDNS 起不来',
      cnis: ['flannel'],
      names: ['flannel'],
    });
    expect(readEnvironment('三节点集群，使用kube-ovn作为网络插件，部分 pod 访问 VIP 不通').cnis).toEqual([
      'kube-ovn',
    ]);
    expect(readEnvironment('组件: kubernetes v1.13.3, calico/node:v3.4.1。新 pod 域名无法解析').cnis).toEqual(
      ['calico'],
    );
  });

  it('reads a config setting whose key names the network as the environment', () => {
    expect(
      readEnvironment('Pods cannot resolve Services. kubernetes v1.10.1, network-services: flannel'),
    ).toEqual({
      text: 'Pods cannot resolve Services. kubernetes v1.10.1, network-services: ',
      cnis: ['flannel'],
      names: ['flannel'],
    });
    expect(readEnvironment('kubespray inventory: kube_network_plugin: calico. coredns pending').cnis).toEqual(
      ['calico'],
    );
    expect(readEnvironment('CLUSTER_NETWORK="flannel" then the API server ClusterIP times out').cnis).toEqual(
      ['flannel'],
    );
    // A key that is not a network setting, or a network word that is not a key, says nothing of the environment.
    expect(readEnvironment('image: calico, pods on two nodes cannot ping').cnis).toEqual([]);
    expect(readEnvironment('the network broke: calico pods on two nodes cannot ping').cnis).toEqual([]);
    // The same CNI named again as what fails is left as it is.
    expect(readEnvironment('kube_network_plugin: calico; calico-node is not ready on node2').cnis).toEqual(
      [],
    );
  });

  it('reads a cluster said to be set up with a CNI as the environment', () => {
    expect(readEnvironment('I used kubeadm to install the cluster with calico, ping6 mysvc fails')).toEqual({
      text: 'I used kubeadm to install the cluster with , ping6 mysvc fails',
      cnis: ['calico'],
      names: ['calico'],
    });
    expect(readEnvironment('k8s using Flannel 0.11, coredns cannot reach 10.96.0.1').cnis).toEqual([
      'flannel',
    ]);
    // A component that fails, or a node named with its CNI (the CNI's own datapath there), is not the set-up.
    expect(readEnvironment('a cluster with calico-node crashing on worker2').cnis).toEqual([]);
    expect(readEnvironment('cannot reach 10.96.0.1 from the master node with calico').cnis).toEqual([]);
  });

  it('leaves a CNI that is also named as the failing subject or by a tool the reporter ran', () => {
    const subject = 'calico 跨节点不通，calico v3.20，同节点正常';
    expect(readEnvironment(subject)).toEqual({ text: subject, cnis: [], names: [] });
    const component = 'calico-node CrashLoopBackOff after upgrade to calico v3.26';
    expect(readEnvironment(component)).toEqual({ text: component, cnis: [], names: [] });
    const tool = 'natOutgoing does not work: calicoctl get ippools shows NAT true. calico v3.17.1, kubeadm';
    expect(readEnvironment(tool)).toEqual({ text: tool, cnis: [], names: [] });
  });

  it('reads no environment out of a bare name, a CNI word before a component, or a report without a CNI', () => {
    expect(readEnvironment('readiness probes time out only on the dual-nic nodes, calico').cnis).toEqual([]);
    expect(readEnvironment('cni calico-node CrashLoopBackOff').cnis).toEqual([]);
    expect(readEnvironment('kubernetes v1.28.2, containerd 1.7.0, pods cannot reach 10.96.0.1').cnis).toEqual(
      [],
    );
    expect(readEnvironment('集群用 kubeadm 1.28 搭建，pod 访问 service 超时').cnis).toEqual([]);
  });
});

describe('withEnvironmentTerms', () => {
  it('adds the CNI name at the environment weight and keeps a heavier weight', () => {
    const terms = new Map([
      ['networkpolicy', 1],
      ['calico', 0.6],
    ]);
    expect([...withEnvironmentTerms(terms, ['calico', 'g120'], 0.3)]).toEqual([
      ['networkpolicy', 1],
      ['calico', 0.6],
      ['g120', 0.3],
    ]);
    expect(withEnvironmentTerms(terms, [], 0.3)).toBe(terms);
  });
});

describe('a CNI named in the environment on the bundled KB', () => {
  let searcher: KbSearcher;
  beforeAll(() => {
    ({ searcher } = bundledSearchers({}));
  });
  // The answer searches a report naming one CNI with that CNI given (chat.ts namedCni): both ways are checked.
  const topOf = async (question: string, cni?: string) =>
    (await searcher.explain(question, cni ? { cni } : {})).fused[0]?.doc;

  it('answers the failing path, not the CNI the version line names', async () => {
    const en =
      'According to the kubernetes demo the network policy does not work. kubernetes 1.24.4, calico v3.24.1. I ' +
      'applied the access-nginx NetworkPolicy step by step, but the busybox pod with label access=true still ' +
      'cannot wget nginx.';
    const zh =
      'NetworkPolicy 不生效，按照官方示例配置了 access-nginx 策略，带 access=true 标签的 busybox 还是 wget 不到 ' +
      'nginx。环境：kubernetes 1.24.4，calico 版本 v3.24.1。';
    for (const question of [en, zh]) {
      expect(await topOf(question)).toBe('network-policy/networkpolicy-debug.md');
      expect(await topOf(question, 'calico')).toBe('network-policy/networkpolicy-debug.md');
    }
  });

  it('still answers a cross-node report from the CNI its environment names, over another CNI', async () => {
    const en =
      'Pods on different nodes cannot ping each other, pods on the same node are fine. kubeadm v1.28, ' +
      'calico v3.26.1 installed from the manifest, three VMs.';
    const zh =
      '不同节点的 pod 互相 ping 不通，同节点正常。环境：kubeadm v1.28，calico 版本 v3.26.1，三台虚拟机。';
    for (const question of [en, zh]) {
      expect(await topOf(question)).toBe('calico/bgp-ipip.md');
      expect(await topOf(question, 'calico')).toBe('calico/bgp-ipip.md');
    }
  });
});
