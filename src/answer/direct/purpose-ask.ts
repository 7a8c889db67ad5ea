/**
 * Purpose asks: what a named thing is for or does ("What is clusterCIDR used for in kube-proxy?", "what does
 * --cluster-cidr do", "masqueradeAll 是干什么用的", "strictARP 的作用是什么", "hostNetwork 有什么用"). What it is for is
 * a behaviour a runbook line states (a rule, a by-design line, a row saying what it does), not a value of the kind
 * its name holds (clusterCIDR is no CIDR asked for), and a command that reads it says nothing of what it does. Pure.
 */

/**
 * English: "what is X (used) for", "what's X for", "what is the purpose / role / use of X", "what does X do" (X at
 * the end of the clause: "what does kube-proxy do when ..." asks a behaviour in a case, read elsewhere). Not "what
 * does X mean": a term's meaning, no behaviour. Chinese: "是干什么用的", "是做啥的", "有什么用", "(的)作用是什么",
 * "起什么作用", "用途是什么". Not "what is it used for" of the asker's own thing ("what is my pod used for"), nor
 * "what can I use for X" (asks which value to pick).
 */
const PURPOSE_ASKED =
  /\bwhat(?:\s+is|'s|\s+are)\s+(?!(?:it|this|that|my|our)\b)[^?？.,;]{1,60}?\s+(?:used\s+)?for(?:\s+(?:in|on|by|with)\s+[^?？.,;]{1,40})?\s*(?:[?？]|$)|\bwhat(?:\s+is|'s|\s+are)\s+the\s+(?:purpose|role|use|function|point)\s+of\b|\bwhat\s+(?:does|do)\s+(?!(?:it|this|that|my|our|i|we|you)\b)[^?？.,;]{1,40}?\s+do(?:\s+(?:in|on|by|with|for)\s+[^?？.,;]{1,40})?\s*(?:[?？]|$)|是(?:干|做|幹)(?:什么|什麼|啥|嘛)(?:用)?的|有(?:什么|什麼|啥)(?:用|作用|用处|用處|用途)|作用是(?:什么|什麼|啥)|起(?:什么|什麼|啥)作用|用途是(?:什么|什麼|啥)/i;

/** Whether a clause asks what a named thing is for or does ("What is clusterCIDR used for?", "X 是干什么用的"). */
export function asksPurpose(clause: string): boolean {
  return PURPOSE_ASKED.test(clause);
}
