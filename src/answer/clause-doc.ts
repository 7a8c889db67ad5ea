/**
 * A long report that asks for a value in one clause ("... logs ... I tried restarting kube-proxy. Which port does
 * the health check use?"): the words of the logs and of what was tried pull retrieval toward runbooks about them,
 * while the asking clause alone names the runbook that states the value. When that runbook is among the message's
 * top few and states a value of the asked kind, it leads the answer (and the direct answer is taken from it). Pure:
 * the caller searches the clause.
 */
import type { DocRecord } from '../core/types.js';
import type { RetrievalResult } from '../retrieve/types.js';
import { leadWithDoc, topDocs } from './close-docs.js';
import { POD_HAS_NODE_IP, podHasNodeIp } from './direct/node-address.js';
import { directAnswer, type FactAsk, onlyOneForm } from './direct.js';
import type { Concepts } from './types.js';

/**
 * The message says this many characters more than its asking clauses: a report around a question (a version line,
 * pasted output, what was tried), not a question alone. A one- or two-sentence question is answered as it is.
 */
export const AROUND_CHARS = 60;
/** The clause's runbook leads only when the whole message ranks it among its first this many runbooks. */
export const TOP_FEW = 5;

/**
 * A clause that asks for a value by an interrogative or for a default ("which port", "what MTU", "多少", "默认是"):
 * "how to set a static IP for a pod" asks for a procedure, whose runbook the whole report says better.
 */
const ASKS_VALUE =
  /\b(?:which|what|where|how (?:big|large|many|much))\b|\bdefault\b|哪|多少|什么|什麼|是啥|几个|幾個|默认|默認/i;

/** The asking clauses to search on their own, or null when the message is little more than them. */
export function clauseToSearch(question: string, ask: FactAsk | null): string | null {
  if (!ask) return null;
  const clause = ask.focus.trim();
  // "why can't I ping the svc" among pasted ping output: only a line saying it is by design answers, and the clause
  // names the runbook that has one better than the output does.
  if (clause === '' || !(ASKS_VALUE.test(clause) || onlyOneForm(ask))) return null;
  // "安装完flannel，发现ip与node是同一个地址，如下所示：…": the CNI installed and the pasted rows name its runbook; why a
  // pod has its node's IP is the hostNetwork fact, which is searched (node-address.ts).
  if (ask.same && podHasNodeIp(clause)) return POD_HAS_NODE_IP;
  if (question.trim().length - clause.length < AROUND_CHARS) return null;
  return clause;
}

/**
 * The message's result led by the runbook the asking clause alone retrieves first, when the message ranks it among
 * its top few and it has a line stating a value of the asked kind; null otherwise (the message's own ranking
 * decides). A message under the abstention threshold is answered so only when the clause's own search is confident.
 */
export function leadWithClauseDoc(
  query: string,
  result: RetrievalResult,
  clauseResult: RetrievalResult,
  ask: FactAsk,
  concepts?: Concepts,
  ofNamedCni: (path: string) => boolean = () => false,
): RetrievalResult | null {
  // Lines of the one form a why question takes ("属正常现象") are few in the KB: the clause's runbook that has one
  // leads even when the message's pasted output ranks it low, or the few words of the clause alone find it unsure.
  const oneForm = onlyOneForm(ask);
  if (clauseResult.abstain && (result.abstain || !oneForm)) return null;
  const doc = clauseResult.hits[0]?.doc;
  const top = result.hits[0]?.doc;
  if (!doc || !top) return null;
  // A message under the threshold (its pasted output and what was tried spread its words) whose clause alone finds a
  // runbook confidently asks what that runbook answers, when it ranks that runbook among its top few: it is answered
  // from it, at its own confidence, instead of declined.
  if ((result.abstain || !oneForm) && !topDocs(result, TOP_FEW).includes(doc)) return null;
  if (!directAnswer(query, [doc], ask, concepts)) return null;
  if (result.abstain) return { ...leadWithDoc(result, doc), abstain: false };
  if (doc === top) return result;
  if (oneForm && !result.hits.some((hit) => hit.doc === doc)) return withDocFirst(result, clauseResult, doc);
  // Each runbook's line as the clause alone picks it (the rest of the message neither helps nor hurts either):
  // the clause's runbook leads unless the message's top one states the value as well.
  const own = directAnswer(ask.focus, [doc], ask, concepts);
  const topOwn = directAnswer(ask.focus, [top], ask, concepts);
  if (topOwn && (!own || topOwn.score >= own.score)) return null;
  // The runbook of the CNI the question names states it too: a generic one stating the same value answers no better.
  if (topOwn && ofNamedCni(top.path)) return null;
  return leadWithDoc(result, doc);
}

/**
 * The message's result led by a runbook only the clause retrieved: its hits first, scaled so that the first one
 * scores as the message's top hit (the answer weighs the other runbooks against it).
 */
function withDocFirst(
  result: RetrievalResult,
  clauseResult: RetrievalResult,
  doc: DocRecord,
): RetrievalResult {
  const own = clauseResult.hits.filter((hit) => hit.doc === doc);
  const scale = (result.hits[0]?.score ?? 0) / (own[0]?.score || 1);
  return { ...result, hits: [...own.map((hit) => ({ ...hit, score: hit.score * scale })), ...result.hits] };
}
