import { describe, expect, it } from 'vitest';
import { alreadyInPlace } from '../../src/answer/already-set.js';

describe('alreadyInPlace: a fix the user says they already have is not recommended', () => {
  it.each([
    [
      'In sysctl below options are set: net.ipv4.ip_forward = 1, net.bridge.bridge-nf-call-iptables = 1',
      'sysctl -w net.ipv4.ip_forward=1',
    ],
    ['Execution of command "iptables -P FORWARD ACCEPT" didn\'t help.', 'iptables -P FORWARD ACCEPT'],
    [
      'ippool 的 natOutgoing 已经是 true 了，pod 还是出不了网',
      `calicoctl patch ippool default-ipv4-ippool -p '{"spec":{"natOutgoing":true}}'`,
    ],
    [
      'we already set externalTrafficPolicy: Local and the client IP is still the node IP',
      `kubectl patch svc <service-name> -n <namespace> -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
    ],
  ])('%s ⇒ not %s', (question, command) => {
    expect(alreadyInPlace(question, command)).toBe(true);
  });

  it.each([
    // Asked about, not said to be in place.
    ['should I set net.ipv4.ip_forward=1 on the nodes?', 'sysctl -w net.ipv4.ip_forward=1'],
    // In place with another value: the fix changes it.
    [
      'we already set externalTrafficPolicy: Local and now the nodeport only answers on one node',
      `kubectl patch svc <service-name> -n <namespace> -p '{"spec":{"externalTrafficPolicy":"Cluster"}}'`,
    ],
    // Something else is in place.
    ['net.ipv4.ip_forward is already 1', 'iptables -P FORWARD ACCEPT'],
    ['pods on different nodes cannot ping each other', 'ip link set ovn0 up'],
  ])('%s ⇒ still %s', (question, command) => {
    expect(alreadyInPlace(question, command)).toBe(false);
  });
});
