/** Long reports (in reporters' wording) whose headline says, or only seems to say, that a covered path fails. */

/**
 * Pods across nodes failing, said in other words and order than the Flannel runbook's "flannel 跨节点不通", with the
 * CNI only in the pasted unit file: the pasted setup dilutes the search under the abstention threshold.
 */
export const FLANNEL_REPORT =
  'connectivity issues across nodes. Node: systemctl cat flanneld.service shows ExecStart=/opt/bin/flanneld ' +
  '-etcd-endpoints=http://10.0.3.11:2379 --iface=eth1 --log_dir=/var/log/k8s -logtostderr=false -v=0; ' +
  'systemctl status flanneld.service says active (running) on all three vagrant boxes.';

/** Another trade's thing "not available": no runbook's path. */
export const GRAFANA_REPORT =
  'Grafana dashboards not available after the helm upgrade. We upgraded the chart from 6.x to 7.x last ' +
  'week and since then the dashboards folder is empty; the provisioning sidecar logs show that it cannot ' +
  'find the configmaps with the dashboard label, and the admin password was reset by the upgrade too.';
