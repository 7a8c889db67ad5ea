/**
 * A pod kubelet's status manager names while it fails to report that pod's status (`status_manager.go:530] Failed to
 * get status for pod "dashboard-metrics-scraper-76585494d8-fbrrp_kubernetes-dashboard(7a568368-...)": Get
 * https://172.31.46.140:6443/api/v1/...`, or in structured form `"Failed to get status for pod" podUID="..."
 * pod="kube-system/kube-scheduler-m1" err="Get ..."`). Kubelet writes such a line for every pod on the node while it
 * cannot reach the API server: the pod is any pod kubelet runs, not the one the report is about.
 *
 * `before` is the text right before the pod's name; only its own line is read.
 */
const STATUS_SYNC_BEFORE = /failed\s+to\s+(?:get|update|patch)\s+status\s+for\s+pod\b[^\n]*$/i;

export function statusSyncPod(before: string): boolean {
  return STATUS_SYNC_BEFORE.test(before);
}
