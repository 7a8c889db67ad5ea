import { describe, expect, it } from 'vitest';
import { httpClientErrorExplainedBy, uncoveredHttpClientError } from '../../src/answer/http-client-error.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredHttpClientError: a 4xx answer a server sends on its own rules', () => {
  it.each([
    // Real-report shaped: an upload refused by the ingress's body-size limit.
    'Error calling service error code 413 and message (413 Request Entity Too Large). When we try to load the data to our service on Kubernetes through Nginx-Ingress we get 413.',
    'Uploading files over 1Mb fails with 413 file too large. I am not sure how to configure the accepted client size on the ingress-nginx controller.',
    // Real-report shaped: a LoadBalancer Service pasted beside the 413 is context.
    '413 HTTP response on EKS. Service: Type: LoadBalancer, Port: http 80/TCP, NodePort: http 32136/TCP, Endpoints: 192.168.26.228:80.',
    // Real-report shaped: a login refused, a redirect loop behind an auth proxy.
    'push image error unauthorized: authentication required. docker push 10.100.17.94/library/app:latest fails, the ui log says invalid credentials.',
    'OAuth2 proxy redirection loop with No valid authentication in request. I changed the auth-url to http://oauth2-proxy.default.svc.cluster.local/oauth2/auth.',
    'nginx-ingress "default backend - 404" in version 1.41.0 of helm chart. Deployed back to 1.40.3 and it works fine.',
    // Chinese, in a reporter's own words.
    '通过 ingress 上传文件返回 413 Request Entity Too Large。已经加了 proxy-body-size 注解，还是不行。',
    'APISIX 路由开启 key-auth 后一直返回 401 未授权。consumer 已经配置了 key。',
  ])('%s → declined', (question) => {
    expect(uncoveredHttpClientError(question, false)).toContain('4xx');
    expect(uncoveredHttpClientError(question, true)).toBeNull();
  });
  it.each([
    // Real-report shaped: a ClusterIP and a failure to connect named beside the 404.
    'Could not able to connect with ClusterIp from Ingress (404 error). I can connect with the NodePort.',
    // A connection refused anywhere in the report: the 404 may be a path.
    'Ingress returns 404 for /api. curl http://10.244.1.5:8080/api gives connection refused from node-2.',
    // A timeout named in the first sentence.
    'Traefik returns 404 after the backend timed out on node-2.',
    // Large packets, not an HTTP answer (the MTU runbook's subject).
    'Nodeport packet get lost with vmware when tcp client transmits large payload.',
    // A name that does not resolve is DNS, not an HTTP 404.
    'elasticsearch-discovery hostname not found (related to closed issue #35).',
    // Chinese: a failure to reach named in the first sentence.
    'ingress 返回 404，Pod 之间无法访问，跨节点 ping 不通。',
    // A policy named beside the 403: the policy engine answered, and the policy runbook follows it.
    'Cilium L7 policy returns 403 Access denied for GET /status although the CNP allows it.',
    'CiliumNetworkPolicy 放行了 /api 路径，但请求仍然返回 403。',
    // A VLAN id or a port that happens to look like a status.
    'kube-ovn vlan 401 subnet pods cannot ping gateway 10.0.1.1.',
  ])('%s → not declined', (question) => {
    expect(uncoveredHttpClientError(question, false)).toBeNull();
  });
  it('is explained by a runbook about such answers', () => {
    expect(httpClientErrorExplainedBy([doc('MTU 排查', ['大包丢失 large payload'])])).toBe(false);
    expect(httpClientErrorExplainedBy([doc('Ingress 返回 413 Request Entity Too Large')])).toBe(true);
  });
});
