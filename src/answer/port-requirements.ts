/**
 * A question asking for the list of ports a cluster's nodes need open in their firewall: "Which ports have to be
 * open between master and worker nodes?", "生产环境开启防火墙，master 和 node 需要开放的端口有哪些？". The answer is the
 * installation's port reference (the API server's, etcd's, the kubelet's ports), not a path a runbook follows.
 * A question naming a CNI or its datapath ("flannel vxlan 需要放行哪个端口", "which port does Calico use for BGP")
 * or a part a runbook explains (CoreDNS, kube-proxy) is answered from that runbook. Declined only while no runbook
 * states a cluster's port requirements (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { CNI_NAMES, CNI_NAMES_ALL } from './clarify.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** Ports asked for as a list: "which ports", "ports (and protocols) needed", "port requirements", 哪些端口, 端口有哪些. */
const PORT_LIST =
  /\b(?:which|what)\s+(?:tcp|udp|tcp\/udp)?\s*ports\b|\bports?\s+(?:and\s+protocols?\s+)?(?:are\s+|is\s+)?(?:needed|required)\b|\bport\s+requirements?\b|\bports\s+(?:that\s+)?(?:\w+\s+){0,3}(?:have|need|must|require)\s+(?:to\s+)?be\s+open|哪些\s*端口|端口\s*(?:有|是)?\s*哪些|端口列表/i;
/** Why the list is asked: a port to open or allow in a firewall or security group. */
const OPENED =
  /\bopen(?:ed)?\b|\ballow(?:ed)?\b|firewall|\bufw\b|security\s+groups?|开放|放行|打开|開放|防火墙|防火牆|安全组|安全組/i;
/**
 * What a runbook explains a port of: a CNI and its datapath (VXLAN's UDP port, BGP's TCP 179, Geneve), DNS,
 * kube-proxy, a network policy.
 */
const COVERED_PART =
  /vxlan|\bbgp\b|\bbird\b|geneve|\bipip\b|wireguard|\b(?:8472|4789|6081|179)\b|\bdns\b|core-?dns|kube-?dns|kube-proxy|network\s*polic|网络策略|網路策略/i;

/**
 * The plugin whose own ports are asked when the KB has no runbook of it ("Which ports are needed to be opened for
 * `weave launch`?"): named, with no plugin the KB covers beside it. Whatever part of it the question names (its DNS,
 * its data ports), only that plugin's reference states them. Null otherwise.
 */
function uncoveredPluginAsked(text: string, known: (name: string) => boolean): string | null {
  const named = (text.match(CNI_NAMES_ALL) ?? []).map((name) => name.toLowerCase());
  if (named.length === 0 || named.some((name) => known(name))) return null;
  return named[0] ?? null;
}

/**
 * The subject when a report asks which ports its nodes need open ("Which ports must be open between master and
 * nodes?", "sealos 集群开 firewalld 要放行哪些端口？") and names no CNI and no part a runbook explains, or asks them of
 * a plugin the KB does not cover (`known`: the KB names it); else null.
 */
export function uncoveredPortRequirements(
  question: string,
  explained: boolean,
  known: (name: string) => boolean = () => true,
): string | null {
  const { text } = readReport(question);
  if (!PORT_LIST.test(text) || !OPENED.test(text)) return null;
  const plugin = uncoveredPluginAsked(text, known);
  if (plugin) return `the ports ${plugin} needs open (a network plugin no runbook covers)`;
  if (CNI_NAMES.test(text) || COVERED_PART.test(text)) return null;
  return explained ? null : "the ports a cluster's nodes need open (the installation's port reference)";
}

/** Whether a runbook states a cluster's port requirements (its title, triggers, headings or symptoms). */
export function portRequirementsExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, PORT_LIST);
}
