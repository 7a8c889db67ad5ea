/**
 * A headline saying that `kubectl logs` / `exec` / `attach` itself fails: "kubectl exec is not working", "kubectl exec
 * commands are all timing out", "can not execute command in a container using kubectl exec", "coredns部署后无法进入pod",
 * "kubectl logs podname 没有日志输出". These are the API server's streams to a kubelet, whatever error (or none) the
 * report pastes. A headline that runs a probe through the stream ("kubectl exec into busybox, curl the Service times
 * out", "进入 pod 后 ping 不通") reports the probe's path, not the stream. Pure.
 */

/**
 * The command itself failing, right after its name and arguments (flags, pod names such as `web-7d9f`, paths): "kubectl
 * exec -it web-7d9f -- sh fails". Prose after the command ("kubectl logs shows the app failed") is what the log says.
 */
const COMMAND_FAILS =
  /kubectl\s+(?:logs|exec|attach|cp)(?:\s+and\s+(?:logs|exec|attach))?(?:\s+(?:commands?|-{1,2}[\w-]+|[\w.]*[-/.:\d][\w./:-]*)){0,4}?\s+(?:is\s+|are\s+)?(?:all\s+)?(?:not\s+work(?:ing)?|(?:does|do)\s*n[o']?t\s+work|doesn'?t\s+work|don'?t\s+work|fail(?:s|ed|ing)?|hang(?:s|ing)?|(?:is\s+)?stuck|time[sd]?\s*out|timing\s+out)\b/i;
/** Not being able to run it: "can not execute command in a container using kubectl exec", "unable to get pod logs". */
const CANNOT_RUN =
  /(?:can\s*not|cannot|can'?t|unable\s+to|fail(?:s|ed)?\s+to)\s+(?:kubectl\s+)?(?:exec(?:ute)?\s+(?:into|commands?)|exec\b|attach\b|(?:get|view|see|retrieve)\s+(?:the\s+)?(?:pod'?s?\s+)?logs)/i;
/** In Chinese: cannot get into a pod or read its logs, the command errors, or prints nothing. */
const CANNOT_RUN_ZH =
  /(?:无法|不能|没法|無法)\s*(?:进入|進入|查看|看)\s*(?:pod|容器|日志|日誌)|进不去\s*(?:pod|容器)|(?:kubectl\s+)?(?:exec|logs)\b[^。，,！？\n]{0,24}?(?:报错|失败|失敗|卡住|没有\s*(?:日志)?\s*输出)/i;
/** A probe run through the stream: its result is the path the report is about. */
const PROBE = /\b(?:ping|curl|wget|nslookup|dig|telnet|nc|traceroute|tcpdump)\b|不通|解析/i;

/** Whether a headline says the stream itself fails, and runs no probe through it. */
export function headlineStreamFails(headline: string): boolean {
  if (PROBE.test(headline)) return false;
  return COMMAND_FAILS.test(headline) || CANNOT_RUN.test(headline) || CANNOT_RUN_ZH.test(headline);
}
