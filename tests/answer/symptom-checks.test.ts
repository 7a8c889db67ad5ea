import { describe, expect, it } from 'vitest';
import { pickCommands, variantKey } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { checksSymptomNames, toolOption } from '../../src/answer/symptom-checks.js';
import { hitOn, runbook } from './runbook-checks.js';

const calico = runbook('calico/bgp-ipip.md');
const cilium = runbook('cilium/ebpf-datapath.md');
const kubeProxy = runbook('service/kube-proxy-iptables-ipvs.md');

describe('toolOption', () => {
  it('reads the tool and the option it runs first, also inside kubectl exec', () => {
    expect(toolOption('ipvsadm -Ln -t <cluster-ip>:<port>')).toBe('ipvsadm -ln');
    expect(toolOption('kubectl exec -n <namespace> <pod> -- ping -M do -s 1422 -c 3 <target-ip>')).toBe(
      'ping -m',
    );
  });

  it('is undefined for a sub-command or a bare program', () => {
    expect(toolOption('calicoctl node status')).toBeUndefined();
    expect(toolOption('lsmod | grep ip_vs')).toBeUndefined();
    expect(toolOption('conntrack')).toBeUndefined();
  });
});

const rowOf = (doc: typeof calico, symptomStart: string) => {
  const row = doc.troubleshooting.find((r) => r.symptom.startsWith(symptomStart));
  if (!row) throw new Error(`${doc.path} has no row '${symptomStart}'`);
  return row;
};

const quoted = (doc: typeof calico, symptomStart: string) =>
  checksSymptomNames(rowOf(doc, symptomStart).symptom, doc.commands, variantKey).map((r) => r.command);

describe('checksSymptomNames', () => {
  it('finds the check whose output a row symptom quotes, also inside kubectl exec', () => {
    expect(quoted(calico, 'calicoctl node status')).toEqual(['calicoctl node status']);
    expect(quoted(kubeProxy, 'IPVS 模式下 ipvsadm -Ln')).toEqual([
      'ipvsadm -Ln -t <cluster-ip>:<port>',
      'ipvsadm -Ln --stats -t <cluster-ip>:<port>',
    ]);
    const named = quoted(cilium, '跨节点不通，cilium-dbg status');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((command) => command.includes('cilium-dbg status'))).toBe(true);
  });

  it('finds nothing for a symptom naming no check, nor a longer word holding a check key', () => {
    expect(quoted(calico, 'IPIP 模式跨节点不通')).toEqual([]);
    expect(quoted(calico, 'BGP 邻居地址是 docker0')).toEqual([]);
    const statusCheck = calico.commands.filter((r) => r.command === 'calicoctl node status');
    expect(checksSymptomNames('calicoctl node statuses 不全', statusCheck, variantKey)).toEqual([]);
  });
});

describe('pickCommands with a row whose symptom quotes a check', () => {
  // A report matching the row "`calicoctl node status` 显示 Active/Connect" while a generic runbook scores close
  // (four checks): the check showing the BGP sessions is among them, next to the row's own `ss … :179`.
  const generic = runbook('node-to-pod/host-to-pod-generic.md');
  const checks = (question: string) => {
    const hits = [hitOn(calico, '概述', 1), hitOn(generic, '概述', 0.95)];
    const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
    return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS)
      .filter((c) => c.safety === 'read-only')
      .map((c) => c.command);
  };

  it('takes the quoted check (EN and ZH reports)', () => {
    expect(
      checks(
        'Calico: pods cannot ping each other, neither on the same node nor across nodes. kubeadm init --pod-network-cidr=10.244.0.0/16. calicoctl get ippool -o wide: default-ipv4-ippool 10.244.0.0/16 true Always Never. calicoctl get workloadendpoints lists both pods with their 10.244 addresses.',
      ),
    ).toContain('calicoctl node status');
    expect(
      checks(
        'Calico 集群里 pod 之间 ping 不通，同节点和跨节点都不行。calicoctl get ippool -o wide 显示 default-ipv4-ippool 10.244.0.0/16 IPIP Always；calicoctl get workloadendpoints 能看到两个 pod 的地址。',
      ),
    ).toContain('calicoctl node status');
  });

  it('takes the ipvsadm check a row quotes for a report of IPVS mode failing (EN and ZH)', () => {
    const ipvs = (question: string) => {
      const hits = [hitOn(kubeProxy, '常见问题', 1)];
      const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
      return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS).map((c) => c.command);
    };
    expect(
      ipvs(
        'kube-proxy runs in IPVS mode, but pods cannot reach the kubernetes service 10.96.0.1:443 and curl times out; kube-proxy logs show the ip_vs module could not be loaded.',
      ),
    ).toContain('ipvsadm -Ln -t <cluster-ip>:<port>');
    expect(
      ipvs(
        'kube-proxy 用的 ipvs 模式，pod 里 curl 10.96.0.1:443 一直超时，kube-proxy 日志里说 ip_vs 模块加载失败。',
      ),
    ).toContain('ipvsadm -Ln -t <cluster-ip>:<port>');
  });

  it('leaves a report matching no such row as it was', () => {
    const got = checks('新 pod 拿不到地址，calico ipam 地址块冲突');
    expect(got[0]).toBe('calicoctl ipam show --show-blocks');
  });
});
