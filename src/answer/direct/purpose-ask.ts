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

/**
 * Why a named setting is needed asks what it is for: "为什么需要开启 bridge-nf-call-iptables?", "Why do we need to set
 * masqueradeAll?", "Why is --cluster-cidr required?", "Why did I specify clusterIP for CoreDNS?". Only with the setting
 * named as one (a flag, a camelCase key, a kernel or hyphenated key, an ENV_VAR): "why do I need to restart the pod
 * every time" names none, and asks what went wrong.
 */
const WHY_NEEDED =
  /\bwhy\s+(?:do|does|did|would|should)\s+(?:i|we|you|one|people|it|they)\s+(?:(?:need|have|want)\s+(?:to\s+(?:set|enable|use|turn on|configure|specify|load|open)\b)?|set|specify|enable|configure)|\bwhy\s+(?:is|are)\s+(?:the\s+)?\S+(?:\s+\S+){0,3}?\s+(?:needed|required|necessary)\b|\bwhy\s+(?:must|should)\s+(?:i|we|you|one)\s+(?:set|enable|use|turn on|configure|specify|load|open)\b|(?:为什么|為什麼|为啥|為啥)\s*(?:一定)?(?:要|需要|必须|必須|得)\s*(?:开启|開啟|打开|打開|启用|啟用|设置|設置|配置|加载|加載|指定|设|設|开|開|用|使用)?/i;

/**
 * A setting named as one: `--cluster-cidr`, `masqueradeAll`, `bridge-nf-call-iptables`, `net.ipv4.ip_forward`,
 * `FLANNEL_IPMASQ`.
 */
const SETTING_NAMED =
  /(?<![\w.-])(?:--)?[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+(?![\w-])|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

/** The settings a clause names as such ("为什么需要开启 bridge-nf-call-iptables" → bridge-nf-call-iptables). */
export function settingsNamed(clause: string): string[] {
  return [...new Set((clause.match(SETTING_NAMED) ?? []).map((name) => name.replace(/^--/, '')))];
}

/** What follows the ask, when it opens with the setting asked about ("… 开启 `bridge-nf-call-iptables`"). */
const SETTING_FIRST = /^\s*(?:the\s+)?[`'"]?(?:--)?[A-Za-z][\w.-]*[-_.A-Z]/;

/**
 * Whether a clause asks why a named setting is needed ("为什么需要开启 bridge-nf-call-iptables?"): the setting is what
 * the ask is about (named in it, or right after it), not a name later in the sentence ("为什么要这样配置一下，…
 * hostNetwork 的 Pod …" asks nothing of hostNetwork).
 */
export function asksWhyNeeded(clause: string): boolean {
  const match = WHY_NEEDED.exec(clause);
  if (!match) return false;
  const after = clause.slice(match.index + match[0].length);
  return settingsNamed(match[0]).length > 0 || SETTING_FIRST.test(after);
}

/** Whether a clause asks what a named thing is for or does ("What is clusterCIDR used for?", "X 是干什么用的"). */
export function asksPurpose(clause: string): boolean {
  return PURPOSE_ASKED.test(clause) || asksWhyNeeded(clause);
}

/**
 * Things a purpose ask names besides settings: an iptables chain (`KUBE-MARK-MASQ`, `KUBE-SVC-XXXX`) and an
 * interface named with its number (`ovn0`, `cni0`, `tunl0`). "What is the KUBE-MARK-MASQ chain for", "ovn0 网卡是干什么
 * 用的" ask about that thing as "What is masqueradeAll for" asks about the setting.
 */
const CHAIN_NAMED = /(?<![\w.-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![\w-])/g;
const NUMBERED_INTERFACE = /(?<![\w.-])(?!ipv[46](?![\w.-]))[a-z]{2,}[a-z-]*\d+(?![\w.-])/g;

/** The things a purpose ask is about: settings, chains and numbered interfaces it names ("What is kube-ipvs0 for"). */
export function thingsNamed(clause: string): string[] {
  const named = [...(clause.match(CHAIN_NAMED) ?? []), ...(clause.match(NUMBERED_INTERFACE) ?? [])];
  return [...new Set([...settingsNamed(clause), ...named])];
}

/** A table header with a column saying what each row's thing is for: `| 名称 | 所在位置 | 作用 |`. */
const PURPOSE_COLUMN = /\|\s*(?:作用|用途|用处|用處|功能|purpose|role|what it does|used for)\s*(?=\|)/i;

/**
 * The thing a row of a purpose table is about (its first cell: "`kube-ipvs0`", "`KUBE-MARK-MASQ` / `KUBE-POSTROUTING`"),
 * or null when the row's table has no column saying what its rows are for. Such a row states what its thing is for
 * ("| `kube-ipvs0` | IPVS 模式 | dummy 网卡，承载全部 ClusterIP |"), though it says so without "用于" or "lets".
 */
export function purposeRowThing(row: string, header: string | undefined): string | null {
  if (header === undefined || !PURPOSE_COLUMN.test(`${header}|`)) return null;
  const first = /^\|([^|]*)\|/.exec(row.trim())?.[1]?.trim();
  return first ? first : null;
}
