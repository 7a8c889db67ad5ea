/**
 * A report saying, in one sentence, that its NetworkPolicy fails ("ipBlock.cidr does not block connection", "I set up
 * the network policy according to the docs, but it is not working", "Cilium DNS-based egress rules (toFQDN) not
 * working reliably", "networkpolicy ipblock 白名单不生效") is about the policy, however much of its set-up speaks a
 * CNI's language (`calicoctl node status` pasted, "with calico", a Cilium feature): the NetworkPolicy runbook, which
 * explains how each CNI enforces policies, leads among the report's runbooks. The policy and its failure are read in
 * the same sentence, so a report mentioning policies only in passing ("no network policy is set", "lost pod network
 * access") keeps its order. Pure.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { withinSentence } from './sentence-gap.js';

/** A NetworkPolicy, its rules and fields. */
const POLICY = String.raw`(?:(?:cilium|global)?network[\s_-]?polic(?:y|ies)|netpol(?![a-z])|ip[\s_-]?block(?![a-z])|(?:ingress|egress)\s+rules?|to-?fqdns?|网络策略|網路策略)`;
/** The policy failing to take effect: not working, not blocking or isolating, 不生效. */
const FAILS = String.raw`(?:not\s+working|(?:does|do|is|are)\s*(?:n[o']t|not)\s+(?:work|block|isolate|apply|take\s+effect|enforce)|not\s+(?:block(?:ing|ed)?|isolat(?:ed|ing)|enforced|applied|taking\s+effect)|no\s+effect|fail(?:s|ed)?|不生效|无效|無效|没有生效|沒有生效|不起作用)`;
const POLICY_FAILS = new RegExp(
  `${POLICY}${withinSentence(140)}${FAILS}|${FAILS}${withinSentence(40)}${POLICY}`,
  'iu',
);

/** The report says in one sentence that a NetworkPolicy fails to take effect. */
export function statesPolicyFailure(question: string): boolean {
  return POLICY_FAILS.test(question.normalize('NFKC'));
}

/** The report's hits with those of `category` (the NetworkPolicy runbook's) first; null when nothing moves. */
export function policyFirst(
  question: string,
  result: RetrievalResult,
  category: string,
): RetrievalResult | null {
  const top = result.hits[0];
  if (!top || top.doc.category === category || !statesPolicyFailure(question)) return null;
  const policy = result.hits.filter((hit) => hit.doc.category === category);
  if (policy.length === 0) return null;
  return { ...result, hits: [...policy, ...result.hits.filter((hit) => hit.doc.category !== category)] };
}
