/**
 * A report saying a name inside the cluster fails to resolve (`the "gateway" hostname is not resolved`, `getaddrinfo
 * ENOTFOUND redis`, `UnknownHostException: zk-0.zk-hs.pulsar.svc.cluster.local`), and the check that reads what the
 * client pod's resolver asks for such a name: its `/etc/resolv.conf` (nameserver, search domains, ndots). A short
 * Service name only resolves through the pod's search domains, so that file is where the lookup first goes wrong;
 * CoreDNS's own health checks say nothing of it. A name with a public top-level domain is looked up outside the
 * cluster (failing-name.ts). Pure.
 */
import { resolverFailures } from './resolver-error.js';

/** A name the cluster's DNS serves: a Service's short name, `name.namespace`, or under `svc` / `cluster.local`. */
const CLUSTER_SUFFIX = /\.(?:svc|svc\.cluster\.local|cluster\.local)\.?$/i;
/** A public or host-network top-level domain: a name outside the cluster, or a node's own name (`.local`, `.internal`). */
const OUTSIDE_SUFFIX = /\.(?:com|org|net|io|cn|dev|co|de|uk|info|cloud|local|internal|lan|home|corp)\.?$/i;

/** Whether a name, as written in a report, is one the cluster's DNS answers. */
export function isClusterName(name: string): boolean {
  if (CLUSTER_SUFFIX.test(name)) return true;
  if (OUTSIDE_SUFFIX.test(name)) return false;
  // A Service's short name (`gateway`, `loki`) or its `name.namespace` form: at most two labels.
  return name.split('.').length <= 2;
}

/** The report says a lookup of a name inside the cluster failed. */
export function clusterNameUnresolved(question: string): boolean {
  return resolverFailures(question).some((failure) => failure.name !== null && isClusterName(failure.name));
}

/** The check reads a pod's own resolver configuration (`kubectl exec … -- cat /etc/resolv.conf`). */
export function readsPodResolvConf(command: string): boolean {
  return /\bkubectl\s+exec\b[^\n]*\s--\s+cat\s+\/etc\/resolv\.conf\b/.test(command);
}
