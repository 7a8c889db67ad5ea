/**
 * A clause that asks rather than states: "这个 calico reachable ip address 是啥", "pod 能访问 service 吗",
 * "what is the reachable address for". A question about a setting or a path does not say that it works, even when
 * its words do ("reachable", "能访问"): read as a working clause, its subject would count less than the question's
 * small talk. Pure, normalized text in (lower case, one clause without its `?`).
 */
const ASKS =
  /(?:是啥|是什么|是什麼|是多少|是哪|是不是|能不能|可不可以|有没有|有沒有)|(?:吗|嗎)\s*$|^(?:what|which|is it|are they|does it|do they|can i|can we|could i|should i|should we)(?![a-z])|(?<![a-z])(?:what(?:'s| is| are| does| do)|which (?:one|address|ip|port|interface))(?![a-z])/u;

/** The clause asks a question instead of stating a fact. */
export function asksInClause(clause: string): boolean {
  return ASKS.test(clause.trim());
}
