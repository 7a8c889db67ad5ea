/**
 * A report about which address an application hands to others: the address it registers in a registry, advertises
 * or announces to its clients, or shows as its home page or link, being the pod's or container's own (a pod IP, a
 * container or Docker bridge IP, an internal address), while the report says which address it should have been
 * (the host's, the node's, an external one; "instead of", "not the", 而不是, 不合适). "My APP create the registration
 * with my discover server using the container IP", "homepageUrl地址是k8s pod内网地址，而客户端直接用这个地址不合适",
 * "注册到 nacos 的是容器 IP 而不是宿主机 IP": the address is the application's own choice (its bind or registry
 * setting), not a path a runbook follows, whatever framework or registry it names.
 *
 * The Kubernetes and network components' own addresses stay answered: the API server's `--advertise-address`, the
 * kubelet's node IP, etcd, a CNI or BGP speaker advertising routes (they are the cluster's, and runbooks follow
 * them), and so does a report whose name did not resolve (a DNS report). Declined only while no runbook states such
 * an address (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { CNI_NAMES, topicTexts } from './clarify.js';
import { readReport, type TopicDoc } from './uncovered-subjects.js';

/** An application telling others its address: registering, advertising, announcing or sending it, a home page URL. */
const HANDING =
  /\bregist(?:er|ers|ered|ering|ration|ry)\b|\badvertis(?:e|es|ed|ing)\b|\bannounc(?:e|es|ed|ing)\b|\bhomepage\w*|\bsen(?:d|ds|t)\b|注册|註冊|广播|廣播|发送|發送/gi;
/**
 * The address of the pod or container itself: a pod, container, Docker or bridge IP or name, an internal, intranet,
 * private or virtual (host) address, the IP address of the pod, container or Docker network; in Chinese
 * 容器/内网/内部/虚拟(主机)/网桥 地址, IP or 名称.
 */
const OWN_ADDRESS =
  /\b(?:pod|container|docker|internal|intranet|private|virtual(?:\s+host)?|bridge)(?:'s)?\s+(?:ip|address|end\s*point|name)s?\b|\b(?:ip|address)(?:\s+address)?\s+of\s+(?:the\s+|its\s+|a\s+)?(?:pod|container|docker)\b|\bdocker0\b|(?:pod|容器|内网|內網|内部|內部|虚拟(?:主机)?|虛擬(?:主機)?|网桥|網橋|docker)\s*(?:的)?\s*(?:ip|地址|名称|名稱)/gi;
/** The report saying which address it should have been: a contrast or the expected address. */
const EXPECTED =
  /instead\s+of|rather\s+than|\bnot\s+(?:the\s+|a\s+|my\s+)?(?:\w+\s+){0,2}(?:ip|address|end\s*point)s?\b|\bshould\s+be\b|\bexpected?\b|而不是|而非|不合适|不合適|应该是|應該是|宿主机|宿主機|\bhost(?:\s*machine)?(?:'s)?\s+ip\b|\bnode\s*ip\b|\bexternal\s+(?:ip|address|end\s*point)|\bpublic\s+ip\b|外网|外網/i;
/**
 * The cluster's and the network's own components handing out addresses: the API server's advertise address, the
 * kubelet's node IP, etcd, BGP speakers and load-balancer announcers (MetalLB, kube-vip).
 */
const CLUSTER_COMPONENT =
  /apiserver|api-server|advertise-address|kubelet|node-ip|\betcd\b|\bbgp\b|metallb|kube-vip|\bbird\b/i;
/**
 * A name that did not resolve (nslookup or dig failing, NXDOMAIN, 无法解析): a DNS report, whatever address the pods
 * then publish ("pods not visible with DNS name before they are Ready").
 */
const NAME_LOOKUP =
  /\bnslookup\b|\bdig\b|nxdomain|can(?:'|no)?t\s+resolve|could\s*n[o']t\s+resolve|unable\s+to\s+resolve|(?:无法|無法|不能)\s*解析|解析\s*(?:失败|失敗)/i;
/** How near (in characters, between their edges) the handing word and the address must stand to be one statement. */
const NEAR = 60;

/** Whether a handing word stands within `NEAR` characters of a pod's or container's own address. */
function handsOwnAddress(text: string): boolean {
  const hands = [...text.matchAll(HANDING)].map((m) => m.index ?? 0);
  if (hands.length === 0) return false;
  for (const address of text.matchAll(OWN_ADDRESS)) {
    const start = address.index ?? 0;
    const end = start + address[0].length;
    if (hands.some((hand) => (hand < start ? start - hand : hand - end) <= NEAR)) return true;
  }
  return false;
}

/**
 * The subject when a report says an application hands out its pod's or container's own address and which address
 * it should have handed out, naming no CNI and no cluster component that advertises addresses; else null.
 */
export function uncoveredHandedAddress(question: string, explained: boolean): string | null {
  const { text } = readReport(question);
  if (CNI_NAMES.test(text) || CLUSTER_COMPONENT.test(text) || NAME_LOOKUP.test(text)) return null;
  if (!handsOwnAddress(text) || !EXPECTED.test(text)) return null;
  return explained
    ? null
    : 'the address an application registers or hands to its clients (a pod or container IP)';
}

/** Whether a runbook states an application handing out its own pod or container address. */
export function handedAddressExplainedBy(docs: readonly TopicDoc[]): boolean {
  return docs.some((doc) => topicTexts(doc).some((text) => handsOwnAddress(text.normalize('NFKC'))));
}
