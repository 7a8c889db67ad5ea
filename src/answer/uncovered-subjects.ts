/**
 * Subjects next to the pod network that no runbook of the KB explains, read from a report's first sentence: a node
 * whose CNI never came up, a pod's second (Multus) interface or a pod on a host NIC (macvlan, ipvlan) a report keeps
 * naming, Kube-OVN's cluster interconnection (ovn-ic). Each is
 * declined only while no runbook states it in its title, triggers, headings or troubleshooting symptoms (KB-relative,
 * as the other declines of clarify.ts). Pure.
 */
import type { DocRecord } from '../core/types.js';
import { headlineOf } from '../retrieve/query.js';
import { ANY_PLUGIN_PATH, CNI_NAMES, topicTexts } from './clarify.js';

/** What these declines read of a runbook to tell whether it states a subject (its topics). */
export type TopicDoc = Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>;

/** The report as these declines read it: its whole text and its first sentence (the subject). */
export function readReport(question: string): { text: string; headline: string } {
  const text = question.normalize('NFKC');
  return { text, headline: headlineOf(text, 0) ?? text };
}

/** Whether a runbook's title, triggers, headings or troubleshooting symptoms state the subject. */
export function anyRunbookStates(docs: readonly TopicDoc[], subject: RegExp): boolean {
  return docs.some((doc) => topicTexts(doc).some((text) => subject.test(text.normalize('NFKC'))));
}

/** The container runtime's word that no CNI is set up on the node (`kubectl describe node`, kubelet's log). */
const CNI_NOT_READY =
  /cni\s+plugin\s+not\s+initiali[sz]ed|cni\s+config\s+uninitiali[sz]ed|networkpluginnotready|network\s+plugin\s+(?:is\s+)?not\s+ready|runtime\s+network\s+not\s+ready|networkready\s*=\s*false/i;
/** A node that is not Ready ("NotReady", "node is noReady", 节点未就绪). */
const NODE_NOT_READY = /not\s*-?\s*ready|\bnoready\b|未就绪|未就緒/i;

/**
 * A node NotReady because no network plugin is initialised, in a cluster whose report names no CNI: its first
 * sentence says the node is not Ready or quotes the runtime's "cni plugin not initialized" ("Can't get out of the
 * NotReady state ... cni config uninitialized", "All-in-one发生报错，node is noReady ... cni plugin not
 * initialized"), and the report quotes that error. Installing a CNI is no datapath's runbook. A report naming its
 * CNI ("kubeadm init --pod-network-cidr=10.244.0.0/16, flannel") is answered from that CNI's runbook, and one that
 * only pastes the error in passing ("kube-proxy /healthz ... after an incident (NetworkReady=false)") is about
 * its headline. Returns the subject's name, else null.
 */
export function uncoveredCniSetup(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!CNI_NOT_READY.test(text) || CNI_NAMES.test(text)) return null;
  if (!NODE_NOT_READY.test(headline) && !CNI_NOT_READY.test(headline)) return null;
  return explained ? null : 'installing a CNI (node NotReady, cni plugin not initialized)';
}

/** Whether a runbook explains a node whose runtime reports no initialised CNI. */
export function cniSetupExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, CNI_NOT_READY);
}

/**
 * A CNI's own pods absent from the cluster, as a headline says it: "sealos run之后没有calico pod", "no cilium pods were
 * created", "kube-flannel-ds 不存在", "calico-node daemonset is missing". The plugin was never installed (or its
 * installer left it out): installing a CNI is no datapath's runbook, as for `uncoveredCniSetup`.
 */
const CNI_PODS_ABSENT = new RegExp(
  [
    `(?:没有|沒有|缺少|不存在|未创建|未創建|没创建|沒創建)\\s*(?:任何\\s*)?(?:${CNI_NAMES.source})[\\w-]*\\s*(?:pods?|容器|组件|組件|daemon\\s*sets?|ds)`,
    `(?:${CNI_NAMES.source})[\\w-]*\\s*(?:pods?|daemon\\s*sets?|ds)?\\s*(?:不存在|没有创建|沒有創建|未创建|未創建)`,
    `\\bno\\s+(?:${CNI_NAMES.source})[\\w-]*\\s+(?:pods?|daemon\\s*sets?)\\b`,
    `(?:${CNI_NAMES.source})[\\w-]*\\s+(?:pods?|daemon\\s*sets?)\\s+(?:(?:is|are|were)\\s+)?(?:missing|absent|not\\s+(?:created|deployed|present))`,
  ].join('|'),
  'i',
);

/**
 * A headline saying new pods are stuck before they get a network: ContainerCreating, their sandbox not created
 * ("新部署的 Pod 长期卡在 ContainerCreating 状态", "FailedCreatePodSandBox"). A plugin whose pods are absent sets up
 * no pod's network, so such a headline is the absent plugin's symptom, not a path of its own.
 */
const POD_SANDBOX_STUCK =
  /containercreating|failedcreatepodsandbox|failed\s+to\s+create\s+pod\s+sandbox|(?:创建|創建)\s*(?:pod\s*)?(?:sandbox|沙箱)\s*(?:失败|失敗)/i;

/**
 * A report whose first sentence says its CNI's pods do not exist ("sealos run之后没有calico pod"), or whose first
 * sentence says new pods are stuck in ContainerCreating and whose body says the plugin's DaemonSet does not exist
 * ("新部署的 Pod 长期卡在 ContainerCreating ... kube-flannel-ds 不存在"). Returns the subject's name, else null.
 */
export function uncoveredCniAbsent(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  const absent =
    CNI_PODS_ABSENT.test(headline) ||
    (CNI_PODS_ABSENT.test(text) && POD_SANDBOX_STUCK.test(headline) && !ANY_PLUGIN_PATH.test(headline));
  if (!absent) return null;
  return explained ? null : 'installing a CNI (its pods absent)';
}

/** Whether a runbook explains a CNI whose pods are absent. */
export function cniAbsentExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, CNI_PODS_ABSENT);
}

/**
 * A pod's extra interface beside its primary one: Multus, "the second interface", 辅助网络, 次网卡. The runbooks follow
 * the primary pod network only.
 */
const SECONDARY_NETWORK =
  /\bmultus\b|\bsecond(?:ary)?\s+(?:network\s+)?(?:interfaces?|nics?|networks?)\b|\b2nd\s+(?:network\s+)?(?:interfaces?|nics?|networks?)\b|辅助网络|輔助網路|次网卡/i;
/** The extra interface itself, not the plugin that attaches it. */
const SECOND_INTERFACE =
  /\bsecond(?:ary)?\s+(?:network\s+)?(?:interfaces?|nics?|networks?)\b|\b2nd\s+(?:network\s+)?(?:interfaces?|nics?|networks?)\b|辅助网络|輔助網路|次网卡/i;
/**
 * How such an interface is attached to a pod (a node's second NIC is attached by no CNI): Multus, the CNI plugins
 * that give a pod an interface on a host NIC, an attachment object or annotation.
 */
const ATTACHMENT_NAMES =
  /\bmultus\b|\bmacvlan\b|\bipvlan\b|\bsr-?iov\b|\bspiderpool\b|networkattachmentdefinition|network-attachment|cni\.cncf\.io\/networks/i;
const POD_ATTACHMENT = new RegExp(`${ATTACHMENT_NAMES.source}|\\bnet1\\b`, 'i');
/**
 * The attachment's own names, counted: not `net1`, a name users give their own objects too (`br-net1`), nor a name
 * inside a pod's or DaemonSet's (`kube-multus-ds-x2k4h Running` is a listing of the cluster, not its subject).
 */
const ATTACHMENT_NAMES_ALL = new RegExp(`(?<![\\w-])(?:${ATTACHMENT_NAMES.source})`, 'gi');
/**
 * How often a report names how its pods are attached to a host NIC before that attachment is its subject, wherever
 * the first sentence puts it ("Pods cannot reach a ClusterIP with macvlan. Networking: cni with macvlan", "pod 基于
 * spiderpool macvlan 拉起 ... macvlan 访问 coredns"): named once, it is the cluster's setting beside a path a runbook
 * explains ("Timeout error in coredns ... a rancher cluster deployed with multus-cni"; "CNI is macvlan" in a DNS
 * latency report), as a service mesh named once (clarify.ts).
 */
const ATTACHMENT_MENTIONS = 2;

/**
 * A report about a pod's second interface: its first sentence names it ("Not able to access Multus 2nd network
 * interface from node", "Cannot ping the second interface's IP from another node") and the report says how it is
 * attached to the pod ("I added the second interface using macvlan"). A node's second NIC ("All my nodes have 2
 * nics, eth0 for internet") is the node's, and a report whose first sentence names a path of the primary network and
 * pastes a Multus config later is about that path. Returns the subject's name, else null.
 */
export function uncoveredSecondaryNetwork(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  // A pod interface on a host NIC (macvlan, ipvlan, SR-IOV; Multus or Spiderpool attaching it) that the report keeps
  // naming is its subject: the runbooks follow the primary overlay and routed pod networks only.
  if ((text.match(ATTACHMENT_NAMES_ALL) ?? []).length >= ATTACHMENT_MENTIONS)
    return explained ? null : 'secondary pod interfaces (Multus, macvlan)';
  if (!SECONDARY_NETWORK.test(headline) || !POD_ATTACHMENT.test(text)) return null;
  // Multus named beside a path of any plugin ("Pods on a Multus cluster time out on their ClusterIP"), with no second
  // interface named, is the cluster's setting: the primary network's path is the subject.
  if (!SECOND_INTERFACE.test(headline) && ANY_PLUGIN_PATH.test(headline)) return null;
  return explained ? null : 'secondary pod interfaces (Multus)';
}

/** Whether a runbook explains a pod's second interface. */
export function secondaryNetworkExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, SECONDARY_NETWORK) || anyRunbookStates(docs, ATTACHMENT_NAMES);
}

/** Kube-OVN's interconnection of clusters: `ovn-ic`, its `ovn-ic-config` and its IC gateways. */
const OVN_IC = /\bovn-ic\b|\bic-gateway\b|\bic[-_ ]gw\b/i;

/**
 * A report about Kube-OVN's cluster interconnection itself: its first sentence names ovn-ic or its IC gateway
 * ("ovn-ic的gw-nodes如果网关节点出故障，无法自动切换", "kubeovn ovn-ic 功能疑问"). A report whose first sentence names
 * a failure elsewhere ("删除 kube-ovn-controller leader 节点多集群互联会出现网络不通") and pastes `ovn-ic-config` later
 * is about that failure. Returns the subject's name, else null.
 */
export function uncoveredInterconnect(question: string, explained: boolean): string | null {
  const { headline } = readReport(question);
  if (!OVN_IC.test(headline)) return null;
  return explained ? null : 'Kube-OVN cluster interconnection (ovn-ic)';
}

/** Whether a runbook explains Kube-OVN's interconnection. */
export function interconnectExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, OVN_IC);
}

/**
 * A headline saying that setting up the cluster itself failed: installing or creating it ("阿里云多网卡环境安装集群失败",
 * "sealos4.0 安装k8s1.22.5失败"), kubeadm's init, join or upgrade ("kubeadm join preflight errors should not be
 * errors"), or the kubelet not starting ("启动kubelet报错").
 */
const CLUSTER_SETUP_FAILED =
  /(?:安装|安裝|部署|创建|創建|搭建)[^。！？,，]{0,16}?(?:k8s|kubernetes|集群|叢集|cluster)[^。！？,，]{0,12}?(?:失败|失敗|报错|報錯|出错|出錯)|(?:k8s|kubernetes|集群|叢集)[^。！？,，]{0,8}?(?:安装|安裝|部署|创建|創建)[^。！？,，]{0,8}?(?:失败|失敗|报错|報錯|出错|出錯)|\b(?:install(?:ing|ation)?|creat(?:e|ing|ion)|deploy(?:ing|ment)?|bootstrap(?:ping)?|provision(?:ing)?)\s+(?:of\s+)?(?:a\s+|the\s+)?(?:k8s|kubernetes|k3s|rke2?|cluster)\b[^.!?]{0,30}\b(?:fail|error)|\bkubeadm\s+(?:init|join|upgrade)\b[^.!?]{0,60}\b(?:fail|error|hang|stuck|preflight)|\bpreflight\b[^.!?]{0,40}\b(?:error|fail)|(?:启动|啟動)\s*kubelet\s*(?:报错|報錯|失败|失敗)|kubelet\s*(?:启动|啟動)\s*(?:报错|報錯|失败|失敗)|\bkubelet\b[^.!?]{0,20}\b(?:fails?|failed)\s+to\s+start/i;
/** Datapath words in the headline: "kubeadm join: calico node fails with bird.ctl" is a CNI's BGP daemon failing. */
const SETUP_DATAPATH = /\bbgp\b|\bbird\b|\bipip\b|\bvxlan\b|geneve|tunnel|\bmtu\b|\bping\b|不通|unreachable/i;

/**
 * A report about setting up the cluster itself: its first sentence says installing or creating the cluster failed,
 * that kubeadm's init, join or upgrade failed, or that the kubelet does not start, naming no CNI and no datapath, and
 * its body names no path a runbook explains (`ANY_PLUGIN_PATH`: DNS, Services, a refused or timed-out connection,
 * MTU). "Kind create cluster fails with 3 worker nodes ... it's not able to resolve the DNS name kind-control-plane"
 * is a DNS report; "kubeadm join: calico node fails with bird.ctl" one of Calico's BGP daemon. Installing a cluster
 * is no datapath's runbook. Returns the subject's name, else null.
 */
export function uncoveredClusterSetup(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!CLUSTER_SETUP_FAILED.test(headline) || CNI_NAMES.test(headline) || SETUP_DATAPATH.test(headline))
    return null;
  const at = text.indexOf(headline);
  const body = at >= 0 ? text.slice(at + headline.length) : text;
  if (ANY_PLUGIN_PATH.test(body.replace(SYSTEMD_UNIT, ' '))) return null;
  return explained ? null : 'setting up the cluster (install, kubeadm join, kubelet start-up)';
}

/**
 * A systemd unit's name (`kubelet.service`, `containerd.service`, `docker.socket`) as `systemctl status` and
 * `journalctl -u` print it: the node's daemon, not a Kubernetes Service a runbook explains.
 */
const SYSTEMD_UNIT = /\b[\w@-]+\.(?:service|socket)\b/gi;

/** Set-up words in an asking clause: "why does kubeadm init fail?", "怎么安装才不报错？" ask about the set-up itself. */
const SETUP_WORDS =
  /\bkubeadm\b|\bpreflight\b|\binstall|\bbootstrap|安装|安裝|搭建|(?:创建|創建|部署)\s*(?:k8s|kubernetes|集群|叢集)/i;

/** Whether an asking clause is about setting up the cluster itself (not a value of a part a runbook covers). */
export function namesClusterSetup(text: string): boolean {
  return CLUSTER_SETUP_FAILED.test(text) || SETUP_WORDS.test(text);
}

/** Whether a runbook explains setting up a cluster failing. */
export function clusterSetupExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, CLUSTER_SETUP_FAILED);
}

/**
 * An application framework's own service registry: Nacos, ZooKeeper (ZK), Eureka, Consul, Dubbo's and Seata's
 * registries, Spring Cloud, 注册中心, 服务治理.
 */
const APP_REGISTRY =
  /\bnacos\b|\bzookeeper\b|\bzk\b|\beureka\b|\bconsul\b|\bdubbo\b|\bseata\b|spring\s*cloud|注册中心|註冊中心|服务治理|服務治理/i;
/** An address an application registers ("注册IP", "dubbo注册的是容器的地址", "registers the pod IP"). */
const REGISTERED_ADDRESS =
  /(?:注册|註冊)[^。！？,，;；]{0,8}(?:ip|地址)|(?:ip|地址)[^。！？,，;；]{0,6}(?:注册|註冊)|\bregist(?:er|ers|ered|ering|ration)\b[^.!?]{0,30}\b(?:ip|address)/i;

/**
 * A report about which address an application framework registers in its own registry: its first sentence names
 * the framework or registry ("k8s环境部署高可用seata注册IP问题", "dubbo部署到k8s，连接外部的ZK，外部dubbo连接ZK发现地址不通") and
 * the report says an address is registered ("注册IP是pod里自动分配的IP", "dubbo注册的是容器的地址"). What the application
 * advertises is its own setting, not a path a runbook follows. A headless Service of ZooKeeper or Nacos whose name
 * does not resolve ("nacos-headless服务名无法解析") registers nothing and is a DNS report. Returns the subject's name,
 * else null.
 */
export function uncoveredAppRegistry(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!APP_REGISTRY.test(headline) || !REGISTERED_ADDRESS.test(text)) return null;
  return explained ? null : "an application's own service registry (Nacos, ZooKeeper, Dubbo)";
}

/** Whether a runbook explains the addresses applications register in their own registries. */
export function appRegistryExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, REGISTERED_ADDRESS);
}
