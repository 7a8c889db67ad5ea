/**
 * The CNI a runbook's check is written for, by the label its purpose starts with. Pure.
 *
 * A runbook about no particular CNI (egress, MTU, a node reaching a pod) tests one cause once per CNI, each check
 * labelled with its CNI: "Flannel：查看 FLANNEL-POSTRTG 链", "Calico：查看 IPPool 的 NATOUTGOING 列". A troubleshooting
 * row names the generic check (`iptables -t nat -S POSTROUTING`), so the row's bonus goes there, and on a report of a
 * known CNI its own form of the check (the chain or pool its CNI writes) lost to the runbook's generic ones.
 */

/** A purpose label as the runbooks write it (lower case) → the CNI's canonical name (the glossary's first term). */
const LABEL_CNI: ReadonlyMap<string, string> = new Map([
  ['flannel', 'flannel'],
  ['canal', 'flannel'],
  ['calico', 'calico'],
  ['cilium', 'cilium'],
  ['kube-ovn', 'kube-ovn'],
  ['ovn-kubernetes', 'ovn-kubernetes'],
  ['ovn-k', 'ovn-kubernetes'],
]);

/** "Flannel：…", "[变更] Calico：…", "OVN-K: …": a CNI name, then a full-width or ASCII colon. */
const LABEL = /^\s*(?:#\s*)?(?:\[[^\]]*\]\s*)?([a-z][a-z-]*)\s*[：:]/i;

/** The CNI a check's purpose labels it for; null for a check of every cluster. */
export function variantCni(purpose: string): string | null {
  const label = LABEL.exec(purpose)?.[1]?.toLowerCase();
  return (label && LABEL_CNI.get(label)) ?? null;
}

/** The check is the runbook's form of a test for the CNI the report runs. */
export function reportCniVariant(purpose: string, reportCni: string | undefined): boolean {
  return reportCni !== undefined && variantCni(purpose) === reportCni;
}
