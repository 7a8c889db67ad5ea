/**
 * A report pasting a resolver's error on a name (`java.net.UnknownHostException: nifinode-6cc66886c7-qmfpj`, `could
 * not translate host name "hippo-primary.postgres-operator.svc"`) fails at the lookup, before any Service or pod is
 * dialled: the DNS runbooks among its hits lead, however much of the application's own words (a Service, endpoints,
 * a host network) another runbook matches. Not a pod on the host's network: it resolves with the node's resolver
 * unless its dnsPolicy says otherwise, which the host-network runbook explains. A name that is one pod's own
 * (`spark-master-0`, `kafka-1.kafka-headless`) puts `podRecordRunbook` (the headless Service's) first among them:
 * the record exists only through that Service (pod-record-lookup.ts). Pure.
 */
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';
import { failedConnection } from './failed-connection.js';
import { isPodRecordName } from './pod-record-lookup.js';

/** A pod on the host's network (`hostNetwork: true`, 主机网络). */
const HOST_NETWORK = /\bhost\s?network\b|主机网络|主機網路/i;
/**
 * The API server's own Service (`kubernetes`, `kubernetes.default`, `kubernetes.default.svc.cluster.local`): a ClusterIP
 * Service in every cluster, never a headless one. Other Service names may be a headless Service's (`nacos-hs`,
 * `es-discovery`), which the report seldom says.
 */
const API_SERVICE_NAME = /^kubernetes(?:\.default(?:\.svc(?:\.cluster\.local)?)?)?\.?$/i;

/** The report's hits with those of `category` (the DNS runbooks) first; null when nothing moves. */
export function lookupFirst(
  question: string,
  result: RetrievalResult,
  category: string,
  podRecordRunbook: string,
  resolverRunbook?: string,
): RetrievalResult | null {
  const failed = failedConnection(question);
  if (failed?.kind !== 'resolve' || HOST_NETWORK.test(question)) return null;
  const top = result.hits[0];
  const podRecord = isPodRecordName(failed.target);
  // The API server's Service name failing (`kubernetes.default ... nxdomain`) fails at the cluster DNS, however many
  // pod records of peers the report also names: the cluster DNS runbook leads over the headless Service's.
  const clusterName = !podRecord && resolverRunbook !== undefined && API_SERVICE_NAME.test(failed.target);
  const leads = (hit: FusedHit) =>
    podRecord
      ? hit.doc.path === podRecordRunbook
      : clusterName && top?.doc.path === podRecordRunbook
        ? hit.doc.path === resolverRunbook
        : hit.doc.category === category;
  if (!top || leads(top)) return null;
  const lookup = result.hits.filter((hit) => hit.doc.category === category);
  if (lookup.length === 0) return null;
  const first = lookup.filter(leads);
  const ordered = [...first, ...lookup.filter((hit) => !first.includes(hit))];
  const hits = [...ordered, ...result.hits.filter((hit) => hit.doc.category !== category)];
  return hits.every((hit, i) => hit === result.hits[i]) ? null : { ...result, hits };
}
