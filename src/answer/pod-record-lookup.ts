/**
 * A lookup that failed on one pod's own name, not a Service's: a StatefulSet member (`spark-master-0`,
 * `kafka-1.kafka-headless`, `web-0.nginx.default.svc.cluster.local`) or a Deployment pod's generated hostname
 * (`nifinode-6cc66886c7-qmfpj`, which clustered applications advertise to their peers). Such a name has a record only
 * while a headless Service selects the pod, the StatefulSet names that Service as `serviceName` (or the pod sets
 * `hostname`/`subdomain`) and the pod is Ready or the Service publishes not-ready addresses: the headless Service's
 * runbook tests that, where the CoreDNS runbook tests the resolver as a whole. Pure.
 */
import { SAFE } from './generated-names.js';
import { podDnsNames } from './pod-dns-name.js';

/** A single label ending in a StatefulSet ordinal (`spark-master-0`, `zk-2`). */
const ORDINAL_LABEL = /^[a-z][a-z0-9-]*-\d{1,3}$/i;

/** A Deployment pod's generated name: `<deployment>-<pod-template hash>-<suffix>`, the hash carrying a digit. */
const GENERATED_POD = new RegExp(`^[a-z][a-z0-9-]*-(?=${SAFE}*\\d)${SAFE}{8,10}-${SAFE}{5}$`, 'i');

/** `<member>.<service>` short of its namespace (`etcd-0.etcd`), the search domains completing it. */
const ORDINAL_UNDER_SERVICE = /^[a-z][a-z0-9-]*-\d{1,3}\.([a-z][a-z0-9-]*[a-z0-9])$/i;

/** Top-level domains: `api-2.example.com`, `web-1.corp` are hosts outside the cluster. */
const INTERNET_TLD =
  /^(?:com|org|net|io|cn|dev|co|de|uk|info|cloud|local|internal|lan|home|corp|intranet|localdomain)$/i;

/** Machines, not pods, are numbered this way too (`worker-1`, `k8s-node-2`, `vm-3`). */
const MACHINE = /(?:^|-)(?:node|worker|host|vm|server|k8s|kube|ip|ecs|instance|machine)-\d+$/i;

/** The failed name (a host, maybe with `:port`) is one pod's own name. */
export function isPodRecordName(target: string): boolean {
  const name = target.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  if (podDnsNames(name).length > 0) return true;
  const service = ORDINAL_UNDER_SERVICE.exec(name)?.[1];
  if (service) return !INTERNET_TLD.test(service);
  if (name.includes('.')) return false;
  if (MACHINE.test(name)) return false;
  return ORDINAL_LABEL.test(name) || GENERATED_POD.test(name);
}
