/**
 * Whether a contested answer leaves out another runbook's check of one of its likely causes. Pure.
 *
 * When another runbook scores nearly as high as the top one (which runbook fits is uncertain, `commands.ts`), the
 * answer keeps few of the top runbook's checks, and a close runbook's row that matches the report brings its check in
 * beside them. That check tests a cause of the other runbook: when the top one is right it is padding, and when the
 * other one is right the answer's first citation is wrong anyway and points at that runbook (its doubt line, its
 * see-also pointer), whose page carries the check with its context. Measured over the tuning sets (vectors off): 44
 * such checks in contested answers, 32 off topic and none a labelled must-have check. Leaving them all out took
 * off-topic commands from 725 to 693 but also cut checks the report plainly asks for (a Calico MTU report's
 * `ip -d link show tunl0`; the kube-proxy `clusterCIDR` check of a report naming a wrong KUBE-MARK-MASQ range). So a
 * check stays when its runbook is about the CNI the report runs (named, or its distribution's default: 701), and when
 * its row is the one matching the report best of all the retrieved runbooks' rows, the likeliest cause whichever
 * runbook leads (711); no other figure moves. Filling the place of a left-out check with the next-ranked one instead
 * removed only 14: the next check of a contested answer is as often off topic.
 * A check placed for what the report states stays too: the runbook of the CNI it names, the row stating its
 * same-node / cross-node contrast.
 */

/** What decides whether a picked check is another runbook's hedge in a contested answer. */
export interface PickedCheck {
  /** The check comes from the top-ranked runbook. */
  fromTopRunbook: boolean;
  /** A troubleshooting row matching the report names the check (or its symptom quotes it). */
  namedByMatchedRow: boolean;
  /** The check was given a place for what the report states (its CNI's runbook, its node contrast). */
  placedForReport: boolean;
  /** The check's runbook is about the CNI the report runs (named, or its distribution's default). */
  ofReportCni: boolean;
  /** The check is one of the row that matches the report best of all the retrieved runbooks' rows. */
  ofBestRow: boolean;
}

/** True when a contested answer leaves the check out: another runbook's check of a row that matched the report. */
export function closeRunbookRowCheck(check: PickedCheck, contested: boolean): boolean {
  return (
    contested &&
    !check.fromTopRunbook &&
    check.namedByMatchedRow &&
    !check.placedForReport &&
    !check.ofReportCni &&
    !check.ofBestRow
  );
}
