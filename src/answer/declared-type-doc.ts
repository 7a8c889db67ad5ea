/**
 * A report that declares the type of the Service it reaches (`kubectl expose --type NodePort`, "publish a Service
 * using the NodePort type": retrieve/declared-service-type.ts) has told which path the failing request takes. When
 * retrieval put the external-access runbook first, a generic runbook whose troubleshooting row matches the symptom
 * words better ("connection refused" rows of the ClusterIP runbook) is no reason to leave it, just as a runbook of
 * the CNI a report names stays first. Pure.
 */
import { declaresExternalServiceType } from '../retrieve/declared-service-type.js';
import { normalizeText } from '../retrieve/normalize.js';
import { splitWorking } from '../retrieve/query.js';

/** The runbook category of NodePort / LoadBalancer Services (kb/taxonomy.yaml). */
export const EXTERNAL_ACCESS_CATEGORY = 'service_external';

/** True when the top runbook is the external-access one and the question's failing part declares that type. */
export function topIsDeclaredServiceType(question: string, topCategory: string | null | undefined): boolean {
  if (topCategory !== EXTERNAL_ACCESS_CATEGORY) return false;
  return declaresExternalServiceType(splitWorking(normalizeText(question)).focus);
}
