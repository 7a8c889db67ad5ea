import { namesMembersByOrdinal } from './app-member-nodes.js';

/**
 * The DNS category's narrow runbook — one of lower priority than another DNS runbook: the headless Service runbook
 * beside the CoreDNS one — covers a special case of what the main runbook covers. Found by the category's shared
 * words alone ("svc.cluster.local", "nslookup", "DNS 解析"), it ranks above the main runbook too easily, so it scores
 * `factor` unless the report names its own case: one of its triggers matched ("headless service", "无头服务",
 * "StatefulSet DNS"), or the report writes a headless Service's `clusterIP: None`, a StatefulSet pod's own DNS name
 * (`web-0.nginx.default.svc.cluster.local`), SRV records, publishNotReadyAddresses, clients still reaching an old
 * pod IP after the pod was recreated (a stale record: the runbook's "解析到旧 pod IP"), or two members of one
 * StatefulSet by ordinal (mongo-0 and mongo-1: app-member-nodes.ts), whose peers find each other by those names. Pure.
 */

/** A headless Service or a StatefulSet pod's stable DNS name (`<set>-<ordinal>.<service>.`): the narrow DNS case. */
const NAMES_HEADLESS_CASE =
  /headless|无头|(?:旧的?|old|stale|previous)\s*(?:pod\s*)?ip\b|clusterip\s*[:=]?\s*["']?none\b|\bsrv\s+(?:record|记录|记錄)|publishnotreadyaddresses|\b[a-z][a-z0-9-]*-\d+\.[a-z][a-z0-9-]*\.(?:[a-z][a-z0-9-]*\.)?svc\b/iu;

export function namesHeadlessCase(text: string): boolean {
  return NAMES_HEADLESS_CASE.test(text) || namesMembersByOrdinal(text.toLowerCase());
}

export interface NarrowDnsInput {
  /** The report's whole text (question and pasted output). */
  text: string;
  /** Docs whose trigger matched the report. */
  triggered: ReadonlySet<string>;
  /** A doc's category and priority. */
  categoryOfDoc: (docPath: string) => string | null;
  priorityOfDoc: (docPath: string) => number;
  /** The highest priority of a DNS runbook. */
  topDnsPriority: number;
  factor: number;
}

/** The score factor per doc (the narrow DNS runbook not named by the report: `factor`), or null when it does not apply. */
export function narrowDnsFactor(input: NarrowDnsInput): ((docPath: string) => number) | null {
  if (input.factor === 1 || namesHeadlessCase(input.text)) return null;
  return (docPath) =>
    input.categoryOfDoc(docPath) === 'dns' &&
    input.priorityOfDoc(docPath) < input.topDnsPriority &&
    !input.triggered.has(docPath)
      ? input.factor
      : 1;
}
