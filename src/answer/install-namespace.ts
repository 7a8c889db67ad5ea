/**
 * The `-n` / `--namespace` of a command that installs the CNI (`helm install cilium cilium/cilium -n kube-system`,
 * `helm upgrade --install calico projectcalico/tigera-operator --namespace tigera-operator`, `cilium install -n
 * kube-system`): it says where the network plugin's agents run, which its runbooks address by their literal namespace
 * (`kubectl -n kube-system exec ... k8s-app=cilium`); their `<namespace>` is that of the workload pods whose network
 * fails. Filling it with the install's (`hubble observe --pod kube-system/<pod>`) points the check at the agents; an
 * open `<namespace>` is better. Other add-ons keep it: an ingress controller's or load balancer's own pods and Services
 * are what their reports are often about (see `addOnNamespace` for those beside an application's objects), and a Helm
 * release of the application itself (`helm install shop ./chart -n shop`) says where the application runs. Pure.
 */

/**
 * Where a command stops: a line break, a shell separator, a code span's end, a sentence's end (a full stop right after
 * a word; `helm install cilium . -n kube-system` installs the chart in `.`).
 */
const COMMAND_BREAK = /[\n;|`。；]|&&|(?<=[\w)])\.\s/g;
/** Helm's install verbs, with the global flags that may come before them (`helm --kube-context c2 upgrade`). */
const HELM_INSTALL =
  /(?<![\w-])helm\s+(?:-{1,2}[\w-]+(?:[=\s]+[^\s-]\S*)?\s+)*(?:install|upgrade|template)(?![\w-])/gi;
/** A CNI's own installer: `cilium install`, `kubectl ko install`. */
const CLI_INSTALL = /(?<![\w-])(?:cilium(?:-cli)?|kubectl[-\s]ko)\s+install(?![\w-])/gi;
/** A CNI's Helm release or chart (`cilium`, `cilium/cilium`, `projectcalico/tigera-operator`, `kube-ovn/kube-ovn`). */
const CNI_CHART =
  /^(?:cilium|calico|tigera|flannel|kube-flannel|canal|rke2-canal|kube-ovn|ovn-kubernetes|antrea|weave|multus|spiderpool|whereabouts|kube-router)(?![\w.])/i;
/** Commands that act on a cluster's objects: one of them after the install starts another command. */
const OTHER_COMMAND = /(?<![\w-])(?:kubectl|oc|hubble|calicoctl)\s/gi;

/** The offset of a pattern's last match in a text; -1 when none. */
function lastMatch(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index ?? last;
  return last;
}

/** Whether a Helm command installs a CNI: one of its words is the CNI's release or chart. */
function installsCni(command: string): boolean {
  return command
    .split(/\s+/)
    .filter((word) => !word.startsWith('-'))
    .some((word) => CNI_CHART.test(word.split('/').at(-1) ?? word));
}

/** Whether the namespace flag at `index` of `text` is given to a command installing the CNI (Helm or its own CLI). */
export function installCommandNamespace(text: string, index: number): boolean {
  const start = lastMatch(text.slice(0, index), COMMAND_BREAK) + 1;
  const rest = text.slice(index).search(COMMAND_BREAK);
  const command = text.slice(start, rest === -1 ? text.length : index + rest);
  const upTo = index - start;
  const helm = lastMatch(command.slice(0, upTo), HELM_INSTALL);
  const cli = lastMatch(command.slice(0, upTo), CLI_INSTALL);
  const install = Math.max(helm, cli);
  if (install === -1 || lastMatch(command.slice(0, upTo), OTHER_COMMAND) > install) return false;
  return install === cli || installsCni(command.slice(helm));
}
