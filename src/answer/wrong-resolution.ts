/**
 * A report saying a name resolves, but to the wrong address ("the connection is incorrectly resolving to public
 * CloudFlare IP addresses instead of the internal cluster IP", "deathstar.default.svc.cluster.local wrongly resolved
 * to 127.0.0.1", "服务名被解析到了错误的 IP") has a lookup that succeeds with a wrong answer: the pod's resolver walked
 * its search domains (ndots) into a wildcard domain, or the server forwarded the cluster's name upstream. That is the
 * cluster DNS runbook's subject (resolv.conf, search, ndots, forward), not the Service's datapath nor the host
 * network's, whatever Service and connection words the report uses. The headless Service's runbook is left leading
 * (a pod's name answering with the Service's address is its subject). Pure.
 */
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';
import { foundRunbookFirst } from './path-main-runbook.js';

/**
 * An address said to be wrong: the wrong one, an unexpected one. A public or external address alone is not wrong
 * ("an external FQDN which resolves to the external MetalLB IP" is what the reporter wants); it is wrong when the
 * report sets it against the one expected ("... instead of the internal cluster IP").
 */
const WRONG_ADDRESS = String.raw`(?:(?:a|an|the|some)\s+)?(?:wrong|incorrect|unexpected)\b`;

const WRONG = new RegExp(
  [
    // "resolving to public CloudFlare IP addresses instead of the internal cluster IP"
    String.raw`\bresolv(?:e|es|ed|ing)\s+(?:\S+\s+){0,3}?(?:to|into)\s+[^。\n]{0,80}?\b(?:instead\s+of|rather\s+than)\b`,
    // "wrongly resolved", "is incorrectly resolving", "resolves incorrectly"
    String.raw`\b(?:wrongly|incorrectly|mistakenly)\s+(?:being\s+)?resolv(?:e|es|ed|ing)\b`,
    String.raw`\bresolv(?:e|es|ed|ing)\s+(?:wrongly|incorrectly)\b`,
    // "resolves to the wrong IP", "resolved to an unexpected address"
    String.raw`\bresolv(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}?(?:to|into)\s+${WRONG_ADDRESS}\s*(?:\w+\s+){0,2}?(?:ips?|ip\s+address(?:es)?|address(?:es)?|hosts?)\b`,
    // "DNS returns the wrong IP", "nslookup returned an unexpected address"
    String.raw`\b(?:dns|nslookup|dig|lookups?|resolver)\s+(?:\w+\s+){0,2}?return(?:s|ed|ing)?\s+${WRONG_ADDRESS}\s*(?:\w+\s+){0,2}?(?:ips?|address(?:es)?)\b`,
    // 解析到了错误的 IP / 解析成别的地址
    String.raw`解析\s*(?:到|成|为|為)\s*了?\s*(?:\S{0,12}?)(?:错误的?|錯誤的?|别的|其他的?|另一个)\s*(?:ip|地址)`,
    // 解析的 IP 不对 / 解析地址错误
    String.raw`解析\s*(?:出来)?\s*的?\s*(?:ip|地址)\s*(?:不对|不對|错误|錯誤|错了|不正确)`,
  ].join('|'),
  'iu',
);

/** A wrong answer said without naming the lookup ("it returns wrong result", "This returns an incorrect ip"). */
const WRONG_ANSWER =
  /\b(?:returns?|returned|returning|gets?|got|gives?|gave)\s+(?:an?\s+|the\s+)?(?:wrong|incorrect)\s+(?:results?|ips?|ip\s+address(?:es)?|address(?:es)?|answers?|records?)\b/iu;
/** The report is about a lookup: DNS, nslookup, dig, resolving, 解析. */
const LOOKUP = /\bdns\b|\bnslookup\b|\bdig\b|\bresolv|\bndots\b|解析/iu;

/** The report says a name resolves to an address it should not have. */
export function statesWrongResolution(question: string): boolean {
  const text = question.normalize('NFKC');
  return WRONG.test(text) || (WRONG_ANSWER.test(text) && LOOKUP.test(text));
}

/** How many characters either side of the statement `wrongResolutionClause` keeps. */
const CLAUSE_REACH = 160;

/**
 * The words around the statement that a name resolves to the wrong address (a search among the DNS runbooks with the
 * whole report can miss the resolver's runbook under the application's words); null when the report says no such thing.
 */
export function wrongResolutionClause(question: string): string | null {
  const text = question.normalize('NFKC');
  const match = WRONG.exec(text) ?? (LOOKUP.test(text) ? WRONG_ANSWER.exec(text) : null);
  if (!match) return null;
  const from = Math.max(0, match.index - CLAUSE_REACH);
  return text.slice(from, match.index + match[0].length + CLAUSE_REACH);
}

/**
 * The report's hits with `resolverRunbook` (the cluster DNS runbook) first, when a runbook other than the DNS
 * runbooks (`category`) leads a report saying its name resolves to the wrong address; null when nothing moves.
 * `searched` holds the hits of a search among the DNS runbooks, for a report whose own hits lack it.
 */
export function wrongResolutionFirst(
  question: string,
  result: RetrievalResult,
  resolverRunbook: string,
  category: string,
  searched: readonly FusedHit[] = [],
): RetrievalResult | null {
  const top = result.hits[0];
  if (!top || top.doc.category === category || !statesWrongResolution(question)) return null;
  return foundRunbookFirst(result, resolverRunbook, searched);
}
