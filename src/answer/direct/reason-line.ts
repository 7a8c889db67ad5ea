/**
 * Reason lines: a why question is best answered by the line that gives the reason ("Pod IP 通常只在集群内可路由……所以 Pod
 * 访问集群外地址时，必须在节点出口做一次 SNAT，把源地址改成节点 IP"), not by a troubleshooting row that only names the
 * same effect ("默认按节点 IP 伪装，pod 漂移后源 IP 变化"). A reason is said with a causal word: 所以, 因为, 因此, 由于,
 * because, therefore, since, so that. Pure.
 */

/** A causal word joining a reason to what follows from it. */
const CAUSAL =
  /所以|因为|因為|因此|由于|由於|以便|(?<![\w-])(?:because|therefore|hence|thus|so that|since)(?![\w-])|(?<![\w-])so(?=\s*,|\s+(?:the|a|an|it|its|pods?|nodes?|traffic|packets?|replies|return)\b)/i;

/** Whether a line gives a reason for what it states. */
export function givesReason(quote: string): boolean {
  return CAUSAL.test(quote);
}
