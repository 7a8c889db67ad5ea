/**
 * A report saying the kube-proxy mode it set does not take effect ("I write proxy-mode: ipvs in the args, it doesn't
 * work", "改成 ipvs 模式后不生效"). The mode it names is what it configured, not what kube-proxy runs: the check asking
 * kube-proxy which mode it runs (`/proxyMode`) is the report's own question. Pure.
 */

// Setting or switching the mode (in its config, a flag, the args): what the reporter did, in English or Chinese.
const SETS_MODE =
  /(?<![a-z])(?:activat|enabl|switch|chang|turn(?:ed|ing)?\s+on|config|flag|arg)|开启|启用|切换|改成|改为|配置|参数/iu;
// The setting not taking effect: "it doesn't work" (the setting, not the Service), "does not take effect", "still
// uses iptables", 不生效. A Service "not working" in a mode the report enabled is a failure in that mode, not this.
const NOT_TAKING =
  /(?<![a-z])(?:it|this|that)\s+(?:does(?:n't| not)|did(?:n't| not))\s+work|(?:does(?:n't| not)|did(?:n't| not)|not)\s+(?:take|taking|took)\s+effect|(?:does(?:n't| not)|did(?:n't| not))\s+apply|not\s+(?:applied|effective)|no\s+effect|still\s+(?:uses?|using|runs?|running|shows?|in)\s+(?:iptables|ipvs|nftables)|不生效|没生效|没有生效|未生效|不起作用|没起作用|(?:仍然|还是|依然)\s*(?:是|用|使用)?\s*(?:iptables|ipvs|nftables)/iu;

/** True when the report says it set the proxy mode and the setting does not take effect. */
export function proxyModeNotTaking(question: string): boolean {
  const text = question.normalize('NFKC');
  return SETS_MODE.test(text) && NOT_TAKING.test(text);
}
