/**
 * Words of real reports that a runbook row must say for its check to be chosen: a pasted kernel log line, a
 * product name the reporter uses for what the runbook calls otherwise. End to end on the bundled kb/.
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
  return { first: body.citations[0]?.path, commands: body.commands.map((c) => c.command) };
}

describe('a pasted "martian source" kernel line is read as rp_filter dropping the packets', () => {
  it('offers the rp_filter check (jishuzhan report, and the dmesg line in English)', async () => {
    const zh = await answer(
      '宿主机 10.32.56.42 无法 ping 通 K8s 节点 10.32.56.117,集群用 Calico BGP 模式,节点日志里有 Martian source。',
    );
    expect(zh.commands.some((c) => c.includes('rp_filter'))).toBe(true);
    const en = await answer(
      'Node cannot reach pods on another node, dmesg shows IPv4: martian source 10.244.1.5 from 10.244.2.1, on dev flannel.1',
    );
    expect(en.commands.some((c) => c.includes('rp_filter'))).toBe(true);
  });

  it('does not offer it when nothing points at reverse-path filtering', async () => {
    const zh = await answer('节点 ping 不通 pod，没有任何报错');
    expect(zh.commands.some((c) => c.includes('rp_filter'))).toBe(false);
    const en = await answer('Node cannot reach pods on another node, flannel vxlan backend');
    expect(en.commands.some((c) => c.includes('rp_filter'))).toBe(false);
  });
});

describe('LVS is read as IPVS, the kernel load balancer kube-proxy drives', () => {
  it('cites the kube-proxy runbook first for a report of an LVS virtual IP (labring/sealos#2108, and in English)', async () => {
    const zh = await answer(
      '通过LVS访问apiserver,部分节点不通。ipvsadm -Ln -t 10.103.97.2:6443 能看到三个 master 后端,但在部分节点上 curl https://10.103.97.2:6443 有一半请求超时。',
    );
    expect(zh.first).toBe('service/kube-proxy-iptables-ipvs.md');
    expect(zh.commands.some((c) => c.startsWith('ipvsadm -Ln'))).toBe(true);
    const en = await answer(
      'Access to apiserver through LVS fails on some nodes, curl https://10.103.97.2:6443 times out half of the time.',
    );
    expect(en.first).toBe('service/kube-proxy-iptables-ipvs.md');
  });

  it('does not lift it when neither LVS nor IPVS is named', async () => {
    const zh = await answer('部分节点通过 apiserver VIP 访问 6443 一半请求超时');
    expect(zh.first).not.toBe('service/kube-proxy-iptables-ipvs.md');
    const en = await answer(
      'Access to apiserver fails on some nodes, curl https://10.103.97.2:6443 times out half of the time.',
    );
    expect(en.first).not.toBe('service/kube-proxy-iptables-ipvs.md');
  });
});

describe('a NodePort that answers only on some nodes is read as the other nodes lacking the NodePort rules or the path to the pod', () => {
  const nodePortRules = (commands: string[]) => commands.some((c) => c.includes('KUBE-NODEPORTS'));

  it('offers the KUBE-NODEPORTS rule check when only the pod node (or only the workers) answers', async () => {
    const en = await answer(
      'NodePort works only on the node where the pod runs; curl to the NodePort on the other nodes times out. externalTrafficPolicy is Cluster.',
    );
    expect(en.first).toBe('service/nodeport-loadbalancer.md');
    expect(nodePortRules(en.commands)).toBe(true);
    const zh = await answer('NodePort 类型的 svc，从 worker 节点可以访问，从 master 节点访问 nodePort 超时');
    expect(zh.first).toBe('service/nodeport-loadbalancer.md');
    expect(nodePortRules(zh.commands)).toBe(true);
  });

  it('does not offer it for a pending EXTERNAL-IP or a lost client IP', async () => {
    const zh = await answer('LoadBalancer 的 EXTERNAL-IP 一直 pending');
    expect(nodePortRules(zh.commands)).toBe(false);
    const en = await answer(
      'The app logs show the node IP as client address for every request to my NodePort service',
    );
    expect(nodePortRules(en.commands)).toBe(false);
  });
});

describe('a masquerade rule that does not match the pod network is read as a wrong kube-proxy clusterCIDR', () => {
  const proxyConfig = (commands: string[]) => commands.some((c) => c.includes('clusterCIDR'));

  it('offers the kube-proxy configmap check when KUBE-MARK-MASQ names another source range', async () => {
    const zh = await answer(
      'Service 访问不通，iptables 里 KUBE-MARK-MASQ 规则的源网段是 !10.244.0.0/16，但集群 Pod 网段是 172.20.0.0/16，kube-proxy 的 clusterCIDR 是不是配错了',
    );
    expect(zh.first).toBe('service/kube-proxy-iptables-ipvs.md');
    expect(proxyConfig(zh.commands)).toBe(true);
    const en = await answer(
      'Service unreachable: kube-proxy masquerades the wrong traffic, its KUBE-MARK-MASQ rule does not match our pod CIDR',
    );
    expect(proxyConfig(en.commands)).toBe(true);
  });

  it('does not offer it for a Service missing from IPVS or slow rule syncs', async () => {
    const zh = await answer('IPVS 模式下 ipvsadm -Ln 里没有我的 Service');
    expect(proxyConfig(zh.commands)).toBe(false);
    const slow = await answer('Service 访问不通，kube-proxy 日志里有 sync 很慢');
    expect(proxyConfig(slow.commands)).toBe(false);
  });
});
