/**
 * A sentence of the reporter's own prose exposing, publishing or creating a Service of an external type states the
 * path the report set up and tests (src/retrieve/exposed-type.ts). Not a type in a pasted listing or named in
 * passing, nor a sentence saying that path works.
 */
import { describe, expect, it } from 'vitest';
import { exposesExternalType } from '../../src/retrieve/exposed-type.js';
import { normalizeText } from '../../src/retrieve/normalize.js';

describe('exposesExternalType', () => {
  it.each([
    "Kubernetes: Pods Ip connection refused. I created a nodeport service and exposed the port 30036 using nodePort statement. When I curl the pod's Ip, I got connection refused.",
    'Connection refused on exposed port. I am trying to publish a Service using the NodePort type and we I try to access the service I keep getting refused connections.',
    "Kubernetes pod's service cannot reach via Service IP. I have expose the Kubernetes pod's service by using the NodePort, which is mapping the owf-svc port - 8081 to host port 30016.",
    "Exposing kubernetes services is broken. I've started and exposed a `NodePort` service, but I can't access it at the IP addresses of any of my workers.",
    'For testing I created one Pod listening on port 4646, then I created LoadBalancer for that Pod. It is not accessible from outside.',
    '您好，我通过 NodePort 暴露了服务，但是集群外访问不了。',
    '我创建了一个 NodePort 类型的 Service，从外部访问超时。',
  ])('reads the reporter exposing an external type: %s', (text) => {
    expect(exposesExternalType(normalizeText(text))).toBe(true);
  });

  it.each([
    '访问web-service报错。web-service 和 account-service 都是 NodePort 类型的 Service（nodePort 32002 / 32001，port 8080）。',
    'curl: (7) Failed connect to 10.254.136.26:80; 拒绝连接。`kubectl get svc |grep dnsutils-ds：dnsutils-ds NodePort 10.254.136.26 <none> 80:30431/TCP`',
    'The port 8000 of sample-service seems not working. Then access sample-service by nodeport (32322) is ok too.',
    'I have created a NodePort service and it works fine from outside; pods cannot resolve the database name.',
    'I created a deployment from a config file, then created the corresponding service. New pods fail to start.',
    'Pods on different nodes cannot ping each other; we use flannel vxlan.',
    '我创建了一个 ClusterIP 类型的 Service，Pod 内访问超时。',
  ])('leaves other reports alone: %s', (text) => {
    expect(exposesExternalType(normalizeText(text))).toBe(false);
  });
});
