/**
 * Confidence that matches the question: a vague report of broken networking ("网络挂了 pod 之间都不通 急") gets
 * a short clarifying answer (which CNI, which path, what symptom) with the most likely runbooks instead of a
 * confident answer about one of them. Pure.
 */
import type { FusedHit } from '../retrieve/types.js';
import { extractEntities } from './placeholders.js';

/** The question reports broken networking (as opposed to something outside the KB's scope). */
const NETWORK_TROUBLE =
  /网络|網絡|網路|不通|连不上|連不上|访问不了|訪問不了|断了|斷了|挂了|掛了|network|connectivity|unreachable|(?:can'?t|cannot|can not)\s+(?:talk|reach|connect|ping)|not\s+reachable/i;

/** Words that say which part of the datapath, which component or which symptom: each is a specific signal. */
const SPECIFIC =
  /dns|coredns|nslookup|\bdig\b|resolv|mtu|大包|小包|kubelet|apiserver|api server|\bservice\b|\bsvc\b|clusterip|cluster ip|nodeport|loadbalancer|ingress|egress|外网|外網|公网|公網|internet|external|集群外|叢集外|networkpolicy|network policy|netpol|网络策略|網路策略|iptables|ipvs|kube-proxy|conntrack|geneve|genev|vxlan|ipip|\bbgp\b|\bovn|\bovs\b|tunnel|隧道|跨节点|跨節點|跨主机|跨主機|同节点|同節點|同一节点|同一台|cross[- ]node|same[- ]node|different nodes|hostnetwork|host network|hostport|probe|探针|探針|readiness|liveness|tcpdump|抓包|丢包|丟包|packet loss|refused|拒绝|拒絕|reset|no route|nxdomain|timeout|time out|timed out|超时|超時|\bping\b|\bcurl\b|firewall|防火墙|防火牆|安全组|安全組|security group|snat|masquerade|underlay|vlan|subnet|子网|子網|网段|網段|封包|网关|網關|gateway|route|路由|arp|veth|bridge|网桥|網橋|cni0|flannel\.1|tunl0|ovn0|br-int|br-ex/gi;

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

const CNI_NAMES =
  /kube-?ovn|calico|cilium|flannel|ovn-?k(?:8s|ubernetes)?\b|ovnk|weave|antrea|canal|kindnet|terway|kube-router/i;

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

/** Subjects of other trades (storage, images, compute, certificates, access control, apps). */
const OTHER_SUBJECTS =
  /磁盘|磁碟|disk|镜像|鏡像|\bimages?\b|内存|記憶體|memory|\bcpu\b|证书|證書|certificate|\bcerts?\b|rbac|forbidden|\bpvc\b|\bpv\b|storageclass|volume|存储|存儲|helm|jenkins|java|-xmx|mysql|数据库|資料庫|database|crashloopbackoff|oomkilled|\boom\b|exit code:?\s*\d+|oci runtime|imagepullbackoff|kubeconfig|token|upgrade|升级|升級|rollout|滚动更新|滾動更新|hpa|autoscal|扩容|擴容/i;

/**
 * Clearly about something else: names a subject of another trade and nothing about networking. The KB is about
 * networking only, so such a question is declined even when a runbook happens to share its words.
 */
export function outsideNetworking(question: string): boolean {
  const text = question.normalize('NFKC');
  if (!OTHER_SUBJECTS.test(text) || NETWORK_TROUBLE.test(text)) return false;
  // The components whose certificates, flags or logs the other trade is about say nothing about a network path.
  const specific = (text.match(SPECIFIC) ?? []).filter((word) => !COMPONENT.test(word));
  return specific.length === 0 && extractEntities(text).ips.length === 0;
}

/** Control-plane components named by a certificate, upgrade or log question ("kube-apiserver pod logs"). */
const COMPONENT = /^(?:kubelet|apiserver|api server)$/i;

/** Retrieval confidence above which a report naming its CNI is answered from that CNI's own runbook (below 0.5). */
export const NAMED_CNI_FLOOR = 0.4;
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
