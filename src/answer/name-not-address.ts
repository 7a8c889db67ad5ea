/**
 * A report saying a Service or host answers on its address but not on its name ("using the cluster IP it is working,
 * with the cluster service name it is not responding", "The ClusterIP ... can normally connect ... If the redis
 * service name cannot connect", "用 IP 可以访问，用服务名访问不通") has ruled the Service, its endpoints and the
 * datapath out itself: what is left is the lookup of the name, so the DNS runbooks lead among the report's hits,
 * however many Service words it uses. Not when it says the name does resolve ("resolves to 10.96.0.12 but ..."):
 * then the lookup works and the address side is at fault; nor when the Service's own address fails as well ("通过
 * service 的 IP 或者名称无法访问"). Nor a pod on the host's network: its lookups go to the
 * node's resolver unless its dnsPolicy says otherwise, which the host-network runbook explains. Pure.
 */
import type { FusedHit, RetrievalResult } from '../retrieve/types.js';
import { withinSentence } from './sentence-gap.js';

/** A name a client dials: a Service's or host's name, its DNS name, FQDN, 服务名, 域名. */
const NAME = String.raw`(?:\b(?:service|svc|host|dns|domain|server)[\s-]?names?\b|\bby\s+(?:its\s+|their\s+|the\s+)?(?:dns\s+)?names?\b|\bfqdns?\b|服务名|服務名|(?:service|svc)\s*(?:名称|名字|名)|域名|主机名)`;
/** An address: a ClusterIP, a Service or pod IP, an IP address. */
const ADDRESS = String.raw`(?:\bcluster[\s-]?ips?\b|\bvips?\b|\b(?:service|svc|pod|private)\s+ips?\b|\bip\s+address(?:es)?\b|\bips?\b|ip\s*地址|\bip\b|(?<![a-z])ip(?![a-z]))`;
/** The address side works. */
const WORKS = String.raw`(?:\bworks?\b|\bworking\b|\bworked\b|\bis\s+(?:fine|ok|okay)\b|\b(?:can|could)\s+(?:\w+\s+){0,2}(?:connect|reach|access|ping|curl)\b|\bsucceed\w*|\breachable\b|可以|正常|能通|能访问|没问题)`;
/** The name side fails. */
const FAILS = String.raw`(?:\bnot\s+(?:respond\w*|work\w*|reachable|accessible|connect\w*)|\b(?:does|do|did|is|are)\s?n[o']t\s+(?:respond|work|connect|answer)\w*|\b(?:cannot|can'?t|could\s?n[o']t|unable\s+to|fails?\s+to|failed\s+to)\s+(?:\w+\s+){0,2}(?:connect|reach|access|respond|ping|curl|work)\b|\bfail(?:s|ed|ing)?\b|\btimes?\s+out\b|\btimed\s+out\b|不通|不行|无法|不能|失败|访问不了|连不上)`;

const near = (a: string, b: string, n: number) => `${a}${withinSentence(n)}${b}|${b}${withinSentence(n)}${a}`;
/** "... but not by its name": the name's failure said by leaving the verb out. */
const BUT_NOT_NAME = String.raw`\bbut\s+not\s+(?:by\s+|via\s+|with\s+|using\s+|through\s+)?(?:its\s+|the\s+|their\s+)?(?:service\s+|dns\s+|host\s?)?names?\b`;
/** The name failing, said in one sentence. */
const NAME_FAILS = new RegExp(`${near(NAME, FAILS, 80)}|${BUT_NOT_NAME}`, 'giu');
/** The address working, said in one sentence ("using the cluster IP it is working"). */
const ADDRESS_WORKS = new RegExp(near(ADDRESS, WORKS, 60), 'giu');
/** How far apart (characters) the two clauses may start. */
const CONTRAST = 300;
/** A Service's own address: its ClusterIP, service IP, "service 的 IP". */
const SERVICE_ADDRESS = String.raw`(?:\bcluster[\s-]?ips?\b|\b(?:service|svc)(?:'s)?\s+ips?\b|(?:service|svc|服务)\s*的?\s*ip|集群\s*ip)`;
/** The Service's address fails too ("cannot access Service IP or Service name"): not a lookup alone. */
const SERVICE_ADDRESS_FAILS = new RegExp(
  `${FAILS}\\s+(?:the\\s+|its\\s+)?${SERVICE_ADDRESS}|${SERVICE_ADDRESS}(?:(?!\\bbut\\b|但|可以|\\bwork)[^.。\\n]){0,30}?${FAILS}`,
  'iu',
);
/** The report says the name does resolve: its lookup works. */
const NAME_RESOLVES =
  /\bresolves?\s+(?:\w+\s+){0,3}?(?:to|into)\b|\bresolv(?:es|ed|ing)\s+(?:fine|ok|correctly|properly|successfully)|\b(?:nslookup|dig|dns\s+resolution|name\s+resolution|dns)\b(?:(?!\bnot\b|n't\b|\bnever\b|\bno\s+longer\b)[^.。\n]){0,40}?\b(?:works?|working|is\s+fine|succeeds?)\b|解析(?:正常|成功|没问题)|能解析|可以解析/iu;

/** A pod on the host's network (`hostNetwork: true`, 主机网络). */
const HOST_NETWORK = /\bhost\s?network\b|主机网络|主機網路/i;

/** The report says the name fails where the address works, and does not say the name resolves. */
export function statesNameNotAddress(question: string): boolean {
  const text = question.normalize('NFKC');
  if (NAME_RESOLVES.test(text) || HOST_NETWORK.test(text) || SERVICE_ADDRESS_FAILS.test(text)) return false;
  const fails = [...text.matchAll(NAME_FAILS)].map((m) => m.index ?? 0);
  const works = [...text.matchAll(ADDRESS_WORKS)].map((m) => m.index ?? 0);
  // The two clauses stand together: one contrast, not two remarks far apart in a long paste.
  return fails.some((at) => works.some((other) => Math.abs(at - other) <= CONTRAST));
}

/** The report's hits with those of `category` (the DNS runbooks) first; null when nothing moves. */
export function nameNotAddressFirst(
  question: string,
  result: RetrievalResult,
  category: string,
): RetrievalResult | null {
  const top = result.hits[0];
  if (!top || top.doc.category === category || !statesNameNotAddress(question)) return null;
  const lookup = result.hits.filter((hit: FusedHit) => hit.doc.category === category);
  if (lookup.length === 0) return null;
  return { ...result, hits: [...lookup, ...result.hits.filter((hit) => hit.doc.category !== category)] };
}
