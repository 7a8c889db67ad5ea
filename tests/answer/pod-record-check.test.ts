import { describe, expect, it } from 'vitest';
import { checksPodRecord, looksUpPodName } from '../../src/answer/pod-record-check.js';

describe('checksPodRecord', () => {
  it('is a lookup of one pod name or a read of endpoint hostnames', () => {
    expect(
      checksPodRecord(
        'kubectl exec -n <namespace> <pod> -- nslookup <pod>.<service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(true);
    expect(checksPodRecord('dig A web-0.nginx.default.svc.cluster.local +short')).toBe(true);
    expect(
      checksPodRecord(
        "kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o yaml | grep -E 'addresses|hostname|ready'",
      ),
    ).toBe(true);
  });

  it('is not a lookup of a Service name or a plain endpoint listing', () => {
    expect(
      checksPodRecord(
        'kubectl exec -n <namespace> <pod> -- nslookup <service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(false);
    expect(checksPodRecord('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default')).toBe(false);
    expect(
      checksPodRecord(
        'kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o yaml',
      ),
    ).toBe(false);
    expect(checksPodRecord("kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.hostname}'")).toBe(
      false,
    );
  });
});

describe('looksUpPodName', () => {
  it('is a lookup of one pod name, the runbook placeholder or a StatefulSet member', () => {
    expect(
      looksUpPodName(
        'kubectl exec -n <namespace> <pod> -- nslookup <pod>.<service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(true);
    expect(
      looksUpPodName('kubectl exec -it nacos-0 -- nslookup nacos-2.nacos-headless.default.svc.cluster.local'),
    ).toBe(true);
    expect(looksUpPodName('dig +short zk-1.zk-hs.kafka.svc.cluster.local')).toBe(true);
  });

  it('is not a lookup of a Service name, nor a read of endpoint hostnames', () => {
    expect(
      looksUpPodName(
        'kubectl exec -n <namespace> <pod> -- nslookup <service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(false);
    expect(looksUpPodName('kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default')).toBe(false);
    expect(
      looksUpPodName(
        "kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name> -o yaml | grep -E 'addresses|hostname|ready'",
      ),
    ).toBe(false);
  });
});
