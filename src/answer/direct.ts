/**
 * Direct answers: when the question asks for a value (which port, what CIDR or MTU, which interface, the default
 * next hop; 哪个、多少、是什么、默认), the line of the runbook that states it: a prose sentence, a table row or a
 * line of a text block, quoted exactly. Pure.
 */
import { rememberRecent } from '../core/recent.js';
import type { Chunk, DocRecord } from '../core/types.js';
import { type PerConcepts, rememberedFor, terms, termsRead, termsWithConcepts } from './rank-rows.js';
import { reweighted, sharedWeight, wantedTerms } from './shared-weight.js';
import { blocks, chunkLines } from './source-text.js';
import type { Concepts } from './types.js';

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
  | 'default';

export interface FactAsk {
  /** What kind of value the question asks for (one or more). */
  kinds: ValueKind[];
  /** The question asks for a default ("默认", "default"). */
  wantsDefault: boolean;
  /**
   * The clauses that ask for the value. A real report is long (setup, logs, what was tried) and asks in one
   * clause: its words pick the line; the rest of the question only breaks ties.
   */
  focus: string;
}

/** How a clause asks: an interrogative, or "how do I change / is there a way to change" (a setting's value). */
const ASKS =
  /哪个|哪個|哪些|哪条|哪條|哪种|哪種|多少|是什么|是什麼|是啥|什么端口|什麼埠|几个|幾個|哪里来|哪裡來|从哪|從哪|在哪|\bwhich\b|\bwhat\b|\bwhere\b|how (?:big|large|many|much)/i;
/**
 * "Default" asks only in a question ("能默认使用ipvs吗？", "Maybe the default is wrong?"): a statement that mentions
 * a default ("because the default dnsPolicy (ClusterFirst) falls back to Default") describes the setup.
 */
const DEFAULT_WORD = /默认|默認|\bdefault\b/i;
/**
 * Asking how to change a setting asks for the setting: the line that states it (and its current value) is what
 * the engineer needs first. "how could I modify the MTU", "is there a way to change the default", "怎么改 MTU".
 */
const CHANGE_ASK =
  /\b(?:how|is there (?:a|any) way|any way|way)\b[^.?!。？]{0,40}?\b(?:change|modify|set|setup|adjust|configure|increase|decrease|lower|raise|override|customi[sz]e|pick|choose|select|disable|enable|turn (?:on|off)|get rid of|switch)\b|(?:怎么|怎樣|怎样|如何|能否|可以|能不能)[^。？?]{0,12}?(?<![不没沒])(?:改|修改|调整|調整|设置|設置|设成|設成|配置|更改|指定|关闭|關閉|开启|開啟|禁用|启用|啟用)/i;
/** Asking how to read a value: "how to check the proxy mode", "如何查看当前模式". */
const CHECK_ASK =
  /\b(?:how|is there (?:a|any) way|any way)\b[^.?!。？]{0,30}?\b(?:check|see|find out|tell|verify|confirm|determine)\b|(?:怎么|怎樣|怎样|如何)[^。？?]{0,6}?(?:查看|确认|確認|看|检查|檢查)/i;
/** A clause about what was asked or stated before it: "how to configure it", "怎么改这个". */
const REFERS_BACK = /\b(?:it|this|that|them|these|those)\b|它|这个|這個|此/i;
/** Why / how-to questions ask for an explanation or a procedure, not a value. */
const NOT_A_VALUE =
  /为什么|為什麼|为啥|為啥|\bwhy\b|how (?:do|to|can|could|should)\b|怎么|怎麼|如何|difference|区别|區別/i;
/**
 * "which" and "where" in a statement relate a clause to a noun ("port 8080, which is a port that kubespray
 * uses", "the node where the pod is deployed"); they ask only in a question, or where a clause starts with them.
 */
const RELATIVE =
  /(?<![a-z])which(?=\s+(?:is|was|are|were|has|have|had|means?|makes?|causes?|can|could|will|would|should|may|might)\b)|(?<=[a-z0-9)]\s+)(?<!\b(?:know|find|see|tell|show|check|out|wonder|sure|and|so|but|or|ask|asking|understand)\s+)where(?![a-z])|^\s*where(?![a-z])(?!\s+(?:do|does|did|is|are|was|were|can|could|should|will|would)\b)/gi;
const STATED_DEFAULT =
  /\bby default\b|\bdefaults? to\b|\bdefault(?:ed|s) (?:to|is)\b|\bdefault (?:gateway|route) (?:interface|nic|device)\b/gi;
/** "What mode does it use when mode is empty", "不配置时用什么": the default is asked. */
const UNSET =
  /\b(?:when|if)\b[^.?!,]{0,30}?\b(?:is|are)\s+(?:empty|unset|blank|omitted|not set|not specified|not configured)\b|\b(?:when|if) (?:it is )?(?:unset|not set|not specified|not configured)\b|未配置|不配置|没有配置|沒有配置|没配置|沒配置/i;
/** A clause that asks at all (for the bare "default" kind, which needs more than the word). */
/** A clause that starts by asking, with or without its question mark. */
const ASKING_START =
  /^\s*(?:what|which|where(?=\s+(?:do|does|did|is|are|was|were|can|could|should|will|would)\b)|how (?:big|large|many|much))\b/i;
const QUESTIONISH = /[?？]|吗|嗎|呢|\b(?:what|which|can you|could you|tell me|is there)\b|^\s*when\b/i;
/** "the default X" asked for, not "the default namespace / route / deny" as part of a setup. */
const DEFAULT_ASKED =
  /\bdefault\b(?!\s*(?:namespace|deny|route|via|-))|默认(?!路由|网关|拒绝|命名空间)|默認(?!路由|網關|拒絕)/i;
const KIND_WORDS: Array<[ValueKind, RegExp]> = [
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
    /how many bytes|\boverhead\b|\bsubtract|\bheader (?:length|size)\b|开销|開銷|多少字节|多少位元組|减去|減去|减多少|減多少/i,
  ],
  // "subnet.env" is a file, not a subnet.
  ['cidr', /cidr|网段|網段|子网|子網|subnet\b(?!\.)|地址段|\brange\b|范围|範圍|\bpool\b|\bblock\b/i],
  ['ip', /下一跳|next\s*hop|网关|網關|gateway|\bvip\b/i],
  // A name server is named by its address or by the resolv.conf that lists it.
  [
    'addr',
    /\bip\b(?!\s*(?:range|pool|block|-in-ip))|\baddress\b|地址(?!段|池)|\bname ?servers?\b|\bupstream\b|上游/i,
  ],
  // "where does it apply the tag": a place on the path (a port, bridge or device), unless a file is named.
  [
    'iface',
    /网卡|網卡|接口|\binterface\b|\bdevice\b|\bnic\b|设备|設備|\bwhere\b(?![^.?!]*\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b)/i,
  ],
  // "which resolv.conf should the kubelet use": a file asked for by its kind of name.
  // "which resolv.conf option" asks for an option of the file, not for the file.
  [
    'path',
    /\bwhere\b|\bname ?servers?\b|\bupstream\b|上游|\bwhich (?:file|path|directory|dir)\b|\b(?:which|what)\s+(?:[\w-]+\s+)?[\w.-]+\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b(?!\s+(?:options?|settings?|fields?|keys?|parameters?|params?|flags?|directives?|entry|entries)\b)|(?:哪个|哪個)\s*[\w.-]+\.(?:conf|ya?ml|json|env|toml|cfg|ini)\b(?!\s*(?:的)?\s*(?:选项|選項|参数|參數|字段|配置项|配置項))|文件|目录|目錄|在哪/i,
  ],
  // The namespace asked about ("which namespace is calico-node in"), not one named ("the default namespace").
  [
    'namespace',
    /\b(?:which|what)\s+(?:[\w-]+\s+)?namespaces?\b|\bin which namespace\b|(?:哪个|哪個|什么|什麼)\s*(?:命名空间|命名空間)|(?:命名空间|命名空間)\s*(?:是|在)?\s*(?:哪|什么|什麼)/i,
  ],
  // "the UDP conntrack timeout", "the sync period": a time.
  ['duration', /\btimeouts?\b|\binterval\b|\bperiod\b|超时|超時|间隔|間隔|周期|週期/i],
  // "which kube-proxy setting / flannel option / dnsPolicy", "哪个参数": the setting is the value asked for.
  [
    'setting',
    /\b(?:settings?|options?|parameters?|params?|flags?|fields?|config(?:uration)? keys?|modes?|methods?|(?:environment|env) var(?:iable)?s?)\b|参数|參數|选项|選項|配置项|配置項|字段|开关|開關|模式|方式|环境变量|環境變數/,
  ],
];

/**
 * Clauses of a question: sentences, and their parts joined by commas or "and ... how/why" (a report asks "which
 * port does it use and how do I change it" in one sentence: the first part asks for a value, the second for a
 * procedure). "What VXLAN ID and port does it use" stays whole: "and" there joins two things asked.
 */
const CLAUSES =
  /[。！？；;!?\n]+|[.,、](?=\s|$)|(?:(?<=\p{Script=Han})[,、]|[,、](?=\p{Script=Han}))(?![^(（]*[)）])|\s(?:and|but)\s(?=(?:how|why|what|which|where|when|is|are|can|could|do|does|should|i|we)\b)|以及|还有|還有|并且|並且/u;

/** The clauses of a text, each with whether its sentence ends in a question mark. */
function clausesOf(text: string): Array<{ clause: string; question: boolean; sentence: string }> {
  const out: Array<{ clause: string; question: boolean; sentence: string }> = [];
  for (const marked of text.match(/[^。！？；;!?\n]+[。！？；;!?]*/gu) ?? []) {
    // "I haven't changed the default Corefile. ... What could cause this?": only the last of the sentences a
    // question mark ends is the question.
    const parts = marked.split(/(?<=[\w)\]"'`]\.)\s+/);
    for (const [i, sentence] of parts.entries()) {
      const question = i === parts.length - 1 && /[?？]\s*$/u.test(sentence);
      for (const clause of sentence.split(CLAUSES))
        if (clause.trim() !== '') out.push({ clause, question, sentence });
    }
  }
  return out;
}

/**
 * The value the question asks for, or null when it is not a fact question. One answer asks it of the same
 * question up to three times (which doc leads, whether to answer anyway, the answer itself): a long question's
 * clauses are read once.
 */
export const factAsk: (question: string) => FactAsk | null = rememberRecent(askedFact);

/**
 * The headings of an issue template ("What happened:", "What you expected to happen:") label the report's parts;
 * they ask nothing.
 */
const TEMPLATE_LABEL =
  /\b(?:what happened|what (?:you|did you) expect(?:ed)? to happen|what did you do|how to reproduce it|anything else we need to know|what would you like to be added|why is this needed)\b[^:?\n]{0,40}[?:]/gi;

function askedFact(question: string): FactAsk | null {
  const text = question.replace(TEMPLATE_LABEL, ' ').normalize('NFKC');
  const asking: string[] = [];
  const kinds = new Set<ValueKind>();
  /** The last clause that asked nothing, when it states a default, with the kinds of value it names. */
  let previous: { clause: string; kinds: ValueKind[] } | null = null;
  /** Every clause that asked nothing but states a default. */
  const defaults: Array<{ clause: string; kinds: ValueKind[] }> = [];
  let asksDefault = false;
  /** The clauses that ask how to change something and name no value. */
  const changeOnly: string[] = [];
  // Each clause on its own: a why or how-to elsewhere in a long report does not cancel a value asked here.
  for (const { clause: part, question: isQuestion, sentence } of clausesOf(text)) {
    // "容器、docker0、flannel这三者MTU应该一致，使用VXLAN的话应该是多少？": a Chinese clause that asks without naming
    // what is asked it names in the rest of its sentence.
    const said =
      part !== sentence && /\p{Script=Han}/u.test(part) && ASKS.test(part) && kindsIn(part).length === 0
        ? sentence
        : part;
    // "by default flannel uses ...", "defaults to 127.0.0.53", "the default gateway interface" describe the
    // setup; they do not ask.
    // In a question ("use by default?", "what mode is it in by default"), "by default" asks for the default.
    const clause = isQuestion
      ? said
      : ASKING_START.test(said)
        ? said.replace(RELATIVE, ' ')
        : said.replace(STATED_DEFAULT, ' ').replace(RELATIVE, ' ');
    const questionish = isQuestion || QUESTIONISH.test(clause);
    // "check whether the VNI of different devices can be different?", "是否需要放行 4789 端口？": a question
    // about the value.
    const asks =
      ASKS.test(clause) ||
      (questionish && DEFAULT_WORD.test(clause)) ||
      (isQuestion && /\bwhether\b|是否/i.test(clause));
    const change = CHANGE_ASK.test(clause);
    // "how to check the proxy mode of kube-proxy", "怎么查看 pod 的 MTU": the current value of what it names.
    const check = !change && CHECK_ASK.test(clause) && kindsIn(clause).length > 0;
    const stated = previous;
    previous = null;
    if (!change && !check && (!asks || NOT_A_VALUE.test(clause))) {
      if (DEFAULT_WORD.test(clause)) {
        previous = { clause, kinds: kindsIn(clause) };
        defaults.push(previous);
      }
      continue;
    }
    if (/为什么|為什麼|为啥|為啥|\bwhy\b/i.test(clause) && !ASKS.test(clause.replace(/\bwhy\b/i, '')))
      continue;
    const clauseKinds = kindsIn(clause);
    const own = clauseKinds.length;
    if (change) clauseKinds.push('setting');
    // Nothing but "the default ..." asked: the line that states that default.
    if (clauseKinds.length === 0 && questionish && DEFAULT_ASKED.test(clause)) clauseKinds.push('default');
    if (clauseKinds.length === 0) continue;
    // "Currently the default block is /26. Is there any way to change this?", "... bigger than the serviceSubnet
    // per default. Maybe the default is wrong?": a change or a default asked of what the sentence before stated.
    if (own === 0 && stated && stated.kinds.length > 0) {
      asking.push(stated.clause.trim());
      for (const kind of stated.kinds) kinds.add(kind);
    } else if (own === 0 && !asks && !REFERS_BACK.test(clause)) {
      // "How to configure hosts to support underlay subnets? Where does kubeovn apply the tag?": a change that
      // names no value (nor refers to one asked: "and how to configure it") is asked only when nothing else is.
      changeOnly.push(clause.trim());
      continue;
    }
    asking.push(clause.trim());
    for (const kind of clauseKinds) kinds.add(kind);
    if (DEFAULT_WORD.test(clause)) asksDefault = true;
  }
  if (asking.length === 0 && changeOnly.length > 0) {
    asking.push(...changeOnly);
    kinds.add('setting');
    if (changeOnly.some((clause) => DEFAULT_WORD.test(clause))) asksDefault = true;
  }
  if (asking.length === 0) return null;
  // The default asked for, and stated around the question ("which is the default subnet ...? Expected: the default
  // subnet is ovn-default"): those statements say which default is meant.
  if (asksDefault)
    for (const stated of defaults)
      if (!asking.includes(stated.clause.trim()) && stated.kinds.some((kind) => kinds.has(kind)))
        asking.push(stated.clause.trim());
  const focus = asking.join(' ');
  return {
    kinds: [...kinds],
    wantsDefault: /默认|默認|\bdefault\b/i.test(focus) || UNSET.test(focus),
    focus,
  };
}

/** A camelCase key ("which dnsPolicy"): a setting asked for by its name. */
const SETTING_NAME = /\b[a-z]+[A-Z][A-Za-z]+\b/;
/** The setting's name is what the interrogative asks about: "which externalTrafficPolicy value keeps the IP". */
const WHICH_SETTING =
  /\b(?:[Ww]hich|[Ww]hat|WHICH|WHAT)\s+(?:[\w-]+\s+){0,2}[a-z]+[A-Z][A-Za-z]+\b|(?:哪个|哪個|哪种|哪種)\s*[a-z]+[A-Z][A-Za-z]+/;

/** The noun an interrogative asks about: "which interface gets ...", "what protocols does ...". */
const ASKED_NOUN = /\b(?:which|what)\s+([\w-]+)(?:\s+([\w-]+))?/i;

/**
 * "clusterDNS 的值 10.0.0.10 需要改为多少", "what should the value be": the value asked for has the shape of the one
 * the clause gives (an address, a CIDR, a number).
 */
const VALUE_ASKED = /值|\bvalues?\b|改为|改成|改為/i;
const GIVEN_VALUE: Array<[ValueKind, RegExp]> = [
  ['cidr', /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?!\d)/],
  ['addr', /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d/])/],
  ['count', /(?<![\w.])\d{2,}(?![\d.])/],
];

function kindsIn(said: string): ValueKind[] {
  // "文件 /etc/kubernetes/kubelet-conf.yml 中 clusterDNS 的值": a file the clause names by its path is where the
  // value is, not what is asked.
  const unnamed = said.replace(FILE_WORD, ' ');
  const text =
    unnamed !== said && VALUE_PATTERNS.path.test(said) && !PATH_ASKED.test(unnamed) ? unnamed : said;
  const kinds = KIND_WORDS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
  // "Which interface gets the .2 address of the node subnet": the interface is asked, the rest is context.
  const asked = ASKED_NOUN.exec(text);
  const kindsOf = (word: string | undefined) =>
    word ? KIND_WORDS.filter(([, pattern]) => pattern.test(word)).map(([kind]) => kind) : [];
  const first = kindsOf(asked?.[1]);
  const head = first.length > 0 ? first : kindsOf(asked?.[2]);
  if (head.length === 1 && head[0] === 'iface' && kinds.length > 1) return ['iface'];
  // A value asked for by the one given ("the value 10.0.0.10 should be what"), when no kind is named.
  if (!kinds.some((kind) => kind !== 'path' && kind !== 'setting') && VALUE_ASKED.test(text)) {
    const given = GIVEN_VALUE.find(([, pattern]) => pattern.test(text));
    if (given) return [...kinds.filter((kind) => kind !== 'setting'), given[0]];
    // "nf_conntrack_max 默认值是多少": a number.
    if (/多少|how (?:much|many|big|large)/i.test(text)) return [...kinds, 'count'];
  }
  // Only when nothing else is asked: "the default podSubnet" asks for its value, a CIDR.
  if (kinds.length === 0 && SETTING_NAME.test(text)) return ['setting'];
  if (!kinds.includes('setting') && WHICH_SETTING.test(text)) kinds.push('setting');
  // "the MTU of the pod interface", "the IP range": the number is asked, the interface or address is context.
  if (kinds.some((kind) => kind === 'port' || kind === 'mtu' || kind === 'cidr'))
    return kinds.filter((kind) => kind !== 'iface' && kind !== 'ip' && kind !== 'addr');
  // "the gateway address": the role is asked.
  if (kinds.includes('ip')) return kinds.filter((kind) => kind !== 'addr');
  return kinds;
}

/** The words that ask for a file by its kind, and the path kind's words without them. */
const FILE_WORD = /(?<!哪个|哪個|什么|什麼|哪些)(?:文件|目录|目錄)/g;
const PATH_ASKED = KIND_WORDS.find(([kind]) => kind === 'path')?.[1] ?? /$^/;

const IPV4 = String.raw`(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}`;

const VALUE_PATTERNS: Record<ValueKind, RegExp> = {
  // "UDP 8472", "53/UDP", "30000-32767", ":8080/health" or "127.0.0.1:10249" (a listen address), "IP 协议 4".
  port: /(?:udp|tcp|sctp|port|dstport|端口|埠)\s*[:=]?\s*\*{0,2}\d{2,5}(?!\d)|(?<![\d.])\d{2,5}\*{0,2}\s*(?:\/(?:udp|tcp)|端口|埠)|(?<![\d.])\d{4,5}\s*-\s*\d{4,5}(?!\d)|(?:(?<![\w.:])|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}):\d{2,5}(?![\d:])|(?:协议|協議|protocol|proto)\s*\d{1,3}(?!\d)/i,
  mtu: /(?<![\d.])(?:1[0-9]{3}|9000|8950)(?![\d.])/,
  // The bytes an encapsulation takes: "MTU - 100", "减 100", "58 字节".
  overhead:
    /mtu\s*[-−]\s*\d{2,3}(?!\d)|(?:减|減|预留|預留)\s*\d{2,3}(?!\d)|(?<![\d.])\d{2,3}\s*(?:字节|位元組|bytes?\b)/i,
  cidr: /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}(?!\d)|(?<![\d.])\d{4,5}\s*-\s*\d{4,5}(?!\d)|blockSize:\s*\d+/i,
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
  count: /(?<![\w.])\d{2,}(?![\d.])|\b(?:vni|vlan id|vxlan id|id)\s*[:=为]?\s*\d+/i,
  // A namespace named as one ("`kube-flannel` 命名空间", "namespace kube-system", "-n calico-system") or a
  // system namespace ("kube-system", "calico-system").
  namespace:
    /(?:命名空间|命名空間|\bnamespace|(?<![\w-])-n)\s*[:=]?\s*`?[a-z0-9]+(?:-[a-z0-9]+)+`?|`[a-z0-9]+(?:-[a-z0-9]+)*`\s*(?:命名空间|命名空間|namespace)|\b(?:kube-system|kube-public|[a-z0-9]+-system)\b/i,
  // "30 秒", "24h", "5s", "1m0s", "300 seconds".
  duration:
    /(?<![\w.])\d+(?:\.\d+)?\s*(?:秒|分钟|分鐘|小时|小時|毫秒|ms|s|sec|seconds?|m|min|minutes?|h|hours?)(?![a-z\d])/i,
  default: /默认|默認|\bdefault\b/i,
};

/**
 * A path inside a command (`cat /sys/...`) is not the path a line states: commands are dropped for paths. A setting
 * with its value (`resolvConf: /run/systemd/resolve/resolv.conf`) is no command: it states the path.
 */
function valueText(kind: ValueKind, quote: string): string {
  return kind === 'path' ? quote.replace(SHELL_SPAN, ' ') : quote;
}

/** A shell command quoted in a line (`cat /sys/...`), not a setting with its value (`forward . /etc/resolv.conf`). */
const SHELL_SPAN =
  /`(?:sudo\s+)?(?:cat|ls|cd|grep|egrep|ip|ss|netstat|kubectl|crictl|docker|curl|wget|tcpdump|ovs-vsctl|ovs-ofctl|ovs-appctl|ovn-nbctl|ovn-sbctl|systemctl|journalctl|iptables|iptables-save|ip6tables|nft|ipvsadm|conntrack|sysctl|echo|vi|vim|nano|less|more|tail|head|find|stat|mount|ping|nslookup|dig|calicoctl|cilium|cilium-dbg|ethtool|modprobe|lsmod|awk|sed|jq|tee|chmod|rm|mv|cp)\b[^`]*`/g;

/** A line that states a default: the word, or a default route. */
const DEFAULT_WORDS = /默认|默認|default|兜底|0\.0\.0\.0\/0/i;

interface Candidate {
  chunk: Chunk;
  line: number;
  endLine: number;
  quote: string;
  /** Text the candidate is matched on: the quote, its table header and its section headings. */
  context: string;
  weight: number;
  /** A comment with its command: it states the setting the command changes, not the values it is given. */
  settingOnly?: boolean;
  /** A table row's key: its first cell, when it is a short name (`Vlan`, `ovn-k8s-mp0`, `IPIP`). */
  key?: string;
}

/** A first cell that names what its row is about: one or two words or identifiers, not a sentence. */
const ROW_KEY = /^\|\s*\**`?([A-Za-z][\w.-]*(?:\s[\w.-]+)?)`?\**\s*(?:\||[（(])/;

const SHELL_COMMENT = /^\s*#\s/;
const INLINE_COMMENT = /\S\s+#\s+\S/;

/** "Which dnsPolicy should it use", "应该改为多少": the line that says what to set. */
const SHOULD_ASK = /\bshould\b|应该|應該|应当|應當|建议|建議|改为多少|改成多少/i;
const PRESCRIBES = /设置|設置|设为|設為|改为|改為|改成|改用|建议|建議|需要|必须|必須|\bset\b|\buse\b/i;
/** Port-like numbers of a text (not the parts of an address). */
const NUMBERS = /(?<![\d.])\d{2,5}(?![\d.])/g;

/** A setting asked for by its form, and the form: an environment variable (`IP_AUTODETECTION_METHOD`), a flag. */
const SETTING_FORMS: ReadonlyArray<[asked: RegExp, form: RegExp]> = [
  [/\b(?:environment|env) var(?:iable)?s?\b|环境变量|環境變數/i, /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/],
  [/\b(?:command[- ]line )?flags?\b|命令行参数|命令行參數/i, /(?<![\w-])--[a-z][a-z0-9-]+/],
];

/**
 * "Which resolv.conf option", "which IPPool field", "哪个 kubelet 参数": the words between the interrogative and the
 * kind of setting asked name what the setting belongs to. Only those the rest of the clause does not repeat.
 */
const OWNED_SETTING =
  /\b(?:which|what)\s+((?:[\w.-]+\s+){1,2}?)(?:options?|settings?|fields?|keys?|parameters?|params?|flags?|directives?|(?:environment|env) var(?:iable)?s?)\b|(?:哪个|哪個|什么|什麼)\s*([\w.-]+(?:\s+[\w.-]+)?)\s*(?:的)?\s*(?:参数|參數|选项|選項|字段|配置项|配置項|环境变量|環境變數)/gi;

function ownerTerms(focus: string): ReadonlySet<string> {
  const owner = new Set<string>();
  for (const match of focus.matchAll(OWNED_SETTING)) {
    const named = termsRead(match[1] ?? match[2] ?? '');
    const rest = termsRead(focus.replace(match[0], ' '));
    for (const term of named.keys()) if (!rest.has(term)) owner.add(term);
  }
  return owner;
}

/** Whether every term of a row's key is one of the question's. */
function keyNamed(key: string, question: ReadonlyMap<string, number>): boolean {
  const keyTerms = [...termsRead(key).keys()];
  return keyTerms.length > 0 && keyTerms.every((term) => question.has(term));
}

/** A setting as a question writes it: a --flag, a camelCase key, an ENV_VAR. */
const SETTING_TOKEN =
  /(?<![\w-])--[a-z][a-z0-9-]+|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

/**
 * The settings whose value the asking clause asks for, as written: "Which kubelet --hairpin-mode value",
 * "what value should externalTrafficPolicy have", "clusterDNS 的值需要改为多少".
 */
export function askedSettings(focus: string): string[] {
  if (!VALUE_ASKED.test(focus)) return [];
  return [...new Set(focus.match(SETTING_TOKEN) ?? [])];
}

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

/** Per chunk: its quotable lines (prose sentences, table rows, text-block lines). */
const candidateCache = new WeakMap<Chunk, Candidate[]>();

/** Per candidate line: the terms and glossary concepts of its context (the same for every question). */
const contextTermCache: PerConcepts<ReadonlyMap<string, number>> = new WeakMap();

function contextTermsOf(candidate: Candidate, concepts: Concepts | undefined): ReadonlyMap<string, number> {
  return rememberedFor(contextTermCache, candidate, concepts, () =>
    termsWithConcepts(candidate.context, concepts),
  );
}

function candidatesOf(chunk: Chunk): Candidate[] {
  let cached = candidateCache.get(chunk);
  if (cached) return cached;
  cached = [];
  const source = chunkLines(chunk);
  // The doc title is shared by every line of the doc: it tells none apart.
  const headings = chunk.headingPath.slice(1).join(' ');
  for (const block of blocks(source)) {
    if (block.kind === 'heading') continue;
    if (block.kind === 'fence') {
      // Output, diagrams and the comments of shell blocks can state a value; shell commands do not.
      const shell = /^(?:bash|sh|shell|console|zsh)$/i.test(block.lang);
      const last = block.lines.length - 1;
      for (const [i, raw] of block.lines.entries()) {
        if (i === 0 || i === last || raw.trim() === '') continue;
        if (shell && !SHELL_COMMENT.test(raw)) continue;
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + i,
          quote: raw.trim(),
          context: `${headings} ${raw}`,
          // A config line the author annotated ("health  # :8080/health 存活") says what it sets, as prose does.
          weight: !shell && INLINE_COMMENT.test(raw) ? 1 : 0.5,
        });
        // A comment saying what the command after it changes, and that command ("# 改为 Local 以保留客户端源 IP",
        // `kubectl patch svc ... externalTrafficPolicy":"Local"`): the code line that states a setting's value.
        const next = block.lines[i + 1] ?? '';
        if (!shell || i + 1 >= last || next.trim() === '' || SHELL_COMMENT.test(next)) continue;
        let end = i + 1;
        while (end + 1 < last && /\\\s*$/.test(block.lines[end] ?? '')) end++;
        const quote = block.lines
          .slice(i, end + 1)
          .map((line) => line.trim())
          .join(' ');
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + end,
          quote,
          context: `${headings} ${quote}`,
          // The comment is the author's sentence, as prose is: a text block's other lines are output and diagrams.
          weight: 1,
          settingOnly: true,
        });
      }
      continue;
    }
    if (block.kind === 'table') {
      const header = block.lines[0] ?? '';
      for (const [i, raw] of block.lines.entries()) {
        if (i < 2 || raw.trim() === '') continue;
        cached.push({
          chunk,
          line: block.start + i,
          endLine: block.start + i,
          quote: raw.trim(),
          context: `${headings} ${header} ${raw}`,
          weight: 1,
          key: ROW_KEY.exec(raw.trim())?.[1]?.toLowerCase(),
        });
      }
      continue;
    }
    for (const item of listItems(block.lines, block.start)) {
      for (const sentence of sentences(item)) {
        cached.push({
          chunk,
          ...sentence,
          context: `${headings} ${sentence.quote}`,
          weight: 1,
        });
      }
    }
  }
  candidateCache.set(chunk, cached);
  return cached;
}

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** A paragraph's items (list items, or the whole paragraph): their lines, wrapped lines joined to their item. */
function listItems(lines: readonly string[], start: number): Array<Array<{ line: number; text: string }>> {
  const items: Array<Array<{ line: number; text: string }>> = [];
  for (const [i, raw] of lines.entries()) {
    const marker = LIST_MARKER.exec(raw);
    const text = (marker ? raw.slice(marker[0].length) : raw).trim();
    if (text === '') continue;
    const last = items.at(-1);
    if (marker || !last) items.push([{ line: start + i, text }]);
    else last.push({ line: start + i, text });
  }
  return items;
}

const SENTENCE = /[^。！？；!?;]+[。！？；!?;]?/g;
const HAN_END = /\p{Script=Han}|[，。：、（）]$/u;
const HAN_START = /^(?:\p{Script=Han}|[，。：、（）])/u;

/**
 * The sentences of an item, each with the lines it spans: a sentence wrapped over two source lines is quoted
 * whole (its lines joined: without a space between Chinese text, with one between Latin words).
 */
function sentences(item: ReadonlyArray<{ line: number; text: string }>): Array<{
  line: number;
  endLine: number;
  quote: string;
}> {
  let joined = '';
  const starts: number[] = [];
  for (const { text } of item) {
    if (joined !== '' && !(HAN_END.test(joined.at(-1) ?? '') && HAN_START.test(text))) joined += ' ';
    starts.push(joined.length);
    joined += text;
  }
  const lineAt = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index++;
    return item[index]?.line ?? 0;
  };
  const out: Array<{ line: number; endLine: number; quote: string }> = [];
  for (const match of joined.matchAll(SENTENCE)) {
    const quote = match[0].trim();
    if (quote === '') continue;
    const from = match.index + (match[0].length - match[0].trimStart().length);
    out.push({ line: lineAt(from), endLine: lineAt(from + quote.length - 1), quote });
  }
  return out;
}

/**
 * The KB is written in Chinese and many questions are not: the words that name what is asked are matched across
 * the two (a "metrics port" is the 指标端口). Small and closed: only words that pick a value's line.
 */
const TRANSLATIONS = new Map<string, string[]>(
  Object.entries({
    metrics: ['指标'],
    port: ['端口'],
    ports: ['端口'],
    gateway: ['网关'],
    default: ['默认'],
    interface: ['网卡', '接口'],
    subnet: ['子网', '网段'],
    mode: ['模式'],
    range: ['范围'],
    file: ['文件'],
    write: ['写出'],
    writes: ['写出'],
    tunnel: ['隧道'],
    route: ['路由'],
    firewall: ['防火墙'],
    address: ['地址'],
    dns: ['解析'],
    block: ['地址块'],
    node: ['节点'],
    nodes: ['节点'],
    open: ['放行', '开放'],
    allow: ['放行'],
    security: ['安全组'],
    client: ['客户端'],
    source: ['源'],
    keep: ['保留'],
    keeps: ['保留'],
    preserve: ['保留'],
    variable: ['变量'],
    forward: ['转发'],
    forwarding: ['forward', '转发'],
    domain: ['域名'],
    upstream: ['上游'],
    device: ['设备'],
    devices: ['设备'],
    protocol: ['协议'],
    protocols: ['协议'],
    timeout: ['超时'],
    remove: ['移除'],
    // "get rid of kube-proxy": 移除.
    rid: ['移除'],
    health: ['健康', '存活'],
    namespace: ['命名空间'],
    // "when mode is empty", "if it is unset": 未配置.
    empty: ['未配置'],
    unset: ['未配置'],
    enable: ['开启', '启用'],
    masquerade: ['伪装'],
    cluster: ['集群'],
  }),
);

/**
 * "masquerades", "domains", "enabled": an English word a line writes in another form. Only plain endings; the
 * forms tried are looked up, never assumed to exist.
 */
export function wordForms(term: string): string[] {
  if (!/^[a-z]{5,}$/.test(term)) return [];
  const forms: string[] = [];
  if (term.endsWith('ies')) forms.push(`${term.slice(0, -3)}y`);
  if (term.endsWith('es')) forms.push(term.slice(0, -2));
  if (term.endsWith('s') && !term.endsWith('ss')) forms.push(term.slice(0, -1));
  if (term.endsWith('ed')) forms.push(term.slice(0, -2), term.slice(0, -1));
  if (term.endsWith('ing')) forms.push(term.slice(0, -3), `${term.slice(0, -3)}e`);
  return forms;
}

/** The same words read the other way: a Chinese question names the mode (模式) a line states as `mode`. */
const BACK_TRANSLATIONS: ReadonlyArray<[english: string, bigrams: string[]]> = [...TRANSLATIONS].flatMap(
  ([english, words]) =>
    words
      .filter((word) => /\p{Script=Han}/u.test(word))
      .map((word): [string, string[]] => [english, [...terms(word).keys()]]),
);

/** "KubeProxyReplacement", "proxyMode": the kebab-case key a runbook writes (`kube-proxy-replacement`). */
function camelTerms(text: string): Map<string, number> {
  // Words of capitalised parts only: "CoreDNS" or "IPv4" is a name, not a key.
  const kebab = (text.match(/\b(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+\b/g) ?? []).map((word) =>
    word.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(),
  );
  return kebab.length === 0 ? new Map() : terms(kebab.join(' '));
}

function withTranslations(found: Map<string, number>): Map<string, number> {
  for (const [term, weight] of [...found]) {
    const translations =
      TRANSLATIONS.get(term) ?? wordForms(term).flatMap((form) => TRANSLATIONS.get(form) ?? []);
    for (const translated of translations) {
      for (const bigram of terms(translated).keys())
        if (!found.has(bigram)) found.set(bigram, Math.min(weight, 1));
    }
  }
  for (const [english, bigrams] of BACK_TRANSLATIONS)
    if (!found.has(english) && bigrams.length > 0 && bigrams.every((bigram) => found.has(bigram)))
      found.set(english, 1);
  return found;
}

export interface DirectQuote {
  chunk: Chunk;
  /** The source lines the quote spans (a wrapped sentence spans two). */
  line: number;
  endLine: number;
  quote: string;
  /** How well the line matches the asking words (2.5 is the least that counts; see `directAnswer`). */
  score: number;
}

/**
 * The line that states the asked value: it must hold a value of an asked kind; among those, the one sharing
 * most of the question's words (with its table header and headings), preferring one that says "default" when
 * the question asks for the default, prose and table rows over text blocks, and the first doc.
 */
export function directAnswer(
  question: string,
  docs: readonly DocRecord[],
  ask: FactAsk,
  concepts?: Concepts,
): DirectQuote | null {
  // One answer asks twice with the same docs (which doc leads, then the answer itself): the second is a look-up.
  const key = `${ask.kinds.join(',')}\u0000${ask.wantsDefault}\u0000${ask.focus}\u0000${question}`;
  const last = lastDirect;
  if (last && last.key === key && last.concepts === concepts && sameDocs(last.docs, docs)) return last.found;
  const found = findDirect(question, docs, ask, concepts);
  lastDirect = { key, docs: [...docs], concepts, found };
  return found;
}

let lastDirect: {
  key: string;
  docs: readonly DocRecord[];
  concepts: Concepts | undefined;
  found: DirectQuote | null;
} | null = null;

function sameDocs(a: readonly DocRecord[], b: readonly DocRecord[]): boolean {
  return a.length === b.length && a.every((doc, i) => doc === b[i]);
}

/**
 * The asking clauses' terms, concepts and translations, remembered for the last few per concepts function: one
 * answer looks for the value in a few lists of docs (which doc leads, whether to answer anyway, the answer itself).
 * Not to be changed.
 */
const askingMemo: PerConcepts<(text: string) => ReadonlyMap<string, number>> = new WeakMap();
/** The one key of askingMemo (its value depends on the concepts function only). */
const ASKING = {};

function askingTerms(text: string, concepts: Concepts | undefined): ReadonlyMap<string, number> {
  const remembered = rememberedFor(askingMemo, ASKING, concepts, () =>
    rememberRecent(
      (asking: string) => {
        const found = withTranslations(termsWithConcepts(asking, concepts));
        for (const [term, weight] of camelTerms(asking)) if (!found.has(term)) found.set(term, weight);
        return found;
      },
      {
        size: 4,
        minLength: 0,
      },
    ),
  );
  return remembered(text);
}

function findDirect(
  question: string,
  docs: readonly DocRecord[],
  ask: FactAsk,
  concepts: Concepts | undefined,
): DirectQuote | null {
  // The asking clause's words (and glossary concepts) count fully; the rest of a long report only breaks ties.
  const focus = askingTerms(ask.focus, concepts);
  const questionTerms = termsRead(question);
  // The words naming the asked kind ("interface", "端口") are in many lines that hold such a value: they tell
  // lines apart less than the other words of the question.
  const kindWords = kindMask(ask.kinds);
  const valueKinds: ValueKind[] = ask.kinds.filter((kind) => kind !== 'setting' && kind !== 'default');
  const wantsSetting = ask.kinds.includes('setting');
  // "which environment variable", "which flag": only a setting of that form answers.
  const form = wantsSetting ? SETTING_FORMS.find(([asked]) => asked.test(ask.focus))?.[1] : undefined;
  const wantsFallback = ask.kinds.includes('default');
  // Only lines holding a value of an asked kind can be picked.
  let holding = 0;
  for (const kind of valueKinds) holding |= KIND_BIT[kind];
  if (wantsSetting) holding |= KIND_BIT.setting;
  if (wantsFallback) holding |= KIND_BIT.default;
  // A term no line that can be picked has adds to no score (the shared terms are summed in the question's order
  // either way): a long question's terms are weighed only when some such line has them.
  const lineTerms = docs.map((doc) => contextTermsIn(linesHolding(doc, holding), concepts));
  const wanted: Array<[string, number]> = [];
  // "Which resolv.conf option ...", "Which IPPool field ...": the words naming what the setting belongs to are in
  // every line about that file or resource; the rest of the clause says which of its settings is meant.
  const owner = ownerTerms(ask.focus);
  const taken = new Set<string>();
  const want = (written: string, weight: number) => {
    // A word no line has in the form written, in a form some line has ("masquerades" ↔ masquerade).
    const term = lineTerms.some((held) => held.has(written))
      ? written
      : wordForms(written).find((form) => lineTerms.some((held) => held.has(form)));
    if (term === undefined || taken.has(term)) return;
    taken.add(term);
    wanted.push([
      term,
      (focus.has(written) ? weight : weight * 0.25) *
        (hasKindWords(term, kindWords) || owner.has(written) ? 0.5 : 1),
    ]);
  };
  // The question's terms, then the asking clause's others.
  for (const [term, weight] of questionTerms) want(term, weight);
  for (const [term, weight] of focus) if (!questionTerms.has(term)) want(term, weight);
  for (const [term, weight] of camelTerms(question))
    if (!questionTerms.has(term) && !focus.has(term)) want(term, weight);
  // Only of a setting: "what MTU should the pod get" asks for the value, wherever it is stated.
  const prescribed = wantsSetting && SHOULD_ASK.test(ask.focus);
  // The port the question itself names ("listening on 80 instead of 8080", "the :10249/healthz url").
  const echoed = new Set(ask.kinds.includes('port') ? (question.match(NUMBERS) ?? []) : []);
  const wantedOnce = wantedTerms(wanted);
  // A setting line answers "how do I change the MTU" only when it is about the MTU.
  const about = kindMask(valueKinds);
  // "Which kubelet --hairpin-mode value ...": when some line states the setting named, as it is written, with a
  // value, only such lines answer.
  const named = askedSettings(ask.focus);
  let best: { candidate: Candidate; score: number } | null = null;
  let stating: { candidate: Candidate; score: number } | null = null;
  for (const [rank, doc] of docs.entries()) {
    // Words of the doc's title (the CNI, the topic) are in every line's doc: they barely tell lines apart.
    const title = terms(doc.title);
    const asked = reweighted(
      wantedOnce,
      wanted.map(([term, weight]): [string, number] => [term, title.has(term) ? weight * 0.3 : weight]),
    );
    for (const candidate of linesHolding(doc, holding)) {
      const { values, kindWords: quoteKinds } = quoteFacts(candidate);
      const value = valueKinds.some((kind) => (values & KIND_BIT[kind]) !== 0);
      // A command that changes a setting answers which setting or how to change it, not what the default is.
      if (candidate.settingOnly && ask.wantsDefault) continue;
      const setting =
        wantsSetting &&
        (values & KIND_BIT.setting) !== 0 &&
        (about === 0 || (quoteKinds & about) !== 0) &&
        (form === undefined || form.test(candidate.quote));
      const fallback = wantsFallback && (values & KIND_BIT.default) !== 0;
      if (!value && !setting && !fallback) continue;
      // The value itself matches the asked word (`端口` ↔ `TCP 179`); a line with the value and the setting
      // that changes it answers a "how do I change" best.
      let score = sharedWeight(1 + (value && setting ? 1 : 0), asked, contextTermsOf(candidate, concepts));
      if (ask.wantsDefault && DEFAULT_WORDS.test(candidate.quote)) score += 2;
      if (prescribed && PRESCRIBES.test(candidate.quote)) score += 1.5;
      if (echoed.size > 0 && (candidate.quote.match(NUMBERS) ?? []).some((n) => echoed.has(n))) score += 1.5;
      // The row whose key the asking clause names (`Vlan`), or less, the rest of the question ("I noticed the
      // bridge didn't apply any vlan tagging").
      if (candidate.key)
        score += keyNamed(candidate.key, focus) ? 1.5 : keyNamed(candidate.key, questionTerms) ? 0.75 : 0;
      score *= candidate.weight * (rank === 0 ? 1 : 0.6);
      if (!best || score > best.score) best = { candidate, score };
      if (named.length > 0 && statesSetting(named, candidate.quote) && (!stating || score > stating.score))
        stating = { candidate, score };
    }
  }
  if (stating) best = stating;
  // A line sharing almost nothing with the question is a value by coincidence.
  if (!best || best.score < 2.5) return null;
  const { chunk, line, endLine, quote } = best.candidate;
  return { chunk, line, endLine, quote, score: best.score };
}

/** One bit per value kind (KIND_BIT), for the per-line and per-term tests below. */
const KINDS: readonly ValueKind[] = Object.keys(VALUE_PATTERNS) as ValueKind[];
const KIND_BIT = Object.fromEntries(KINDS.map((kind, i) => [kind, 1 << i])) as Record<ValueKind, number>;

export function kindMask(kinds: readonly ValueKind[]): number {
  let mask = 0;
  for (const [kind] of KIND_WORDS) if (kinds.includes(kind)) mask |= KIND_BIT[kind];
  return mask;
}

/** Which kinds' words (KIND_WORDS) a text has, as KIND_BIT bits. */
function kindWordsOf(text: string): number {
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
/** The remembered value: tested bits above this shift, found bits below. */
const TESTED_SHIFT = 16;

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

/** Per candidate line: which kinds of value it holds and which kinds' words it has (the same for every question). */
const quoteFactCache = new WeakMap<Candidate, { values: number; kindWords: number }>();

function quoteFacts(candidate: Candidate): { values: number; kindWords: number } {
  let facts = quoteFactCache.get(candidate);
  if (!facts) {
    let values = 0;
    for (const kind of KINDS)
      if (VALUE_PATTERNS[kind].test(valueText(kind, candidate.quote))) values |= KIND_BIT[kind];
    if (candidate.settingOnly) values &= KIND_BIT.setting;
    facts = { values, kindWords: kindWordsOf(candidate.quote) };
    quoteFactCache.set(candidate, facts);
  }
  return facts;
}

/** Per list of candidate lines (one doc's, holding some kinds): the terms of all their contexts. */
const contextTermsCache: PerConcepts<ReadonlySet<string>> = new WeakMap();

function contextTermsIn(lines: readonly Candidate[], concepts: Concepts | undefined): ReadonlySet<string> {
  return rememberedFor(contextTermsCache, lines, concepts, () => {
    const held = new Set<string>();
    for (const line of lines) for (const term of contextTermsOf(line, concepts).keys()) held.add(term);
    return held;
  });
}

/** Per doc and set of kinds (KIND_BIT bits): its candidate lines holding a value of one of them, in order. */
const holdingCache = new WeakMap<DocRecord, Map<number, readonly Candidate[]>>();

function linesHolding(doc: DocRecord, kinds: number): readonly Candidate[] {
  let byKinds = holdingCache.get(doc);
  if (!byKinds) {
    byKinds = new Map();
    holdingCache.set(doc, byKinds);
  }
  let lines = byKinds.get(kinds);
  if (!lines) {
    lines = doc.chunks.flatMap((chunk) =>
      candidatesOf(chunk).filter((candidate) => (quoteFacts(candidate).values & kinds) !== 0),
    );
    byKinds.set(kinds, lines);
  }
  return lines;
}

/**
 * A line this well matched (value of the asked kind, most of the asking words) is the answer even when retrieval
 * as a whole was not confident: a short value question shares few words with any runbook, so its retrieval score
 * is low, yet the line that states the value is unmistakable. Measured on the eval sets: right lines score 7-9,
 * coincidental ones under 6.
 */
export const CONFIDENT_FACT = 6.5;

/** The top runbook's line that answers a fact question confidently, or null. */
export function confidentFact(question: string, doc: DocRecord, concepts?: Concepts): DirectQuote | null {
  const ask = factAsk(question);
  if (!ask) return null;
  const found = directAnswer(question, [doc], ask, concepts);
  return found && found.score >= CONFIDENT_FACT ? found : null;
}
