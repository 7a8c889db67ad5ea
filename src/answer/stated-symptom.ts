/**
 * The troubleshooting row of a runbook whose symptom the report states: the row whose symptom cell holds clearly
 * the most of the question's focus terms ("Pod unable to reach itself through a service" against "Pod 通过自己的
 * Service 访问自己超时"). When two runbooks score close, an answer keeps only a few checks, and checks that merely
 * share the report's words (of either runbook) took the place of this row's own check. Pure.
 */
import type { DocRecord, TroubleshootingRow } from '../core/types.js';
import { focusTerms, headlineTerms } from './rank-rows.js';
import { symptomOverlaps } from './symptom-doc.js';
import type { Concepts } from './types.js';

/** The row's symptom must share at least this weight with the question (a few specific words)... */
const MIN_STATED = 6;
/**
 * ...and this many times what any other row's symptom shares: a report matching two rows nearly alike states
 * neither. Measured: at 1.3 a LoadBalancer report sharing "Service", "访问" and "pod" with the hairpin row (1.35
 * times the next row) got its check in place of a hit.
 */
const STATED_LEAD = 1.5;
/**
 * A long report's headline (what fails, `headlineTerms`) must share at least this weight with that row: a row that
 * only the body's pasted output matches (`10.96.0.10` in a NodePort report's `kubectl get svc`) is not stated.
 */
const HEADLINE_STATED = 3;

export function statedSymptomRow(
  question: string,
  doc: DocRecord,
  concepts?: Concepts,
): TroubleshootingRow | undefined {
  const overlaps = symptomOverlaps(doc, focusTerms(question, concepts), concepts);
  const [best, second] = [...overlaps.keys()].sort((a, b) => (overlaps[b] ?? 0) - (overlaps[a] ?? 0));
  if (best === undefined) return undefined;
  const lead = overlaps[best] ?? 0;
  const next = second === undefined ? 0 : (overlaps[second] ?? 0);
  if (lead < MIN_STATED || lead < next * STATED_LEAD) return undefined;
  const headline = headlineTerms(question, concepts);
  if (headline && (symptomOverlaps(doc, headline, concepts)[best] ?? 0) < HEADLINE_STATED) return undefined;
  return doc.troubleshooting[best];
}
