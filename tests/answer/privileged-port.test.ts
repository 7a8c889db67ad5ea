import { describe, expect, it } from 'vitest';
import { privilegedPortExplainedBy, uncoveredPrivilegedPort } from '../../src/answer/privileged-port.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredPrivilegedPort: a server refused the privilege to listen on its port', () => {
  it.each([
    // Real (reports26.yaml, shortened).
    'help request: K8S 使用 helm 部署 apisix 2.3.1 启用 hostNetwork 参数，无法配置80和443端口。运行报错：`nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)`。但是如果我把端口改成其他，容器能正常起来。',
    // Constructed: ingress-nginx run as a non-root user.
    'ingress-nginx controller CrashLoopBackOff after upgrade. Logs: nginx: [emerg] bind() to [::]:443 failed (13: Permission denied)',
    // Constructed: Chinese, a Go server as a non-root user.
    '自己写的 web 服务以非 root 用户运行后起不来，日志：listen tcp :80: bind: permission denied',
  ])('%s → declined', (question) => {
    expect(uncoveredPrivilegedPort(question, false)).toContain('listen');
    expect(uncoveredPrivilegedPort(question, true)).toBeNull();
  });
  it.each([
    // Constructed: DNS named in the first sentence, the refusal pasted after it.
    'Pods cannot resolve DNS after we hardened CoreDNS. coredns logs: listen tcp :53: bind: permission denied',
    // Constructed: a port already taken, not a refused privilege.
    'hostNetwork pod fails: listen tcp 0.0.0.0:8080: bind: address already in use',
    // Constructed: a permission denied that is not a listening port's.
    'failed to open netns "/proc/385533/ns/net": permission denied',
  ])('%s → not declined', (question) => {
    expect(uncoveredPrivilegedPort(question, false)).toBeNull();
  });
  it('is explained by a runbook stating the refusal', () => {
    expect(privilegedPortExplainedBy([doc('CoreDNS', ['listen tcp :53: bind: permission denied'])])).toBe(
      true,
    );
    expect(privilegedPortExplainedBy([doc('NodePort', ['bind: address already in use'])])).toBe(false);
  });
});
