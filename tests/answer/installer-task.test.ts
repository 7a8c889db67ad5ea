import { describe, expect, it } from 'vitest';
import { installerTaskExplainedBy, uncoveredInstallerTask } from '../../src/answer/installer-task.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredInstallerTask: an installer's Ansible task failing", () => {
  it.each([
    // Real (scope3.yaml, shortened).
    '启动kubelet报错。按照 quickStart 执行到 TASK [kube-node : 轮询等待kubelet启动] 时报错：FAILED - RETRYING: 轮询等待kubelet启动 (8 retries left) ... fatal: [192.168.1.175]: FAILED! => {"attempts": 8, "changed": true}',
    // Real kubernetes-sigs/kubespray#1716 (shortened).
    'Cannot deploy cluster on Azure - check network_plugin != calico\' failed. I have kube_network_plugin: flannel in k8s-cluster.yml. TASK [network_plugin/calico : Calico | Set global as_num] fatal: [master-0]: FAILED! => {"msg": "The conditional check \'network_plugin != calico\' failed."}',
    // Real kubernetes-sigs/kubespray#6843 (shortened).
    'After deploy k8s with kubespray some containers not created. TASK [kubernetes/node : Modprobe nf_conntrack_ipv4 for kernels < 4.19] fatal: [node1]: FAILED! => {"msg": "modprobe: FATAL: Module nf_conntrack_ipv4 not found"}',
  ])('%s → declined', (question) => {
    expect(uncoveredInstallerTask(question, false)).toContain('Ansible');
    expect(uncoveredInstallerTask(question, true)).toBeNull();
  });
  it.each([
    // Real (reports14.yaml, shortened): the failing task checks a path, and the headline names a ping.
    'Calico ping failed on Ubuntu1404. TASK [Ping between pods is working]: fatal: [node1]: FAILED! cmd: kubectl exec test-dodz6 -- ping -c 4 10.233.88.2',
    // Constructed: the headline names DNS, the playbook only the setting.
    'Pods cannot resolve DNS after the kubespray run. TASK [kubernetes-apps/ansible : Kubernetes Apps | Start Resources] fatal: [node1]: FAILED!',
    // Constructed (Chinese): a task name naming a tunnel.
    '部署到最后一步失败。TASK [network_plugin/flannel : 检查 vxlan 隧道] fatal: [node2]: FAILED!',
    // Constructed: no Ansible failure pasted.
    'kubespray cluster: pods on node-2 cannot reach the ClusterIP 10.233.0.3',
  ])('%s → not declined', (question) => {
    expect(uncoveredInstallerTask(question, false)).toBeNull();
  });
  it('is explained by a runbook stating an installer task', () => {
    expect(installerTaskExplainedBy([doc('Kubespray', ['TASK [network_plugin/calico] fails'])])).toBe(true);
    expect(installerTaskExplainedBy([doc('Calico BGP', ['BGP not established'])])).toBe(false);
  });
});
