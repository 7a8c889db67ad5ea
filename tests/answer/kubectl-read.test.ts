import { describe, expect, it } from 'vitest';
import { kubectlReadKey, readsReportObject } from '../../src/answer/kubectl-read.js';
import { checksUnnamedAddOn } from '../../src/answer/unnamed-add-on.js';

const DNS_ENDPOINTS = 'kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns';
const OWN_ENDPOINTS =
  'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o wide';

describe('kubectlReadKey', () => {
  it('reads the same kind of object whatever namespace, selector or output', () => {
    expect(kubectlReadKey(DNS_ENDPOINTS)).toBe('kubectl get endpointslices');
    expect(kubectlReadKey(OWN_ENDPOINTS)).toBe('kubectl get endpointslices');
    expect(kubectlReadKey('kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide')).toBe(
      'kubectl get pods',
    );
    expect(kubectlReadKey('kubectl get pod <pod> -n <namespace> -o wide')).toBe('kubectl get pods');
    expect(kubectlReadKey('kubectl -n kube-system get svc kube-dns')).toBe('kubectl get services');
    expect(kubectlReadKey('kubectl describe svc <service-name> -n <namespace>')).toBe(
      'kubectl describe services',
    );
    expect(kubectlReadKey('kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100')).toBe('kubectl logs');
  });

  it('is undefined for what is not a kubectl read of an object', () => {
    expect(
      kubectlReadKey('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default'),
    ).toBeUndefined();
    expect(kubectlReadKey("iptables-save -t nat | grep '<cluster-ip>'")).toBeUndefined();
    expect(kubectlReadKey('kubectl ko trace <namespace>/<pod> <target-ip> icmp')).toBeUndefined();
    expect(kubectlReadKey('kubectl patch svc <service-name> -n <namespace> -p {}')).toBeUndefined();
    expect(kubectlReadKey('kubectl get <kind> -n <namespace>')).toBeUndefined();
  });

  it('tells the add-on read a report gives no reason for from its generic form (EN and ZH reports)', () => {
    const reports = [
      'k8s executor fails to spin up worker pods due to timeout to the airflow web service',
      '应用 pod 通过 service 访问 redis:6379 一直超时，直接访问 pod IP 正常',
    ];
    for (const report of reports) {
      expect(checksUnnamedAddOn(DNS_ENDPOINTS, report)).toBe(true);
      expect(checksUnnamedAddOn(OWN_ENDPOINTS, report)).toBe(false);
      expect(kubectlReadKey(DNS_ENDPOINTS)).toBe(kubectlReadKey(OWN_ENDPOINTS));
    }
    // A report naming DNS keeps the add-on's own read: nothing to replace.
    expect(checksUnnamedAddOn(DNS_ENDPOINTS, 'pods cannot resolve service names, nslookup times out')).toBe(
      false,
    );
    expect(checksUnnamedAddOn(DNS_ENDPOINTS, 'pod 里域名解析失败')).toBe(false);
  });
});

describe('readsReportObject', () => {
  it('holds for a read in the namespace of the report workload', () => {
    expect(readsReportObject(OWN_ENDPOINTS)).toBe(true);
    expect(readsReportObject('kubectl get pods -n <namespace> -o wide --show-labels')).toBe(true);
    expect(readsReportObject('kubectl logs <pod> --namespace=<namespace> --previous')).toBe(true);
  });

  it('does not hold for a read of one system component', () => {
    expect(readsReportObject(DNS_ENDPOINTS)).toBe(false);
    expect(
      readsReportObject(
        'kubectl -n kube-system get pod -l component=kube-apiserver -o yaml | grep service-cluster-ip',
      ),
    ).toBe(false);
    expect(readsReportObject('kubectl get nodes -o wide')).toBe(false);
  });
});
