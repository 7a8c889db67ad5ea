import { describe, expect, it } from 'vitest';
import { listsHostFirewall, pointsAtHostFirewall } from '../../src/answer/host-firewall.js';
import { runbook, sectionChecks } from './runbook-checks.js';

const flannel = runbook('flannel/vxlan-host-gw.md');
const nodeport = runbook('service/nodeport-loadbalancer.md');
const forwardChain = (command: string) => command === 'iptables -S FORWARD';
const inputChain = (command: string) => command.startsWith('iptables -L INPUT');

describe('pointsAtHostFirewall', () => {
  it('reads a report naming the node firewall or the error its default reject gives (EN and ZH)', () => {
    expect(pointsAtHostFirewall('I have flannel across 2 RHEL 7 hosts with firewalld enabled')).toBe(true);
    expect(
      pointsAtHostFirewall('after stop firewall, then can access nodeport service from any node ip'),
    ).toBe(true);
    expect(pointsAtHostFirewall('关闭防火墙后所有节点都能访问 NodePort')).toBe(true);
    expect(pointsAtHostFirewall('sudo ufw status says active on the worker')).toBe(true);
    expect(pointsAtHostFirewall('curl 172.32.68.2:8080 gives No route to host')).toBe(true);
    expect(pointsAtHostFirewall('connect: 没有到主机的路由')).toBe(true);
  });

  it('reads nothing from a report naming neither', () => {
    expect(pointsAtHostFirewall('pods on different nodes cannot reach each other, curl times out')).toBe(
      false,
    );
    expect(pointsAtHostFirewall('NodePort 只有 pod 所在节点能访问，其他节点超时')).toBe(false);
    expect(pointsAtHostFirewall('the buffer size was too small for the routing table')).toBe(false);
  });
});

describe('listsHostFirewall', () => {
  it('is a check listing the filter rules of a chain or of firewalld', () => {
    expect(listsHostFirewall('iptables -S FORWARD')).toBe(true);
    expect(listsHostFirewall('iptables -L INPUT -n -v | head -20')).toBe(true);
    expect(listsHostFirewall('iptables -L FORWARD -nv --line-numbers')).toBe(true);
    expect(listsHostFirewall('firewall-cmd --list-all')).toBe(true);
    expect(listsHostFirewall('kubectl exec -n kube-system <pod> -- iptables -S FORWARD')).toBe(true);
  });

  it('is not a listing of the NAT table, a rule being added, or a version query', () => {
    expect(listsHostFirewall('iptables -t nat -S POSTROUTING')).toBe(false);
    expect(listsHostFirewall("iptables-save -t nat | grep -E 'KUBE-NODEPORTS'")).toBe(false);
    expect(listsHostFirewall('iptables -I FORWARD -s 10.244.0.0/16 -j ACCEPT')).toBe(false);
    expect(listsHostFirewall('iptables -V')).toBe(false);
  });
});

describe('pickCommands: the firewall check of a report pointing at the node firewall', () => {
  it('lists the FORWARD chain for a flannel report that works once firewalld stops (EN and ZH)', () => {
    for (const question of [
      'firewalld & flannel. I have flannel setup across 2 RHEL 7 hosts with firewalld enabled. I can ping a container across hosts, but curl gives No route to host. The curl works once I stop firewalld.',
      'flannel 跨节点 pod 能 ping 通但 curl 不通，关掉防火墙就好了',
    ])
      expect(sectionChecks(question, flannel, '确认 flannel').some(forwardChain)).toBe(true);
  });

  it('lists the INPUT chain for a NodePort report that works once the firewall stops (EN and ZH)', () => {
    for (const question of [
      'cannot access nodeport service from non pod running node. Only the node running the pod answers. After stop firewall, then can access nodeport service from any node ip.',
      'NodePort 只有 pod 所在节点能访问，其他节点超时；关闭防火墙后所有节点都能访问',
    ])
      expect(sectionChecks(question, nodeport, '检查 Service').some(inputChain)).toBe(true);
  });

  it('adds no firewall check for the same reports without the firewall (EN and ZH)', () => {
    expect(
      sectionChecks('flannel 跨节点 pod 能 ping 通但 curl 不通', flannel, '确认 flannel').some(forwardChain),
    ).toBe(false);
    expect(
      sectionChecks(
        'cannot access nodeport service from non pod running node. Only the node running the pod answers.',
        nodeport,
        '检查 Service',
      ).some(inputChain),
    ).toBe(false);
    expect(
      sectionChecks('NodePort 只有 pod 所在节点能访问，其他节点超时', nodeport, '检查 Service').some(
        inputChain,
      ),
    ).toBe(false);
  });
});
