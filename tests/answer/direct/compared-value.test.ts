import { describe, expect, it } from 'vitest';
import { asksComparedValue } from '../../../src/answer/direct/compared-value.js';

describe('asking how a value should compare with another', () => {
  it.each([
    'Should the pod MTU be lower than the NIC MTU',
    'Must the service CIDR be smaller than the pod CIDR',
    'Does the pod MTU need to be smaller than the node MTU',
    'Does the service CIDR have to be smaller than the pod CIDR',
    'pod 的 MTU 应该比网卡 MTU 小吗',
    'tunl0 的 MTU 要比 eth0 小多少',
  ])('asks: %s', (clause) => {
    expect(asksComparedValue(clause)).toBe(true);
  });

  it.each([
    // The asker's own state, a statement, or no comparison.
    'Is the pod MTU lower than the NIC MTU on your nodes',
    'The pod MTU is lower than the NIC MTU',
    'pod MTU 比网卡小',
    'Should the pod MTU be 1450',
    'Does ipBlock.cidr match pod IPs',
  ])('asks nothing: %s', (clause) => {
    expect(asksComparedValue(clause)).toBe(false);
  });
});
