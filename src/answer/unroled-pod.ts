/**
 * A pod the report gives no end of the failing path, among pods of other workloads ("redis slave pods are not able
 * to connect to redis master pod" above a listing of `redis-master-sgbch` and `redis-slave-r7kbk`; "prometheus-server
 * 访问不了 openstack-exporter 的 ClusterIP" above both pods' rows). Which of them calls and which is called is not
 * written beside the name, so the first one is no more the caller than the backend: a runbook check that wants one end
 * (a call run from `<pod>`, a listening check in `<pod>`) leaves `<pod>` open rather than run in the wrong pod. Pods of
 * one workload (`my-nginx-5f44486bdb-q5dr8`, `my-nginx-5f44486bdb-scttd`) are replicas of one end and keep it. Pure.
 */
import { SAFE } from './generated-names.js';

/** A generated pod's workload: `kube-flannel-ds-5w8v2` of a DaemonSet, `coredns-6d56c8448f-5z5kp` of a Deployment. */
export function workloadName(pod: string): string | undefined {
  // A ReplicaSet's hash has a digit; `-controller` after a DaemonSet's suffix is part of the name.
  const name = pod
    .replace(new RegExp(`-${SAFE}{5}$`), '')
    .replace(new RegExp(`-(?=[a-z]*\\d)${SAFE}{6,10}$`), '');
  return name !== pod && name.length >= 3 ? name : undefined;
}

/** The pods the report names belong to two or more workloads. */
export function podsOfOtherWorkloads(pods: readonly string[]): boolean {
  return new Set(pods.map((pod) => workloadName(pod) ?? pod)).size >= 2;
}
