import { describe, expect, it } from 'vitest';
import { kindsNamedBySetting } from '../../../src/answer/direct/setting-name-kind.js';

describe('the kind of value a snake_case setting name says it holds', () => {
  it.each<[string, string]>([
    ['What should I set FLANNEL_MTU to', 'mtu'],
    ['what should veth_mtu be set to', 'mtu'],
    ['which value goes into CALICO_IPV4POOL_CIDR', 'cidr'],
    ['FLANNEL_SUBNET 应该填什么', 'cidr'],
    ['what is METRICS_PORT for kube-ovn-cni', 'port'],
  ])('%s', (clause, kind) => {
    expect(kindsNamedBySetting(clause)).toContain(kind);
  });

  it.each([
    // Names whose parts are no value kind, and kind words standing alone (read by the kind words themselves).
    'what does net.ipv4.ip_forward do',
    'what is nf_conntrack_max by default',
    'IP_AUTODETECTION_METHOD 应该填什么',
    'what MTU should the pod get',
    'which report_interval should I use',
  ])('%s', (clause) => {
    expect(kindsNamedBySetting(clause)).toEqual([]);
  });
});
