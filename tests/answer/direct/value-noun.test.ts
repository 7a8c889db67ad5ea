import { describe, expect, it } from 'vitest';
import { asksValueByHanNoun, namesOnlyValue } from '../../../src/answer/direct/value-noun.js';

describe('a title naming only a kind of value and whose it is', () => {
  it.each([
    'Port for flannel vxlan',
    'MTU for calico IPIP',
    'Ports used by calico',
    'Pod MTU with calico vxlan on top of wireguard',
    'Default pod CIDR for kubeadm',
    'Ports needed between nodes for kube-ovn',
    'Default gateway for calico pods',
    // What it belongs to first, the kind last.
    'kube-proxy metrics port',
    'coredns 的 metrics 端口',
  ])('asks: %s', (title) => {
    expect(namesOnlyValue(title)).toBe(true);
  });

  it.each([
    // A verb after the head: a statement or a failure.
    'Port for nodeport is blocked',
    'MTU for pods does not match the node',
    'Subnet for new nodes conflicts with the VPN',
    // The head is something else: a feature asked for, a problem.
    'Support for port ranges in NetworkPolicy',
    'MTU problems with calico vxlan',
    'Issues with port 8472 on azure',
    // The asker's own thing.
    'my pod port',
  ])('asks nothing: %s', (title) => {
    expect(namesOnlyValue(title)).toBe(false);
  });
});

describe('a short Chinese ask for a value, by a polite lead or by 呢', () => {
  it.each(['请问 flannel vxlan 的端口', '问下 calico 默认的 MTU', '那 calico 的端口呢', 'vxlan 端口呢'])(
    'asks: %s',
    (clause) => {
      expect(asksValueByHanNoun(clause)).toBe(true);
    },
  );

  it.each([
    // A question about something else, or no kind of value named at the end.
    '请问 pod 为什么访问不了 service',
    '请问这个问题怎么解决',
    '那 calico 呢',
    'flannel vxlan 的端口是 8472',
  ])('asks nothing: %s', (clause) => {
    expect(asksValueByHanNoun(clause)).toBe(false);
  });
});
