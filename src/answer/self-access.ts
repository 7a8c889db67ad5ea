/**
 * A pod reaching itself through its own Service (hairpin traffic). Pure.
 *
 * A runbook row stating that premise ("Pod 通过自己的 Service 访问自己超时") shares every other word (pod, Service,
 * timeout, 访问) with any report of a Service that times out, so it ranked as the likely cause of reports that never
 * say the client is the backend ("timeout when calling the web service from the init container"), and its bridge
 * hairpin check led or filled those answers in place of the EndpointSlice and direct-to-pod checks. The premise is what
 * sets the row apart from its siblings: the row is a likely cause, and its check worth running, only for a report that
 * states it too: the same test reads the report and the row symptom.
 */

import { foldText } from '../retrieve/normalize.js';

/** What a pod does to reach something: reach, access, connect, curl, telnet, 访问, 连. */
const REACH = String.raw`(?:reach|access|connect|call|curl|telnet|ping|talk|request|visit|hit|send|loop)[a-z]*(?:\s+(?:to|back))?`;

/** The Service a pod reaches itself through: its own Service, ClusterIP, VIP or name. */
const OWN_SERVICE = '(?:service|svc|cluster[- ]?ip|vip|virtual ip)';

const SELF_ACCESS = new RegExp(
  [
    // The mechanism by name: "hairpin mode", "Hairpin NAT", 发夹.
    '(?<![a-z])hairpin',
    '发夹',
    // "a pod can't reach itself", "pods cannot access themselves via their Service IP".
    String.raw`(?<![a-z])${REACH}\s+(?:(?:the|this|that)\s+)?(?:pod\s+|container\s+)?(?:itself|themselves)(?![a-z])`,
    // "request pod itself via service", "the container cannot telnet itself".
    String.raw`(?<![a-z])(?:pod|pods|container|containers)\s+(?:itself|themselves)\s+(?:via|through|using|by)(?![a-z])`,
    // "access its own cluster-ip", "via their own svc name"; not "a Deployment with its own Service" (one per member).
    String.raw`(?<![a-z])(?:${REACH}|via|through|using|by)\s+(?:its|their)\s+own\s+${OWN_SERVICE}`,
    // "the service backed by itself", "the pod that backs the service", "a service that points back to the pod".
    String.raw`(?<![a-z])backed\s+by\s+(?:itself|themselves)`,
    String.raw`(?<![a-z])(?:pod|pods|container)\s+(?:that|which)\s+backs?\s+(?:the|its|this)\s+${OWN_SERVICE}`,
    String.raw`(?<![a-z])points?\s+back\s+to\s+(?:the|this|its)\s+pod`,
    // The client named as the Service's own backend: "from the pod backing the service", "inside the container running
    // the service", "in the pod that serves the ClusterIP".
    String.raw`(?<![a-z])(?:from|in|inside|within)\s+(?:the|a|its|this|that)\s+(?:same\s+)?(?:pod|container|backend)s?\s+(?:(?:that|which)\s+(?:is\s+)?)?(?:backing|backs|behind|serving|serves|running|runs|hosting|hosts|providing|provides)\s+(?:the|this|that|its)\s+${OWN_SERVICE}`,
    String.raw`(?<![a-z])${OWN_SERVICE}'s\s+(?:own\s+)?pods?(?![a-z])`,
    // 自己访问自己, 通过自己的 Service, 指向自己的 Service, "访问自己超时"; not "我自己的服务" (my own service).
    '自己访问自己',
    String.raw`(?:通过|经过?|用|访问|指向|请求)\s*(?:自己|自身)\s*的\s*(?:${OWN_SERVICE}|服务\s*ip|服务地址)`,
    String.raw`(?:访问|连接?|请求|调用?|ping|curl|telnet)\s*(?:自己|自身)(?=\s*(?:超时|失败|不通|报错|时|$|[,，。.;；?？!！)）]))`,
    '回环访问',
  ].join('|'),
  'u',
);

/** The text says a pod reaches itself through its own Service (or names hairpin traffic). */
export function saysPodReachesItself(text: string): boolean {
  return SELF_ACCESS.test(foldText(text));
}

/**
 * The rows whose symptom states the self-access premise while the report does not: none of them is a likely cause of
 * this report, and their checks test traffic the report never has. The report is read once, whatever the rows.
 */
export function selfAccessUnstated<Row extends { symptom: string }>(
  rows: readonly Row[],
  query: string,
): Row[] {
  if (saysPodReachesItself(query)) return [];
  return rows.filter((row) => saysPodReachesItself(row.symptom));
}
