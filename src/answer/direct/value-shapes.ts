/**
 * Value shapes: the kinds of value a question asks for (port, MTU, CIDR, interface, ...), the words that name each
 * kind, and what a value of each kind looks like in a runbook line. Pure.
 */

export type ValueKind =
  | 'port'
  | 'mtu'
  | 'overhead'
  | 'cidr'
  | 'ip'
  | 'addr'
  | 'iface'
  | 'path'
  | 'setting'
  | 'count'
  | 'namespace'
  | 'duration'
  | 'default'
  /** A yes/no question about what something does ("Can a pod be selected before its readiness check passes?"). */
  | 'behaviour'
  /** What a setting costs ("what would be a reason not to set that?", "有什么缺点"): the line stating its price. */
  | 'drawback'
  /**
   * A name's form ("what is the full DNS name of a pod behind a headless Service?", "完整域名应该是什么形式"): the line
   * giving a cluster DNS name (`web-0.nginx.default.svc.cluster.local`, `<service>.<namespace>.svc`).
   */
  | 'name';

export const KIND_WORDS: Array<[ValueKind, RegExp]> = [
  // "what do I need to open between the nodes" asks for ports too.
  [
    'port',
    /端口|埠|\bports?\b|\bprotocols?\b|协议|協議|\b(?:open|allow|whitelist|unblock)\b(?=[^.?!]*\b(?:between (?:the )?(?:nodes|hosts)|firewall|security group)\b)|放行|开放|開放|放通/i,
  ],
  ['mtu', /\bmtu\b/i],
  // "how many conntrack entries per core": a number (a byte count is an overhead, below).
  // A limit or an identifier asked for is a number too: "the conntrack max per core", "the VNI".
  [
    'count',
    /\bhow many\b(?!\s+bytes)|多少个|多少個|多少条|多少條|几个|幾個|几条|幾條|\b(?:max(?:imum)?|min(?:imum)?|limit)\b|上限|下限|\bvni\b|\bvlan id\b|\bvxlan id\b/i,
  ],
  [
    'overhead',
    /how many bytes|\boverhead\b|\bmss\b|\bsubtract|\bheader (?:length|size)\b|开销|開銷|多少字节|多少位元組|减去|減去|减多少|減多少/i,
  ],
  // "subnet.env" is a file, not a subnet.
  // "子网掩码是多少", "what prefix length": the prefix of a CIDR (`/24`).
  [
    'cidr',
    /cidr|网段|網段|子网|子網|subnet\b(?!\.)|地址段|\brange\b|范围|範圍|\bpool\b|\bblock\b|掩码|掩碼|\bnet ?mask\b|\bprefix(?:[- ]length)?\b/i,
  ],
  ['ip', /下一跳|next\s*hop|网关|網關|gateway|\bvip\b/i],
  // A name server is named by its address or by the resolv.conf that lists it.
  [
    'addr',
    /\bip\b(?!\s*(?:range|pool|block|-in-ip))|\baddress\b|地址(?!段|池)|\bname ?servers?\b|\bupstream\b|上游/i,
  ],
  // "where does it apply the tag": a place on the path (a port, bridge or device), unless a file is named.
  [
    'iface',
    /网卡|網卡|接口|\binterface\b|\bdevice\b|\bnic\b|设备|設備|\bbridges?\b|网桥|網橋|(?:到|去|往|向)(?:哪里|哪裡|哪儿|哪兒)|\bwhere\b(?![^.?!]*\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b)/i,
  ],
  // "which resolv.conf should the kubelet use": a file asked for by its kind of name.
  // "which resolv.conf option" asks for an option of the file, not for the file.
  [
    'path',
    /\bwhere\b|(?:到|去|往|向)(?:哪里|哪裡|哪儿|哪兒)|\bname ?servers?\b|\bupstream\b|上游|\bwhich (?:file|path|directory|dir)\b|\b(?:which|what)\s+(?:[\w-]+\s+)?[\w.-]+\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b(?!\s+(?:options?|settings?|fields?|keys?|parameters?|params?|flags?|directives?|entry|entries)\b)|(?:哪个|哪個)\s*[\w.-]+\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b(?!\s*(?:的)?\s*(?:选项|選項|参数|參數|字段|配置项|配置項))|文件|目录|目錄|在哪/i,
  ],
  // The namespace asked about ("which namespace is calico-node in"), not one named ("the default namespace").
  [
    'namespace',
    /\b(?:which|what)\s+(?:[\w-]+\s+)?namespaces?\b|\bin which namespace\b|(?:哪个|哪個|什么|什麼)\s*(?:命名空间|命名空間)|(?:命名空间|命名空間)\s*(?:是|在)?\s*(?:哪|什么|什麼)/i,
  ],
  // "the UDP conntrack timeout", "the sync period": a time.
  [
    'duration',
    /\btimeouts?\b|\binterval\b|\bperiod\b|\bhow long\b|超时|超時|间隔|間隔|周期|週期|多久|多长时间|多長時間/i,
  ],
  // "which kube-proxy setting / flannel option / dnsPolicy", "哪个参数": the setting is the value asked for.
  // "Which sysctl has to be set", "which kernel parameter": a kernel setting (`net.bridge.bridge-nf-call-iptables`).
  // "用哪个外部流量策略才能保留客户端 IP", "which traffic policy": a policy is a setting's value (`Local`), whatever
  // else the clause names (the client IP it keeps).
  // "Which label must the CoreDNS pods carry", "哪个标签": a label is a key with its value (`k8s-app=kube-dns`).
  [
    'setting',
    /\b(?:settings?|options?|parameters?|params?|flags?|fields?|config(?:uration)? keys?|modes?|methods?|polic(?:y|ies)|(?:environment|env) var(?:iable)?s?|sysctls?|labels?)\b|参数|參數|选项|選項|配置项|配置項|字段|开关|開關|模式|方式|策略|环境变量|環境變數|标签|標籤/,
  ],
  // "What would be a reason not to set that?", "Any drawbacks of externalTrafficPolicy: Local?", "设成 Local 有什么
  // 缺点/坏处？": what a setting costs. Not "the reason" alone ("what is the reason for the timeout": a diagnosis).
  [
    'drawback',
    /\breasons? (?:not to|against)\b|\bdrawbacks?\b|\bdownsides?\b|\bdisadvantages?\b|\btrade-?offs?\b|\bside[- ]effects?\b|\bcaveats?\b|\bpros and cons\b|缺点|缺點|坏处|壞處|弊端|代价|代價|副作用/i,
  ],
  // A name's form asked: "the full DNS name", "FQDN", "完整域名是什么形式", "which hostname does the pod get". Not a
  // name that fails ("DNS name resolution", "hostnames do not resolve"): only the name asked for, by its form or by
  // an interrogative.
  // A stable name or address asked for ("What stable address should replica set members use instead of pod IPs?",
  // "集群成员应该用什么稳定地址？"): a pod's IP changes, only its DNS name stays; the line giving that name answers.
  [
    'name',
    /\bstable\s+(?:(?:dns|network|host)\s+)?(?:names?|address(?:es)?|host ?names?|identit(?:y|ies)|identifiers?)\b|稳定(?:的)?\s*(?:地址|域名|名字|名称|名稱|主机名|主機名|网络标识|網絡標識|标识|標識)|完整(?:的)?域名|全限定域名|\bfqdns?\b|\bfully[- ]qualified\b|\b(?:full|complete)\s+(?:dns\s+|domain\s+|host\s?)?names?\b|\b(?:dns|domain)\s+names?\s+(?:of|for)\b|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:host ?names?|subdomains?|(?:dns|domain)\s+names?)\b|域名(?:应该|應該)?(?:是|为|為)?(?:什么|什麼|啥)?(?:形式|格式|样子|樣子)|\b(?:which|what)\s+names?\s+(?:should|must|shall|do|does|can|could|would|will|to)\b|(?:什么|什麼|哪个|哪個)\s*(?:域名|主机名|主機名|名字|名称|名稱|hostname|subdomain)|(?:域名|主机名|主機名)\s*(?:是|为|為)\s*(?:什么|什麼|啥|多少)/i,
  ],
];

const IPV4 = String.raw`(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}`;
/** The word default, but not in a name that has it (`default-deny`, `$ovn.default.node1`, `default-ipv4-ippool`). */
const DEFAULT_WORD = String.raw`默认|默認|(?<![\w.$-])default(?![\w-]|\.\w)`;

export const VALUE_PATTERNS: Record<ValueKind, RegExp> = {
  // "UDP 8472", "53/UDP", "30000-32767", ":8080/health" or "127.0.0.1:10249" (a listen address), "IP 协议 4".
  port: /(?:udp|tcp|sctp|port|dstport|端口|埠)\s*[:=]?\s*\*{0,2}\d{2,5}(?!\d)|(?<![\d.])\d{2,5}\*{0,2}\s*(?:\/(?:udp|tcp)|端口|埠)|(?<![\d.])\d{4,5}\s*-\s*\d{4,5}(?!\d)|(?:(?<![\w.:])|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}):\d{2,5}(?![\d:])|(?:协议|協議|protocol|proto)\s*\d{1,3}(?!\d)/i,
  mtu: /(?<![\d.])(?:1[0-9]{3}|9000|8950)(?![\d.])/,
  // The bytes an encapsulation takes: "MTU - 100", "减 100", "58 字节".
  overhead:
    /mtu\s*[-−]\s*\d{2,3}(?!\d)|(?:减|減|预留|預留)\s*\d{2,3}(?!\d)|(?<![\d.])\d{2,3}\s*(?:字节|位元組|bytes?\b)/i,
  // A prefix length alone, code-formatted or as a mask (`/24`, "掩码 /26"), is a CIDR's size.
  cidr: /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?!\d)|(?<![\d.])\d{4,5}\s*-\s*\d{4,5}(?!\d)|blockSize:\s*\d+|`\/(?:[1-2]?\d|3[0-2])`/i,
  // An address in the role asked about: after an arrow, `via`, 下一跳, gateway.
  ip: /(?:→|->|\bvia\b|下一跳|next\s*hop|nexthop|gateway|\bgw\b|网关|網關|路由器端口|router port)\s*[:：=]?\s*`?(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d./])/i,
  // Any single address (not a CIDR): "what is the DNS IP".
  addr: new RegExp(`${IPV4}(?![\\d/]|\\.\\d)`),
  iface:
    /`[a-z][a-z0-9_.-]*[0-9a-z]`|\b(?:eth|ens|enp|bond|br-|ovn0|tunl0|flannel\.1|cni0|vxlan\.calico|genev_sys_|cilium_)[a-z0-9_.-]*/i,
  // A file or directory path.
  path: /(?:^|[\s`(（"'])\/(?:[\w.-]+\/)+[\w.-]+/,
  // A named setting: a code-formatted key, an ENV_VAR, a --flag, a camelCase field.
  setting:
    /`[^`\s]*[A-Za-z][^`]*`|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|(?<![\w-])--[a-z][a-z0-9-]+|\b[a-z]+[A-Z][A-Za-z]+\b/,
  // A number, or an identifier's number ("VNI 1", "VLAN ID 100").
  // A setting with its number ("ndots:5", "ttl=64") counts too.
  count: /(?<![\w.])\d{2,}(?![\d.])|\b(?:vni|vlan id|vxlan id|id)\s*[:=为]?\s*\d+|\b[a-z][\w-]*[:=]\d+\b/i,
  // A namespace named as one ("`kube-flannel` 命名空间", "namespace kube-system", "-n calico-system") or a
  // system namespace ("kube-system", "calico-system").
  namespace:
    /(?:命名空间|命名空間|\bnamespace|(?<![\w-])-n)\s*[:=]?\s*`?[a-z0-9]+(?:-[a-z0-9]+)+`?|`[a-z0-9]+(?:-[a-z0-9]+)*`\s*(?:命名空间|命名空間|namespace)|\b(?:kube-system|kube-public|[a-z0-9]+-system)\b/i,
  // "30 秒", "24h", "5s", "1m0s", "300 seconds".
  duration:
    /(?<![\w.])\d+(?:\.\d+)?\s*(?:秒|分钟|分鐘|小时|小時|毫秒|ms|s|sec|seconds?|m|min|minutes?|h|hours?)(?![a-z\d])/i,
  default: new RegExp(DEFAULT_WORD, 'i'),
  // A line that says what something does or does not do, or under which condition: "ClusterIP 是虚拟地址，只处理
  // Service 端口", "只有 Ready 端点出现在 DNS 中，除非 ...", "does not answer ping"; what something returns ("作为多条
  // A/AAAA 记录返回", "returns one A record per pod"). A component that does not enforce something ("Flannel（单独）|
  // **不执行**", "CNI 不执行 NetworkPolicy") answers "Does flannel enforce NetworkPolicy?"; a value said to be tunable
  // ("`ndots` 可以按工作负载调小", "can be lowered") answers "Can ndots be lowered?", as "不能" answers "can't it?".
  // "不受": "hostNetwork Pod 一般不受策略约束" says what a policy does not apply to, as "不执行" does.
  // "不创建": what a thing does not get ("hostNetwork 的 Pod 不创建独立的 network namespace ... Pod IP 等于节点 IP") answers
  // "是通过 hostNetwork 来固定 pod 的 IP 吗". "连 DNS 都会被拦" says what else a setting catches: it answers "Does a
  // default deny-all egress policy also block DNS?".
  // "不对 hostNetwork Pod 本身施加 NetworkPolicy": what a policy is not applied to, as "不受" says. Not "不对" alone
  // ("解析结果不对"): that says something is wrong.
  // Not "不生效": it names a symptom a report sees ("策略路由对 Pod 出网不生效"), not what the component does.
  // In which order something happens ("名字中点数少于 5 时先依次拼接 search 域……最后才查原始名字", "first tries …, then
  // …"): how the thing works, which "How does the resolver use the search domains?" asks.
  behaviour:
    /依次|最后才|最後才|先[^，。；|]{1,16}?(?:再|然后|然後)|\bfirst\b[^.;|]{1,60}?\bthen\b|不会|不能|无法|無法|不受|不创建|不創建|不(?:对|對)[^，。；|]{1,30}?(?:施加|生效|起作用|执行|執行)|(?:连|連)(?![上接通到续續])[^，。；|]{1,24}?(?:都|也)(?:会|會)|不响应|不響應|不执行|不執行|(?:可以|可)[^，。；|]{0,8}?(?:调小|調小|调大|調大|调低|調低|调高|調高|改小|改大)|\bcan be (?:lowered|raised|reduced|increased|decreased)\b|只有|只在|只处理|只處理|仅|僅|除非|才会|才會|才用|才能|属正常|屬正常|\b(?:not|only|unless|cannot|never)\b|n't\b|(?:记录|記錄|地址|IP)\s*返回|\breturns?\s+(?:the|an?|one|multiple|all|each)\b/i,
  // What something costs whenever it is set: uneven load ("Pod 分布不均时不均衡"), nodes no longer forwarding ("没有后端
  // 的节点将不再转发"), the client address lost ("客户端 IP 丢失"), a named drawback. Not traffic dropped alone
  // ("流量直接被丢弃"): a failure one cluster sees, which the troubleshooting rows name as a symptom.
  drawback:
    /不均衡|不均匀|不均勻|不再转发|不再轉發|(?:客户端|客戶端|源)\s*IP\s*丢失|缺点|缺點|代价|代價|\b(?:imbalanced?|unbalanced|uneven(?:ly)?|drawbacks?|downsides?|no longer forward(?:s|ed)?)\b|\b(?:client|source) IPs? (?:is |are )?lost\b/i,
  // A cluster DNS name: a Service's name and namespace (and a pod's) before `.svc` (`web-0.nginx.default.svc.cluster.local`,
  // `<service>.<namespace>.svc`), not a search domain (`default.svc.cluster.local`, `*.svc.cluster.local`).
  name: /(?<![\w.*<>$()-])(?:[a-z0-9][\w-]*|<[\w-]+>|\$\([\w-]+\))(?:\.(?:[a-z0-9][\w-]*|<[\w-]+>|\$\([\w-]+\))){1,}\.svc(?:\.cluster\.local)?(?![\w-])/i,
};

/**
 * A path or name inside a command (`cat /sys/...`, `nslookup web.default.svc`) is not the one a line states: commands
 * are dropped for paths and names. A setting with its value (`resolvConf: /run/systemd/resolve/resolv.conf`) is no
 * command: it states the path.
 */
export function valueText(kind: ValueKind, quote: string): string {
  return kind === 'path' || kind === 'name' ? quote.replace(SHELL_SPAN, ' ') : quote;
}

/**
 * A Service's port field (`healthCheckNodePort`, `targetPort`, `nodePort`): the port a line is about, named by its
 * field ("kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`"). Case matters: "support", "export" are no fields.
 */
const PORT_FIELD = /(?<![\w-])[a-z]+(?:[A-Z][a-z]+)*Port(?![\w-])/;

export function namesPortField(quote: string): boolean {
  return PORT_FIELD.test(quote);
}

/** An interface's name: code-formatted, or of a known kind (`eth0`, `cni0`, `flannel.1`, `br-int`). */
const IFACE_NAME =
  '(?:`[a-z][\\w.-]*`|\\b(?:eth|ens|enp|bond|br-|cni|ovn|tunl|flannel|vxlan|genev|cilium)[\\w.-]*)';
/**
 * A line naming an interface by its kind: "挂在 Linux 网桥 `cni0`", "the `flannel.1` device", "网卡 eth0". It
 * states which interface that is; a line only holding a code-formatted word (`bridge` 插件) does not.
 */
const IFACE_NAMED = new RegExp(
  String.raw`(?:网桥|網橋|网卡|網卡|接口|设备|設備|\bbridge|\binterface|\bdevice|\bnic)\s*[:：]?\s*${IFACE_NAME}|` +
    String.raw`${IFACE_NAME}\s*(?:网桥|網橋|网卡|網卡|接口|设备|設備|bridge\b|interface\b|device\b|nic\b)`,
  'i',
);

export function namesInterface(quote: string): boolean {
  return IFACE_NAMED.test(quote);
}

/** A shell command quoted in a line (`cat /sys/...`), not a setting with its value (`forward . /etc/resolv.conf`). */
export const SHELL_SPAN =
  /`(?:sudo\s+)?(?:cat|ls|cd|grep|egrep|ip|ss|netstat|kubectl|crictl|docker|curl|wget|tcpdump|ovs-vsctl|ovs-ofctl|ovs-appctl|ovn-nbctl|ovn-sbctl|systemctl|journalctl|iptables|iptables-save|ip6tables|nft|ipvsadm|conntrack|sysctl|echo|vi|vim|nano|less|more|tail|head|find|stat|mount|ping|nslookup|dig|calicoctl|cilium|cilium-dbg|ethtool|modprobe|lsmod|awk|sed|jq|tee|chmod|rm|mv|cp)\b[^`]*`/g;

/** A line that states a default: the word, or a default route. */
export const DEFAULT_WORDS = new RegExp(String.raw`${DEFAULT_WORD}|兜底|0\.0\.0\.0/0`, 'i');

/** Whether a line states one of the settings with a value (`--hairpin-mode=hairpin-veth`, `natOutgoing: true`). */
export function statesSetting(settings: readonly string[], quote: string): boolean {
  const lower = quote.toLowerCase();
  return settings.some((setting) => {
    const name = setting.toLowerCase();
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      const before = lower[at - 1] ?? ' ';
      if (/[\w-]/.test(before)) continue;
      if (/^["'`]?\s*[=:：]\s*["'`]?[\w./-]/.test(lower.slice(at + name.length))) return true;
    }
    return false;
  });
}

/** One bit per value kind (KIND_BIT), for the per-line and per-term tests below. */
export const KINDS: readonly ValueKind[] = Object.keys(VALUE_PATTERNS) as ValueKind[];
export const KIND_BIT = Object.fromEntries(KINDS.map((kind, i) => [kind, 1 << i])) as Record<
  ValueKind,
  number
>;

export function kindMask(kinds: readonly ValueKind[]): number {
  let mask = 0;
  for (const [kind] of KIND_WORDS) if (kinds.includes(kind)) mask |= KIND_BIT[kind];
  return mask;
}

/** Which kinds' words (KIND_WORDS) a text has, as KIND_BIT bits. */
export function kindWordsOf(text: string): number {
  let mask = 0;
  for (const [kind, pattern] of KIND_WORDS) if (pattern.test(text)) mask |= KIND_BIT[kind];
  return mask;
}

/**
 * Whether a question term has a word of one of the kinds in `kinds` (KIND_BIT bits): `kindWordsOf(term) & kinds`,
 * testing only the patterns of those kinds (one or two asked, of a dozen). A long question has a thousand terms,
 * most of them new: per term, the bits tested so far and those found are remembered. Bounded: cleared when full.
 */
const termKindWords = new Map<string, number>();
const TERM_KIND_WORDS_KEPT = 50_000;
/** The remembered value: tested bits above this shift (one per kind, up to 16 kinds in 32 bits), found bits below. */
const TESTED_SHIFT = KINDS.length;

export function hasKindWords(term: string, kinds: number): boolean {
  if (kinds === 0) return false;
  const known = termKindWords.get(term) ?? 0;
  let tested = known >>> TESTED_SHIFT;
  let found = known & ((1 << TESTED_SHIFT) - 1);
  if ((kinds & ~tested) !== 0) {
    for (const [kind, pattern] of KIND_WORDS) {
      const bit = KIND_BIT[kind];
      if ((kinds & bit) === 0 || (tested & bit) !== 0) continue;
      if (pattern.test(term)) found |= bit;
      tested |= bit;
    }
    if (termKindWords.size >= TERM_KIND_WORDS_KEPT) termKindWords.clear();
    termKindWords.set(term, (tested << TESTED_SHIFT) | found);
  }
  return (found & kinds) !== 0;
}
