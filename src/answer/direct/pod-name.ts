/**
 * A pod's own name asked: "What stable address should replica set members use instead of pod IPs?", "What name
 * should the cluster members use instead of the pod IP?", "集群成员应该用什么稳定地址？". A pod's DNS name has the pod's
 * label before its Service's (`web-0.nginx.default.svc.cluster.local`); a line giving only the Service's name
 * (`nginx.default.svc.cluster.local`) names every ready pod at once and answers another question. Pure.
 */

/**
 * The ask is about one pod or member: a pod, a member, a replica, a peer, an instance, a backend, a hostname; or a
 * name wanted in place of an IP ("instead of its IP"). Not a Service's name ("the full service name", "服务完整域名").
 */
const POD_ASKED =
  /\bpods?\b|\bmembers?\b|\breplicas?\b|\bpeers?\b|\binstances?\b|\bbackends?\b|\bhost ?names?\b|\binstead of (?:the |its |their |a )?(?:pod'?s? )?ips?\b|成员|成員|实例|實例|副本|节点|節點|主机名|主機名|Pod/i;
const SERVICE_ASKED =
  /\bservice(?:'s)?\s+(?:dns\s+|domain\s+|full\s+)?names?\b|服务(?:的)?(?:完整)?(?:域名|名字|名称)/i;

/** Whether the asking clause asks for one pod's name, not a Service's. */
export function asksPodName(focus: string): boolean {
  return POD_ASKED.test(focus) && !SERVICE_ASKED.test(focus);
}

/**
 * A pod's DNS name in a line: three labels or more before `.svc` (the pod's, its Service's, the namespace), written as
 * a name or as placeholders (`<pod>.<service-name>.<namespace>.svc.cluster.local`). Not a SRV record's port label
 * (`_http._tcp.nginx...`).
 */
const POD_NAME =
  /(?<![\w.*<>$()-])(?!_)(?:[a-z0-9][\w-]*|<[\w-]+>)\.(?:[a-z0-9][\w-]*|<[\w-]+>)\.(?:[a-z0-9][\w-]*|<[\w-]+>)\.svc(?:\.cluster\.local)?(?![\w-])/i;

export function statesPodName(quote: string): boolean {
  return POD_NAME.test(quote);
}
