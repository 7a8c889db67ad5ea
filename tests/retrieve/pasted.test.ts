import { describe, expect, it } from 'vitest';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { looksPasted, proseOf } from '../../src/retrieve/pasted.js';
import { analyzeQuery, type QueryVocabulary } from '../../src/retrieve/query.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

const pasted = (sentence: string) => looksPasted(normalizeText(sentence));

describe('looksPasted', () => {
  it('takes ping replies, log lines, prompts and kubectl tables for pasted output', () => {
    expect(pasted('64 bytes from 172.18.0.3: icmp_seq=6377 ttl=63 time=0.053 ms')).toBe(true);
    expect(pasted('From 10.31.3.107 icmp_seq=1 Destination Host Unreachable')).toBe(true);
    expect(pasted('E0715 12:00:01.123 eventqueue.go:109] error creating subnet for node k8s-201')).toBe(true);
    expect(pasted('2023-09-25T22:45:43Z ERRO failed to get CA certs')).toBe(true);
    expect(pasted('[root@hci-ctrl-1 ~]# kubectl get fip | grep 10.122.193.49')).toBe(true);
    expect(pasted('NAME READY STATUS RESTARTS AGE coredns-7d89d9b6b8-bxh2n 0/1 Pending 0 5m')).toBe(true);
    expect(pasted('kube-ovn-controller-795959bc8d-gcnnh 0/1 CrashLoopBackOff 5 3m')).toBe(true);
    expect(pasted('[root@master kube-ovn]# kubectl get pod -A：coredns 0/1 Pending')).toBe(true);
  });

  it('takes ip route output and dense address or key=value lists for pasted output', () => {
    expect(pasted('10.16.0.0/16 via 100.64.0.1 dev ovn0 proto static src 192.168.226.134')).toBe(true);
    expect(pasted('2: eth0@if9: <BROADCAST,MULTICAST,UP> mtu 1450 qdisc noqueue state UP')).toBe(true);
    expect(pasted('nodes 10.0.0.1, 10.0.0.2, 10.0.0.3 and 10.0.0.4 all see it')).toBe(true);
    expect(
      pasted('docker run -e ETCD_ENDPOINTS=x -e NO_DEFAULT_POOLS=1 -e CALICO_IPV4POOL_NAT_OUTGOING=true'),
    ).toBe(true);
  });

  it('takes key: value lists (kubectl describe, an install summary, Helm values) for pasted output', () => {
    expect(
      pasted(
        'bash install.sh (Kube-OVN v1.11.1): Default Network Mode: vlan, Default Vlan Nic: ens160, Join Subnet CIDR: 100.64.0.0/16, Enable SVC LB: true',
      ),
    ).toBe(true);
    expect(
      pasted(
        'kubectl describe pod samplepod: Namespace: default, Node: node-1/10.0.0.5, Status: Pending, Reason: ContainerCreating',
      ),
    ).toBe(true);
    expect(
      pasted(
        './install.sh 输出：default network mode: geneve，default subnet cidr: 10.16.0.0/16，join subnet cidr: 100.64.0.0/16；',
      ),
    ).toBe(true);
    // Two items, or a colon that introduces prose, is the reporter writing.
    expect(pasted('Expected: pods reach the node; actual: they time out')).toBe(false);
    expect(pasted('环境：kube-ovn v1.12，网络模式: underlay')).toBe(false);
  });

  it("leaves the reporter's own sentences alone, also with an address or two, in English and Chinese", () => {
    expect(pasted('When kube-ovn-cni restarts, ping from the pod to the node 172.18.0.3 breaks')).toBe(false);
    expect(
      pasted('I can access the service through the cluster ip 10.105.116.76 but not through the node ip'),
    ).toBe(false);
    expect(pasted('pods on worker2 cannot reach pods on worker1, same-node traffic is fine')).toBe(false);
    expect(pasted('宿主机访问 Pod 网段 10.16.0.0/16 时，kube-ovn-daemon 自动配置了路由')).toBe(false);
    expect(pasted('在gw的pod中ping 子网下的其它pod，部分能通，发送curl请求不通')).toBe(false);
    expect(pasted('the pod has mtu 1450 and large packets are dropped')).toBe(false);
  });
});

describe('proseOf', () => {
  it('keeps the title and the prose sentences of a report that pastes output', () => {
    const text = normalizeText(
      'When restart kube-ovn-cni ping from pod to node break. Pinging the node from a pod: 64 bytes from 172.18.0.3: icmp_seq=6377 ttl=63 time=0.053 ms. Then it works again.',
    );
    expect(proseOf(text)).toBe('when restart kube-ovn-cni ping from pod to node break. then it works again.');
  });

  it('keeps a Chinese report whole when nothing is pasted, and drops a pasted prompt line from one', () => {
    expect(
      proseOf(normalizeText('vpc-gw无法ping通pod。创建了一个vpc。所有pod ping gw pod都能通。')),
    ).toBeNull();
    expect(
      proseOf(
        normalizeText(
          'kube-ovn-controller CrashLoopBackOff无法启动。[root@k8s-master log]# kubectl get pod -A：kube-ovn-cni-9sjw4 0/1 Running 3。pod起来后立刻就CrashLoopBackOff。',
        ),
      ),
    ).toBe('kube-ovn-controller crashloopbackoff无法启动。 pod起来后立刻就crashloopbackoff。');
  });

  it('is null for a one-sentence question, even one that is all output', () => {
    expect(proseOf(normalizeText('64 bytes from 10.0.0.1: icmp_seq=1 ttl=64'))).toBeNull();
  });
});

describe('analyzeQuery with pasted output', () => {
  const vocabulary: QueryVocabulary = {
    tokenize: (text) => tokenize(text),
    has: () => true,
    alternativesOf: () => [],
  };
  it('weighs words only the pasted sentences have by pastedWeight, the prose words in full', () => {
    const query = analyzeQuery(
      normalizeText(
        'Ping from pod to node breaks. Output: 64 bytes from 172.18.0.3: icmp_seq=6377 ttl=63 mtu.',
      ),
      vocabulary,
      RETRIEVAL_CONFIG,
    );
    expect(query.terms.get('ping')).toBe(1);
    expect(query.terms.get('node')).toBe(1);
    expect(query.terms.get('mtu')).toBe(RETRIEVAL_CONFIG.query.pastedWeight);
    expect(query.terms.get('icmp_seq')).toBe(RETRIEVAL_CONFIG.query.pastedWeight);
    expect(query.prose).toBe('ping from pod to node breaks.');
  });

  it('leaves a question with no pasted output as it was', () => {
    const query = analyzeQuery(
      normalizeText('跨节点 pod 之间 ping 不通，mtu 是 1450'),
      vocabulary,
      RETRIEVAL_CONFIG,
    );
    expect(query.prose).toBeNull();
    expect(query.terms.get('mtu')).toBe(1);
  });
});
