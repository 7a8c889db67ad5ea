import { describe, expect, it } from 'vitest';
import { checksOutsideName, outsideNameFails } from '../../src/answer/failing-name.js';
import { corednsReadOnlyChecks } from '../helpers/coredns-checks.js';

describe('outsideNameFails', () => {
  it('is a report saying a name outside the cluster fails to resolve', () => {
    expect(
      outsideNameFails(
        'DNS Lookup Failures on Ubuntu 20.10 on ARM. kubectl run -it --rm test --image=curlimages/curl -- curl -I https://example.com gives curl: (6) Could not resolve host: example.com. The host system itself resolves fine.',
      ),
    ).toBe(true);
    expect(
      outsideNameFails(
        'No public DNS resolution inside pods. I cannot resolve public DNS inside running pods, although internal k8s DNS works ok with the dns addon enabled.',
      ),
    ).toBe(true);
    expect(
      outsideNameFails(
        '自定义pod内无法解析外部域名，coredns解析超时。在阿里云ECS上安装完集群（k8s v1.16.0），在自定义的Pod内无法访问外部的地址，在宿主机上是可以正常访问。',
      ),
    ).toBe(true);
    expect(
      outsideNameFails(
        "POD无法解析域名: Err http://archive.ubuntu.com/ubuntu/ trusty/main libhcrypto4-heimdal amd64 Could not resolve 'archive.ubuntu.com'",
      ),
    ).toBe(true);
  });

  it('is a report saying remote names or names outside the cluster fail, its upstream DNS unreachable', () => {
    expect(
      outsideNameFails(
        "[coredns] upstream dns should be configurable. I run microk8s in a restricted environment and google dns is unreachable, so I can't resolve any remote addresses.",
      ),
    ).toBe(true);
    expect(
      outsideNameFails(
        'Pods cannot resolve names outside the cluster: nslookup times out for anything but svc names.',
      ),
    ).toBe(true);
    expect(
      outsideNameFails('pod 内无法解析集群外的域名，上游 DNS 是 8.8.8.8，集群内 service 名字解析正常。'),
    ).toBe(true);
  });

  it('is not a report naming remote or upstream things without a failing lookup', () => {
    expect(
      outsideNameFails(
        'Upstream DNS is 10.0.0.2 on every node. Pods cannot reach remote addresses on port 443: curl times out.',
      ),
    ).toBe(false);
    expect(outsideNameFails('上游 DNS 配置在哪里改？我们想把 forward 改成内网 DNS 服务器。')).toBe(false);
  });

  it('is not a report whose failing name is a cluster one, or that names no failing lookup', () => {
    expect(
      outsideNameFails(
        "nslookup: can't resolve 'kubernetes.default'. I have created a cluster on RHEL with flannel as cni. The kubedns container cannot resolve kubernetes.default.",
      ),
    ).toBe(false);
    expect(
      outsideNameFails(
        'pod内nslookup无法解析kubernetes.defaul服务名。sealos init 安装 kube1.21.1（master 10.10.10.136，worker 10.10.10.137），主机 Ubuntu 20.04.3。',
      ),
    ).toBe(false);
    // An outside host named without a failing lookup (a download link, an image) is not the failing side.
    expect(
      outsideNameFails(
        "Calico can't connect to API. unable to get KubeControllersConfiguration(default) error=Get https://10.233.0.1:443/apis/crd.projectcalico.org/v1/kubecontrollersconfigurations/default: dial tcp 10.233.0.1:443: connect: connection refused.",
      ),
    ).toBe(false);
    expect(outsideNameFails('我在 k8s.io 上看到 ndots 默认是 5，为什么？')).toBe(false);
  });
});

describe('checksOutsideName', () => {
  it('is a lookup of an outside name, or the Corefile forwarding it', () => {
    expect(checksOutsideName('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.')).toBe(true);
    expect(checksOutsideName('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.io')).toBe(true);
    expect(
      checksOutsideName("kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'"),
    ).toBe(true);
  });

  it('is not a lookup of a cluster name, nor a change to the Corefile', () => {
    expect(
      checksOutsideName('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local'),
    ).toBe(false);
    expect(
      checksOutsideName(
        'kubectl exec -n <namespace> <pod> -- nslookup <service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(false);
    expect(checksOutsideName('kubectl -n kube-system edit configmap coredns')).toBe(false);
    expect(checksOutsideName('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide')).toBe(false);
  });
});

describe('pickCommands with an outside name failing', () => {
  const checks = corednsReadOnlyChecks();

  it('leads with the checks of the outside side', () => {
    const picked = checks(
      'DNS Lookup Failures on Ubuntu 20.10 on ARM. Despite having the dns addon enabled, I cannot get DNS to resolve from within the cluster: kubectl run -it --rm test --image=curlimages/curl -- curl -I https://example.com gives curl: (6) Could not resolve host: example.com. The host system itself resolves fine.',
    );
    expect(picked.slice(0, 2)).toContain('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.');
    expect(picked).toContain("kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'");
  });

  it('keeps the Corefile forwarding the name upstream above the checks of the cluster side', () => {
    const corefile = "kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'";
    const en = checks(
      'Pods cannot resolve any public domain: kubectl exec into a debian pod and run curl https://github.com, it fails with curl: (6) Could not resolve host: github.com. Services inside the cluster resolve fine.',
    );
    expect(en).toContain(corefile);
    const zh = checks(
      '集群里的 pod 无法解析外部域名，exec 进去 curl https://www.baidu.com 报 Could not resolve host: www.baidu.com，集群内部的 service 名字能解析。',
    );
    expect(zh).toContain(corefile);
    // The lookup of a cluster name, a variant of the outside name's lookup, comes after it or not at all.
    const clusterLookup = zh.indexOf(
      'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local',
    );
    expect(clusterLookup === -1 || zh.indexOf(corefile) < clusterLookup).toBe(true);
  });

  it('does not for a cluster name failing', () => {
    const picked = checks(
      "nslookup: can't resolve 'kubernetes.default'. I have created a cluster on RHEL with flannel as cni. The kubedns container cannot resolve kubernetes.default.",
    );
    expect(picked.slice(0, 2)).not.toContain(
      'kubectl exec -n <namespace> <pod> -- nslookup www.example.com.',
    );
  });
});
