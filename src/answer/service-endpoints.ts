/**
 * A report whose client's error says a connection to a Service failed (`dial tcp: … loki:3100: connect: no route to
 * host`, `connect timed out … nacos.default.svc.cluster.local:8848`, `Can't connect to MySQL server on
 * 'my-sql-mysql.default.svc.cluster.local'`), and the check that reads that Service's endpoints (`kubectl get
 * endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>`). A Service without a ready endpoint is
 * the likeliest cause of any such error (kube-proxy rejects or drops what it has nowhere to send), and whether it has
 * one is the first thing to read; a long report's words favour the runbook's rule dumps and probes over that read.
 * Pure.
 */

import { addressPath, failedConnection, failedPath } from './failed-connection.js';
import { kubectlReadKey, readsReportObject } from './kubectl-read.js';

/** The report pastes a client's error of a connection to a Service (by its cluster name or its ClusterIP) that failed. */
export function serviceConnectionFails(text: string): boolean {
  const failed = failedConnection(text);
  if (failed === null || failed.kind !== 'connect') return false;
  return (failedPath(failed) ?? addressPath(text, failed)) === 'service';
}

const ENDPOINT_READS: ReadonlySet<string> = new Set(['kubectl get endpointslices', 'kubectl get endpoints']);

/** The check lists the endpoints of the report's own Service (not of an add-on's Service in a system namespace). */
export function readsServiceEndpoints(command: string): boolean {
  const key = kubectlReadKey(command);
  return key !== undefined && ENDPOINT_READS.has(key) && readsReportObject(command);
}
