/**
 * Readiness asked as the condition: "Does the headless Service DNS return pods that are not ready?", "Is a
 * StatefulSet pod's DNS name published before the pod is Ready?", "Does the discovery Service name resolve while none
 * of its pods is ready?", "未就绪的 Pod 会出现在 DNS 里吗？". What a name returns depends on the pods' readiness: the
 * line stating the readiness rule ("只有 Ready 端点出现在 DNS 中，除非 …") answers, not the line saying what the name
 * returns in general, which shares more of the asker's words. Pure.
 */

/**
 * Pods' readiness as the case asked about: not ready, before or until ready, while none is ready, unready; 未就绪、
 * 就绪前、没有 Ready. Not readiness as a failure seen ("Readiness probe failed"): only the state a question puts.
 */
const READINESS_CASE =
  /\b(?:not|never|none\s+(?:of\s+(?:its|the|their)\s+)?(?:\w+\s+)?(?:is|are|was|were))\s+(?:yet\s+)?ready\b|\b(?:before|until|till|prior to)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:is|are|becomes?|gets?)?\s*ready\b|\bbefore\s+(?:first\s+)?readiness\b|\bunready\b|\bnon-?ready\b|未就绪|未就緒|就绪前|就緒前|就绪之前|就緒之前|(?:没有|沒有|不是|未|还没|還沒)\s*ready/i;

/** A question: a yes/no form, a why, or what something returns. */
const ASKS =
  /^\s*(?:(?:so|and|but)\s+)?(?:does|do|did|is|are|was|were|will|would|should|can|could|why|what|which|how)\b|吗|嗎|[?？]\s*$|是否|会不会|會不會|为什么|為什麼/i;

/** Whether the asking clause asks what happens to names or records while pods are not ready. */
export function asksUnderReadiness(focus: string): boolean {
  return ASKS.test(focus) && READINESS_CASE.test(focus);
}

/**
 * A line stating what readiness decides (of names, when names are asked): Ready named beside a rule word ("只有 Ready 端点出现在 DNS 中，除非 …",
 * "only ready endpoints are published", "未 Ready 的 Pod 默认不会出现在 DNS 中").
 */
const READY_WORD = /\bready\b|\breadiness\b|就绪|就緒/i;
const RULE_WORD = /只有|只在|除非|不会|不會|默认不|默認不|\bonly\b|\bunless\b|\bnot\b|\bnever\b/i;

/**
 * A question about names or records under the readiness case, however it is put: "Are pods that are not ready left
 * out of the headless Service's DNS records?", "Why does DNS resolution of our hostnames fail while the pod is not
 * ready?", "未就绪的 Pod 有 DNS 记录吗？". The readiness rule is what such a question is about, even where it asks in a
 * form the other asking rules leave (a yes/no question opening on "the", a why question naming a failure).
 */
export function asksNamesUnderReadiness(clause: string): boolean {
  return ASKS.test(clause) && READINESS_CASE.test(clause) && NAME_ASKED.test(clause);
}

/** A name or record asked about ("the discovery Service name resolve", "DNS 记录"): the rule must be about DNS too. */
const NAME_ASKED = /\bdns\b|\bnames?\b|\bresolv|\brecords?\b|\bhostnames?\b|域名|解析|记录|記錄/i;
const NAME_STATED = /\bdns\b|\brecords?\b|\bresolv|域名|解析|记录|記錄/i;

export function statesReadinessRule(quote: string, focus = ''): boolean {
  if (!READY_WORD.test(quote) || !RULE_WORD.test(quote)) return false;
  return !NAME_ASKED.test(focus) || NAME_STATED.test(quote);
}
