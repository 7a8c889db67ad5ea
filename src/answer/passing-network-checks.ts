/**
 * A report whose own network checks pass from the failing client: "DNS / curl inside the promtail container works
 * fine", "10.244.5.52 可以在portal容器中ping通", or another client connecting "通过一样的ip和端口" (through the same IP
 * and port). The path from that container to that address carries the traffic, so what still fails is the
 * application's own client, protocol or configuration, which no runbook explains. Not when the report names a name
 * that does not resolve: an application's resolver (search domains, ndots) differing from the shell's is the
 * cluster DNS runbook's. Only a container counts as the place of the check, not a pod or a node: "curl from node
 * works but not from the pod" contrasts two paths, which is what the runbooks follow. Pure.
 */

/** A network check: a lookup, an HTTP client, ping, a TCP probe. */
const CHECK = '(?:dns|nslookup|dig|curl|wget|ping|telnet|nc)';

/** The check run inside a container and passing: "DNS / curl inside the promtail container works fine". */
const CHECK_PASSES_IN_CONTAINER = new RegExp(
  String.raw`\b${CHECK}\b[^.。\n\`]{0,40}?\b(?:inside|within|in|from)\s+(?:the\s+|its\s+|my\s+|our\s+)?(?:own\s+)?[\w-]*\s*containers?\b[^.。\n\`,]{0,10}?\b(?:works?|worked|working|succeeds?|succeeded|is\s+fine|are\s+fine)\b`,
  'i',
);

/** The same in Chinese: "可以在portal容器中ping通", "容器内 curl 正常". */
const CHECK_PASSES_IN_CONTAINER_ZH = new RegExp(
  String.raw`容器\s*(?:中|内|里|內|裡)\s*(?:执行|執行|用|使用)?\s*${CHECK}\s*\S{0,20}?(?:通|成功|正常|没问题|沒問題)`,
  'i',
);

/** Another client connecting to the same address and port: "通过一样的ip和端口", "with the same IP and port". */
const SAME_ADDRESS_AND_PORT =
  /(?:一样|一樣|相同|同样|同樣)的?\s*(?:ip|地址)\s*(?:和|与|與|及)\s*端口|\bsame\s+(?:ip|address)(?:\s+address)?\s+(?:and|&)\s+port\b/i;

/** A name that does not resolve: the cluster DNS runbook's, even when the shell's lookup works. */
const NAME_NOT_RESOLVED =
  /\bdns\s+(?:failure|error|fail(?:s|ed)?)\b|could\s*n[o']?t\s+(?:be\s+)?resolved?|\bcannot\s+resolve\b|\bunable\s+to\s+resolve\b|\bnxdomain\b|\bno\s+such\s+host\b|\bunknown\s*host|name\s+(?:or\s+service\s+)?not\s+known|name\s+resolution|解析失败|解析失敗|无法解析|無法解析|解析不了/i;

/** A check that fails after all: "curl inside the container does not work", "容器内 ping 不通". */
const NEGATED = /\b(?:not?|never|fail\w*)\b|n't\b|不|没|沒|无|無|失败|失敗/i;

/** A passing check's own words, or false when none or the words negate it. */
function checkPasses(text: string, pattern: RegExp): boolean {
  const found = pattern.exec(text);
  return found !== null && !NEGATED.test(found[0]);
}

/** The subject declined, or null. */
export function uncoveredPassingChecks(question: string): string | null {
  const text = question.normalize('NFKC');
  const passes =
    checkPasses(text, CHECK_PASSES_IN_CONTAINER) ||
    checkPasses(text, CHECK_PASSES_IN_CONTAINER_ZH) ||
    SAME_ADDRESS_AND_PORT.test(text);
  if (!passes || NAME_NOT_RESOLVED.test(text)) return null;
  return "an application's own client, protocol or settings, when the report's network checks reach the address";
}
