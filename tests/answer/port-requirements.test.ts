import { describe, expect, it } from 'vitest';
import {
  portRequirementsExplainedBy,
  uncoveredPortRequirements,
} from '../../src/answer/port-requirements.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredPortRequirements: the ports a cluster's nodes need open", () => {
  it.each([
    // Real (kubernetes-retired/bootkube#344).
    'Document the ports that we require to be open between master/worker nodes. Which ports have to be open between master and worker nodes?',
    // Real (easzlab/kubeasz#954).
    '生产环境开启防火墙，master和node需要开放的端口有哪些。生产环境开启防火墙，master 和 node 需要开放的端口有哪些？',
    // Constructed: English, a security group.
    'What ports are required in the security group for a kubeadm control plane and its workers?',
    // Constructed: Chinese, firewalld.
    'k8s 集群开启 firewalld 后要放行哪些端口？',
  ])('%s → declined', (question) => {
    expect(uncoveredPortRequirements(question, false)).toContain('ports');
    expect(uncoveredPortRequirements(question, true)).toBeNull();
  });
  it.each([
    // Real (reports12.yaml): a CNI's datapath port, which its runbook states.
    "docs: Add cluster port requirements / descriptions. Which UDP port must the firewall open between nodes for flannel's vxlan backend?",
    // Constructed: Chinese, Calico's BGP port.
    '节点之间的 BGP 用哪个端口，防火墙要放行哪些端口？',
    // Constructed: a port of a part a runbook explains.
    'Which ports does kube-proxy open on each node for its healthz and metrics endpoints?',
    // Constructed: ports asked, nothing to open.
    'Which ports does my Service expose?',
    // Constructed: Chinese, a single port of a default-deny policy.
    '加了默认拒绝的网络策略后 egress 需要放行哪个端口？',
  ])('%s → not declined', (question) => {
    expect(uncoveredPortRequirements(question, false)).toBeNull();
  });
  it.each([
    // Real (reports22.yaml): a plugin the KB does not cover, whatever part of it is named.
    'How many ports are weavev daemon used for communication and DNS search? I need to control the firewall and open some ports that `weave launch` will use. Which ports (tcp/udp/..) are needed to be opened?',
    // Constructed, Chinese: the same.
    '装了 antrea，防火墙需要放行哪些端口？',
  ])('%s → declined when the KB does not cover the plugin', (question) => {
    const coversFlannelOnly = (name: string) => name === 'flannel';
    expect(uncoveredPortRequirements(question, false, coversFlannelOnly)).toContain('plugin');
    expect(uncoveredPortRequirements(question, false)).toBeNull();
  });
  it.each([
    // A plugin the KB covers (reports12.yaml), and one covered beside one that is not (constructed).
    "Which UDP port must the firewall open between nodes for flannel's vxlan backend?",
    'We moved from weave to flannel; which ports have to be open between nodes now?',
    // A plugin the KB does not cover, no port list asked (constructed).
    'weave DNS does not resolve service names, firewall is open',
  ])('%s → not declined as an uncovered plugin', (question) => {
    const coversFlannelOnly = (name: string) => name === 'flannel';
    expect(uncoveredPortRequirements(question, false, coversFlannelOnly)).toBeNull();
  });
  it('is explained by a runbook stating port requirements, not by one naming a single port', () => {
    expect(portRequirementsExplainedBy([doc('Flannel VXLAN', ['防火墙未放行 UDP 8472'])])).toBe(false);
    expect(portRequirementsExplainedBy([doc('集群端口列表与防火墙规则')])).toBe(true);
  });
});
