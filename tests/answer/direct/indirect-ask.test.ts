import { describe, expect, it } from 'vitest';
import { asksInStatement } from '../../../src/answer/direct/indirect-ask.js';

describe('a value asked in a statement', () => {
  it.each([
    "I'd like to know the default MTU of flannel vxlan.",
    'I would like to know what the service CIDR is',
    'I want to know which port the VXLAN backend uses',
    "I'm wondering what the default blockSize is",
    'Could you tell me the default pod CIDR of kubeadm',
    'Please confirm the port BGP uses',
    '想知道 flannel 默认的 MTU',
    '请告诉我 calico 的 IPIP 用哪个协议',
    // Asking people whether they know it.
    'Does anyone know the port flannel vxlan uses',
    'Do you happen to know the default service CIDR',
    '有人知道 flannel 的 vxlan 端口吗',
  ])('asks: %s', (clause) => {
    expect(asksInStatement(clause)).toBe(true);
  });

  it.each([
    // Asks the reader for nothing a runbook states, or whether the asker's own case is a bug.
    'Please let me know if you need more logs about the MTU',
    "I'm wondering if this is an MTU bug",
    'I know the MTU is 1450',
    'I need to restart the node to change the MTU',
    'flannel 的 MTU 是 1450',
    // Whether people know how, if, or the cause: a diagnosis or a procedure, not a value.
    'Does anyone know how to fix the MTU',
    'Does anyone know if this is a bug',
    'Does anyone know the reason the port is blocked',
    "I'd like to know the cause of the MTU mismatch",
  ])('asks nothing: %s', (clause) => {
    expect(asksInStatement(clause)).toBe(false);
  });
});
