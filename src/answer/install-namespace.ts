import { addOnObject } from './component-namespace.js';

/**
 * The `-n` / `--namespace` of a command that installs an add-on (`helm install cilium cilium/cilium -n kube-system`,
 * `helm upgrade --install ingress-nginx ... --namespace ingress-basic`, `cilium install -n kube-system`): it says
 * where the CNI, ingress controller or mesh is installed, not where the pod or Service the report is about lives.
 * Filling it as that object's `<namespace>` (`hubble observe --pod kube-system/<pod>`) points the check at the
 * add-on's namespace; an open `<namespace>` is better. A Helm release of the application itself (`helm install shop
 * ./chart -n shop`) does say where the application runs, so Helm counts only when it installs an add-on. Pure.
 */

/**
 * Where a command stops: a line break, a shell separator, a code span's end, a sentence's end (a full stop right after
 * a word; `helm install cilium . -n kube-system` installs the chart in `.`).
 */
const COMMAND_BREAK = /[\n;|`。；]|&&|(?<=[\w)])\.\s/g;
/** Helm's install verbs, with the global flags that may come before them (`helm --kube-context c2 upgrade`). */
const HELM_INSTALL =
  /(?<![\w-])helm\s+(?:-{1,2}[\w-]+(?:[=\s]+[^\s-]\S*)?\s+)*(?:install|upgrade|template)(?![\w-])/gi;
/** A CLI that installs its own add-on: `cilium install`, `istioctl install`, `linkerd install`. */
const CLI_INSTALL = /(?<![\w-])(?:cilium(?:-cli)?|istioctl|linkerd|kubectl-ko)\s+install(?![\w-])/gi;
/** Commands that act on a cluster's objects: one of them after the install starts another command. */
const OTHER_COMMAND = /(?<![\w-])(?:kubectl|oc|hubble|calicoctl)\s/gi;

/** The offset of a pattern's last match in a text; -1 when none. */
function lastMatch(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index ?? last;
  return last;
}

/** A word of a Helm command that names an add-on: its release or chart (`cilium`, `cilium/cilium`, `metallb/metallb`). */
function namesAddOn(command: string): boolean {
  return command
    .split(/\s+/)
    .filter((word) => !word.startsWith('-'))
    .some((word) => addOnObject(word.split('/').at(-1) ?? word));
}

/** Whether the namespace flag at `index` of `text` is given to an install command (Helm's or an add-on's CLI). */
export function installCommandNamespace(text: string, index: number): boolean {
  const start = lastMatch(text.slice(0, index), COMMAND_BREAK) + 1;
  const rest = text.slice(index).search(COMMAND_BREAK);
  const command = text.slice(start, rest === -1 ? text.length : index + rest);
  const upTo = index - start;
  const helm = lastMatch(command.slice(0, upTo), HELM_INSTALL);
  const cli = lastMatch(command.slice(0, upTo), CLI_INSTALL);
  const install = Math.max(helm, cli);
  if (install === -1 || lastMatch(command.slice(0, upTo), OTHER_COMMAND) > install) return false;
  return install === cli || namesAddOn(command.slice(helm));
}
