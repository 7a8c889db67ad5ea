/**
 * A console's own sign-in failing or its session lost is declined; a sign-in beside a failed connection, or signing in
 * to a node over SSH, is left to the runbooks.
 */
import { describe, expect, it } from 'vitest';
import { uncoveredSignInSession } from '../../src/answer/sign-in-session.js';

describe('uncoveredSignInSession', () => {
  it.each([
    'kuboard在某种情况无法正常访问。kuboard服务正常启动，在浏览器登录。此时如果重新启动k8s集群，存在登录信息失效的情况，网页上仍在首页但无法进行其他操作。',
    'Harbor UI login failed: invalid username or password, although the admin password was set in values.yaml',
    'Argo CD web UI: session expired right after I sign in, every page redirects to the login page',
    'rancher 登录失败，提示用户名或密码错误，pod 都是 Running',
    'kubectl get pods: error: You must be logged in to the server (Unauthorized)',
    'Grafana behind the ingress answers 401 Unauthorized for every dashboard after upgrading the chart',
  ])('%s', (text) => {
    expect(uncoveredSignInSession(text)).not.toBeNull();
  });

  it.each([
    // The sign-in page itself cannot be reached: the path to the console is the subject.
    'Cannot login to the dashboard: the browser shows ERR_CONNECTION_REFUSED on https://10.0.0.5:30443',
    'kuboard 登录页面打不开，nodeport 30080 访问超时',
    'Harbor login failed: Get https://harbor.example.com/v2/: dial tcp 10.0.0.8:443: i/o timeout',
    // Signing in to a node over SSH after the CNI changed its routes: the node's reachability.
    'After installing calico I cannot login to the node over ssh any more',
    // A console reached and working beside a failing port: the port is the subject.
    'I can login to Pihole with the browser, but port 53 not working from external IP',
    // No sign-in at all.
    'Pod 访问 ClusterIP 不通，但 Pod IP 能 curl 通',
  ])('%s', (text) => {
    expect(uncoveredSignInSession(text)).toBeNull();
  });
});
