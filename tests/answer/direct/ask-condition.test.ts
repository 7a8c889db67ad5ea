import { describe, expect, it } from 'vitest';
import { setsCase } from '../../../src/answer/direct/ask-condition.js';

describe('the clause before the asking one sets the case asked about', () => {
  it.each([
    'hostNetwork: true 的 Pod 仍需要解析 Kubernetes 服务域名(*.svc.cluster.local)时',
    '如果走 VXLAN 的话',
    '使用 IPVS 模式的情况下',
    'When pods use hostNetwork',
    'if the node has two NICs',
    'With masqueradeAll false',
  ])('sets a case: %s', (clause) => {
    expect(setsCase(clause)).toBe(true);
  });

  it.each([
    // A clause of its own: a statement, a question, "when" asking the time.
    '宿主机 /etc/resolv.conf 配置为 search openstack',
    'I disabled the firewall on the host',
    'When does kube-proxy masquerade traffic sent to a ClusterIP',
    '为什么升级之后',
    'which port is used when',
  ])('sets no case: %s', (clause) => {
    expect(setsCase(clause)).toBe(false);
  });
});
