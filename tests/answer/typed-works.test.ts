import { describe, expect, it } from 'vitest';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { typedCommandWorks } from '../../src/answer/typed-works.js';

const LOOKUP = 'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local';

describe('a typed command the report says works', () => {
  it('is read from the rest of its own clause', () => {
    expect(typedCommandWorks(' -- nslookup kubernetes.default works fine; kubectl exec -ti busybox2')).toBe(
      true,
    );
    expect(typedCommandWorks(' -- curl http://api:8080 正常，但是 web-1 不行')).toBe(true);
    expect(typedCommandWorks(' -- curl http://api:8080 times out')).toBe(false);
    expect(typedCommandWorks(' -- nslookup kubernetes.default: NXDOMAIN')).toBe(false);
    expect(
      typedCommandWorks(' -- nslookup kubernetes.default works without policy; with the policy it fails'),
    ).toBe(false);
    expect(typedCommandWorks(' -- curl http://api 重启之前正常')).toBe(false);
    expect(typedCommandWorks(' -- curl http://api\nworks on the other node')).toBe(false);
  });

  it('gives no <pod>: the failing command beside it does', () => {
    // https://github.com/docker-library/busybox/issues/75
    const question =
      "nslookup doesn't work on 1.31.1. kubectl exec -ti busybox1 -- nslookup kubernetes.default works fine; kubectl exec -ti busybox2 -- nslookup kubernetes.default: Server: 10.96.0.10 ** server can't find kubernetes.default: NXDOMAIN";
    expect(fillCommand(LOOKUP, placeholderValues(extractEntities(question))).command).toContain('busybox2');
    const conditional =
      'kubectl exec -n vasp-demo -i -t dnsutils -- nslookup kubernetes.default works without policy; with an egress policy it fails';
    expect(fillCommand(LOOKUP, placeholderValues(extractEntities(conditional))).command).toContain(
      'dnsutils',
    );
  });
});
