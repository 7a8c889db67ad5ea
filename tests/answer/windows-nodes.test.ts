import { describe, expect, it } from 'vitest';
import { uncoveredWindowsNode, windowsNodeExplainedBy } from '../../src/answer/windows-nodes.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredWindowsNode: a Windows node's own pod networking", () => {
  it.each([
    // Real (flannel-io/flannel#1812, shortened).
    'Windows pods do not start with flannel host-gw. A sample windows pod is stuck in ContainerCreating: error while adding HNSEndpoint: Endpoint not found',
    // Real (flannel-io/flannel#1391, shortened).
    'Failed to restart Flannel HostGW mode in Windows(Server Core, version 1909) with K8S 1.18. Workaround: remove the cbr0_ep HNSEndpoint manually.',
    // Real (kubernetes-sigs/sig-windows-tools#94, shortened).
    'kube-flannel-ds-windows-amd64 stuck in ContainerCreating state after Windows node reboot. Error response from daemon: network host not found',
    // Real (microsoft/windows-container-networking#40, shortened).
    'sdnbridge + flannel in host-gw mode: wrong endpoint default gateway. Pods do not communicate across nodes.',
    // Constructed: Chinese.
    'Windows 节点上的 Pod 无法访问 Linux 节点上的 Pod，flannel vxlan 模式',
  ])('%s → declined', (question) => {
    expect(uncoveredWindowsNode(question, false)).toContain('Windows');
    expect(uncoveredWindowsNode(question, true)).toBeNull();
  });
  it.each([
    // Real (fills5.yaml): Windows nodes named only in the body of a cross-node report.
    'Networking issue between nodes. RKE2 Version: v1.30.2+rke2r1. 3 Linux Nodes (RHEL 8), 2 Windows Nodes (Server 2019).',
    // Real (reports13.yaml): Windows is the reporter's desktop.
    'Creating Services. curl timed out when doing curl http://$(minikube ip):32000 (WSL2, minikube 1.29, Windows 11, Calico plugin).',
    // Constructed: Chinese, a Windows client reaching a NodePort.
    'K8S集群外部访问，配置成nodeport仍无法访问。环境：windows客户端无K8S服务，linux服务器部署K8S。',
    // Constructed: the reporter's Windows host machine.
    'MetalLB ip is not accessible from my windows host machine, the VM runs Ubuntu with a bridged network.',
  ])('%s → answered', (question) => {
    expect(uncoveredWindowsNode(question, false)).toBeNull();
  });
  it('is explained by a runbook whose topics state Windows nodes, not by one naming Windows in its prose', () => {
    expect(windowsNodeExplainedBy([doc('Windows 节点 Pod 网络（HNS）')])).toBe(true);
    expect(windowsNodeExplainedBy([doc('Flannel VXLAN', [], 'Linux 默认 8472；Windows 用 4789')])).toBe(
      false,
    );
  });
});
