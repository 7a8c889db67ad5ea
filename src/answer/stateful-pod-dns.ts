/**
 * A StatefulSet pod's DNS name under its governing Service: `nacos-0.nacos-headless`, `zk-1.zk-hs.default.svc`,
 * `seata-server-0.seata-server-cluster`. Application logs print it where they say "node" or "host" (Seata's "watch
 * cluster node: seata-server-0.seata-server-cluster:7091", Elasticsearch's "node: es-master-0.es-master-headless"), but
 * it names a pod of the application, never a Kubernetes node to describe or ssh into.
 */

/** `<stateful set>-<ordinal>`: the pod's own label, group 1 the StatefulSet's name. */
const ORDINAL_LABEL = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-\d{1,3}$/;
/** The conventional names of a governing Service: `*-headless`, `*-hs`, `*-discovery`. */
const GOVERNING_SERVICE = /(?:^|-)(?:headless|hs|discovery)(?:-|$)/;

/**
 * Whether `name` is a StatefulSet pod's DNS name: its first label ends in an ordinal, and the second is a governing
 * Service's name (one that starts like the StatefulSet's, or a conventional headless one). A node's FQDN
 * (`worker-1.example.com`, `k8s-node-2.lab.local`) has a domain there instead.
 */
export function statefulPodDnsName(name: string): boolean {
  const [first = '', second] = name.toLowerCase().split('.');
  const statefulSet = ORDINAL_LABEL.exec(first)?.[1];
  if (statefulSet === undefined || second === undefined || second === '') return false;
  const stem = statefulSet.split('-')[0] ?? statefulSet;
  return second.startsWith(stem) || GOVERNING_SERVICE.test(second);
}
