import { describe, expect, it } from 'vitest';
import { fixSettings, readsSetting } from '../../src/answer/fix-settings.js';
import { runbook, sectionChecks } from './runbook-checks.js';

describe('fixSettings', () => {
  it('names the config keys, env vars and config files a fix cell says to change', () => {
    expect(
      fixSettings('kubelet resolvConf: /run/systemd/resolve/resolv.conf，或 forward 指向真实上游'),
    ).toEqual(['resolvconf', 'resolv.conf']);
    expect(fixSettings('核对 subnet.env 中 FLANNEL_MTU，重建 pod，参见 MTU 文档')).toEqual([
      'subnet.env',
      'flannel_mtu',
    ]);
    expect(fixSettings('Set strictARP: true in the kube-proxy config, then restart kube-proxy')).toEqual([
      'strictarp',
    ]);
  });

  it('names no plain word, capitalised name or component', () => {
    expect(fixSettings('放通 NodePort 范围或只放通具体端口')).toEqual([]);
    expect(fixSettings('升级 flannel（默认添加 FORWARD 放行规则）或手动放行 pod 网段')).toEqual([]);
    expect(fixSettings('Restart kube-proxy on that node and recreate the pod')).toEqual([]);
  });
});

describe('readsSetting', () => {
  it('tells a check reading the setting from one that does not', () => {
    expect(readsSetting('grep -i resolvConf /var/lib/kubelet/config.yaml', ['resolvconf'])).toBe(true);
    expect(readsSetting('cat /run/flannel/subnet.env', ['subnet.env', 'flannel_mtu'])).toBe(true);
    expect(readsSetting('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100', ['resolvconf'])).toBe(
      false,
    );
    expect(readsSetting('grep -i resolvConf /var/lib/kubelet/config.yaml', [])).toBe(false);
  });
});

describe('the check reading what a stated cause’s fix changes', () => {
  const coredns = runbook('dns/coredns.md');
  const resolvConf = 'grep -i resolvConf /var/lib/kubelet/config.yaml';

  it('has a place when the report states that cause', () => {
    const en =
      'CoreDNS keeps restarting in CrashLoopBackOff after upgrading Ubuntu. kubectl logs shows: [FATAL] plugin/loop: Loop (127.0.0.1:36312 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting.';
    expect(sectionChecks(en, coredns, '概述')).toContain(resolvConf);
    const zh =
      '升级节点系统后 coredns 一直 CrashLoopBackOff，kubectl logs 看到 plugin/loop: Loop (127.0.0.1:53 -> :53) detected for zone "."，集群里所有解析都挂了。';
    expect(sectionChecks(zh, coredns, '概述')).toContain(resolvConf);
  });

  it('gets nothing when the report states another cause', () => {
    const en =
      'DNS lookups from pods intermittently take 5 seconds; conntrack -S on the node shows insert_failed growing.';
    expect(sectionChecks(en, coredns, '概述')).not.toContain(resolvConf);
  });
});
