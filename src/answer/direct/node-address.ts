/**
 * A report that a pod has its node's IP: "发现ip与node是同一个地址", "has the same ip address with the worker node",
 * "why is the pod IP of nodelocaldns same as the IP of node", and a pasted `kubectl get pod -o wide` row whose pod IP
 * is its node's ("kube-flannel-ds-2pwbk 1/1 Running 1 14m 192.168.31.150 192.168.31.150"). Such a pod runs with
 * hostNetwork: it uses the node's network stack, so its IP is the node's by design. The report's own words (the CNI
 * it installed, the pasted rows) pull retrieval toward the CNI's runbook; the fact it asks about is searched instead.
 * Not two pods sharing one pod-network IP ("2 pods have the same IP"), nor a Service or external address. Pure.
 */

/** What retrieval is asked for such a report: the fact the hostNetwork runbook states. */
export const POD_HAS_NODE_IP = 'hostNetwork Pod IP 等于节点 IP';

const ADDRESS = String.raw`(?:ip(?:\s*address)?|address|地址)`;
const NODE = String.raw`(?:(?:worker\s+|host\s+)?node|host|节点|節點|宿主机|宿主機|主机|主機)`;
const SAME = String.raw`(?:the\s+)?same|identical|equal|相同|一样|一樣|同一个|同一個|一致|等于|等於`;

/**
 * The pod's address said to be the node's: "ip与node是同一个地址", "same ip address with the worker node", "pod IP of
 * X same as the IP of node", "podIp same as hostIp", "pods show the node's address instead of a pod-network address".
 */
const SAID = new RegExp(
  [
    // "ip与node是同一个地址", "pod 的 IP 和节点 IP 一样"
    String.raw`${ADDRESS}\s*(?:和|与|與|跟)\s*${NODE}[^，,。？?；;]{0,12}?(?:${SAME})`,
    // "has the same ip address with the worker node", "same IP as the node"
    String.raw`\b(?:${SAME})\s+${ADDRESS}\s+(?:as|with)\s+(?:the\s+|its\s+|their\s+)?${NODE}\b`,
    // "the pod IP of nodelocaldns same as the IP of node", "podIp same as hostIp"
    String.raw`\bpod\s*ips?\b[^.?!;\n]{0,40}?\b(?:${SAME})\s+(?:as|to|with)\s+(?:the\s+)?(?:${ADDRESS}\s+of\s+(?:the\s+)?${NODE}\b|${NODE}(?:'s)?\s*${ADDRESS})`,
    // "pods show the node's address instead of a pod-network address", "pods get the host IP"
    String.raw`\bpods?\b[^.?!;\n]{0,30}?\b(?:show|get|have|has|use|got|showing|getting|using)s?\s+(?:the\s+)?${NODE}(?:'s)?\s+${ADDRESS}`,
    // "Pod IP 就是节点 IP", "pod 的 ip 是宿主机的 ip"
    String.raw`pod\s*(?:的)?\s*ip\s*(?:就|也)?(?:是|为|為|变成|變成)\s*${NODE}\s*(?:的)?\s*ip`,
  ].join('|'),
  'i',
);

/** A `kubectl get pod -o wide` row: name, ready, status, restarts, age, then the pod IP and the node. */
const POD_ROW =
  /\b[a-z0-9][\w.-]*\s+\d+\/\d+\s+[A-Z][A-Za-z]+\s+\d+(?:\s*\([^)]*\))?\s+\w+\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\S+)/g;

/** Whether a pasted pod row shows a pod whose IP is its node's (by address, or as the cloud's node name spells it). */
function rowOnNodeIp(text: string): boolean {
  for (const match of text.matchAll(POD_ROW)) {
    const [, ip, node] = match;
    if (!ip || !node) continue;
    // EC2 spells a node's address into its name: 10.0.1.5 → `ip-10-0-1-5[.ec2.internal]`.
    const cloudName = `ip-${ip.replace(/\./g, '-')}`;
    if (node === ip || node === cloudName || node.startsWith(`${cloudName}.`)) return true;
  }
  return false;
}

/** Whether the text says, or its pasted pod rows show, that a pod has its node's IP. */
export function podHasNodeIp(text: string): boolean {
  const normal = text.normalize('NFKC');
  return SAID.test(normal) || rowOnNodeIp(normal);
}

/** Pasted `kubectl get pod -o wide` rows (and "如下所示：" before them) removed from a clause: its words remain. */
export function withoutPodRows(clause: string): string {
  return clause
    .replace(POD_ROW, ' ')
    .replace(/[,，]?\s*(?:如下所示|如下|as (?:shown )?below|as follows)\s*[:：]?/gi, ' ')
    .replace(/\s*[;；]\s*$/u, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
