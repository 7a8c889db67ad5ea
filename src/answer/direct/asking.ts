/**
 * Asking forms: whether a question asks for a value (which port, what CIDR or MTU, which interface, the default
 * next hop; 哪个、多少、是什么、默认), which kinds of value, and the clauses that ask it. Pure.
 */
import { rememberRecent } from '../../core/recent.js';
import { foldText } from '../../retrieve/normalize.js';
import { termsRead } from '../rank-rows.js';
import { setsCase } from './ask-condition.js';
import { checkedKinds, checkedValues, kindsGiven } from './checked-value.js';
import { closesAfter } from './closing-ask.js';
import { asksComparedValue } from './compared-value.js';
import { asksHowItWorks } from './how-does.js';
import { asksInStatement } from './indirect-ask.js';
import { podHasNodeIp, withoutPodRows } from './node-address.js';
import { portRequests } from './port-request.js';
import { asksPurpose, asksWhyNeeded } from './purpose-ask.js';
import { asksNamesUnderReadiness } from './ready-condition.js';
import { failedServicePing, SERVICE_ADDRESS_NAMED } from './service-ping.js';
import { withSetToWhat } from './set-to-what.js';
import { kindsNamedBySetting } from './setting-name-kind.js';
import { settingRequests } from './setting-request.js';
import { aboutSourceRewrite, asksWhySourceSeen } from './source-rewrite.js';
import { asksForMode } from './target-mode.js';
import { asksWhatThingDoes } from './thing-does.js';
import { withUnmarkedQuestions } from './unmarked-question.js';
import { asksValueByHanNoun, namesOnlyValue } from './value-noun.js';
import { KIND_WORDS, VALUE_PATTERNS, type ValueKind } from './value-shapes.js';
import { asksWhetherCan, withoutWhetherCan } from './whether-can.js';
import { whyNumberAsked } from './why-number.js';

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
  /**
   * The values the question asks to explain ("the default gateway in my container was 169.254.1.1. Could anyone
   * make some explanation for that?"): the line that states one of them answers.
   */
  values?: string[];
  /**
   * The values the asker gives to be checked ("should the pod MTU be 1440 or 1480?": 1440, 1480): a line stating one
   * of them says which is right.
   */
  checked?: string[];
  /**
   * A why question says the behaviour happens ("为什么这个 ClusterIP 能 ping 通？", "why does a ClusterIP answer
   * ping"): a line saying it does not contradicts the asker's own observation and explains nothing.
   */
  affirmed?: boolean;
  /**
   * A why question about a behaviour ("why can't ping svc"): mostly the asker's own fault to diagnose, so only a line
   * saying the behaviour is by design ("属正常现象", "属预期行为", "by design") answers it directly.
   */
  why?: boolean;
  /**
   * Why two things are the same ("why is the pod IP of nodelocaldns same as the IP of node?"): only a line saying
   * one equals the other ("Pod IP 等于节点 IP") explains it.
   */
  same?: boolean;
  /**
   * Only which traffic, or when, the source is rewritten is asked ("which packets get SNAT", "When does kube-proxy
   * masquerade ...?"): only the rule saying so answers; a row sharing the report's words answers nothing.
   */
  rule?: boolean;
  /**
   * What a named thing is for is asked ("What is clusterCIDR used for?", "masqueradeAll 是干什么用的"): a line stating
   * what it does answers; a command reading it does not.
   */
  purpose?: boolean;
  /**
   * Why a named setting is needed is asked ("为什么需要开启 bridge-nf-call-iptables?"): only the line saying what it does
   * answers; a row sharing the report's words says what else breaks.
   */
  needed?: boolean;
  /**
   * The spec fields a report asking nothing requests ("chart should support dnsPolicy", "shouldn't require
   * publishNotReadyAddresses"): only a line naming one of them states the rule asked.
   */
  requested?: string[];
}

/** How a clause asks: an interrogative, or "how do I change / is there a way to change" (a setting's value). */
const ASKS =
  /哪个|哪個|哪些|哪条|哪條|哪种|哪種|哪块|哪塊|哪张|哪張|哪台|哪类|哪類|哪一(?:个|個|种|種|条|條|块|塊|张|張)|(?:到|去|往|向)(?:哪里|哪裡|哪儿|哪兒)|多少|是什么|是什麼|是啥|(?:用|使用|采用|採用|选用|選用|走|填|的)(?:什么|什麼|啥)(?!原因|问题|問題|情况|情況|时候|時候|意思)|(?:设置|設置|设|設|改|配置|配|写|寫|填|选|選)(?:成|为|為)(?:什么|什麼|啥)|叫什么|叫什麼|叫啥|什么名字|什麼名字|什么端口|什麼埠|(?<!如下|以下|下面|下列|这|這|那)(?:几个|幾個)|哪里来|哪裡來|从哪|從哪|在哪|多久|多长时间|多長時間|\bwhich\b|\bwhat\b|\bwhere\b|how (?:big|large|many|much|long)/i;
/**
 * "Default" asks only in a question ("能默认使用ipvs吗？", "Maybe the default is wrong?"): a statement that mentions
 * a default ("because the default dnsPolicy (ClusterFirst) falls back to Default") describes the setup.
 */
const DEFAULT_WORD = /默认|默認|(?<![\w.$-])default(?![\w-]|\.\w)/i;
/** The words asking what a setting costs (the `drawback` kind's words). */
const DRAWBACK_ASK = KIND_WORDS.find(([kind]) => kind === 'drawback')?.[1] ?? /$^/;
/**
 * Asking how to change a setting asks for the setting: the line that states it (and its current value) is what
 * the engineer needs first. "how could I modify the MTU", "is there a way to change the default", "怎么改 MTU".
 */
const CHANGE_ASK =
  /\b(?:how|is there (?:a|any) way|any way|way)\b[^.?!。？]{0,40}?\b(?:change|modify|set|setup|adjust|configure|increase|decrease|lower|raise|override|customi[sz]e|pick|choose|select|disable|enable|turn (?:on|off)|get rid of|switch)\b|(?:怎么|怎樣|怎样|如何|能否|可以|能不能)[^。？?]{0,12}?(?<![不没沒])(?:改|修改|调整|調整|设置|設置|设成|設成|配置|更改|指定|关闭|關閉|开启|開啟|禁用|启用|啟用)/i;
/** Asking how to make a thing do something: "怎么才能让 prometheus 只采集 9153 端口", "how can I make flannel use ...". */
const MAKE_USE_ASK =
  /\bhow (?:can|could|do|should) (?:i|we|one) (?:make|get|force) \S+(?:\s+\S+){0,3}? (?:to )?(?:only )?(?:use|listen on|bind to|pick)\b|(?:怎么|怎樣|怎样|如何)(?:才能|可以|能)?(?:让|讓|使)[^。？?，,]{1,30}?(?:只|仅|僅)?(?:用|使用|采集|採集|监听|監聽|走)/i;
/** Whether the asking clauses ask how to change a setting ("how could I modify the MTU", "怎么改 MTU"). */
export function asksHowToChange(focus: string): boolean {
  return CHANGE_ASK.test(focus);
}

/**
 * Asking how to get hold of the client's address: "How to get Client IP?", "How can I retrieve real client IP?",
 * "怎么获取客户端真实 IP？", "如何保留源 IP", and wanting it in a question ("when server hope get client IP, how configure
 * the ingress?", "服务想要获取客户端 IP，该怎么配置？"). What a backend sees of its client is decided by a setting, and the line
 * saying when the address is kept ("Local 策略：源 IP 保留") answers. Not "how to get it working", "how to get to the
 * node", nor "how do I see which IP" (reading a value: CHECK_ASK); not another address ("how to get the pod IP"):
 * no runbook line says how that is had.
 */
const OBTAIN_ASK =
  /\b(?:how\s+(?:to|(?:can|could|do|should|would)\s+(?:i|we|one))|(?:want|wants|need|needs|hope|hopes|would like)(?:\s+to)?)\s+(?:get|retrieve|obtain|keep|preserve)\b(?!\s+(?:to|it|this|that|them|rid)\b)|(?:(?:怎么|怎樣|怎样|如何)[^。？?，,]{0,4}?|(?:想|想要|需要|希望)(?:在[^。？?，,]{0,8}?)?)(?:获取|獲取|拿到|得到|获得|獲得|保留)/i;
const SOURCE_ADDRESS =
  /(?:源|客户端|客戶端|真实|真實|\bsource|\bclient|\breal|\boriginal)\s*(?:ip|地址)|\b(?:source|client)\s+address/i;
/**
 * Asking how the application behind a Service comes to see its client's address: "How can the server behind the
 * Service see the real client IP?", "Is there a way for the backend pods to see the original client IP?", "如何让
 * nginx 日志里看到真实客户端 IP？". Reports from application trackers ask it so: what the backend sees, logs or receives.
 * Not the asker reading a value ("how do I see which IP the pod has", "how can I see the source IP in tcpdump"): the
 * seeing is the backend's, or of the real client's address.
 */
const BACKEND_SEES_ASK =
  /\b(?:how\s+(?:can|could|do|does|should|would|to)|(?:is there|any) (?:a |any )?way\s+(?:for|to))\s+(?:(?!i\b|we\b|you\b|one\b)[\w.-]+\s+){0,6}?(?:see|receive|log|record|know|get|obtain|retrieve)\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:real|actual|original|true|correct|end[- ]user)\s+(?:client|source|user|remote|visitor)|\bhow\s+(?:can|could|do|does|should|would)\s+(?!i\b|we\b|you\b|one\b)(?:the|my|our|a|an|this|that)\s+(?:[\w.-]+\s+){0,5}?(?:see|receive|log|record|know)\s+(?:the\s+)?(?:client|source|user|remote|visitor)|(?:怎么|怎樣|怎样|如何)(?:才能|才可以|可以|能)?(?:让|讓|使)[^。？?，,]{1,15}?(?:看到|拿到|获取|獲取|得到|获得|獲得|记录到|記錄到|记录|記錄)/i;

/** Whether the asking clauses ask how to get hold of the client's address ("How can I retrieve real client IP?"). */
export function asksToObtain(focus: string): boolean {
  return (OBTAIN_ASK.test(focus) || BACKEND_SEES_ASK.test(focus)) && SOURCE_ADDRESS.test(focus);
}

/** Asking how to read a value: "how to check the proxy mode", "如何查看当前模式". */
const CHECK_ASK =
  /\b(?:how|is there (?:a|any) way|any way)\b[^.?!。？]{0,30}?\b(?:check|see|find out|tell|verify|confirm|determine)\b|(?:怎么|怎樣|怎样|如何)[^。？?]{0,6}?(?:查看|确认|確認|看|检查|檢查)/i;
/**
 * A yes/no question about a value asks for it: "Are there other host ports that need to be open for calico to
 * work?", "是否需要放行 4789 端口？", "是不是要把 MTU 改成 1450？", "Am I tied to certain CIDRs?". Only in a sentence that ends in
 * a question mark.
 */
const WHETHER =
  /\bwhether\b|\b(?:is|are) there\b|^\s*(?:am|can|could) (?:i|we)\b|\b(?:do|does) (?:i|we|you|it|one) (?:need|have)\b|\bshould (?:i|we)\b|是否|是不是|要不要|需不需要|需要不需要|有没有/i;
/**
 * A yes/no question about what something does: "Can a pod be selected by a service before first readiness check
 * pass?", "Is the clusterIP support Ping command?", "ClusterIP 会响应 ping 吗？", and how it is meant to behave ("Is a
 * ClusterIP supposed to answer ping?"), or whether it is published ("Is a StatefulSet pod's DNS name published before
 * the pod is Ready?"). Not a request to people ("Can
 * anyone help", "Do you know", "有人遇到过吗"), nor whether the asker's own pod gets through ("Can the pod reach its
 * gateway?", "pod 能 ping 通网关吗？"): a diagnosis, not what something does. Whether something is done by a means
 * ("是通过 hostNetwork 这个参数来固定 pod 的 IP 吗", "是靠 iptables 来转发的吗"): the line saying what the means does.
 */
const YES_NO_BEHAVIOUR =
  /(?:^|[:：])\s*(?:can|could|does|do|will|would|should)\s+(?!(?:i|we|you|u|anyone|anybody|someone|somebody|there|this|that|these|those|it|the|my|our|its)\b)\S|(?:^|[:：])\s*(?:is|are)\b[^?]*\b(?:support(?:s|ed)?|able|allowed|supposed to|meant to|reachable|routable|published|resolvable|returned|listed|visible|registered)\b|(?:能|会|會|可以|支持)[^，,。？?通]{0,20}(?:吗|嗎)\s*$|能不能|会不会|會不會|可不可以|支不支持|(?:^|[:：])\s*(?:是|就是)(?:通过|通過|靠|用|借助)[^，,。？?]{2,40}?(?:来|來|去)[^，,。？?]{1,30}(?:的)?(?:吗|嗎)\s*$/i;
/**
 * Asking people, or about the state of the asker's cluster ("Is kube-proxy on that node broken?", "Is my iptables
 * rule wrong?"), or a rhetorical "不就无法访问了吗": no runbook line states that.
 */
const ASKS_PEOPLE =
  /\b(?:anyone|anybody|someone|somebody|you|help|bug|issue|problem|possible|idea|know|correct|right|expected|normal|broken|misconfigured|wrong|running|working|down|healthy|fine|ok|my|our)\b|有人|有谁|有誰|大家|大佬|知道|遇到|帮忙|幫忙|正常|问题|問題|bug|对吗|對嗎|对不对|對不對|不就|什么|什麼|怎么|怎麼/i;

/** Asking people, not what something does: "Can anyone explain why ...", "有人知道为什么吗". */
const PEOPLE_ASKED = /\b(?:anyone|anybody|someone|somebody)\b|有人|有谁|有誰|大家|大佬|帮忙|幫忙/i;

/**
 * A why question about whether something can or does happen: "why can't ping svc", "Why does a ClusterIP answer
 * ping under IPVS?", "为什么这个 ClusterIP 能 ping 通？", and why a thing must or should be so ("Why must Calico use
 * VXLAN on Azure?"). The runbook line that states the behaviour (what the thing does or doesn't, or when) explains
 * it. Not "why is it slow" nor "为什么会这样" (what went wrong: a diagnosis). A Chinese subject can be long ("为什么
 * hostNetwork 模式下的 Pod 访问 Service 的 ClusterIP 会超时"): up to 60 characters before its verb. Whether an address
 * is given at all ("Why is no external IP assigned", "为什么外部 IP 一直分配不到") is asked the same way.
 */
const WHY_BEHAVIOUR =
  /\bwhy\s+(?:can(?:not|'?t)?|cann'?t|could(?:n'?t)?|does(?:n'?t)?|do(?:n'?t)?|won'?t|will|would(?:n'?t)?|must|should(?:n'?t)?|needs? to|ha(?:s|ve) to)\s+(?!(?:you|u|anyone|anybody|someone|somebody)\b)\S|(?:为什么|為什麼|为啥|為啥)[^，,。？?]{0,60}?(?:(?:能|不能|无法|会|不会|可以)(?!这样|這樣|这么|這麼|如此|\s*[？?。，,]|\s*$)|不通|通不了|(?:连|連|访问|訪問)不(?:上|到|了)|分配不到|没有?分配)|\bwhy\s+(?:is|are|was|were)(?:n'?t)?\s+(?:no|not|never)?[^?.,;]{0,40}?\b(?:assigned|allocated)\b/i;

/**
 * Asking whether what was just said is normal, or why it happens: "抓包看到 length 65000 的包，比 mtu 大很多，正常吗",
 * "kubelet probe requests come from 100.64.0.3, is that expected?", "Is it normal that ...?", "... 然后 curl 是正常的，
 * 这是为啥？". What the asker saw is stated beside the ask; only a line saying it is by design ("属正常现象") answers.
 * Not "is it working" (the state of the asker's cluster), nor "为什么会这样" alone in a report that names no
 * behaviour (the by-design lines are few and each names its behaviour: the words pick it or nothing).
 */
const BY_DESIGN_ASKED =
  /正常(?:的|现象|現象)?(?:吗|嗎|么|麼|不)|是否正常|是不是正常|(?:符合预期|符合預期|预期的|預期的|预期内的|預期內的|预期行为|預期行為)(?:吗|嗎)|(?:这|這|那)(?:是|又是)?(?:为啥|为什么|為什麼|為啥|什么原因|什麼原因)|\b(?:is|are)\s+(?:that|this|it|these|those)(?:\s+behaviou?r)?\s+(?:(?:an?|the)\s+)?(?:expected|normal|intended|by design)\b|\bwhy (?:is (?:that|this)|does (?:this|that) happen)\b/i;
/**
 * Asking whether the asker got it wrong, or what it has to do with: "Am I doing something wrong here?", "Did I miss
 * something?", "Could this have something to do with not using KubeDNS?", "是不是我哪里配置错了？". What was seen, or
 * named, is asked about: whether the thing works that way.
 */
const OWN_MISTAKE_ASKED =
  /\b(?:am i|are we) doing (?:something|anything) wrong\b(?:\s+here)?|\bwhat am i (?:doing wrong|missing)\b|\bdid (?:i|we) miss (?:something|anything)\b|\b(?:could|does|can|would|might) (?:this|that|it) have (?:something|anything) to do with\b|(?:是不是|是否)我?(?:哪里|哪裡)(?:配置|设置|設置|写|寫)?(?:错|錯)了?|我(?:哪里|哪裡)(?:配置|设置|設置|写|寫)?(?:错|錯)了/i;
/**
 * Asking whether something can be done, without an interrogative: "any way to provide this ability?", "Is there a way
 * to make flannel enforce policies?", "有没有办法让 flannel 拦截流量？", "能否让 flannel 拦截流量？". A line saying what the
 * thing does or doesn't answers it (asked only when nothing else is). Not "would it be possible" nor "is it
 * expected": in real reports those ask about the asker's own setup, and a line picked for them led wrong.
 */
const POSSIBLE_ASK =
  /^\s*(?:(?:is|are) there (?:a|any) (?:ways?|means) to\b|any (?:ways?|means) to\b)|^\s*(?:有没有|有無|有没)(?:什么|啥)?(?:办法|辦法|方法)|^\s*能否/i;
/** What was seen is a failure: "not able to access", "connection refused", "ping 不通", "访问超时". */
const FAILURE_SEEN =
  /\b(?:not able to|unable to|can(?:no|')t|cannot|could(?:n't| not)|fails?|failed|failing|timed? ?out|times out|refused|unreachable|doesn't work|not working)\b|不通|无法|無法|失败|失敗|超时|超時|拒绝|拒絕|不能/i;
/** "正常吗" ending a clause asks without its question mark ("比 mtu 大很多，正常吗"). */
const SELF_ASKING = /(?:吗|嗎)\s*$/;
/** The words of a by-design ask (and a 请问 before it), leaving what the asker saw. */
const BY_DESIGN_WORDS = new RegExp(`(?:${BY_DESIGN_ASKED.source})(?:\\s+behaviou?r)?|请问|請問`, 'gi');
/**
 * A statement put to be judged: "Flannel networks have network policy capabilities. True/False.", "X does Y: true
 * or false?", "flannel 支持 NetworkPolicy，对还是错？". The statement is a yes/no question about what something does.
 */
const TRUE_OR_FALSE =
  /\btrue\s*(?:\/|or)\s*false\b|\bfalse\s*(?:\/|or)\s*true\b|对还是错|對還是錯|是对是错|是對是錯/i;
/**
 * The form stands on its own, after the statement (a sentence or clause of its own, or after a colon): "Should
 * natOutgoing be true or false?" asks for a setting's value, not to judge a statement.
 */
const JUDGE_FORM = new RegExp(`(?:^|[:：])\\s*[\\[(（]?\\s*(?:${TRUE_OR_FALSE.source})`, 'i');
/** What the ask leaves at the end: "这是 ?", ", ?". */
const LEFT_OF_ASK = /[\s,，?？]*(?:(?:这|這|那)(?:是|样|樣)?)?[\s,，?？]*$/u;
/** A clause that says something does not happen: "why can't ping svc", "为什么 pod 无法访问 service". */
export const NEGATED =
  /不会|不能|无法|無法|不通|(?:连|連|访问|訪問)不(?:上|到|了)|不响应|不響應|没有|沒有|\b(?:not|cannot|never|no)\b|n'?t\b/i;
const WHY_START = /^\s*(?:why|为什么|為什麼|为啥|為啥)/i;

/**
 * A condition set off before the main clause of its sentence: "if the docker has a default route which point to the
 * cni0 gateway, is there any need to do SNAT?", "When create pod with annotation ..., Kube-ovn can't do cmdADD",
 * "如果 Pod 走的是默认路由，还需要做 SNAT 吗？". It states the setup the main clause is about; a relative "which" in it asks
 * nothing (a value wanted there still is: "when server hope get client IP, how configure the ingress?"). Not "when"
 * asking the time ("When does kube-proxy masquerade ...?").
 */
const CONDITION_START =
  /^\s*(?:if|unless|although|though|because|since|once|whenever|while|after|before|when(?!\s+(?:do|does|did|is|are|was|were|will|would|should|can|could|must|shall|has|have)\b))\b|^\s*(?:如果|假如|假设|要是|倘若)/i;

/**
 * Asking when something happens: "When does kube-proxy masquerade traffic sent to a ClusterIP?", "kube-proxy 什么时候会做
 * masquerade？". Not "when" starting a condition ("When I curl the service, ...").
 */
const WHEN_ASKED =
  /^\s*when\s+(?:does|do|did|is|are|will|would|should|can)\b|什么时候|什麼時候|何时|何時|什么情况下|什麼情況下/i;

/** "So my question is: Can a pod ...": what leads in to the question is not asked. */
const LEAD_IN = /^[^:：]*[:：]\s*(?=(?:can|could|does|do|will|would|is|are)\b)/i;

/**
 * Asking what does something: "Who answers ARP for ...", "Who assigns ...", "谁来应答 ...". Not asking people ("who can
 * help", "who knows", "有谁遇到过").
 */
const WHO_ASKS =
  /^\s*who\s+(?!(?:can|could|knows?|has|have|is|are|was|were|will|would|should|did|does|do|else|here)\b)[a-z]+|谁(?:来|在|会|會)?(?:应答|應答|响应|響應|回应|回應|回复|回覆|分配|负责|負責|处理|處理|配置|设置|設置|创建|創建)/i;
/** Choices offered: "the Service port 53 or the DNS pods' targetPort", "Service 的 53 还是 Pod 的 targetPort". */
const CHOICES = /^(?!\s*(?:or|还是|還是)\b)[^?？]*?\S\s+or\s+\S|\S\s*(?:还是|還是)\s*\S/i;
/**
 * A yes/no question whose next sentence offers the other choice asks between them: "这个IP是我们服务器的网关地址吗？
 * 还是calico自用的IP？", "Is it the node's gateway? Or an address calico uses itself?".
 */
const ASKS_YES_NO = /吗|嗎|^\s*(?:is|are|was|does|do)\b/i;
const OTHER_CHOICE = /^\s*(?:还是|還是|or\b)/i;
/**
 * Asking to explain what was just stated: "Could anyone make some explanation for that?", "what does this mean",
 * "这个是什么意思". Only of a clause that refers back to it; "这是什么情况" asks what went wrong, not what the value is.
 */
const EXPLAIN =
  /\bexplain(?:s|ed)?\b|\bexplanation\b|\bwhat (?:is|are|does|do) (?:it|this|that|these|those)\b|(?:是什么|是什麼|是啥)(?!情况|情況|原因|问题|問題)|什么意思|什麼意思|啥意思/i;
/** A value a statement gives: an address or a CIDR. */
const STATED_VALUE = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![\d.])/g;
/** A clause about what was asked or stated before it: "how to configure it", "怎么改这个". */
const REFERS_BACK = /\b(?:it|this|that|them|these|those)\b|它|这个|這個|此/i;
/**
 * Why / how-to questions ask for an explanation or a procedure, not a value; "what does a 'subnet' mean" asks what
 * a word means (not "what does this mean" of a value just stated, which asks to explain the value).
 */
const NOT_A_VALUE =
  /\bwhat (?:does|do) (?!(?:it|this|that|these|those)\b)(?:an? |the )?['"‘“]?[\w-]+['"’”]? mean\b|为什么|為什麼|为啥|為啥|\bwhy\b|how (?:do|to|can|could|should)\b|怎么|怎麼|如何|difference|区别|區別|\bwhere (?:can|could|do|should|would|to) (?:i |we |you |one )?(?:get|download|obtain|buy)\b|(?:从哪|從哪|在哪)(?:里|裡|儿|兒)?(?:下载|下載|获取|獲取)/i;
/**
 * Asking which way traffic goes: "DirectRouting 打开后同网段和跨网段分别怎么走？", "流量走哪条路". Not "怎么走通" (how to
 * get it working).
 */
const ROUTE_ASKED = /(?:怎么|怎麼|如何)走(?!通)|走(?:哪条|哪條|哪里|哪裡)(?:路)?/;
/** An aside in brackets: "(我也不知道为什么要这样配置)", "(not sure why)". */
const ASIDE = /[(（][^()（）]*[)）]/g;
/** Words before "which"/"where" that make it ask indirectly ("I want to know which", "check where"). */
const ASKS_INDIRECTLY = 'know|find|see|tell|show|check|out|wonder|sure|and|so|but|or|ask|asking|understand';
/** Verbs after a relative "which" in a statement: "the parameter which affects this timeout is …". */
const RELATIVE_WHICH_VERBS = [
  'affects|affected|controls|controlled|determines|determined|defines|defined|sets|specifies|decides|handles|handled',
  'caused|use|uses|used|allows|allowed|contains|includes|shows|showed|says|said|states|stated|leads|led|results|resulted',
  'happens|happened|triggers|triggered|fixes|fixed|solves|solved|resolves|resolved|helps|helped|seems|seemed|looks',
  'looked|works|worked|applies|applied|depends|belongs|comes|came|goes|went|runs|ran|points|pointed|matches|matched',
  'breaks|broke|blocks|blocked|drops|dropped|explains|explained|describes|described',
].join('|');
/**
 * "which" and "where" in a statement relate a clause to a noun ("port 8080, which is a port that kubespray
 * uses", "the node where the pod is deployed", "the parameter which affects this timeout"); they ask only in a
 * question, or where a clause starts with them.
 */
const RELATIVE = new RegExp(
  [
    '(?<![a-z])which(?=\\s+(?:is|was|are|were|has|have|had|means?|makes?|causes?|can|could|will|would|should|may|might)\\b)',
    `(?<=[a-z0-9)]\\s+)(?<!\\b(?:${ASKS_INDIRECTLY}|about|on|in|to|of|for|is|are|from|at|by)\\s+)which(?=\\s+(?:${RELATIVE_WHICH_VERBS})\\b)`,
    `(?<=[a-z0-9)]\\s+)(?<!\\b(?:${ASKS_INDIRECTLY})\\s+)where(?![a-z])`,
    '^\\s*where(?![a-z])(?!\\s+(?:do|does|did|is|are|was|were|can|could|should|will|would)\\b)',
  ].join('|'),
  'gi',
);
/**
 * A statement's clause that goes on after a comma with "which" and a verb ("…the bridge gateway (e.g. 172.22.0.1) as that
 * address, which works on Linux runners", "用 10.244.0.0/16, which uses vxlan") relates to the noun before the comma: it
 * asks nothing. Only after a comma: a statement that starts with it ("Which uses more CPU, iptables or ipvs") asks.
 */
const RELATIVE_AFTER_COMMA = new RegExp(String.raw`^\s*which(?=\s+(?:${RELATIVE_WHICH_VERBS})\b)`, 'i');
/**
 * In a statement, "which" after a noun relates whatever follows to it ("only can access nodeport service from node ip
 * which POD runs", "we use external loadBalancer which sends traffic to NodePort", "timeout error on resolution which in
 * turn causes the app to fail"): the report states its setup, it asks nothing. Not after a word that makes it ask
 * indirectly ("I want to know which"), nor in a question ("Which port, on the node which runs the pod?" is read whole).
 */
const STATEMENT_RELATIVE = new RegExp(
  `(?<=[a-z0-9)]\\s+)(?<!\\b(?:${ASKS_INDIRECTLY}|about|on|in|to|of|for|is|are|from|at|by|with|into|under)\\s+)which\\b`,
  'gi',
);
/**
 * Asking the cause ("请问这是什么原因？", "请指点一下问题出在哪里", "这是什么情况"): a diagnosis, not a value, though the words
 * hold an interrogative ("是什么", "在哪").
 */
const CAUSE_ASKED =
  /(?:是)?(?:什么|什麼|啥)(?:原因|情况|情況|问题|問題)|(?:问题|問題)(?:出在|在)(?:哪里|哪裡|哪儿|哪兒|哪)/g;
/**
 * Asking what would follow from a case: "What if 172.17.0.1/16 is conflicting with our internal network?", "what
 * happens if the node port range overlaps", "如果 Pod 网段和内网冲突会怎样？". It asks a consequence, not a value: a
 * line holding a value of the kind the case names answers nothing (leadAsk only; the words still say which runbook).
 */
const CONSEQUENCE_ASKED =
  /^\s*(?:(?:and|but|so|then|also)\s+)?what\s+(?:if|happens|would happen|will happen)\b|(?:如果|要是|假如|万一|萬一)[^。？?]{1,40}?(?:会怎样|會怎樣|会怎么样|會怎麼樣|会如何|會如何|怎么办|怎麼辦|会有什么影响|會有什麼影響|有什么影响|有什麼影響)/i;
const STATED_DEFAULT =
  /\bby default\b|\bdefaults? to\b|\bdefault(?:ed|s) (?:to|is)\b|\bdefault (?:gateway|route) (?:interface|nic|device)\b/gi;
/** "What mode does it use when mode is empty", "不配置时用什么": the default is asked. */
const UNSET =
  /\b(?:when|if)\b[^.?!,]{0,30}?\b(?:is|are)\s+(?:left\s+)?(?:empty|unset|blank|omitted|not set|not specified|not configured)\b|\b(?:when|if) (?:it is )?(?:left )?(?:unset|not set|not specified|not configured)\b|未配置|不配置|没有配置|沒有配置|没配置|沒配置|未(?:明确|明確)?指定|不指定|没有指定|沒有指定|没指定|沒指定/i;
/**
 * Asking what something returns or resolves to: "What does a DNS lookup of a headless Service return?", "headless
 * Service 的域名解析返回什么？", or whether it returns something ("Does a headless Service's DNS name return a record
 * for every pod?", "headless Service 的域名会返回每个 Pod 的 IP 吗？"): the line saying what it returns answers both.
 * Not what the asker's own command returned ("what did my curl return", "does my query return"): a diagnosis. Nor
 * "Should it return pods that are not Ready?": whether what was seen is expected, which the rule on the asker's
 * condition answers ("只有 Ready 端点出现在 DNS 中"), not the line saying what it returns.
 */
const RETURN_ASKED =
  /\b(?:what|when) (?:does|do|will|would|should)\s+(?!(?:my|our|it|this|that)\b)[^?]{0,60}?\b(?:return|resolve to|answer with)\b|(?:^|[:：]\s*)(?:does|do|will|would)\s+(?!(?:my|our|it|this|that|these|those|you|i|we)\b)[^?]{0,60}?\b(?:return|resolve to|answer with)\b|(?:返回|解析(?:出|成|为|為))(?:什么|什麼|啥|哪些)|(?:会|會|能)?(?:返回|解析(?:出|成|为|為))[^，,。？?]{1,30}(?:吗|嗎)\s*$/i;

/** Whether the asking clauses ask what something returns ("What does a DNS lookup of a headless Service return"). */
export function asksWhatReturns(focus: string): boolean {
  return RETURN_ASKED.test(focus);
}

/** A tag asking to check what was just said: "right?", "correct?", "isn't it?", "对吧？", "是吧？". */
const TAG_QUESTION =
  /^\s*(?:right|correct|isn'?t (?:it|that)|am i right|is (?:that|this|it) (?:right|correct)|对吧|對吧|是吧|对吗|對嗎|是吗|是嗎|对不对|對不對|没错吧|沒錯吧)\s*$/i;

/**
 * "why is X 26", "why is the X only 26", "why is the flannel.1 MTU 1450", "为什么 X 是 26", "为什么 calico 的 tunl0 MTU
 * 是 1480": a thing (up to four words) and the number it has, ending the clause ("why is port 80 not reachable" asks
 * what went wrong).
 */
const WHY_NUMBER =
  /\bwhy (?:is|are) (?:the )?((?:[A-Za-z][\w.'’-]*\s+){0,3}?[A-Za-z][\w.-]*) (?:(?:set to|only|still|always) )?(\d{2,5})(?=(?:\s+(?:and\s+not|not|instead\s+of|rather\s+than)\s+\d{2,5})?\s*(?:[?？,，;；]|$))|(?:为什么|為什麼|为啥|為啥)\s*([^，,。？?；;\s][^，,。？?；;]{0,29}?)\s*(?:默认|默認)?(?:是|为|為|只有)\s*(\d{2,5})(?=(?:\s*[,，]?\s*(?:而不是|而非|不是)\s*\d{2,5})?\s*(?:[?？,，;；]|$))/i;

/**
 * Why two things are the same: "why is the pod IP of nodelocaldns same as the IP of node?", "为什么 pod 的 IP 和节点 IP
 * 是同一个？". Not a failure to diagnose: the line stating that one equals the other ("Pod IP 等于节点 IP") explains it.
 */
const WHY_SAME =
  /\bwhy\s+(?:is|are|does|do)\b[^?]{1,80}?\b(?:(?:the\s+)?same\s+(?:as|with)|identical\s+to|equal\s+to)\b|(?:为什么|為什麼|为啥|為啥)[^，,。？?]{1,40}?(?:和|与|與|跟)[^，,。？?]{1,30}?(?:相同|一样|一樣|同一个|同一個|一致)/i;

/**
 * Asking the cause of what was just said ("请教大神这个是什么原因？", "这是为什么？", "Wondering how could be duplicated."),
 * after the report says two things are the same ("发现ip与node是同一个地址", "has the same ip address with the worker
 * node"): why they are the same is asked.
 */
const CAUSE_ASKED_BACK =
  /(?:这|這|那)(?:个|個)?(?:是|又是)?(?:什么原因|什麼原因|为什么|為什麼|为啥|為啥)|\bwhy (?:is (?:that|this)|does (?:this|that) happen)\b|\bhow (?:could|can|come)\b[^.?!]{0,20}\b(?:be )?(?:the same|duplicated|identical)\b/i;
/** Asking without a question mark: "Wondering how could be duplicated.", "想知道…". */
const WONDERING = /\bwonder(?:ing)?\b|想知道|请教|請教/i;
const SAME_STATED =
  /(?:和|与|與|跟)[^，,。？?；;]{1,30}?(?:是)?(?:相同|一样|一樣|同一个|同一個)|(?:等于|等於)|\b(?:equals|(?:is|are) equal to)\b|\b(?:has|have|had|is|are|was|were|gets?|got)\s+(?:the\s+)?same\s+(?:[\w-]+\s+){0,3}?(?:as|with)\b/i;

/** "flannel vxlan 端口是？": a question that ends on 是 asks what the thing before it is. */
const ENDS_ASKING_IS = /\p{Script=Han}\s*是\s*$/u;

/** A clause whose last word is its interrogative: "flannel uses which port?" is not, "kube-proxy listens where?" is. */
const ENDS_ON_INTERROGATIVE = /\b(?:where|which)\s*$/i;
/** A yes/no question starts with its verb. */
const YES_NO_START = /^\s*(?:can|could|does|do|did|is|are|was|were|will|would|should|may|might)\b/i;
/** A clause that asks at all (for the bare "default" kind, which needs more than the word). */
/** A clause that starts by asking, with or without its question mark. */
const ASKING_START =
  /^\s*(?:what|which|where(?=\s+(?:do|does|did|is|are|was|were|can|could|should|will|would)\b)|how (?:big|large|many|much))\b/i;
const QUESTIONISH = /[?？]|吗|嗎|呢|\b(?:what|which|can you|could you|tell me|is there)\b|^\s*when\b/i;
/**
 * "the default X" asked for, not "the default namespace / route / deny" as part of a setup, nor the word inside a
 * name ("attachnet.default.ovn.kubernetes.io/logical_switch", "default-ipv4-ippool").
 */
const DEFAULT_ASKED =
  /(?<![\w.$-])default(?![\w-]|\.\w)(?!\s*(?:namespace|deny|route|via|-))|默认(?!路由|网关|拒绝|命名空间)|默認(?!路由|網關|拒絕)/i;

/**
 * Clauses of a question: sentences, and their parts joined by commas or "and ... how/why" (a report asks "which
 * port does it use and how do I change it" in one sentence: the first part asks for a value, the second for a
 * procedure). "What VXLAN ID and port does it use" stays whole: "and" there joins two things asked.
 */
const CLAUSES =
  /[。！？；;!?\n]+|[.,、](?=\s|$)|(?:(?<=\p{Script=Han})[,、]|[,、](?=\p{Script=Han}))(?![^(（]*[)）])|\s(?:and|but)\s(?=(?:how|why|what|which|where|when|is|are|can|could|do|does|should|i|we)\b)|(?<=[^\s.,;:!?])\s+(?=(?:Which|What|Where)\s+[a-z])|以及|还有|還有|并且|並且/u;

/** Whether a clause goes on a sentence after its first part (it is not where the sentence starts). */
function goesOn(clause: string, sentence: string): boolean {
  return !sentence.trimStart().startsWith(clause.trimStart());
}

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
 * Whether only lines of one form answer the ask: a why question only a line saying the behaviour is by design
 * ("属正常现象"), a why-same question only a line saying one thing equals the other ("Pod IP 等于节点 IP"). Such lines
 * are few in the whole KB, so every retrieved runbook may offer one, not only those scoring close to the top: the
 * top runbook is the one the report's symptom ranks first, and rarely the one explaining it is normal.
 */
export function onlyOneForm(ask: FactAsk): boolean {
  return ask.why === true || ask.same === true;
}

/**
 * The value the question asks for, or null when it is not a fact question. One answer asks it of the same
 * question up to three times (which doc leads, whether to answer anyway, the answer itself): a long question's
 * clauses are read once.
 */
export const factAsk: (question: string) => FactAsk | null = rememberRecent((question) =>
  askedFact(question, false),
);

/**
 * The value the answer quotes a line for, read more strictly than factAsk: a report that only states its setup
 * ("from node ip which POD runs") or asks the cause ("请问是什么原因") asks none, so no line leads its answer. At 3 a.m.
 * a lead that answers nothing is noise. Which runbook leads and whether to answer still follow factAsk: a value
 * word in such a report ("端口", "ip address") still says which runbook it is about.
 */
export const leadAsk: (question: string) => FactAsk | null = rememberRecent((question) =>
  askedFact(question, true),
);

/**
 * The headings of an issue template ("What happened:", "What you expected to happen:") label the report's parts;
 * they ask nothing.
 */
const TEMPLATE_LABEL =
  /\b(?:what happened|what (?:you|did you) expect(?:ed)? to happen|what did you do|how to reproduce it|anything else we need to know|what would you like to be added|why is this needed)\b[^:?\n]{0,40}[?:]/gi;

/** The behaviour an issue template's "What you expected to happen:" says should happen ("Ping should answer"). */
const EXPECTED_BEHAVIOUR =
  /\bwhat (?:you|did you) expect(?:ed)? to happen\b[^:?\n]{0,40}[?:]\s*([^.?!\n]*?\bshould\b[^.?!\n]*)/i;

/**
 * Traditional Chinese read as simplified (請問 calico 預設的 MTU 是多少 → 请问 calico 预设的 MTU 是多少), and the words a
 * Taiwan text uses for what the runbooks call otherwise: 预设 (默认), 闸道 (网关), 逾时 (超时), 界面 (接口). Only runs of
 * Han text with a traditional character are converted: the phrase conversion would read a simplified 文件 (a file)
 * as a Taiwan one (文档, a document), and the case of a camelCase key or an ENV_VAR is kept.
 */
const HAN_RUN = /[\u2e80-\uffff]+/g;
const SAME_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/预设|缺省/g, '默认'],
  [/闸道/g, '网关'],
  [/逾时/g, '超时'],
  [/界面/g, '接口'],
];

export function asSimplified(text: string): string {
  if (!/[\u2e80-\uffff]/.test(text)) return text;
  let out = text
    .normalize('NFKC')
    .replace(HAN_RUN, (run) => ([...run].some((char) => foldText(char) !== char) ? foldText(run) : run));
  for (const [word, same] of SAME_WORDS) out = out.replace(word, same);
  return out;
}

/** `strict`: a relative "which" in a statement and a cause asked ask no value (leadAsk). */
function askedFact(question: string, strict: boolean): FactAsk | null {
  const text = withUnmarkedQuestions(
    withSetToWhat(asSimplified(question.replace(TEMPLATE_LABEL, ' ').normalize('NFKC'))),
  );
  const asking: string[] = [];
  const kinds = new Set<ValueKind>();
  /** The last clause that asked nothing, when it states a default, with the kinds of value it names. */
  let previous: { clause: string; kinds: ValueKind[] } | null = null;
  /** Every clause that asked nothing but states a default, and whether a clause before it asked. */
  const defaults: Array<{ clause: string; kinds: ValueKind[]; afterAsking?: boolean }> = [];
  let asksDefault = false;
  /** The clauses that ask how to change something and name no value. */
  const changeOnly: string[] = [];
  /** The yes/no questions about what something does, asked only when nothing else is. */
  const behaviours: string[] = [];
  /** Statements put to be judged true or false: yes/no questions about a behaviour. */
  const judgedStatements: string[] = [];
  /** Whether a why question about a behaviour says it happens. */
  let affirmed = false;
  /** Whether a behaviour was asked by a why question. */
  let whyAsked = false;
  /** Whether why two things are the same was asked. */
  let sameAsked = false;
  /** Whether the clause before this one was pushed as asking (the choices after it belong to it). */
  let askedLast = false;
  /** The last clause that asked nothing and gave a value (an address, a CIDR), with the values. */
  let lastValued: { clause: string; kinds: ValueKind[]; values: string[] } | null = null;
  const explained = new Set<string>();
  /** The values given to be checked by the clauses asking ("should the MTU be 1450?"). */
  const checked = new Set<string>();
  /** The asking clauses that ask which traffic, or when, the source is rewritten. */
  const ruleClauses = new Set<string>();
  /** The asking clauses that ask what a named thing is for ("What is clusterCIDR used for?"). */
  const purposeClauses = new Set<string>();
  /** The asking clauses that ask why a named setting is needed ("为什么需要开启 bridge-nf-call-iptables"). */
  const neededClauses = new Set<string>();
  /** Whether a clause asked for a value it names itself (then what was explained only adds to it). */
  let askedOwn = false;
  const clauses = clausesOf(text);
  /** The sentence before the one of this clause ("这是为啥" asks about what it says). */
  let lastSentence = '';
  let thisSentence = '';
  /** Where the last change naming no value, and the last behaviour question, were asked (clause index). */
  let changeAt = -1;
  let behaviourAt = -1;
  let behavioursSeen = 0;
  // Each clause on its own: a why or how-to elsewhere in a long report does not cancel a value asked here.
  for (const [at, { clause: part, question: isQuestion, sentence }] of clauses.entries()) {
    if (behaviours.length > behavioursSeen) {
      behavioursSeen = behaviours.length;
      behaviourAt = at - 1;
    }
    if (sentence !== thisSentence) {
      lastSentence = thisSentence;
      thisSentence = sentence;
    }
    // "Why is defaultIppoolSize 26?", "为什么 blockSize 是 26？": why a thing has the number it has; the line that
    // states that number for it explains it (a design default), as a value stated and asked about does.
    // "Flannel networks have network policy capabilities. True/False.": the statement before the form, in its own
    // sentence or before it in the same one, is asked as a yes/no question about a behaviour.
    if (JUDGE_FORM.test(part)) {
      const before = sentence.slice(0, sentence.search(TRUE_OR_FALSE)).replace(/[\s:：,，[(（]+$/u, '');
      const judged = (/\p{L}{2,}/u.test(before) ? before : lastSentence).trim();
      if (judged !== '' && !ASKS_PEOPLE.test(judged)) judgedStatements.push(judged);
      continue;
    }
    // "...the IP listed for the headless service is the cluster IP. Am I doing something wrong here?": whether what
    // the asker saw is how the thing works; the sentence before says what was seen, and a line saying what the
    // thing does answers it (asked only when nothing else is). Not when what was seen is a failure ("not able to
    // access it using node ip & port. Am I doing anything wrong?"): that asks for a diagnosis.
    if (isQuestion && OWN_MISTAKE_ASKED.test(part)) {
      const seen = `${lastSentence} ${sentence.replace(OWN_MISTAKE_ASKED, ' ')}`
        .replace(LEFT_OF_ASK, '')
        .trim();
      if (/\p{L}{3,}|\p{Script=Han}{2,}/u.test(seen) && !FAILURE_SEEN.test(seen)) behaviours.push(seen);
      continue;
    }
    // "发现ip与node是同一个地址，如下所示：…。请教大神这个是什么原因？": the sentence saying they are the same is asked.
    const sameSeen =
      CAUSE_ASKED_BACK.test(part) &&
      (isQuestion || SELF_ASKING.test(part) || at === clauses.length - 1 || WONDERING.test(part))
        ? clauses
            .slice(0, at + 1)
            .map(({ sentence: said }) => said)
            .find((said) => SAME_STATED.test(said))
        : undefined;
    if (sameSeen) {
      // Pasted pod rows after "如下所示：" are what was seen, not words a line shares.
      behaviours.push(withoutPodRows(sameSeen.trim()));
      sameAsked = true;
      continue;
    }
    // "Why do these pods show the node's address instead of a pod-network address?": why a pod has its node's IP is
    // why the two are the same.
    if ((isQuestion || at === 0) && (WHY_SAME.test(part) || (WHY_START.test(part) && podHasNodeIp(part)))) {
      behaviours.push(part.trim());
      sameAsked = true;
      continue;
    }
    // "the flannel vxlan port is 8472, right?", "tunl0 的 MTU 是 1480，对吧？": a tag asks to check the statement before
    // it, as "is 8472 right?" does.
    const tagged = isQuestion && TAG_QUESTION.test(part) ? clauses[at - 1] : undefined;
    if (tagged && tagged.sentence === sentence && !FAILURE_SEEN.test(tagged.clause)) {
      const statedKinds = kindsIn(tagged.clause);
      const given = checkedValues(tagged.clause);
      if (kindsGiven(tagged.clause, statedKinds).length > 0 && given.length > 0) {
        if (!asking.includes(tagged.clause.trim())) asking.push(tagged.clause.trim());
        for (const kind of statedKinds) kinds.add(kind);
        for (const value of given) checked.add(value);
        askedOwn = true;
        continue;
      }
    }
    const whyNumber = isQuestion ? WHY_NUMBER.exec(part) : null;
    const whyOther = whyNumber ? null : whyNumberAsked(part, isQuestion);
    if (whyNumber || whyOther) {
      const number = whyNumber?.[2] ?? whyNumber?.[4] ?? whyOther ?? '';
      asking.push(part.trim());
      kinds.add('count');
      explained.add(number);
      continue;
    }
    // "Who answers ARP for 169.254.1.1?", "谁来应答 169.254.1.1 的 ARP？": what takes the part of an address the
    // question names; the line that states that address says what stands behind it.
    const actorOf = isQuestion && WHO_ASKS.test(part) ? part.match(STATED_VALUE) : null;
    if (actorOf) {
      asking.push(part.trim());
      kinds.add(actorOf.some((value) => value.includes('/')) ? 'cidr' : 'addr');
      for (const value of actorOf) explained.add(value);
      askedLast = true;
      continue;
    }
    // "容器、docker0、flannel这三者MTU应该一致，使用VXLAN的话应该是多少？": a Chinese clause that asks without naming
    // what is asked it names in the rest of its sentence.
    const said =
      part !== sentence &&
      /\p{Script=Han}/u.test(part) &&
      ASKS.test(part) &&
      kindsIn(part, false).length === 0
        ? sentence
        : part;
    // "by default flannel uses ...", "defaults to 127.0.0.53", "the default gateway interface" describe the
    // setup; they do not ask.
    // In a question ("use by default?", "what mode is it in by default"), "by default" asks for the default.
    // "Can flannel be used in a cluster where nodes are interconnected by routers?": in a yes/no question too, "where"
    // and "which" after a noun relate a clause to it.
    // "ipBlock.cidr does not block connection on the node where the pod is running?": a statement put as a question
    // asks whether it is so; as in a yes/no question, "where" and "which" after a noun relate a clause to it. Not
    // one ending on it ("kube-proxy listens where?"): that asks.
    const clause = isQuestion
      ? YES_NO_START.test(said) || (!ASKING_START.test(said) && !ENDS_ON_INTERROGATIVE.test(said))
        ? said.replace(RELATIVE, ' ')
        : said
      : ASKING_START.test(said)
        ? said.replace(RELATIVE, ' ').replace(goesOn(said, sentence) ? RELATIVE_AFTER_COMMA : /$^/, ' ')
        : said
            .replace(STATED_DEFAULT, ' ')
            .replace(RELATIVE, ' ')
            .replace(strict ? STATEMENT_RELATIVE : /$^/, ' ');
    const questionish = isQuestion || QUESTIONISH.test(clause);
    const asksReturn = isQuestion && RETURN_ASKED.test(clause);
    // "What is clusterCIDR used for?", "strictARP 的作用是什么": what the thing does, not a value of the kind it names.
    // Its words ask by themselves: a title asks without its question mark ("clusterCIDR 是干什么用的").
    const purposeAsked = asksPurpose(clause);
    const asksRoute = isQuestion && ROUTE_ASKED.test(clause);
    // "With masqueradeAll false, which packets sent to a Service get SNAT?", "哪些流量会被 kube-proxy SNAT？", "When
    // does kube-proxy masquerade ...?": which traffic, or when, the source is rewritten. The rule saying so answers
    // (pick-line reads it from the focus), though the clause names no kind of value.
    // leadAsk only: which runbook leads still follows the value words the clause names.
    const asksRewrite =
      strict && isQuestion && (WHEN_ASKED.test(clause) || ASKS.test(clause)) && aboutSourceRewrite(clause);
    // "check whether the VNI of different devices can be different?", "是否需要放行 4789 端口？": a question
    // about the value.
    const next = clauses[at + 1];
    // leadAsk only: factAsk still reads such a clause for which runbook it is about.
    const conditionOnly = strict && CONDITION_START.test(clause) && next?.sentence === sentence;
    const explains =
      isQuestion && EXPLAIN.test(clause) && (REFERS_BACK.test(clause) || /这|這|那/.test(clause));
    // "How can I retrieve real client IP?": how to get the client's address asks for it (though "how to" asks none).
    const obtains = isQuestion && asksToObtain(clause) && kindsIn(clause).length > 0;
    // "what would be a reason not to set that?", "有什么缺点？", "Any drawbacks?": what the setting costs, asked without
    // an interrogative of its own ("any", "有什么").
    const asksDrawback = isQuestion && DRAWBACK_ASK.test(clause);
    // "I'd like to know the default MTU of flannel vxlan.": a value asked in a statement, of the kind it names.
    const asksStated = asksInStatement(clause) && kindsIn(clause).length > 0;
    // "kube-proxy metrics port?", "coredns 的 metrics 端口？": a short question naming only the thing and the kind of its
    // value asks for that value, as an issue title does; the whole sentence ("集群 Pod 网段，跨节点不通？" asks why).
    // "Port for flannel vxlan?": a title naming the kind first, then whose value it is. "跨节点不通，请问 flannel vxlan
    // 的端口？": a polite lead (or 呢) marks the phrase as the ask, though the sentence states a failure first.
    const asksByNoun =
      isQuestion &&
      ((namesOnlyValue(clause) &&
        !FAILURE_SEEN.test(sentence) &&
        clauses.every((other, i) => i === at || other.sentence !== sentence)) ||
        (asksValueByHanNoun(clause) && !FAILURE_SEEN.test(clause)));
    // "should the pod MTU be 1450?", "flannel 的 vxlan 端口应该是 8472 还是 4789？": a value given to be checked asks for
    // the value of its kind. Not a failure seen with it ("mtu 1450 的包还是不通"): that asks for a diagnosis.
    const checksValue =
      (isQuestion || SELF_ASKING.test(clause)) &&
      !FAILURE_SEEN.test(clause) &&
      checkedKinds(clause, kindsIn(clause)).length > 0;
    // "Node NIC MTU is 1500 ... Should the pod MTU be lower than the NIC MTU?": how a value should compare with
    // another asks for the value of the kind it names, though no value is given to check.
    const comparesValue =
      (isQuestion || SELF_ASKING.test(clause)) &&
      !FAILURE_SEEN.test(clause) &&
      asksComparedValue(clause) &&
      kindsIn(clause).length > 0;
    // "Does a default deny-all egress policy also block DNS?", "默认拒绝的 egress 策略也会拦 DNS 吗？": a default deny,
    // namespace or route names the setup; the word asks for a default only where DEFAULT_ASKED reads it so.
    // "请问这是什么原因？", "问题出在哪里": its interrogative asks the cause; the clause asks no value nor a behaviour.
    const causeAsked =
      strict &&
      ((ASKS.test(clause) && !ASKS.test(clause.replace(CAUSE_ASKED, ' '))) || CONSEQUENCE_ASKED.test(clause));
    const asks =
      (!causeAsked && !conditionOnly && ASKS.test(clause)) ||
      (questionish && DEFAULT_WORD.test(clause) && DEFAULT_ASKED.test(clause)) ||
      (isQuestion && WHETHER.test(clause)) ||
      (isQuestion &&
        ASKS_YES_NO.test(clause) &&
        next !== undefined &&
        next.sentence !== sentence &&
        OTHER_CHOICE.test(next.clause)) ||
      asksReturn ||
      purposeAsked ||
      asksRoute ||
      asksRewrite ||
      explains ||
      obtains ||
      asksDrawback ||
      asksStated ||
      asksByNoun ||
      checksValue ||
      comparesValue ||
      (isQuestion && ENDS_ASKING_IS.test(clause));
    // "怎么才能让prometheus只采集9153端口？", "how can I make flannel use port 8472?": making a thing use a value it
    // names asks for the setting that picks it.
    // "How do I run calico in BGP mode?", "默认可以改成BGP吗": how to get to a mode asks for the setting that selects it.
    const change =
      !conditionOnly &&
      (CHANGE_ASK.test(clause) ||
        (MAKE_USE_ASK.test(clause) && kindsIn(clause).length > 0) ||
        asksForMode(clause));
    // "how to check the proxy mode of kube-proxy", "怎么查看 pod 的 MTU": the current value of what it names.
    const check = !change && CHECK_ASK.test(clause) && kindsIn(clause).length > 0;
    const stated = previous;
    previous = null;
    if (causeAsked) continue;
    // "Which port does the egress rule have to allow, the Service port 53 or the DNS pods' targetPort?", "该放行哪个
    // 端口，Service 的 53 还是 Pod 的 targetPort？": the choices offered after the asking clause are what it asks between.
    if (!asks && !change && isQuestion && askedLast && CHOICES.test(clause)) {
      asking[asking.length - 1] = `${asking.at(-1)} ${clause.trim()}`;
      continue;
    }
    askedLast = false;
    const given = lastValued;
    if (!asks && !change) {
      const values = clause.match(STATED_VALUE);
      lastValued = values ? { clause, kinds: kindsIn(clause), values } : null;
    }
    // "（我也不知道为什么要这样配置）hostNetwork 的 Pod 到底用哪个 resolv.conf": a why or how in the asker's aside in
    // brackets is a remark; the clause asks what follows it.
    const remarkless = clause.replace(ASIDE, ' ').replace(ROUTE_ASKED, ' ');
    // "Would it be possible for the kube proxy to preserve the source address?": whether it can be done; "any way to
    // provide this ability?" asks it of what the sentence before said.
    if (
      !change &&
      !check &&
      isQuestion &&
      POSSIBLE_ASK.test(clause) &&
      (!asks || kindsIn(clause).length === 0)
    ) {
      const asked = clause.replace(POSSIBLE_ASK, ' ').trim();
      if (/\p{L}{3,}|\p{Script=Han}{2,}/u.test(asked) && !ASKS_PEOPLE.test(asked))
        if (!REFERS_BACK.test(asked)) behaviours.push(clause.trim());
        // "this" is what the sentence before stated; not a question, nor a failure (that asks for a diagnosis).
        else if (!/[?？]\s*$/u.test(lastSentence) && !FAILURE_SEEN.test(lastSentence))
          behaviours.push(`${lastSentence} ${clause}`.trim());
      continue;
    }
    if (!change && !check && (!asks || (NOT_A_VALUE.test(remarkless) && !obtains && !purposeAsked))) {
      // "Are pods that are not ready left out of the headless Service's DNS records?": what readiness does to names.
      if (isQuestion && !asks && asksNamesUnderReadiness(clause) && !PEOPLE_ASKED.test(clause))
        behaviours.push(clause.trim());
      // A Chinese clause ending in 吗 asks without its question mark (a title: "是通过hostnetwork 这个参数来固定pod的ip吗").
      else if (
        (isQuestion || SELF_ASKING.test(clause)) &&
        !asks &&
        (YES_NO_BEHAVIOUR.test(clause) ||
          asksWhatThingDoes(clause.replace(LEAD_IN, '')) ||
          asksHowItWorks(clause.replace(LEAD_IN, ''))) &&
        !ASKS_PEOPLE.test(clause.replace(LEAD_IN, '')) &&
        !NOT_A_VALUE.test(clause)
      )
        behaviours.push(clause.trim());
      // "why do my backend pods see the node IP instead of the client IP": what the asker's own backend sees is how
      // the source is rewritten on the way, not the state of the asker's cluster; only asking people is not asked.
      else if (
        (isQuestion || (at === 0 && WHY_START.test(clause))) &&
        asksWhySourceSeen(clause) &&
        !PEOPLE_ASKED.test(clause)
      ) {
        behaviours.push(clause.trim());
        whyAsked = true;
        if (!NEGATED.test(clause)) affirmed = true;
      } else if (
        // A title asks without its question mark: "why cann't ping svc, the kubernetes svc can ping access".
        (isQuestion || (at === 0 && WHY_START.test(clause))) &&
        WHY_BEHAVIOUR.test(clause) &&
        !ASKS_PEOPLE.test(clause.replace(/为什么|為什麼|为啥|為啥/g, ' '))
      ) {
        behaviours.push(clause.trim());
        whyAsked = true;
        if (!NEGATED.test(clause)) affirmed = true;
      } else if ((isQuestion || SELF_ASKING.test(clause)) && BY_DESIGN_ASKED.test(clause)) {
        // The behaviour is the sentence that asks, and the one before it ("...但是ping不通。然后在容器curl 是正常的
        // 这是为啥？"): what "this" refers to.
        const seen = `${lastSentence} ${sentence}`
          .replace(BY_DESIGN_WORDS, ' ')
          .replace(LEFT_OF_ASK, '')
          .trim();
        if (seen !== '') {
          behaviours.push(seen);
          // "shows my hostNetwork pod with the node's IP. Is it normal that the pod IP equals the node IP?": whether
          // two things being the same is normal is why they are the same; the line saying one equals the other
          // explains it, as it does a why-same question.
          if (SAME_STATED.test(seen)) sameAsked = true;
          else {
            whyAsked = true;
            if (!NEGATED.test(seen)) affirmed = true;
          }
        }
      }
      if (DEFAULT_WORD.test(clause)) {
        previous = { clause, kinds: kindsIn(clause) };
        defaults.push({ ...previous, afterAsking: asking.length > 0 });
      }
      continue;
    }
    if (
      !purposeAsked &&
      /为什么|為什麼|为啥|為啥|\bwhy\b/i.test(remarkless) &&
      !ASKS.test(clause.replace(/\bwhy\b/i, ''))
    )
      continue;
    // "同网段和跨网段分别怎么走": the way traffic takes is a behaviour a line states; the networks named are context.
    const clauseKinds: ValueKind[] = asksRoute || purposeAsked ? ['behaviour'] : kindsIn(clause);
    const own = clauseKinds.length;
    if (own > 0) askedOwn = true;
    // "the default gateway in my container was 169.254.1.1. Could anyone make some explanation for that?": the
    // value stated is what is asked, of the kind its clause names (or its shape).
    if (own === 0 && explains && given) {
      const shaped: ValueKind[] = given.values.some((value) => value.includes('/')) ? ['cidr'] : ['addr'];
      asking.push(given.clause.trim());
      // The kind its clause names ("gateway": the next hop), and its shape: a line stating it as a plain address
      // ("默认网关是一个假地址 `169.254.1.1`") answers too.
      for (const kind of [...given.kinds, ...shaped]) kinds.add(kind);
      for (const value of given.values) explained.add(value);
      if (DEFAULT_WORD.test(given.clause)) asksDefault = true;
      askedLast = true;
      continue;
    }
    if (change) clauseKinds.push('setting');
    // Nothing but "the default ..." asked: the line that states that default.
    if (clauseKinds.length === 0 && questionish && DEFAULT_ASKED.test(clause)) clauseKinds.push('default');
    // "What does a DNS lookup of a headless Service return?": what something gives back is a behaviour a line states.
    // "What does the healthCheckNodePort return on a node without local endpoints?": what a named setting gives back
    // is asked too, not only the setting.
    if (asksReturn && !clauseKinds.some((kind) => kind !== 'setting')) clauseKinds.push('behaviour');
    // "Which IPPool field makes Calico masquerade ...?": a value named is asked; only a clause naming none asks the
    // rule alone.
    const ruleOnly = asksRewrite && clauseKinds.length === 0;
    if (ruleOnly) clauseKinds.push('behaviour');
    if (clauseKinds.length === 0) {
      // "是否可以让 broker 被外部访问？", "whether a pod can be reached from outside": whether something can be done,
      // naming no kind of value, is a yes/no question about what it does (asked only when nothing else is).
      if (isQuestion && asksWhetherCan(clause) && !ASKS_PEOPLE.test(withoutWhetherCan(clause)))
        behaviours.push(clause.trim());
      continue;
    }
    // "Currently the default block is /26. Is there any way to change this?", "... bigger than the serviceSubnet
    // per default. Maybe the default is wrong?": a change or a default asked of what the sentence before stated.
    if (own === 0 && stated && stated.kinds.length > 0) {
      asking.push(stated.clause.trim());
      for (const kind of stated.kinds) kinds.add(kind);
    } else if (own === 0 && !asks && !REFERS_BACK.test(clause)) {
      // "How to configure hosts to support underlay subnets? Where does kubeovn apply the tag?": a change that
      // names no value (nor refers to one asked: "and how to configure it") is asked only when nothing else is.
      changeOnly.push(clause.trim());
      changeAt = at;
      continue;
    }
    // "hostNetwork 的 Pod 仍需要解析服务域名时，dnsPolicy 应该设置成什么": the case the clause before sets is asked too.
    const before = clauses[at - 1];
    const caseSet =
      before && before.sentence === sentence && setsCase(before.clause) ? before.clause.trim() : null;
    if (caseSet && !asking.includes(caseSet)) asking.push(caseSet);
    asking.push(clause.trim());
    if (checksValue) for (const value of checkedValues(clause)) checked.add(value);
    if (purposeAsked) purposeClauses.add(clause.trim());
    if (purposeAsked && asksWhyNeeded(clause)) neededClauses.add(clause.trim());
    // "With masqueradeAll false, which packets get SNAT?": the case belongs to the rule asked.
    if (ruleOnly) for (const asked of [clause.trim(), ...(caseSet ? [caseSet] : [])]) ruleClauses.add(asked);
    askedLast = true;
    for (const kind of clauseKinds) kinds.add(kind);
    if (DEFAULT_WORD.test(clause)) asksDefault = true;
  }
  if (behaviours.length > behavioursSeen) behaviourAt = clauses.length - 1;
  // "我要怎么修改，本地才可以访问？集群外能直接访问 Pod IP 吗？": a report's closing yes/no question about what something
  // does is what it asks, not the change it wondered about before it (which names no value to pick a line by).
  const behaviourLast = closesAfter(clauses, behaviourAt, changeAt);
  if (asking.length === 0 && changeOnly.length > 0 && !behaviourLast) {
    asking.push(...changeOnly);
    kinds.add('setting');
    if (changeOnly.some((clause) => DEFAULT_WORD.test(clause))) asksDefault = true;
  }
  let saysItHappens = false;
  let byWhy = false;
  let bySame = false;
  behaviours.push(...judgedStatements);
  if (asking.length === 0 && behaviours.length > 0) {
    asking.push(...behaviours);
    kinds.add('behaviour');
    saysItHappens = affirmed;
    byWhy = whyAsked;
    bySame = sameAsked;
  }
  // "Can't ping service ... What you expected to happen: Ping should answer.": a report asking nothing else expects a
  // behaviour; only a line saying what is seen is by design answers it (as a why question about the behaviour).
  // "Pods can ping pod IPs but not cluster IPs", "MetalLB assigned IP does not respond to ping?": a failed ping to a
  // Service address, stated or asked about, is answered by the line saying that address does not answer ping by
  // design; when nothing else is asked, or what is asked is about that address ("ClusterIP 到底是什么样的地址？").
  // A report that already asks why, or whether what it saw is expected ("ping kubernetes.default.svc ... 100% packet
  // loss. Is this expected?"), asks it of the failed ping it pasted too: only a by-design line answers either.
  const pinged = asking.length === 0 || byWhy || asking.every((clause) => SERVICE_ADDRESS_NAMED.test(clause));
  const failedPing = pinged ? failedServicePing(question) : null;
  if (failedPing) {
    // The asking clause may be the failed ping itself ("why cann't ping svc, …"): asked once.
    if (!asking.some((clause) => failedPing.includes(clause.trim()))) asking.push(failedPing);
    kinds.add('behaviour');
    byWhy = true;
    // What is asked about is a ping that got no answer: the line saying the address does not answer explains it.
    saysItHappens = false;
  }
  const expected = asking.length === 0 ? EXPECTED_BEHAVIOUR.exec(question.normalize('NFKC')) : null;
  if (expected?.[1]) {
    asking.push(expected[1].trim());
    kinds.add('behaviour');
    byWhy = true;
  }
  // "nginx chart should support dnsPolicy ... need to specify dnsPolicy: ClusterFirstWithHostNet": a report asking
  // nothing that requests a spec field asks for that field's rule (setting-request.ts).
  let requested: string[] = [];
  if (asking.length === 0 && strict) {
    const found = settingRequests(text);
    if (found.sentences.length > 0) {
      asking.push(...found.sentences);
      kinds.add('setting');
      requested = found.fields;
    }
  }
  // "Update kubernetes-cni role to open BGP ports": a report asking nothing that requests a port or protocol opened
  // asks which port or protocol that path uses (port-request.ts).
  if (asking.length === 0 && strict) {
    const found = portRequests(text);
    if (found.length > 0) {
      asking.push(...found);
      kinds.add('port');
    }
  }
  if (asking.length === 0) return null;
  // The default asked for, and stated after the question ("which is the default subnet ...? Expected: the default
  // subnet is ovn-default"): those statements say which default is meant. A default stated before it is the
  // report's own account ("后面的版本默认代理模式为ipvs ... 不配置 mode 时默认用的是哪种代理模式？"), which the
  // question goes on to check: its words would pick the line that repeats the account.
  if (asksDefault)
    for (const stated of defaults)
      if (
        stated.afterAsking &&
        !asking.includes(stated.clause.trim()) &&
        stated.kinds.some((kind) => kinds.has(kind))
      )
        asking.push(stated.clause.trim());
  const focus = asking.join(' ');
  return {
    kinds: [...kinds],
    // A request names the default it wants changed or the setup it has; it asks the field's rule, not its default.
    wantsDefault: requested.length === 0 && (DEFAULT_WORD.test(focus) || UNSET.test(focus)),
    focus,
    ...(requested.length > 0 ? { requested } : {}),
    ...(explained.size > 0 && !askedOwn ? { values: [...explained] } : {}),
    ...(checked.size > 0 ? { checked: [...checked] } : {}),
    ...(saysItHappens ? { affirmed: true } : {}),
    ...(byWhy ? { why: true } : {}),
    ...(bySame ? { same: true } : {}),
    ...(asking.every((clause) => ruleClauses.has(clause)) ? { rule: true } : {}),
    ...(asking.some((clause) => purposeClauses.has(clause)) ? { purpose: true } : {}),
    ...(asking.every((clause) => neededClauses.has(clause)) ? { needed: true } : {}),
  };
}

/** A camelCase key ("which dnsPolicy"): a setting asked for by its name. */
const SETTING_NAME = /\b[a-z]+[A-Z][A-Za-z]+\b/;
/** The setting's name is what the interrogative asks about: "which externalTrafficPolicy value keeps the IP". */
const WHICH_SETTING =
  /\b(?:[Ww]hich|[Ww]hat|WHICH|WHAT)\s+(?:[\w-]+\s+){0,3}[a-z]+[A-Z][A-Za-z]+\b|(?:哪个|哪個|哪种|哪種)\s*[a-z]+[A-Z][A-Za-z]+/;

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

/**
 * The kinds of value a clause asks for. With `amount`, an amount asked of a thing no kind names is a number; without,
 * such a clause names no kind (a Chinese clause whose sentence names it: "...MTU应该一致，使用VXLAN的话应该是多少").
 */
function kindsIn(said: string, amount = true): ValueKind[] {
  // "文件 /etc/kubernetes/kubelet-conf.yml 中 clusterDNS 的值": a file the clause names by its path is where the
  // value is, not what is asked.
  const unnamed = said.replace(FILE_WORD, ' ');
  const text =
    unnamed !== said && VALUE_PATTERNS.path.test(said) && !PATH_ASKED.test(unnamed) ? unnamed : said;
  const kinds = KIND_WORDS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
  // "What should I set FLANNEL_MTU to?": the setting's name says the kind of value it holds.
  for (const kind of kindsNamedBySetting(text)) if (!kinds.includes(kind)) kinds.push(kind);
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
  // "ndots 默认是多少", "how much is the conntrack limit": a number, when no kind is named.
  if (amount && kinds.length === 0 && HOW_MUCH.test(text)) return ['count'];
  // Only when nothing else is asked: "the default podSubnet" asks for its value, a CIDR.
  if (kinds.length === 0 && SETTING_NAME.test(text)) return ['setting'];
  // "What ndots value do pods get": the value of a named option, a number or a code-formatted word.
  if (kinds.length === 0 && subjectAsked(text)) return ['count', 'setting'];
  if (!kinds.includes('setting') && WHICH_SETTING.test(text)) kinds.push('setting');
  // "the MTU of the pod interface", "the IP range": the number is asked, the interface or address is context.
  if (kinds.some((kind) => kind === 'port' || kind === 'mtu' || kind === 'cidr'))
    return kinds.filter((kind) => kind !== 'iface' && kind !== 'ip' && kind !== 'addr');
  // "the gateway address": the role is asked.
  if (kinds.includes('ip')) return kinds.filter((kind) => kind !== 'addr');
  // "flannel 的 vxlan 网卡叫什么名字", "what name does the interface get": an interface's name is the interface asked.
  if (kinds.includes('name') && kinds.includes('iface')) return kinds.filter((kind) => kind !== 'name');
  // "how do I address the pod by its full DNS name": the name is asked, not an IP address.
  if (kinds.includes('name')) return kinds.filter((kind) => kind !== 'addr');
  return kinds;
}

/**
 * The option whose value is asked, named right before the word value: "What ndots value do pods get", "ndots 的值".
 * A line stating that value names it. Not before "setting" or "option": "Which Service setting" names what the
 * setting belongs to.
 */
const SUBJECT_ASKED =
  /\b(?:what|which)\s+(?:(?:the|a|an|default)\s+)?([A-Za-z][\w.-]*)\s+values?\b|(?<![\w.-])([A-Za-z][\w.-]*)\s*的\s*(?:默认)?值/gi;
/** Words that name no option: "what default value", "which other setting". */
const NOT_A_SUBJECT =
  /^(?:the|a|an|this|that|other|same|default|new|old|right|correct|proper|valid|config|kernel)$/i;

export function subjectAsked(focus: string): string | null {
  for (const match of focus.matchAll(SUBJECT_ASKED)) {
    const name = match[1] ?? match[2];
    if (name && !NOT_A_SUBJECT.test(name)) return name;
  }
  return null;
}

/** Asking for an amount: 多少 (not 多少字节, an overhead, nor 多少个, a count named already), how much or many. */
const HOW_MUCH = /多少|how (?:much|many)\b/i;

/** The words that ask for a file by its kind, and the path kind's words without them. */
const FILE_WORD = /(?<!哪个|哪個|什么|什麼|哪些)(?:文件|目录|目錄)/g;
const PATH_ASKED = KIND_WORDS.find(([kind]) => kind === 'path')?.[1] ?? /$^/;

/**
 * "Which resolv.conf option", "which IPPool field", "哪个 kubelet 参数": the words between the interrogative and the
 * kind of setting asked name what the setting belongs to. Only those the rest of the clause does not repeat.
 */
const OWNED_SETTING =
  /\b(?:which|what)\s+((?:[\w.-]+\s+){1,2}?)(?:options?|settings?|fields?|keys?|parameters?|params?|flags?|directives?|(?:environment|env) var(?:iable)?s?)\b|(?:哪个|哪個|什么|什麼)\s*([\w.-]+(?:\s+[\w.-]+)?)\s*(?:的)?\s*(?:参数|參數|选项|選項|字段|配置项|配置項|环境变量|環境變數)/gi;

export function ownerTerms(focus: string): ReadonlySet<string> {
  const owner = new Set<string>();
  for (const match of focus.matchAll(OWNED_SETTING)) {
    const named = termsRead(match[1] ?? match[2] ?? '');
    const rest = termsRead(focus.replace(match[0], ' '));
    for (const term of named.keys()) if (!rest.has(term)) owner.add(term);
  }
  return owner;
}

/** A setting as a question writes it: a --flag, a camelCase key, an ENV_VAR. */
const SETTING_TOKEN =
  /(?<![\w-])--[a-z][a-z0-9-]+|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g;

/**
 * The settings whose value the asking clause asks for, as written: "Which kubelet --hairpin-mode value",
 * "what value should externalTrafficPolicy have", "clusterDNS 的值需要改为多少".
 */
/**
 * The settings the asking clause asks for by name as what is asked: "哪个 dnsPolicy", "which externalTrafficPolicy
 * value". A line that answers names the setting.
 */
export function settingsAskedByName(focus: string): string[] {
  const found = new Set<string>();
  for (const match of focus.matchAll(WHICH_SETTING_NAME)) {
    const name = match[1] ?? match[2];
    if (name) found.add(name);
  }
  return [...found];
}

/**
 * "The load balancing service provides a healthCheckNodePort for checking whether nodes contain pods. Which field
 * tells a load balancer which nodes have local endpoints so requests only go to nodes containing pods?": a setting
 * asked for by what it does, which the report names in a sentence of its own that says the same. The camelCase
 * names of the report's other sentences sharing at least `AROUND_SHARED` terms with the asking clause, when the
 * clause asks for a field and names none.
 */
const AROUND_SHARED = 3;
/**
 * A field of a spec is asked ("which field", "哪个字段"): its name is a camelCase key. Not a setting or mode asked by
 * what it does ("Which Service setting keeps the client source IP", "What mode does it use"): those are values.
 */
const FIELD_ASKED =
  /\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:fields?|keys?)\b|(?:哪个|哪個|什么|什麼)\s*(?:[\w-]+\s*)?字段/i;
const CAMEL_NAME = /\b[a-z]+[A-Z][A-Za-z]+\b/g;

export function settingsNamedAround(question: string, ask: FactAsk): string[] {
  if (!FIELD_ASKED.test(ask.focus) || SETTING_NAME.test(ask.focus)) return [];
  const focusTerms = termsRead(ask.focus);
  const found = new Set<string>();
  for (const sentence of asSimplified(question).split(/[。？！；\n]+|[.?!;]+(?:\s|$)/u)) {
    const names = sentence.match(CAMEL_NAME);
    if (!names || sentence.includes(ask.focus)) continue;
    let shared = 0;
    for (const term of termsRead(sentence).keys()) if (focusTerms.has(term)) shared++;
    if (shared >= AROUND_SHARED) for (const name of names) found.add(name);
  }
  return [...found];
}

/**
 * The first camelCase name after the interrogative is the one asked: "Which dnsPolicy does a hostNetwork pod need"
 * asks for dnsPolicy; hostNetwork is what it is for. The words between are no such names.
 */
const WHICH_SETTING_NAME =
  /\b(?:[Ww]hich|[Ww]hat|WHICH|WHAT)\s+(?:(?![a-z]+[A-Z])[\w-]+\s+){0,3}([a-z]+[A-Z][A-Za-z]+)\b|(?:哪个|哪個|哪种|哪種)\s*([a-z]+[A-Z][A-Za-z]+)/g;

export function askedSettings(focus: string): string[] {
  if (!VALUE_ASKED.test(focus)) return [];
  return [...new Set(focus.match(SETTING_TOKEN) ?? [])];
}
