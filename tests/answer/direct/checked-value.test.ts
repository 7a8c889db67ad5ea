import { describe, expect, it } from 'vitest';
import { checkedKinds, checkedValues, kindsGiven } from '../../../src/answer/direct/checked-value.js';
import type { ValueKind } from '../../../src/answer/direct/value-shapes.js';

describe('a clause checking a value it gives', () => {
  it.each<[string, ValueKind[]]>([
    ['flannel vxlan: should the pod MTU be 1450?', ['mtu']],
    ['Is 1450 the right MTU for flannel vxlan on a 1500 network?', ['mtu']],
    ['calico IPIP mode, node MTU 1500: should the pod MTU be 1440 or 1480?', ['mtu']],
    ['flannel 的 vxlan 端口应该是 8472 还是 4789？', ['port']],
    ['calico ipip 的 MTU 应该设成 1480 吗？', ['mtu']],
    ['pod 网段配 10.244.0.0/16 对吗？', ['cidr']],
    ['flannel vxlan port is 8472 right?', ['port']],
  ])('checks: %s', (clause, named) => {
    expect(checkedKinds(clause, named)).toEqual(named);
  });

  it.each<[string, ValueKind[]]>([
    // A failure seen, not a value checked.
    ['Is port 80 blocked?', ['port']],
    ['改成 1450 还是不通', ['mtu']],
    ['要是 MTU 是 1450 会怎样', ['mtu']],
    // A value asked, none given to check.
    ['What MTU should the pod get?', ['mtu']],
    ['应该放行哪个端口？', ['port']],
    // A setting or an interface is not checked by a number.
    ['should flannel use eth1?', ['iface']],
  ])('checks nothing: %s', (clause, named) => {
    expect(checkedKinds(clause, named)).toEqual([]);
  });
});

describe('the values a checking clause gives', () => {
  it('takes those after should or 应该, not the setup before', () => {
    expect(checkedValues('node MTU 1500: should the pod MTU be 1440 or 1480')).toEqual(['1440', '1480']);
    expect(checkedValues('节点 MTU 1500，pod 的 MTU 应该设成 1450 吗')).toEqual(['1450']);
  });

  it('takes all a clause gives when it checks without prescribing', () => {
    expect(checkedValues('Is 1450 the right MTU for flannel vxlan on a 1500 network')).toEqual([
      '1450',
      '1500',
    ]);
    expect(checkedValues('pod 网段配 10.244.0.0/16 对吗')).toEqual(['10.244.0.0/16']);
    expect(checkedValues('nodePort 范围是 30000-32767 对吗')).toEqual(['30000-32767']);
  });
});

describe('the kinds a statement gives a value of', () => {
  it('reads numbers and ranges of the kinds named', () => {
    expect(kindsGiven('tunl0 的 MTU 是 1480', ['mtu'])).toEqual(['mtu']);
    expect(kindsGiven('the NodePort range is 30000-32767 by default', ['cidr'])).toEqual(['cidr']);
  });

  it('reads no address, and no value where none is given', () => {
    expect(kindsGiven('My pod IP is 10.244.1.5', ['addr'])).toEqual([]);
    expect(kindsGiven('the MTU of tunl0 is wrong', ['mtu'])).toEqual([]);
  });
});
