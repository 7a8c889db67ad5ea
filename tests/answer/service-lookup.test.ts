import { describe, expect, it } from 'vitest';
import { looksUpServiceName } from '../../src/answer/service-lookup.js';

describe('looksUpServiceName', () => {
  it('is a lookup of a Service name from a pod', () => {
    expect(
      looksUpServiceName(
        'kubectl exec -n <namespace> <pod> -- nslookup <service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(true);
    expect(
      looksUpServiceName(
        'kubectl run dnsutils -n <namespace> --rm -it --restart=Never --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- dig +search <service-name>',
      ),
    ).toBe(true);
  });

  it('is not a lookup of another record, nor a read of the Service', () => {
    expect(
      looksUpServiceName(
        'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local',
      ),
    ).toBe(false);
    expect(
      looksUpServiceName(
        'kubectl exec -n <namespace> <pod> -- nslookup <pod>.<service-name>.<namespace>.svc.cluster.local',
      ),
    ).toBe(false);
    expect(looksUpServiceName('kubectl exec -n <namespace> <pod> -- nslookup www.example.com.')).toBe(false);
    expect(looksUpServiceName('kubectl get svc <service-name> -n <namespace> -o wide')).toBe(false);
  });
});
