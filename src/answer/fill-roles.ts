/**
 * Role checks for placeholder fills: words that look like object names but are a field, a count or another object's
 * part. Pure helpers for `placeholders.ts`.
 */

/**
 * A Service's or pod's field written as a hyphenated word (`EXTERNAL-IP`, `CLUSTER-IP`, `node-port`, `target-port`):
 * "service external-ip is not reachable" talks about the field, it names no Service.
 */
const FIELD_WORD =
  /^(?:external|cluster|internal|public|private|node|pod|host|service|lb|load-balancer|floating|virtual|vip|target|container)-(?:ips?|ports?|address(?:es)?)$|^load-balancers?$/;

export function isFieldWord(value: string): boolean {
  return FIELD_WORD.test(value);
}

/**
 * The object word is part of a count used as an adjective ("3 node microk8s cluster", "a 2-node k3s setup", "三节点
 * microk8s 集群"): the word after it says what the cluster is, it names no node. A counted plural or a classifier
 * enumerates names instead ("3 nodes node1 node2 node3", "3个节点 worker1、worker2"). `before` is the text right
 * before the object word.
 */
const COUNT_BEFORE_LATIN =
  /(?:^|[^\w.-])(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|single|multi|multiple)[\s-]*$/i;
const COUNT_BEFORE_CJK = /(?:\d{1,4}|[一二两兩三四五六七八九十几幾多单單])\s*$/u;

export function countBefore(before: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return COUNT_BEFORE_CJK.test(before);
  return !/s$/i.test(word) && COUNT_BEFORE_LATIN.test(before);
}

/**
 * An interface the question places inside a pod or container ("eth0 inside the pod has MTU 1500", "the pod's eth0",
 * "容器里的 eth0", "eth0 in the container") is the pod's end of the veth: no host interface to capture on or tune.
 */
const INSIDE_POD_AFTER =
  /^\s*(?:\(\S+\)\s*)?(?:inside|in|within|of)\s+(?:the\s+|a\s+|each\s+|every\s+|my\s+|our\s+|that\s+)?(?:pods?|containers?|sandbox)(?![a-z])/i;
const INSIDE_POD_BEFORE =
  /(?:(?<![a-z0-9_-])(?:pods?|containers?)(?:'s|’s)?\s+|(?:pod|容器|容器组)\s*(?:内|内部|里|裡|中|中的|内的|里的|裡的|内部的)?\s*的?\s*)$/i;

export function insidePod(text: string, index: number, value: string): boolean {
  const after = text.slice(index + value.length, index + value.length + 40);
  const before = text.slice(Math.max(0, index - 24), index);
  return INSIDE_POD_AFTER.test(after) || INSIDE_POD_BEFORE.test(before);
}

/**
 * The question writes the name as part of a placeholder of its own (`external_ip_of_node1`, `<node1-ip>`,
 * `<node2的IP>`): node1 is a variable of the explanation ("if pod1 runs on node1, ping external_ip_of_node1 works"),
 * not a machine of the cluster.
 */
export function writtenAsVariable(text: string, value: string): boolean {
  const name = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:_of_|<[^<>\\s]{0,20}?)${name}(?![a-z0-9])`, 'i').test(text);
}
