import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk, settingsAskedByName } from '../../src/answer/direct/asking.js';
import { directAnswer } from '../../src/answer/direct/pick-line.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('names of a real report read in their roles', () => {
  it('reads an image reference after `pod` as an image (registry path, name, tag), no namespace and pod', () => {
    const ovn =
      'create pod wbitt/network-multitool:latest with annotated ovn.kubernetes.io/eip: PUBLIC_IP in default namespace';
    expect(fills(ovn).get('<pod>')).toBeUndefined();
    expect(fills(ovn).get('<namespace>')).toBeUndefined();
    const run =
      'kubectl run test --image=nicolaka/netshoot -- sleep 1000, then the pod cannot resolve kube-dns';
    expect(fills(run).get('<namespace>')).toBeUndefined();
    const zh = '创建 pod 时用镜像 calico/node:v3.26.1，在 prod 命名空间里访问 kube-dns 超时';
    expect(fills(zh).get('<namespace>')).toBe('prod');
    expect(fills(zh).get('<pod>')).toBeUndefined();
    // A namespace/pod is still one, a port after it too.
    const pod = 'pod prod/nginx-7d9f8b6c5-x2x9q cannot reach the Service';
    expect(fills(pod).get('<pod>')).toBe('nginx-7d9f8b6c5-x2x9q');
    expect(fills(pod).get('<namespace>')).toBe('prod');
    const port = 'pod prod/web:8080 refuses connections from other nodes';
    expect(fills(port).get('<pod>')).toBe('web');
    expect(fills('pod kube-system/coredns-5d78c9869d-8x2kf 一直 CrashLoopBackOff').get('<pod>')).toBe(
      'coredns-5d78c9869d-8x2kf',
    );
  });

  it('reads where the API server is configured to be as configuration, not the address the report tries', () => {
    const cilium =
      "Installed cilium with helm: kubeProxyReplacement=strict, k8sServiceHost=192.168.8.101, k8sServicePort=6443. The NodePort service doesn't work correctly: flow from outside cluster with src ip 192.168.0.1 can reach the pod";
    expect(fills(cilium).get('<target-ip>')).toBeUndefined();
    expect(fills(cilium).get('<src-ip>')).toBe('192.168.0.1');
    const kubeadm = 'kubeadm init --apiserver-advertise-address=10.0.2.15 之后 calico-node 一直 0/1';
    expect(fills(kubeadm).get('<target-ip>')).toBeUndefined();
    // The same address written again where the report tries it is still the target, and an address the report
    // tries without any setting before it too.
    const nodePort =
      'kubeadm v1.13.1: advertiseAddress 192.168.56.101, podSubnet 192.168.0.0/16. From a system outside the cluster, 192.168.56.102:nodeport works, 192.168.56.101:nodeport does not.';
    expect(fills(nodePort).get('<target-ip>')).toBe('192.168.56.101');
    expect(fills('从节点上 curl 192.168.8.101:6443 超时').get('<target-ip>')).toBe('192.168.8.101');
  });

  it('reads the reply source of a pasted conntrack command as the backend, no Service address', () => {
    const udp =
      'Two pods send UDP packets to a ClusterIP service. kube-proxy on the bad node did not clean up conntrack entries; cleaning them up manually allowed traffic to flow: conntrack -D -p udp --dport 6858 -r 172.18.209.67.';
    expect(fills(udp).get('<cluster-ip>')).toBeUndefined();
    expect(fills(udp).get('<target-ip>')).toBeUndefined();
    const zh = 'ClusterIP 服务的 UDP 包被丢弃，手动执行 conntrack -D -p udp --reply-src 10.244.2.15 后恢复';
    expect(fills(zh).get('<cluster-ip>')).toBeUndefined();
    // The original destination of the flow (`-d`) is still the Service's address.
    const dst = 'ClusterIP 服务的 UDP 包被丢弃，手动执行 conntrack -D -p udp -d 10.96.0.10 后恢复';
    expect(fills(dst).get('<cluster-ip>')).toBe('10.96.0.10');
  });
});

describe('the setting a real report asks for', () => {
  it('takes the first setting name after the interrogative, not one the clause names later', () => {
    expect(
      settingsAskedByName('Which dnsPolicy does a hostNetwork pod need to resolve cluster Services'),
    ).toEqual(['dnsPolicy']);
    expect(
      settingsAskedByName('Which dnsPolicy should the hostNetwork daemonset pods use to get the cluster DNS'),
    ).toEqual(['dnsPolicy']);
    expect(settingsAskedByName('hostNetwork 的 Pod 应该用哪个 dnsPolicy 才能解析 Service')).toEqual([
      'dnsPolicy',
    ]);
    // Words before the name that are not names themselves still let it be found.
    expect(settingsAskedByName('which value should externalTrafficPolicy have')).toEqual([
      'externalTrafficPolicy',
    ]);
  });

  it('reads "which sysctl" as asking for a kernel setting, a statement with sysctl as no ask', () => {
    expect(
      factAsk(
        'origin-node log: missing br-netfilter module or unset sysctl br-nf-call-iptables. Which sysctl has to be set for bridged pod traffic to go through the kube-proxy rules?',
      )?.kinds,
    ).toEqual(['setting']);
    expect(factAsk('网桥上的 Pod 流量要经过 kube-proxy 规则，需要打开哪个 sysctl？')?.kinds).toEqual([
      'setting',
    ]);
    expect(
      factAsk(
        'I ran sysctl -w net.ipv4.ip_forward=1 on every node but pods still cannot reach the internet.',
      ),
    ).toBeNull();
  });
});

describe('the line that answers a setting asked in a real report', () => {
  const KB = {
    'host/hostnet.md': [
      '---',
      'triggers: [hostNetwork dns]',
      'category: host-network',
      '---',
      '',
      '# hostNetwork Pod',
      '',
      '## 常见问题',
      '',
      '- DNS：默认 `dnsPolicy: ClusterFirst` 在 hostNetwork 下会退化为使用节点的 /etc/resolv.conf，解析不了 *.svc.cluster.local。',
      '',
      '| 现象 | 原因 | 检查 | 处理 |',
      '| --- | --- | --- | --- |',
      '| hostNetwork Pod 解析不了 `*.svc.cluster.local` | dnsPolicy 仍为 ClusterFirst，实际用的是节点 resolv.conf | `kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf` | 设置 `dnsPolicy: ClusterFirstWithHostNet` |',
      '',
    ].join('\n'),
    'pod/bridge.md': [
      '---',
      'triggers: [同节点 pod 不通]',
      'category: pod-to-pod',
      '---',
      '',
      '# 同节点 Pod 互访',
      '',
      '## 原理',
      '',
      'Linux bridge 模型有一个常被忽略的开关：`br_netfilter` 模块 + `net.bridge.bridge-nf-call-iptables=1`。',
      '它让经过 `cni0` 的二层帧也走 iptables，这是 kube-proxy 在客户端与后端在同一网桥时能正确反向 DNAT 的前提。',
      '',
    ].join('\n'),
  };
  let own: FixtureIndex;
  let kbDir: string;
  beforeAll(async () => {
    kbDir = await mkdtemp(path.join(os.tmpdir(), 'netkb-report-'));
    for (const [file, text] of Object.entries(KB)) {
      await mkdir(path.join(kbDir, path.dirname(file)), { recursive: true });
      await writeFile(path.join(kbDir, file), text);
    }
    own = await buildFixtureIndex(kbDir);
  });
  afterAll(async () => {
    await own.cleanup();
    await rm(kbDir, { recursive: true, force: true });
  });
  const quoteOf = (docPath: string, question: string): string => {
    const doc = own.searcher.doc(docPath);
    const ask = factAsk(question);
    if (!doc || !ask) throw new Error(`no doc or no ask: ${question}`);
    return directAnswer(question, [doc], ask)?.quote ?? '';
  };

  it('answers which dnsPolicy to use with the line that says what to set, not the one about the value in place', () => {
    expect(
      quoteOf(
        'host/hostnet.md',
        'cluster-dns setting is not applied to daemonset pods; my daemonset is using hostnetwork. Which dnsPolicy should the hostNetwork daemonset pods use to get the cluster DNS?',
      ),
    ).toContain('ClusterFirstWithHostNet');
    expect(
      quoteOf(
        'host/hostnet.md',
        'DNS resolution of hostNetwork pods. Which dnsPolicy does a hostNetwork pod need to resolve cluster Services?',
      ),
    ).toContain('ClusterFirstWithHostNet');
    // Asked what it is by default, the line that says the default answers.
    expect(quoteOf('host/hostnet.md', 'What dnsPolicy do hostNetwork pods get by default?')).toContain(
      '默认',
    );
  });

  it('answers which sysctl with the line naming the kernel key, not its neighbour', () => {
    expect(
      quoteOf(
        'pod/bridge.md',
        'PODS cannot communicate: missing br-netfilter module or unset sysctl br-nf-call-iptables. Which sysctl has to be set for bridged pod traffic to go through the kube-proxy rules?',
      ),
    ).toContain('net.bridge.bridge-nf-call-iptables');
    expect(
      quoteOf('pod/bridge.md', '同节点 Pod 经 Service 超时，要打开哪个 sysctl 才让网桥流量走 iptables？'),
    ).toContain('net.bridge.bridge-nf-call-iptables');
  });
});
