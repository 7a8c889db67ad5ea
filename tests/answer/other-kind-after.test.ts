import { describe, expect, it } from 'vitest';
import { namesAnotherKind, workloadOfNamespaceBefore } from '../../src/answer/other-kind-after.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('namesAnotherKind', () => {
  it('is another object word right after the name', () => {
    expect(namesAnotherKind(' pod keeps failing its liveness probe')).toBe(true);
    expect(namesAnotherKind(" service's endpoints are empty")).toBe(true);
    expect(namesAnotherKind(' deployment never becomes ready')).toBe(true);
  });

  it('is not a kind word that starts a field, one followed by its own name, nor a plural or other word', () => {
    expect(namesAnotherKind(' pod coredns-5d78c9869d-8x7xq is crashing')).toBe(false);
    expect(namesAnotherKind(' pod: web-0')).toBe(false);
    expect(namesAnotherKind(' pods cannot resolve DNS')).toBe(false);
    expect(namesAnotherKind(' cannot reach the api server')).toBe(false);
    expect(namesAnotherKind(' pod-cidr is 10.244.0.0/16')).toBe(false);
  });
});

describe('workloadOfNamespaceBefore', () => {
  it('is a name that starts with the word written before the namespace word', () => {
    expect(workloadOfNamespaceBefore('pods in the argocd namespace: ', 'argocd-repo-server')).toBe(true);
    expect(workloadOfNamespaceBefore('cert-manager ns: ', 'cert-manager-webhook')).toBe(true);
    expect(workloadOfNamespaceBefore('Ingress-Nginx namespace：', 'ingress-nginx-controller')).toBe(true);
  });

  it('is not the namespace a field label gives, nor a name that does not start with the word', () => {
    expect(workloadOfNamespaceBefore('Kubernetes namespace: ', 'payments-prod')).toBe(false);
    expect(workloadOfNamespaceBefore('monitoring namespace: ', 'prometheus-server')).toBe(false);
    expect(workloadOfNamespaceBefore('in namespace ', 'argocd-repo-server')).toBe(false);
    expect(workloadOfNamespaceBefore('argocd namespace ', 'argocd-repo-server')).toBe(false);
  });
});

describe('placeholder fills: a name after the namespace word that the report calls a pod', () => {
  it('fills no namespace with the pod written after the namespace word', () => {
    const en =
      'argocd repo-server cannot reach github. argocd namespace: argocd-repo-server pod keeps failing liveness probe, other pods fine.';
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const list =
      'argocd namespace: argocd-repo-server, argocd-application-controller, argocd-redis all log timeouts';
    expect(fills(list).get('<namespace>')).toBeUndefined();
    const webhook = 'cert-manager namespace: cert-manager-webhook keeps timing out, calling webhook failed';
    expect(fills(webhook).get('<namespace>')).toBeUndefined();
  });

  it('still fills the namespace the word presents', () => {
    expect(fills('in namespace payments-prod pod api-7d9c cannot reach redis').get('<namespace>')).toBe(
      'payments-prod',
    );
    expect(fills('namespace shop-prod pod cart-5b9c7d8f6-q2wzl is crashing').get('<namespace>')).toBe(
      'shop-prod',
    );
    expect(fills('命名空间 shop-prod 的 pod 都访问不了 Service').get('<namespace>')).toBe('shop-prod');
    expect(fills('命名空间 shop-prod pod 访问不了 Service').get('<namespace>')).toBe('shop-prod');
  });
});
