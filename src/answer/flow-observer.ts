/**
 * A report whose failing subject is the flow observer itself rather than the traffic it watches: Hubble's Relay, UI,
 * peer service or CLI not working ("Hubble Relay: Failed to create peer client for peers synchronization",
 * "cilium/hubble - cannot get hubble status", "Hubble UI displays Trying to reconnect streams"), or a flow record
 * lacking what the reporter wants logged ("Policy log does not work for DROPPED/AUDIT flow", "Is there a way to log
 * all dropped verdict by policy deny?"). The runbooks use `hubble observe` as a check on a path; none explains how
 * the observer is deployed, how Relay finds its peers or what a flow record carries, so such a report is declined.
 *
 * A step of the observer that a runbook itself takes (its `hubble observe`, its `cilium hubble port-forward` to the
 * local Relay port) is the runbook's: a report whose first sentence names it ("hubble-relay port-forwarding: context
 * deadline exceeded") is answered from that runbook.
 *
 * A report that uses the observer to show its own traffic failing ("pods can't reach each other, hubble observe shows
 * DROPPED") names that path in its first sentence and stays answered; so does one whose first sentence names a path a
 * runbook follows (DNS, MTU, a NodePort, a network policy failing), whose body pastes a name lookup failing, or that
 * is about the OVN ACL log the policy runbook reads. Declined only while no runbook states the
 * observer failing (KB-relative, as uncovered-subjects.ts). Pure.
 */
import type { DocRecord } from '../core/types.js';
import { COVERED_PATH } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The observer's own parts, named: Hubble's Relay, UI, peer service, server, metrics or exporter, its status and
 * enablement (`hubble status`, `cilium hubble enable`), its gRPC port 4245 named with it.
 */
const OBSERVER_PART =
  /\bhubble[\s_-]*(?:relay|ui|peers?|server|metrics|exporter|export|status|enable[sd]?|cli|flows?\s*(?:api|export|logs?))\b|\b(?:cilium\s+)?hubble\s+(?:status|enable|list\s+nodes)\b|\bhubble\b[^.。\n]{0,40}?\b4245\b/i;

/**
 * The record the observer keeps asked for or missing: a flow log, a policy's log field (`policy_log`, "Policy log"),
 * logging or exporting the dropped, denied or audited flows or verdicts.
 */
const FLOW_RECORD =
  /\bflow[\s_-]*logs?\b|\bpolicy[\s_-]*logs?\b|\blog(?:s|ging)?\s+(?:all\s+|every\s+)?(?:the\s+)?(?:dropped|denied|audited|allowed)\s+(?:\w+\s+)?(?:flows?|traffic|verdicts?|packets?|connections?)\b|\b(?:export|log)(?:s|ing)?\s+(?:all\s+)?(?:the\s+)?(?:hubble\s+)?flows?\b|流日志|流量日志/i;

/**
 * A failed name lookup pasted anywhere (`lookup hubble-peer.kube-system.svc.cluster.local. on 10.96.0.10:53: read
 * udp ...: i/o timeout`, "no such host", NXDOMAIN): the observer's own peers cannot be found because the cluster's DNS
 * fails, which the DNS runbook follows.
 */
const FAILED_LOOKUP =
  /\blookup\s+\S+\s+on\s+\S+:53\b|\bno\s+such\s+host\b|\bnxdomain\b|\bserver\s+misbehaving\b|\bread\s+udp\s+\S+:53\b/i;

/**
 * The policy log a runbook does follow: Kube-OVN's and OVN-Kubernetes' ACL log, turned on per policy (`enable_log`)
 * and read from ovn-controller's log. A report about it is left to the policy runbook.
 */
const ACL_LOG = /\bacl[\s_-]*logs?\b|\benable_log\b|\bacl_log\b|\bovn\b|kube-ovn|ovn-kubernetes/i;

/** Whether the first sentence makes the observer its subject: one of its parts or its flow record. */
function observerIsSubject(headline: string): boolean {
  return OBSERVER_PART.test(headline) || FLOW_RECORD.test(headline);
}

/**
 * A runbook's own command of the observer, as a command line or code span starts it: `hubble observe`, `cilium hubble
 * port-forward`. Prose naming "Hubble Relay" or a trigger list's words are not commands.
 */
const OBSERVER_COMMAND = /(?:^|`|\bcilium\s+)hubble\s+([a-z][a-z-]+)/gm;

/**
 * The observer's steps the runbooks take, read from their text: the sub-commands of `hubble` they run ("observe",
 * "port-forward").
 */
export function observerStepsStated(docs: readonly Pick<DocRecord, 'chunks'>[]): string[] {
  const steps = new Set<string>();
  for (const doc of docs)
    for (const chunk of doc.chunks)
      for (const match of chunk.text.matchAll(OBSERVER_COMMAND)) steps.add((match[1] ?? '').toLowerCase());
  return [...steps];
}

/** Whether the first sentence names one of the steps ("port-forward" also as "port forwarding", "portforward"). */
function namesStatedStep(headline: string, steps: readonly string[]): boolean {
  return steps.some((step) => {
    const words = step.split('-').map((word) => word.replace(/[^a-z]/g, ''));
    return new RegExp(`\\b${words.join('[\\s_-]*')}\\w*`, 'i').test(headline);
  });
}

/**
 * The subject when a report's first sentence names the flow observer's own parts or the flow record it keeps, and no
 * path a runbook follows or step a runbook takes; else null. "Hubble Relay: Failed to create peer client" is declined; "Pods can't reach
 * the API server, hubble observe shows DROPPED" is answered.
 */
export function uncoveredFlowObserver(
  question: string,
  explained: boolean,
  statedSteps: readonly string[],
): string | null {
  const { text, headline } = readReport(question);
  if (!observerIsSubject(headline) || COVERED_PATH.test(headline) || FAILED_LOOKUP.test(text)) return null;
  if (ACL_LOG.test(text)) return null;
  if (namesStatedStep(headline, statedSteps)) return null;
  return explained
    ? null
    : 'the flow observer itself (Hubble Relay, UI, flow logs), not the traffic it watches';
}

/** Whether a runbook states the observer's own parts failing or its flow record. */
export function flowObserverExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(
    docs,
    new RegExp(
      `(?:${OBSERVER_PART.source})[^.。]*(?:fail|error|refused|not\\s+ready|crash|失败|報錯|报错|无法|異常|异常)|${FLOW_RECORD.source}`,
      'i',
    ),
  );
}
