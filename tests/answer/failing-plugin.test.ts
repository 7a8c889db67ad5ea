import { describe, expect, it } from 'vitest';
import { failingPlugins, uncoveredFailingPlugin } from '../../src/answer/failing-plugin.js';

/** A KB naming the CNIs it has runbooks for and the plugins their runbooks mention (flannel's `bridge`). */
const KB_WORDS = new Set(['calico', 'cilium', 'flannel', 'kube-ovn', 'bridge', 'portmap', 'aws', 'azure']);
const known = (name: string) => KB_WORDS.has(name);

describe('failingPlugins: the plugin the runtime names as failed', () => {
  it('reads containerd, Multus and libcni lines, escaped quotes included, meta plugins left out', () => {
    expect(
      failingPlugins(
        'failed to setup network for sandbox "4e47": plugin type="cilium-cni" name="cilium" failed (add): x',
      ),
    ).toEqual(['cilium-cni']);
    expect(
      failingPlugins('err="rpc error: plugin type=\\"flannel\\" failed (add): loadFlannelSubnetEnv failed"'),
    ).toEqual(['flannel']);
    expect(
      failingPlugins(
        'Multus: error in invoke Delegate add - "macvlan": failed to find plugin "macvlan" in path [/opt/cni/bin]',
      ),
    ).toEqual(['macvlan']);
    expect(
      failingPlugins(
        'plugin type="multus-shim" name="multus-cni-network" failed (add): CmdAdd (shim): CNI request failed',
      ),
    ).toEqual([]);
    expect(
      failingPlugins(
        'NetworkPlugin cni failed to set up pod "a_default" network: add cmd: failed to assign an IP address',
      ),
    ).toEqual([]);
  });
});

describe("uncoveredFailingPlugin: a pod's sandbox failing in a plugin the KB does not cover", () => {
  it.each([
    // Real (kubernetes/kubernetes#131071, shortened).
    'Failure cluster `plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container`. Warning FailedCreatePodSandBox Pod/e2e-test-httpd-pod Failed to create pod sandbox',
    // Real (Azure/azure-container-networking#2999, shortened).
    'Unable to create pods: not enough IPs available, waiting on Azure CNS. Failed to create pod sandbox: plugin type="azure-vnet" failed (add): IPAM Invoker Add failed with error',
    // Real (k8snetworkplumbingwg/multus-cni#386, shortened).
    'Multus: Err adding pod to network. NetworkPlugin cni failed to set up pod "samplepod_default" network: Multus: Err adding pod to network "macvlan-conf": Multus: error in invoke Delegate add - "macvlan": failed to find plugin "macvlan" in path [/opt/cni/bin]',
    // Constructed: Chinese, Terway running out of vSwitch addresses.
    '创建 Pod 失败，一直 ContainerCreating：plugin type="terway" failed (add): error get ip from terway, vSwitch no available ip',
  ])('%s → declined', (question) => {
    expect(uncoveredFailingPlugin(question, known)).toContain('CNI plugin');
  });
  it.each([
    // Real (projectcalico/calico#9215, shortened): a covered CNI's own failure.
    'failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized. Failed to create pod sandbox: plugin type="calico" failed (add): error getting ClusterInformation',
    // Real (cilium/cilium#23870, shortened): a covered CNI's binary.
    'plugin type="cilium-cni" name="cilium" failed (add): failed to find plugin "cilium-cni" in path [/opt/kube/bin]. where can i find binary of cilium-cni?',
    // Constructed: flannel's bridge delegate, a plugin the KB names.
    'Pods stuck in ContainerCreating: plugin type="bridge" failed (add): failed to set bridge addr: "cni0" already has an IP address different from 10.244.1.1/24',
    // Constructed: Multus delegating to a covered CNI beside an uncovered one.
    'Multus: error in invoke Delegate add - "calico": error getting ClusterInformation; error in invoke Delegate add - "macvlan": timeout',
    // Constructed: a first sentence about DNS; the sandbox error is pasted in passing.
    'CoreDNS 解析超时，另外有个 pod 报 plugin type="aws-cni" failed (add): add cmd: failed to assign an IP address to container',
    // Constructed: no runtime line naming the plugin.
    'EKS pods stuck in ContainerCreating: add cmd: failed to assign an IP address to container',
  ])('%s → not declined', (question) => {
    expect(uncoveredFailingPlugin(question, known)).toBeNull();
  });
  it('is KB-relative: a KB naming the plugin covers it', () => {
    const question =
      'plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container';
    expect(uncoveredFailingPlugin(question, (name) => name === 'aws-cni')).toBeNull();
  });
});
