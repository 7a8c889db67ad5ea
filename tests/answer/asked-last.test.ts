import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closingQuestion } from '../../src/answer/asked-last.js';
import { clueChecks } from '../../src/answer/commands.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';

const KB = path.resolve(import.meta.dirname, '../../kb');
const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

describe('closingQuestion', () => {
  it('is the question a long report ends by asking, in English or Chinese', () => {
    expect(
      closingQuestion(
        '[coredns] upstream dns should be configurable. I run microk8s in a restricted environment. Where does CoreDNS forward names outside the cluster?',
      ),
    ).toBe('Where does CoreDNS forward names outside the cluster?');
    expect(
      closingQuestion(
        'calico 网络模式的修改支持。模式是 IPIP 模式，改成 BGP。calico 从 IPIP 改成纯 BGP（不封装）要改 IPPool 的哪个字段？',
      ),
    ).toBe('calico 从 IPIP 改成纯 BGP（不封装）要改 IPPool 的哪个字段？'.normalize('NFKC'));
  });

  it('is nothing for a one-sentence question or a report that asks nothing at its end', () => {
    expect(closingQuestion('Which IPPool field turns IPIP off?')).toBeUndefined();
    expect(
      closingQuestion(
        'Pods on two nodes cannot ping each other. Is it the firewall? calicoctl node status shows no peers.',
      ),
    ).toBeUndefined();
    expect(closingQuestion('calico 跨节点 pod 不通。同节点正常。')).toBeUndefined();
  });
});

describe('clueChecks with a closing question', () => {
  const calico = runbook('calico/bgp-ipip.md');
  const ippool = 'calicoctl get ippool -o wide';
  const clued = (question: string, docs: DocRecord[]) =>
    clueChecks(question, docs)
      .flat()
      .map((c) => c.command);

  it('takes the check reading the object the closing question names', () => {
    // The headline names no IPPool; the closing question does, and one check reads it (fixes naming it do not count).
    expect(
      clued(
        'calico 网络模式的修改支持。模式是 IPIP 模式，可以加一个流程在集群安装完成之后，可以自行修改网络模式，改成 BGP。回复：+1，每次手动修改很麻烦。calico 从 IPIP 改成纯 BGP（不封装）要改 IPPool 的哪个字段？',
        [calico],
      ),
    ).toContain(ippool);
    expect(
      clued(
        'Switching calico from IPIP to BGP after install. We run calico with IPIP everywhere and want plain BGP now that all nodes share a subnet. Which ippool setting has to change?',
        [calico],
      ),
    ).toContain(ippool);
  });

  it('takes no check for what a closing question says besides the object it names', () => {
    const cilium = runbook('cilium/ebpf-datapath.md');
    // "by default" names no check (the Hubble check of a row about default-deny policies is not one of the pod CIDR).
    expect(
      clued(
        'I set ipam.operator.clusterPoolIPv4PodCIDR=10.1.0.0/16 why the pod ip allocated is still 10.0. Installed cilium ' +
          'with helm install cilium . -n kube-system --set cluster.id=2 --set cluster.name=cluster2 --set ' +
          'ipam.operator.clusterPoolIPv4PodCIDR=10.1.0.0/16; kubectl get pod -A -owide shows the pods on 10.0.x.x on ' +
          "every node. What pod CIDR does Cilium's cluster-pool IPAM use by default?",
        [cilium],
      ),
    ).not.toContain('hubble observe --pod <namespace>/<pod> --verdict DROPPED --last 50');
    // A report that ends without asking gets no clue from its last sentence, though its body names the IPPool.
    expect(
      clued(
        'calico 跨节点 pod 不通，同节点正常。集群三个节点，calico v3.20，安装时用默认配置，节点之间可以互相 ping 通，' +
          '防火墙已经关闭，bird 日志里没有报错，我们已经检查过 IPPool 的 ipipMode 和 natOutgoing，看起来都正常。' +
          '重启 calico-node 之后问题依旧存在，IPPool 也没有改过。',
        [calico],
      ),
    ).not.toContain(ippool);
  });
});
