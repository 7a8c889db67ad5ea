/**
 * An add-on's own pod (`calico-node-7xk2p`, `kube-proxy-x8j2k`, `coredns-5c98db65d4-qx4mq`) that a report only quotes
 * — as the pod of a command it ran (`kubectl -n kube-system logs kube-proxy-x8j2k`) or as whose log it pastes
 * (`calico-node-7xk2p logs: ... failed to sync routes`) — beside an application pod it says fails ("pod nginx can't
 * reach the service", `nginx pod 访问不了 service`): the failing pod is the application's, and the runbooks' `<pod>` is
 * the pod a check runs in or traces (`kubectl exec -n <namespace> <pod> -- nslookup ...`), never the add-on's, which
 * they select by label. Filling the add-on's pod there runs the check in the wrong pod; an open `<pod>` is better.
 * An add-on pod the report presents any other way (`calico-node-7xk2p is 0/1 CrashLoopBackOff`, a listing row) keeps
 * its fill: the add-on may be what fails. Pure.
 */

import { addOnObject } from './component-namespace.js';
import { wholeNameMentions } from './name-mentions.js';

/** Words saying a pod cannot do something or fails (English). */
const FAILS_EN =
  "(?:can(?:'|’|no)?t|can\\s+not|cannot|could\\s*n(?:'|’|o)?t|(?:is|are)\\s+(?:unable|not\\s+able)|unable|fails?|failed|failing|does\\s*n(?:'|’|o)?t|do\\s*n(?:'|’|o)?t|times?\\s+out|timed\\s+out|gets?\\s+(?:no|timeouts?|connection\\s+refused))";
/** Words saying a pod cannot do something or fails (Chinese). */
const FAILS_ZH =
  '(?:无法|不能|访问不了|访问不到|连不上|连接不上|连不通|ping\\s*不通|不通|解析不了|解析失败|请求超时|超时)';
const NAME = '[a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z0-9]';
/** Chinese words between the pod and its failure, within one clause. */
const ZH_GAP = '[^。；;！!？?\\n，,]{0,20}?';
const QUOTE = '[`\'"“”‘’]?';
/** Where a name may stand between the pod word and the failure: `on worker-1`, `in namespace shop`, `from node-2`. */
const PLACE = `(?:\\s+(?:on|in|from)\\s+(?:node\\s+|namespace\\s+)?${QUOTE}(?:${NAME})${QUOTE})?`;

/** The subject of a failure sentence is a pod: `pod nginx can't reach`, `nginx pod times out`, `我的 pod web 无法访问`. */
const FAILING_POD_SUBJECT = [
  new RegExp(`(?<![\\w-])pods?(?:\\s+${QUOTE}(${NAME})${QUOTE})?${PLACE}\\s+${FAILS_EN}`, 'giu'),
  new RegExp(`(?<![\\w-])${QUOTE}(${NAME})${QUOTE}\\s+pods?${PLACE}\\s+${FAILS_EN}`, 'giu'),
  // A Chinese failure may come a few words after the pod (`pod 访问 svc 超时`, `pod 之间不通`), in the same clause.
  new RegExp(`(?:pod|容器)\\s*(?:${QUOTE}(${NAME})${QUOTE})?${ZH_GAP}${FAILS_ZH}`, 'giu'),
  new RegExp(`(?<![\\w-])${QUOTE}(${NAME})${QUOTE}\\s*(?:pod|容器)${ZH_GAP}${FAILS_ZH}`, 'giu'),
  // The pods are where the failure is seen: `not reachable from pods`, `curl times out from pod web-0`.
  new RegExp(
    `(?:${FAILS_EN}|unreachable|not\\s+reachable|refused|timeout)\\s+(?:from|in|inside|within)\\s+(?:the\\s+|my\\s+|a\\s+|all\\s+)?(?:(?!pods?\\b)(${NAME})\\s+pods?|pods?(?:\\s+${QUOTE}(${NAME})${QUOTE})?)(?![\\w-])`,
    'giu',
  ),
];

/** Words before "pod" that are no pod's name: articles, pronouns, quantifiers. */
const NOT_A_NAME =
  /^(?:a|an|the|my|our|your|its|their|this|that|these|those|some|all|any|every|each|other|one|two|new|test|app|application|client|both)$/i;

/**
 * The report says an application pod fails: a failure sentence whose subject is a pod not of an add-on (a pod
 * written by name or not: "pods on worker-2 cannot reach", "my pod can't resolve").
 */
export function applicationPodFails(text: string): boolean {
  const normal = text.normalize('NFKC');
  for (const pattern of FAILING_POD_SUBJECT) {
    for (const match of normal.matchAll(pattern)) {
      // With no name after the pod word, the word before it may say whose pods they are (`coredns pods can't start`,
      // `calico-node 的 pod 无法启动`).
      const name =
        match[1] ??
        match[2] ??
        WORD_BEFORE.exec(normal.slice(Math.max(0, (match.index ?? 0) - 40), match.index))?.[1];
      if (name === undefined || NOT_A_NAME.test(name) || !(addOnObject(name) || ADD_ON_WORD.test(name)))
        return true;
    }
  }
  return false;
}

/**
 * `kubectl exec -it busybox -- nslookup kubernetes.default`, `kubectl exec -ti dnsutils cat /etc/resolv.conf`: the pod a
 * command the report ran execs into, after the command's flags (`-it`, `-n kube-system`, `--namespace=x`, `-c name`).
 */
const EXEC_INTO =
  /(?<![\w-])(?:kubectl|oc|k)\s+(?:(?:-n|--namespace|--context)(?:\s+|=)\S+\s+)*exec\s+(?:(?:-n|--namespace|-c|--container)(?:\s+|=)\S+\s+|-[\w-]+(?:=\S+)?\s+)*(?:pods?\/|po\/)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?![\w.-])/gi;

/**
 * The report runs its check in a pod not of an add-on (`kubectl exec -it busybox -- nslookup ...` beside `kubectl exec
 * kube-dns-2924299975-d2z5z -c kube-dns -- nslookup google.com`): that pod is the one the runbooks' checks run in, as
 * much as a pod it says fails (see `applicationPodFails`).
 */
export function checkRunInApplicationPod(text: string): boolean {
  for (const match of text.normalize('NFKC').matchAll(EXEC_INTO)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name !== '' && !addOnObject(name) && !NOT_A_NAME.test(name)) return true;
  }
  return false;
}

/** The report has an application pod in play: one it says fails or one it runs a check in. */
export function applicationPodInPlay(text: string): boolean {
  return applicationPodFails(text) || checkRunInApplicationPod(text);
}

/** A word naming an add-on's pods without its full name: `calico pod`, `the DNS pods`, `ingress controller pod`. */
const ADD_ON_WORD =
  /^(?:calico|kubedns|dns|proxy|cni|controller|ingress|agent|operator|speaker|daemonset|ds|system|network|cni-plugin)$/i;

/** The word right before the pod word: `coredns pods`, `kube-proxy 的 pod`. */
const WORD_BEFORE = /([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)\s*(?:的\s*)?$/i;

/** A kubectl command runs on the name: `kubectl logs`, `kubectl -n kube-system logs`, `kubectl exec -it`, `describe pod`. */
const COMMAND_BEFORE =
  /(?<![\w-])(?:kubectl|oc|k)\s+(?:[^;；。\n|]*?\s)?(?:logs?|exec|describe|debug|attach|top)\s(?:[^;；。\n|]*?\s)?(?:(?:pods?|po)[/\s])?$/i;
/** A pasted log follows the name: `calico-node-7xk2p logs:`, `kube-proxy-x 的日志`, `coredns-x log: [ERROR]`. */
const LOG_AFTER =
  /^\s*(?:'s\s+|’s\s+|\s*的\s*)?(?:\(|（)?\s*(?:logs?|logging|log\s+shows|日志|log\s*output|container\s+logs?)(?![\w-])|^\s+keeps\s+logging|^\s+(?:shows|prints|says|reports)\s*:/i;
/** The log is read from the name: `logs of calico-node-7xk2p`, `logs from kube-proxy-x`. */
const LOG_BEFORE = /(?:logs?\s+(?:of|from|in)|日志\s*[:：]?)\s*[`'"]?$/i;

/** Every mention of the add-on pod is a quote: the pod of a command the report ran, or the source of a pasted log. */
export function onlyQuoted(text: string, pod: string): boolean {
  const lower = text.normalize('NFKC').toLowerCase();
  const name = pod.toLowerCase();
  let seen = false;
  for (const at of wholeNameMentions(lower, name)) {
    const before = lower.slice(Math.max(0, at - 120), at);
    const after = lower.slice(at + name.length, at + name.length + 40);
    // `kube-system/calico-node-x`, `pods/calico-node-x` inside a command: the prefix belongs to the quote.
    const bare = before.replace(/(?:[a-z0-9-]+\/)$/, '');
    if (!COMMAND_BEFORE.test(bare) && !LOG_AFTER.test(after) && !LOG_BEFORE.test(bare)) return false;
    seen = true;
  }
  return seen;
}

/**
 * The add-on pod is only quoted beside an application pod the report says fails or runs a check in: it fills no `<pod>`, nor does the
 * `-n` of the command it was quoted in fill `<namespace>`.
 */
export function quotedAddOnPod(text: string, pod: string): boolean {
  return addOnObject(pod) && onlyQuoted(text, pod) && applicationPodInPlay(text);
}

/**
 * The namespace is written only as the prefix of those pods (`pod="kube-system/calico-node-7xk2p"` in a kubelet log):
 * it is theirs, so beside an application pod it gives no `<namespace>` once they fill no `<pod>`.
 */
export function onlyPrefixOf(text: string, namespace: string, pods: readonly string[]): boolean {
  if (pods.length === 0) return false;
  const lower = text.normalize('NFKC').toLowerCase();
  let seen = false;
  for (const at of wholeNameMentions(lower, namespace)) {
    const rest = lower.slice(at + namespace.length);
    if (!pods.some((pod) => rest.startsWith(`/${pod}`) && !/[a-z0-9-]/.test(rest[pod.length + 1] ?? ' ')))
      return false;
    seen = true;
  }
  return seen;
}
