/**
 * A report about the API server's virtual IP: kube-vip or keepalived holding a control-plane VIP, or the control
 * plane's load balancing ("VIP Unreachable on Secondary Control Plane", "kube-vip使用ARP模式不会给网卡添加vip ...
 * controlPlaneEndpoint ... port: 6443", "control plane load balancing does not work"). How the VIP fails over and is
 * announced (ARP, leader election) is the HA tool's own, in front of the API server; the runbooks follow pod and
 * Service paths. A report naming such a path beside the VIP (a NodePort reached through it, a LoadBalancer
 * Service, IPVS, conntrack, kube-proxy, pods) is answered from its runbook, and so is one where the CNI takes the VIP
 * as its node's address ("Calico can select VIP as the calico BGP protocol ip", "IP_AUTODETECTION_METHOD"): there the
 * VIP is a side subject and the CNI's node network is what fails. Declined only while no runbook is about
 * the control plane's VIP (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** A virtual IP or the tools that hold one, or the control plane's load balancing, named in the headline. */
const VIP_SUBJECT =
  /\bkube-?vip\b|\bkeepalived\b|\bvips?\b|virtual\s+ips?\b|虚拟\s*ip|虛擬\s*ip|漂移\s*ip|control[\s-]?plane\s+load[\s-]?balancing|control[\s-]?plane\s+(?:vip|endpoint)/i;
/** The control plane the VIP fronts: its nodes, the API server, its port, kubeadm's endpoint, its HA. */
const CONTROL_PLANE =
  /control[\s-]?plane|\bcontrolplane\b|controlplaneendpoint|api-?server|\b6443\b|\bmasters?\b|高可用/i;
/**
 * Paths a runbook follows that a report may reach through the VIP: a NodePort, a LoadBalancer Service (not kubeadm's
 * `internalLoadbalancer` that holds the VIP), IPVS, conntrack, kube-proxy.
 */
const COVERED_PATH =
  /node-?port|\bload-?balancer(?:\s+services?|ip)?\b|\bipvs\b|conntrack|kube-proxy|external-?ip/i;
/**
 * A CNI choosing its node's address, where a VIP on the same interface is taken by mistake: Calico's address
 * autodetection, a CNI named beside BGP, its peering, its node IP or interface flag. kube-vip's own BGP mode names
 * no CNI and stays declined.
 */
const CNI_NODE_ADDRESS =
  /ip_autodetection|autodetection[\s_-]method|\b(?:calico|flannel|cilium)(?:-node)?\b[^.\n]{0,80}?(?:\bbgp\b|\bpeering\b|node[\s-]?ip\b|public[\s-]ip\b|--iface\b|节点\s*ip)|\bbgp\b[^.\n]{0,80}?\b(?:calico|flannel|cilium)\b/i;
/** Pods reaching the VIP, as the headline says ("部分pod访问节点VIP不通"): a pod path, not the VIP's own failover. */
const PODS = /\bpods?\b(?!-)/i;

/** A runbook about the control plane's VIP (its title, triggers, headings or symptoms name kube-vip, keepalived). */
const VIP_RUNBOOK = /\bkube-?vip\b|\bkeepalived\b|control[\s-]?plane\s+(?:vip|load[\s-]?balanc)/i;

/**
 * The subject when a report's first sentence names a VIP, kube-vip or keepalived, or the control plane's load
 * balancing, the report names the control plane it fronts, and no path a runbook follows; else null. "The vip of
 * keepalived cannot access the nodeport" reaches a NodePort and is answered.
 */
export function uncoveredControlPlaneVip(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!VIP_SUBJECT.test(headline) || !CONTROL_PLANE.test(text)) return null;
  if (COVERED_PATH.test(text) || PODS.test(headline) || CNI_NODE_ADDRESS.test(text)) return null;
  return explained ? null : "the control plane's virtual IP (kube-vip, keepalived)";
}

/** Whether a runbook is about the control plane's VIP. */
export function controlPlaneVipExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, VIP_RUNBOOK);
}
