/**
 * A LoadBalancer Service whose external address is never allocated: the pasted `kubectl get svc` row
 * (`web LoadBalancer 10.96.0.12 <pending> 80:31222/TCP`), "EXTERNAL-IP stays pending", "LoadBalancer stuck in
 * <pending>", "EXTERNAL-IP 一直是 pending". Reports seldom word it like a runbook's symptom row, but they paste the row
 * or say "pending" of the external IP, and that is the one symptom whose cause (no cloud controller / MetalLB
 * allocates the address) the row states. A pod or node Pending is another symptom. Pure.
 */

/** The pasted get-svc row: TYPE LoadBalancer, a CLUSTER-IP (or None), then `<pending>` in EXTERNAL-IP. */
const PENDING_ROW = /\bLoadBalancer\s+(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*|None)\s+<pending>/i;

/** The external address named, in English or Chinese. */
const EXTERNAL_ADDRESS = String.raw`(?:external[-_ ]?(?:load\s?-?balancer\s+)?ips?\b|external\s+(?:ip\s+)?address(?:es)?|外部\s*IP|外部地址|外网\s*IP)`;

/** A load balancer named as the Service type, not a cloud LB's health check or a MetalLB pod. */
const LOAD_BALANCER = String.raw`(?:load\s?-?balancer(?:\s+service)?|type\s*[:=]?\s*LoadBalancer|负载均衡)`;

/** "pending", `<pending>`, 挂起, 等待分配 (a clause's span: no sentence end, no pod or node in between). */
const PENDING = String.raw`(?:<pending>|\bpending\b|挂起|等待分配)`;
const SPAN = String.raw`(?:(?!\b(?:pods?|nodes?)\b|[.?!。？！\n]).){0,40}?`;

const SAID_PENDING = new RegExp(
  `${EXTERNAL_ADDRESS}${SPAN}${PENDING}|${PENDING}${SPAN}${EXTERNAL_ADDRESS}|${LOAD_BALANCER}${SPAN}${PENDING}`,
  'i',
);

/** The address said never to be given: "no external IP assigned", "external IP is not allocated", "外部 IP 分配不到". */
const NOT_ASSIGNED = new RegExp(
  `\\bno\\s+${EXTERNAL_ADDRESS}\\s+(?:is\\s+|was\\s+|gets?\\s+|being\\s+)?(?:assigned|allocated)|${EXTERNAL_ADDRESS}\\s+(?:is\\s+|was\\s+)?(?:never|not)\\s+(?:being\\s+)?(?:assigned|allocated)|${EXTERNAL_ADDRESS}\\s*(?:一直)?(?:分配不到|没有?分配)|没有?分配${EXTERNAL_ADDRESS}`,
  'i',
);

/** Whether the text says a LoadBalancer Service's external address stays pending (pasted or in words). */
export function statesExternalIpPending(text: string): boolean {
  return PENDING_ROW.test(text) || SAID_PENDING.test(text) || NOT_ASSIGNED.test(text);
}

/**
 * The words of an asking clause about that address ("Why does the LoadBalancer Service never get an external IP",
 * "Why does it stay pending", "为什么外部 IP 一直分配不到"): the clause asks about the symptom the report states.
 */
const ABOUT_ADDRESS = new RegExp(`${EXTERNAL_ADDRESS}|${LOAD_BALANCER}|${PENDING}|分配不到|拿不到`, 'i');

/**
 * A clause about a pod or a node ("Why does the coredns pod stay pending") asks about another Pending; one about a
 * NodePort or ClusterIP Service asks about a type that is given no external address by design.
 */
const OTHER_SUBJECT = /\b(?:pods?|nodes?|node\s?ports?|cluster\s?ips?)\b|节点/i;

/** Whether a why clause asks about the stated pending external address of the report it ends. */
export function asksAboutPendingExternalIp(question: string, clause: string): boolean {
  return statesExternalIpPending(question) && ABOUT_ADDRESS.test(clause) && !OTHER_SUBJECT.test(clause);
}
