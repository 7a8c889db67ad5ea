/**
 * A report declaring the type of the Service it reaches keeps the external-access runbook first when retrieval put
 * it there: a generic runbook's symptom row does not take the lead (src/answer/declared-type-doc.ts).
 */
import { describe, expect, it } from 'vitest';
import { topIsDeclaredServiceType } from '../../src/answer/declared-type-doc.js';

describe('topIsDeclaredServiceType', () => {
  it('holds for a declared NodePort with the external-access runbook on top', () => {
    expect(
      topIsDeclaredServiceType(
        'Connection refused on exposed port. I am trying to publish a Service using the NodePort type and I keep getting refused connections.',
        'service_external',
      ),
    ).toBe(true);
    expect(topIsDeclaredServiceType('我通过 NodePort 暴露了 nginx，集群外访问超时', 'service_external')).toBe(
      true,
    );
  });

  it('does not hold for another top runbook or a type only mentioned', () => {
    expect(
      topIsDeclaredServiceType('kubectl expose deploy web --type NodePort; curl times out', 'service'),
    ).toBe(false);
    expect(
      topIsDeclaredServiceType(
        'The ClusterIP service times out. kubectl describe svc: Type: LoadBalancer',
        'service_external',
      ),
    ).toBe(false);
    // What works is not the failing path.
    expect(
      topIsDeclaredServiceType(
        'Pods cannot reach the ClusterIP, but using the NodePort works fine',
        'service_external',
      ),
    ).toBe(false);
  });
});
