/**
 * A server that does not see its clients' own address (its log shows a load balancer's, a node's or an ingress pod's),
 * told in a proxy's or an application's words: the runbook stating that the client's source address is lost
 * answers it. A pod's outgoing source address and a server's own "real IP" are other matters.
 */
import { describe, expect, it } from 'vitest';
import { clientAddressRunbook, statesLostClientAddress } from '../../src/answer/client-address.js';

describe('statesLostClientAddress', () => {
  it.each([
    // Real (reports31.yaml, shortened): apisix's log variable shows a bridge's address.
    'help request: The apisix log client IP is not a real IP. The apisix log client IP($remote_addr) is not real client ip, How to obtain the client real ip? I use the helm chart deploy the environment. apisix is in the k8s.',
    // Real (reports30.yaml, shortened): a chart's server sees the load balancer's address.
    "Server Helm Chart: Enable logging of client IPs. Currently when running on Kubernetes, the SecHub server always sees the load balancer's IP as client IP.",
    // Real (reports33.yaml, shortened): asked how to get it through haproxy.
    'how can get real ip of client by haproxy in kubernets. my haproxy config has option forwardfor but the log shows 172.17.91.0.',
    // Constructed: Chinese.
    '通过 NodePort 访问服务，应用日志里拿到的客户端 IP 都是节点 IP，怎么获取真实 IP？',
    '后端 pod 获取不到客户端真实 IP。',
    // Constructed: the client's address as a server calls it, the remote one.
    'Our app behind the ingress does not see the real remote IPs, only 10.42.0.1.',
  ])('reads a lost client address in %s', (question) => {
    expect(statesLostClientAddress(question)).toBe(true);
  });

  it.each([
    // Real (reports29.yaml, shortened): the broker's own address is "not a real ip", not a client's.
    'rocketmq clients cannot access the broker. The client can connect to the nameservice but cannot connect to the broker,The broker ip is a pod ip not a real ip，so the network is unreachable.',
    // Constructed: a pod's outgoing traffic, whose source address an outside server sees.
    'The external API sees the node IP instead of the pod IP as the client IP for our egress traffic.',
    // Constructed: a Service setting named ClientIP, nothing lost.
    'sessionAffinity: ClientIP does not stick requests to one pod after scaling.',
    // Constructed: Chinese, a pod's egress source address.
    'pod 出网时外部服务看到的客户端 IP 是节点 IP。',
    // Constructed: a server in a plain Docker container, no cluster named.
    'nginx access log shows 172.17.0.1 for every request. docker run -p 8080:80 nginx; the client IPs are not forwarded.',
    // Constructed: a client named, its address neither lost nor asked.
    'The client connects to the Service at 10.96.3.4 and times out.',
  ])('reads none in %s', (question) => {
    expect(statesLostClientAddress(question)).toBe(false);
  });
});

describe('clientAddressRunbook', () => {
  it('finds the runbook whose triggers state the client source address is lost', () => {
    const docs = [
      { path: 'service/clusterip-troubleshooting.md', triggers: ['ClusterIP 不通', 'no endpoints'] },
      { path: 'service/nodeport-loadbalancer.md', triggers: ['NodePort 不通', '客户端源 IP 丢失'] },
    ];
    expect(clientAddressRunbook(docs)).toEqual({
      path: 'service/nodeport-loadbalancer.md',
      triggers: ['客户端源 IP 丢失'],
    });
    expect(
      clientAddressRunbook([{ path: 'x.md', triggers: ['source IP preservation', 'NodePort'] }]),
    ).toEqual({
      path: 'x.md',
      triggers: ['source IP preservation'],
    });
  });

  it('finds none when no runbook states it', () => {
    expect(clientAddressRunbook([{ path: 'dns/coredns.md', triggers: ['NXDOMAIN'] }])).toBeNull();
  });
});
