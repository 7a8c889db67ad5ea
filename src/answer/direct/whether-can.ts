/**
 * Whether something can be done, asked without naming a kind of value: "是否可以让 broker 被外部访问？", "flannel 是否
 * 支持 NetworkPolicy？", "I want to know whether a pod IP can be reached from outside". A line saying what the thing
 * does or does not do answers it. Not "是否需要放行 4789 端口" (a value named: the port), nor a question put to
 * people ("是否有人遇到过"), nor a quoted sentence (a guide's words the report pastes). Pure.
 */
const WHETHER_CAN =
  /(?:是否|是不是)\s*(?:可以|能够|能夠|能|会|會|支持)|\bwhether\b(?=[^?]*\b(?:can|could)\b)/i;

/** A clause opening a quotation: another's words the report quotes ("文档里写着 “是否可以直接连接到 Pod？” …"). */
const QUOTED = /^\s*["“「『]/u;

export function asksWhetherCan(clause: string): boolean {
  return !QUOTED.test(clause) && WHETHER_CAN.test(clause);
}

/** The clause without its whether-can words (what is asked of the thing). */
export function withoutWhetherCan(clause: string): string {
  return clause.replace(WHETHER_CAN, ' ');
}
