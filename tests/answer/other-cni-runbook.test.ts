import { describe, expect, it } from 'vitest';
import { commandsPlugin, otherCniRunbookLeads } from '../../src/answer/other-cni-runbook.js';

/** A KB with runbooks for these CNIs (Canal is Flannel's and Calico's). */
const KB_WORDS = new Set(['calico', 'cilium', 'flannel', 'canal', 'kube-ovn', 'bridge']);
const known = (name: string) => KB_WORDS.has(name);

describe("otherCniRunbookLeads: another plugin's runbook leading a report of an uncovered plugin's cluster", () => {
  it.each([
    'Network not working after node reboot. After rebooting worker-3, pods on it cannot reach anything. We run Weave Net 2.8.1 on kubeadm 1.22. weave status on worker-3 shows 0 established connections and 2 failed.',
    'Pods on one node lose connectivity. INFO: ->[10.0.1.5:6783] connection shutting down due to error: read: connection reset by peer. kubectl logs weave-net-abcde -c weave',
    'Connectivity between nodes broken after adding a new node. Network: kube-router v1.3 with BGP full mesh. gobgp global rib on node4 is empty.',
    'pods on new node have no network. kops cluster with --networking weave. the pods on the new node cannot reach any other pod.',
    '新加节点上的 pod 无法访问其他节点的 pod，网络插件为 antrea，隧道一直建立不起来。',
    '节点重启后路由丢失。使用 kube-router 作为 CNI，BGP 邻居是 Established，但 ip route 里没有其他节点的 pod 网段。',
  ])('declines %s', (question) => {
    expect(otherCniRunbookLeads(question, 'calico', known)).toMatch(/network plugin's own datapath/);
  });

  it('names every uncovered plugin the report runs', () => {
    expect(
      otherCniRunbookLeads('Tunnel down between nodes. CNI: antrea, geneve encap.', 'kube-ovn', known),
    ).toBe("the antrea network plugin's own datapath (its agents, peers, tunnels and routes)");
  });

  it.each([
    // A runbook about no particular plugin leads: its commands hold whatever plugin runs.
    ['Pods on one node lose connectivity. We run Weave Net 2.8.1.', null],
    // A covered plugin named anywhere: the cluster may run that one, or be moving to it.
    [
      'pod to pod on different nodes do not ping. calicoctl 3.1.0; do I need flannel or kube-router?',
      'calico',
    ],
    ['Moved from weave to flannel last week; now pods on node2 cannot reach pods on node3.', 'flannel'],
    ['换掉 weave 之后跨节点不通，kubectl ko nbctl show 里少了一台机器。', 'kube-ovn'],
    // A path of any plugin in the first sentence: the policy's, the Service's runbook answers it.
    [
      'Ingress network policy blocks readiness/liveness checks from kubelet. Checks occur from kube-bridge node interface IP. I expect kube-router to allow that IP.',
      'kube-ovn',
    ],
    ['使用 weave 网络插件，Pod 访问 Service 的 ClusterIP 超时。', 'calico'],
    // A distribution whose default plugin is the leading runbook's: K3s runs Flannel beside kube-router's policies.
    [
      'k3s cluster, pods on agent-2 cannot reach pods on agent-1; kube-router network policy controller is on.',
      'flannel',
    ],
    // Weaveworks products that are not Weave Net, and no plugin named at all.
    ['BGP peers flap after node restart. Weave Scope shows the nodes disconnected.', 'calico'],
    ['跨节点 pod 不通，重启节点后恢复。', 'calico'],
  ])('answers %s', (question, leadCni) => {
    expect(otherCniRunbookLeads(question, leadCni, known)).toBeNull();
  });
});

describe("commandsPlugin: the plugin whose own tools run most of a runbook's commands", () => {
  it('reads an OVS how-to run through kubectl ko as Kube-OVN, a Calico runbook as Calico', () => {
    expect(
      commandsPlugin([
        'kubectl ko vsctl <node-name> show',
        'kubectl ko ofctl <node-name> dump-flows br-int | grep <pod-ip>',
        'kubectl ko appctl <node-name> dpctl/dump-flows | grep "actions:drop"',
        'ip route get <pod-ip>',
      ]),
    ).toBe('kube-ovn');
    expect(commandsPlugin(['calicoctl node status', 'calicoctl get ippool -o wide', 'ip route'])).toBe(
      'calico',
    );
  });

  it('reads no plugin from a runbook naming plugins in a few commands, or from mixed and empty lists', () => {
    expect(
      commandsPlugin([
        'tcpdump -i <iface> -nn host <pod-ip>',
        'tcpdump -i flannel.1 -nn host <pod-ip>',
        'kubectl get networkpolicy -A',
        'calicoctl get networkpolicy -n <namespace> -o wide',
      ]),
    ).toBeNull();
    expect(
      commandsPlugin(["kubectl get pods -n kube-system -o wide | grep -E 'calico|cilium|kube-ovn'"]),
    ).toBeNull();
    expect(commandsPlugin([])).toBeNull();
  });
});
