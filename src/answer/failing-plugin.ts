/**
 * The CNI plugin a pod's sandbox failed in, as the container runtime names it, and the decline when the KB has no
 * runbook for that plugin: `plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP
 * address to container`, `plugin type="azure-vnet" failed (add)`, Multus's `error in invoke Delegate add -
 * "macvlan"`. The runtime's line names the plugin whatever the report's prose calls it ("vpc cni", "Azure CNI",
 * "ENI"), so a cloud VPC plugin running out of addresses, or a Multus delegate failing, is told from a covered CNI's
 * sandbox failure (`plugin type="calico" failed (add)`) by that name alone. KB-relative: a plugin the KB's text names
 * (`bridge`, which flannel delegates to) is covered. Pure.
 */
import { ANY_PLUGIN_PATH, CNI_NAMES } from './clarify.js';
import { readReport } from './uncovered-subjects.js';

/**
 * Where the runtime and Multus name the plugin that failed: containerd's and CRI-O's `plugin type="X" failed
 * (add)` (quotes escaped when the line is pasted from a log's JSON), Multus's `error in invoke Delegate add - "X"`,
 * libcni's `failed to find plugin "X" in path`.
 */
const FAILING_PLUGIN = [
  /plugin\s+type=\\?"([a-z0-9][a-z0-9._-]*)\\?"(?:\s+name=\\?"[^"\\]*\\?")?\s+failed\s+\((?:add|del|check)\)/gi,
  /invoke\s+delegate\s+(?:add|del)\s+-\s+\\?"([a-z0-9][a-z0-9._-]*)\\?"/gi,
  /failed\s+to\s+find\s+plugin\s+\\?"([a-z0-9][a-z0-9._-]*)\\?"/gi,
];

/**
 * Plugins that only hand a pod to other plugins: their failure names the delegate that failed, or is the meta
 * plugin's own (Multus is the secondary-network decline's subject, uncovered-subjects.ts).
 */
const META_PLUGINS = new Set(['multus', 'multus-shim']);

/** A plugin binary's suffix beside its CNI's name: `cilium-cni` is Cilium's, `calico-ipam` Calico's. */
const BINARY_SUFFIX = /-(?:cni|ipam|shim|plugin)$/;

/** The plugins a report quotes the runtime (or Multus) naming as failed, lower-cased, meta plugins left out. */
export function failingPlugins(question: string): string[] {
  const text = question.normalize('NFKC');
  const names = new Set<string>();
  for (const pattern of FAILING_PLUGIN)
    for (const match of text.matchAll(pattern)) {
      const name = (match[1] ?? '').toLowerCase();
      if (name && !META_PLUGINS.has(name)) names.add(name);
    }
  return [...names];
}

/**
 * Whether the KB covers a failing plugin: it names the plugin (`bridge`, `portmap`), or the plugin is a binary of a
 * CNI it names (`cilium-cni`, `calico-ipam`). A cloud's plugin (`aws-cni`) is not covered by the KB naming its
 * cloud ("AWS" in a load balancer's row): only a CNI's own name counts for its binaries.
 */
function covered(name: string, known: (name: string) => boolean): boolean {
  if (known(name)) return true;
  const stem = name.replace(BINARY_SUFFIX, '');
  return stem !== name && CNI_NAMES.test(stem) && known(stem);
}

/**
 * The plugin a report is about when the runtime names it as the one a pod's sandbox failed in and the KB covers no
 * plugin so named ("Failed to assign an IP address to container ... plugin type=\"aws-cni\" failed (add)", "创建 Pod
 * 失败：plugin type=\"terway\" failed (add): ... no available ip"), else null. A report quoting a covered plugin's
 * failure too (a Multus delegate "calico" failing next to "macvlan") is answered from that plugin's runbook, and one
 * whose first sentence names a path a runbook of any plugin explains (DNS, a Service, a timeout) is about that path.
 */
export function uncoveredFailingPlugin(question: string, known: (name: string) => boolean): string | null {
  const plugins = failingPlugins(question);
  if (plugins.length === 0 || plugins.some((name) => covered(name, known))) return null;
  const { headline } = readReport(question);
  if (ANY_PLUGIN_PATH.test(headline)) return null;
  return `the ${plugins.join(', ')} CNI plugin (a pod's sandbox failing in it)`;
}
