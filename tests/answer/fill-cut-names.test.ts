import { describe, expect, it } from 'vitest';
import { hashAndSuffixOnly } from '../../src/answer/generated-names.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' listings and prompts.
describe('a pod name cut down to its hash and suffix names no pod', () => {
  it('reads only the hash-and-suffix shape with a digit as cut', () => {
    expect(hashAndSuffixOnly('7f57996d88-m6lzn')).toBe(true);
    expect(hashAndSuffixOnly('5c479ddfb7-vn2fw')).toBe(true);
    // A workload's name before the hash, a word joined to a suffix, a hash without digits: not cut.
    expect(hashAndSuffixOnly('grafana-server-5c479ddfb7-vn2fw')).toBe(false);
    expect(hashAndSuffixOnly('backend-x2x9q')).toBe(false);
    expect(hashAndSuffixOnly('kxbgzlm-x2x9q')).toBe(false);
    expect(hashAndSuffixOnly('web-0')).toBe(false);
  });

  it('fills no <pod> with it', () => {
    expect(fills('the pod 7f57996d88-m6lzn cannot resolve coredns').get('<pod>')).toBeUndefined();
    expect(fills('pod 7f57996d88-m6lzn 解析不了 kubernetes.default').get('<pod>')).toBeUndefined();
  });

  it('still fills the whole generated name', () => {
    expect(fills('the pod grafana-server-5c479ddfb7-vn2fw cannot resolve coredns').get('<pod>')).toBe(
      'grafana-server-5c479ddfb7-vn2fw',
    );
    expect(fills('pod grafana-server-5c479ddfb7-vn2fw 解析不了 kubernetes.default').get('<pod>')).toBe(
      'grafana-server-5c479ddfb7-vn2fw',
    );
  });
});

describe('an object word ending its paragraph presents nothing in the next one', () => {
  // https://github.com/kubernetes-sigs/kubespray/issues/6631: the pod's prompt opens the paragraph after "pods".
  const prompt = `Unable to reach core dns servers
here is coredns svc ip
[root@node2 router]# kubectl get svc --namespace=kube-system
NAME                        TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)                  AGE
coredns                     ClusterIP   10.233.0.3      <none>        53/UDP,53/TCP,9153/TCP   5d2h

Below is resolve.conf inside pods

checkout-0:/app# cat /etc/resolv.conf
nameserver 10.233.0.3
search dev.svc.cluster.development svc.cluster.development cluster.development
options ndots:5`;

  it('fills no <pod> with the first word of the next paragraph', () => {
    expect(fills(prompt).get('<pod>')).toBeUndefined();
    expect(
      fills('下面是容器组\n\ncheckout-0:/app# cat /etc/resolv.conf 的输出').get('<pod>'),
    ).toBeUndefined();
  });

  it('still reads a name on the next line of the same sentence', () => {
    expect(fills('I have a pod\ncheckout-0 that cannot reach the coredns service').get('<pod>')).toBe(
      'checkout-0',
    );
    expect(fills('我有一个 pod\ncheckout-0 访问不了 coredns 服务').get('<pod>')).toBe('checkout-0');
  });
});

describe('a kind word after a slash is "or", not the object\'s name', () => {
  // https://github.com/kubernetes/minikube/issues/11193: minikube tunnel's own message.
  const tunnel = `Cannot access services via NodePort on MacOS with Docker driver
❯ sudo minikube tunnel
❗  The service/ingress wordpress requires privileged ports to be exposed: [80 443]
🏃  Starting tunnel for service wordpress.`;

  it('fills no <service-name> with the second kind word', () => {
    expect(fills(tunnel).get('<service-name>')).not.toBe('ingress');
    expect(fills('我的 svc/ingress 从外部访问不了，端口 30080 不通').get('<service-name>')).toBeUndefined();
  });

  it('still fills a name after the slash', () => {
    expect(fills('kubectl describe svc/wordpress shows no endpoints').get('<service-name>')).toBe(
      'wordpress',
    );
    expect(fills('kubectl describe svc/wordpress 显示没有 endpoints').get('<service-name>')).toBe(
      'wordpress',
    );
  });
});
