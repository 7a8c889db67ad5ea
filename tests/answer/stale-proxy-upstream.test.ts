import { describe, expect, it } from 'vitest';
import {
  staleProxyUpstreamExplainedBy,
  uncoveredStaleProxyUpstream,
} from '../../src/answer/stale-proxy-upstream.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredStaleProxyUpstream: an Ingress controller's or proxy's stale pod backends", () => {
  it.each([
    // Real (haproxytech/kubernetes-ingress#702, shortened): the backend list keeps the old pod IP.
    'Haproxy.cfg is not reloaded when pod IP address changes and standalone-backend annotation is true. When the pod that is under service is deleted and its replicaset starts a new one, the haproxy is not reloaded to put new pod IP into backend server list. HAProxy Ingress Controller v3.0.5.',
    // Real (kubernetes/ingress-nginx#7330, shortened): traffic after the pod's termination.
    "Ingress Controller forwarding traffic to a POD(IP) even after termination. The POD's IP is removed from the Endpoints list right on the terminate call, but ingress-nginx keeps sending requests to the terminated pod IP for a while.",
    // Real (Kong/kubernetes-ingress-controller#773, shortened): "resolved the issue" resolves no name.
    "Upstream IP's not updated. The IPs associated with the upstream targets/endpoints were not updated. Since the upstream IPs were stale, the upstream service couldn't be reached. Killing the pod associated with the ingress controller leader resolved the issue.",
    // Constructed (Chinese): a gateway keeps forwarding to the deleted pod's IP.
    '滚动发布后网关仍然把请求转发到已删除的 pod IP，返回 502，重启网关后恢复。',
  ])('%s → declined', (question) => {
    expect(uncoveredStaleProxyUpstream(question, false)).toContain('Ingress controller');
    expect(uncoveredStaleProxyUpstream(question, true)).toBeNull();
  });
  it.each([
    // Real (keptn/keptn#1650, shortened): nginx resolving a Service name once is the client's DNS cache.
    'Restarting configuration-service or api-service Pods breaks nginx gateway. nginx resolves the domains (like configuration-service) at the start of nginx. If we re-deploy said service, the IP of the services changes. nginx does never re-resolve the domain.',
    // Real (NginxProxyManager/nginx-proxy-manager#3492, shortened): a name stuck on the old pod IP.
    "Whenever a kubernetes pod reboots npm can't seem to resolve the host to the new cluster IP. The host will remain stuck on the old pod IP, resulting in a 502. Once I reboot npm, it will begin to forward just fine again.",
    // Real (kubernetes/ingress-nginx#893, shortened): an ingress timing out to pods on other nodes; nothing stale.
    'upstream timed out (110: Connection timed out) while connecting to upstream. I use flannel, three nodes ping each other with no problem. nginx-ingress-controller 0.9.0-beta.8, upstream: 10.1.17.2:8000',
    // Real (kubernetes/kubernetes#67875, shortened): kube-proxy's stale endpoint is a Service path, no proxy named.
    'kube-proxy does not update iptables upon default/kubernetes change. After deleting one master node, kube-proxy still uses 2 endpoints in iptables including the stale master node IP 182.22.18.176.',
    // Real (reports16.yaml, shortened): restarting the ingress controller fixed an ARP problem; no stale backend.
    'the IP address assigned by MetalLB controller did not have any corresponding MAC address. To solve this problem we had to restart the haproxy ingress-controller POD. metallb 0.7.3, calico 3.7.3.',
    // Constructed (Chinese): the first sentence names a covered path.
    'ingress-nginx 访问跨节点的 pod 不通，日志里 upstream 还是旧的 pod IP 10.244.2.7。',
    // Constructed: a client keeps an old IP, no proxy named.
    'redis 主节点重建以后，客户端还一直连旧 ip',
  ])('%s → not declined', (question) => {
    expect(uncoveredStaleProxyUpstream(question, false)).toBeNull();
  });
  it('is explained by a runbook stating a proxy keeping stale backends', () => {
    expect(staleProxyUpstreamExplainedBy([doc('Headless Service', ['Pod 重建后客户端仍连旧 IP'])])).toBe(
      false,
    );
    expect(
      staleProxyUpstreamExplainedBy([
        doc('Ingress', ['ingress-nginx keeps the old pod IPs after a rollout']),
      ]),
    ).toBe(true);
  });
});
