/**
 * A workload's name written as a pod's. Pure.
 *
 * Reporters call a Deployment's pods by the Deployment's name ("the nginx-deployment pod cannot reach the API", "my-app
 * pod keeps restarting" beside "deployment my-app has 3 replicas"). `kubectl exec` and `kubectl logs` take one pod's
 * name, which carries the ReplicaSet's hash or the ordinal; the workload's name is none, so it leaves `<pod>` open.
 */

import { escapeRegExp } from '../core/escape-reg-exp.js';

/** A name that ends in its workload's kind (`nginx-deployment`, `web-statefulset`, `kube-flannel-ds`). */
const WORKLOAD_KIND_SUFFIX = /-(?:deployment|deploy|statefulset|daemonset|ds)$/;

const WORKLOAD_WORD = '(?:deployments?|deploy|statefulsets?|sts|daemonsets?|ds)(?:\\.apps)?';
const QUOTE = '[`\'"“‘]?';

/**
 * Whether the question presents `name` as a Deployment, StatefulSet or DaemonSet: a name ending in the kind, or one
 * written after the kind (`deployment my-app`, `deploy/my-app`, `statefulset "web"`, `Deployment 名为 my-app`) or
 * before it (`the my-app deployment`, `my-app 这个 deployment`).
 */
export function workloadNamedAsPod(text: string, name: string): boolean {
  if (WORKLOAD_KIND_SUFFIX.test(name)) return true;
  const escaped = escapeRegExp(name);
  const edge = '(?![\\w.-])';
  const after = new RegExp(
    `(?<![\\w-])${WORKLOAD_WORD}(?:/|\\s*(?:named|called|名为|名為|叫)?\\s*[:：]?\\s*)${QUOTE}${escaped}${edge}`,
    'i',
  );
  const before = new RegExp(
    `(?<![\\w.-])${escaped}${QUOTE}\\s*(?:这个|這個|的)?\\s*${WORKLOAD_WORD}(?![\\w-])`,
    'i',
  );
  return after.test(text) || before.test(text);
}

/**
 * The pods the question writes whose names are `name` plus a generated suffix (`redis-master` beside the listing row
 * `redis-master-sgbch 1/1 Running`, `web` beside `web-7d4b9c8f6d-x2kqz`, `web-0`): `name` is then the workload's, and
 * `kubectl exec redis-master` finds no pod. One such pod is the one the report means; of several, none is singled
 * out. A longer name with another word (`redis-master-config`) is a different object.
 */
export function writtenPodsOf(text: string, name: string): string[] {
  if (name === '' || /-\d+$/.test(name)) return [];
  const pod = new RegExp(
    `(?<![\\w.-])${escapeRegExp(name)}-(?:[a-z0-9]{6,10}-[a-z0-9]{5}|[bcdfghjklmnpqrstvwxz2-9]{5}|\\d{1,3})(?![\\w.-])`,
    'gi',
  );
  return [...new Set([...text.matchAll(pod)].map((match) => match[0].toLowerCase()))];
}
