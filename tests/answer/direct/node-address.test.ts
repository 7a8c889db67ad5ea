import { describe, expect, it } from 'vitest';
import { clauseToSearch } from '../../../src/answer/clause-doc.js';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { podHasNodeIp, withoutPodRows } from '../../../src/answer/direct/node-address.js';

describe('a report that a pod has its node IP', () => {
  it.each([
    '安装完flannel，查看结果，发现ip与node是同一个地址',
    'You can see `aws-node-mrdfk` and `kube-proxy-fvg6t` has the same ip address with the worker node `10.0.135.147`.',
    'why is the pod IP of nodelocaldns same as the IP of node?',
    'nodelocaldns podIp same as hostIp',
    "Why do these pods show the node's address instead of a pod-network address?",
    '为什么这个 pod 的 ip 就是宿主机的 ip？',
    'kube-flannel-ds-2pwbk 1/1 Running 1 14m 192.168.31.150 192.168.31.150',
    'aws-node-mrdfk 1/1 Running 0 3d 10.0.135.147 ip-10-0-135-147.us-west-2.compute.internal',
  ])('fires: %s', (text) => {
    expect(podHasNodeIp(text)).toBe(true);
  });

  it.each([
    '2 pods on worker node have same IP of fc00:2::32',
    'nginx-7c5ddbdf54-x2k 1/1 Running 0 5m 10.244.1.5 node1',
    'pod 和 service 的 ip 一样吗',
    'the service gets the same external IP as the other service',
    '跨节点 pod 访问不通，节点 IP 是 192.168.1.10',
  ])('does not fire: %s', (text) => {
    expect(podHasNodeIp(text)).toBe(false);
  });

  it('removes pasted pod rows from a clause, keeping its words', () => {
    expect(
      withoutPodRows(
        '发现ip与node是同一个地址，如下所示：kube-flannel-ds-2pwbk 1/1 Running 1 14m 192.168.31.150 192.168.31.150；',
      ),
    ).toBe('发现ip与node是同一个地址');
  });
});

describe('the ask and search of such a report', () => {
  const flannel =
    '安装flannel验证。安装完flannel，查看结果，发现ip与node是同一个地址，如下所示：kube-flannel-ds-2pwbk 1/1 Running 1 14m 192.168.31.150 192.168.31.150；kube-flannel-ds-dzq7b 1/1 Running 1 14m 192.168.31.152 192.168.31.152。请教大神这个是什么原因？';

  it('asks why the two are the same, without the pasted rows', () => {
    const ask = factAsk(flannel);
    expect(ask?.same).toBe(true);
    expect(ask?.focus).not.toMatch(/Running/);
  });

  it('searches the hostNetwork fact instead of the CNI the report installed', () => {
    expect(clauseToSearch(flannel, factAsk(flannel))).toMatch(/hostNetwork/);
  });

  it('reads "why do pods show the node address" as why the two are the same', () => {
    const ask = factAsk(
      "Deploying daemonset creates new pod with same IP address fc00:2::32 on worker node. Why do these pods show the node's address instead of a pod-network address?",
    );
    expect(ask?.same).toBe(true);
  });

  it('leaves two pods sharing an address to diagnosis', () => {
    const question =
      'Two pods on the worker node got the same IP 10.244.1.5 and traffic goes to the wrong one. Why is the IP duplicated? kubectl get pods -o wide shows both.';
    expect(clauseToSearch(question, factAsk(question)) ?? '').not.toMatch(/hostNetwork/);
  });
});
