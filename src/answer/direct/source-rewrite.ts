/**
 * Source-address rewrite asks: "Which traffic does kube-proxy masquerade based on clusterCIDR?", "集群内 Pod 访问
 * ClusterIP 时源地址会不会被改？", "What does kube-proxy do with --cluster-cidr?". The answer is the rule saying when
 * the source is rewritten ("源不在 clusterCIDR 时 → KUBE-MARK-MASQ"), often a diagram line that holds no value: a
 * line sharing more of a report's words (a symptom row, a check command) says what to look at, not when it happens.
 * Pure.
 */

import { asksPurpose } from './purpose-ask.js';

/** A clause about rewriting the source: masquerade, SNAT, source NAT, "源地址会不会被改", "伪装". */
const REWRITE_WORDS =
  /masquerad|(?<![\w-])(?:SNAT(?:'?e?d|ing)?|NAT'?e?d)(?![\w-])|source[- ]nat|源\s*(?:地址|IP)[^，,。？?]{0,8}(?:改|变|變|换|換|保留|丢|丟)|伪装|偽裝/i;
/** Whether a clause is about rewriting the source ("which packets get SNAT", "源地址会不会被改"). */
export function aboutSourceRewrite(clause: string): boolean {
  return REWRITE_WORDS.test(clause);
}

/** Asking what a named setting does: "what does kube-proxy do with --cluster-cidr", "--cluster-cidr 有什么作用". */
const EFFECT_ASKED =
  /\bwhat (?:does|do|will|would)\b[^?？]{0,60}?\bdo with\b|\bwhat (?:does|do) (?:the )?[`'"]?-{1,2}[\w-]+[`'"]?(?: (?:flag|option|setting|parameter))? (?:do|mean)\b|(?:有什么|有什麼|起什么|起什麼)(?:作用|用)|是(?:干|做)(?:什么|什麼|啥)(?:用)?的/i;
/** A setting named in the clause: a flag (`--cluster-cidr`) or a camelCase field (`clusterCIDR`, `masqueradeAll`). */
const SETTING_NAMES = /(?<![\w-])-{1,2}([a-z][\w-]*[a-z])|(?<![\w-])([a-z]+[A-Z][A-Za-z]*)(?![\w-])/g;

/** A line saying what rewrites the source: `KUBE-MARK-MASQ`, MASQUERADE, SNAT, 伪装. */
const STATES_REWRITE = /masq|(?<![\w-])SNAT(?![\w-])|伪装|偽裝/i;
/** The condition it happens under: "源不在 clusterCIDR 时", "带标记则", "when", "if", an arrow of a rule. */
const CONDITION = /时|時|(?<!规|規|原|否|准|準)(?:则|則)|(?<![\w-])(?:when|if|unless|only)(?![\w-])/i;

/** A rule conditioned on the source ("源不在 clusterCIDR 时"): it says which traffic, not which mark or chain. */
const ON_SOURCE = /源|(?<![\w-])(?:source|src)(?![\w-])/i;

/** Whether a rewrite rule names the source it applies to. */
export function ruleOnSource(quote: string): boolean {
  return ON_SOURCE.test(quote);
}

/** A name as matched across spellings: `--cluster-cidr`, `clusterCIDR` and `cluster_cidr` are one. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a line states a rule of rewriting the source: what rewrites it, and under which condition. */
export function statesRewriteRule(quote: string): boolean {
  return STATES_REWRITE.test(quote) && CONDITION.test(quote);
}

/** Asking where it happens or where to look ("masquerade 规则在哪看", "where is the SNAT done"): a place, not a rule. */
const WHERE_ASKED = /在哪|哪里|哪裡|哪儿|哪兒|\bwhere\b/i;

/**
 * What a line must do to answer the clause as a rewrite ask, or null when the clause asks no such thing: state
 * when the source is rewritten, and name the setting the clause names if it names one. `settingAsked`: the clause
 * asks which setting ("Which IPPool field makes Calico masquerade"); the line naming the setting answers that, so
 * only a clause naming the setting it asks about ("what does kube-proxy do with --cluster-cidr") asks the rule.
 */
export function rewriteRuleAsked(focus: string, settingAsked: boolean): ((quote: string) => boolean) | null {
  const names = [...focus.matchAll(SETTING_NAMES)]
    .map((match) => folded(match[1] ?? match[2] ?? ''))
    .filter((name) => name.length >= 5);
  const asked =
    REWRITE_WORDS.test(focus) || (names.length > 0 && (EFFECT_ASKED.test(focus) || asksPurpose(focus)));
  if (!asked || WHERE_ASKED.test(focus) || (settingAsked && names.length === 0)) return null;
  return (quote) => {
    if (!statesRewriteRule(quote)) return false;
    if (names.length === 0) return true;
    const line = folded(quote);
    return names.some((name) => line.includes(name));
  };
}

/** The client's or the source address named: "the client source IP", "客户端 IP", "源地址", "real IP". */
const SOURCE_ADDRESS =
  /(?:源|客户端|客戶端|真实|真實|(?<![\w-])(?:source|client|real|original))\s*(?:ip|地址|address)(?![\w-])/i;

/**
 * Whether the clause asks about the source address ("What does externalTrafficPolicy: Local change for the client
 * source IP?", "ipipMode=Never 时源 IP 是什么"): with the case the question gives, the line saying whether the source
 * is kept or rewritten states the effect.
 */
export function asksSourceFate(focus: string): boolean {
  return SOURCE_ADDRESS.test(focus);
}

/** A line saying the source is rewritten: SNAT, masquerade, 伪装, with the source or client address it rewrites. */
const REWRITES_SOURCE =
  /(?:源|客户端|客戶端|(?<![\w-])(?:source|client|src)(?![\w-]))[^。；;]{0,60}?(?:masq|(?<![\w-])SNAT(?![\w-])|伪装|偽裝|丢失|丟失|(?<![\w-])lost(?![\w-]))|(?:masq|(?<![\w-])SNAT(?![\w-])|伪装|偽裝)[^。；;]{0,60}?(?:源|客户端|客戶端|(?<![\w-])(?:source|client|src)(?![\w-]))/i;

/** Whether a line says the source address is rewritten ("客户端 IP 都是节点 IP：这是 … 的 SNAT 行为"). */
export function rewritesSource(quote: string): boolean {
  return REWRITES_SOURCE.test(quote);
}

/** A why word anywhere in the clause ("so why is the client IP lost?", "这里为什么源 IP 变成了节点 IP"). */
const WHY_WORD = /(?<![\w-])why(?![\w-])|为什么|為什麼|为啥|為啥/i;
/** The address seen as the source: the client's or the source address named, or the node's "as its source". */
const SOURCE_SEEN =
  /(?:源|客户端|客戶端|真实|真實|(?<![\w-])(?:source|client|real|original))\s*(?:ip|地址|address)(?![\w-])|(?<![\w-])as (?:its|the) source(?![\w-])|作为源|作為源/i;
/**
 * What the asker saw of it: the node's address in its place, or that it is lost, not kept, changed. Not only the
 * address named ("why can't the pod reach the source IP"): a failure to diagnose.
 */
const SOURCE_FATE_SEEN =
  /(?:node|节点|節點|宿主机|宿主機)\s*(?:ip|地址|address)|(?<![\w-])(?:lost|not (?:preserved|kept|retained)|changed|rewritten|replaced|instead of)(?![\w-])|丢失|丟失|丢了|丟了|不是真实|不是真實|变成|變成|被改|没有保留|沒有保留|获取不到|獲取不到|拿不到/i;

/**
 * Whether a why clause asks why the source address seen is not the client's: "why do backend pods see the node IP
 * instead of the client IP", "Why is the client IP not preserved?", "Why does traffic leaving a pod carry the worker
 * node IP as its source?", "为什么后端看到的客户端 IP 都是节点 IP". The line saying the source is rewritten (SNAT,
 * masquerade) explains it, as a by-design line explains another why.
 */
export function asksWhySourceSeen(clause: string): boolean {
  return WHY_WORD.test(clause) && seesSourceRewritten(clause);
}

/**
 * Whether a clause says the source address seen is not the client's ("our nginx backend logs the node IP instead of
 * the client IP"): asked why, or whether that is expected, the line saying the source is rewritten explains it.
 */
export function seesSourceRewritten(clause: string): boolean {
  return SOURCE_SEEN.test(clause) && SOURCE_FATE_SEEN.test(clause);
}

/** A line saying the source is not rewritten ("Pod 访问节点 IP **不做 SNAT**", "no masquerade"). */
const KEEPS_SOURCE =
  /(?:不做|不会|不會|不用|无需|無需|没有|沒有|免)\s*\**\s*(?:SNAT|masq|伪装|偽裝)|(?<![\w-])(?:no|not|without)\s+(?:SNAT|masq)/i;

/** Whether a line says the source is rewritten and not that it is kept: it explains a source seen rewritten. */
export function explainsRewrittenSource(quote: string): boolean {
  return rewritesSource(quote) && !KEEPS_SOURCE.test(quote);
}
