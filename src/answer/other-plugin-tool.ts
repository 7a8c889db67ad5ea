/**
 * A tool's how-to leading a report that names its CNI, when the tool is another plugin's. Pure.
 *
 * The OVS flow and `kubectl ko trace` runbooks are about no CNI by their topic, so naming a CNI does not scope them
 * out, but their commands are Kube-OVN's kubectl plugin (`commandsPlugin`): "flannel需要指定网卡正则表达式" or
 * "ovnkube node-init fails when -init-gateways true" led by them get `kubectl ko vsctl ...`, which fails on the
 * engineer's cluster. When a runbook of the CNI the report names scored about as high, that runbook leads: its
 * datapath is what the report is about. A close runbook only: "ovnkube-trace 怎么用" asks about the tool's how-to,
 * and OVN-Kubernetes' runbook scores far below it.
 */
import type { CommandRecord, DocRecord } from '../core/types.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import type { FusedHit } from '../retrieve/types.js';
import { commandPlugin, commandsPlugin } from './other-cni-runbook.js';

/**
 * The runbook of `cni` to lead with instead of the top hit's, when the top runbook is about no CNI (`ofDoc` null)
 * while its commands are another plugin's tools, and a runbook of `cni` has a hit scoring at least `share` of the
 * top hit's; otherwise null.
 */
export function namedCniOverOtherTool(
  hits: readonly FusedHit[],
  cni: string,
  ofDoc: (docPath: string) => string | null,
  share: number,
): DocRecord | null {
  const top = hits[0];
  if (!top || ofDoc(top.doc.path) !== null) return null;
  const plugin = commandsPlugin(top.doc.commands.map(({ command }) => command));
  if (plugin === null || plugin === cni) return null;
  const own = hits.find((hit) => ofDoc(hit.doc.path) === cni);
  return own && own.score >= top.score * share ? own.doc : null;
}

/**
 * The command runs another plugin's own tool than `cni`'s, the plugin the report runs (`kubectl ko ...` in a Flannel
 * report): it fails on that cluster, whichever runbook it comes from.
 */
export function runsOtherPluginTool(command: string, cni: string | undefined): boolean {
  if (cni === undefined) return false;
  const plugin = commandPlugin(command);
  return plugin !== null && plugin !== cni;
}

/**
 * The commands without those running another plugin's tool than `cni`'s. The leading runbook's own commands stay when
 * it is a tool's how-to: the question asks about the tool ("ovnkube-trace 怎么用"), which the how-to shows in each
 * plugin's form side by side.
 */
export function forReportCni(
  records: readonly CommandRecord[],
  top: DocRecord,
  cni: string | undefined,
): CommandRecord[] {
  const toolLeads = top.category === RETRIEVAL_CONFIG.toolDocs.category;
  return records.filter(
    (record) => !runsOtherPluginTool(record.command, cni) || (toolLeads && record.source.path === top.path),
  );
}
