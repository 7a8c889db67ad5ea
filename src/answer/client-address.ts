/**
 * A server in the cluster that does not see its clients' own address: its log or the request shows a load balancer's,
 * a node's, a bridge's or an ingress pod's address instead ("The apisix log client IP is not a real IP", "the server
 * always sees the load balancer's IP as client IP", "how can get real ip of client by haproxy", 获取不到客户端真实
 * IP). Reports of it are told in the proxy's or application's words (its log format, `$remote_addr`, its chart's
 * settings), which the runbooks share little of, but the path is one a runbook explains: traffic coming in through a
 * NodePort or load balancer is SNATed to a node's address unless the Service keeps its clients' source address. The
 * runbook is the one whose triggers state that the client's source address is lost (read from the KB). Pure.
 */
import type { DocRecord } from '../core/types.js';

/** The client's own address, named as the one the server should see (English and Chinese). */
const CLIENT_ADDRESS = new RegExp(
  [
    // "real client IP", "original source IP", "actual remote address", "real ip of client", "client ... not real ip"
    String.raw`\b(?:real|original|actual|true)\s+(?:client(?:'s)?|source|remote)\s+(?:ip|address)`,
    String.raw`\b(?:real|original|actual|true)\s+ip(?:\s+address)?\s+of\s+(?:the\s+)?(?:clients?|users?|visitors?|requests?)\b`,
    String.raw`\bclients?\b[^.,;:!?。，；]{0,40}\breal\s+ip\b`,
    // "client IP(s)", "client's IP address", "client source IP" (not a Service's \`sessionAffinity: ClientIP\`)
    String.raw`\bclients?(?:'s?)?\s+(?:real\s+|source\s+)?ip(?:\s*address(?:es)?|s)?\b`,
    String.raw`\bIPs?\s+of\s+(?:the\s+)?(?:real\s+)?clients?\b`,
    // nginx's and apisix's variable of the peer's address
    String.raw`\$remote_addr\b`,
    '(?:真实|真實|实际|實際)\\s*(?:的)?\\s*(?:客户端|客戶端|来源|來源|源)?\\s*ip',
    '(?:客户端|客戶端)\\s*(?:的)?\\s*(?:真实|真實|源)?\\s*ip',
  ].join('|'),
  'i',
);

/**
 * Words saying the address is lost or asked for: the server logs or sees another one, or the report asks how to get,
 * keep or log the client's.
 */
const LOST_OR_ASKED =
  /\bnot\b|n't\b|\binstead\b|\balways\b|\b(?:get|getting|obtain|see|sees|seeing|log|logs|logged|logging|preserve[sd]?|keep|retain|show[sn]?|shows)\b|丢失|丟失|获取|獲取|拿到|看到|不是|变成|變成|保留/i;

/**
 * Traffic a pod sends out (its source address as an outside server sees it): the egress path's runbook, not this one.
 */
const OUTGOING =
  /\begress\b|\boutgoing\b|\boutbound\b|leaving\s+(?:a|the)\s+pod|\bnat\s*gateway\b|出口|出网|出網|出集群|出叢集/i;

/**
 * The client named in the sentence (or its address as a server calls it: the remote one): a bare "real IP" may be a
 * server's own ("the broker ip is a pod ip, not a real ip").
 */
const CLIENT = /\bclients?\b|\bremote\b|\$remote_addr\b|\bsource\s+ip|客户端|客戶端|来源|來源|源\s*ip/i;

/**
 * Words saying the server runs in a cluster behind its Services: a server in a plain Docker container or behind a
 * reverse proxy on a host ("docker logs -f nginx ... client ips are not forwarded") is no path of the runbooks.
 */
const IN_CLUSTER =
  /\bkube|\bk8s\b|\bk3s\b|ingress|node\s*port|load\s*balancer|\bpods?\b|openshift|\bhelm\b|集群|叢集/i;

/** The sentences of a report, split at sentence ends and line breaks. */
const sentences = (text: string) => text.split(/(?<=[.?!。？！])\s+|\n+/);

/**
 * Whether the report says a server does not get its clients' own address, or asks how to get it: a sentence names
 * the client's address (a client named in it) and says it is lost, shown as another or asked for. Not a report about a pod's outgoing
 * traffic (`OUTGOING`), whose source address an outside server sees, nor one naming nothing of a cluster (`IN_CLUSTER`).
 */
export function statesLostClientAddress(question: string): boolean {
  const text = question.normalize('NFKC');
  if (OUTGOING.test(text) || !IN_CLUSTER.test(text)) return false;
  return sentences(text).some(
    (sentence) => CLIENT_ADDRESS.test(sentence) && CLIENT.test(sentence) && LOST_OR_ASKED.test(sentence),
  );
}

/** A runbook trigger stating that the client's source address is lost or kept (`客户端源 IP 丢失`, `source IP preservation`). */
const SOURCE_ADDRESS_TRIGGER =
  /(?:客户端|客戶端)\s*(?:的)?\s*(?:源|真实|真實)?\s*ip|\bsource\s+ip\s+preserv|\bclient\s+(?:source\s+)?ip\b/i;

/**
 * The runbook whose triggers state the client's source address being lost, with those triggers (its own words for
 * it, to search by when the report's words find nothing), or null when none does.
 */
export function clientAddressRunbook(
  docs: readonly Pick<DocRecord, 'path' | 'triggers'>[],
): { path: string; triggers: string[] } | null {
  for (const doc of docs) {
    const triggers = doc.triggers.filter((trigger) => SOURCE_ADDRESS_TRIGGER.test(trigger));
    if (triggers.length > 0) return { path: doc.path, triggers };
  }
  return null;
}
