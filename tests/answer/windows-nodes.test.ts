import { describe, expect, it } from 'vitest';
import { uncoveredWindowsNodes, windowsNodesExplainedBy } from '../../src/answer/windows-nodes.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredWindowsNodes: Windows nodes' own pod networking", () => {
  it.each([
    // Constructed: DNS inside a Windows container.
    'Windows pods cannot resolve DNS: nslookup kubernetes.default times out inside a Windows Server 2022 container, Linux pods are fine.',
    // Constructed: HNS endpoints on a Windows node.
    'Get-HnsEndpoint shows the endpoint but curl to the ClusterIP times out from the pod. HNS network l2bridge, flannel host-gw on Windows Server 2019.',
    // Constructed: kube-proxy's winkernel mode.
    'kube-proxy in winkernel mode does not program load balancers for NodePort services on the Windows worker.',
    // Constructed (Chinese).
    'Windows 节点上的 Pod 无法访问 Service，Linux 节点正常，HNS 里看不到对应的负载均衡策略。',
  ])('%s → declined', (question) => {
    expect(uncoveredWindowsNodes(question, false)).toContain('Windows');
    expect(uncoveredWindowsNodes(question, true)).toBeNull();
  });
  it.each([
    // Real (fills5.yaml, shortened): Windows nodes only in the inventory.
    'Networking issue between nodes. RKE2 Version: v1.30.2+rke2r1. 3 Linux Nodes (RHEL 8), 2 Windows Nodes (Server 2019), Flannel CNI. Except first node all other nodes not able to access Kube APIs and unable to resolve DNS.',
    // Real (reports7.yaml, shortened): Linux nodes fail too.
    'NodePort routing broken on both Linux and Windows nodes. I have set up a new cluster (ovn-kubernetes); the node port problem occurs on two of the Linux nodes.',
    // Real (reports17.yaml, shortened): a Windows laptop reaching a cluster, no Windows node.
    'Kubernetes: Cannot access service? Windows 10 Home 20H2, Docker Desktop 2.5.0.1 with WSL2 backend. curl nginx:80 from another pod inside the cluster, nothing happens.',
    // Constructed (Chinese): a Windows client outside the cluster.
    '从 Windows 电脑访问 NodePort 不通，Linux 节点上 curl 正常。',
  ])('%s → not declined', (question) => {
    expect(uncoveredWindowsNodes(question, false)).toBeNull();
  });
  it('is explained by a runbook about Windows nodes, not by a port named for Windows in prose', () => {
    expect(windowsNodesExplainedBy([doc('Flannel VXLAN', ['跨节点不通'], 'Windows 用 4789')])).toBe(false);
    expect(windowsNodesExplainedBy([doc('Windows 节点 HNS 排障')])).toBe(true);
  });
});
