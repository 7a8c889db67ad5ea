/**
 * A question that is only a noun phrase naming a kind of value and what it belongs to: an issue title ("Port for
 * flannel vxlan?", "MTU for calico IPIP?", "Ports used by calico?", "kube-proxy metrics port?") or a short Chinese ask
 * ("请问 flannel vxlan 的端口？", "那 calico 的端口呢？"). It asks for that value though it holds no interrogative. Pure.
 */

/** The kinds of value a title names as its head noun. */
const VALUE_NOUN = String.raw`(?:ports?|protocols?|mtu|cidrs?|subnets?|(?:ip\s+|address\s+|port\s+)?ranges?|gateway|next[- ]hop|vni|timeouts?|interval)`;
/** What ties the value to what it belongs to: "for flannel vxlan", "used by calico", "needed between nodes". */
const BELONGS = String.raw`(?:for|of|in|on|with|between|used\s+(?:by|for|in)|(?:needed|required)\s+(?:for|by|between))`;
/** The words before the head noun: qualifiers and up to two names ("Default pod", "kube-proxy metrics"). */
const QUALIFIED = String.raw`(?:(?:the|which|default|right|correct|recommended|required|needed|expected)\s+){0,2}(?:(?!(?:for|of|in|on|with|to|my|our|your|is|are|does|do)\b)[\w.-]+\s+){0,2}?`;

/** "Port for flannel vxlan", "Pod MTU with calico vxlan on top of wireguard": the head first, then whose it is. */
const HEAD_FIRST = new RegExp(`^${QUALIFIED}${VALUE_NOUN}\\s+${BELONGS}\\s+((?:[\\w./:-]+\\s*){1,8})$`, 'i');
/** "kube-proxy metrics port", "coredns 的 metrics 端口": what it belongs to first, the head last. */
const HEAD_LAST =
  /^(?!(?:my|our|your|his|her|their)\b)(?:[\w.-]+\s+){0,3}[\w.-]+\s+(?:ports?|mtu|cidr|subnet|range|timeout|interval|namespace)$|^[\w.\s-]{0,30}(?:的)?\s*[\w.-]*\s*(?:端口|网段|子网|超时时间|命名空间|MTU)$/i;
/**
 * A verb in what follows the head says the phrase is a statement or a failure ("Port for nodeport is blocked",
 * "MTU for pods does not match"), not a value asked.
 */
const VERB =
  /\b(?:is|are|was|were|be|been|does|do|did|doesn'?t|don'?t|isn'?t|aren'?t|can|cannot|can'?t|could|will|won'?t|would|should|has|have|had|gets?|got|works?|worked|fails?|failed|breaks?|broke|blocked|changed|conflicts?|overlaps?|not)\b/i;

/** Whether the question is a title naming only a kind of value and what it belongs to. */
export function namesOnlyValue(clause: string): boolean {
  const said = clause.trim();
  if (HEAD_LAST.test(said)) return true;
  const tail = HEAD_FIRST.exec(said)?.[1];
  return tail !== undefined && !VERB.test(tail);
}

/** The Chinese kinds of value a short ask ends on. */
const HAN_VALUE_NOUN = '(?:端口|端口号|协议|网段|子网|MTU|mtu|网关|下一跳|超时时间|命名空间|地址段)';
/**
 * "请问 flannel vxlan 的端口？", "问下 calico 默认的 MTU": a polite lead marks the phrase as what is asked, even after a
 * clause stating the problem in the same sentence ("跨节点不通，请问 flannel vxlan 的端口？"). "那 calico 的端口呢？":
 * 呢 asks for the value named. Up to 24 characters between.
 */
const HAN_ASK = new RegExp(
  `^(?:(?:请问|请教一下|请教|问下|问一下|想问一下|想问下)\\s*[^，,。？?；;]{1,24}?${HAN_VALUE_NOUN}(?:是)?(?:呢)?|[^，,。？?；;]{1,24}?${HAN_VALUE_NOUN}\\s*呢)\\s*$`,
);

/** Whether a Chinese clause asks for a value by a polite lead or by 呢 after the kind it names. */
export function asksValueByHanNoun(clause: string): boolean {
  return HAN_ASK.test(clause.trim());
}
