/**
 * Asking how a named thing works: "How does a short name like foo.bar get expanded into the full service name?",
 * "How does the resolver use the search domains when a name has fewer dots than ndots?", "How does kube-proxy pick
 * a backend?", "CoreDNS 是怎么选择返回哪个 Pod 的？". A runbook line saying what the thing does, or in which order,
 * answers it. Not how the asker is to do something ("How do I expose ...", "how does one fix ...", "how can we get
 * ..."), nor a vague "how does it work", nor how to get something working (a diagnosis). Pure.
 */
const HOW_DOES_EN =
  /^\s*how\s+(?:does|do|is|are)\s+(?!(?:i|we|you|u|one|it|this|that|they|he|she|my|our|your|anyone|anybody|someone|somebody)\b)(?:[\w.'’/:-]+\s+){1,6}?(?:get\s+)?(?:expand|resolve|use|pick|choose|select|balance|load[- ]balance|distribute|route|forward|handle|translate|map|rewrite|masquerade|assign|allocate|append|search|return|reach|find|discover)(?:e?s|e?d|ing)?\b/i;
const HOW_DOES_ZH =
  /(?:是)?(?:怎么|怎麼|如何)(?:来|來)?(?:解析|选择|選擇|选取|選取|分配|转发|轉發|负载均衡|負載均衡|拼接|补全|補全|展开|展開|处理|處理|映射|查找|发现|發現)(?:的)?\s*[?？]?\s*$/;
/** The asker's own doing or a failure: "how does it not work", "how is my pod ...". */
const NOT_MECHANISM =
  /\b(?:my|our|your|not|never|fail(?:s|ed|ing)?|broken|wrong)\b|不通|失败|失敗|无法|無法/i;

export function asksHowItWorks(clause: string): boolean {
  return (HOW_DOES_EN.test(clause) || HOW_DOES_ZH.test(clause)) && !NOT_MECHANISM.test(clause);
}
