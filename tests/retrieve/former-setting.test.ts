/** A setting changed away from ("从 ClusterIP 改为 NodePort") is the former state, not what fails now. */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { splitWorking, takeFormerSettings } from '../../src/retrieve/query.js';

const former = (text: string) => takeFormerSettings(normalizeText(text)).former;

describe('takeFormerSettings: the "from" part of a change', () => {
  it.each([
    ['Service 类型从 ClusterIP 改为 NodePort 后无法访问', 'clusterip'],
    ['集群网络插件从 Calico 更换为 Cilium 之后跨节点 pod 不通', 'calico'],
    ['把 kube-proxy 从 iptables 切换到 ipvs 模式后 service 偶尔超时', 'iptables'],
    ['After switching from flannel to calico, pods cannot reach the internet', 'flannel'],
    ['Changing the IP protocol from IPIP to VXLAN breaks cross-node traffic', 'ipip'],
    [
      'We migrated the cluster from kube-proxy to eBPF kube-proxy replacement and NodePorts stopped working',
      'kube-proxy',
    ],
  ])('%s', (text, setting) => {
    expect(former(text)).toEqual([setting]);
  });

  it.each([
    // A path from one place to another is what fails, not a change.
    'ping from pod-a to pod-b on another node times out',
    'Traffic from the node to the pod IP is dropped',
    '从节点上 curl pod ip 超时',
    '从 pod 里访问外网不通，换成 hostNetwork 就可以',
  ])('not: %s', (text) => {
    expect(former(text)).toEqual([]);
  });
});

describe('splitWorking: the former setting is not in the failing part', () => {
  it('keeps what the setting became in the focus', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('Service 类型从 ClusterIP 改为 NodePort 后无法访问'),
    );
    expect(focus).toContain('nodeport');
    expect(focus).not.toContain('clusterip');
    expect(workingClauses).toContain('clusterip');
  });

  it('leaves a report without a change alone', () => {
    const { focus, workingClauses } = splitWorking(normalizeText('NodePort 不通，ClusterIP 访问超时'));
    expect(focus).toContain('clusterip');
    expect(workingClauses).toEqual([]);
  });
});
