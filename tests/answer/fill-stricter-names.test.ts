import { describe, expect, it } from 'vitest';
import { deletedPod } from '../../src/answer/deleted-pod.js';
import { misspeltKindWord } from '../../src/answer/kind-typo.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('a pod the report deletes', () => {
  it('gives way to another pod the report names', () => {
    const rancher =
      'Delete one of the 3 rancher pods: `kubectl delete pod/rancher-6dc68bb996-95rbw -n cattle-system`. Result: the cattle cluster agent fails: `kubectl logs --follow pod/cattle-cluster-agent-7bcbf99f56-vdrbs -n cattle-system`';
    expect(fills(rancher).get('<pod>')).toBe('cattle-cluster-agent-7bcbf99f56-vdrbs');
    const zh = '删除 pod coredns-5c98db65d4-abcde 之后，web-7d9f8b6c5-x2x9q 里 nslookup 一直超时';
    expect(fills(zh).get('<pod>')).toBe('web-7d9f8b6c5-x2x9q');
  });

  it('still fills when it is the only pod named', () => {
    const only =
      'I ran kubectl delete pod web-7d9f8b6c5-x2x9q and the new pod still cannot reach the Service';
    expect(fills(only).get('<pod>')).toBe('web-7d9f8b6c5-x2x9q');
  });

  it('is read from a delete command or phrase only', () => {
    expect(deletedPod('kubectl delete pod/web-0 -n shop', 'web-0')).toBe(true);
    expect(deletedPod('I deleted the pod web-0 and it came back', 'web-0')).toBe(true);
    expect(deletedPod('删除了 pod web-0 以后', 'web-0')).toBe(true);
    expect(deletedPod('kubectl logs web-0 -n shop', 'web-0')).toBe(false);
    expect(deletedPod('kubectl delete pod web-0-backup', 'web-0')).toBe(false);
    expect(deletedPod('kubectl delete svc web-0', 'web-0')).toBe(false);
  });
});

describe('words that are no object names', () => {
  it('reads a misspelt kind word after a slash as that word', () => {
    const posthog =
      'how to setup dns for ch to connect pods/sevices in different namespace. My CH could not reach kafka pod/service';
    expect(fills(posthog).get('<pod>')).toBeUndefined();
    expect(misspeltKindWord('sevices')).toBe(true);
    expect(misspeltKindWord('contianers')).toBe(true);
    expect(misspeltKindWord('services')).toBe(false);
    expect(misspeltKindWord('nginx')).toBe(false);
    expect(misspeltKindWord('web-0')).toBe(false);
    // A real name after `pod/` still fills.
    expect(fills('kubectl logs pod/web-7d9f8b6c5-x2x9q shows connection refused').get('<pod>')).toBe(
      'web-7d9f8b6c5-x2x9q',
    );
  });

  it('reads an adjective quoted before "service" as the kind of Service, no name', () => {
    const quoted =
      'basic load balancing is by coredns if the service is not "headless". All of my backend services is "normal" service.';
    expect(fills(quoted).get('<service-name>')).toBeUndefined();
    expect(fills('我们用的是 "regular" service，不是 headless').get('<service-name>')).toBeUndefined();
    expect(fills('the "payments" service times out from the web pod').get('<service-name>')).toBe('payments');
  });

  it('reads pods the report says came up as the comparison', () => {
    const mysql =
      'Result: Pod: mysql0 and mysql1 go up, while Pod: mysql-2 falls down. clone-mysql failed to copy db from mysql-1 to mysql-2';
    expect(fills(mysql).get('<pod>')).toBe('mysql-2');
    const zh = 'pod web-1 起来了，但是 pod web-2 一直 CrashLoopBackOff';
    expect(fills(zh).get('<pod>')).toBe('web-2');
  });
});
