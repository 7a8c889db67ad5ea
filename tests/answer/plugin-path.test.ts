/**
 * A report of a path that a runbook about no particular CNI answers confidently (egress SNAT, Services, DNS) is
 * answered in a cluster running a network plugin the KB has no runbook for; a report about that plugin's own parts
 * is still declined as not covered. End to end on the bundled kb/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import { buildFixtureIndex, type FixtureIndex } from './fixture-index.js';

const KB = path.resolve(import.meta.dirname, '../../kb');

let index: FixtureIndex;
beforeAll(async () => {
  index = await buildFixtureIndex(KB);
});
afterAll(() => index.cleanup());

async function answer(message: string) {
  const { body } = await answerChat(
    { searcher: index.searcher, conversations: new ConversationStore() },
    { message },
  );
  return { kind: body.structured.kind, first: body.citations[0]?.path };
}

describe('a plugin the KB does not cover, on a path a generic runbook answers', () => {
  it.each([
    [
      // Real https://blog.gitcode.com/bbe14e3fd20e73c02b5db6650ef7b674.html: kube-router runs the cluster; the
      // report is about pod egress being masqueraded.
      'Kube-Router中Pod出口流量SNAT问题：使用k3s部署的集群，禁用了内置的Traefik、local-storage，双栈网络，使用kube-router替代kube-proxy和flannel， 配置了BGP路由通告。Pod与集群外部通信时，出站流量会被自动进行SNAT转换，源IP被替换为节点IP，IPv4和IPv6都是。kube-router添加了规则：-A POSTROUTING -m set --match-set kube-router-pod-subnets src -m set ! --match-set kube-router-pod-subnets dst -m set ! --match-set kube-router-node-ips dst -j MASQUERADE --random-fully。',
      'pod-to-external/egress-internet.md',
    ],
    [
      // Real antrea-io/antrea#204: an Antrea cluster whose Services stopped answering.
      'Cluster networking not working. I have deployed an app with Antrea and Istio, worked fine for a few days, now networking to the services does not work. Looking at the Antrea-agent logs I see the following: Failed to watch AppliedToGroups: Get https://10.96.72.118:443/apis/networkpolicy.antrea.io/v1beta1/appliedtogroups?fieldSelector=nodeName%3Dcalico1-follower&watch=true: dial tcp 10.96.72.118:443: connect: connection refused. 10.96.72.118 is my ClusterIP resource: kube-system antrea ClusterIP 10.96.72.118 <none> 443/TCP 3d13h',
      'service/clusterip-troubleshooting.md',
    ],
  ])('%s → answered from %s', async (question, doc) => {
    const got = await answer(question);
    expect(got.kind).toBe('answer');
    expect(got.first).toBe(doc);
  });

  it.each([
    // Real antrea-io/antrea#2298: the Antrea agent and its OVS bridge are the subject.
    'Antrea crashes after bridge manually added to OVS. On node that is running antrea-agent create bridge ovs-vsctl add-br br-test. Expected: the bridge is created and both antrea and ovs bridge are working and not conflicting. Actual: Antrea-agent container crashes with this log: E0623 16:14:20.195427 1 runtime.go:78] Observed a panic: "invalid memory address or nil pointer dereference"; antrea.io/antrea/pkg/agent/util.ConfigureLinkAddresses(0xb, 0xc00090c110, 0x1) /antrea/pkg/agent/util/net_linux.go:158 +0x59; /antrea/pkg/agent/agent.go:887 +0x58.',
    // Real kubeovn/kube-ovn#1160: a Multus attachment's subnet is the subject.
    'multus网卡配置不生效。使用multus配置网卡attachnet1，并指定attachnet1的子网为net1，配置不生效，attachnet1网卡最后分配到默认子网。测试pod centos-tools: annotations v1.multus-cni.io/default-network: default/attachnet1, attachnet1.default.ovn.kubernetes.io/logical_switch: net1。kubectl get po -owide centos-tools 查看 pod ip 处于默认子网10.16.0.0/16，而不是指定子网net1。',
    // Constructed: pods on two nodes reach each other over the plugin's own routes.
    'Pods on different nodes cannot ping each other; pods on one node are fine. Cluster built with kops --networking kube-router, two subnets.',
    // Constructed: Chinese, the same over Terway's ENIs.
    '跨节点的 pod 之间不通，同节点正常。阿里云 ECS 自建集群，网络插件 terway。',
  ])('a report about the plugin itself is still declined: %s', async (question) => {
    expect((await answer(question)).kind).toBe('abstain');
  });
});
