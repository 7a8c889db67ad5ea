/**
 * A word the report writes only before "pod" as what kind of pod it is, no pod's name. Pure.
 *
 * "the coredns pod", "my nginx pod", "I could not run an 'access' pod in nsa": the word before "pod" is what the
 * reporter calls the pods of a workload or an add-on, and the pod `kubectl exec` and `kubectl logs` take carries a
 * generated suffix the report never writes. A name with an object's shape ("the web-client pod", "my-app pod"), a
 * quoted one ("the "toolbox" pod"), or one the report shows as a pod's own name elsewhere (a kubectl pod row
 * `web 1/1 Running`, `pod/web`, `pod web`, `名为 web 的 pod`, `-n ns web`, a manifest's `name: web`) is the pod's.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';
import { addOnObject } from './component-namespace.js';
import { distributionAddOn } from './fill-roles.js';

const QUOTE = '[`\'"“”‘’]';
const START = '(?<![\\w./-])';
const EDGE = '(?![\\w.-])';

/** "a", "an", "another", "一个" ... right before the name: one pod of that kind, not a named one. */
const INDEFINITE_BEFORE = /(?:\b(?:an?|another|one|some|any|each|every)\s+|(?:一|某|每)[个個]\s*)$/i;

/** One English word, no digit or hyphen: prose, not an object name the report coined. */
const PLAIN_WORD = /^[a-z]+$/i;

/**
 * Whether `name` (no generated suffix) is written only as "X pod" / "X 的 pod" describing the pod, never as a pod's
 * own name. `typed` says a kubectl command in the report acts on it.
 */
export function proseOnlyPodName(text: string, name: string, typed: boolean): boolean {
  // `cassandra-1 pod`, `redis-master-0 的 pod`: a StatefulSet's ordinal is its pod's own name.
  if (typed || name === '' || /-\d+$/.test(name)) return false;
  const n = escapeRegExp(name);
  const beforePod = new RegExp(`${START}(${QUOTE}?)${n}(${QUOTE}?)\\s*(?:的\\s*)?pods?\\b`, 'gi');
  const mentions = [...text.matchAll(beforePod)];
  if (mentions.length === 0) return false;
  if (shownAsPodName(text, n)) return false;
  // A kind of pod in every mention: the reporter describes the pods ("a busybox pod") or calls them by a plain word or
  // an add-on's name ("the coredns pod"); one quoted or object-shaped mention ("the "toolbox" pod") names the pod.
  const addOn = addOnObject(name) || distributionAddOn(name);
  return mentions.every((mention) => {
    const before = text.slice(Math.max(0, (mention.index ?? 0) - 12), mention.index);
    if (INDEFINITE_BEFORE.test(before)) return true;
    const quoted = mention[1] !== '' || mention[2] !== '';
    return !quoted && (addOn || PLAIN_WORD.test(name));
  });
}

/** Whether the report writes `n` (escaped) as a pod's own name somewhere. */
function shownAsPodName(text: string, n: string): boolean {
  const shown = [
    // A listing row: `web   1/1   Running`.
    new RegExp(`${START}${n}\\s+\\d+/\\d+\\s+[A-Z]`, ''),
    // `pod/web`, `pods/web`, `po/web`.
    new RegExp(`\\b(?:pods?|po)/${n}${EDGE}`, 'i'),
    // `pod web`, `pod named web`, `pod "web"`, `Pod 名为 web`, `Pod: web`.
    new RegExp(`\\bpods?\\s*(?:named|called|名为|名為|叫)?\\s*[:：]?\\s*${QUOTE}?${n}${EDGE}`, 'i'),
    // `名为 web 的 pod`, `a pod called web`: a name given as one.
    new RegExp(`(?:\\bnamed|\\bcalled|名为|名為|叫)\\s*${QUOTE}?${n}${EDGE}`, 'i'),
    // `-n ns web`, `--namespace ns web`, `--namespace=ns web`.
    new RegExp(`(?:-n|--namespace)[=\\s]+[\\w.-]+\\s+${n}${EDGE}`, 'i'),
    // `name: web` in a manifest or a describe listing.
    new RegExp(`\\bname:\\s*${QUOTE}?${n}${QUOTE}?\\s*$`, 'im'),
  ];
  return shown.some((pattern) => pattern.test(text));
}
