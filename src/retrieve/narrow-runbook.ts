import { namesMembersByOrdinal } from './app-member-nodes.js';

/**
 * The DNS category's narrow runbook — one of lower priority than another DNS runbook: the headless Service runbook
 * beside the CoreDNS one — covers a special case of what the main runbook covers. Found by the category's shared
 * words alone ("svc.cluster.local", "nslookup", "DNS 解析"), it ranks above the main runbook too easily, so it scores
 * `factor` unless the report names its own case: one of its triggers matched ("headless service", "无头服务",
 * "StatefulSet DNS"), or the report writes a headless Service's `clusterIP: None`, a StatefulSet pod's own DNS name
 * (`web-0.nginx.default.svc.cluster.local`), SRV records, publishNotReadyAddresses, clients still reaching an old
 * pod IP after the pod was recreated (a stale record: the runbook's "解析到旧 pod IP"), or two members of one
 * StatefulSet by ordinal (mongo-0 and mongo-1: app-member-nodes.ts), whose peers find each other by those names. So do
 * a clustered application whose members cannot discover each other and a pod whose IP changes when it is recreated:
 * both ask for the stable per-pod names a headless Service gives. Pure.
 */

/** A headless Service or a StatefulSet pod's stable DNS name (`<set>-<ordinal>.<service>.`): the narrow DNS case. */
const NAMES_HEADLESS_CASE =
  /headless|无头|(?:旧的?|old|stale|previous)\s*(?:pod\s*)?ip\b|clusterip\s*[:=]?\s*["']?none\b|\bsrv\s+(?:record|记录|记錄)|publishnotreadyaddresses|\b[a-z][a-z0-9-]*-\d+\.[a-z][a-z0-9-]*\.(?:[a-z][a-z0-9-]*\.)?svc\b/iu;

/** Members of one application that cannot find each other: "unable to discover other nodes", "peers not discoverable". */
const PEERS_NOT_DISCOVERED =
  /\b(?:discover|find|resolve)\w*\s+(?:the\s+|its\s+|each\s+)?other\s+(?:nodes|peers|members|replicas|brokers)\b|\b(?:nodes|peers|members|replicas|brokers)\s+(?:are\s+|is\s+)?not\s+discoverable\b|\bresolve\s+(?:the\s+)?pod(?:'s)?\s+(?:name|hostname)s?\b/iu;
/** A pod's own IP that changes when the pod is restarted or recreated, which its peers had stored. */
const POD_IP_CHANGES_ON_RESTART =
  /(?<!node\s?)\bip\s+(?:address\s+)?(?:would|will|is|gets?|has|have)\s+(?:be\s+|been\s+)?changed?\s+(?:when|after|on)\s+(?:\w+\s+){0,2}(?:restart|recreat|reconstruct|rebuil|reschedul)|(?:重启|重建)(?:后|之后|以后)[^。.]{0,12}\bip\s*(?:会|就|也)?(?:发生)?(?:变化|改变|变了)/iu;

export function namesHeadlessCase(text: string): boolean {
  return (
    NAMES_HEADLESS_CASE.test(text) || needsStablePodNames(text) || namesMembersByOrdinal(text.toLowerCase())
  );
}

/**
 * The report states the need a headless Service meets without naming it (members that cannot discover each other, a
 * pod IP that changes on recreation): the runbook's words are rare in such reports, so it is lifted, not just spared.
 */
export function needsStablePodNames(text: string): boolean {
  return PEERS_NOT_DISCOVERED.test(text) || POD_IP_CHANGES_ON_RESTART.test(text);
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

/**
 * The score factor per doc (the narrow DNS runbook not named by the report: `factor`; lifted when the report states
 * the need for stable pod names), or null when it does not apply.
 */
export function narrowDnsFactor(input: NarrowDnsInput): ((docPath: string) => number) | null {
  if (input.factor === 1) return null;
  if (needsStablePodNames(input.text)) {
    const lift = NEED_LIFT / input.factor;
    return (docPath) => (isNarrowDns(input, docPath) ? lift : 1);
  }
  if (namesHeadlessCase(input.text)) return null;
  return (docPath) => (isNarrowDns(input, docPath) && !input.triggered.has(docPath) ? input.factor : 1);
}

/** How far a stated need lifts the narrow runbook, relative to the damping it otherwise gets. */
const NEED_LIFT = 2.5;

function isNarrowDns(input: NarrowDnsInput, docPath: string): boolean {
  return input.categoryOfDoc(docPath) === 'dns' && input.priorityOfDoc(docPath) < input.topDnsPriority;
}
