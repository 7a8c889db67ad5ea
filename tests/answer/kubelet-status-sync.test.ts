import { describe, expect, it } from 'vitest';
import { statusSyncPod } from '../../src/answer/kubelet-status-sync.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('statusSyncPod', () => {
  it('reads the pod of a failed status report', () => {
    expect(statusSyncPod('status_manager.go:530] Failed to get status for pod "')).toBe(true);
    expect(statusSyncPod('kubelet[901]: status_manager.go:589] Failed to update status for pod \\"')).toBe(
      true,
    );
    expect(
      statusSyncPod('status_manager.go:853] "Failed to get status for pod" podUID="2789fb1c" pod="'),
    ).toBe(true);
  });

  it('leaves the pod of another kubelet line alone', () => {
    expect(
      statusSyncPod('pod_workers.go:191] Error syncing pod 7a568368-f6bc-4c41-b384-d9a6d57f89a7 ("'),
    ).toBe(false);
    expect(statusSyncPod('kuberuntime_manager.go:815] createPodSandbox for pod "')).toBe(false);
    // A line after a status line is read on its own.
    expect(statusSyncPod('Failed to get status for pod "a_b(1)"\nError syncing pod, skipping pod="')).toBe(
      false,
    );
  });
});

describe('placeholder fills: a pod kubelet fails to report is no pod of the report', () => {
  it('leaves the pod and namespace open when kubelet only names pods whose status it cannot send', () => {
    const en =
      'kubectl get nodes says the connection to the server was refused.\nMar 07 05:03:59 ip-172-31-46-140 kubelet[14821]: W0307 05:03:59.417871   14821 status_manager.go:530] Failed to get status for pod "dashboard-metrics-scraper-76585494d8-fbrrp_kubernetes-dashboard(7a568368-f6bc-4c41-b384-d9a6d57f89a7)": Get https://172.31.46.140:6443/api/v1/namespaces/kubernetes-dashboard/pods/x: dial tcp 172.31.46.140:6443: connect: connection refused';
    expect(fills(en).get('<pod>')).toBeUndefined();
    expect(fills(en).get('<namespace>')).toBeUndefined();
    const zh =
      'master 重启后 kubectl 用不了，kubelet 日志：status_manager.go:530] Failed to get status for pod "kube-apiserver-k8s-m1_kube-system(9cf756fe-9ee0-f87c-9d8c-8477701b0f92)": Get https://10.0.0.5:6443/api/v1/namespaces/kube-system/pods/kube-apiserver-k8s-m1: dial tcp 10.0.0.5:6443: connect: connection refused';
    expect(fills(zh).get('<pod>')).toBeUndefined();
  });

  it('reads kubelet’s structured status lines too', () => {
    const en =
      'Jun 02 22:26:59 ot-master1 kubelet[1075113]: I0602 22:26:59.319447 1075113 status_manager.go:853] "Failed to get status for pod" podUID="2789fb1c6262f964cfaed606401ed957" pod="kube-system/kube-controller-manager-ot-master1" err="Get https://10.1.1.1:6443/api/v1/namespaces/kube-system/pods/kube-controller-manager-ot-master1: dial tcp 10.1.1.1:6443: connect: connection refused"';
    expect(fills(en).get('<pod>')).toBeUndefined();
  });

  it('still fills the pod kubelet fails to sync', () => {
    const zh =
      'pod 网络不通，kubelet 日志：\nE0307 05:03:59.337703   14821 pod_workers.go:191] Error syncing pod 7a568368-f6bc-4c41-b384-d9a6d57f89a7 ("web-6d4cf56db6-2xk9v_prod(7a568368-f6bc-4c41-b384-d9a6d57f89a7)"), skipping: failed to "CreatePodSandbox"';
    expect(fills(zh).get('<pod>')).toBe('web-6d4cf56db6-2xk9v');
    expect(fills(zh).get('<namespace>')).toBe('prod');
  });
});
