/**
 * A report about a Windows node's own pod networking: Windows pods or nodes named in its first sentence, or the
 * Windows network stack that plumbs their pods (HNS networks and endpoints, win-bridge, win-overlay, sdnbridge). The
 * runbooks follow Linux nodes' datapaths (veth, iptables, VXLAN devices, OVS); a Windows node's HNS policies are its
 * own. Declined only while no runbook states a Windows node in its title, triggers, headings or symptoms
 * (KB-relative, as uncovered-subjects.ts). Pure.
 */
import type { DocRecord } from '../core/types.js';
import { anyRunbookStates, readReport } from './uncovered-subjects.js';

type TopicDoc = Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>;

/**
 * Windows as the platform of a node or its pods: "Windows pods", "Windows node reboot", "Windows Server Core",
 * "in Windows (Server Core, version 1909)", Windows 节点. Not Windows as the reporter's own machine ("Windows 10",
 * "a windows shell", "my windows host machine", Docker Desktop on Windows), whose browser or shell only reaches the
 * cluster.
 */
const WINDOWS_NODE =
  /\bwindows\s*(?:\(\s*)?(?:worker\s+)?(?:nodes?|pods?|containers?|workers?|server(?:\s+core)?|kubelet)\b|\bwin(?:dows)?\s*server\s*(?:core|20\d\d|1[89]\d\d)\b|windows\s*(?:节点|節點|容器|服务器|伺服器)/i;
/** The Windows network stack that plumbs a Windows node's pods: HNS and the CNI plugins driving it. */
const WINDOWS_DATAPATH =
  /\bhns(?:endpoints?|networks?|call|policy|policies)?\b|host\s+networking\s+service|\bwin-?(?:bridge|overlay)\b|\bsdn(?:bridge|overlay)\b|\b(?:get|new|remove)-hns\w*/i;

/**
 * The subject when a report's first sentence names Windows nodes or pods or the Windows network stack ("Windows pods
 * do not start with flannel host-gw", "kube-flannel-ds-windows-amd64 stuck in ContainerCreating after Windows node
 * reboot", "sdnbridge + flannel in host-gw mode: wrong endpoint default gateway"); else null. A report naming Windows
 * nodes only in its body beside a path a runbook explains ("Networking issue between nodes ... 3 Linux Nodes, 2
 * Windows Nodes") is about that path, and one whose Windows is the reporter's desktop ("curl timed out ... WSL2,
 * Windows 11") is answered.
 */
export function uncoveredWindowsNode(question: string, explained: boolean): string | null {
  const { headline } = readReport(question);
  if (!WINDOWS_NODE.test(headline) && !WINDOWS_DATAPATH.test(headline)) return null;
  return explained ? null : "a Windows node's pod networking (HNS, win-bridge)";
}

/** Whether a runbook states a Windows node or its network stack in its topics. */
export function windowsNodeExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, WINDOWS_NODE) || anyRunbookStates(docs, WINDOWS_DATAPATH);
}
