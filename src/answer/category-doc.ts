/**
 * Two runbooks of one category, one its main runbook (the higher front-matter `priority`: "higher wins") and one
 * about a narrower case of it (Headless Service and StatefulSet DNS under DNS): when retrieval ranks the narrower
 * one first though the question matched none of its trigger phrases, and the main one scored close to it, the main
 * one leads. A report of NXDOMAIN for a service name is CoreDNS's case unless it names a headless Service or a
 * StatefulSet. Runbooks of one CNI are left to CNI scoping. Pure.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { closeDocs, leadWithDoc } from './close-docs.js';
import { matchedTriggers } from './symptom-doc.js';

export function leadWithCategoryMain(
  result: RetrievalResult,
  share: number,
  cniOf?: (docPath: string) => string | null,
): RetrievalResult {
  const top = result.hits[0];
  if (!top || result.abstain || !top.doc.category) return result;
  if (cniOf?.(top.doc.path) || matchedTriggers(result.hits, top.doc) > 0) return result;
  const main = closeDocs(result.hits, share).find(
    (doc) =>
      doc !== top.doc &&
      doc.category === top.doc.category &&
      doc.priority > top.doc.priority &&
      !cniOf?.(doc.path),
  );
  return main ? leadWithDoc(result, main) : result;
}
