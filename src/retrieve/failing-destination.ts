/**
 * Which kind of Service address a report's failing request goes to. A request to a node's IP on a NodePort, to a
 * LoadBalancer's external IP, or from a client outside the cluster goes through the external-access runbook
 * (category `service_external`); a request to a Service's ClusterIP (`10.96.0.1:443`, `10.43.0.1`, "cluster IP"),
 * to a Service's DNS name or from inside a pod goes through the ClusterIP runbook (`service_clusterip`). Both
 * runbooks share the words "service", "connection refused", "不通", so BM25 alone cites one in the other's place.
 * Only a report whose failing part points at one kind and not the other is read: "NodePort works but ClusterIP does
 * not" names both and stays with the words. Pure.
 */
import { addressesNodePort } from './nodeport-address.js';

export type FailingDestination = 'external' | 'clusterip';

/**
 * External access: a NodePort (also the `${NODE_PORT}` of a how-to), a LoadBalancer or its EXTERNAL-IP, a client
 * outside the cluster, a node's IP as the address.
 */
const EXTERNAL =
  /node[\s_-]?port|节点端口|load[\s_-]?balancer|external[\s_-]?ip|externaltrafficpolicy|from\s+(?:the\s+)?(?:external|outside)|outside\s+(?:of\s+)?the\s+cluster|(?:集群|k8s|kubernetes)\s*(?:外部|外)|外部访问|外网访问|从外部|node[\s_-]?ip(?![a-z])|节点\s*ip/iu;

/**
 * A ClusterIP: the words, a Service's DNS name, a Service's virtual address as a dialled IP (the `kubernetes`
 * Service's first address of the usual service ranges: 10.96.0.1, 10.43.0.1, 10.0.0.1, 10.100.0.1, 10.152.183.1,
 * 172.20.0.1, 10.32.0.1), or a client inside a pod.
 */
const CLUSTER_IP =
  /cluster[\s_-]?ip(?!\s*[:=]\s*none)|(?:service|svc)[\s_-]?ip(?![a-z])|集群\s*ip|服务\s*ip|\.svc(?:\.cluster\.local)?(?![\w-])|(?<![\d.])(?:10\.(?:96|43|0|100|32)\.0\.1|10\.152\.183\.1|172\.20\.0\.1)(?![\d])|(?:from|inside|within|in)\s+(?:a|the|another|one|my)?\s*(?:pod|container)s?(?![a-z-])|(?:pod|容器)\s*(?:内|里|中)/iu;

/** The kind of address the failing text goes to, or null when it names neither or both. */
export function failingDestination(text: string): FailingDestination | null {
  const external = addressesNodePort(text) || EXTERNAL.test(text);
  const clusterIp = CLUSTER_IP.test(text);
  if (external === clusterIp) return null;
  return external ? 'external' : 'clusterip';
}

/** The runbook category each destination goes through. */
const CATEGORY_OF: Record<FailingDestination, string> = {
  external: 'service_external',
  clusterip: 'service_clusterip',
};

export interface FailingDestinationFactors {
  /** The destination's own runbooks. */
  lift: number;
  /** The other kind's runbooks. */
  demote: number;
}

/**
 * The score factor per doc, or null when the failing destination is not clear. The destination's runbooks score
 * `lift`, the other kind's `demote`; no other category moves, so a named CNI's runbook keeps its place.
 */
export function failingDestinationFactor(
  text: string,
  categoryOfDoc: (docPath: string) => string | null,
  factors: FailingDestinationFactors,
): ((docPath: string) => number) | null {
  if (factors.lift === 1 && factors.demote === 1) return null;
  const destination = failingDestination(text);
  if (destination === null) return null;
  const own = CATEGORY_OF[destination];
  const other = CATEGORY_OF[destination === 'external' ? 'clusterip' : 'external'];
  return (docPath) => {
    const category = categoryOfDoc(docPath);
    if (category === own) return factors.lift;
    return category === other ? factors.demote : 1;
  };
}
