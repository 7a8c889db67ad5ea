/**
 * A report whose failing part states the Service type its traffic goes through (NodePort, LoadBalancer, an external
 * IP) is the external-access runbook's, and retrieval puts that runbook first (retrieve/stated-service-type.ts). A
 * troubleshooting row of another runbook whose symptom shares more of the report's words ("connection refused",
 * "targetPort") does not take the lead from it: those words are the symptom of any Service, the stated type is where
 * this one fails. The failing part is the headline, or the sentence after a headline naming no end of a path
 * ("Connection refused on exposed port. I am trying to publish a Service using the NodePort type ..."); a short
 * question is its own failing part. Pure.
 */
import { namesPathEnd, sentenceAfter } from '../retrieve/stated-service-type.js';
import { firstSentence } from './failing-path.js';

const EXTERNAL_TYPE = /node-?port|load-?balancer|external-?ip|externaltrafficpolicy|负载均衡|負載均衡/i;
/** The report's failing part states an external Service type. */
export function statesExternalType(question: string): boolean {
  const text = question.normalize('NFKC');
  const headline = firstSentence(text);
  if (EXTERNAL_TYPE.test(headline)) return true;
  return headline !== text && !namesPathEnd(headline) && EXTERNAL_TYPE.test(sentenceAfter(text, headline));
}

/**
 * The external-access runbook leads (`top`), a row of the ClusterIP runbook would take the lead from it (`lead`), and
 * the report states the Service type the external-access runbook explains: it keeps the lead. Another runbook's row
 * (a hostPort's, a host network's) still takes it.
 */
export function keepsStatedTypeLead(
  question: string,
  top: string | null | undefined,
  lead: string | null | undefined,
  categories: Readonly<Record<string, readonly string[]>>,
): boolean {
  return (
    top !== lead &&
    !!top &&
    !!lead &&
    (categories.serviceExternal ?? []).includes(top) &&
    (categories.service ?? []).includes(lead) &&
    statesExternalType(question)
  );
}
