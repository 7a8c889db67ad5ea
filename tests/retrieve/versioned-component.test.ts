import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../src/core/types.js';
import { kubernetesTerms, versionListReader } from '../../src/retrieve/versioned-component.js';

const glossary: GlossaryEntry[] = [
  { terms: ['节点', 'node', 'host'], kubernetes: true },
  { terms: ['服务', 'service', 'svc'], kubernetes: true },
  { terms: ['clusterip', 'cluster ip', 'cluster-ip'], kubernetes: true },
  { terms: ['kube-proxy', 'kubeproxy', 'kube proxy'], kubernetes: true },
  { terms: ['coredns', 'kube-dns', '集群dns', 'cluster dns'], kubernetes: true },
  { terms: ['calico', 'calicoctl'], exclusive: 'cni' },
];
const read = versionListReader(kubernetesTerms(glossary));

describe('kubernetesTerms', () => {
  it('takes the one-word Latin terms of basic Kubernetes entries only', () => {
    const terms = kubernetesTerms(glossary).map(({ term }) => term);
    expect(terms).toContain('coredns');
    expect(terms).toContain('kube-proxy');
    expect(terms).not.toContain('cluster ip');
    expect(terms).not.toContain('集群dns');
    expect(terms).not.toContain('calico');
  });
});

describe('a component named only with its version', () => {
  it('is taken out of a stack list under a Service failure', () => {
    const out = read(
      'service clusterip unavailable after the upgrade. kubespray release-2.9, centos 7, network plugin calico v3.5.8, coredns 1.3.1.',
    );
    expect(out.names).toEqual(['coredns']);
    expect(out.text).not.toContain('coredns');
  });

  it('reads a Chinese version label', () => {
    const out = read('service 访问超时。环境：kubernetes 1.20，kube-proxy 版本 v1.20.4，centos 7。');
    expect(out.names).toEqual(['kube-proxy']);
  });

  it('stays when the component is also what fails', () => {
    const out = read('coredns 1.3.1 pods are in crashloopbackoff and coredns logs show i/o timeout');
    expect(out.names).toEqual([]);
    expect(out.text).toContain('coredns 1.3.1');
  });

  it('stays when the component is named without a version', () => {
    expect(read('kube-proxy 没有生成 iptables 规则，coredns 1.8 正常但 kube-proxy 日志报错').names).toEqual(
      [],
    );
    expect(read('dns lookups through coredns time out from one node').names).toEqual([]);
  });

  it('stays when the named version is what the sentence is about', () => {
    const out = read(
      'coredns v1.6.5 do not work properly with k8s v1.17.5. deploy coredns v1.6.5, create a busybox pod.',
    );
    expect(out.names).toEqual([]);
    expect(read('升级后 coredns 1.8.4 无法解析 service 名称').names).toEqual([]);
  });

  it('does not read an address as a version', () => {
    expect(read('the kube-dns 10.96.0.10 service does not answer').names).toEqual([]);
    expect(read('kubectl get svc shows kubernetes clusterip 10.43.0.1 443/tcp').names).toEqual([]);
  });
});
