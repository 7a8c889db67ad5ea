import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { unameHostsLast, unameOnlyHost } from '../../src/answer/uname-host.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('unameOnlyHost', () => {
  it('is a host written only in uname output', () => {
    const template =
      'cilium 1.14; kernel version linux edge7 5.10.0-21-amd64; pods on node gpu-2 are unreachable';
    expect(unameOnlyHost(template, 'edge7')).toBe(true);
    expect(
      unameOnlyHost('内核版本：linux k8s-node01 5.4.0-48-generic，节点 node-3 上的 pod 不通', 'k8s-node01'),
    ).toBe(true);
  });

  it('is not a host the report also writes in its own words, nor one it never writes', () => {
    expect(
      unameOnlyHost('uname -a: linux com3 4.19.113-300.el7; pods on com3 lose their network', 'com3'),
    ).toBe(false);
    expect(
      unameOnlyHost('节点 k8s-node01 的 pod 不通。内核：linux k8s-node01 5.4.0-48-generic', 'k8s-node01'),
    ).toBe(false);
    expect(unameOnlyHost('pods on node gpu-2 are unreachable', 'gpu-2')).toBe(false);
  });
});

describe('unameHostsLast', () => {
  it('puts a uname-only host after the nodes the report names otherwise', () => {
    const text = 'kernel version linux edge7 5.10.0-21-amd64; pods on node gpu-2 are unreachable';
    expect(unameHostsLast(text, ['edge7', 'gpu-2'])).toEqual(['gpu-2', 'edge7']);
  });

  it('keeps the order when every node, or none, is uname-only', () => {
    expect(unameHostsLast('linux edge7 5.10.0-21-amd64', ['edge7'])).toEqual(['edge7']);
    expect(unameHostsLast('pods on node-1 and node-2 fail', ['node-1', 'node-2'])).toEqual([
      'node-1',
      'node-2',
    ]);
  });
});

describe('placeholder fills: a node the report names before the host of its uname line', () => {
  it('fills the node the report speaks of, not where it ran uname', () => {
    const en =
      'pod network down. Cilium version 1.14; Kernel version Linux edge7 5.10.0-21-amd64; pods on the other nodes cannot reach pods on node gpu-2.';
    expect(fills(en).get('<node-name>')).toBe('gpu-2');
    const zh =
      '内核版本：Linux k8s-master-01 5.15.0-91-generic。节点 k8s-node-03 上的 pod 访问不了 ClusterIP 10.96.0.10';
    expect(fills(zh).get('<node-name>')).toBe('k8s-node-03');
  });

  it('still fills the uname host when the report names no other node', () => {
    const en =
      'Kubernetes api v1.8.1, CoreOS 1520.8.0, Linux wd-test-m1 4.13.9-coreos, flannel Backend Type: host-gw';
    expect(fills(en).get('<node-name>')).toBe('wd-test-m1');
    const zh = '升级后 kube-proxy 一直崩溃。uname -srn 输出 Linux nl1k8s097 5.15.0-127-generic';
    expect(fills(zh).get('<node-name>')).toBe('nl1k8s097');
  });
});
