/**
 * A long report that names no CNI anywhere (not in its sentences, not in its paste) and carries none of a CNI's own
 * identifiers (cni-evidence.ts) is most often about what every cluster has (a Service, a NodePort, a node reaching
 * a pod, a probe, an application's peers): a CNI's own runbook shares its generic words (firewall, 节点, timeout,
 * gateway, subnet) through its symptom table and steps, and with nothing showing that CNI such a match is
 * incidental. Those runbooks then score `factor`, whether or not the report words its failure as a broken path:
 * "Router liveness probe failures", "Support Static Egress IP" or "pod 通过 FQDN 互访" are such reports too. Short
 * questions are left alone (a one-line "kubectl ko sbctl show 里少了一台机器的 chassis" names its CNI by its tools).
 */
export interface UnnamedCniInput {
  /** The question or its paste names a CNI or carries its identifiers, or the cluster's CNI is known. */
  namesCni: boolean;
  /** A long report: a headline followed by a body (query.ts headlineOf). */
  longReport: boolean;
  /** The CNI a doc is about, or null for a generic runbook. */
  cniOfDoc: (docPath: string) => string | null;
  factor: number;
}

/** The score factor per doc, or null when it does not apply. Pure. */
export function unnamedCniFactor(input: UnnamedCniInput): ((docPath: string) => number) | null {
  if (input.namesCni || !input.longReport || input.factor === 1) return null;
  return (docPath) => (input.cniOfDoc(docPath) === null ? 1 : input.factor);
}

export interface BesideGenericInput {
  /** The question or its paste names a CNI, its distribution implies one, or the cluster's CNI is known. */
  namesCni: boolean;
  /** A long report: a headline followed by a body (query.ts headlineOf). */
  longReport: boolean;
  /** The CNI a doc is about, or null for a generic runbook. */
  cniOfDoc: (docPath: string) => string | null;
  /** A doc's category, or null. */
  categoryOf: (docPath: string) => string | null;
  /** The categories that have a generic runbook, where the rule applies (config). */
  categories: ReadonlySet<string>;
  factor: number;
}

/**
 * A long report that names no CNI and describes a path the KB explains twice, once for every cluster and once for
 * one CNI (a node or the kubelet reaching a pod: the generic host-to-pod runbook beside Kube-OVN's ovn0 one).
 * "Liveness probe failed: dial tcp 10.244.3.15:8080: i/o timeout" reads the same on any cluster, and the CNI's
 * version shares all its words (kubelet, probe, timeout) while adding steps for a datapath the reporter may not
 * run. Such a CNI runbook scores `factor` on top of `unnamedCniFactor`, whether or not the report states a broken
 * path (a probe failing is one even when no "cannot reach" is written). A report naming the CNI, its components
 * or a feature only it has keeps the CNI's runbook. Pure.
 */
export function unnamedCniBesideGenericFactor(
  input: BesideGenericInput,
): ((docPath: string) => number) | null {
  if (input.namesCni || !input.longReport || input.factor === 1 || input.categories.size === 0) return null;
  return (docPath) => {
    const category = input.categoryOf(docPath);
    return input.cniOfDoc(docPath) !== null && category !== null && input.categories.has(category)
      ? input.factor
      : 1;
  };
}

/** The glossary groups one runbook names: in its title, triggers and headings (`topic`), and anywhere (`body`). */
export interface DocGroups {
  path: string;
  topic: ReadonlySet<string>;
  body: ReadonlySet<string>;
}

/**
 * The glossary groups that name a CNI by a feature of it, read off the KB: a group named in the title, triggers or
 * headings of that CNI's runbooks and of no other runbook ("underlay", "kube-proxy replacement", "join subnet"),
 * and in the text of at most `maxOtherBodies` runbooks about something else (a word every runbook uses in passing,
 * "网卡", is not a feature even if one CNI runbook's heading has it). A report saying "underlay 子网的 pod 不通"
 * names Kube-OVN as surely as one saying "kube-ovn". A basic Kubernetes object or component (`isKubernetesBasic`:
 * kube-apiserver, pod, Service) is never a feature, even when only a CNI runbook's trigger names it ("pod 连不上
 * apiserver"): every cluster has one, so a report pasting `--apiserver-advertise-address` names no CNI. Group → CNI.
 * Pure.
 */
export function cniFeatureGroups(
  docs: readonly DocGroups[],
  cniOfDoc: (docPath: string) => string | null,
  maxOtherBodies: number,
  isKubernetesBasic: (group: string) => boolean = () => false,
): Map<string, string> {
  const cnisOfGroup = new Map<string, Set<string | null>>();
  for (const doc of docs) {
    for (const group of doc.topic) {
      const cnis = cnisOfGroup.get(group) ?? new Set<string | null>();
      cnis.add(cniOfDoc(doc.path));
      cnisOfGroup.set(group, cnis);
    }
  }
  const features = new Map<string, string>();
  for (const [group, cnis] of cnisOfGroup) {
    const [cni] = [...cnis];
    if (cnis.size !== 1 || cni === null || cni === undefined || isKubernetesBasic(group)) continue;
    const others = docs.filter((doc) => doc.body.has(group) && cniOfDoc(doc.path) !== cni).length;
    if (others <= maxOtherBodies) features.set(group, cni);
  }
  return features;
}
