/**
 * A name the report writes only before the word "pod". Pure.
 *
 * "cattle-cluster-agent pod CrashLoopBackOff", "an 'access' pod in nsa", "nms-magmalte 的 pod 起不来": the name before
 * "pod" is what the reporter calls the pods of a workload or an add-on; the pod `kubectl exec` and `kubectl logs` take
 * carries a generated suffix the report never writes. The report shows a pod's own name otherwise: a kubectl pod row
 * (`web 1/1 Running`), `pod/web`, `pod web` / `pod named web`, or `-n ns web` in a command; any of these keeps it.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';

const QUOTE = '[`\'"“”‘’]?';

/**
 * Whether `name` (no generated suffix) is written as "X pod" / "X 的 pod" and nowhere as a pod's own name: no listing
 * row, no `pod/X`, no "pod X", no `-n <ns> X`. `typed` says a kubectl command in the report acts on it.
 */
export function proseOnlyPodName(text: string, name: string, typed: boolean): boolean {
  // `cassandra-1 pod`, `redis-master-0 的 pod`: a StatefulSet's ordinal is its pod's own name.
  if (typed || name === '' || /-\d+$/.test(name)) return false;
  const n = escapeRegExp(name);
  const edge = '(?![\\w.-])';
  const start = '(?<![\\w./-])';
  const before = new RegExp(`${start}${QUOTE}${n}${QUOTE}\\s*(?:的\\s*)?pods?\\b`, 'i');
  if (!before.test(text)) return false;
  const shown = [
    // A listing row: `web   1/1   Running`.
    new RegExp(`${start}${n}\\s+\\d+/\\d+\\s+[A-Z]`, ''),
    // `pod/web`, `pods/web`, `po/web`.
    new RegExp(`\\b(?:pods?|po)/${n}${edge}`, 'i'),
    // `pod web`, `pod named web`, `pod "web"`, `Pod 名为 web`, `Pod: web`.
    new RegExp(`\\bpods?\\s*(?:named|called|名为|名為|叫)?\\s*[:：]?\\s*${QUOTE}${n}${edge}`, 'i'),
    // `-n ns web`, `--namespace ns web`, `--namespace=ns web`.
    new RegExp(`(?:-n|--namespace)[=\\s]+[\\w.-]+\\s+${n}${edge}`, 'i'),
    // `name: web` in a manifest or a describe listing.
    new RegExp(`\\bname:\\s*${QUOTE}${n}${QUOTE}\\s*$`, 'im'),
  ];
  return !shown.some((pattern) => pattern.test(text));
}
