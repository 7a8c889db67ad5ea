/**
 * A report whose headline says which kind of Service address fails (a LoadBalancer or NodePort reached from outside
 * the cluster, or a ClusterIP), or whose prose has the reporter expose a Service of an external type, has stated its
 * path: a troubleshooting row of the other Service runbook that shares more of its words ("connection refused",
 * "targetPort") does not move the answer there. The ClusterIP and external-access runbooks share most of their
 * symptom words, so the row overlap alone cannot tell them apart; the stated address can (failing-destination.ts).
 * A report whose pods cannot reach the API server (api-server-named.ts) goes through the `kubernetes` Service's
 * ClusterIP: a row of a CNI's or the DNS runbook matching the components it names in passing (calico-kube-controllers'
 * log, "I suspect CoreDNS") does not move it off the ClusterIP runbooks either. Pure.
 */
import { apiServerUnreachable } from '../retrieve/api-server-named.js';
import { exposesExternalType } from '../retrieve/exposed-type.js';
import { type FailingDestination, failingDestination } from '../retrieve/failing-destination.js';
import { normalizeText } from '../retrieve/normalize.js';
import { firstSentence } from './failing-path.js';

/** The runbook category of each kind of Service address. */
const CATEGORY_OF: Record<FailingDestination, string> = {
  external: 'service_external',
  clusterip: 'service_clusterip',
};

/** The kind of Service address the report states fails, or null when it states neither or both. */
export function statedDestination(question: string): FailingDestination | null {
  const headline = failingDestination(firstSentence(question.normalize('NFKC')));
  const exposed = exposesExternalType(normalizeText(question));
  if (headline === 'clusterip') return exposed ? null : 'clusterip';
  return headline === 'external' || exposed ? 'external' : null;
}

/**
 * Whether moving the answer from a runbook of category `from` to one of category `to` leaves the Service path the
 * report states for the other Service path.
 */
export function leavesStatedDestination(question: string, from: string | null, to: string | null): boolean {
  if (from === CATEGORY_OF.clusterip && to !== from && apiServerUnreachable(question)) return true;
  const stated = statedDestination(question);
  if (stated === null) return false;
  const own = CATEGORY_OF[stated];
  const other = CATEGORY_OF[stated === 'external' ? 'clusterip' : 'external'];
  return from === own && to === other;
}
