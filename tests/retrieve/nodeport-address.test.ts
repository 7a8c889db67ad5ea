import { describe, expect, it } from 'vitest';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { addressesNodePort } from '../../src/retrieve/nodeport-address.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { analyzeQuery, type QueryVocabulary } from '../../src/retrieve/query.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

describe('addressesNodePort: an address with a port in 30000-32767 is a NodePort, said or not', () => {
  it.each([
    'Apparently it works from the node itself: curl -I http://node-0:31005 returns 200, but not from another host',
    'curl http://$(minikube ip):32000 gives curl: (28) Failed to connect to 192.168.49.2 port 32000',
    'nginxsvc NodePort 10.103.11.225 80:32000/TCP, curl from my laptop to 192.168.49.2:32000 times out',
    '从物理机访问 192.168.163.132:31947 不通，虚拟机上 curl 正常',
    'curl <node-ip>:30080 超时',
    'telnet 10.0.0.5:30000 hangs',
  ])('%s', (text) => {
    expect(addressesNodePort(normalizeText(text))).toBe(true);
  });

  it.each([
    // Ephemeral client ports (32768 up), service and container ports, the range itself, sizes and times.
    '[ERROR] plugin/errors: HINFO: read udp 10.42.0.93:51864->172.18.0.1:53: i/o timeout',
    'curl 10.96.0.1:443 from a pod times out',
    'the valid range of nodePort is 30000-32767',
    'dial tcp 10.0.1.5:32768: connect: connection refused',
    'pod 10.244.1.7:8080 无法访问，耗时 30001 毫秒',
    'kube-proxy 日志 I0613 12:31:05.123 Syncing iptables rules',
    // A pasted `kubectl get svc` row lists a LoadBalancer's ports; the report is about another Service.
    "can't access the clusterIP. ingress nginx-ingress-controller LoadBalancer 10.102.43.237 <pending> 80:30875/TCP,443:32672/TCP",
  ])('not: %s', (text) => {
    expect(addressesNodePort(normalizeText(text))).toBe(false);
  });
});

describe("addressesNodePort: a node's IP and a port, said in words, is a NodePort", () => {
  it.each([
    '只能通过部署了 nginx-service 的主机的 IP+端口进行访问，另一个 node IP+端口无法访问',
    '通过任意节点的 IP：端口 都访问不了',
    '节点IP:端口号 访问不了，pod 本身是正常的',
    'I can reach the app via nodeIP:port only on the node that runs it',
    'curl <node-ip>:<port> times out from my laptop',
    "the node's IP and port don't answer from outside",
  ])('%s', (text) => {
    expect(addressesNodePort(normalizeText(text))).toBe(true);
  });

  it.each([
    // A port named by its number is read from that number: the kubelet's 10250 is no NodePort.
    'node ip and port 10250 of the kubelet time out',
    '节点 IP:端口 6443 连不上',
    // A host's address and port is also how a hostPort or hostNetwork pod is reached.
    '主机 IP + 端口 不通',
    'host IP:port of the ingress pod is refused',
    // A node's IP and a port in different clauses.
    'the node IP changed after the reboot, and port 6443 is down',
    'pod IP and port work on the node running the pod',
  ])('not: %s', (text) => {
    expect(addressesNodePort(normalizeText(text))).toBe(false);
  });
});

describe('analyzeQuery: a NodePort address brings the runbook word "nodeport" into the query', () => {
  const known = new Set(['curl', 'node', 'works', 'host', 'timed', 'nodeport', '超时']);
  const vocabulary: QueryVocabulary = {
    tokenize: (text) => tokenize(text),
    has: (token) => known.has(token),
    alternativesOf: () => [],
  };
  const terms = (text: string) => analyzeQuery(normalizeText(text), vocabulary, RETRIEVAL_CONFIG).terms;

  it('adds it for a report that curls a node on a NodePort-range port', () => {
    expect(
      terms('curl http://node-0:31005 works from the node itself but not from another host').get('nodeport'),
    ).toBe(1);
    expect(terms('从另一台机器 curl 192.168.1.20:30080 超时').get('nodeport')).toBe(1);
  });

  it('does not for a ClusterIP port or a log line with an ephemeral port', () => {
    expect(terms('curl 10.96.0.1:443 timed out from the node').has('nodeport')).toBe(false);
    expect(terms('read udp 10.42.0.93:51864->172.18.0.1:53: i/o timeout').has('nodeport')).toBe(false);
  });
});
