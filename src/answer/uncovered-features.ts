/**
 * Plugin features beside the pod network's paths that no runbook of the KB explains, read from a report's failing
 * subject (its first sentence): joining pods of several clusters (Cilium Cluster Mesh, a BGP route reflector shared by
 * clusters, Submariner), a fixed egress gateway or egress IP, an L7 proxy, a pod's bandwidth limit (QoS), Kube-OVN's
 * switch load-balancer rules and VIP objects, pods on edge nodes joined through an edge framework's tunnel
 * (KubeEdge, OpenYurt, SuperEdge), a cluster inside a desktop's VM (Docker Desktop), a KubeVirt VM inside a pod, and a
 * VPP datapath (Calico/VPP). Each is declined
 * only while no runbook states it in its title, triggers, headings or troubleshooting symptoms (KB-relative, as the
 * declines of clarify.ts and uncovered-subjects.ts), and a report whose first sentence names a path a runbook of any
 * plugin covers (DNS, a Service, MTU, a timeout) is about that path. Pure.
 */
import { ANY_PLUGIN_PATH } from './clarify.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** One uncovered feature: how a headline names it, and the subject's name. */
interface Feature {
  readonly name: string;
  /** The feature named as the failing subject (in the first sentence). */
  readonly subject: RegExp;
  /** Where the headline does not name it: whether the rest of the report still makes it the subject. */
  readonly subjectOfBody?: (text: string, headline: string) => boolean;
}

/**
 * Pods of several clusters joined into one network: Cilium's Cluster Mesh, "multi-cluster", 多(k8s)集群, 跨集群,
 * "between (two) clusters", "within 2 KinD clusters", a remote cluster, Submariner. (Kube-OVN's ovn-ic has its own
 * decline.)
 */
const CROSS_CLUSTER =
  /\bcluster[\s-]?mesh\b|\bmulti[\s-]?clusters?\b|多\s*(?:个|套)?\s*(?:k8s|kubernetes)?\s*集群|跨\s*(?:k8s|kubernetes)?\s*集群|\b(?:between|across)\s+(?:the\s+|two\s+|2\s+|multiple\s+|several\s+|different\s+)?(?:(?:k8s|kubernetes|kind|k3d|k3s|minikube)\s+)?clusters\b|\b(?:within|among)\s+(?:two|2|multiple|several|different)\s+(?:(?:k8s|kubernetes|kind|k3d|k3s|minikube)\s+)?clusters\b|\bremote\s+clusters?\b|\bsubmariner\b/i;

/** A fixed egress gateway or egress IP: Cilium's Egress Gateway, OVN-Kubernetes' EgressIP, kube-static-egress. */
const EGRESS_GATEWAY =
  /\begress[\s-]?gateways?\b|\begressgatewaypolic|\begressips?\b|\bstatic[\s-]?egress|出口网关|出口網關/i;
/** A headline about the egress path, whose body then says the path runs through such a gateway. */
const EGRESS_HEADLINE = /\begress\b|\bsnat\b|masquerad|\beip\b|出口|出网|出網/i;
const EGRESS_WORDS = new RegExp(EGRESS_HEADLINE.source, 'gi');
/** The gateway's parts a report quotes when it runs one: the gateway, its egress node and IP, `cilium bpf egress`. */
const EGRESS_GATEWAY_PARTS = new RegExp(
  `${EGRESS_GATEWAY.source}|\\begress[\\s-]+nodes?\\b|\\bbpf\\s+egress\\b|\\begress[\\s-]+ips?\\b`,
  'gi',
);
/** A gateway named this many times (with its parts) is what the report runs, not a fix it considered. */
const GATEWAY_MENTIONS = 2;

/** An L7 (HTTP-aware) proxy or policy in the datapath: Cilium's L7Proxy, Envoy, 七层代理/策略. */
const L7_PROXY =
  /\bl7[\s-]?prox(?:y|ies)\b|\bl7[\s-]?polic(?:y|ies)\b|\benvoy\b|七层\s*(?:代理|策略)|七層\s*(?:代理|策略)/i;

/**
 * Pods on edge nodes joined to a cloud cluster through a tunnel of an edge framework (KubeEdge and its EdgeMesh,
 * edgecore/cloudcore/keadm, SuperEdge's tunnel-cloud/tunnel-edge, OpenYurt's Raven and YurtHub, FabEdge): "cloud nodes
 * except connector cannot visit pods in edge nodes", "使用 raven 云边 pod 无法通信", "云端节点通过tunnel 访问边端节点失败".
 * Their cloud-to-edge path is the framework's tunnel, which no datapath runbook follows.
 */
const CLOUD_EDGE =
  /\bkube-?edge\b|\bsuper-?edge\b|\bopen-?yurt\b|\byurt-?hub\b|\braven\b|\bfab-?edge\b|\bedge-?mesh\b|\bedge-?core\b|\bcloud-?core\b|\bkeadm\b|\btunnel-(?:cloud|edge)\b|\bedge[\s-]*(?:nodes?\b|sides?\b|端|节点|節點)|\bcloud[\s-]+(?:and[\s-]+)?edge\b|云边|雲邊|边端|邊端|边缘\s*(?:节点|端|集群|计算)|邊緣\s*(?:節點|端|叢集|計算)/i;

/**
 * A pod's bandwidth limited by its plugin (QoS): Kube-OVN's `ovn.kubernetes.io/ingress_rate`/`egress_rate`, the
 * bandwidth plugin's `kubernetes.io/egress-bandwidth`, Cilium's Bandwidth Manager, 限速/带宽限制/流量限制 ("QoS bandwidth
 * annotations are reversed", "ovn.kubernetes.io/egress_rate 参数不起作用"). A limit is a setting of the plugin, not
 * a broken path a runbook follows.
 */
const BANDWIDTH_LIMIT =
  /(?:ingress|egress)[_-]rate\b|\bqos\b|kubernetes\.io\/(?:ingress|egress)-bandwidth|\bbandwidth[\s-]?manager\b|\bbandwidth\s+(?:limits?|limiting|annotations?)\b|\brate[\s-]?limit(?:s|ing|ed)?\b|限速|限流|带宽限制|帶寬限制|流量限制/i;
const BANDWIDTH_WORDS = new RegExp(BANDWIDTH_LIMIT.source, 'gi');
/** A limit the report keeps naming this many times is what it is about ("ingress annotations设置后未生效 ... ingress_rate"). */
const LIMIT_MENTIONS = 2;
/** A headline saying a path is broken: a limit named beside it is the cluster's setting, not the subject. */
const BROKEN_PATH =
  /不通|连不上|連不上|丢包|丟包|unreachable|not\s+reachable|(?:can'?t|cannot|can\s+not)\s+(?:talk|reach|connect|ping)|packet\s+loss|drop/i;

/**
 * Kube-OVN's load balancing inside a subnet or VPC by its own objects: a `SwitchLBRule` (`slr`, `switch_lb_vip`), a
 * VPC load balancer, or a reserved `Vip` object ("创建SwitchLBRule资源对象，VIP访问不通", "同一子网内申请一个vip资源并配置负载").
 * A VIP of a Service, MetalLB or keepalived is no such object: only "vip 资源/对象/CRD" and `kind: Vip` name one.
 */
const SWITCH_LB =
  /switch[-_ ]?lb[-_ ]?(?:rules?|vips?)\b|\bslrs?\b|\bvpc[-_ ]?lbs?\b|\bkind:\s*vip\b|\bvips?\s*(?:资源|資源|对象|對象|crd)/i;

/**
 * A cluster run inside a desktop's VM (Docker Desktop, Rancher Desktop, Podman Desktop, Colima, OrbStack), named in the
 * headline ("Rancher Desktop K8s cluster is not accessible via localhost", "reply is unreachable on Docker Desktop"):
 * how the desktop forwards localhost and the host's addresses into its VM is the desktop's own networking, which no
 * runbook follows. Named only in the body ("Kubernetes: Cannot access service ... on Docker Desktop"), it is the
 * cluster's setting beside the headline's path.
 */
const DESKTOP_VM = /\b(?:docker|rancher|podman)\s+desktop\b|\bcolima\b|\borbstack\b/i;

/**
 * A virtual machine run in a pod by KubeVirt, named in the headline ("The kubevirt vm can't ping", "kubevirt 虚拟机热迁移后
 * 网络中断"): how the VM's interface is bound to its pod's (bridge, masquerade, its `virt-launcher` pod, a VMI) is
 * KubeVirt's own networking, which no runbook follows. Plain "VM" or 虚拟机 is no such name: most reports run their nodes
 * on VMs ("我是自己的虚拟机，关闭启动后kuboard不能访问了"), and a report naming KubeVirt only in its body ("集群外部无法访问集群内部分配的
 * vip ... 使用kubevirt在集群里面创建了KVM虚拟机") is about its headline's path.
 */
const KUBEVIRT = /\bkube-?virt\b|\bvirt-(?:launcher|handler)\b|\bvirtualmachineinstances?\b|\bvmis?\b/i;

/**
 * A datapath built on VPP (Calico/VPP, Contiv-VPP), named in the headline ("calico vpp failed to install on k8s cluster
 * with dpdk as vpp_uplink_driver"): its user-space forwarding, uplink drivers and interfaces are its own, which no
 * runbook follows. DPDK alone is not named: an OVS-DPDK node of Kube-OVN forwards with the OVS its runbooks follow.
 */
const VPP_DATAPATH = /\bvpp(?:[-_]\w+)?\b/i;

/**
 * A plugin's own component named in the headline (kube-ovn-controller, calico-node, cilium-agent): "删除 kube-ovn-controller
 * leader 节点多集群互联会出现网络不通" is about what happens to that component, which a runbook of its plugin explains.
 */
const PLUGIN_COMPONENT =
  /(?<![a-z0-9_-])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-(?:controller|node|agent|cni|daemon|operator)\b/i;

const FEATURES: readonly Feature[] = [
  {
    name: 'joining pods of several clusters (Cluster Mesh, shared route reflectors)',
    subject: CROSS_CLUSTER,
  },
  { name: 'egress gateways and egress IPs', subject: EGRESS_GATEWAY, subjectOfBody: egressThroughGateway },
  { name: 'L7 proxies and policies (Envoy, L7Proxy)', subject: L7_PROXY },
  {
    name: 'pod bandwidth limits (QoS, ingress_rate/egress_rate)',
    subject: BANDWIDTH_LIMIT,
    subjectOfBody: keepsNamingLimit,
  },
  { name: 'Kube-OVN switch load-balancer rules and VIP objects (SwitchLBRule, Vip)', subject: SWITCH_LB },
  {
    name: 'pods on edge nodes joined through an edge framework (KubeEdge, OpenYurt Raven, SuperEdge)',
    subject: CLOUD_EDGE,
  },
  { name: "a desktop VM's own networking (Docker Desktop, Rancher Desktop)", subject: DESKTOP_VM },
  { name: "KubeVirt virtual machines' own networking (virt-launcher, VMI)", subject: KUBEVIRT },
  { name: 'VPP datapaths (Calico/VPP, Contiv-VPP)', subject: VPP_DATAPATH },
];

/**
 * An egress headline ("Cilium Egress Masquerade does not work if pod is local") whose report then says the egress runs
 * through a gateway (naming it and its parts: "Egress Gateway does not masquerade when pod is running on Egress Node")
 * is about that gateway; a plain SNAT report, or one naming a gateway once as a fix it considered, is answered from the
 * egress runbook.
 */
function egressThroughGateway(text: string, headline: string): boolean {
  return (
    EGRESS_HEADLINE.test(headline) &&
    EGRESS_GATEWAY.test(text) &&
    (text.match(EGRESS_GATEWAY_PARTS)?.length ?? 0) >= GATEWAY_MENTIONS
  );
}

/**
 * A headline naming no broken path over a report that keeps naming the pod's bandwidth limit ("[BUG] ingress
 * annotations设置后未生效 ... ingress_rate ... ingress_rate") is about the limit; named once beside a broken path
 * ("Pods on node2 cannot reach pods on node1. We also set ingress_rate") it is the cluster's setting.
 */
function keepsNamingLimit(text: string, headline: string): boolean {
  return !BROKEN_PATH.test(headline) && (text.match(BANDWIDTH_WORDS)?.length ?? 0) >= LIMIT_MENTIONS;
}

/** Whether the feature is the report's failing subject (see `uncoveredFeature`). */
function isSubject(feature: Feature, text: string, headline: string): boolean {
  return feature.subject.test(headline) || (feature.subjectOfBody?.(text, headline) ?? false);
}

/**
 * The uncovered feature a report is about, else null: its first sentence names the feature ("ClusterMesh - TCP not
 * working between clusters endpoints", "calico bgp rr模式，如何支持多k8s集群？", "EgressIP with OVN-Kubernetes causes
 * network connectivity issues", "Misbehaving L7Proxy makes Cilium API Unable to create new endpoint") and names no
 * path a runbook covers.
 * A report that mentions the feature only in its body ("Pods can't reach 10.96.0.1 ... we also run Cluster Mesh") is
 * about its headline; so is "DNS fails across clusters". `explained` says which features a runbook explains.
 */
export function uncoveredFeature(question: string, explained: (name: string) => boolean): string | null {
  const { text, headline } = readReport(question);
  if (PLUGIN_COMPONENT.test(headline)) return null;
  for (const feature of FEATURES) {
    // The egress path's own words (SNAT, masquerade, 出口) are what an egress gateway report's headline names.
    const path = feature.subject === EGRESS_GATEWAY ? headline.replace(EGRESS_WORDS, ' ') : headline;
    if (ANY_PLUGIN_PATH.test(path) || !isSubject(feature, text, headline)) continue;
    return explained(feature.name) ? null : feature.name;
  }
  return null;
}

/** Which features a runbook explains: its title, triggers, headings or troubleshooting symptoms name the feature. */
export function featuresExplainedBy(docs: readonly TopicDoc[]): (name: string) => boolean {
  const explained = new Set(
    FEATURES.filter((feature) => anyRunbookStates(docs, feature.subject)).map((feature) => feature.name),
  );
  return (name) => explained.has(name);
}

/** Whether an asking clause is about one of these features itself (not a value of a part a runbook covers). */
export function namesFeature(text: string): boolean {
  return FEATURES.some((feature) => feature.subject.test(text));
}
