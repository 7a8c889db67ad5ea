import { describe, expect, it } from 'vitest';
import { installCommandNamespace } from '../../src/answer/install-namespace.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

/** Whether the namespace flag's value `namespace` (its first mention) is given to an install command. */
function installs(text: string, namespace: string): boolean {
  return installCommandNamespace(text, text.indexOf(` ${namespace}`) + 1);
}

describe('installCommandNamespace: the -n of a command installing the CNI', () => {
  it('is where Helm installed the CNI', () => {
    expect(
      installs('install cilium with: helm install cilium . -n kube-system --set cluster.id=2', 'kube-system'),
    ).toBe(true);
    expect(
      installs(
        'helm upgrade --install calico projectcalico/tigera-operator --namespace tigera-operator',
        'tigera-operator',
      ),
    ).toBe(true);
    expect(
      installs('用 helm 安装：helm install kube-ovn kube-ovn/kube-ovn -n kube-system', 'kube-system'),
    ).toBe(true);
  });

  it('is where the CNI’s own installer put it', () => {
    expect(installs('我用 cilium install -n cni-system --version 1.14 装的', 'cni-system')).toBe(true);
  });

  it('is not the namespace of another add-on or of the application itself', () => {
    expect(
      installs(
        'helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx --namespace ingress-basic',
        'ingress-basic',
      ),
    ).toBe(false);
    expect(installs('helm install shop ./charts/shop -n shop and the pod cannot resolve', 'shop')).toBe(
      false,
    );
    expect(installs('用 helm install web bitnami/nginx -n web 部署后 svc 不通', 'web')).toBe(false);
  });

  it('is not a later command’s namespace', () => {
    expect(installs('helm install cilium cilium/cilium; kubectl -n shop get pods', 'shop')).toBe(false);
    expect(
      installs('helm install cilium cilium/cilium 之后 kubectl exec -n shop web-0 -- curl', 'shop'),
    ).toBe(false);
    expect(installs('kubectl -n shop logs web-0', 'shop')).toBe(false);
  });
});

describe('placeholder fills: the namespace the CNI was installed into', () => {
  it('does not fill <namespace> from a Helm install of the CNI', () => {
    const helm =
      'the pod ip allocated is still 10.0. install cilium with: helm install --kube-context cluster2 cilium . -n kube-system --set cluster.id=2. kubectl get pod -A -owide shows the pods on 10.0.x.x';
    expect(fills(helm).get('<namespace>')).toBeUndefined();
    const zh =
      '用 helm install cilium cilium/cilium -n kube-system 安装后，pod 拿到的 IP 还是 10.0.0.0/8 里的';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('still fills the application’s namespace written beside the install', () => {
    const both =
      'helm install cilium cilium/cilium -n kube-system; then kubectl -n shop exec web-0 -- curl api fails';
    expect(fills(both).get('<namespace>')).toBe('shop');
    const app = 'helm install shop ./charts/shop -n shop, and pod web-0 cannot resolve api';
    expect(fills(app).get('<namespace>')).toBe('shop');
  });
});
