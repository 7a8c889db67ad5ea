/**
 * Confidence that matches the question: a vague report of broken networking ("网络挂了 pod 之间都不通 急") gets
 * a short clarifying answer (which CNI, which path, what symptom) with the most likely runbooks instead of a
 * confident answer about one of them. Pure.
 */
import type { DocRecord } from '../core/types.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { CHAIN_NAMES } from '../retrieve/pasted.js';
import { headlineOf } from '../retrieve/query.js';
import type { FusedHit } from '../retrieve/types.js';
import { headlineFailsToConnect, pastesClusterFailure } from './failed-connection.js';
import { HELM_STEP_FAILS } from './helm-step.js';
import { extractEntities } from './placeholders.js';
import { headlineStreamFails } from './stream-failure.js';

/** The question reports broken networking (as opposed to something outside the KB's scope). */
export const NETWORK_TROUBLE =
  /网络|網絡|網路|不通|连不上|連不上|访问不了|訪問不了|断了|斷了|挂了|掛了|network|connectivity|unreachable|(?:can'?t|cannot|can not)\s+(?:talk|reach|connect|ping)|not\s+reachable/i;

/** Words that say which part of the datapath, which component or which symptom: each is a specific signal. */
export const SPECIFIC =
  /dns|coredns|nslookup|\bdig\b|resolv|mtu|大包|小包|kubelet|apiserver|api server|\bservice\b|\bsvc\b|clusterip|cluster ip|node ?port|load ?balancer|ingress|egress|外网|外網|公网|公網|internet|external|集群外|叢集外|networkpolicy|network policy|netpol|网络策略|網路策略|iptables|ipvs|kube-proxy|conntrack|geneve|genev|vxlan|ipip|\bbgp\b|\bovn|\bovs\b|tunnel|隧道|跨节点|跨節點|跨主机|跨主機|同节点|同節點|同一节点|同一台|cross[- ]node|same[- ]node|different nodes|hostnetwork|host network|hostport|probe|探针|探針|readiness|liveness|tcpdump|抓包|丢包|丟包|packet loss|refused|拒绝|拒絕|reset|no route|nxdomain|timeout|time out|timed out|超时|超時|\bping\b|\bcurl\b|firewall|防火墙|防火牆|安全组|安全組|security group|snat|masquerade|underlay|vlan|subnet|子网|子網|网段|網段|cidr|\bipam\b|封包|网关|網關|gateway|route|路由|arp|veth|bridge|网桥|網橋|cni0|flannel\.1|tunl0|ovn0|br-int|br-ex/gi;

/** Latin words of any report of broken networking: they say nothing about which part is broken. */
const GENERIC = new Set(
  `a an the is are was were be been it its this that my our all any some each other every anything everything
  and or but not no so to of in on at for from with between after before now still just again please
  pod pods node nodes host hosts cluster clusters k8s kubernetes network networking net connectivity connection
  connections traffic down broken dead work works working worked fail fails failed failing failure issue issues
  problem problems error errors help urgent asap can cannot can't cant could talk reach reachable unreachable
  connect ping each other anymore suddenly everything nothing seems seem looks today`.split(/\s+/),
);
const LATIN_WORD = /[a-z][a-z0-9_.\-/]*[a-z0-9]/gi;

export const CNI_NAMES =
  /kube-?ovn|calico|cilium|flannel|ovn-?k(?:8s|ubernetes)?\b|ovnk|weave|antrea|canal|kindnet|terway|kube-router/i;

/** Every CNI name a text writes (`text.match(CNI_NAMES_ALL)`). */
export const CNI_NAMES_ALL = new RegExp(CNI_NAMES.source, 'gi');

/** Both ends of a path: a pod and a node / service / outside address. */
const ENDS = [
  /pod|容器/i,
  /node|节点|節點|宿主|host/i,
  /service|svc|服务|服務|clusterip/i,
  /外网|外網|公网|公網|internet|external|集群外/i,
];

export interface Vagueness {
  /** Specific signals the question gives: names and addresses, components, symptoms, a path. */
  signals: number;
  cni: boolean;
  path: boolean;
  symptom: boolean;
}

export function vagueness(question: string): Vagueness {
  const text = question.normalize('NFKC');
  const path = pathNamed(text);
  const symptom =
    /timeout|time out|timed out|超时|超時|refused|拒绝|拒絕|reset|no route|nxdomain|丢包|丟包|loss|drop/i.test(
      text,
    );
  const cni = CNI_NAMES.test(text);
  return { signals: signalsOf(text, path, cni, Infinity), cni, path, symptom };
}

/** Both ends of a path are named. */
const pathNamed = (text: string) => ENDS.filter((end) => end.test(text)).length >= 2;

/**
 * The specific signals of NFKC text (see `vagueness`), counted until there are `enough`: the cheap ones first,
 * so a long report with plenty of them is not read word by word for a count nobody needs.
 */
function signalsOf(text: string, path: boolean, cni: boolean, enough: number): number {
  let signals = (path ? 1 : 0) + (cni ? 2 : 0);
  if (signals >= enough) return signals;
  const words = new Set((text.match(SPECIFIC) ?? []).map((word) => word.toLowerCase()));
  if (signals + words.size >= enough) return signals + words.size;
  // Any other technical word (`ProviderNetwork`, `wireguard`, `FORWARD`, `kubectl`) is specific too.
  for (const word of text.match(LATIN_WORD) ?? []) {
    const lower = word.toLowerCase();
    if (GENERIC.has(lower) || words.has(lower)) continue;
    let known = false;
    for (const earlier of words) {
      if (lower.includes(earlier)) {
        known = true;
        break;
      }
    }
    if (known) continue;
    words.add(lower);
    if (signals + words.size >= enough) return signals + words.size;
  }
  signals += words.size;
  const entities = extractEntities(text);
  const named = [
    entities.ips.length,
    entities.ports.length,
    entities.nodes.length + entities.pods.length + entities.services.length + entities.namespaces.length,
    entities.ifaces.length + entities.cidrs.length,
  ].filter((count) => count > 0).length;
  return signals + named;
}

/**
 * A first-turn report of broken networking with fewer than two specific signals, in a cluster whose CNI is not
 * known: answering it confidently would guess the CNI, the path and the cause.
 */
export function needsClarifying(question: string, cniKnown: boolean): boolean {
  if (cniKnown) return false;
  const text = question.normalize('NFKC');
  if (!NETWORK_TROUBLE.test(text)) return false;
  return signalsOf(text, pathNamed(text), CNI_NAMES.test(text), 2) < 2;
}

/**
 * Subjects of other trades (storage, images, compute, certificates, access control, apps, the pod lifecycle and
 * scheduling: a pod stuck terminating, evictions, node drains, quotas, CronJobs, unschedulable pods, taints and affinity, pod security; files mounted
 * with subPath; webhooks and custom resources of the API server; Helm's own failing step, `helm-step.ts`).
 */
const OTHER_SUBJECTS = new RegExp(
  `${String.raw`磁盘|磁碟|disk|镜像|鏡像|\bimages?\b|内存|記憶體|memory|\bcpu\b|证书|證書|certificate|\bcerts?\b|rbac|forbidden|\bpvc\b|\bpv\b|storageclass|volume|存储|存儲|jenkins|java|-xmx|\bbackups?\b|\brestor(?:e|es|ed|ing)\b|snapshots?|备份|備份|快照|\betcd\b|mysql|数据库|資料庫|database|crashloopbackoff|oomkilled|\boom\b|exit code:?\s*\d+|oci runtime|imagepullbackoff|kubeconfig|token|upgrade|升级|升級|rollout|滚动更新|滾動更新|hpa|autoscal|扩容|擴容|cgroup|\bpleg\b|terminating|\bevict(?:ed|ion|ions)?\b|驱逐|驅逐|\bdrain(?:ing)?\s+(?:the\s+)?nodes?\b|kubectl drain|disruption budget|\bquotas?\b|cronjobs?|failedscheduling|unschedulable|\bsubpath\b|webhook|\bcrds?\b|customresourcedefinition|\btaints?\b|tolerations?|affinity|nodeselector|pod ?security|污点|亲和`}|${HELM_STEP_FAILS.source}`,
  'i',
);

/**
 * States any container can end in, whatever its trade: a headline naming only one of them ("CrashLoopBackOff on
 * minikube") says how something failed, not what; the rest of the question says what (a crashing coredns pod is a
 * DNS report).
 */
const CONTAINER_STATES = /crashloopbackoff|exit code:?\s*\d+|oci runtime/gi;

/**
 * Clearly about something else: names a subject of another trade and nothing about networking. The KB is about
 * networking only, so such a question is declined even when a runbook happens to share its words.
 */
export function outsideNetworking(question: string): boolean {
  const text = question.normalize('NFKC').replace(SERVICE_ACCOUNT, ' ');
  // An application failing to connect to a database or cache names that trade, and reports a connection
  // (failed-connection.ts); so does the error it pastes in a cluster when that names a path of the runbooks (`Unknown
  // MySQL server host 'mysql'`, `dial tcp: lookup redis: i/o timeout`).
  if (headlineFailsToConnect(headlineOf(text, 0) ?? text, text) || pastesClusterFailure(text)) return false;
  if (headlineOutsideNetworking(text)) return true;
  if (!OTHER_SUBJECTS.test(text.replace(ROUTINE_EVENTS, ' ')) || NETWORK_TROUBLE.test(text)) return false;
  // The components whose certificates, flags or logs the other trade is about say nothing about a network path.
  const specific = (text.match(SPECIFIC) ?? []).filter((word) => !COMPONENT.test(word));
  return specific.length === 0 && extractEntities(text).ips.length === 0;
}

/** A service account is an identity of the API server, not a Service of the network. */
const SERVICE_ACCOUNT = /\bservice\s?accounts?\b|system:serviceaccount:[\w.:-]*/gi;

/** A quoted error message or log line (words or fields, not a quoted name such as "ovs-ovn"). */
const QUOTED = /"[^"]*[\s:][^"]*"|“[^”]*[\s:][^”]*”|「[^」]*[\s:][^」]*」/g;

/**
 * A long report whose headline (its first sentence, as in query.ts), without the error it quotes, names a
 * subject of another trade and nothing of a network path or CNI, and whose body stays on that trade (names one of
 * its subjects again): 'Cluster restore fails with "127.0.0.1:6444: read: connection reset by peer"' is about
 * restoring a cluster ("Restore from snapshot fails ..."), and the connection error is only where the restore
 * stopped, however much of the pasted log reads like networking; so is a headline that is a pasted error chain
 * (`ERROR_CHAIN`), whatever follows it. A headline saying where the trouble showed
 * ("微服务突然失联 ... 扩容后问题依旧", "FailedScheduling didn't have free ports.") over a body that names only the
 * network cause ("nslookup ... SERVFAIL", "the pod wants HostPort 8080 ... in use") is a network report.
 */
function headlineOutsideNetworking(text: string): boolean {
  const headline = headlineOf(text, RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  if (headline === null || CNI_NAMES.test(headline)) return false;
  const own = headline.replace(QUOTED, ' ');
  if (!otherSubject(own) || NETWORK_TROUBLE.test(own)) return false;
  const specific = (own.match(SPECIFIC) ?? []).filter((word) => !COMPONENT.test(word));
  if (specific.length > 0 || extractEntities(own).ips.length > 0) return false;
  if (ERROR_CHAIN.test(own)) return true;
  const at = text.indexOf(headline);
  const body = at >= 0 ? text.slice(at + headline.length) : text;
  return otherSubject(body.replace(QUOTED, ' ').replace(ROUTINE_EVENTS, ' '));
}

/**
 * A pasted error chain ("kubelet: Exit with error: failed to run Kubelet: ... misconfiguration: ..."): each cause
 * wraps the next, and the innermost says what failed, whatever the log after it shows.
 */
const ERROR_CHAIN = /(?:[^:：\n]+[:：]\s){3}/;

/** Text, without the container states any trade's report may show, names a subject of another trade. */
const otherSubject = (text: string) => OTHER_SUBJECTS.test(text.replace(CONTAINER_STATES, ' '));

/**
 * Routine kubelet events pasted with a report (`kubectl describe pod` output): an image already on the node, a
 * container created or started. They say the pod got that far, not what the report is about.
 */
const ROUTINE_EVENTS =
  /(?:container\s+)?image\s+"[^"]*"\s+already present on machine|successfully pulled image\s+"[^"]*"|(?:created|started)\s+container\s+[a-z0-9][\w.-]*/gi;

/** Control-plane components named by a certificate, upgrade or log question ("kube-apiserver pod logs"). */
const COMPONENT = /^(?:kubelet|apiserver|api server)$/i;

/**
 * Retrieval confidence above which a report naming its CNI is answered from that CNI's own runbook (below 0.5).
 * Measured over the tuning sets (vectors off): from 0.4 to 0.36 two detailed reports whose named CNI's runbook led
 * (0.369, 0.373) were answered instead of declined, and no out-of-scope question was answered (the two such reports
 * naming a CNI between 0.35 and 0.4 are declined by their subject).
 */
export const NAMED_CNI_FLOOR = 0.36;
const DETAILED_SIGNALS = 10;

/**
 * A first-turn report that names its CNI, states a broken path (timeout, refused, no route, drop, unreachable ...)
 * and gives at least ten specific signals (a detailed report, not "calico 跨节点 pod 不通，ping 超时"), whose top hits
 * include that CNI's own runbook close to the first (chat.ts): answered even when retrieval confidence is somewhat
 * under the abstention threshold. The CNI scopes the search, so the runbook is the reporter's datapath, not a guess;
 * an "I don't know" would only repeat what they already said.
 */
export function answerNamedCniReport(question: string, confidence: number, namedCniClose: boolean): boolean {
  if (!namedCniClose || confidence < NAMED_CNI_FLOOR || outsideNetworking(question)) return false;
  const shape = vagueness(question);
  const broken = shape.symptom || NETWORK_TROUBLE.test(question.normalize('NFKC'));
  return shape.cni && broken && shape.signals >= DETAILED_SIGNALS;
}

/**
 * Retrieval confidence above which a detailed report of a broken path is answered (below 0.5). Measured over the
 * tuning sets (vectors off): from 0.43 to 0.41 three detailed reports (0.417-0.427) were answered instead of
 * declined, two with the right runbook first, one with a wrong one (6 more off-topic commands in all); no
 * out-of-scope question was answered (those between 0.41 and 0.43 are declined as another trade's or by subject).
 */
export const DETAILED_REPORT_FLOOR = 0.41;
const DETAILED_REPORT_SIGNALS = 20;

/** A path the reporter could use and cannot any more, in words NETWORK_TROUBLE does not list. */
const CANNOT_USE =
  /(?:can'?t|cannot|can not|unable to|no longer)\s+(?:access|reach|connect|ping|talk|communicate|curl)|not\s+(?:communicating|connecting|accessible)|无法访问|無法訪問|访问不到|訪問不到/i;

/**
 * A first-turn report of a broken network path with at least twenty specific signals (names, addresses,
 * components, pasted commands and output: a detailed report, not a one-line question) is answered when
 * retrieval confidence is somewhat under the abstention threshold. Such a report spreads its words over the
 * versions, logs and output it pastes, so the runbook of its path matches a smaller share of it than a short
 * question in the runbook's own words would; an "I don't know" would leave a reporter who gave everything with
 * nothing. A question about another trade (`outsideNetworking`) still abstains, and so does one whose top
 * runbook is about a CNI the question does not name (`topFitsCni` false, chat.ts): under the threshold the
 * answer does not also guess the reporter's CNI.
 */
export function answerDetailedReport(question: string, confidence: number, topFitsCni: boolean): boolean {
  if (!topFitsCni || confidence < DETAILED_REPORT_FLOOR || outsideNetworking(question)) return false;
  const text = question.normalize('NFKC');
  const shape = vagueness(question);
  const broken = shape.symptom || shape.path || NETWORK_TROUBLE.test(text) || CANNOT_USE.test(text);
  return broken && shape.signals >= DETAILED_REPORT_SIGNALS;
}

/**
 * The runbook of `cni` is the top hit's, or one of the next two runbooks' within `share` of its score: the answer
 * then leads with a runbook of the reporter's own datapath or one standing right next to it.
 */
export function namedCniClose(
  hits: readonly Pick<FusedHit, 'doc' | 'score'>[],
  cni: string,
  ofDoc: (docPath: string) => string | null,
  share: number,
): boolean {
  const top = hits[0];
  if (!top) return false;
  const docs: string[] = [];
  for (const hit of hits) {
    if (hit.score < share * top.score) break;
    if (docs.includes(hit.doc.path)) continue;
    if (ofDoc(hit.doc.path) === cni) return true;
    docs.push(hit.doc.path);
    if (docs.length === 3) break;
  }
  return false;
}

/**
 * Network plugins in wide use that the KB may not cover. Their bare names in a report's body are not read as its
 * subject: a kind cluster's report lists its kindnet pods, a Weave cluster's its weave-net pods, whatever path fails;
 * in its first sentence they are, unless that sentence names a path of any plugin (`uncoveredPlugin`).
 */
export const WIDELY_USED_PLUGINS = [
  'antrea',
  'weave',
  'kube-router',
  'multus',
  'kindnet',
  'terway',
  'romana',
  'contiv',
];

/**
 * Where a text names a network plugin by one of its parts: the plugin's per-node component or CNI binary
 * (`<name>-node`, `<name>-agent`, `<name>-cni`, `<name>-daemon`, `<name>-plugin`, not an object name such as
 * `gpu-node-1`), "<name> plugin" / "<name> CNI" / "<name> 插件", a pasted CNI config's `"type": "<name>"`, or its
 * file under /etc/cni/net.d.
 */
const PLUGIN_NAMED = [
  /(?<![a-z0-9_-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*?)-(?:cni|node|agent|daemon|plugin)(?=$|[^a-z0-9_-]|-[a-z]+(?![a-z0-9_-]))/g,
  /(?<![a-z0-9_-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)[ \t]*(?:\bcni\b|\bplugin\b|插件)/g,
  /"type"\s*:\s*"([a-z][a-z0-9-]*)"/g,
  /cni\/net\.d\/(?:\d+-)?([a-z][a-z0-9-]*)\.conf/g,
];
/** A plugin named this many times is what the question is about, not one it mentions in passing. */
const SUBJECT_MENTIONS = 2;

/**
 * Whether `<name>-node` is a node's own name in a node listing ("kubectl get node shows master-node Ready and
 * philinh-node Ready"): kubectl's status column (`Ready`, `NotReady`, as written) follows it, where a plugin's
 * per-node pod shows its containers ("calico-node-8chkg 1/2 Running") and prose says "calico-node not ready". Such a
 * name is the cluster's host, not a plugin's component.
 */
function listedAsNode(question: string, name: string): boolean {
  for (const match of question.matchAll(NODE_ROW)) if (match[1]?.toLowerCase() === name) return true;
  return false;
}
/**
 * Whether every mention of `name` is a bare `<name>-node` ("a three-node cluster", "k8s-node1 and
 * k8s-node2"): a host's or a cluster's own name. A plugin's per-node component is also met as its pod (`calico-node-8chkg`), as
 * `<name>-node-agent`, or by its plugin's own name elsewhere in the report.
 */
function onlyAsHostName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mentions = [...text.matchAll(new RegExp(`(?<![a-z0-9_-])${escaped}(-node\\d*(?![a-z0-9_-]))?`, 'g'))];
  return mentions.length > 0 && mentions.every((mention) => mention[1] !== undefined);
}

const NODE_ROW =
  /(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*?)-node[\s:,]+(?:Not)?Ready\b/g;

/** How many times a global pattern (compiled once, flag `g`) matches `text`. */
function matchCount(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * A word read where a plugin's name would stand that names no plugin: too short, a determiner or counting word, a
 * function word, a lifecycle step, a container runtime.
 */
function neverAPluginName(name: string): boolean {
  return (
    !/[a-z]{3}/.test(name) ||
    DETERMINERS.has(name) ||
    FUNCTION_WORDS.has(name) ||
    LIFECYCLE_STEPS.has(name) ||
    CONTAINER_RUNTIMES.has(name)
  );
}

/**
 * The network plugin a question is about when the KB has no runbook for it (`known`: the KB's text or glossary
 * names it), else null. "multus网卡配置不生效 ... v1.multus-cni.io/default-network" is about Multus: a runbook
 * about the CNI it delegates to shares the question's words (subnet, nic, logical switch) but not its subject,
 * so the answer says the KB does not cover it instead of answering from that runbook. A plugin named once ("we
 * use the ovs-cni plugin; NodePort ... times out") is the setting of a report about a path the KB covers. Pure.
 */
export function uncoveredPlugin(question: string, known: (name: string) => boolean): string | null {
  // iptables chains a plugin installed (`WEAVE-NPC-EGRESS-ACCEPT` in a pasted `iptables-save`) say which plugin the
  // cluster runs, not what the report is about.
  const text = question.normalize('NFKC').replace(CHAIN_NAMES, ' ').toLowerCase();
  const checked = new Set<string>();
  for (const pattern of PLUGIN_NAMED) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1] ?? '';
      if (checked.has(name)) continue;
      checked.add(name);
      if (
        neverAPluginName(name) ||
        TOPOLOGY_PREFIXES.has(name) ||
        wordMatches(text, name) < SUBJECT_MENTIONS ||
        listedAsNode(question.normalize('NFKC'), name) ||
        onlyAsHostName(text, name)
      )
        continue;
      if (known(name)) continue;
      return name;
    }
  }
  // A plugin in wide use named in the first sentence is what the report is about ("kind cluster unable to connect
  // after restart using Antrea", "Nodes are missing some peer route entries (kube-router)"), unless that sentence
  // names a path a runbook of any plugin covers ("HostPort not working ... with kube-router", "configure MTU on
  // kindnet").
  // Nor is it when the sentence also names a plugin the KB covers ("We moved from weave to calico; calico-node ...").
  const headline = headlineOf(text, 0) ?? text;
  if (ANY_PLUGIN_PATH.test(headline)) return null;
  if ((headline.match(CNI_NAMES_ALL) ?? []).some((name) => known(name.toLowerCase()))) return null;
  for (const name of WIDELY_USED_PLUGINS)
    if (wordMatches(headline, name, { wholeWord: true, limit: 1 }) > 0 && !known(name)) return name;
  return null;
}

/** A plugin named by its CNI binary, `<name>-cni` ("Meshnet-CNI on 1-node kind cluster"). */
const CNI_BINARY = /(?<![a-z0-9_-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*?)-cni(?![a-z0-9_-])/g;

/**
 * A plugin the KB does not cover named once by its CNI binary, in a report that names no plugin the KB covers and no
 * path a runbook of any plugin explains anywhere ("Dropped packets. Meshnet-CNI on 1-node kind cluster
 * ... the echo reply gets dropped where equal-weight paths diverge"): nothing but that plugin's own datapath is left
 * to answer from, whichever runbook about no particular plugin shares its words (unlike `uncoveredPlugin`, not only
 * when retrieval is unsure). Named once beside such a path ("ovs-cni plugin ... NodePort") it is the cluster's setting.
 */
export function uncoveredSoleCniBinary(question: string, known: (name: string) => boolean): string | null {
  const text = question.normalize('NFKC').replace(CHAIN_NAMES, ' ').toLowerCase();
  if (ANY_PLUGIN_PATH.test(text)) return null;
  if ((text.match(CNI_NAMES_ALL) ?? []).some((name) => known(name.toLowerCase()))) return null;
  for (const match of text.matchAll(CNI_BINARY)) {
    const name = match[1] ?? '';
    if (neverAPluginName(name) || known(name)) continue;
    return name;
  }
  return null;
}

/**
 * Paths and symptoms the runbooks about no particular plugin explain, whatever plugin the cluster runs: MTU, DNS,
 * host ports, egress SNAT, kube-proxy's rules, Services, network policies, a refused or timed-out connection.
 */
export const ANY_PLUGIN_PATH =
  /\bmtu\b|dns|hostport|host\s*port|\bsnat\b|masquerade|iptables|\bipvs\b|conntrack|nodeport|load\s*balancer|\bservices?\b|clusterip|network\s*polic|refused|time[sd]?\s*out|超时|超時|拒绝|拒絕|出口|外网|外網/i;

/**
 * "this plugin", "which CNI", "our agent-node": words that point at a plugin without naming one; "a multi-node
 * cluster", "the worker-node": words that say which nodes.
 */
const DETERMINERS = new Set(
  'the this that these those which what whose our your my their its any some other another same each every new old default custom main primary second multi single worker master one two three four both several multiple many all'.split(
    ' ',
  ),
);

/**
 * "inter-node", "intra-node", "cross-node", "per-node", "non-node": a prefix that says which nodes a path crosses,
 * not a plugin's per-node part. Counted by where words start, "inter" is also named by "internet", "intra" by
 * "intranet", "cross" by "crossplane": a report of broken inter-node traffic with internet access is not about an
 * "inter" plugin.
 */
const TOPOLOGY_PREFIXES = new Set('inter intra cross per non'.split(' '));

/**
 * "kubelet with CNI plugin", "configured by the plugin", "bridge and portmap plugins", "network status ... through
 * plugin": prepositions and conjunctions stand before "CNI" / "plugin" in prose without naming a plugin.
 */
const FUNCTION_WORDS = new Set(
  'with without for from by via of on in into onto to using use uses used and or but nor as at per about over under than through across behind inside within like'.split(
    ' ',
  ),
);

/**
 * "install-cni", "init-node": a step of a plugin's life (an init container, a set-up script) that plugins of every
 * kind name their parts after, not a plugin.
 */
const LIFECYCLE_STEPS = new Set(
  'install uninstall upgrade init setup config configure bootstrap cleanup clean copy mount wait deploy'.split(
    ' ',
  ),
);

/**
 * "containerd/containerd-cni", "cri-o plugin": a container runtime and the package that ships the CNI reference
 * plugins with it. The runtime calls whatever network plugin the cluster runs; it is the node's setting, not a
 * network plugin a report can be about.
 */
const CONTAINER_RUNTIMES = new Set(['containerd', 'cri-o', 'crio', 'cri-dockerd', 'docker', 'podman']);

const ALNUM = /[a-z0-9]/;

/**
 * How many times `text` names `name` (lower case) at the start of a word, or with `wholeWord` as a whole word,
 * counting up to `limit`. Matches are counted apart unless `overlapping` (then every start is tried).
 */
function wordMatches(
  text: string,
  name: string,
  { wholeWord = false, overlapping = false, limit = Number.POSITIVE_INFINITY } = {},
): number {
  const step = overlapping ? 1 : name.length;
  let count = 0;
  for (let at = text.indexOf(name); at >= 0 && count < limit; at = text.indexOf(name, at + step)) {
    if (ALNUM.test(text[at - 1] ?? ' ')) continue;
    if (wholeWord && ALNUM.test(text[at + name.length] ?? ' ')) continue;
    count++;
  }
  return count;
}

/**
 * A runbook's prose: its text without fenced code blocks and inline code. A runbook that names a plugin once, in a
 * command (`grep -E 'calico|cilium|flannel|antrea'` to see which CNI runs), does not cover that plugin (chat.ts).
 */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

/**
 * Whether texts (the KB's runbooks) name something: `name` (lower case) as a whole word, case-insensitively, at
 * least `times` times. The texts are read once, on the first question that needs it.
 */
export function namedIn(texts: () => Iterable<string>, times = 1): (name: string) => boolean {
  let all: string | undefined;
  return (name) => {
    all ??= [...texts()].join('\n').toLowerCase();
    return wordMatches(all, name, { wholeWord: true, overlapping: true, limit: times }) >= times;
  };
}

/**
 * Which names the KB's texts (runbook titles and markdown) cover, for `uncoveredPlugin`. A plugin in wide use
 * (`antrea`) counts only when named in their prose or at least twice: one named once, in a command that lists
 * plugins to grep for, is not one the KB covers. Any other name a plugin pattern took (`prometheus` of
 * `prometheus-node-exporter`, `disabled` of a status line) counts when named anywhere. Read on first use.
 */
export function coveredNames(texts: () => Iterable<string>): (name: string) => boolean {
  const inProse = namedIn(function* () {
    for (const text of texts()) yield proseOf(text);
  });
  const repeated = namedIn(texts, 2);
  const anywhere = namedIn(texts);
  return (name) => (WIDELY_USED_PLUGINS.includes(name) ? inProse(name) || repeated(name) : anywhere(name));
}

/**
 * How a report says the subject failed to hand out a pod address (IPAM): a pod that gets no address, an address
 * pool used up, an address never released, a block that cannot be claimed.
 */
const NO_ADDRESS = [
  // "No Address Allocated to Pod", "no IP address was assigned"
  /\b(?:no|not|never)\s+(?:ip\s+)?address(?:es)?\s+(?:(?:was|were|is|are|got)\s+)?(?:allocated|assigned)\b/i,
  // "IPs cannot get assigned to Pods", "pod IP is not allocated"
  /\bips?(?:\s+address(?:es)?)?\s+(?:can'?not|could\s+not|couldn'?t|is\s*n[o']t|are\s*n[o']t|not|never)\s+(?:(?:get|be|been)\s+)?(?:assigned|allocated|released)\b/i,
  // Kube-OVN's controller: "NoAvailableAddress", "no available address"
  /\bnoavailableaddress\b|\bno\s+available\s+(?:ip\s+)?address(?:es)?\b/i,
  // "IPAM blocks are not reused", "IP block isn't released"
  /\bip(?:am)?\s+blocks?\b(?!\s*size)/i,
  // 无法正确分配pod ip, ip地址无法分配, 新 pod 拿不到地址, 获取不到 IP
  /(?:无法|不能|没有|未能|未|没)(?:正确|成功)?(?:分配|获取|拿到)(?:到)?\s*(?:pod\s*)?(?:ip|地址)|(?:ip|地址)\s*(?:地址)?\s*(?:无法|不能|没有|未)(?:被)?(?:分配|回收|释放)|(?:拿|获取|分配)不到\s*(?:ip|地址)/i,
  // IP 池, 地址块冲突 (a block claimed by another node: no new block for the pod), 地址池耗尽 (a LoadBalancer's pool is
  // SERVICE_ADDRESS)
  /ip\s*池|地址块冲突|地址池耗尽|ip\s*地址?耗尽/i,
];

/**
 * How a report says the subject handed out the wrong pod address: one already in use by another pod (given twice,
 * reassigned), or a fixed (static) address it did not honour. No runbook row saying "new pods get no address" tells
 * why two pods hold one address.
 */
const WRONG_ADDRESS = [
  // "reassign IP addresses already in use", "Assigning same ip address"
  /\b(?:re)?(?:assign|allocat)\w*\s+(?:the\s+)?(?:same\s+|duplicate\s+)ips?\b|\breassign\w*\s+ips?\b|\bip\s+address(?:es)?\s+(?:already\s+)?in\s+use\b/i,
  // "static ip allocation does not work", "static ip address for pod" (a static egress IP is not allocation)
  /\bstatic\s+ips?\s+(?:address(?:es)?\s+)?(?:allocation|assignment|for\s+(?:a\s+|the\s+|my\s+)?pods?)\b/i,
  // pod 固定 IP / 静态 IP 分配 (a fixed egress IP is not allocation)
  /(?:pod|容器)\s*(?:的)?\s*(?:固定|静态)\s*ip|(?:固定|静态)\s*ip\s*(?:地址)?\s*分配/i,
];

/**
 * A CNI's own error that its controller handed the pod no address, quoted anywhere in a report: Kube-OVN's CNI
 * server answering the sandbox's request ("RPC failed; request ip return 500 no address allocated to pod"). Whatever
 * the first sentence calls the failure ("OVN DB 高可用测试无法生效", "pod doesn't receive packet from logical port"),
 * the pod never got an address to send from, unless that sentence names a broken path (`NETWORK_TROUBLE`).
 */
const CNI_ALLOCATION_ERROR = /\brequest\s+ip\s+return\s+500\b|\bno\s+address\s+allocated\s+to\s+pod\b/i;

/** The kinds of allocation failure, each explained by a runbook only when its topics name that kind. */
export type AllocationKind = 'no-address' | 'wrong-address';

/** A service's address (a LoadBalancer's pool, an external IP, a VIP) is handed out by other means than pod IPAM. */
const SERVICE_ADDRESS = /load\s*balancer|external-?ips?\b|metallb|kube-vip|\bvip\b|负载均衡/i;

/** Each kind's patterns, an address handed out wrongly first: a report saying so is not about a missing one. */
const KIND_PATTERNS: ReadonlyArray<readonly [AllocationKind, readonly RegExp[]]> = [
  ['wrong-address', WRONG_ADDRESS],
  ['no-address', NO_ADDRESS],
];

/** The kinds of allocation failure text names, in KIND_PATTERNS order. */
function allocationKinds(text: string): AllocationKind[] {
  const folded = text.normalize('NFKC');
  return KIND_PATTERNS.filter(([, patterns]) => patterns.some((pattern) => pattern.test(folded))).map(
    ([kind]) => kind,
  );
}

/** The kind of allocation failure text names, else null; an address handed out wrongly is said before none. */
export function allocationKind(text: string): AllocationKind | null {
  return allocationKinds(text)[0] ?? null;
}

/** Text names an address-allocation failure (of either kind). */
export function namesAllocation(text: string): boolean {
  return allocationKind(text) !== null;
}

/**
 * The subject no runbook explains when a report is about handing out pod addresses: its headline (its first sentence
 * in a long report, else the whole question) names an allocation failure and no broken path ("分配地址池 IP 后无法访问"
 * is about reaching the address), and no runbook of the report's CNI (`cni`, null when unknown) or of every CNI
 * explains that kind of failure in its title, triggers, headings or troubleshooting rows (`explained`). KB-relative:
 * a runbook whose rows say "新 pod 拿不到地址" covers its CNI's reports of pods getting no address, not one of an
 * address given to two pods ("Calico tries to reassign IP addresses already in use"), and the decline stops once the
 * KB has a runbook naming that kind. Returns the subject's name for the "not covered" answer, else null. Pure.
 */
export function uncoveredAllocation(
  question: string,
  cni: string | null,
  explained: (cni: string | null, kind: AllocationKind) => boolean,
): string | null {
  const text = question.normalize('NFKC');
  const subject = headlineOf(text, RETRIEVAL_CONFIG.query.headlineMinBodyWords) ?? text;
  const kind = allocationKind(subject) ?? (CNI_ALLOCATION_ERROR.test(text) ? 'no-address' : null);
  if (
    kind === null ||
    NETWORK_TROUBLE.test(subject) ||
    CANNOT_USE.test(subject) ||
    SERVICE_ADDRESS.test(subject)
  )
    return null;
  return explained(cni, kind) ? null : 'IPAM';
}

/**
 * Where a runbook states what it is about: its title, triggers, headings and troubleshooting symptoms, not its prose
 * or commands (which mention many things in passing, as `calicoctl ipam show`).
 */
export function topicTexts(
  doc: Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>,
): string[] {
  return [
    doc.title,
    ...doc.triggers,
    ...doc.chunks.flatMap((chunk) => chunk.headingPath),
    ...doc.troubleshooting.map((row) => row.symptom),
  ];
}

/**
 * Which CNIs' runbooks explain which kind of address allocation failure (null: a runbook about no particular CNI
 * does): a runbook explains a kind when its title, triggers, headings or troubleshooting symptoms name a failure of
 * that kind, not when its prose or commands mention it in passing (`calicoctl ipam show`).
 */
export function allocationExplainedBy(
  docs: readonly Pick<DocRecord, 'path' | 'title' | 'triggers' | 'chunks' | 'troubleshooting'>[],
  cniOf: (docPath: string) => string | null,
): (cni: string | null, kind: AllocationKind) => boolean {
  const explained = new Set<string>();
  const key = (cni: string | null, kind: AllocationKind) => `${cni ?? ''}\u0000${kind}`;
  for (const doc of docs)
    for (const text of topicTexts(doc))
      for (const kind of allocationKinds(text)) explained.add(key(cniOf(doc.path), kind));
  return (cni, kind) => explained.has(key(null, kind)) || (cni !== null && explained.has(key(cni, kind)));
}

/**
 * A service mesh's proxies: the sidecar a mesh injects beside each container ("proxy injection"), and the mesh that
 * names it (not a sidecar that ships logs: "sidecar logging", "log sidecar"). The mesh sits above the pod network: its proxy's 503, its injector's webhook and its control plane are
 * the mesh's own parts, which no runbook of a CNI or a Kubernetes path explains.
 */
const MESH_NAMES = /\b(?:istio|envoy|linkerd)(?=\b|d\b|ctl\b)/gi;
const MESH_PROXY =
  /\b(?:istio|envoy|linkerd)\b|\bistio(?:d|ctl)\b|\bztunnel\b|\bwaypoints?\b|\b(?:destinationrules?|serviceentr(?:y|ies)|envoyfilters?|peerauthentications?)\b|(?<!\blog(?:ging|s)?\s)\bside-?cars?\b(?!\s+log(?:ging|s)?\b)|\bservice\s+mesh\b|服务网格|服務網格|\b(?:proxy|sidecar)[\s-]?inject(?:ion|or|ed|ing)?\b/i;
const MESH_PROXY_ALL = new RegExp(MESH_PROXY.source, 'gi');

/**
 * The mesh proxy's own log lines: Linkerd's proxy names its Rust modules (`linkerd2_proxy::app::errors`,
 * `linkerd2_app_core::errors`), which no other software writes. A report quoting one is about the proxy that failed
 * to pass the request on, whatever its first sentence says ("Connection refused (os error 111)"). So is one quoting
 * the proxy's "Failed to proxy request" beside the mesh it names (the API server says it too, of `kubectl
 * port-forward`). Envoy's words ("upstream connect error or disconnect/reset before headers") are not among them: any
 * Envoy-based app or gateway writes them, beside a NodePort or a Service that does not answer.
 */
const MESH_PROXY_MODULE = /\blinkerd2?_(?:proxy|app)\w*/i;
const FAILED_TO_PROXY = /\bfailed\s+to\s+proxy\s+request\b/i;

/**
 * The service mesh a report is about when the KB has no runbook for it (`known`: the KB's text names it), else null.
 * A report is about the mesh when its first sentence (the whole question when it has only one) names
 * the mesh or its sidecar proxy, and the report names it again: "Sidecar Injector Service Unavailable. ... failed
 * calling admission webhook sidecar-injector.istio.io" is about Istio's injector, and "Upstream error [503] since
 * side-car-istio-proxy cannot connect to pilot" about its proxy, however much of the rest reads like a Service that
 * does not answer. So is a report quoting the mesh proxy's own log line (`MESH_PROXY_MODULE`: "Connection refused
 * (os error 111). ... linkerd2_app_core::errors: Failed to proxy request"). A report whose headline names only a path
 * ("Connection refused ... port 80") and whose body mentions the mesh it runs is about the path. Returns the mesh's
 * name ("sidecar" when none is named). Pure.
 */
export function uncoveredMesh(question: string, known: (name: string) => boolean): string | null {
  const text = question.normalize('NFKC');
  // The first sentence, however short the rest: "Connection refused. kubectl describe pods istio-..." pastes where
  // the mesh runs after saying what fails.
  const headline = headlineOf(text, 0) ?? text;
  const proxyLog = MESH_PROXY_MODULE.test(text) || (FAILED_TO_PROXY.test(text) && MESH_PROXY.test(text));
  if (!proxyLog) {
    if (!MESH_PROXY.test(headline)) return null;
    if (matchCount(text, MESH_PROXY_ALL) < SUBJECT_MENTIONS) return null;
  }
  const names = [...new Set((text.match(MESH_NAMES) ?? []).map((name) => name.toLowerCase()))];
  // Linkerd's proxy names its modules after itself (`linkerd2_proxy`), which no word boundary splits.
  if (names.length === 0 && /\blinkerd2?_/i.test(text)) names.push('linkerd');
  const name = names.find((candidate) => !known(candidate)) ?? (names.length > 0 ? null : 'sidecar');
  return name === null || known(name) ? null : name;
}

/**
 * How a headline says an HTTP router answered the request: a 404, the router's default backend, a rewrite target,
 * a path-based rule. The request got through the network to the router, which chose not to pass it on (or passed it
 * to the wrong place): the trouble is in the router's rules, not in a path.
 */
const ROUTER_ANSWER =
  /\b404\b|default[\s-]+backend|rewrite[\s-]*targets?\b|\bpath[\s-]+based\s+(?:routing|routes?|backends?|rules?)\b/i;
/** An ingress (the HTTP router of a cluster) named by a report. */
const INGRESS = /ingress|\bnginx\b/i;
/** A headline saying the router could not reach its backend (a broken path behind it), not that it chose a route. */
const ROUTER_NO_PATH =
  /\b50[234]\b|bad\s+gateway|time(?:d)?\s*out|timeout|refused|reset|unreachable|超时|超時|拒绝|拒絕|不通/i;

/**
 * A headline naming the routing rules of an HTTP gateway ("higress不兼容ingress迁移过来的路由规则", "路由配置的问题",
 * "VirtualService routes return 404"): what the router chose to do with a request, not a path between addresses.
 */
const HTTP_ROUTE_RULES =
  /路由规则|路由規則|路由配置|路由条件|路由條件|\brouting\s+rules?\b|\broute\s+(?:rules?|config(?:uration)?s?)\b|\b(?:http|ingress)\s*routes?\b|\bvirtualservices?\b|\bhttproutes?\b/i;
/** The HTTP routers of a cluster a report may name: an ingress controller or an API gateway. */
const HTTP_ROUTER = /ingress|\bnginx\b|higress|apisix|traefik|\bkong\b|\bgateway\b|网关|網關/i;

/**
 * The subject no runbook explains when a report is about an ingress's routing rules: its headline (its first sentence
 * in a long report, else the whole question) says the router answered (`ROUTER_ANSWER`: "返回 404 Not Found nginx",
 * "path based backend return default backend - 404", "rewrite-target will make the entry point to
 * upstream-default-backend") and not that it could not reach a backend (502, timeout, refused), the report names an
 * ingress, and no runbook explains such answers in its title, triggers, headings or troubleshooting symptoms
 * (`explained`, from `routingExplainedBy`). So is a report whose first sentence names a gateway's routing rules
 * (`HTTP_ROUTE_RULES`: "higress1.3.3不兼容ingress迁移过来的路由规则") and whose body says the router answered 404 ("http可以
 * 访问，https出现404"): the 404 is the rules' answer, however the sentence names it. KB-relative, as
 * `uncoveredAllocation`. Returns the subject's name, else null. Pure.
 */
export function uncoveredRouting(question: string, explained: boolean): string | null {
  const text = question.normalize('NFKC');
  const headline = headlineOf(text, RETRIEVAL_CONFIG.query.headlineMinBodyWords) ?? text;
  const first = headlineOf(text, 0) ?? text;
  const answered = ROUTER_ANSWER.test(headline) && INGRESS.test(text);
  const rulesAnswered =
    HTTP_ROUTE_RULES.test(first) &&
    /\b404\b/.test(text) &&
    HTTP_ROUTER.test(text) &&
    !ROUTER_NO_PATH.test(first);
  if (!(answered || rulesAnswered) || ROUTER_NO_PATH.test(headline)) return null;
  return explained ? null : 'Ingress routing rules';
}

/** Whether a runbook explains a router's answers: its title, triggers, headings or troubleshooting symptoms name one. */
export function routingExplainedBy(
  docs: readonly Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>[],
): boolean {
  return docs.some((doc) => topicTexts(doc).some((text) => ROUTER_ANSWER.test(text)));
}

/** What a headline says fails: reading a pod's logs or getting into it (the API server's streams to a kubelet). */
const KUBELET_STREAM_ASK =
  /kubectl\s+(?:logs|exec|attach|port-forward|cp)\b|:10250\b|(?:查看|看不到)\s*(?:pod\s*)?日志|进入\s*(?:pod|容器)/i;
/** The API server's own error on the way to a kubelet: it dialled the node, or asked it for a container's stream. */
const API_TO_KUBELET =
  /error dialing backend|unable to upgrade connection|\/containerlogs\/|:10250\/(?:exec|attach|portforward)\b/i;

/**
 * The subject no runbook explains when a report is about `kubectl logs` / `exec` failing on the API server's side:
 * its first sentence (the whole question when it has only one) says reading logs or getting into a pod fails
 * ("Timeout on kubectl logs and exec", "dial tcp 10.0.0.3:10250: i/o timeout"), and the report pastes the API
 * server's own error on its way to the kubelet ("Error from server: error dialing backend", ".../containerLogs/...",
 * "unable to upgrade connection"): the hop from the control plane to a kubelet's API, with its certificates,
 * addresses and proxies, not a path a pod's traffic takes. A pod or metrics-server reaching a kubelet's port is such
 * a path, and names no API-server error. A headline saying the command itself fails ("kubectl exec is not working",
 * "coredns部署后无法进入pod"; stream-failure.ts) is about that hop whatever error it pastes. KB-relative: declined
 * only while no runbook explains those errors in its title, triggers, headings or troubleshooting symptoms
 * (`explained`, from `kubeletStreamExplainedBy`). Pure.
 */
export function uncoveredKubeletStream(question: string, explained: boolean): string | null {
  const text = question.normalize('NFKC');
  const headline = headlineOf(text, 0) ?? text;
  if (!KUBELET_STREAM_ASK.test(headline)) return null;
  const streamFails = headlineStreamFails(headline) && !POD_KUBELET_CLIENT.test(text);
  if (!API_TO_KUBELET.test(text) && !streamDialsKubelet(text) && !streamFails) return null;
  return explained ? null : 'kubectl logs/exec';
}

/** A connection to a kubelet's API port that failed, as Go prints it ("dial tcp 10.0.0.79:10250: i/o timeout"). */
const KUBELET_DIAL = /\bdial(?:ing)?\s+tcp\s+\[?[\w.:-]*?\]?:10250\b/i;
/** `kubectl logs` / `exec` / `attach` / `port-forward` run by the user: the streams the API server opens to a kubelet. */
const STREAM_COMMAND =
  /kubectl\s+(?:logs|exec|attach|port-forward)\b|(?:查看|看不到)\s*(?:pod\s*)?日志|进入\s*(?:pod|容器)/i;
/**
 * Clients inside the cluster that reach a kubelet's port themselves: metrics-server or Prometheus scraping it,
 * `kubectl top`. Their dial to :10250 leaves a pod, a path the runbooks follow (pod to node).
 */
const POD_KUBELET_CLIENT =
  /metrics[-\s]?server|\bscrap(?:e|es|ed|ing)\b|prometheus|kubectl\s+top\b|\/stats\/summary|\/metrics\/resource|采集|指标/i;

/**
 * Whether a report's `kubectl logs`/`exec` failed on the API server's dial to a kubelet with no API-server error
 * beside it: "kubectl logs pod/web ... dial tcp 10.0.0.79:10250: i/o timeout", "kubectl exec -it pod sh ... dial tcp
 * 172.28.62.68:10250: connect: no route to host". The API server (a host process) dialled the node's kubelet; no
 * pod's packet is on that hop. A report whose dial comes from metrics-server or a scrape is a pod's path.
 */
function streamDialsKubelet(text: string): boolean {
  return KUBELET_DIAL.test(text) && STREAM_COMMAND.test(text) && !POD_KUBELET_CLIENT.test(text);
}

/** Whether a runbook explains the API server's errors on its way to a kubelet (in its topic, not its commands). */
export function kubeletStreamExplainedBy(
  docs: readonly Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>[],
): boolean {
  return docs.some((doc) =>
    topicTexts(doc).some((text) => API_TO_KUBELET.test(text) || KUBELET_DIAL.test(text)),
  );
}

/**
 * Kube-OVN's NAT beyond a subnet's `natOutgoing`, by names only Kube-OVN gives it: a VPC NAT gateway (the
 * `vpc-nat-gw` pod, `VpcNatGateway`), its iptables EIP/FIP/DNAT/SNAT objects, OVN EIP/FIP (`OvnEip`, `OvnFip`, the
 * `ovn-external-gw-config` and `external-gw` nodes, the default VPC router's `ovn-cluster-external` port that feature
 * adds), a pod's `ovn.kubernetes.io/eip`, the VPC's external network, `vpc-dns` and VPC peering.
 */
const KUBE_OVN_NAT =
  /vpc[-_ ]?nat[-_ ]?(?:gw|gateway)|\bvpc[-_ ]gw\b|iptables[-_ ]?(?:eips?\b|fip|(?:dnat|snat)[-_ ]?rules?)|\bovn[-_ ]?(?:eip|fip|snat|dnat)s?\b|\bo[ef]ips?\b|snat[-_]and[-_]eip|ovn-external-gw|external[-_]gw\b|ovn-cluster-external\b|ovn-vpc-(?:external-network|nat)|vpc[-_]?dns|vpc[-_ ]?peering/i;
/**
 * A NAT rule of an OVN logical router as `ovn-nbctl show` / `lr-nat-list` print it ("external ip: ... logical ip:
 * ..."): pasted output, never what a headline says fails. OVN-Kubernetes' gateway routers hold such rules too; in a
 * Kube-OVN report it is Kube-OVN's OVN SNAT/EIP (a default-VPC subnet's natOutgoing is the node's iptables, no rule of
 * an OVN router).
 */
const OVN_NAT_ROWS = /\bexternal[-_ ]ips?\b[\s\S]{0,50}?\blogical[-_ ]ips?\b/gi;
/**
 * The same NAT in words other products use too (a cloud's NAT gateway, an AWS EIP, an OVN router's NAT rule):
 * Kube-OVN's when it is named.
 */
const NAT_WORDS = new RegExp(
  `\\bnat[-_ ]?(?:gw|gateway)s?\\b|nat\\s*网关|nat\\s*網關|\\beips?\\b|\\bfips?\\b|弹性\\s*ip|彈性\\s*ip|${OVN_NAT_ROWS.source}`,
  'i',
);
const KUBE_OVN_NAT_ALL = new RegExp(KUBE_OVN_NAT.source, 'gi');
const NAT_WORDS_ALL = new RegExp(NAT_WORDS.source, 'gi');
const KUBE_OVN = /kube-?ovn/i;
/** A VPC other than Kube-OVN's default `ovn-cluster`, and traffic leaving or entering it. */
const CUSTOM_VPC = /custom(?:ized)?\s+vpcs?\b|自定义\s*vpc|自定義\s*vpc|自訂\s*vpc|自建\s*vpc/i;
const VPC_BORDER =
  /internet|egress|outgoing|outbound|external|\bsnat\b|\bnat\b|api\s*server|\bservices?\b|load\s*balanc|上网|上網|外网|外網|出网|出網|公网|公網|集群外|叢集外|负载均衡|負載均衡/i;
/**
 * Words only a Kube-OVN (or OVN) cluster's report uses: a cloud's "custom VPC" (an EKS cluster's) is a VPC of the
 * cloud, which no Kube-OVN subject concerns.
 */
const KUBE_OVN_CONTEXT =
  /kube-?ovn|\bovn\b|\bovn-|\bovs\b|natoutgoing|logical[_ ]?(?:router|switch)|kubectl[- ]ko\b/i;
/** A custom VPC of Kube-OVN: a custom VPC named in a report of a Kube-OVN cluster. */
const kubeOvnCustomVpc = (text: string) =>
  CUSTOM_VPC.test(text) && (KUBE_OVN_CONTEXT.test(text) || KUBE_OVN_NAT.test(text));
/**
 * What else a NAT word shared with other products names in a report of a Kube-OVN cluster: the default VPC's own
 * egress NAT (a subnet's natOutgoing) or a cloud's NAT gateway or elastic IP in front of the nodes.
 */
const OTHER_NAT =
  /natoutgoing|nat[-_ ]outgoing|\baws\b|\beks\b|aliyun|阿里云|阿里雲|腾讯云|騰訊雲|华为云|華為雲|\bgcp\b|\bgke\b|azure|openstack/i;
/** A report whose node itself lost its network (its own address, its SSH session), whatever change caused it. */
const NODE_CUT_OFF =
  /(?:宿主机|宿主機|节点|節點|主机|主機)(?:本身|自身)?(?:的)?(?:网络|網絡|網路)?(?:就)?(?:无法访问|無法訪問|失联|失聯|断网|斷網)|会话都?会?中断|會話都?會?中斷|(?:node|host)\s+(?:itself\s+)?(?:lost|loses)\s+(?:its\s+)?(?:network|connectivity)/i;

/** Which of those subjects a runbook explains, in its title, triggers, headings or troubleshooting symptoms. */
export interface VpcNatExplained {
  /** Kube-OVN's NAT gateways, EIP and FIP. */
  nat: boolean;
  /** Traffic across a custom VPC's border (egress, Services, access from outside). */
  customVpc: boolean;
  /** A node cut off from its own network. */
  nodeCutOff: boolean;
}

/** How many times `part` names Kube-OVN's NAT: its own names, and the shared ones when `whole` names Kube-OVN. */
function kubeOvnNatMentions(part: string, whole = part): number {
  const kubeOvn = KUBE_OVN_NAT.test(whole) || KUBE_OVN.test(whole) || kubeOvnCustomVpc(whole);
  return matchCount(part, KUBE_OVN_NAT_ALL) + (kubeOvn ? matchCount(part, NAT_WORDS_ALL) : 0);
}

/**
 * The subject no runbook explains when a report is about a Kube-OVN custom VPC's border or Kube-OVN's NAT beyond
 * `natOutgoing`: its headline (its first sentence in a long report, else the whole question) names a VPC NAT gateway,
 * an EIP/FIP or its external gateway ("VpcNatGateway pod has internet, but pods in VPC cannot reach internet",
 * "使用原生ovn-eip，ovnfip，snat，无法ping通外网", "pod EIP can't work under default VPC") or the report names them
 * twice; or the report says a custom VPC's traffic leaves or enters it ("自定义VPC访问外网", "Access Kubernetes API
 * Server Service from Custom VPC"). A default-VPC subnet's egress, natOutgoing and distributed or centralized gateway
 * name none of these, nor does a custom VPC's pod whose probes fail; a cloud's custom VPC in a report with no Kube-OVN
 * word is the cloud's, and an EIP or NAT gateway named in a report of natOutgoing or of a cloud, naming none of
 * Kube-OVN's own NAT objects, is the node's or the cloud's. KB-relative: declined only while no runbook
 * explains the subject in its title, triggers, headings or troubleshooting symptoms (`explained`, from
 * `vpcNatExplainedBy`), and not when the report says the node itself lost its network and a runbook's symptom says
 * so (bridging the node's NIC for the external network cuts the node off, as in an underlay). Pure.
 */
export function uncoveredVpcNat(question: string, explained: VpcNatExplained): string | null {
  const text = question.normalize('NFKC');
  const headline = headlineOf(text, RETRIEVAL_CONFIG.query.headlineMinBodyWords) ?? text;
  if (NODE_CUT_OFF.test(text) && explained.nodeCutOff) return null;
  // A NAT word shared with other products, in a report naming none of Kube-OVN's own NAT objects nor a custom VPC
  // and naming natOutgoing or a cloud, is that NAT's: a default-VPC pod's egress or the cloud's NAT gateway or EIP.
  const sharedOnly =
    matchCount(text, KUBE_OVN_NAT_ALL) === 0 && !CUSTOM_VPC.test(text) && OTHER_NAT.test(text);
  const nat =
    !sharedOnly &&
    (kubeOvnNatMentions(headline.replace(OVN_NAT_ROWS, ' '), text) > 0 ||
      kubeOvnNatMentions(text) >= SUBJECT_MENTIONS);
  if (nat && !explained.nat) return 'Kube-OVN VPC NAT gateways, EIP/FIP';
  if (kubeOvnCustomVpc(text) && VPC_BORDER.test(text) && !explained.customVpc)
    return 'Kube-OVN custom VPC egress/ingress';
  return null;
}

/** Which of the VPC subjects of `uncoveredVpcNat` the runbooks explain (in their topics, not their prose). */
export function vpcNatExplainedBy(
  docs: readonly Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>[],
): VpcNatExplained {
  const texts = docs.flatMap((doc) => topicTexts(doc).map((text) => text.normalize('NFKC')));
  return {
    nat: texts.some((text) => kubeOvnNatMentions(text) > 0),
    customVpc: texts.some((text) => CUSTOM_VPC.test(text) && VPC_BORDER.test(text)),
    nodeCutOff: texts.some((text) => NODE_CUT_OFF.test(text)),
  };
}
