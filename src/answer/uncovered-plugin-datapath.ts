/**
 * Pods that cannot reach pods on other nodes, in a cluster whose network plugin the KB has no runbook for: "跨节点pod
 * 不通 ... 网络插件 terway", "some pods can't ping other ones ... --networking kube-router", "pod can not communicate
 * with each other which on different node ... netctl net create". Traffic between pods on two nodes crosses the
 * plugin's own datapath (its routes, tunnels, VLANs or cloud ENIs), which only that plugin's runbook explains; the
 * runbooks about no particular plugin (Services, DNS, same-node bridges, MTU) share the report's words, not its
 * subject. A path of any plugin named in the first sentence (a Service, DNS, an MTU mismatch) keeps the report
 * answered, and so does a report naming a CNI the KB covers (`calicoctl`, "flannel"): the cluster may run that one.
 * KB-relative, as the other declines. Pure.
 */

import { foldText } from '../retrieve/normalize.js';
import { CNI_NAMES, WIDELY_USED_PLUGINS } from './clarify.js';
import { namesMtu } from './docker-only.js';
import { sameNodeFails } from './node-contrast.js';
import { readReport } from './uncovered-subjects.js';

/**
 * Where a report says which plugin runs its cluster's pod network: "网络插件 terway", "网络插件为 kube-router", kops's
 * `--networking kube-router`, "CNI: romana", "network plugin: contiv", "using kube-router as the network plugin".
 */
const CLUSTER_PLUGIN = [
  /(?:网络插件|網絡插件|網路插件|网络组件|網絡組件|cni\s*插件)\s*(?:[:：]|为|為|是|用|使用)?\s*([a-z][a-z0-9-]*)/gi,
  /--networking[=\s]+([a-z][a-z0-9-]*)/gi,
  /\b(?:network(?:ing)?\s+(?:plugin|provider|add-?on)|cni)\s*[:=]\s*([a-z][a-z0-9-]*)/gi,
  /\b([a-z][a-z0-9-]*)\s+as\s+(?:the\s+|a\s+|our\s+)?(?:network(?:ing)?(?:\s+(?:plugin|provider|add-?on))?|cni)\b/gi,
];

/**
 * A plugin's own command-line tool, which names the plugin a report runs however little its prose does: Contiv's
 * `netctl` (`netctl net create -t ...`) creates Contiv's networks and nothing else's.
 */
const PLUGIN_TOOLS: readonly { tool: RegExp; plugin: string }[] = [
  { tool: /\bnetctl\s+\w/i, plugin: 'contiv' },
];

/**
 * Plugins that only hand a pod to another plugin (Multus and its delegates): a report naming one runs a primary
 * plugin besides, whose datapath joins the nodes (the secondary-network decline is uncovered-subjects.ts's).
 */
const META_PLUGINS = new Set(['multus']);

/** Words that stand where a plugin's name would ("the same as the CNI", "CNI: none") without naming one. */
const NOT_A_PLUGIN = new Set(
  'the a an this that it its which what same default none any other custom'.split(' '),
);

/** Each widely used plugin with the pattern naming it as a whole word, built once. */
const WIDELY_USED_NAMED = WIDELY_USED_PLUGINS.map((name) => ({
  name,
  named: new RegExp(`(?<![a-z0-9-])${name}(?![a-z0-9-])`, 'i'),
}));

/** The plugins a report says its cluster runs, lower-cased: set as its network plugin, named, or by their tool. */
export function clusterPlugins(text: string): string[] {
  const names = new Set<string>();
  for (const pattern of CLUSTER_PLUGIN)
    for (const match of text.matchAll(pattern)) names.add((match[1] ?? '').toLowerCase());
  for (const { name, named } of WIDELY_USED_NAMED) if (named.test(text)) names.add(name);
  for (const { tool, plugin } of PLUGIN_TOOLS) if (tool.test(text)) names.add(plugin);
  return [...names].filter(
    (name) => /[a-z]{3}/.test(name) && !NOT_A_PLUGIN.has(name) && !META_PLUGINS.has(name),
  );
}

/**
 * Pods failing to reach other pods, as a first sentence says it: "some pods can't ping other ones", "pod can not
 * communicate with each other", "pod to pod across nodes does not work", "pods on different nodes cannot talk",
 * "pods can't talk across nodes", "跨节点pod不通", "不同节点的pod之间无法通信", "pod 跨节点 ping 不通".
 */
const PODS_FAIL_TO_REACH_PODS = new RegExp(
  [
    String.raw`\bpods?\b[^.。;；]{0,60}?(?:can'?t|cannot|can not|unable to|could ?n[o']t|not able to|fail(?:s|ed)? to|do(?:es)? ?n[o']t|do(?:es)? not|no longer)\s+(?:\w+\s+)?(?:ping|reach|communicate|connect|talk|access)\b[^.。;；]{0,30}?\b(?:other|others|each other|one another|another|pods?|ones|(?:across|between)\s+(?:the\s+)?(?:nodes|hosts|workers))\b`,
    String.raw`\bpod[- ]to[- ]pod\b[^.。;；]{0,60}?(?:\bnot\b|n't|\bfail|\bbroken\b|\btim(?:e|es|ed) ?out\b|\bloss\b|\bdrop)`,
    '(?:跨节点|跨主机|不同(?:的)?(?:节点|主机|node))[^。；;]{0,12}?pod[^。；;]{0,12}?(?:不通|无法(?:通信|互通|访问|ping)|不能(?:通信|互通|访问|ping))',
    'pod[^。；;]{0,6}?(?:之间|间|跨节点|跨主机)[^。；;]{0,8}?(?:不通|无法(?:通信|互通|访问|ping)|不能(?:通信|互通|访问|ping))',
  ].join('|'),
  'i',
);

/**
 * Paths the runbooks about no particular plugin explain, named in the first sentence: a Service, DNS, NodePort, an
 * ingress or load balancer, a host port, a network policy, the outside, the API server, MTU. Narrower than
 * clarify.ts's `ANY_PLUGIN_PATH`: a ping between pods that "times out" is still the plugin's own datapath.
 */
export const PATH_OF_ANY_PLUGIN =
  /\bservices?\b|\bsvc\b|clusterip|cluster ip|node ?port|load ?balancer|ingress|host ?port|\bdns\b|coredns|kube-dns|resolv|network ?polic|\bmtu\b|internet|external|egress|\bsnat\b|masquerade|api ?server|kube-proxy|服务|外网|公网|域名|解析|网络策略/i;

/**
 * The subject when a report's first sentence says pods cannot reach other pods (not only on their own node, which a
 * runbook about no particular plugin explains) and the report says its cluster runs only plugins the KB has no
 * runbook for; else null. "Pod to pod on different nodes do not ping ... do I need flannel or kube-router?" names
 * Calico (`calicoctl`) and Flannel and is answered; so is "pods on different nodes cannot reach the kube-dns Service
 * (kube-router)", a Service's path.
 */
export function uncoveredPluginDatapath(question: string, known: (name: string) => boolean): string | null {
  const { text, headline } = readReport(question);
  // Folded (lower case, simplified Chinese) so one pattern reads "跨節點" as "跨节点".
  const folded = foldText(headline);
  if (!PODS_FAIL_TO_REACH_PODS.test(folded) || PATH_OF_ANY_PLUGIN.test(folded)) return null;
  if (sameNodeFails(headline) || namesMtu(text)) return null;
  const plugins = clusterPlugins(text);
  if (plugins.length === 0 || plugins.some(known)) return null;
  if ((text.match(new RegExp(CNI_NAMES.source, 'gi')) ?? []).some((name) => known(name.toLowerCase())))
    return null;
  return `pods reaching pods on other nodes over the ${plugins.join(', ')} network plugin's own datapath`;
}
