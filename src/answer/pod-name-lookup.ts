/**
 * A report saying in words that a pod's own name does not resolve ("unable to resolve pod name", "connect to master
 * using its master's pod name and throws UnknownHostException", "points to the service POD name which is not an
 * actual host", "resolve ip of a pod by name is not possible", "通过 pod 名称无法解析"), or looking up a pod's A
 * record (`busybox-1.default.pod.cluster.local`), fails on a record that exists only through a headless Service (or
 * the pod's `hostname`/`subdomain`): the headless Service's runbook leads among the report's runbooks, as it does for
 * a pasted pod-shaped name (pod-record-lookup.ts). The pod's name and the failed lookup are read in one sentence;
 * "pod name resolution" and "DNS from the pod" speak of the pod as the client, not of its record. Pure.
 */
import type { RetrievalResult } from '../retrieve/types.js';
import { runbookFirst } from './path-main-runbook.js';
import { withinSentence } from './sentence-gap.js';

/** A pod's own name or host name, said in words (not "pod name resolution", a pod's lookups in general). */
const POD_NAME = String.raw`(?:\bpods?(?:'s)?\s+(?:own\s+)?(?:host\s?names?|names?)\b(?!\s*(?:resolution|resolver|server|service|lookups?\s+(?:of|for|to)))|\bpods?\s+by\s+(?:its\s+|their\s+)?(?:host\s?)?names?\b|pod\s*(?:的\s*)?(?:名称|名字|主机名|hostname))`;
/** A lookup failing: not resolved, an unknown host, no such name. */
const FAILS = String.raw`(?:(?:unable|fail(?:s|ed)?|cannot|can'?t|could\s?n[o']t|not\s+able)\s+(?:to\s+)?resolve|resolv\w*\s+(?:\w+\s+){0,6}?(?:is\s+)?(?:not\s+possible|fail\w*|does\s?n[o']t\s+work)|unknown\s?host|not\s+an?\s+(?:actual|real|valid)\s+host|name\s+or\s+service\s+not\s+known|nxdomain|not\s+discoverable|无法解析|解析失败|解析不到|不能解析)`;
/** "resolve (the IP of) a pod by name ... is not possible": the failure said after the pod's name. */
const NOT_DONE = String.raw`(?:not\s+possible|does\s?n[o']t\s+work|not\s+work\w*|fail\w*)`;
const POD_NAME_FAILS = new RegExp(
  `${POD_NAME}${withinSentence(120)}${FAILS}|${FAILS}${withinSentence(60)}${POD_NAME}|\\bresolv\\w*${withinSentence(30)}${POD_NAME}${withinSentence(40)}${NOT_DONE}`,
  'iu',
);

/** A pod A record's name: `<pod>.<namespace>.pod.<cluster domain>` (`busybox-1.default.pod.cluster.local`). */
const POD_RECORD = /(?<![\w.-])[a-z0-9][a-z0-9-]*\.[a-z][a-z0-9-]*\.pod\.cluster\.local\b/iu;

/** The report says a pod's own name does not resolve, or looks up a pod's A record. */
export function statesPodNameLookup(question: string): boolean {
  const text = question.normalize('NFKC');
  return POD_NAME_FAILS.test(text) || POD_RECORD.test(text);
}

/** The report's hits with `podRecordRunbook` (the headless Service's) first; null when nothing moves. */
export function podNameLookupFirst(
  question: string,
  result: RetrievalResult,
  podRecordRunbook: string,
): RetrievalResult | null {
  const top = result.hits[0];
  if (!top || top.doc.path === podRecordRunbook || !statesPodNameLookup(question)) return null;
  if (!result.hits.some((hit) => hit.doc.path === podRecordRunbook)) return null;
  return { ...result, hits: runbookFirst(result.hits, podRecordRunbook) };
}
