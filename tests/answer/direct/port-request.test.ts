import { describe, expect, it } from 'vitest';
import { portRequests } from '../../../src/answer/direct/port-request.js';

describe('portRequests', () => {
  it('reads a title asking to open a port or protocol', () => {
    expect(
      portRequests('Update kubernetes-cni role to open BGP ports. Add task to open BGP ports (179/tcp).'),
    ).toEqual(['Update kubernetes-cni role to open BGP ports.', 'Add task to open BGP ports (179/tcp).']);
    expect(portRequests('GCE: When using calico, need to open up ipip protocol.')).toHaveLength(1);
    expect(portRequests('Use protocol 4 for IPIP. It is recommended in security groups.')).toHaveLength(1);
    expect(portRequests('安全组需要放行 BGP 端口。')).toHaveLength(1);
  });

  it('reads nothing in a report that asks, tells a failure or requests no port', () => {
    expect(portRequests('Which ports should I open for Calico?')).toEqual([]);
    expect(portRequests('如何放行 BGP 端口？')).toEqual([]);
    expect(portRequests('Cannot open port 8472 between nodes.')).toEqual([]);
    expect(portRequests('节点间 179 端口不通，放行后仍然失败。')).toEqual([]);
    expect(portRequests('Set externalTrafficPolicy to Local.')).toEqual([]);
    expect(portRequests('Pods on different nodes time out on port 80.')).toEqual([]);
  });
});
