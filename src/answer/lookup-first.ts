/**
 * A report pasting a resolver's error on a name (`java.net.UnknownHostException: nifinode-6cc66886c7-qmfpj`, `could
 * not translate host name "hippo-primary.postgres-operator.svc"`) fails at the lookup, before any Service or pod is
 * dialled: the DNS runbooks among its hits lead, however much of the application's own words (a Service, endpoints,
 * a host network) another runbook matches. Not a pod on the host's network: it resolves with the node's resolver
 * unless its dnsPolicy says otherwise, which the host-network runbook explains. Pure.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { failedConnection } from './failed-connection.js';

/** A pod on the host's network (`hostNetwork: true`, 主机网络). */
const HOST_NETWORK = /\bhost\s?network\b|主机网络|主機網路/i;

/** The report's hits with those of `category` (the DNS runbooks) first; null when nothing moves. */
export function lookupFirst(
  question: string,
  result: RetrievalResult,
  category: string,
): RetrievalResult | null {
  if (failedConnection(question)?.kind !== 'resolve' || HOST_NETWORK.test(question)) return null;
  const top = result.hits[0];
  if (!top || top.doc.category === category) return null;
  const lookup = result.hits.filter((hit) => hit.doc.category === category);
  if (lookup.length === 0) return null;
  return { ...result, hits: [...lookup, ...result.hits.filter((hit) => hit.doc.category !== category)] };
}
