/**
 * A report that says what a capture or trace it already ran showed ("tcpdump抓包可见 ICMP 请求能到达源 Pod 的 veth",
 * "do tcpdump on the pod I see two pairs of ARP request & reply", "客户端抓包分析了 已经握手了") has used the tool:
 * what it saw is evidence about the failing path, so that tool's how-to is not the answer, whether or not the
 * report's wording reads as a broken path. A question about the tool itself ("在哪里抓包", "how do I capture on
 * the tunnel?", "can I use tcpdump?") states no result and is left alone. Pure; the text is normalized (lower
 * case, no spaces next to Chinese characters).
 */

/** The capture and trace tools as a report names them. */
const TOOL = String.raw`(?:tcpdump|wireshark|tshark|抓包|(?<![a-z])(?:packet\s+)?captur(?:e|ed|ing)(?![a-z]))`;

/** What the run showed, said after the tool in the same sentence. */
const SHOWED = String.raw`(?:可见|可以看到|能看到|看到|看见|发现|發現|显示|顯示|分析了|结果|結果|只有|只看到|观察到|(?<![a-z])(?:i|we)\s+(?:can\s+)?(?:see|saw|found|noticed|observed|get|got)(?![a-z])|(?<![a-z])(?:shows?|showed|shown|reveal(?:s|ed)?|indicates?|indicated)(?![a-z]))`;

/** Neither a sentence break nor another clause's question mark between the tool and its result. */
const GAP = String.raw`[^.。!?！？\n]{0,60}?`;

const RESULT = new RegExp(`${TOOL}${GAP}${SHOWED}`, 'u');

/** Asking how to use the tool, or where: a question about it, not a result of it. */
const ASKS_ABOUT_TOOL =
  /(?<![a-z])(?:how (?:do|to|can|could|should)|where (?:do|to|can|should))(?![a-z])|怎么|怎麼|如何|在哪|哪里|哪裡/u;

const NAMES_TOOL = new RegExp(TOOL, 'u');

/** Whether a phrase (a runbook trigger) names a capture tool. */
export function namesCaptureTool(phrase: string): boolean {
  return NAMES_TOOL.test(phrase);
}

/** Whether the (normalized) report says what a capture it ran showed. */
export function statesToolResult(text: string): boolean {
  if (ASKS_ABOUT_TOOL.test(text)) return false;
  return RESULT.test(text);
}
