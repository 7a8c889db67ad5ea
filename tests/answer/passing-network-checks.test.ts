/**
 * A report whose network checks pass from the failing container, or whose other client connects to the same address
 * and port, is declined; a report contrasting two paths (a node and a pod, two pods) or naming a name that does not
 * resolve is not.
 */
import { describe, expect, it } from 'vitest';
import { uncoveredPassingChecks } from '../../src/answer/passing-network-checks.js';

describe('uncoveredPassingChecks', () => {
  it.each([
    'Promtail unable to push logs to Loki: "context deadline exceeded" but DNS / curl inside the promtail container works fine',
    'Env health check failed. 10.244.5.52 可以在portal容器中ping通，我只配置了dev环境。',
    '用pip安装的客户端无法连接集群，但是用docker创建的客户端可以连接，通过一样的ip和端口',
    'The Java client times out, although curl from within the app container succeeded against the same URL.',
    'My worker cannot register with the scheduler, yet a telnet in the worker container works.',
    'The SDK fails to connect while the CLI connects fine with the same IP and port.',
    '应用一直报连接超时，但在容器内 curl 正常返回。',
  ])('%s', (text) => {
    expect(uncoveredPassingChecks(text)).not.toBeNull();
  });

  it.each([
    // Two paths contrasted: a pod and the node. The pod's path is the runbooks'.
    'Ping timeout to CoreDNS Pod from another pod, yet ping works from Node Host.',
    // The check run from a pod, not the failing container: a pod path a runbook follows.
    "Can't access the other pods' service. If I curl the WWW service in the WWW pods, it works; from nginx pods it times out.",
    // An application's resolver failing where the shell's lookup works: the cluster DNS runbook's search domains.
    'DNS Failure for Kubernetes Service as upstream_url. I can curl the service from inside the kong container, so dns is working.',
    'curl inside the app container works, but the app logs no such host for redis-master',
    // A check that fails inside the container.
    'curl inside the promtail container does not work: context deadline exceeded',
    '在容器内 ping 不通 10.244.5.52',
    // The same IP without a port: duplicate addresses, a cluster IPAM question.
    'Pod IP Addresses are duplicated: two pods have the same IP.',
    'Port 53 not working from external IP. I can login to Pihole with the browser, but when doing DNS queries using the same IP, the queries time out.',
    'NodePort 在节点IP上不通，集群内 ClusterIP 可以访问',
  ])('not %s', (text) => {
    expect(uncoveredPassingChecks(text)).toBeNull();
  });
});
