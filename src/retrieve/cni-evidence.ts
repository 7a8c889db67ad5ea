/**
 * The words that show a report comes from a cluster running one CNI even when it never names that CNI: the
 * identifiers only that CNI's runbooks run in their commands (its components, interfaces, objects and flags:
 * `kube-ovn-controller`, `ovn-default`, `ovn0`, `calico-node`, `bird.ctl`, `cilium_host`, `flannel.1`). A reporter
 * who pastes `kubectl logs -n kube-system kube-ovn-pinger-x` or an `ip addr` showing `cilium_host` runs that CNI
 * as surely as one who writes its name. They are read off the KB, so a new runbook brings its own. Pure.
 */

/**
 * An identifier: a word joined by `-`, `_` or `.` ("kube-ovn-controller", "bird.ctl", "cilium_host") or letters
 * followed by digits ("ovn0", "tunl0"). Plain words ("route", "subnet") are what every runbook says.
 */
const IDENTIFIER = /[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+|[a-z]{2,}[0-9]+(?![a-z0-9])/g;

/** The identifiers of a text, lower-cased (see IDENTIFIER). */
export function identifiersOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(IDENTIFIER) ?? []);
}

/** One runbook's commands, as the KB stores them. */
export interface RunbookCommands {
  path: string;
  commands: readonly string[];
}

/**
 * Identifier → CNI, for the identifiers the commands of exactly one CNI's runbooks use, that no other CNI's runbook
 * runs and at most `maxGenericRunbooks` runbooks about no particular CNI run (a generic runbook may run one CNI's
 * command as an aside: `kubectl ko trace` in the policy runbook). An identifier every path uses (`kube-system`,
 * `eth0`, `kube-proxy`) is run by several CNIs' runbooks and is no evidence.
 */
export function cniEvidence(
  runbooks: readonly RunbookCommands[],
  cniOfDoc: (docPath: string) => string | null,
  maxGenericRunbooks: number,
): Map<string, string> {
  const cnisOf = new Map<string, Set<string>>();
  const genericRunbooks = new Map<string, number>();
  for (const runbook of runbooks) {
    const cni = cniOfDoc(runbook.path);
    for (const identifier of identifiersOf(runbook.commands.join('\n'))) {
      if (cni === null) {
        genericRunbooks.set(identifier, (genericRunbooks.get(identifier) ?? 0) + 1);
        continue;
      }
      const cnis = cnisOf.get(identifier) ?? new Set<string>();
      cnis.add(cni);
      cnisOf.set(identifier, cnis);
    }
  }
  const evidence = new Map<string, string>();
  for (const [identifier, cnis] of cnisOf) {
    const [cni] = [...cnis];
    if (cnis.size === 1 && cni !== undefined && (genericRunbooks.get(identifier) ?? 0) <= maxGenericRunbooks)
      evidence.set(identifier, cni);
  }
  return evidence;
}

/** The CNIs whose evidence (`cniEvidence`) a report carries, in the order first met. */
export function evidencedCnis(report: string, evidence: ReadonlyMap<string, string>): string[] {
  const cnis: string[] = [];
  for (const identifier of identifiersOf(report)) {
    const cni = evidence.get(identifier);
    if (cni !== undefined && !cnis.includes(cni)) cnis.push(cni);
  }
  return cnis;
}
