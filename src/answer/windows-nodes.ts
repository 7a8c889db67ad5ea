/**
 * A report about Windows nodes' own pod networking: a Windows pod or node that cannot reach a Service, resolve DNS or
 * reach other pods, the Host Networking Service (HNS) and its networks and endpoints, VFP rules, kube-proxy's
 * winkernel mode, flanneld.exe or Calico for Windows. A Windows node wires its pods through HNS and VFP, not through
 * Linux bridges, iptables or IPVS that the runbooks follow. A first sentence naming Linux nodes as failing too
 * ("NodePort broken on both Linux and Windows nodes") is about the Linux datapath the runbooks explain. Declined only
 * while no runbook is about Windows nodes (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Windows pods, nodes or containers named as such, or the parts only Windows nodes have: HNS (`Get-HnsEndpoint`,
 * `hnsnetwork`), VFP, kube-proxy's `winkernel` mode, the `.exe` builds of the node's agents (Windows 节点, Windows 容器).
 */
const WINDOWS_SUBJECT =
  /\bwindows\s+(?:server\s+(?:\d{4}\s+)?)?(?:pods?|nodes?|containers?|workers?|hosts?)\b|\bwin(?:dows)?-?(?:pods?|nodes?)\b|\bhns(?:network|endpoint|policy)?\b|get-hns\w*|host\s+networking\s+service|\bvfp\b|\bwinkernel\b|\b(?:kube-proxy|flanneld|calico-node|kubelet)\.exe\b|windows\s*(?:节点|節點|容器|pod)/i;
/** Linux nodes or pods named as failing beside the Windows ones: the Linux datapath is a runbook's. */
const LINUX_TOO = /\blinux\s+(?:and|&|\/|or)\s+windows\b|\bwindows\s+(?:and|&|\/|or)\s+linux\b/i;

/**
 * The subject when a report's first sentence names Windows pods, nodes or containers, or HNS and the other parts only
 * Windows nodes have ("Windows pods cannot resolve DNS ... inside a Windows Server 2022 container", "Get-HnsEndpoint
 * shows the endpoint but curl to the ClusterIP times out"); else null. "Networking issue between nodes ... 2 Windows
 * Nodes (Server 2019)" names Windows nodes only in its inventory and is answered.
 */
export function uncoveredWindowsNodes(question: string, explained: boolean): string | null {
  const { headline } = readReport(question);
  if (!WINDOWS_SUBJECT.test(headline) || LINUX_TOO.test(headline)) return null;
  return explained ? null : "Windows nodes' own pod networking (HNS, VFP, winkernel)";
}

/** The parts only Windows nodes have (HNS, VFP, winkernel): an asking clause naming one asks about them. */
const WINDOWS_PARTS = /\bhns\w*\b|get-hns\w*|host\s+networking\s+service|\bvfp\b|\bwinkernel\b/i;

/** Whether an asking clause is about Windows nodes' own parts (not a value of a runbook's part beside them). */
export function namesWindowsParts(focus: string): boolean {
  return WINDOWS_PARTS.test(focus);
}

/** Whether a runbook is about Windows nodes (its title, triggers, headings or symptoms name them or HNS). */
export function windowsNodesExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, WINDOWS_SUBJECT);
}
