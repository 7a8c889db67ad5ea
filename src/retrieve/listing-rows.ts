/**
 * The rows of the `kubectl get pods|nodes|svc` listings reports paste, written once: retrieval keeps a failing row with
 * the reporter's prose (`pasted.ts`), the fills read a row's name, namespace and state (`answer/placeholders.ts`).
 * Named groups give the cells; the surrounding context (a NAMESPACE column, a `kind/` prefix) is optional.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** An IPv4 address (the caller says what may follow it). */
export const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
/** A DNS-1123 name (labels joined by dots), as Kubernetes object names are written. */
export const NAME = '[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?';
/**
 * What may not follow a name: more name characters (a dot ending the sentence is fine), or a shell variable or
 * template that completes it (`namespace ns-test$i`, `pod web${i}`, `svc app{{ .Values.suffix }}`): the word before
 * is only the fixed part of many names, none of which it is.
 */
export const NAME_END = '(?![a-z0-9_\\-/$]|\\.[a-z0-9]|\\{\\{)';

/** A NAMESPACE cell before a row's name (`kubectl get -A`). */
const NAMESPACE_CELL = '(?:(?<namespace>[a-z0-9][a-z0-9-]*)\\s+)?';
/** An AGE cell: `5m`, `2d16h`, `44m`, `11h`. */
const AGE = '\\d+[smhdy]\\w*';

/**
 * `[namespace] nginx-6d4cf56db6-2xk9v 1/1 Running 0 [(42m ago)] 5m [10.244.1.5 node2 [<none> <none>]]`: NAME, READY,
 * STATUS, RESTARTS, AGE, then `-o wide`'s IP and NODE; `kind/name` as `kubectl get all` writes it. Case matters:
 * kubectl writes names lowercase, and the header's last column (`NODE`, `GATES`) is no NAMESPACE cell.
 */
export const POD_ROW = new RegExp(
  `(?<![\\w./-])${NAMESPACE_CELL}(?:(?:pods?|po)/)?(?<name>${NAME})\\s+(?<ready>\\d+)/(?<total>\\d+)\\s+(?<status>[A-Za-z][\\w:]*)\\s+\\d+(?:\\s+\\([^)]*\\))?\\s+${AGE}(?:\\s+(?:${IPV4}|<none>)(?:\\s+(?!\\d)(?<node>${NAME})${NAME_END})?(?:\\s+<none>\\s+<none>)?)?`,
  'g',
);

/**
 * A pod row shortened to name, ready and status (`etcd-k8s-master 1/1 Running;`): a generated name with a dash (a
 * static pod's may end in its node's domain: `etcd-master.novalocal`), and the row ends at a `;`, `,`, a sentence's
 * end or the text's.
 */
export const SHORT_POD_ROW =
  /(?<![\w.-])(?:[a-z0-9][a-z0-9-]*\s+)?(?:(?:pods?|po)\/)?(?<name>[a-z0-9]+(?:[.-][a-z0-9]+)*-[a-z0-9]+(?:\.[a-z0-9]+)*)\s+(?<ready>\d+)\/(?<total>\d+)\s+(?<status>[A-Z][A-Za-z]+)(?:\s+\d+(?:\s+\([^)]*ago\))?)?(?=\s*[;,；，。]|\.(?:\s|$)|\s*$)/gu;

/**
 * `node2 Ready[,SchedulingDisabled] <none> 11h v1.18.5[+k3s1] [128.5.49.40]`: NAME, STATUS, ROLES, AGE, VERSION, then
 * `-o wide`'s INTERNAL-IP.
 */
export const NODE_ROW = new RegExp(
  `(?<![\\w./-])(?<name>${NAME})\\s+(?<status>Ready|NotReady)(?<cordoned>,SchedulingDisabled)?\\s+(?:<none>|[a-z][a-z,-]*)\\s+\\d+[smhdy][0-9smhdy]*\\s+v\\d+\\.\\d+\\.\\d+[\\w.+-]*(?:\\s+${IPV4}(?![\\d.]))?`,
  'g',
);

/**
 * A node row shortened as reports retype `kubectl get nodes` into prose (`node0003 NotReady control-plane;`,
 * `k8s-4 NotReady;`, `cluster-b NotReady master 10.194.10.102;`): NAME and STATUS, then any of ROLES, AGE, VERSION
 * and INTERNAL-IP, and the row ends at a `;`, `,`, a sentence's end or the text's. Without its listing's command
 * before it, `X Ready` is prose ("the node is Ready."): the caller checks that.
 */
export const SHORT_NODE_ROW = new RegExp(
  `(?<![\\w./-])(?<name>${NAME})\\s+(?<status>Ready|NotReady)(?<cordoned>,SchedulingDisabled)?(?:\\s+(?:<none>|[a-z][a-z,-]*))?(?:\\s+\\d+[smhdy][0-9smhdy]*)?(?:\\s+v\\d+\\.\\d+\\.\\d+[\\w.+-]*)?(?:\\s+${IPV4}(?!\\d|\\.\\d))?(?=\\s*[;,；，。]|\\.(?:\\s|$)|\\s*$)`,
  'gu',
);

/**
 * `[namespace] nginx [LoadBalancer] 10.111.74.182 172.19.188.15 80:30958/TCP[,443:31443/TCP] [<none>] [age] [selector]
 * [age]`: NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), then the wide columns.
 */
export const SERVICE_ROW = new RegExp(
  `(?<![\\w./-])${NAMESPACE_CELL}(?:(?:services?|svc)/)?(?<name>${NAME})\\s+(?:(?<type>ClusterIP|NodePort|LoadBalancer|ExternalName)\\s+)?(?:${IPV4}|None)\\s+(?<external>${IPV4}|<none>|<pending>|${NAME})\\s+\\d+(?::\\d+)?/(?:TCP|UDP|SCTP)(?:,\\d+(?::\\d+)?/(?:TCP|UDP|SCTP))*(?:\\s+<none>)?(?:\\s+${AGE})?(?:\\s+[\\w./-]+=[\\w./-]+(?:,[\\w./-]+=[\\w./-]+)*)?(?:\\s+${AGE})?`,
  'g',
);

/** Where a row's own cells start: past the NAMESPACE cell, if the row has one. */
export function rowStart(match: RegExpMatchArray): number {
  const index = match.index ?? 0;
  if (match.groups?.namespace === undefined) return index;
  return index + (/^\S+\s+/.exec(match[0])?.[0].length ?? 0);
}
