import { describe, expect, it } from 'vitest';
import { proxyErrorPageExplainedBy, uncoveredProxyErrorPage } from '../../src/answer/proxy-error-page.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredProxyErrorPage: an HTTP proxy's own 502 or 503", () => {
  it.each([
    // Real (reports23.yaml, shortened).
    '502 Bad Gateway - openresty/1.15.8.2. NGINX Ingress controller 0.26.1, Kubernetes 1.14.7; ingress-nginx installed from the mandatory.yaml manifest. What happened: I try to deploy my web with using Ingress. I get 502 Bad Gateway.',
    // Real (reports25.yaml, shortened): the controller's log says the upstream closed its connection.
    "Nginx Ingress Controller throwing 502. I'm using the nginx ingress controller DaemonSet example to expose a service of mine: [error] upstream prematurely closed connection while reading response header from upstream.",
    // Real (scope5.yaml, shortened): a 503 with the controller's fake certificate.
    "nginx-ingress: occasional 503 Service Temporarily Unavailable. I'm experiencing often 503 responses from nginx-ingress-controller which returns as well Kubernetes Ingress Controller Fake Certificate.",
    // Constructed: Chinese, in the reporter's own words.
    '通过 ingress 访问服务一直返回 502 Bad Gateway。ingress-nginx 日志里是 upstream prematurely closed connection，直接 curl 后端 Pod 正常。',
    // Constructed: Chinese, the status in words.
    'traefik 转发后页面报网关错误。IngressRoute 指向 web 服务的 8080 端口。',
  ])('%s → declined', (question) => {
    expect(uncoveredProxyErrorPage(question, false)).toContain('502');
    expect(uncoveredProxyErrorPage(question, true)).toBeNull();
  });
  it.each([
    // Real (logs.yaml, shortened): a NodePort named beside the 502, pods unreachable across nodes.
    '宿主机休眠后恢复，但访问 NodePort 暴露的服务时，直接报 502 Bad Gateway。ping 10.244.104.23 100% packet loss，集群使用 Calico IPIP 模式。',
    // Real (fills4.yaml, shortened): a timeout is the proxy waiting on a path.
    'upstream timed out and return 504 when I use ingress. When I access the application through clusterip, it is correct.',
    // Constructed: a timeout named beside the 502.
    'Ingress returns 502 after a connection timed out to pods on node-2. Pods on node-1 answer.',
    // Constructed: a 502 with no HTTP proxy named (the API server's proxy to a pod).
    '监控组件安装成功没法访问，返回 502。kubectl proxy 访问 grafana 报 error trying to reach service: dial tcp 10.42.4.113:3000。',
    // Constructed (Chinese): a ClusterIP named in the first sentence.
    'ingress 后端 ClusterIP 返回 503，直接访问 Pod IP 正常。',
  ])('%s → not declined', (question) => {
    expect(uncoveredProxyErrorPage(question, false)).toBeNull();
  });
  it('is explained by a runbook about error pages', () => {
    expect(proxyErrorPageExplainedBy([doc('NodePort 不通', ['curl NodePort 超时'], '否则 503')])).toBe(false);
    expect(proxyErrorPageExplainedBy([doc('Ingress 返回 502 Bad Gateway')])).toBe(true);
  });
});
