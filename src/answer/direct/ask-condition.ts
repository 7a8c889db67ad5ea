/**
 * The condition a value is asked under: "hostNetwork: true 的 Pod 仍需要解析服务域名时，dnsPolicy 应该设置成什么？", "如果走
 * VXLAN 的话，MTU 应该是多少？", "When pods use hostNetwork, which dnsPolicy do they need?". The clause before the
 * asking one in the same sentence says which case is meant: without its words the line stating the setting for
 * another case ("`dnsPolicy: ClusterFirst` 的 Pod") shares as much of the ask. Pure.
 */

/**
 * A clause that sets a case: it opens with "if / when / in case / with" or "如果 / 当", or it ends with "时 / 的话 /
 * 情况下". Not "when" asking the time ("When does kube-proxy masquerade …"), nor a clause that asks itself.
 */
const OPENS_CASE =
  /^\s*(?:if|in case|when(?!\s+(?:do|does|did|is|are|was|were|will|would|should|can|could)\b)|whenever|with)\b|^\s*(?:如果|假如|假设|假設|要是|倘若|当|當|在)/i;
const CLOSES_CASE = /(?:时|時|时候|時候|的话|的話|情况下|情況下|之后|之後|以后|以後)\s*$/;
/** A clause that asks on its own is no condition of the next one. */
const ASKS_ITSELF =
  /[?？]|吗|嗎|\b(?:what|which|where|how|why)\b|什么|什麼|哪|多少|怎么|怎麼|如何|为什么|為什麼/i;

/** Whether the clause sets the case the clause after it (in the same sentence) asks about. */
export function setsCase(clause: string): boolean {
  if (ASKS_ITSELF.test(clause)) return false;
  return OPENS_CASE.test(clause) || CLOSES_CASE.test(clause);
}
