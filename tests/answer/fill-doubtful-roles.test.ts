import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: values whose role the report leaves in doubt stay open', () => {
  it('reads `node-ip`, `pod-ip`, `host-network` as a field or a setting, no object word', () => {
    const ping = 'ping6 service-name and ping6 node-ip do not work for dual-stack IPv6 address';
    expect(fills(ping).get('<node-name>')).toBeUndefined();
    const zh = '用 ping6 node-ip 不通，ipv4 正常';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    const pod = 'from the debug2 pod-ip is not reachable';
    expect(fills(pod).get('<pod>')).toBeUndefined();
    // The word alone still presents its object, whatever follows it.
    expect(fills('ping6 from node worker3 fails').get('<node-name>')).toBe('worker3');
    expect(fills('worker3 节点上 ping6 不通').get('<node-name>')).toBe('worker3');
    expect(fills('the web-0 pod cannot reach node-ip 10.0.0.5').get('<pod>')).toBe('web-0');
  });

  it('takes the node of a failing pod row as the node, and no node of healthy rows', () => {
    const retyped =
      'kubectl get pods -o wide -n kube-system: coredns-757f4547d9-g6hd8 0/1 ContainerCreating on k8s-master; ' +
      'kube-flannel-ds-amd64-8qlg9 0/1 Init:0/1 on k8s-master; kube-flannel-ds-amd64-vtbbm 1/1 Running on k8s-node-01.';
    expect(fills(retyped).get('<node-name>')).toBe('k8s-master');
    const zh =
      'kubectl get pods -o wide 看到 coredns-5d78c9869d-8x2kf 0/1 CrashLoopBackOff on master，calico-node-7xk2p 1/1 Running on node1，这是为什么';
    expect(fills(zh).get('<node-name>')).toBe('master');
    const wide =
      'kubectl get pods -o wide: default nginx-6d4cf56db6-2xk9v 0/1 CrashLoopBackOff 5 10m 10.244.2.7 gpu-box; ' +
      'default nginx-6d4cf56db6-9dd8q 1/1 Running 0 10m 10.244.1.4 cpu-box';
    expect(fills(wide).get('<node-name>')).toBe('gpu-box');
    // Healthy rows list their nodes: none of them is the report's.
    const healthy =
      'nginx-7d9f8b6c5d-x2x9z 1/1 Running on node-1; nginx-7d9f8b6c5d-k8k2p 1/1 Running on node-2; curl to the service times out';
    expect(fills(healthy).get('<node-name>')).toBeUndefined();
    const healthyZh =
      'nginx-7d9f8b6c5d-x2x9z 1/1 Running on node-1；nginx-7d9f8b6c5d-k8k2p 1/1 Running on node-2；访问 service 超时';
    expect(fills(healthyZh).get('<node-name>')).toBeUndefined();
  });

  it('reads a listing retyped as pod, address and node as a listing: its node cells single out no node', () => {
    const listing =
      '`kubectl get pods --all-namespaces -owide`: default curl-6bf6db5c4f-kgh8c 172.16.1.15 dmzy-node-01; ' +
      'default nginx-8f6959bd-8pmx6 172.16.0.87 dmzy-01; default nginx-app-01-7465688565-7fjwz 172.16.0.91 dmzy-01.';
    expect(fills(listing).get('<node-name>')).toBeUndefined();
    const zh =
      'pod 访问不了外网。kubectl get pods -o wide：curl-6bf6db5c4f-kgh8c 172.16.1.15 node-01；nginx-8f6959bd-8pmx6 172.16.0.87 node-02。';
    expect(fills(zh).get('<node-name>')).toBeUndefined();
    // A node the report writes outside the rows is still its node.
    const named = `${listing} Pods on node dmzy-node-01 cannot reach 8.8.8.8.`;
    expect(fills(named).get('<node-name>')).toBe('dmzy-node-01');
  });

  it('reads a file, a count or a network namespace after an object word as no object', () => {
    const resolv = '因为 NodeLocal DNSCache 未加载更新后的节点 resolv.conf 导致 Pod 无法解析外部域名';
    expect(fills(resolv).get('<node-name>')).toBeUndefined();
    expect(fills('修改了节点 config.yaml 以后 pod 不通').get('<node-name>')).toBeUndefined();
    expect(fills('the node 10-calico.conflist is gone after reboot').get('<node-name>')).toBeUndefined();
    const count = '使用 kwok模拟3k节点，当pod 从4w扩容到6w时，Pod IP未正常分配';
    expect(fills(count).get('<node-name>')).toBeUndefined();
    const netns = '通过 nsenter 进入容器 netns，然后使用节点上的 tcpdump 抓包';
    expect(fills(netns).get('<pod>')).toBeUndefined();
    // A machine's or a pod's name is still one, dotted or not.
    expect(fills('节点 master.local 上 pod 不通').get('<node-name>')).toBe('master.local');
    expect(fills('节点 worker3 上的 resolv.conf 没更新').get('<node-name>')).toBe('worker3');
    expect(fills('pod web-0 cannot read its config.yaml mount').get('<pod>')).toBe('web-0');
  });
});
