/**
 * A report saying what a capture it already ran showed has used the tool: its capture how-to is not the answer
 * (src/retrieve/tool-result.ts). A question about the tool, or one naming it without a result, is left alone.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { namesCaptureTool, statesToolResult } from '../../src/retrieve/tool-result.js';

describe('statesToolResult', () => {
  it.each([
    'Calico网络插件中单节点Pod间通信故障。tcpdump抓包可见ICMP请求能到达源Pod的veth接口，但目标Pod的veth接口未收到数据包。',
    'ARP issue. When I ping any pod from that specific worker and do tcpdump on the pod I see two pairs of ARP request & reply.',
    '并且客户端抓包分析了 已经握手了 然后客户端马上发了一个rst',
    '进一步抓包同节点pod访问coredns发现，coredns成功收发数据包，但是回包没有发到源pod veth。',
    'The tcpdump on the node shows only SYN packets and no SYN-ACK.',
    'We captured on flannel.1 and the capture revealed the packets never leave the node.',
  ])('reads a stated capture result: %s', (text) => {
    expect(statesToolResult(normalizeText(text))).toBe(true);
  });

  it.each([
    '跨节点 pod 不通，应该在哪里抓包？',
    'How do I capture packets inside a pod that has no tcpdump?',
    'can I use tcpdump to see the geneve traffic?',
    'pod 之间 ping 不通，tcpdump 还没装。',
    'Pods on different nodes cannot ping each other; we use flannel vxlan. I see no errors in the logs.',
    '我发现 coredns 一直重启',
  ])('leaves other reports alone: %s', (text) => {
    expect(statesToolResult(normalizeText(text))).toBe(false);
  });
});

describe('namesCaptureTool', () => {
  it.each(['tcpdump 抓包', '抓包', 'packet capture', 'wireshark'])('a capture trigger: %s', (phrase) => {
    expect(namesCaptureTool(phrase)).toBe(true);
  });
  it.each(['conntrack -L', 'ovs-vsctl show', 'kubectl ko trace'])('not a capture trigger: %s', (phrase) => {
    expect(namesCaptureTool(phrase)).toBe(false);
  });
});
