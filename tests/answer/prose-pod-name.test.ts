import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { proseOnlyPodName } from '../../src/answer/prose-pod-name.js';

describe('proseOnlyPodName', () => {
  it('reads a plain word or an add-on written only before "pod" as the kind of pod', () => {
    expect(proseOnlyPodName('the coredns pod keeps restarting with loop detected', 'coredns', false)).toBe(
      true,
    );
    expect(proseOnlyPodName('my nginx pod cannot reach the service', 'nginx', false)).toBe(true);
    expect(proseOnlyPodName('kube-proxy pod 日志里全是 Failed to list', 'kube-proxy', false)).toBe(true);
    expect(proseOnlyPodName('busybox 的 pod 里 nslookup 超时', 'busybox', false)).toBe(true);
  });

  it('reads "a"/"an"/"一个" before the name as one pod of that kind, quoted or not', () => {
    expect(proseOnlyPodName("I could not run an 'access' pod in nsa", 'access', false)).toBe(true);
    expect(proseOnlyPodName('I start a web-client pod and curl the service', 'web-client', false)).toBe(true);
    expect(proseOnlyPodName('起了一个 dnsutils pod 测试解析', 'dnsutils', false)).toBe(true);
  });

  it('keeps a name the report shows as a pod', () => {
    expect(proseOnlyPodName('web pod fails.\nweb   1/1   Running   0   3m', 'web', false)).toBe(false);
    expect(
      proseOnlyPodName('the busybox pod: kubectl describe pod/busybox shows nothing', 'busybox', false),
    ).toBe(false);
    expect(
      proseOnlyPodName('I created pod named dnsutils; the dnsutils pod cannot resolve', 'dnsutils', false),
    ).toBe(false);
    expect(
      proseOnlyPodName('dnsutils pod 无法解析，kubectl logs -n tools dnsutils 没有输出', 'dnsutils', false),
    ).toBe(false);
    expect(proseOnlyPodName('名为 web 的 pod 访问不了名为 db 的服务', 'web', false)).toBe(false);
    expect(proseOnlyPodName('the client pod times out', 'client', true)).toBe(false);
  });

  it('keeps a quoted name and a name with an object’s shape', () => {
    expect(proseOnlyPodName('The "toolbox" pod cannot reach 10.0.0.5 on port 8080.', 'toolbox', false)).toBe(
      false,
    );
    expect(proseOnlyPodName('the web-client pod cannot reach 10.96.0.1:443', 'web-client', false)).toBe(
      false,
    );
    expect(proseOnlyPodName('my-app pod cannot reach the db service', 'my-app', false)).toBe(false);
    expect(
      proseOnlyPodName(
        '172.31.0.165 is mysqlclient-k8s-dev-node2 pod’s ip',
        'mysqlclient-k8s-dev-node2',
        false,
      ),
    ).toBe(false);
    expect(proseOnlyPodName('From inside the web-test pod itself the curl fails', 'web-test', false)).toBe(
      false,
    );
  });

  it('keeps a StatefulSet ordinal and a name never written before "pod"', () => {
    expect(proseOnlyPodName('cassandra fails in the cassandra-1 pod', 'cassandra-1', false)).toBe(false);
    expect(proseOnlyPodName('pod nginx cannot reach the service', 'nginx', false)).toBe(false);
    expect(proseOnlyPodName('Pod 名为 test-dns，无法访问 kubernetes.default', 'test-dns', false)).toBe(false);
  });
});

describe('<pod> fill', () => {
  const pod = (q: string) => placeholderValues(extractEntities(q)).get('<pod>');
  it('stays open for a kind of pod written as "X pod"', () => {
    expect(pod('the coredns pod logs show: [FATAL] plugin/loop: Loop detected')).toBeUndefined();
    expect(
      pod("I was not able to run an 'access' pod in nsa that could reach the nginx service"),
    ).toBeUndefined();
  });
  it('fills a pod the report types in kubectl, quotes, names or writes with an object’s shape', () => {
    expect(pod('dnsutils pod cannot resolve: kubectl exec -it dnsutils -- nslookup kubernetes.default')).toBe(
      'dnsutils',
    );
    expect(pod('The "toolbox" pod cannot reach 10.0.0.5 on port 8080.')).toBe('toolbox');
    expect(pod('名为 web 的 pod 访问不了名为 db 的服务')).toBe('web');
    expect(pod('the web-client pod cannot reach 10.96.0.1:443')).toBe('web-client');
    expect(pod('nextcloud-aio-apache pod is pending: node(s) didn’t have free ports')).toBe(
      'nextcloud-aio-apache',
    );
  });
});
