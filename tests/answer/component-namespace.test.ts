import { describe, expect, it } from 'vitest';
import { addOnCommandNamespace, addOnObject } from '../../src/answer/component-namespace.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('placeholder fills: the -n of a command run on an add-on’s own object', () => {
  it('does not fill an application Service’s namespace from the add-on DaemonSet’s', () => {
    const vip =
      'kube-vip not ARPing addresses. kubectl rollout restart daemonset kube-vip-ds -n kube-vip did not help: the service web-lb of type LoadBalancer is still not reachable at 192.168.4.148.';
    expect(fills(vip).get('<namespace>')).toBeUndefined();
    expect(fills(vip).get('<service-name>')).toBe('web-lb');
  });

  it('does not fill an application pod’s namespace from a CNI pod’s logs or exec', () => {
    const logs =
      'pod nginx-5c7588df-xk2z9 cannot reach other nodes; kubectl logs -n kube-system calico-node-7xk2p shows readiness probe failed.';
    expect(fills(logs).get('<pod>')).toBe('nginx-5c7588df-xk2z9');
    expect(fills(logs).get('<namespace>')).toBeUndefined();
    const zh =
      '业务 pod web-6d4cf56db6-2xk9v 访问不了 svc my-svc，执行 kubectl exec -n kube-system kube-ovn-cni-x7k2p -- ovs-vsctl show 看不出问题';
    expect(fills(zh).get('<pod>')).toBe('web-6d4cf56db6-2xk9v');
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('does not fill an application Service’s namespace beside the add-on’s own pod', () => {
    const speaker =
      'After kubectl -n metallb-system logs speaker-x7k2p shows no ARP replies, the LoadBalancer service web-svc gets 10.0.0.240 but curl times out.';
    expect(fills(speaker).get('<namespace>')).toBeUndefined();
    expect(fills(speaker).get('<service-name>')).toBe('web-svc');
    const zh =
      'LoadBalancer 类型的 svc shop-lb 拿到了 172.20.5.200 但是 ping 不通，kubectl logs -n metallb-system speaker-9xk2p 没有报错';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
    const own =
      'svc shop-lb in namespace shop has no ARP reply; kubectl logs -n metallb-system speaker-9xk2p is clean';
    expect(fills(own).get('<namespace>')).toBe('shop');
  });

  it('does not take where an add-on was applied for the application pod’s namespace', () => {
    const applied =
      'I installed kube-vip with kubectl apply -n kube-vip; pod app-6b8c9-xyz12 cannot be reached via the VIP 192.168.1.240.';
    expect(fills(applied).get('<namespace>')).toBeUndefined();
    expect(fills(applied).get('<pod>')).toBe('app-6b8c9-xyz12');
  });

  it('keeps the namespace when the add-on’s pod is the subject or the application’s namespace is written', () => {
    const cni =
      'calico-node-7xk2p 一直 CrashLoopBackOff，kubectl logs -n kube-system calico-node-7xk2p 显示 BIRD is not ready';
    expect(fills(cni).get('<namespace>')).toBe('kube-system');
    const app =
      'pod web-6d4cf56db6-2xk9v in namespace kube-system cannot reach svc my-svc; kubectl exec -n kube-system kube-ovn-cni-x7k2p -- ovs-vsctl show';
    expect(fills(app).get('<namespace>')).toBe('kube-system');
    const own =
      'kubectl exec -n shop web-6d4cf56db6-2xk9v -- curl my-svc:80 times out; kubectl logs -n kube-system calico-node-7xk2p is clean';
    expect(fills(own).get('<namespace>')).toBe('shop');
  });

  it('reads the add-on object and the namespace word', () => {
    expect(addOnObject('calico-node-7xk2p')).toBe(true);
    expect(addOnObject('speaker-x7k2p')).toBe(true);
    expect(addOnObject('web-6d4cf56db6-2xk9v')).toBe(false);
    expect(
      addOnCommandNamespace('kubectl get pods -n calico-system; namespace calico-system', 'calico-system', [
        'web-0',
      ]),
    ).toBe(false);
    expect(addOnCommandNamespace('kubectl get pods -n calico-system', 'calico-system', ['web-0'])).toBe(true);
    expect(addOnCommandNamespace('kubectl get pods -n calico-system', 'calico-system', [])).toBe(false);
  });
});
