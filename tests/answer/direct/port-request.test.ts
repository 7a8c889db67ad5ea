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

  it('reads a title adding, changing or increasing a port, a port range or a firewall rule', () => {
    expect(portRequests('Added Calico BGP Port 179 to Firewalld. Calico uses BGP between nodes.')).toEqual([
      'Added Calico BGP Port 179 to Firewalld.',
    ]);
    expect(portRequests('feat: change default service node port range to 80-32767')).toHaveLength(1);
    expect(portRequests('Increase the node port range for the demo cluster.')).toHaveLength(1);
    expect(portRequests('Make nodeport range configurable.')).toHaveLength(1);
    expect(portRequests('Hardcode service node port range. Added API server extra flags.')).toHaveLength(1);
    expect(portRequests('安全组需要放通 VXLAN 端口。')).toHaveLength(1);
  });

  it('reads nothing in a report that asks, tells a failure or requests no port', () => {
    expect(portRequests('Which ports should I open for Calico?')).toEqual([]);
    expect(portRequests('如何放行 BGP 端口？')).toEqual([]);
    expect(portRequests('Cannot open port 8472 between nodes.')).toEqual([]);
    expect(portRequests('节点间 179 端口不通，放行后仍然失败。')).toEqual([]);
    expect(portRequests('Set externalTrafficPolicy to Local.')).toEqual([]);
    expect(portRequests('Pods on different nodes time out on port 80.')).toEqual([]);
    expect(portRequests('Added a retry option to the client.')).toEqual([]);
    expect(portRequests('Change flannel port from 8472 to 4789? Is it safe?')).toEqual([]);
    expect(portRequests('Added firewall rules, but pods still cannot reach port 53.')).toEqual([]);
    expect(portRequests('改了 NodePort 端口范围之后 Service 无法访问。')).toEqual([]);
    expect(portRequests('Unable change Nodeport Range. oc patch gives an error.')).toEqual([]);
    expect(portRequests('Make the dashboard configurable.')).toEqual([]);
    expect(portRequests('Add IPIP firewall rules for Calico')).toEqual([]);
  });
});
