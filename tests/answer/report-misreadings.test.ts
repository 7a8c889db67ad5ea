import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('names of a real report read in their roles', () => {
  it('reads an image reference after `pod` as an image (registry path, name, tag), no namespace and pod', () => {
    const ovn =
      'create pod wbitt/network-multitool:latest with annotated ovn.kubernetes.io/eip: PUBLIC_IP in default namespace';
    expect(fills(ovn).get('<pod>')).toBeUndefined();
    expect(fills(ovn).get('<namespace>')).toBeUndefined();
    const run =
      'kubectl run test --image=nicolaka/netshoot -- sleep 1000, then the pod cannot resolve kube-dns';
    expect(fills(run).get('<namespace>')).toBeUndefined();
    const zh = '创建 pod 时用镜像 calico/node:v3.26.1，在 prod 命名空间里访问 kube-dns 超时';
    expect(fills(zh).get('<namespace>')).toBe('prod');
    expect(fills(zh).get('<pod>')).toBeUndefined();
    // A namespace/pod is still one, a port after it too.
    const pod = 'pod prod/nginx-7d9f8b6c5-x2x9q cannot reach the Service';
    expect(fills(pod).get('<pod>')).toBe('nginx-7d9f8b6c5-x2x9q');
    expect(fills(pod).get('<namespace>')).toBe('prod');
    const port = 'pod prod/web:8080 refuses connections from other nodes';
    expect(fills(port).get('<pod>')).toBe('web');
    expect(fills('pod kube-system/coredns-5d78c9869d-8x2kf 一直 CrashLoopBackOff').get('<pod>')).toBe(
      'coredns-5d78c9869d-8x2kf',
    );
  });
});
