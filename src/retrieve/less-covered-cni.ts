/**
 * A CNI's own runbook can top the lexical ranking of a report that never names that CNI, on words every runbook
 * shares (宿主机, 端口, 访问, 容器, node, port): a long runbook full of them outscores a short generic one. Where a
 * runbook about no particular CNI among the candidates covers far more of the report ("dubbo 注册了容器 IP，
 * 集群外访问不了" is covered by the hostNetwork runbook, not by Kube-OVN's join network), the CNI runbook's lead is
 * incidental, and it scores `factor`. A report whose CNI is known (named, configured, implied by its distribution,
 * or named by a feature only its runbooks have) is left alone: there the CNI's runbook may well be the answer. Pure.
 */
export interface LessCoveredCniInput {
  /** The report's CNI is known (named, configured, implied, or named by a feature). */
  cniKnown: boolean;
  /** The candidate runbooks (lexical and trigger hits). */
  candidates: readonly string[];
  /** Share of the report a runbook covers (0..1). */
  coverage: (docPath: string) => number;
  /** The CNI a runbook is about, or null for a generic runbook. */
  cniOfDoc: (docPath: string) => string | null;
  /** A CNI runbook is demoted when it covers less than this share of the best generic runbook's coverage. */
  share: number;
  factor: number;
}

/** The score factor per doc, or null when it does not apply. */
export function lessCoveredCniFactor(input: LessCoveredCniInput): ((docPath: string) => number) | null {
  if (input.cniKnown || input.factor === 1) return null;
  const generic = input.candidates.filter((docPath) => input.cniOfDoc(docPath) === null);
  if (generic.length === 0) return null;
  const bar = Math.max(...generic.map(input.coverage)) * input.share;
  return (docPath) => (input.cniOfDoc(docPath) !== null && input.coverage(docPath) < bar ? input.factor : 1);
}
