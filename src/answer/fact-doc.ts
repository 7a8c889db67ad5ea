/**
 * A question that asks for a value is answered from the runbook that states it. When a runbook scoring close to
 * the top one (`share` of its score; `NO_VALUE_SHARE` when the top one states no such value, or not the setting
 * whose value the question asks) states the asked value better, its hits move to the front, so the answer's title,
 * commands, assumed CNI and conversation topic all follow the doc the direct answer cites. A runbook of the CNI the
 * question names that itself states a value of the asked kind stays first: a generic runbook stating the same value
 * ("Calico 下 Pod 的默认网关" in a table of every CNI) answers no better, and would take the answer off that CNI. Pure.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { closeDocs, leadWithDoc } from './close-docs.js';
import { askedSettings, directAnswer, factAsk, statesSetting } from './direct.js';
import type { Concepts } from './types.js';

/** When the top runbook states nothing of the kind asked, runbooks down to this share of its score may. */
const NO_VALUE_SHARE = 0.5;

export function leadWithFactDoc(
  question: string,
  query: string,
  result: RetrievalResult,
  share: number,
  concepts?: Concepts,
  ofNamedCni: (path: string) => boolean = () => false,
): RetrievalResult {
  const top = result.hits[0];
  const ask = top && !result.abstain ? factAsk(question) : null;
  // "10.68 网段 ping 不通正常吗", "why can't I ping the svc": only a line saying the behaviour is by design answers; it
  // adds to the runbook the report's symptom ranks first, which stays first (its commands check the rest of it).
  if (!top || !ask || ask.why) return result;
  const docs = closeDocs(result.hits, share);
  // A top runbook that states no value of the asked kind at all, or not of the setting the question names
  // ("which --hairpin-mode value"), leaves more room to the others.
  const own = directAnswer(query, [top.doc], ask, concepts);
  const named = askedSettings(ask.focus);
  const ownStates = !!own && (named.length === 0 || statesSetting(named, own.quote));
  if (ownStates && ofNamedCni(top.doc.path)) return result;
  if (!ownStates)
    for (const doc of closeDocs(result.hits, NO_VALUE_SHARE)) if (!docs.includes(doc)) docs.push(doc);
  if (docs.length < 2) return result;
  const found = directAnswer(query, docs, ask, concepts);
  const stating = found ? docs.find((doc) => doc.chunks.includes(found.chunk)) : undefined;
  if (!stating || stating === top.doc) return result;
  return leadWithDoc(result, stating);
}
