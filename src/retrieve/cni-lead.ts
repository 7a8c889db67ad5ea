/**
 * A long report that shows no CNI at all (no name, no feature only one CNI has, no identifier only its runbooks run:
 * unnamed-cni.ts, cni-evidence.ts) does not get a CNI's own runbook as its first answer when a runbook for every
 * cluster is among the first `withinDocs` runbooks: its match is on words every runbook shares ("endpoint",
 * "health", "state"), a pasted `kubectl get endpoints awx` is a Service's endpoints, not Cilium's. The generic
 * runbook moves ahead of the CNI runbooks before it; the rest keeps its order. Pure.
 */
export interface CniLeadInput<Hit> {
  hits: readonly Hit[];
  docOf: (hit: Hit) => string;
  /** The CNI a doc is about, or null for a generic runbook. */
  cniOfDoc: (docPath: string) => string | null;
  /** The report names or shows a CNI (or the cluster's CNI is known). */
  cniShown: boolean;
  /** A long report: a headline followed by a body. */
  longReport: boolean;
  withinDocs: number;
  scoreOf: (hit: Hit) => number;
  /** The generic runbook's best score as a share of the leading score, at least. */
  minShare: number;
  /** The report's text: a CNI named by a word of its name ("OVN" for ovn-kubernetes) keeps its runbook first. */
  report: string;
}

export function genericBeforeUnshownCni<Hit>(input: CniLeadInput<Hit>): Hit[] {
  const hits = [...input.hits];
  if (input.cniShown || !input.longReport || hits.length === 0) return hits;
  const leadCni = input.cniOfDoc(input.docOf(hits[0] as Hit));
  if (leadCni === null || namesCniWord(input.report, leadCni)) return hits;
  const docs: string[] = [];
  for (const hit of hits) {
    const doc = input.docOf(hit);
    if (!docs.includes(doc)) docs.push(doc);
  }
  const generic = docs.slice(0, input.withinDocs).find((doc) => input.cniOfDoc(doc) === null);
  if (generic === undefined) return hits;
  const index = hits.findIndex((hit) => input.docOf(hit) === generic);
  const top = input.scoreOf(hits[0] as Hit);
  if (input.scoreOf(hits[index] as Hit) < input.minShare * top) return hits;
  const [first] = hits.splice(index, 1);
  return first === undefined ? hits : [first, ...hits];
}

/** Whether a report names a CNI by a word of its name ("ovn" for kube-ovn and ovn-kubernetes), not "kube". Pure. */
export function namesCniWord(report: string, cni: string): boolean {
  const words = cni
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter((word) => word.length > 2 && !/^kube(rnetes)?$/.test(word));
  const text = report.toLowerCase();
  return words.some((word) => new RegExp(`(^|[^a-z0-9])${word}([^a-z0-9]|$)`).test(text));
}
