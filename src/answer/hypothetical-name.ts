/**
 * An object a text supposes, no object of the reporter's. Pure.
 *
 * Documentation explains with made-up objects: "Assume a Service named foo in the Kubernetes namespace bar", "假设有一个
 * 名为 my-svc 的服务". A report that quotes such a passage (a question about the docs, a tutorial step) names those
 * objects only as the passage's illustration; none is in the reporter's cluster, so none fills a placeholder.
 */

/** Where a sentence starts: after its mark, a line break or an opening quote. */
const SENTENCE_START = /[.;!?。；！？\n"“「]\s*/g;

/**
 * A supposing verb and an indefinite object: "Assume a Service", "suppose you have a pod", "imagine two namespaces",
 * "假设有一个", "假如有个". A definite object ("we assume the service is fine") is the reporter's own.
 */
const SUPPOSING =
  /(?<![a-z])(?:assume|assuming|suppose|supposing|imagine|let's\s+say)\s+(?:that\s+)?(?:(?:there\s+(?:is|are)|we\s+have|you\s+have|we\s+create|you\s+create)\s+)?(?:an?|one|two|some)\s|(?:假设|假設|假如|设想|設想)\s*(?:有|存在)?\s*(?:一个|一個|个|個|两个|兩個)/i;

/** Whether the sentence holding the name at `index` supposes its objects before the name. */
export function supposedName(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 200), index);
  let start = 0;
  for (const mark of before.matchAll(SENTENCE_START)) start = (mark.index ?? 0) + mark[0].length;
  return SUPPOSING.test(before.slice(start));
}
