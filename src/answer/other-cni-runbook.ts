/**
 * A report whose cluster runs a network plugin the KB has no runbook for, answered from the runbook of another plugin:
 * "Network not working after node reboot ... We run Weave Net 2.8.1 ... weave status shows 0 established
 * connections", "Pods on one node lose connectivity ... kubectl logs weave-net-abcde -c weave" lead with Calico's
 * BGP runbook. That runbook's words (peers, routes, tunnels, node restarts) match the report, but its commands
 * (`calicoctl node status`, calico-node's logs) inspect a datapath the cluster does not have: the failing subject is
 * the cluster's own plugin, which no runbook explains. A path every plugin shares (a Service, DNS, a NetworkPolicy,
 * MTU) named in the first sentence is left answered, even when another plugin's runbook leads ("Ingress network
 * policy blocks readiness checks" on kube-router); so is a report naming a covered plugin anywhere (the cluster may
 * run that one, or be moving to it) or a distribution whose default plugin is the leading runbook's (K3s runs Flannel
 * beside kube-router's policy controller). Pure.
 */

import { distroDefaultCni } from '../retrieve/distro-cni.js';
import { CNI_NAMES } from './clarify.js';
import { clusterPlugins, PATH_OF_ANY_PLUGIN } from './uncovered-plugin-datapath.js';
import { readReport } from './uncovered-subjects.js';

/**
 * Weaveworks products that are not Weave Net ("weave scope", "Weave GitOps", "weave cloud", "weave flux"): a report
 * naming one says nothing about the cluster's pod network.
 */
const NOT_WEAVE_NET = /\bweave[\s-]+(?:scope|gitops|cloud|flux|ignite|works)\b/gi;

/** Covered plugins' own tools, which name the plugin a report runs as surely as its name: `kubectl ko` (Kube-OVN). */
const COVERED_TOOLS = /\bkubectl[\s-]ko\b/i;

/**
 * Network plugins' own command-line tools, by the plugin's name in the glossary: Kube-OVN's kubectl plugin
 * (`kubectl ko ofctl`), `calicoctl`, `cilium-dbg` and `hubble`, flannel's files, OVN-Kubernetes' `ovnkube` pods.
 */
const PLUGIN_TOOLS: readonly { cni: string; tool: RegExp }[] = [
  { cni: 'kube-ovn', tool: /\bkubectl[\s-]ko\b|kube-?ovn/i },
  { cni: 'calico', tool: /calico/i },
  { cni: 'cilium', tool: /cilium|\bhubble\b/i },
  { cni: 'flannel', tool: /flannel/i },
  { cni: 'ovn-kubernetes', tool: /ovnkube|ovn-k8s/i },
];

/** The one plugin whose own tool a command runs (`kubectl ko vsctl`, `calicoctl`), or null: none, or several. */
export function commandPlugin(command: string): string | null {
  const plugins = PLUGIN_TOOLS.filter(({ tool }) => tool.test(command));
  return plugins.length === 1 ? (plugins[0]?.cni ?? null) : null;
}

/**
 * The plugin whose own tools run more than half of a runbook's commands, or null. A tool's how-to about no one plugin
 * by its topic (OVS flow tables, `kubectl ko trace`) is still that plugin's runbook for the engineer when its commands
 * are `kubectl ko ofctl ...`: they fail on a cluster without it. A runbook about no particular plugin names a plugin's
 * tool in a few commands at most (one `calicoctl get networkpolicy` among twenty).
 */
export function commandsPlugin(commands: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const command of commands) {
    const only = commandPlugin(command);
    if (only) counts.set(only, (counts.get(only) ?? 0) + 1);
  }
  for (const [cni, count] of counts) if (count * 2 > commands.length) return cni;
  return null;
}

/**
 * The subject to decline when `leadCni` (the plugin of the runbook the answer leads with; null: a runbook about no
 * particular plugin) is not a plugin the report runs: the report says its cluster runs only plugins the KB does not
 * cover (`known`: the KB names the plugin) and names no covered one. Else null.
 */
export function otherCniRunbookLeads(
  question: string,
  leadCni: string | null,
  known: (name: string) => boolean,
): string | null {
  if (leadCni === null) return null;
  const report = readReport(question);
  if (PATH_OF_ANY_PLUGIN.test(report.headline)) return null;
  const text = report.text.replace(NOT_WEAVE_NET, ' ');
  const plugins = clusterPlugins(text);
  if (plugins.length === 0 || plugins.some(known)) return null;
  if ((text.match(new RegExp(CNI_NAMES.source, 'gi')) ?? []).some((name) => known(name.toLowerCase())))
    return null;
  if (COVERED_TOOLS.test(text) || distroDefaultCni(text, []) === leadCni) return null;
  return `the ${plugins.join(', ')} network plugin's own datapath (its agents, peers, tunnels and routes)`;
}
