import { describe, expect, it } from 'vitest';
import {
  apiServiceExplainedBy,
  componentsExplainedBy,
  explainedComponentsFailing,
  namesComponent,
  uncoveredComponent,
} from '../../src/answer/uncovered-components.js';

const doc = (
  title: string,
  {
    triggers = [],
    headings = [],
    symptoms = [],
    signals = [],
    prose = '',
  }: Record<string, string[] | string> = {},
) => ({
  title,
  triggers: triggers as string[],
  signals: signals as string[],
  chunks: [{ headingPath: ['概述', ...(headings as string[])], text: prose }] as never,
  troubleshooting: (symptoms as string[]).map((symptom) => ({ symptom })) as never,
});

/** A KB shaped like kb/: calico-node in a heading and a row, Kube-OVN's components in signals, kube-flannel a trigger. */
const KB = [
  doc('Calico 跨节点通信：BGP、IPIP 与 VXLAN', {
    headings: ['1. calico-node 与 BGP 会话'],
    symptoms: ['`calicoctl node status` 显示 `Active`/`Connect`，calico-node 0/1 Ready'],
  }),
  doc('OVS 流表排查', { signals: ['kube-ovn-controller crashloopbackoff', 'kube-ovn-cni crashloopbackoff'] }),
  doc('Flannel 跨节点通信：VXLAN 与 host-gw', { triggers: ['kube-flannel', 'subnet.env'] }),
  // The Cilium runbook names its agent only in a command and a fix, not in a topic.
  doc('Cilium eBPF 数据面架构与排查', {
    headings: ['1. 整体健康状态'],
    prose:
      'kubectl -n kube-system exec ... -c cilium-agent -- cilium-dbg status --verbose; 重启该节点 cilium-agent',
  }),
  doc('OVN-Kubernetes 网关模式', { prose: '重启 ovnkube-node，重建 br-ex 流表' }),
  doc('ClusterIP 不通排查', { symptoms: ['Pod 访问 kubernetes Service 10.96.0.1:443 超时'] }),
  doc('CoreDNS 解析失败排查', { triggers: ['coredns 解析失败'] }),
];
const explained = componentsExplainedBy(KB);
const api = apiServiceExplainedBy(KB);

describe('componentsExplainedBy: the components a runbook names in a topic', () => {
  it('reads titles, triggers, signals, headings and symptom rows, not prose or commands', () => {
    expect([...explained].sort()).toEqual([
      'calico-node',
      'coredns',
      'kube-flannel',
      'kube-ovn-cni',
      'kube-ovn-controller',
    ]);
    expect(api).toBe(true);
    expect(apiServiceExplainedBy(KB.slice(0, 3))).toBe(false);
  });
});

describe('uncoveredComponent: a CNI component failing that no runbook explains', () => {
  it.each([
    // Real (fills3.yaml, shortened).
    'ovnkube-master & node anr not coming up (CrashLoopBackOff). After adding ipamclaims in clusterrole fix master pod but ovnkube-node error.',
    // Real (fills3.yaml, shortened).
    'ovn-kube-node crash-loops in update to 4.13.0-0.okd-2023-05-22-052007. The ovnkube-node ds does not rollout: ovnkube-node-5xcpc 3/5 CrashLoopBackOff 8.',
    // Real (scope5.yaml, shortened).
    'Cilium agent pod got crashloopbackoff after upgrade to bullseye. level=error msg="Command execution failed" cmd="[/var/lib/cilium/bpf/init.sh ... tunnel vxlan 8472 eth0 cilium_host]"',
    // Real (scope4.yaml, shortened).
    'kube-ovn-pinger这个组件无法启动。使用install.sh脚本安装，卡在第4步：Waiting for daemon set "kube-ovn-pinger" rollout to finish: 0 of 2 updated pods are available... error: timed out waiting for the condition',
    // Real (scope4.yaml, shortened): the plugin's pods as a whole, none of its components explained.
    'ovn-kubernetes deployment failing because of readiness/liveness check. Events on kube-master3: Started container ovnkube-node; Warning Unhealthy Readiness probe failed.',
    // Real (reports8.yaml).
    "Cilium Pod Not Ready. The cilium agent pod does not become ready; its log ends with the flag dump ... --tunnel='vxlan'.",
    // Constructed.
    'calico-kube-controllers 一直 CrashLoopBackOff。日志：failed to initialize datastore: context deadline exceeded',
  ])('%s → declined', (question) => {
    expect(uncoveredComponent(question, explained, api)).toContain('CNI component');
  });

  it.each([
    // Real (scope4.yaml, shortened): a signal names kube-ovn-controller's crash loop.
    'kube-ovn-controller经常Crash，重启后过不了多长时间就宕了。kube-ovn-controller-86d7c8d6c4-4ddpx 0/1 CrashLoopBackOff 15。',
    // Real (scope5.yaml, shortened): a heading and a row name calico-node.
    'Pod calico-node stuck in CrashLoopBackOff status. calico-node: error while loading shared libraries: libpcap.so.0.8.',
    // Real (fills.yaml): a trigger names kube-flannel.
    'pod kube-flannel-ds CrashLoopBackOff. kubectl get pods -n kube-system: kube-flannel-ds-5w8v2 0/1 CrashLoopBackOff 9.',
    // Real (reports11.yaml, shortened): its log shows the API server's Service address timing out.
    'calico-kube-controllers CrashLoopBackOff. Error getting cluster information config ClusterInformation=default error=Get https://10.233.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default: dial tcp 10.233.0.1:443: i/o timeout',
    // Real (facts6.yaml, shortened): 连不上kube-apiserver.
    '现象：安装了一个单节点的K8S集群，发现上面有Pod起不来：calico-kube-controllers-78b75d47c-m4m2c 0/1 CrashLoopBackOff，日志显示该Pod连不上kube-apiserver，在主机上Ping这个Pod的IP也不通。',
    // Real (scope2.yaml, shortened): CoreDNS fails beside the component, and a runbook explains CoreDNS.
    '缺陷: 集群部署后coredns和calico-kube-controllers不能正常运行。sealos init 后发现coredns 处于Notready状态。',
    // Real (fills.yaml): the plugin's containers as a whole, some of its components explained.
    'microk8s kube-ovn addon - ovn pinger and ovn cni containers in crashloopbackoff. kubectl get pods -A shows them restarting.',
    // Real (doubt.yaml, shortened): the component is named beside a connectivity failure, not failing itself.
    'Some pods/nodes lose connectivity and need cilium pod restart to get it back (with IPSec). No cilium managed pod is able to talk to any pod on the affected node.',
    // Constructed: a bare "failed" from the component's log is a datapath failure, not the component's own.
    'cilium-agent failed to reach node 10.0.0.5 over vxlan: cluster health unreachable. Pods across nodes time out.',
    // Constructed: no component failing in the headline.
    'Pods on node-2 cannot reach the ClusterIP 10.96.0.10. cilium-agent logs attached: CrashLoopBackOff earlier today.',
  ])('%s → answered', (question) => {
    expect(uncoveredComponent(question, explained, api)).toBeNull();
  });

  it('is KB-relative: a KB naming the component answers it', () => {
    const question =
      'ovnkube-node 1/3 CrashLoopBackOff after the upgrade. kubectl describe shows the container exits.';
    expect(uncoveredComponent(question, explained, api)).not.toBeNull();
    const withRow = componentsExplainedBy([
      ...KB,
      doc('OVN-K', { symptoms: ['ovnkube-node CrashLoopBackOff'] }),
    ]);
    expect(uncoveredComponent(question, withRow, api)).toBeNull();
  });
});

describe('explainedComponentsFailing: a failing component a runbook explains', () => {
  it.each([
    // Real (reports23.yaml): the pasted inventory shares few words with the Calico runbook.
    [
      'kubernetes v1.24.0 install failed with calico node not ready. KubeKey 2.1.0, ubuntu 22.04; hosts master 192.168.72.30, node1 192.168.72.31; network plugin calico, kubePodsCIDR 10.233.64.0/18, containerd.',
      ['calico-node'],
    ],
    // Real (reports15.yaml, shortened).
    [
      '多节点离线部署 从节点 calico-node 容器启动失败。KubeKey 2.3.0，CentOS 7.6，两台主机 master-1 和 node-1',
      ['calico-node'],
    ],
    // Constructed.
    ['flannel 的 pod 一直重启，kube-flannel-ds 处于 CrashLoopBackOff。', ['kube-flannel']],
  ])('%s → %j', (question, names) => {
    expect(explainedComponentsFailing(question, explained)).toEqual(names);
  });

  it.each([
    // A component no runbook explains is declined (`uncoveredComponent`), not answered.
    'ovnkube-node 1/3 CrashLoopBackOff after the upgrade. kubectl describe shows the container exits.',
    // Constructed: the component is named, but the headline says nothing of its pod failing.
    'Which interface does calico-node pick for BGP? I set IP_AUTODETECTION_METHOD=interface=eth1.',
    // The failing component is only in the body.
    'Pods on node-2 cannot reach the ClusterIP 10.96.0.10. calico-node logs attached: CrashLoopBackOff earlier today.',
    // Constructed, Chinese: no component named.
    '跨节点 Pod 之间 ping 不通，节点之间可以互通。',
  ])('%s → none', (question) => {
    expect(explainedComponentsFailing(question, explained)).toEqual([]);
  });
});

describe('namesComponent', () => {
  it('tells an asking clause about a component', () => {
    expect(namesComponent('which namespace does calico-kube-controllers run in')).toBe(true);
    expect(namesComponent('cilium-operator 的副本数是多少')).toBe(true);
    expect(namesComponent('what MTU does flannel.1 use')).toBe(false);
  });
});
