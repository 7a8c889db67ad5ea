import { describe, expect, it } from 'vitest';
import { reportCniVariant, variantCni } from '../../src/answer/cni-variant.js';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { hitOn, runbook } from './runbook-checks.js';

describe('variantCni', () => {
  it('reads the CNI a check purpose is labelled for', () => {
    expect(variantCni('Flannel：查看 FLANNEL-POSTRTG 链（对 pod 网段到非 pod 网段做 MASQUERADE）')).toBe(
      'flannel',
    );
    expect(variantCni('Calico：查看 IPPool 的 NATOUTGOING 列')).toBe('calico');
    expect(variantCni('[变更] Kube-OVN：为 ovn-default 子网开启 natOutgoing')).toBe('kube-ovn');
    expect(variantCni('OVN-Kubernetes：按 iface-id 找 OVS 端口名')).toBe('ovn-kubernetes');
    expect(variantCni('Cilium: check whether BPF masquerade is enabled')).toBe('cilium');
  });

  it('finds no CNI in a check of every cluster', () => {
    expect(variantCni('查看 POSTROUTING 中的伪装规则与各 CNI 的子链')).toBeNull();
    expect(variantCni('Note: the chain is empty when kube-proxy runs in IPVS mode')).toBeNull();
    expect(variantCni('确认内核转发已开启（应为 1）；calico 也依赖它')).toBeNull();
  });

  it('matches only the CNI the report runs', () => {
    expect(reportCniVariant('Calico：查看 IPPool 的 NATOUTGOING 列', 'calico')).toBe(true);
    expect(reportCniVariant('Calico：查看 IPPool 的 NATOUTGOING 列', 'flannel')).toBe(false);
    expect(reportCniVariant('Calico：查看 IPPool 的 NATOUTGOING 列', undefined)).toBe(false);
  });
});

describe("the report's CNI's form of a matched row's check", () => {
  const egress = runbook('pod-to-external/egress-internet.md');
  const checks = (question: string, reportCni?: string) => {
    const hits = [hitOn(egress, '常见问题')];
    const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
    return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS, undefined, undefined, reportCni).map(
      (c) => c.command,
    );
  };
  const question = '节点能访问外网，Pod 不能出网，物理网卡上看到的源 IP 是 pod IP';

  it("ranks the report's CNI's chain or pool with the row's generic check", () => {
    expect(checks(question, 'flannel')).toContain('iptables -t nat -S FLANNEL-POSTRTG');
    expect(checks(question, 'calico')).toContain('calicoctl get ippool -o wide');
  });

  it("gives another CNI's form no place", () => {
    expect(checks(question, 'flannel')).not.toContain('calicoctl get ippool -o wide');
    expect(checks(question)).not.toContain('iptables -t nat -S FLANNEL-POSTRTG');
  });
});
